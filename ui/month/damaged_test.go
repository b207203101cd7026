package month

import (
	"testing"

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
			uitest.CheckDamageSaid(t, view, l.T("week.loading"), 60)
		})
	}
}
