// Package settings is the planner's settings screen, opened with `,` from
// anywhere (DESIGN.md §5): the annual target and its year, month targets
// of their own, calls per day, visits per week, working days, follow-up
// cadences, language and currency, the working-day calendar, and the
// calendar sync publishes to (caldav.url and caldav.user; the password is
// never a setting: it comes from SALESPLAN_CALDAV_PASSWORD or a 0600 file
// beside the database, and the screen says which it found). Every field
// is checked as the form is saved, and the change is one
// Store.EditSettingsSync transaction (only the fields changed, onto the
// settings as stored) — the same settings `salesplan target set` and
// `salesplan config set` change.
//
// The shell opens it as a screen over the pane area (one Model, whatever
// tab it is opened from): Open starts it, Closed says it was left, and
// Update returns the messages for the shell (a status line and
// DataChangedMsg after a save).
package settings

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/davsync"
	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// Model is the settings screen.
type Model struct {
	env  common.Env
	lang i18n.Lang
	km   keys.KeyMap

	width, height int
	open          bool
	loading       bool
	busy          bool // a save is on its way
	set           model.Settings
	sync          storage.SyncConfig
	form          *form.Form
	seq           uint64
	// password says where sync's password comes from (loaded with the
	// settings); the password itself is never read into the planner.
	password string
}

type (
	// The messages name their screen and request, so a screen opened
	// again drops an answer meant for its earlier self.
	loadedMsg struct {
		owner    *Model
		seq      uint64
		set      model.Settings
		sync     storage.SyncConfig
		password string // where the password comes from, in words
		err      error
	}
	savedMsg struct {
		owner *Model
		seq   uint64
		err   error
		lang  bool                  // the language changed
		fresh *storage.SettingsSync // the settings as stored, when the save was refused as changed elsewhere
	}
)

// New builds the (closed) settings screen.
func New(env common.Env) *Model {
	return &Model{env: env, lang: env.Lang, km: env.Keys, width: 80, height: 20}
}

// Active reports whether the screen is showing.
func (m *Model) Active() bool { return m.open }

// Closed reports that the screen was left (saved or cancelled).
func (m *Model) Closed() bool { return !m.open }

// Capturing is true while the screen shows: its form takes every key.
func (m *Model) Capturing() bool { return m.open }

// Busy is true while the settings are read or saved: keys typed meanwhile
// wait for the form.
func (m *Model) Busy() bool { return m.loading || m.busy }

// Dirty is true while the form holds changes not saved.
func (m *Model) Dirty() bool { return m.form != nil && m.form.Dirty() }

// SetSize sets the area the screen draws in (the pane area).
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	if m.form != nil {
		m.form.SetWidth(m.formWidth())
		m.form.SetHeight(m.formHeight())
	}
}

// formHeight is the lines the form's fields may take: the area less the
// form's frame, title and hints (a taller form scrolls).
func (m *Model) formHeight() int { return max(m.height-4, 3) }

func (m *Model) formWidth() int { return min(m.width, 76) }

// Open shows the screen and reads the current settings.
func (m *Model) Open() tea.Cmd {
	m.open, m.loading, m.busy, m.form = true, true, false, nil
	m.seq++
	seq, st, lang, getenv := m.seq, m.env.Store, m.lang, m.env.Getenv
	return func() tea.Msg {
		if st == nil {
			return loadedMsg{owner: m, seq: seq, err: model.Errf("no_store", "no database is open")}
		}
		// As stored: a holiday calendar left to the language shows as auto.
		s, err := st.StoredSettings()
		if err != nil {
			return loadedMsg{owner: m, seq: seq, err: fmt.Errorf("reading the settings: %w", err)}
		}
		c, err := st.SyncConfig()
		if err != nil {
			return loadedMsg{owner: m, seq: seq, err: fmt.Errorf("reading the sync settings: %w", err)}
		}
		return loadedMsg{owner: m, seq: seq, set: s, sync: c, password: passwordSource(lang, st.Path(), getenv)}
	}
}

