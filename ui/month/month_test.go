package month

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func open(t *testing.T, l i18n.Lang, w, h int) (*Model, *storage.Store) {
	t.Helper()
	st := uitest.OpenStore(t)
	uitest.SeedWeeks(t, st)
	m := newModel(uitest.Env(st, l))
	m.SetSize(w, h)
	uitest.Run(m, m.Init())
	if !m.loaded {
		t.Fatal("the month did not load")
	}
	return m, st
}

func screen(m *Model) string { return ansi.Strip(m.View()) }

// The month and the year view at two sizes in both languages
// (regenerate: go test ./ui/month -run TestGolden -update).
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 80, 24}, {i18n.EN, 120, 40}, {i18n.ZH, 80, 24}, {i18n.ZH, 120, 40}} {
		name := fmt.Sprintf("%s_%dx%d", tt.lang, tt.w, tt.h)
		t.Run(name, func(t *testing.T) {
			m, _ := open(t, tt.lang, tt.w, tt.h)
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
		t.Run("year_"+name, func(t *testing.T) {
			m, _ := open(t, tt.lang, tt.w, tt.h)
			uitest.Press(m, "y")
			if !m.yearOn || m.yearOf != 2026 {
				t.Fatal("y did not open the year view")
			}
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
	}
}

// Every line of the grid — weekday names, borders, cells — is as wide as
// the others, with Chinese names, at every size.
func TestGridAligned(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		for _, size := range [][2]int{{60, 13}, {80, 24}, {97, 30}, {120, 40}, {160, 48}} {
			m, _ := open(t, l, size[0], size[1])
			for _, mo := range []int{0, 1, 2} { // Nov 2026 (6 rows), Dec, Jan 2027
				lines := m.GridLines()
				want := ansi.StringWidth(lines[1]) // the top border
				for i, line := range lines {
					if got := ansi.StringWidth(line); got != want && i > 0 {
						t.Errorf("%s %dx%d month +%d: grid line %d is %d cells, want %d: %q", l, size[0], size[1], mo, i, got, want, ansi.Strip(line))
					}
				}
				// Each border column sits at the same cell on every line.
				for i, line := range lines[1:] {
					plain := ansi.Strip(line)
					if c := ansi.Cut(plain, want-1, want); c != "┐" && c != "│" && c != "┤" && c != "┘" {
						t.Errorf("%s %dx%d: line %d ends in %q", l, size[0], size[1], i+1, c)
					}
				}
				uitest.Press(m, "l")
			}
		}
	}
}

// The pane shows Store.Month's numbers (`month --json`).
func TestNumbersEqualStoreMonth(t *testing.T) {
	m, st := open(t, i18n.EN, 120, 40)
	for _, mo := range []model.Month{{Year: 2026, Month: time.November}, {Year: 2026, Month: time.December}} {
		want, err := st.Month(mo, uitest.Today)
		if err != nil {
			t.Fatal(err)
		}
		got := m.Month()
		if got.Month != want.Month || got.Calls != want.Calls || got.Visits != want.Visits || got.Signed != want.Signed || len(got.Days) != len(want.Days) {
			t.Errorf("pane %+v\nstore %+v", got, want)
		}
		for i := range want.Days {
			g, w := got.Days[i], want.Days[i]
			if g.TasksDone != w.TasksDone || g.TasksTotal != w.TasksTotal || strings.Join(g.Markers, ",") != strings.Join(w.Markers, ",") {
				t.Errorf("%s: pane %+v store %+v", w.Date, g, w)
			}
		}
		s := screen(m)
		// December is set by hand to 200,000: the other eleven months share
		// the year's other 1,000,000, November (the last of them) taking the
		// odd cent.
		if mo.Month == time.November && !strings.Contains(s, "Signed $480,000 of $90,909.10 (528%)") {
			t.Errorf("November's totals:\n%s", s)
		}
		if mo.Month == time.December && !strings.Contains(s, "Signed $0 of $200,000 (0%)") {
			t.Errorf("December's own target:\n%s", s)
		}
		uitest.Press(m, "l")
	}
}

func TestMarkersAndKeys(t *testing.T) {
	m, _ := open(t, i18n.EN, 120, 40)
	if m.sel != uitest.Today {
		t.Fatalf("selected %s", m.sel)
	}
	uitest.Press(m, "down") // 4 Dec: into December
	if m.sel != uitest.D(time.December, 4) || m.shown() != (model.Month{Year: 2026, Month: time.December}) || !m.loaded {
		t.Fatalf("↓ from 27 Nov: %s, month %s", m.sel, m.shown())
	}
	uitest.Press(m, "left")
	uitest.Press(m, "left") // 2 Dec: the bid
	if dd, _ := m.day(m.sel); strings.Join(dd.Markers, ",") != "bid" {
		t.Errorf("2 Dec markers %v", dd.Markers)
	}
	if s := screen(m); !strings.Contains(s, "Wed 2 Dec · bid date · tasks 0/0 done · calls 0 · visits 0") {
		t.Errorf("the detail line:\n%s", s)
	}
	msgs := uitest.Press(m, "enter")
	if len(msgs) != 1 || msgs[0] != (common.GotoDateMsg{Date: uitest.D(time.December, 2)}) {
		t.Errorf("enter = %#v", msgs)
	}
	uitest.Press(m, "h")
	if m.sel != uitest.D(time.November, 2) {
		t.Errorf("h: %s", m.sel)
	}
	uitest.Press(m, "t")
	if m.sel != uitest.Today {
		t.Errorf("t: %s", m.sel)
	}
	uitest.Press(m, "g")
	uitest.Type(m, "2027-03-15")
	uitest.Press(m, "enter")
	if m.sel != model.MakeDate(2027, time.March, 15) || m.Capturing() {
		t.Errorf("g: %s", m.sel)
	}
}

func TestYearView(t *testing.T) {
	m, _ := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "y")
	// The months keep the year whole (v2): 1,200,000, not 1,300,000.
	if m.year[10].Value != 48000000 || m.year[11].Target != 20000000 || m.year[0].Target != 9090909 || m.year[10].Target != 9090910 {
		t.Errorf("year = %+v", m.year)
	}
	s := screen(m)
	for _, want := range []string{"Nov", "$480,000 of $90,909.10 (528%)", "Dec", "$0 of $200,000 (0%) *", "Year 2026: $480,000 of $1,200,000 (40%)",
		"Q1 $0 of $272,727.27 (0%)", "Q4 $480,000 of $381,818.19 (126%)"} {
		if !strings.Contains(s, want) {
			t.Errorf("the year view lacks %q:\n%s", want, s)
		}
	}
	uitest.Press(m, "right")
	if m.sel.Month() != time.December {
		t.Errorf("→ selects December: %s", m.sel)
	}
	uitest.Press(m, "l")
	if m.sel.Year() != 2027 || m.yearOf != 2027 {
		t.Errorf("l: %s, year loaded %d", m.sel, m.yearOf)
	}
	uitest.Press(m, "enter")
	if m.yearOn || m.shown() != (model.Month{Year: 2027, Month: time.December}) {
		t.Errorf("enter: year view %v, month %s", m.yearOn, m.shown())
	}
}

func TestClickSelects(t *testing.T) {
	m, _ := open(t, i18n.EN, 120, 40)
	// 120×40: cells 16 wide, 4 high with rules; 18 Nov is row 3, Wednesday.
	g := m.grid()
	x := 1 + 2*(g.cw+1) + 2
	y := headRows + 1 + 3*g.rowLines() + 1
	uitest.Run(m, func() tea.Cmd { _, c := m.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}); return c }())
	if m.sel != uitest.D(time.November, 18) {
		t.Errorf("click selected %s", m.sel)
	}
}

