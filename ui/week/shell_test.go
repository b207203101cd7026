package week_test

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"salesplan/ui"
	"salesplan/ui/i18n"
	rt "salesplan/ui/report/reporttest"
)

// waitScreen waits until a full redraw of the screen shows s (the renderer
// sends only changed cells, so a cleared screen is asked for each time).
func waitScreen(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	buf := make([]byte, 1<<16)
	for time.Now().Before(deadline) {
		tm.Send(tea.ClearScreen())
		time.Sleep(30 * time.Millisecond)
		var got []byte
		for {
			n, err := tm.Output().Read(buf)
			got = append(got, buf[:n]...)
			if n == 0 || err != nil {
				break
			}
		}
		if bytes.Contains(got, []byte(s)) {
			return
		}
	}
	t.Fatalf("the screen never showed %q", s)
}

// Week, its review, Month, the year view and back to a day, inside the
// real planner.
func TestInsideThePlanner(t *testing.T) {
	st := rt.OpenStore(t)
	rt.Seed(t, st)
	tm := teatest.NewTestModel(t, ui.New(rt.EnvFor(st, i18n.EN), ui.Options{NoColor: true}),
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	tm.Type("2")
	waitScreen(t, tm, "Week 48 · 23 Nov – 29 Nov 2026 · this week")
	waitScreen(t, tm, "68/150 (45%)")
	tm.Type("r")
	waitScreen(t, tm, "Weekly review · 2026-W48")
	tm.Type("r")
	tm.Type("l")
	waitScreen(t, tm, "Week 49")
	waitScreen(t, tm, "$39,111.61")
	tm.Type("3")
	waitScreen(t, tm, "November 2026 · this month")
	tm.Type("y")
	waitScreen(t, tm, "2026 · signed sales against target")
	tm.Type("y")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyLeft})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitScreen(t, tm, "Thu 26 Nov 2026")

	// , opens the settings over the tab; a smaller quota shows at once.
	tm.Type(",")
	waitScreen(t, tm, "Calls per day")
	for range 3 {
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	}
	tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	tm.Type("20")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitScreen(t, tm, "Settings saved")
	tm.Type("2")
	waitScreen(t, tm, "/100 (")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