// passwordSource says where sync would read its password: the
// environment, the file beside the database, or neither (and how to give
// one). It never holds the password.
func passwordSource(l i18n.Lang, dbPath string, getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	file := filepath.Base(davsync.PasswordFile(dbPath))
	if getenv(davsync.PasswordEnv) != "" {
		return l.T("settings.password.env", davsync.PasswordEnv)
	}
	switch _, found, err := davsync.Password(dbPath, getenv); {
	case err != nil:
		return l.Err(err)
	case found:
		return l.T("settings.password.file", file)
	}
	return l.T("settings.password.none", davsync.PasswordEnv, file)
}

// Close hides the screen without saving.
func (m *Model) Close() { m.open, m.form = false, nil }

// ShortHelp lists the form's keys.
func (m *Model) ShortHelp() []key.Binding { return m.km.ShortHelp(m.place()) }

// FullHelp lists the form's keys.
func (m *Model) FullHelp() [][]key.Binding { return m.km.FullHelp(m.place()) }

// place is the form's: ctrl+s save, or yes/no while "discard?" asks.
func (m *Model) place() keys.Place {
	if m.form != nil {
		return m.form.HelpPlace()
	}
	return keys.PlaceForm
}

// Update handles the store's answers and, while open, every key.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.owner != m || msg.seq != m.seq || !m.open {
			return nil
		}
		m.loading = false
		if msg.err != nil {
			m.open = false
			return common.StatusErr(m.env, msg.err)
		}
		m.set, m.sync, m.password = msg.set, msg.sync, msg.password
		m.form = m.buildForm(msg.set, msg.sync)
		return nil
	case savedMsg:
		if msg.owner != m || msg.seq != m.seq {
			return nil
		}
		m.busy = false
		if msg.fresh != nil && m.form != nil {
			// Changed elsewhere: keep what was typed, show the settings
			// as stored now; saving again applies it over them.
			m.form.Rebase(m.buildForm(msg.fresh.Settings, msg.fresh.Sync), func(v string) string {
				return m.lang.T("form.changed_elsewhere", ansi.Truncate(model.InertLine(v), 40, "…"))
			})
			m.set, m.sync = msg.fresh.Settings, msg.fresh.Sync
		}
		if msg.err != nil {
			return common.StatusErr(m.env, msg.err) // the form stays, as typed
		}
		m.Close()
		status := m.lang.T("settings.saved")
		if msg.lang {
			status = m.lang.T("settings.saved_lang")
		}
		return tea.Batch(common.Status(status), func() tea.Msg { return common.DataChangedMsg{} })
	}
	if !m.open {
		return nil
	}
	if m.form == nil {
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.km.Cancel) {
			m.Close()
		}
		return nil
	}
	year := m.form.Value(fYear)
	res, cmd := m.form.Update(msg)
	if y := m.form.Value(fYear); y != year && validYear(y) == nil {
		// The annual target shown is the year's: another year typed shows
		// that year's target (empty when none), unless a target was typed.
		// It showed this year's, and saving set it for the other year.
		n, _ := strconv.Atoi(y)
		m.form.Follow(fAnnual, m.annualText(n))
	}
	switch res {
	case form.Cancelled:
		m.Close()
	case form.Submitted:
		return tea.Batch(cmd, m.save())
	}
	return cmd
}

// View draws the screen: the form centred in the area.
func (m *Model) View() string {
	st := m.env.Styles
	if m.form == nil {
		return common.Fit(st.Muted.Render(m.lang.T("settings.loading")), m.width, m.height)
	}
	f := m.form.View()
	lines := strings.Split(f, "\n")
	top := max((m.height-len(lines))/2, 0)
	left := max((m.width-common.Width(f))/2, 0)
	out := make([]string, 0, m.height)
	for range top {
		out = append(out, "")
	}
	for _, l := range lines {
		out = append(out, strings.Repeat(" ", left)+l)
	}
	return common.Fit(strings.Join(out, "\n"), m.width, m.height)
}

