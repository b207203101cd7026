package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// The Month's year view (y) has keys of its own — ←/→ a month, h/l a
// year, enter or y back — and the footer and ? help list those, not the
// Month's (enter open, h/[ previous month…). Back on the month, the
// Month's footer returns. In both languages, at 80x24 and 160x48.
func TestYearViewFooterAndHelp(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	for _, tc := range []struct {
		lang            i18n.Lang
		year, monthOpen string
		yearKeys        []string
	}{
		{i18n.EN, "signed sales against target", "enter open",
			[]string{"←/k previous month", "→/j next month", "h/[ previous year", "l/] next year", "enter/y back to the month"}},
		{i18n.ZH, "每月签约与目标", "enter 打开",
			[]string{"←/k 上个月", "→/j 下个月", "h/[ 上一年", "l/] 下一年", "enter/y 回到月历"}},
	} {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			m := New(uitest.Env(st, tc.lang), Options{NoColor: true}).sized(size[0], size[1])
			uitest.Run(m, m.start())
			uitest.Press(m, "3")
			if foot := footer(m); !strings.Contains(foot, tc.monthOpen) {
				t.Fatalf("%s %v: the Month's footer lacks %q: %q", tc.lang, size, tc.monthOpen, foot)
			}
			uitest.Press(m, "y")
			if !strings.Contains(screen(m), tc.year) {
				t.Fatalf("%s %v: y did not open the year view:\n%s", tc.lang, size, screen(m))
			}
			foot := footer(m)
			if strings.Contains(foot, tc.monthOpen) {
				t.Errorf("%s %v: the year view's footer offers the Month's keys: %q", tc.lang, size, foot)
			}
			shown := 0
			for _, k := range tc.yearKeys {
				if strings.Contains(foot, k) {
					shown++
				}
			}
			if shown < 3 || !strings.Contains(foot, tc.yearKeys[0]) {
				t.Errorf("%s %v: the year view's footer shows %d of its keys %q: %q", tc.lang, size, shown, tc.yearKeys, foot)
			}
			help := helpText(t, m)
			km := m.env.Keys
			for _, b := range []key.Binding{km.YearPrevMonth, km.YearNextMonth, km.YearPrev, km.YearNext, km.YearClose, km.Today} {
				if !shows(help, b) {
					t.Errorf("%s %v: the year view's help lacks %s %s", tc.lang, size, b.Help().Key, b.Help().Desc)
				}
			}
			for _, b := range []key.Binding{km.Open, km.MonthReport} {
				if shows(help, b) {
					t.Errorf("%s %v: the year view's help offers the Month's %s %s", tc.lang, size, b.Help().Key, b.Help().Desc)
				}
			}
			// The keys do what they say: l a year on, enter back to the month.
			uitest.Press(m, "l")
			if !strings.Contains(screen(m), "2027") {
				t.Errorf("%s %v: l did not go to the next year:\n%s", tc.lang, size, screen(m))
			}
			uitest.Press(m, "enter")
			if foot := footer(m); !strings.Contains(foot, tc.monthOpen) {
				t.Errorf("%s %v: enter did not go back to the month: %q", tc.lang, size, foot)
			}
		}
	}
}

// footer is the screen's last line.
func footer(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-1]
}

// The Month in the planner at 60x16 and 80x24, read by eye in
// testdata/TestGoldenMonthNarrow (regenerate with -update): at 60
// columns the cells keep their bid (B), papers (D) and promise (P)
// markers before their task counts, which show whole or not at all.
func TestGoldenMonthNarrow(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedMonthMarkers(t, st)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, size := range [][2]int{{60, 16}, {80, 24}} {
			t.Run(fmt.Sprintf("%s_%dx%d", l, size[0], size[1]), func(t *testing.T) {
				m := New(uitest.Env(st, l), Options{NoColor: true}).sized(size[0], size[1])
				uitest.Run(m, m.start())
				uitest.Press(m, "3")
				s := screen(m)
				uitest.CheckSize(t, m.View().Content, size[0], size[1])
				if strings.Contains(s, "/…") {
					t.Errorf("a count is cut:\n%s", s)
				}
				golden.RequireEqual(t, s)
			})
		}
	}
}

// The year view at 60x16 (and 70x19) has no room for its twelve months,
// the totals and the help: the months scroll so the selected one stays on
// screen, from December back to January, with the year and quarter totals
// below; a click on a month's line selects that month. At 80x24 all twelve
// show.
func TestYearViewSmallKeepsSelectionAndTotals(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, size := range [][2]int{{60, 16}, {70, 19}, {80, 24}} {
			m := New(uitest.Env(st, l), Options{NoColor: true}).sized(size[0], size[1])
			uitest.Run(m, m.start())
			uitest.Press(m, "3", "y", "j") // today is in November: j selects December
			total := l.T("month.year.total", 2026, "")
			for mo := time.December; mo >= time.January; mo-- {
				s := screen(m)
				uitest.CheckSize(t, m.View().Content, size[0], size[1])
				if !strings.Contains(s, "› "+l.MonthShort(mo)) {
					t.Fatalf("%s %v: the selected month %s is not on screen:\n%s", l, size, mo, s)
				}
				if !strings.Contains(s, total) || !strings.Contains(s, l.T("month.year.quarter", 4, "")) {
					t.Fatalf("%s %v: the year and quarter totals are not on screen:\n%s", l, size, s)
				}
				if size[1] == 24 && !strings.Contains(s, l.MonthShort(time.January)) {
					t.Errorf("%s %v: all twelve months fit but January is missing:\n%s", l, size, s)
				}
				if mo > time.January {
					uitest.Press(m, "k")
				}
			}
			// Back on December, the months scrolled: a click on the top month
			// line selects the month it shows.
			for range 11 {
				uitest.Press(m, "j")
			}
			lines := strings.Split(screen(m), "\n")
			for y, line := range lines {
				if i := strings.Index(line, l.MonthShort(time.October)); i >= 0 && i < 4 {
					uitest.Send(m, tea.MouseClickMsg{X: 3, Y: y, Button: tea.MouseLeft})
					break
				}
			}
			if s := screen(m); !strings.Contains(s, "› "+l.MonthShort(time.October)) {
				t.Errorf("%s %v: a click on October's line did not select it:\n%s", l, size, s)
			}
		}
	}
}
