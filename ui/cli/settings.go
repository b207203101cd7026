package cli

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
)

func (a *app) targetCmd() *cobra.Command {
	var year int
	var salesArg, monthArg string
	set := &cobra.Command{
		Use:   "set [--year Y --sales N] [--month YYYY-MM N]",
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
			v, err := parseMoney(salesArg)
			if err != nil {
				return err
			}
			annual = v
		}
		if monthArg != "" {
			m, err := parseMonth(monthArg)
			if err != nil {
				return err
			}
			v, err := parseMoney(args[0])
			if err != nil {
				return err
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
	return a.group("target", a.t("cli.short.target"), set, a.targetShowCmd())
}

// jsonTargetMonth is one month of `target show --json`.
type jsonTargetMonth struct {
	Month  string      `json:"month"`
	Target model.Money `json:"target"`
	ByHand bool        `json:"by_hand"`
	Signed model.Money `json:"signed"`
	// SignedAtLeast: signed is a sum too large to count exactly; the true
	// sum is at least signed (model.Money.Saturated). Present only then.
	SignedAtLeast bool `json:"signed_at_least,omitempty"`
}

// jsonTargetQuarter is one quarter of `target show --json`.
type jsonTargetQuarter struct {
	Quarter int         `json:"quarter"`
	Target  model.Money `json:"target"`
	Signed  model.Money `json:"signed"`
	// SignedAtLeast as in jsonTargetMonth.
	SignedAtLeast bool `json:"signed_at_least,omitempty"`
}

// jsonTargets is `target show --json`: the year's target, its months (set
// by hand or sharing the rest) and quarters, with what was signed.
type jsonTargets struct {
	Year   int         `json:"year"`
	Annual model.Money `json:"annual"`
	Signed model.Money `json:"signed"`
	// SignedAtLeast as in jsonTargetMonth.
	SignedAtLeast bool                `json:"signed_at_least,omitempty"`
	Months        []jsonTargetMonth   `json:"months"`
	Quarters      []jsonTargetQuarter `json:"quarters"`
}

// targetShowCmd is `target show [--year Y] [--json]`: the year view of the
// targets (the same numbers as the Month pane's year view): each month's
// target — set by hand or its share of what those leave — and each
// quarter's, against what was signed.
func (a *app) targetShowCmd() *cobra.Command {
	var year int
	var asJSON bool
	c := &cobra.Command{
		Use:   "show [--year Y]",
		Short: a.t("cli.short.target_show"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		if !c.Flags().Changed("year") {
			year = a.today.Year()
		}
		if year < 1900 || year > 2200 {
			return fail("cli.err.bad_year", year)
		}
		s, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		signed, err := st.YearSigned(year)
		if err != nil {
			return failWith(err, "cli.err.read_view", a.t("cli.view.targets"))
		}
		out := jsonTargets{Year: year, Annual: s.YearTarget(year), Months: []jsonTargetMonth{}, Quarters: []jsonTargetQuarter{}}
		for i, q := range signed {
			m := model.Month{Year: year, Month: time.Month(i + 1)}
			out.Months = append(out.Months, jsonTargetMonth{Month: m.String(), Target: q.Target, ByHand: s.MonthSetByHand(m), Signed: q.Value})
			out.Signed = out.Signed.Plus(q.Value)
			if i%3 == 0 {
				out.Quarters = append(out.Quarters, jsonTargetQuarter{Quarter: i/3 + 1, Target: s.QuarterTarget(year, i/3+1)})
			}
			out.Quarters[i/3].Signed = out.Quarters[i/3].Signed.Plus(q.Value)
		}
		out.SignedAtLeast = out.Signed.Saturated()
		for i := range out.Months {
			out.Months[i].SignedAtLeast = out.Months[i].Signed.Saturated()
		}
		for i := range out.Quarters {
			out.Quarters[i].SignedAtLeast = out.Quarters[i].Signed.Saturated()
		}
		if asJSON {
			return a.writeJSON(out)
		}
		cur := a.currency(s)
		a.say("cli.target.show_year", year, a.lang.MoneyExact(out.Annual, cur), a.lang.MoneyExact(out.Signed, cur))
		tb := table{right: []bool{false, true, true, false}}
		tb.add(a.t("cli.col.month"), a.t("cli.col.target"), a.t("cli.col.signed"), "")
		for i, m := range out.Months {
			hand := ""
			if m.ByHand {
				hand = a.t("cli.target.by_hand")
			}
			tb.add(m.Month, a.lang.MoneyExact(m.Target, cur), a.lang.MoneyExact(m.Signed, cur), hand)
			if i%3 == 2 {
				q := out.Quarters[i/3]
				tb.add(a.t("cli.target.quarter", q.Quarter), a.lang.MoneyExact(q.Target, cur), a.lang.MoneyExact(q.Signed, cur), "")
			}
		}
		tb.write(a.stdout, "  ")
		return nil
	})
	c.Flags().IntVar(&year, "year", 0, a.t("cli.flag.show_year"))
	c.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	return c
}

// configKeys are the settings a user sets one by one, named as in the
// exchange format; targets have their own command.
var configKeys = []string{"calls_per_day", "visits_per_week", "workdays", "key_cadence_days",
	"regular_cadence_days", "lead_cadence_days", "design_cadence_days", "stage_cadence_days",
	"language", "currency", "holidays", "days_off", "extra_workdays"}

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
	case "holidays":
		return s.Holidays
	case "days_off":
		return model.FormatDateList(s.DaysOff)
	case "extra_workdays":
		return model.FormatDateList(s.ExtraWorkdays)
	}
	return ""
}

