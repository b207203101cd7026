package promises

import (
	"testing"

	"salesplan/storage"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// On a damaged database the Promises pane says so in place of its rows,
// the whole message wrapped; before, it said "loading…" for ever, the
// reason only in a footer cut at the terminal's edge.
func TestDamagedDatabaseSaid(t *testing.T) {
	seed := func(tb testing.TB, st *storage.Store) { uitest.SeedClients(tb, st) }
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(l), func(t *testing.T) {
			st := uitest.DamagedStore(t, seed)
			m := newModel(uitest.EnvAt(st, l, uitest.Morning))
			m.SetSize(60, 16)
			uitest.Run(m, m.Init())
			view := plain(m)
			uitest.CheckDamageSaid(t, view, l.T("promises.loading"), 60)
		})
	}
}