// ---- the form

// field keys.
const (
	fYear     = "year"
	fAnnual   = "annual"
	fMonths   = "months"
	fCalls    = "calls"
	fVisits   = "visits"
	fWorkdays = "workdays"
	fKey      = "key_cadence"
	fRegular  = "regular_cadence"
	fLead     = "lead_cadence"
	fDesign   = "design_cadence"
	fStage    = "stage_cadence"
	fLanguage = "language"
	fCurrency = "currency"
	fHolidays = "holidays"
	fDaysOff  = "days_off"
	fExtra    = "extra_workdays"
	fCalURL   = "caldav.url"
	fCalUser  = "caldav.user"
)

func (m *Model) buildForm(s model.Settings, c storage.SyncConfig) *form.Form {
	l := m.lang
	year := m.env.Today().Year()
	annual := annualOf(s, year)
	num := func(k, label string, v, lo int) form.Field {
		return form.Field{Key: k, Label: l.T(label), Value: strconv.Itoa(v), Validate: intIn(lo, model.SettingMax)}
	}
	langs := []form.Choice{{Value: "", Label: l.T("settings.lang.auto")}, {Value: "en", Label: "English"}, {Value: "zh", Label: "中文"}}
	f := form.NewForm(l, form.ThemeStyles(*m.env.Styles), l.T("settings.title"),
		form.Field{Key: fYear, Label: l.T("settings.f.year"), Value: strconv.Itoa(year), Validate: validYear},
		form.Field{Key: fAnnual, Label: l.T("settings.f.annual"), Value: annual, Placeholder: l.T("settings.h.annual"), Validate: validAmount},
		form.Field{Key: fMonths, Label: l.T("settings.f.months"), Value: formatMonths(s.MonthTargets), Placeholder: l.T("settings.h.months"),
			Validate: func(v string) error { _, err := parseMonths(v); return err }},
		num(fCalls, "settings.f.calls", s.CallsPerDay, 0),
		num(fVisits, "settings.f.visits", s.VisitsPerWeek, 0),
		form.Field{Key: fWorkdays, Label: l.T("settings.f.workdays"), Value: m.formatWorkdays(s.Workdays), Placeholder: l.T("settings.h.workdays"),
			Validate: func(v string) error { _, err := m.parseWorkdays(v); return err }},
		num(fKey, "settings.f.key_cadence", s.KeyCadenceDays, 1),
		num(fRegular, "settings.f.regular_cadence", s.RegularCadenceDays, 1),
		num(fLead, "settings.f.lead_cadence", s.LeadCadenceDays, 1),
		num(fDesign, "settings.f.design_cadence", s.DesignCadenceDays, 1),
		num(fStage, "settings.f.stage_cadence", s.StageCadenceDays, 1),
		form.Field{Key: fLanguage, Label: l.T("settings.f.language"), Value: s.Language, Choices: langs},
		form.Field{Key: fCurrency, Label: l.T("settings.f.currency"), Value: model.InertLine(s.Currency),
			Placeholder: l.T("settings.h.currency"), Validate: validCurrency},
		// The working-day calendar (DESIGN.md §2 v2): public holidays and
		// the person's own days off and extra working days.
		form.Field{Key: fHolidays, Label: l.T("settings.f.holidays"), Value: s.Holidays, Choices: []form.Choice{
			{Value: "", Label: l.T("settings.holidays.auto")}, {Value: model.HolidaysCN, Label: l.T("settings.holidays.cn")},
			{Value: model.HolidaysNone, Label: l.T("settings.holidays.none")}}},
		form.Field{Key: fDaysOff, Label: l.T("settings.f.days_off"), Value: model.FormatDateList(s.DaysOff),
			Placeholder: l.T("settings.h.dates"), Validate: validDates},
		form.Field{Key: fExtra, Label: l.T("settings.f.extra_workdays"), Value: model.FormatDateList(s.ExtraWorkdays),
			Placeholder: l.T("settings.h.dates"), Validate: validDates},
		// Where sync publishes (DESIGN.md §6 v2): the calendar and the
		// user; the password is never a setting.
		form.Field{Key: fCalURL, Label: l.T("settings.f.caldav_url"), Value: c.URL,
			Placeholder: l.T("settings.h.caldav_url"), Validate: validCalendarURL},
		form.Field{Key: fCalUser, Label: l.T("settings.f.caldav_user"), Value: c.User,
			Validate: davsync.CheckUser, Hint: m.password},
	)
	f.SetWidth(m.formWidth())
	f.SetHeight(m.formHeight())
	return f
}

