package ui

import (
	"fmt"
	"strings"
	"testing"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// Today's Day lists the inbox (open tasks with no date) after the
// carried-over tasks, the first few and "N more"; enter on that lists
// them all; a search hit on an inbox task, even one "N more" hides, opens
// it there, selected, instead of saying it has no date.
func TestInboxMoreAndSearchHit(t *testing.T) {
	st := uitest.OpenStore(t)
	for i := range 7 {
		if _, err := st.AddTask(model.Task{Title: fmt.Sprintf("idea %d", i+1), Kind: model.TaskTodo}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.AddTask(model.Task{Title: "brochure wording", Kind: model.TaskTodo}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddTask(model.Task{Title: "old chore", Date: uitest.Today.AddDays(-2), Kind: model.TaskTodo}); err != nil {
		t.Fatal(err)
	}
	m := workdayModel(t, st, i18n.EN, 120, 40)
	s := screen(m)
	if !strings.Contains(s, "Inbox · 8") || !strings.Contains(s, "3 more in the inbox") ||
		strings.Contains(s, "idea 6") || strings.Contains(s, "brochure") {
		t.Fatalf("the inbox is not the first 5 and 3 more:\n%s", s)
	}
	if strings.Index(s, "Carried over · 1") > strings.Index(s, "Inbox · 8") {
		t.Errorf("the inbox comes before the carried-over tasks:\n%s", s)
	}

	uitest.Press(m, "ctrl+f")
	uitest.Type(m, "brochure")
	uitest.Press(m, "enter")
	s = screen(m)
	if m.Active() != common.PaneDay || !strings.Contains(s, "›  ") || !strings.Contains(s, "brochure wording") ||
		strings.Contains(s, "more in the inbox") || strings.Contains(s, "no date") {
		t.Fatalf("the inbox task's hit did not open it on today's Day:\n%s", s)
	}
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "›") && !strings.Contains(l, "brochure wording") {
			t.Errorf("the selected row is not the hit: %q", l)
		}
	}
}
