package ui

import (
	"fmt"
	"strings"
	"testing"

	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// e in the brief does what the brief says it does: it edits the client.
// From the Day (or the Week) the Clients pane's edit form opens, and saving
// or cancelling it comes back to the Day; the change is stored.
func TestBriefEditsClient(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				st := uitest.OpenStore(t)
				w := uitest.SeedWorkday(t, st)
				m := workdayModel(t, st, lang, size[0], size[1])
				uitest.Press(m, "b") // today's first task: the call with 王总
				if s := screen(m); !strings.Contains(s, lang.T("form.key.e_edit_client")) {
					t.Fatalf("the brief does not offer e:\n%s", s)
				}
				uitest.Press(m, "e")
				if s := screen(m); m.Active() != common.PaneClients || !strings.Contains(s, lang.T("clients.form.edit", "王总")) {
					t.Fatalf("e in the brief did not open 王总's edit form (tab %d):\n%s", m.Active(), s)
				}
				uitest.Press(m, "tab") // the company
				uitest.Type(m, " 集团")
				uitest.Press(m, "ctrl+s")
				if m.Active() != common.PaneDay {
					t.Fatalf("after saving: tab %d, want back on the Day:\n%s", m.Active(), screen(m))
				}
				if c, err := st.Client(w.Wang); err != nil || c.Company != "望京华建 集团" {
					t.Fatalf("company %q, %v", c.Company, err)
				}
				// esc on the form goes back to the Day too.
				uitest.Press(m, "b", "e", "esc")
				if s := screen(m); m.Active() != common.PaneDay || strings.Contains(s, lang.T("clients.form.edit", "王总")) {
					t.Fatalf("after esc: tab %d, want back on the Day:\n%s", m.Active(), s)
				}
			})
		}
	}
}
