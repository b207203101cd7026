package settings

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func run(m *Model, cmd tea.Cmd) []tea.Msg { return uitest.Run(m, cmd) }

func press(m *Model, k string) []tea.Msg { return uitest.Press(m, k) }

// setField focuses a field by tabbing from the first and replaces its text.
func setField(m *Model, index int, text string) {
	for range index {
		press(m, "tab")
	}
	m.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	for _, r := range text {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	for range 18 - index { // back round to the first field (18 fields)
		press(m, "tab")
	}
}

func openScreen(t *testing.T, l i18n.Lang) (*Model, func() model.Settings) {
	t.Helper()
	st := uitest.OpenStore(t)
	uitest.SeedWeeks(t, st)
	m := New(uitest.Env(st, l))
	m.SetSize(80, 21)
	run(m, m.Open())
	if !m.Active() || m.form == nil {
		t.Fatal("the settings did not open")
	}
	return m, func() model.Settings {
		s, err := st.Settings()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
}

func TestShowsAndSaves(t *testing.T) {
	m, read := openScreen(t, i18n.EN)
	view := ansi.Strip(m.View())
	for _, want := range []string{"Settings", "Target year", "2026", "1200000", "2026-12=200000", "Mon,Tue,Wed,Thu,Fri", "30"} {
		if !strings.Contains(view, want) {
			t.Errorf("the form lacks %q:\n%s", want, view)
		}
	}
	for i, line := range strings.Split(m.View(), "\n") {
		if w := ansi.StringWidth(line); w != 80 {
			t.Errorf("line %d is %d cells", i, w)
		}
	}
	setField(m, 1, "150万")
	setField(m, 2, "2026-12=200000, 2027-01=90000")
	setField(m, 3, "25")
	setField(m, 5, "mon,tue,wed,thu,fri,sat")
	setField(m, 14, "2026-12-31, 2026-12-24")
	setField(m, 15, "2026-12-27")
	msgs := press(m, "ctrl+s")
	if m.Active() {
		t.Fatalf("ctrl+s did not save and close:\n%s", ansi.Strip(m.View()))
	}
	if len(msgs) != 2 {
		t.Errorf("after saving: %#v, want a status and DataChangedMsg", msgs)
	}
	s := read()
	if s.AnnualTargets[2026] != 150000000 || s.MonthTargets["2027-01"] != 9000000 || s.MonthTargets["2026-12"] != 20000000 ||
		s.CallsPerDay != 25 || len(s.Workdays) != 6 || s.VisitsPerWeek != 20 {
		t.Errorf("saved %+v", s)
	}
	// The person's own days, sorted; Sunday 27 Dec becomes a working day.
	if model.FormatDateList(s.DaysOff) != "2026-12-24, 2026-12-31" || model.FormatDateList(s.ExtraWorkdays) != "2026-12-27" ||
		s.IsWorkday(model.MakeDate(2026, time.December, 24)) || !s.IsWorkday(model.MakeDate(2026, time.December, 27)) {
		t.Errorf("days off %v, extra %v", s.DaysOff, s.ExtraWorkdays)
	}
	// December keeps its 200,000; the other eleven months share the
	// other 1,300,000 (130,000,000 cents = 11 × 11,818,181 + 9: March to
	// November take a cent more), so the year stays whole.
	if got := s.MonthTarget(model.Month{Year: 2026, Month: time.March}); got != 11818182 {
		t.Errorf("March target %d, want its share of what December leaves", got)
	}
}

func TestBadValuesStayInTheForm(t *testing.T) {
	for _, tt := range []struct {
		name  string
		field int
		text  string
		want  string
	}{
		{"amount", 1, "lots", `"lots" is not an amount`},
		{"amount over the limit", 1, "2e13", `2e13 is more than salesplan`},
		{"month", 2, "2026-13=5", `"2026-13=5" is not YYYY-MM=amount`},
		{"month over the limit", 2, "2026-12=20000000000000", `20000000000000 is more than salesplan`},
		{"calls", 3, "-1", `"-1" is not a whole number from 0 to`},
		{"workdays", 5, "mon,funday", `"funday" is not a weekday`},
		{"cadence", 6, "0", `"0" is not a whole number from 1 to`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, read := openScreen(t, i18n.EN)
			before := read()
			setField(m, tt.field, tt.text)
			press(m, "ctrl+s")
			if !m.Active() {
				t.Fatal("a bad value was saved")
			}
			if v := ansi.Strip(m.View()); !strings.Contains(v, tt.want) {
				t.Errorf("no %q beside the field:\n%s", tt.want, v)
			}
			if after := read(); after.CallsPerDay != before.CallsPerDay || len(after.MonthTargets) != len(before.MonthTargets) {
				t.Errorf("the settings changed: %+v", after)
			}
		})
	}
}

func TestChineseWorkdaysAndEsc(t *testing.T) {
	m, read := openScreen(t, i18n.ZH)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "周一,周二,周三,周四,周五") {
		t.Errorf("working days in Chinese:\n%s", v)
	}
	setField(m, 5, "周一、周三")
	press(m, "ctrl+s")
	if s := read(); len(s.Workdays) != 2 || !s.Workdays.Has(time.Wednesday) {
		t.Errorf("workdays %v", s.Workdays)
	}
	run(m, m.Open())
	press(m, "esc")
	if m.Active() {
		t.Error("esc on an unchanged form did not close it")
	}
}