func (a *app) checkConfigKey(key string) error {
	for _, k := range configKeys {
		if k == key {
			return nil
		}
	}
	return fail("cli.err.config_key", key, strings.Join(allConfigKeys(), ", "))
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
		if len(args) == 1 && isSyncKey(args[0]) {
			v, err := a.syncConfigGet(st, args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return a.writeJSON(v)
			}
			fmt.Fprintln(a.stdout, v)
			return nil
		}
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
		a.syncConfigRows(st, &tb)
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
		Long:  a.t("cli.long.config_set", strings.Join(allConfigKeys(), ", ")),
		Args:  exactArgs(2),
	}
	set.RunE = a.run(func(st *storage.Store, args []string) error {
		key, val := args[0], strings.TrimSpace(args[1])
		if isSyncKey(key) {
			v, err := a.syncConfigSet(st, key, val)
			if err != nil {
				return err
			}
			a.say("cli.config.set", key, v)
			return nil
		}
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
			st.SetLanguage(string(a.lang))
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
		if err != nil || n < lo || n > model.SettingMax {
			return nil, fail("cli.err.config_int", key, val, lo, model.SettingMax)
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
		// Printable only: no tab, no zero-width or bidi character, which
		// would be invisible beside an amount. The refusal quotes the value
		// with Go's escapes, so what was typed is recognisable and inert.
		if model.CheckCurrency(val) != nil {
			return nil, fail("cli.err.config_currency", val)
		}
		return func(s *model.Settings) error { s.Currency = val; return nil }, nil
	case "holidays":
		// "" goes back to the default: cn for a Chinese reader, else none.
		if val != "" && val != model.HolidaysCN && val != model.HolidaysNone {
			return nil, fail("cli.err.config_holidays", val)
		}
		return func(s *model.Settings) error { s.Holidays = val; return nil }, nil
	case "days_off", "extra_workdays":
		// A list replaces the whole list; +DATE adds, -DATE removes one.
		edit, err := dateListEdit(val)
		if err != nil {
			return nil, fail("cli.err.config_dates", key, val)
		}
		return func(s *model.Settings) error {
			list := &s.DaysOff
			if key == "extra_workdays" {
				list = &s.ExtraWorkdays
			}
			*list = edit(*list)
			return s.CheckCalendar()
		}, nil
	}
	return nil, fail("cli.err.config_key", key, strings.Join(allConfigKeys(), ", "))
}

// dateListEdit reads a value for a list of dates: a list ("2026-10-08,
// 2026-10-09", empty for none) replaces it; "+DATE …" adds and "-DATE …"
// removes dates. The edit it returns keeps the list sorted and unique.
func dateListEdit(val string) (func([]model.Date) []model.Date, error) {
	val = strings.TrimSpace(val)
	if strings.HasPrefix(val, "+") || strings.HasPrefix(val, "-") {
		sign := val[0]
		fields := strings.FieldsFunc(val, func(r rune) bool { return r == ',' || r == ' ' || r == '，' })
		for i, f := range fields {
			fields[i] = strings.TrimPrefix(f, string(sign)) // "+D1 +D2" or "+D1,D2"
		}
		ds, err := model.ParseDateList(strings.Join(fields, " "))
		if err != nil || len(ds) == 0 {
			return nil, fmt.Errorf("not a list of dates: %q", val)
		}
		return func(list []model.Date) []model.Date {
			out := []model.Date{}
			for _, d := range list {
				if !slices.Contains(ds, d) {
					out = append(out, d)
				}
			}
			if sign == '+' {
				out = append(out, ds...)
				slices.Sort(out)
			}
			return out
		}, nil
	}
	ds, err := model.ParseDateList(val)
	if err != nil {
		return nil, err
	}
	return func([]model.Date) []model.Date { return ds }, nil
}
