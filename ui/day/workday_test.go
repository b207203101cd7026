package day

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// The attention list scrolls by items, whatever their heights: moving
// down through promises of two and three lines keeps the selected one
// whole on screen, at 80 columns (below the tasks) and 120 (beside them,
// two fifths of the width).
func TestAttentionScrollsByItems(t *testing.T) {
	for _, w := range []int{80, 120, 160} {
		st := uitest.OpenStore(t)
		c, err := st.AddClient(model.Client{Name: "王总"}, uitest.D(11, 1))
		if err != nil {
			t.Fatal(err)
		}
		for i := range 8 {
			text := fmt.Sprintf("承诺%d：", i+1) + strings.Repeat("送冷冻水泵的选型资料", 1+i%3)
			if _, err := st.AddPromise(model.Promise{ClientID: c.ID, Text: text, MadeOn: uitest.D(11, 1), Due: uitest.D(11, 10+i)}, uitest.Today); err != nil {
				t.Fatal(err)
			}
		}
		m := newModel(uitest.Env(st, i18n.ZH))
		m.SetSize(w, 24)
		uitest.Run(m, m.Init())
		if w >= 120 && m.attW < w/3 {
			t.Errorf("width %d: the attention list is %d cells, less than a third", w, m.attW)
		}
		uitest.Press(m, "right")
		for i := range 8 {
			if i > 0 {
				uitest.Press(m, "j")
			}
			v := uitest.Plain(m.View())
			if !strings.Contains(v, fmt.Sprintf("承诺%d：", i+1)) {
				t.Fatalf("width %d: item %d not on screen:\n%s", w, i+1, v)
			}
			uitest.CheckSize(t, m.View(), w, 24)
		}
	}
}

// A promise's text is cut with … only where it truly does not fit: a
// short one shows whole, a long one wraps to two lines and ends in ….
func TestAttentionPromiseText(t *testing.T) {
	m := &Model{env: uitest.Env(nil, i18n.EN), lang: i18n.EN}
	a := model.AttentionItem{Type: model.AttPromiseOverdue, Client: "王总", Text: "Send the pump curves", DaysOverdue: 2}
	if lines := m.attItem(a, 48); len(lines) != 3 || !strings.Contains(lines[2], "Send the pump curves") || strings.Contains(lines[2], "…") {
		t.Errorf("a short promise: %q", lines)
	}
	a.Text = strings.Repeat("quote and pump curves, ", 10) + "\x1b[31mred"
	lines := m.attItem(a, 48)
	if len(lines) != 4 || !strings.HasSuffix(lines[3], "…") {
		t.Errorf("a long promise: %q", lines)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 48 || strings.Contains(l, "\x1b") {
			t.Errorf("line %q: %d cells, or not inert", l, ansi.StringWidth(l))
		}
	}
}

// Call rows keep the client's whole phone from 100 columns up, where the
// attention list takes the width beside them (at 120 it took the phones
// of every call with a title longer than a few words): the project
// column gives way on a day with calls, the title keeps a dozen cells,
// and the number is never cut.
func TestCallRowsShowPhones(t *testing.T) {
	st := uitest.OpenStore(t)
	w := uitest.SeedWorkday(t, st)
	tom, err := st.AddClient(model.Client{Name: "Tom Becker", Phone: "+86 138 0101 7766"}, uitest.D(10, 1))
	if err != nil {
		t.Fatal(err)
	}
	p, err := st.AddProject(model.Project{Name: "Courtyard hotel", ClientID: tom.ID, Stage: model.StageDesign}, uitest.D(11, 1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddTask(model.Task{Title: "Ask about the courtyard hotel scheme and the roof plant", Date: uitest.Today,
		Time: model.ClockAt(9, 20), Kind: model.TaskCall, ClientID: tom.ID, ProjectID: p.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddTask(model.Task{Title: "确认预付款到账时间，顺便问二号库扩建的时间", Date: uitest.Today,
		Time: model.ClockAt(9, 40), Kind: model.TaskCall, ClientID: w.Li}); err != nil {
		t.Fatal(err)
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, width := range []int{100, 106, 120, 140, 160} {
			m := newModel(uitest.EnvAt(st, l, uitest.Morning))
			m.SetSize(width, 30)
			uitest.Run(m, m.Init())
			v := uitest.Plain(m.View())
			uitest.CheckSize(t, m.View(), width, 30)
			for _, want := range []struct{ row, phone string }{
				{"09:00", "138 0100 0001"}, {"09:20", "+86 138 0101 7766"}, {"09:40", "139 2200 0002"}, {"10:30", "+1 555 0100"}} {
				found := false
				for _, line := range strings.Split(v, "\n") {
					if strings.Contains(line, want.row) && strings.Contains(line, want.phone) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s %d columns: the %s call's row lacks %q:\n%s", l, width, want.row, want.phone, v)
				}
			}
		}
	}
}
