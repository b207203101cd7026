package clients

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// A damaged client record: the list says so in place of its rows, the
// whole message wrapped (what to do — restore a backup — is read whole),
// instead of "loading…" for ever and a footer cut at the terminal's edge.
func TestDamagedRecordSaidInList(t *testing.T) {
	for _, tc := range []struct {
		lang i18n.Lang
		want string
	}{
		{i18n.EN, "restore a backup (salesplan backups)"},
		{i18n.ZH, "恢复备份（salesplan backups）"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			path := filepath.Join(uitest.TempDir(t), "salesplan.db")
			st, err := storage.Open(path, storage.Options{}) // damaged below: no check on cleanup
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.AddClient(model.Client{Name: "Marker", Needs: "DAMAGEHERE"}, uitest.Today); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			i := bytes.Index(b, []byte("DAMAGEHERE"))
			if i < 0 {
				t.Fatal("marker not in the file")
			}
			b[i] ^= 0x01
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			m := newModel(uitest.EnvAt(st, tc.lang, uitest.Morning))
			m.SetSize(60, 16)
			uitest.Run(m, m.Init())
			view := plain(m)
			if strings.Contains(view, tc.lang.T("clients.loading")) {
				t.Errorf("the list says loading after its load failed:\n%s", view)
			}
			squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
			if !strings.Contains(squeeze(view), squeeze(tc.want)) {
				t.Errorf("the list does not say what to do (%q):\n%s", tc.want, view)
			}
			for _, l := range strings.Split(view, "\n") {
				if w := ansi.StringWidth(l); w > 60 {
					t.Errorf("line %d cells wide on a 60-cell pane: %q", w, l)
				}
			}
		})
	}
}
