package ui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// helpText opens the help and scrolls it from top to bottom, returning
// every line it showed.
func helpText(t *testing.T, m *Model) string {
	t.Helper()
	uitest.Send(m, uitest.Key("?"))
	if !m.topIs(common.ScreenHelp) {
		t.Fatal("? did not open the help")
	}
	var seen []string
	last := ""
	for range 200 {
		v := screen(m)
		uitest.CheckSize(t, m.View().Content, m.width, m.height)
		seen = append(seen, v)
		uitest.Send(m, uitest.Key("j"))
		if v == last {
			break
		}
		last = v
	}
	uitest.Send(m, uitest.Key("esc"))
	if len(m.screens) != 0 {
		t.Fatal("esc did not close the help")
	}
	return strings.Join(seen, "\n")
}

// "?" help fits any terminal the planner draws in: on every tab, at the
// smallest size, at 80x24 and at 120x40, every key of the place and of
// the shell is on screen at some scroll position, with its description,
// and the box is never wider or taller than the screen.
func TestHelpReachesEveryKey(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, size := range [][2]int{{MinWidth, MinHeight}, {80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", l, size[0], size[1]), func(t *testing.T) {
				m := New(uitest.Env(st, l), Options{NoColor: true}).sized(size[0], size[1])
				uitest.Run(m, m.start())
				for tab := range common.PaneCount {
					uitest.Send(m, uitest.Key(fmt.Sprint(tab+1)))
					want := m.helpGroups()
					text := helpText(t, m)
					for _, col := range want {
						for _, b := range col {
							if !shows(text, b) {
								t.Errorf("tab %d: the help never shows %q %q", tab+1, b.Help().Key, b.Help().Desc)
							}
						}
					}
				}
			})
		}
	}
}

// shows reports whether a line of text has the binding's key and then its
// description.
func shows(text string, b key.Binding) bool {
	for _, line := range strings.Split(text, "\n") {
		if i := strings.Index(line, b.Help().Key+" "); i >= 0 && strings.Contains(line[i:], b.Help().Desc) {
			return true
		}
	}
	return false
}

// Through the real program: at 80x24 the Day's help shows whole, from its
// first key to the last tab; at 60x16 it scrolls to its last key and back.
func TestHelpInThePlanner(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	env := uitest.Env(st, i18n.EN)
	km := env.Keys
	for _, size := range [][2]int{{80, 24}, {120, 40}, {MinWidth, MinHeight}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tm := uitest.Start(t, New(env, Options{NoColor: true}), size[0], size[1])
			uitest.WaitFor(t, tm, "Carried over · 2")
			tm.Type("?")
			uitest.WaitScreen(t, tm, km.Add.Help().Desc)
			if size[1] == MinHeight {
				uitest.WaitScreen(t, tm, "lines 1–")
				tm.Send(uitest.Key("end"))
			}
			uitest.WaitScreen(t, tm, km.Pane[5].Help().Desc)
			tm.Send(uitest.Key("home"))
			uitest.WaitScreen(t, tm, km.Add.Help().Desc)
			tm.Type("?")
			uitest.WaitScreen(t, tm, "Carried over · 2")
			m := uitest.Finish(t, tm).(*Model)
			if len(m.screens) != 0 {
				t.Error("? did not close the help")
			}
		})
	}
}