// With mainland China's calendar the day's line says why a day is or is
// not worked, and the month's quotas count the make-up days.
func TestHolidayDays(t *testing.T) {
	m, st := open(t, i18n.EN, 120, 40)
	if err := st.UpdateSettings(func(s *model.Settings) error { s.Holidays = model.HolidaysCN; return nil }); err != nil {
		t.Fatal(err)
	}
	m.Update(common.DataChangedMsg{})
	uitest.Run(m, m.reload())
	for day, want := range map[model.Date]string{
		model.MakeDate(2026, time.October, 1):  "public holiday 国庆节",
		model.MakeDate(2026, time.October, 10): "make-up working day (国庆节)",
	} {
		uitest.Press(m, "g")
		uitest.Type(m, day.String())
		uitest.Press(m, "enter")
		uitest.Run(m, m.reload())
		if s := screen(m); !strings.Contains(s, want) {
			t.Errorf("%s: the day's line lacks %q:\n%s", day, want, s)
		}
	}
	// October 2026 with cn: 18 working days.
	if got := m.Month().Calls.Target; got != 18*30 {
		t.Errorf("October's calls target %d, want 18 × 30", got)
	}
}

// The Month has no list to filter: / says in one line that ctrl+f
// searches, in the month and in the year view, and changes nothing.
func TestSlashPointsAtSearch(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		want string
	}{{i18n.EN, "ctrl+f searches everything"}, {i18n.ZH, "按 ctrl+f 搜索全部"}} {
		m, _ := open(t, tt.lang, 120, 40)
		for _, keys := range [][]string{{"/"}, {"y", "/"}} {
			before := screen(m)
			st := uitest.Statuses(uitest.Press(m, keys...))
			if len(st) != 1 || !strings.Contains(st[0], tt.want) || strings.Contains(st[0], "\n") {
				t.Errorf("%s %v: statuses %q, want one line naming ctrl+f", tt.lang, keys, st)
			}
			if keys[0] == "/" && screen(m) != before {
				t.Errorf("%s: / changed the month", tt.lang)
			}
		}
	}
}

