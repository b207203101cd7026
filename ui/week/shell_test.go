package week_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"salesplan/ui"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// Week, its review, Month, the year view and back to a day, inside the
// real planner.
func TestInsideThePlanner(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWeeks(t, st)
	tm := uitest.Start(t, ui.New(uitest.Env(st, i18n.EN), ui.Options{NoColor: true}), 120, 40)
	tm.Type("2")
	uitest.WaitScreen(t, tm, "Week 48 · 23 Nov – 29 Nov 2026 · this week")
	uitest.WaitScreen(t, tm, "68/150 (45%)")
	tm.Type("r")
	uitest.WaitScreen(t, tm, "Weekly review · 2026-W48")
	tm.Type("r")
	tm.Type("l")
	uitest.WaitScreen(t, tm, "Week 49")
	uitest.WaitScreen(t, tm, "$39,111.61")
	tm.Type("3")
	uitest.WaitScreen(t, tm, "November 2026 · this month")
	tm.Type("y")
	uitest.WaitScreen(t, tm, "2026 · signed sales against target")
	tm.Type("y")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyLeft})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	uitest.WaitScreen(t, tm, "Thu 26 Nov 2026")

	// , opens the settings over the tab; a smaller quota shows at once.
	tm.Type(",")
	uitest.WaitScreen(t, tm, "Calls per day")
	for range 3 {
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	}
	tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	tm.Type("20")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	uitest.WaitScreen(t, tm, "Settings saved")
	tm.Type("2")
	uitest.WaitScreen(t, tm, "/100 (")
	uitest.Finish(t, tm)
}
