package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// dialogText is the text inside the dialog drawn on screen, if any: the
// cells between its left and right borders.
func dialogText(view string) string {
	var out []string
	left, right := -1, -1
	for _, line := range strings.Split(view, "\n") {
		if i := strings.Index(line, "╭"); i >= 0 && left < 0 {
			left, right = ansi.StringWidth(line[:i]), ansi.StringWidth(line[:strings.Index(line, "╮")])
			continue
		}
		if left < 0 {
			continue
		}
		if strings.Contains(line, "╰") {
			break
		}
		out = append(out, strings.TrimSpace(ansi.Cut(line, left+1, right)))
	}
	return strings.Join(out, "\n")
}

// The keys on a task do the same in the Day and the Week (one task
// component): the same dialog opens, or the same status shows, for every
// task key of the help, on a call with a client due today.
func TestTaskKeysAlikeInDayAndWeek(t *testing.T) {
	for _, k := range []string{"a", "g", "x", "e", "d", ">", "!", "c", "v", "m", "n", "p", "b"} {
		var got [2]string
		for i, tab := range []string{"1", "2"} {
			st := uitest.OpenStore(t)
			c, err := st.AddClient(model.Client{Name: "王总", Tier: model.TierKey, Phone: "138 0000 1111"}, uitest.Today)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.AddTask(model.Task{Title: "确认预付款", Date: uitest.Today, Time: model.ClockAt(9, 0),
				Kind: model.TaskCall, ClientID: c.ID}); err != nil {
				t.Fatal(err)
			}
			m := New(uitest.Env(st, i18n.EN), Options{NoColor: true}).sized(120, 40)
			uitest.Run(m, m.start())
			uitest.Press(m, tab)
			uitest.Press(m, k)
			got[i] = m.status.Text + "\n" + dialogText(screen(m))
			if strings.TrimSpace(got[i]) == "" {
				t.Errorf("%s in tab %s: nothing happened:\n%s", k, tab, screen(m))
			}
		}
		if got[0] != got[1] {
			t.Errorf("%s: the Day and the Week differ:\nDay:\n%s\nWeek:\n%s", k, got[0], got[1])
		}
	}
}