// annualOf is year's annual target as the field shows it ("" when none).
func annualOf(s model.Settings, year int) string {
	if v, ok := s.AnnualTargets[year]; ok {
		return plainAmount(v)
	}
	return ""
}

// annualText is year's annual target as stored when the screen opened.
func (m *Model) annualText(year int) string { return annualOf(m.set, year) }

// save applies the fields the person changed to the settings as stored,
// in one transaction (Store.EditSettingsSync): a setting changed elsewhere
// meanwhile (a month target set from the command line) survives, and a
// screen saved unchanged changes nothing. The fields were validated by
// the form; the store checks the ranges again.
func (m *Model) save() tea.Cmd {
	f := m.form
	seen := m.set
	s := seen
	s.AnnualTargets, s.MonthTargets = maps.Clone(seen.AnnualTargets), maps.Clone(seen.MonthTargets)
	if f.Changed(fYear) || f.Changed(fAnnual) {
		year, _ := strconv.Atoi(f.Value(fYear))
		if s.AnnualTargets == nil {
			s.AnnualTargets = map[int]model.Money{}
		}
		if v := f.Value(fAnnual); v != "" {
			s.AnnualTargets[year], _ = model.ParseMoney(v)
		} else {
			delete(s.AnnualTargets, year)
		}
	}
	if f.Changed(fMonths) {
		s.MonthTargets, _ = parseMonths(f.Value(fMonths))
	}
	for k, to := range map[string]*int{fCalls: &s.CallsPerDay, fVisits: &s.VisitsPerWeek, fKey: &s.KeyCadenceDays,
		fRegular: &s.RegularCadenceDays, fLead: &s.LeadCadenceDays, fDesign: &s.DesignCadenceDays, fStage: &s.StageCadenceDays} {
		if f.Changed(k) {
			*to, _ = strconv.Atoi(f.Value(k))
		}
	}
	if f.Changed(fWorkdays) {
		s.Workdays, _ = m.parseWorkdays(f.Value(fWorkdays))
	}
	if f.Changed(fLanguage) {
		s.Language = f.Value(fLanguage)
	}
	if f.Changed(fCurrency) {
		s.Currency = f.Value(fCurrency)
	}
	if f.Changed(fHolidays) {
		s.Holidays = f.Value(fHolidays)
	}
	if f.Changed(fDaysOff) {
		s.DaysOff, _ = model.ParseDateList(f.Value(fDaysOff))
	}
	if f.Changed(fExtra) {
		s.ExtraWorkdays, _ = model.ParseDateList(f.Value(fExtra))
	}
	seenSync := m.sync
	c := seenSync
	if f.Changed(fCalURL) {
		c.URL = ""
		if v := f.Value(fCalURL); v != "" {
			u, _ := davsync.ParseURL(v) // validated by the form
			c.URL = u.String()
		}
	}
	if f.Changed(fCalUser) {
		c.User = f.Value(fCalUser)
	}
	langChanged := f.Changed(fLanguage)
	m.busy = true
	seq, st := m.seq, m.env.Store
	return func() tea.Msg {
		_, err := st.EditSettingsSync(storage.SettingsSync{Settings: seen, Sync: seenSync}, storage.SettingsSync{Settings: s, Sync: c})
		var ce *storage.ConflictError
		if errors.As(err, &ce) {
			if fresh, ok := ce.Fresh.(storage.SettingsSync); ok {
				return savedMsg{owner: m, seq: seq, err: err, fresh: &fresh}
			}
		}
		if err != nil {
			err = fmt.Errorf("saving the settings: %w", err)
		}
		return savedMsg{owner: m, seq: seq, err: err, lang: langChanged}
	}
}

