package ui

import (
	"strings"
	"testing"

	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// g on a pane with no dates of its own asks the date over that pane: esc
// leaves the person there; a date opens the Day on it, and esc from the
// Day goes back to the pane g was pressed on (DESIGN.md §5 v2, the back
// stack). In both languages, from Clients, Projects and Promises.
func TestGotoDateFromOtherPanesGoesBack(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	for _, tc := range []struct {
		lang  i18n.Lang
		title string // the go-to-date dialog's
		day   string // Monday 30 Nov on the Day
	}{{i18n.EN, "Go to date", "Mon 30 Nov 2026"}, {i18n.ZH, "跳转到日期", "2026年11月30日"}} {
		for _, from := range []struct {
			key  string
			pane common.PaneID
		}{{"4", common.PaneClients}, {"5", common.PaneProjects}, {"6", common.PanePromises}} {
			m := workdayModel(t, st, tc.lang, 120, 40)
			uitest.Press(m, from.key)
			under := screen(m)
			uitest.Press(m, "g")
			if s := screen(m); !strings.Contains(s, tc.title) || m.Active() != from.pane {
				t.Fatalf("%s, tab %s: g did not ask the date over the tab (on tab %d):\n%s", tc.lang, from.key, m.Active(), s)
			}
			uitest.Press(m, "esc")
			if m.Active() != from.pane || len(m.screens) != 0 || screen(m) != under {
				t.Errorf("%s, tab %s: esc on the date left tab %d (%d screens):\n%s", tc.lang, from.key, m.Active(), len(m.screens), screen(m))
			}
			uitest.Press(m, "g")
			uitest.Type(m, "2026-11-30")
			uitest.Press(m, "enter")
			if s := screen(m); m.Active() != common.PaneDay || !strings.Contains(s, tc.day) {
				t.Fatalf("%s, tab %s: the date did not open the Day on it (tab %d):\n%s", tc.lang, from.key, m.Active(), s)
			}
			uitest.Press(m, "esc")
			if m.Active() != from.pane {
				t.Errorf("%s, tab %s: esc from the Day went to tab %d", tc.lang, from.key, m.Active())
			}
		}
	}
}
