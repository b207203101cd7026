package picker

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// Each match is one line of the picker, cut at the dialog's edge: a long
// company name used to wrap onto a second line that read as another
// client, and the taller dialog lost its top on a 60x16 screen.
func TestMatchesAreOneLineEach(t *testing.T) {
	st := uitest.OpenStore(t)
	for _, c := range []model.Client{
		{Name: "Harbour Engineering", Company: "Harbour Engineering (Beijing) Co.", Area: "朝阳"},
		{Name: "Meridian Hotels Beijing", Company: "Meridian Hotels (Beijing) Management", Area: "西城"},
		{Name: "王总", Company: "北京望京华建大厦物业管理有限公司工程部", Area: "朝阳"},
	} {
		if _, err := st.AddClient(c, uitest.Today); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		p, load := New(uitest.Env(st, l), form.DefaultStyles(true), "Note for which client?")
		p.Update(load())
		p.SetWidth(60)
		lines := strings.Split(ansi.Strip(p.View()), "\n")
		// border, title, input, three matches, hint, border
		if len(lines) != 8 {
			t.Errorf("%s: %d lines, want one per match:\n%s", l, len(lines), strings.Join(lines, "\n"))
		}
		for _, name := range []string{"Harbour Engineering", "Meridian Hotels Beijing", "王总"} {
			if !strings.Contains(strings.Join(lines, "\n"), name) {
				t.Errorf("%s: %s is not listed", l, name)
			}
		}
	}
}