// ---- parsing and checks (each error a *model.Problem the catalog words)

func intIn(lo, hi int) func(string) error {
	return func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < lo || n > hi {
			return model.Errf("settings_int", "%q is not a whole number from %d to %d", s, lo, hi)
		}
		return nil
	}
}

func validYear(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 2000 || n > 2200 {
		return model.Errf("settings_year", "%q is not a year", s)
	}
	return nil
}

func validAmount(s string) error {
	if s == "" {
		return nil
	}
	_, err := model.ParseMoney(s) // bad_amount, or amount_too_large naming the limit
	return err
}

// validCalendarURL checks caldav.url as `config set` does (http or
// https, a host, no password inside); empty turns sync off.
func validCalendarURL(s string) error {
	if s == "" {
		return nil
	}
	_, err := davsync.ParseURL(s)
	return err
}

func validDates(s string) error {
	_, err := model.ParseDateList(s)
	return err
}

// validCurrency is the rule config set and import hold (a nil *Problem
// must not become a non-nil error).
func validCurrency(s string) error {
	if p := model.CheckCurrency(s); p != nil {
		return p
	}
	return nil
}

// plainAmount writes an amount as the user would type it: "1200000",
// "1200000.5".
func plainAmount(v model.Money) string {
	return strconv.FormatFloat(v.Main(), 'f', -1, 64)
}

// formatMonths writes the month targets as "2026-12=200000 2027-01=90000".
func formatMonths(ms map[string]model.Money) string {
	keys := make([]string, 0, len(ms))
	for k := range ms {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + plainAmount(ms[k])
	}
	return strings.Join(parts, " ")
}

// parseMonths reads "2026-12=200000, 2027-01=9万" (spaces or commas
// between pairs; an empty field sets no month of its own).
func parseMonths(s string) (map[string]model.Money, error) {
	out := map[string]model.Money{}
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '，' || r == ';' }) {
		k, v, ok := strings.Cut(p, "=")
		mo, err := model.ParseMonth(strings.TrimSpace(k))
		if !ok || err != nil {
			return nil, model.Errf("settings_months", "%q is not YYYY-MM=amount", p)
		}
		a, err := model.ParseMoney(v)
		if pr := model.ProblemOf(err); pr != nil && pr.Code == "amount_too_large" {
			return nil, pr // a number over the limit: the limit named, not the format
		}
		if err != nil {
			return nil, model.Errf("settings_months", "%q is not YYYY-MM=amount", p)
		}
		out[mo.String()] = a
	}
	return out, nil
}

// formatWorkdays names the working days in the user's language, Monday
// first.
func (m *Model) formatWorkdays(ws model.Workdays) string {
	var names []string
	for i := range 7 {
		w := time.Weekday((i + 1) % 7)
		if ws.Has(w) {
			names = append(names, m.lang.Weekday(w))
		}
	}
	return strings.Join(names, ",")
}

// parseWorkdays reads weekday names in English ("mon", "Monday") or in the
// user's language ("周一").
func (m *Model) parseWorkdays(s string) (model.Workdays, error) {
	var ws model.Workdays
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '，' || r == '、' }) {
		w, ok := model.ParseWeekdayName(p)
		if !ok {
			for d := time.Sunday; d <= time.Saturday; d++ {
				if p == m.lang.Weekday(d) || p == m.lang.WeekdayLong(d) || strings.EqualFold(p, i18n.EN.Weekday(d)) {
					w, ok = d, true
				}
			}
		}
		if !ok {
			return nil, model.Errf("settings_workdays", "%q is not a weekday", p)
		}
		if !ws.Has(w) {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return nil, model.Errf("settings_no_workdays", "name at least one working day")
	}
	slices.Sort(ws)
	return ws, nil
}
