package month

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// On a damaged database the Month says so in place of its rows, the whole
// message wrapped (what to do — restore a backup — is read whole); before,
// it showed an empty pane or "loading…" for ever, the reason only in a
// footer cut at the terminal's edge.
func TestDamagedDatabaseSaid(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(l), func(t *testing.T) {
			st := uitest.DamagedStore(t, uitest.SeedWeeks)
			m := newModel(uitest.Env(st, l))
			m.SetSize(60, 16)
			uitest.Run(m, m.Init())
			view := screen(m)
			squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
			if !strings.Contains(squeeze(view), "salesplanbackups") {
				t.Errorf("the damage is not said whole:\n%s", view)
			}
			if strings.Contains(view, l.T("week.loading")) {
				t.Errorf("still loading after the load failed:\n%s", view)
			}
			for _, ln := range strings.Split(view, "\n") {
				if w := ansi.StringWidth(ln); w > 60 {
					t.Errorf("line %d cells wide on a 60-cell pane: %q", w, ln)
				}
			}
		})
	}
}
