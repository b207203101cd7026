package cli

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
)

func (a *app) targetCmd() *cobra.Command {
	var year int
	var salesArg, monthArg string
	set := &cobra.Command{
		Use:   "set --year Y --sales N | --month YYYY-MM N",
		Short: a.t("cli.short.target_set"),
		Args:  rangeArgs(0, 1),
	}
	set.RunE = a.run(func(st *storage.Store, args []string) error {
		yearSet := set.Flags().Changed("year") || salesArg != ""
		if !yearSet && monthArg == "" {
			return &usageError{key: "cli.usage.target", args: []any{set.CommandPath()}}
		}
		if yearSet && (!set.Flags().Changed("year") || salesArg == "") {
			return &usageError{key: "cli.usage.target", args: []any{set.CommandPath()}}
		}
		if (monthArg == "") != (len(args) == 0) {
			return &usageError{key: "cli.usage.target", args: []any{set.CommandPath()}}
		}
		var annual, monthly model.Money
		var month model.Month
		if yearSet {
			if year < 1 || year > 9999 {
				return fail("cli.err.bad_year", year)
			}
			v, err := model.ParseMoney(salesArg)
			if err != nil {
				return fail("cli.err.bad_amount", salesArg)
			}
			annual = v
		}
		if monthArg != "" {
			m, err := model.ParseMonth(monthArg)
			if err != nil {
				return fail("cli.err.bad_month", monthArg)
			}
			v, err := model.ParseMoney(args[0])
			if err != nil {
				return fail("cli.err.bad_amount", args[0])
			}
			month, monthly = m, v
		}
		err := st.UpdateSettings(func(s *model.Settings) error {
			if yearSet {
				if s.AnnualTargets == nil {
					s.AnnualTargets = map[int]model.Money{}
				}
				s.AnnualTargets[year] = annual
			}
			if monthArg != "" {
				if s.MonthTargets == nil {
					s.MonthTargets = map[string]model.Money{}
				}
				s.MonthTargets[month.String()] = monthly
			}
			return nil
		})
		if err != nil {
			return failWith(err, "cli.err.save_settings")
		}
		a.wrote = true
		cfg, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		cur := a.currency(cfg)
		if yearSet {
			a.say("cli.target.year", year, a.lang.MoneyExact(annual, cur))
		}
		if monthArg != "" {
			a.say("cli.target.month", month, a.lang.MoneyExact(monthly, cur))
		}
		return nil
	})
	f := set.Flags()
	f.IntVar(&year, "year", 0, a.t("cli.flag.year"))
	f.StringVar(&salesArg, "sales", "", a.t("cli.flag.sales"))
	f.StringVar(&monthArg, "month", "", a.t("cli.flag.target_month"))
	return a.group("target", a.t("cli.short.target"), set)
}

// configKeys are the settings a user sets one by one, named as in the
// exchange format; targets have their own command.
var configKeys = []string{"calls_per_day", "visits_per_week", "workdays", "key_cadence_days",
	"regular_cadence_days", "lead_cadence_days", "design_cadence_days", "stage_cadence_days",
	"language", "currency"}

// configInt points at an integer setting and gives its lower bound.
func configInt(s *model.Settings, key string) (*int, int, bool) {
	switch key {
	case "calls_per_day":
		return &s.CallsPerDay, 0, true
	case "visits_per_week":
		return &s.VisitsPerWeek, 0, true
	case "key_cadence_days":
		return &s.KeyCadenceDays, 1, true
	case "regular_cadence_days":
		return &s.RegularCadenceDays, 1, true
	case "lead_cadence_days":
		return &s.LeadCadenceDays, 1, true
	case "design_cadence_days":
		return &s.DesignCadenceDays, 1, true
	case "stage_cadence_days":
		return &s.StageCadenceDays, 1, true
	}
	return nil, 0, false
}

// configValue renders a setting as the user would type it back.
func configValue(s model.Settings, key string) string {
	if p, _, ok := configInt(&s, key); ok {
		return strconv.Itoa(*p)
	}
	switch key {
	case "workdays":
		b, _ := json.Marshal(s.Workdays)
		var names []string
		_ = json.Unmarshal(b, &names)
		return strings.Join(names, ",")
	case "language":
		return s.Language
	case "currency":
		return model.InertLine(s.Currency)
	}
	return ""
}

