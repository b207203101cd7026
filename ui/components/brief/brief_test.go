package brief

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// A note, a promise or a talking point of several lines (a list pasted in)
// keeps its later lines under its first one's text, as the profile's
// fields do; they started at the brief's left edge, under the headings.
func TestMultiLineItemsIndented(t *testing.T) {
	st := uitest.OpenStore(t)
	c, err := st.AddClient(model.Client{Name: "王总", Interests: "golf\ntea"}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddPromise(model.Promise{ClientID: c.ID, Text: "quote\ndrawings", MadeOn: uitest.Today, Due: uitest.Today.AddDays(3)}, uitest.Today); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)
	if _, err := st.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at, Text: "asked about\nthe pump"}); err != nil {
		t.Fatal(err)
	}
	d, err := st.ClientDetail(c.ID, uitest.Today, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		_, lines := Text(uitest.Env(st, l), d)
		var all []string
		for _, ln := range lines {
			all = append(all, strings.Split(ln, "\n")...)
		}
		for _, first := range []string{"golf", "quote", "asked about"} {
			second := map[string]string{"golf": "tea", "quote": "drawings", "asked about": "the pump"}[first]
			col := -1
			for i, ln := range all {
				if j := strings.Index(ln, first); j >= 0 && i+1 < len(all) {
					col = ansi.StringWidth(ln[:j])
					k := strings.Index(all[i+1], second)
					if k < 0 || strings.TrimSpace(all[i+1][:k]) != "" || ansi.StringWidth(all[i+1][:k]) != col {
						t.Errorf("%s: %q on the line after %q is not under it (cell %d):\n%s", l, second, first, col, strings.Join(all, "\n"))
					}
				}
			}
			if col < 0 {
				t.Errorf("%s: %q not in the brief:\n%s", l, first, strings.Join(all, "\n"))
			}
		}
	}
}