// Before any sales target is set (a new user's database), the month and
// the year view say so instead of "$0 of $0".
func TestNoTargetSaysSo(t *testing.T) {
	for _, tc := range []struct {
		lang      i18n.Lang
		want, not string
	}{{i18n.EN, "(no target set)", " of $0"}, {i18n.ZH, "（未设目标）", "/ ¥0"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			st := uitest.OpenStore(t)
			m := newModel(uitest.Env(st, tc.lang))
			m.SetSize(100, 30)
			uitest.Run(m, m.Init())
			for _, view := range []string{"month", "year"} {
				if view == "year" {
					uitest.Press(m, "y")
				}
				s := screen(m)
				if !strings.Contains(s, tc.want) || strings.Contains(s, tc.not) {
					t.Errorf("the %s view without a target:\n%s", view, s)
				}
			}
		})
	}
}

// What the * beside a month set by hand means is read whole at 80
// columns: beside the year's total when it fits, else on its own line.
func TestYearViewByHandNoteWhole(t *testing.T) {
	for _, tc := range []struct {
		lang i18n.Lang
		w, h int
		want string
	}{{i18n.EN, 80, 24, "* set by hand; the other months share the rest"}, {i18n.ZH, 80, 24, "* 手动设定，其余月份平分余额"}, {i18n.EN, 120, 40, "* set by hand; the other months share the rest"}} {
		t.Run(fmt.Sprintf("%s_%d", tc.lang, tc.w), func(t *testing.T) {
			m, _ := open(t, tc.lang, tc.w, tc.h)
			uitest.Press(m, "y")
			if s := screen(m); !strings.Contains(s, tc.want) {
				t.Errorf("the note is not whole:\n%s", s)
			}
			uitest.CheckSize(t, m.View(), tc.w, tc.h)
		})
	}
}

// The month's review names what h/l step there: the month.
func TestReviewHelpNamesTheMonth(t *testing.T) {
	m, _ := open(t, i18n.EN, 100, 30)
	uitest.Press(m, "r")
	var descs []string
	for _, b := range m.ShortHelp() {
		descs = append(descs, b.Help().Key+" "+b.Help().Desc)
	}
	if got := strings.Join(descs, " • "); !strings.Contains(got, "h/[ previous month") || !strings.Contains(got, "l/] next month") {
		t.Errorf("the review's footer: %s", got)
	}
}