// The annual target shown follows the target year: typing another year
// shows that year's target (empty when it has none), and saving without
// typing a target sets none. It kept showing this year's 1200000, and
// saving set next year's target to it unasked. A target typed first stays.
func TestAnnualTargetFollowsTheYear(t *testing.T) {
	m, read := openScreen(t, i18n.EN)
	setField(m, 0, "2027")
	if got := m.form.Value(fAnnual); got != "" {
		t.Errorf("with 2027 typed, the annual target shows %q, want empty (2027 has none)", got)
	}
	setField(m, 0, "2026")
	if got := m.form.Value(fAnnual); got != "1200000" {
		t.Errorf("back on 2026 the annual target shows %q, want 1200000", got)
	}
	setField(m, 0, "2027")
	press(m, "ctrl+s")
	s := read()
	if v, ok := s.AnnualTargets[2027]; ok {
		t.Errorf("saving with only the year changed set the 2027 target to %v", v)
	}
	if s.AnnualTargets[2026] != model.MoneyFromMain(1200000) {
		t.Errorf("the 2026 target changed: %v", s.AnnualTargets[2026])
	}
	// A target typed, then the year: the target typed is for that year.
	m2, read2 := openScreen(t, i18n.EN)
	setField(m2, 1, "900000")
	setField(m2, 0, "2027")
	if got := m2.form.Value(fAnnual); got != "900000" {
		t.Errorf("the typed target was replaced by %q", got)
	}
	press(m2, "ctrl+s")
	if v := read2().AnnualTargets[2027]; v != model.MoneyFromMain(900000) {
		t.Errorf("2027's target is %v, want 900000", v)
	}
}

// The currency field holds the rule config set and import hold: a symbol
// that draws nothing (a zero-width space, a soft hyphen, a byte order
// mark, a bidi control, an escape) is refused, a plain one of up to 8
// characters is taken.
func TestValidCurrency(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"", true}, {"¥", true}, {"CHF", true}, {"US$", true},
		{"\u200f$", false}, {"\x1b[31m", false}, {"123456789", false},
		{"\u200b", false}, {"\u00ad", false}, {"\ufeff$", false},
	} {
		if err := validCurrency(tc.in); (err == nil) != tc.ok {
			t.Errorf("validCurrency(%q) = %v, want ok %v", tc.in, err, tc.ok)
		}
	}
}
