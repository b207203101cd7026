package day

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// toProjectField opens e on the task titled title and moves to its Project
// field (title, date, time, kind, client, project).
func toProjectField(t *testing.T, m *Model, title string) {
	t.Helper()
	find(t, m, title)
	uitest.Press(m, "e")
	for range 5 {
		uitest.Press(m, "tab")
	}
	if !strings.Contains(screen(m), "Project") {
		t.Fatalf("the edit form has no Project field:\n%s", screen(m))
	}
}

// The edit form's Project field: a project name is suggested as it is
// typed (→ takes it), an unknown one is refused beside the field, and
// emptying it clears the task's project; the saved task shows it.
func TestEditFormProject(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	st := m.env.Store
	reload := func() { uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} }) }

	toProjectField(t, m, "Update the price list")
	uitest.Type(m, "Nowhere")
	uitest.Press(m, "ctrl+s")
	if !m.Capturing() || !strings.Contains(screen(m), "Nowhere") {
		t.Fatalf("an unknown project was accepted:\n%s", screen(m))
	}
	for range len("Nowhere") {
		uitest.Press(m, "backspace")
	}
	uitest.Type(m, "望京")
	uitest.Press(m, "right") // takes the suggested name
	if !strings.Contains(screen(m), "望京华建大厦") {
		t.Fatalf("no project suggested:\n%s", screen(m))
	}
	uitest.Press(m, "ctrl+s")
	if m.Capturing() {
		t.Fatalf("the form stayed open:\n%s", screen(m))
	}
	reload()
	find(t, m, "Update the price list")
	tk, _ := m.selected()
	if tk.ProjectName != "望京华建大厦" || tk.ProjectID == 0 {
		t.Fatalf("the task's project after the edit: %q (%d)", tk.ProjectName, tk.ProjectID)
	}
	if !strings.Contains(screen(m), "望京华建大厦") {
		t.Errorf("the row does not show the project:\n%s", screen(m))
	}

	// Emptying the field takes the project off.
	toProjectField(t, m, "Update the price list")
	for range len("望京华建大厦") {
		uitest.Press(m, "backspace")
	}
	uitest.Press(m, "ctrl+s")
	reload()
	if got, _ := st.Task(tk.ID); got.ProjectID != 0 {
		t.Errorf("the project stayed after the field was emptied: %d", got.ProjectID)
	}
}

// A save changes only the fields changed: a project changed elsewhere
// while the form was open survives a save of the title; a project changed
// in both places is refused as changed elsewhere.
func TestEditFormProjectChangedElsewhere(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	st := m.env.Store
	find(t, m, "确认预付款到账时间") // on 望京华建大厦
	tk, _ := m.selected()
	if tk.ProjectID == 0 {
		t.Fatal("the seeded task has no project")
	}
	uitest.Press(m, "e")
	uitest.Type(m, " (today)")
	// Meanwhile the command line takes the project off.
	seen, _ := st.Task(tk.ID)
	cleared := seen
	cleared.ProjectID = 0
	if _, err := st.EditTask(seen, cleared); err != nil {
		t.Fatal(err)
	}
	uitest.Press(m, "ctrl+s")
	if m.Capturing() {
		t.Fatalf("the title's save was refused:\n%s", screen(m))
	}
	got, _ := st.Task(tk.ID)
	if got.Title != "确认预付款到账时间 (today)" || got.ProjectID != 0 {
		t.Errorf("after the save: title %q, project %d; want the new title and no project", got.Title, got.ProjectID)
	}

	// Now both change it: the form's save is refused, its text kept.
	_, err := st.AddProject(model.Project{Name: "Second site", ClientID: got.ClientID, Stage: model.StageDesign}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
	toProjectField(t, m, "确认预付款到账时间 (today)")
	uitest.Type(m, "Second site")
	seen, _ = st.Task(tk.ID)
	other := seen
	other.ProjectID = tk.ProjectID // back on 望京华建大厦
	if _, err := st.EditTask(seen, other); err != nil {
		t.Fatal(err)
	}
	uitest.Press(m, "ctrl+s")
	if !m.Capturing() || !strings.Contains(screen(m), "changed elsewhere") {
		t.Errorf("a project changed in both places was saved over:\n%s", screen(m))
	}
}