func (a *app) checkConfigKey(key string) error {
	for _, k := range configKeys {
		if k == key {
			return nil
		}
	}
	return fail("cli.err.config_key", key, strings.Join(configKeys, ", "))
}

func (a *app) configCmd() *cobra.Command {
	var asJSON bool
	get := &cobra.Command{
		Use:   "get [KEY]",
		Short: a.t("cli.short.config_get"),
		Args:  rangeArgs(0, 1),
	}
	get.RunE = a.run(func(st *storage.Store, args []string) error {
		s, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		// The currency is the one text a user types into the settings:
		// inert like every text in the command line's JSON.
		s.Currency = model.InertLine(s.Currency)
		if len(args) == 1 {
			if err := a.checkConfigKey(args[0]); err != nil {
				return err
			}
			if asJSON {
				b, _ := json.Marshal(s)
				var all map[string]json.RawMessage
				_ = json.Unmarshal(b, &all)
				return a.writeJSON(all[args[0]])
			}
			fmt.Fprintln(a.stdout, configValue(s, args[0]))
			return nil
		}
		if asJSON {
			// The settings object of the exchange format.
			return a.writeJSON(s)
		}
		var tb table
		for _, k := range configKeys {
			tb.add(k, configValue(s, k))
		}
		years := make([]int, 0, len(s.AnnualTargets))
		for y := range s.AnnualTargets {
			years = append(years, y)
		}
		sort.Ints(years)
		for _, y := range years {
			tb.add(a.t("cli.config.annual", y), a.lang.MoneyExact(s.AnnualTargets[y], a.currency(s)))
		}
		months := make([]string, 0, len(s.MonthTargets))
		for m := range s.MonthTargets {
			months = append(months, m)
		}
		sort.Strings(months)
		for _, m := range months {
			tb.add(a.t("cli.config.month", m), a.lang.MoneyExact(s.MonthTargets[m], a.currency(s)))
		}
		tb.write(a.stdout, "")
		return nil
	})
	get.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	set := &cobra.Command{
		Use:   "set KEY VALUE",
		Short: a.t("cli.short.config_set"),
		Args:  exactArgs(2),
	}
	set.RunE = a.run(func(st *storage.Store, args []string) error {
		key, val := args[0], strings.TrimSpace(args[1])
		if err := a.checkConfigKey(key); err != nil {
			return err
		}
		apply, err := a.configSetter(key, val)
		if err != nil {
			return err
		}
		if err := st.UpdateSettings(apply); err != nil {
			return failWith(err, "cli.err.save_settings")
		}
		a.wrote = true
		s, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		if key == "language" {
			a.lang = i18n.Detect(s.Language, a.env)
		}
		a.say("cli.config.set", key, configValue(s, key))
		return nil
	})
	return a.group("config", a.t("cli.short.config"), get, set)
}

// configSetter validates a value before the transaction, so that a bad
// value never reaches the database.
func (a *app) configSetter(key, val string) (func(*model.Settings) error, error) {
	if _, lo, ok := configInt(&model.Settings{}, key); ok {
		n, err := strconv.Atoi(val)
		if err != nil || n < lo || n > 10000 {
			return nil, fail("cli.err.config_int", key, val, lo)
		}
		return func(s *model.Settings) error {
			p, _, _ := configInt(s, key)
			*p = n
			return nil
		}, nil
	}
	switch key {
	case "workdays":
		var ws model.Workdays
		names := strings.FieldsFunc(val, func(r rune) bool { return r == ',' || r == ' ' })
		b, _ := json.Marshal(names)
		if err := json.Unmarshal(b, &ws); err != nil || len(ws) == 0 {
			return nil, fail("cli.err.config_workdays", val)
		}
		return func(s *model.Settings) error { s.Workdays = ws; return nil }, nil
	case "language":
		lang := ""
		if val != "" {
			l, ok := i18n.Parse(val)
			if !ok {
				return nil, fail("cli.err.config_language", val)
			}
			lang = string(l)
		}
		return func(s *model.Settings) error { s.Language = lang; return nil }, nil
	case "currency":
		if model.InertLine(val) != val || len([]rune(val)) > 8 {
			return nil, fail("cli.err.config_currency", val)
		}
		return func(s *model.Settings) error { s.Currency = val; return nil }, nil
	}
	return nil, fail("cli.err.config_key", key, strings.Join(configKeys, ", "))
}
