package projects

import (
	"strings"
	"testing"
	"time"

	"salesplan/model"
	daypane "salesplan/ui/day"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// Project follow-ups, bid preparation and bid results show in the Day
// pane's attention list, and its t makes each a task for today linked to
// the project (DESIGN.md §5: "one key turns an attention item into a task
// for today"). A lost project with the same bid date shows nothing.
func TestAttentionMakesProjectTasks(t *testing.T) {
	st := uitest.OpenStore(t)
	c, err := st.AddClient(model.Client{Name: "陈工"}, uitest.Today) // regular and new: not due
	if err != nil {
		t.Fatal(err)
	}
	add := func(p model.Project, on model.Date) model.Project {
		p.ClientID = c.ID
		saved, err := st.AddProject(p, on)
		if err != nil {
			t.Fatal(err)
		}
		return saved
	}
	// Design since 17 Nov: follow-up due 24 Nov; bid tomorrow: documents due.
	a := add(model.Project{Name: "Alpha", Stage: model.StageDesign, BidDate: uitest.Today.AddDays(1)}, uitest.D(time.November, 17))
	// Bidding since 20 Nov (follow-up 4 Dec), bid on 25 Nov: ask for the result.
	b := add(model.Project{Name: "Beta", Stage: model.StageBidding, BidDate: uitest.D(time.November, 25)}, uitest.D(time.November, 20))
	lost := add(model.Project{Name: "Gamma", Stage: model.StageBidding, BidDate: uitest.Today.AddDays(1)}, uitest.D(time.November, 20))
	if _, err := st.SetStage(lost.ID, model.StageLost, uitest.D(time.November, 21), nil, "budget cut"); err != nil {
		t.Fatal(err)
	}

	p := daypane.New(uitest.Env(st, i18n.EN))
	p.SetSize(120, 30)
	run(p, p.Init())
	if v := screen(p); strings.Contains(v, "Gamma") {
		t.Errorf("the lost project shows in the Day pane:\n%s", v)
	}
	press(p, "right", "t", "j", "t", "j", "t")

	tasks, err := st.TasksOn(uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	type made struct {
		project model.ID
		kind    model.TaskKind
	}
	var got []made
	for _, tk := range tasks {
		got = append(got, made{tk.ProjectID, tk.Kind})
	}
	want := []made{{a.ID, model.TaskCall}, {a.ID, model.TaskTodo}, {b.ID, model.TaskCall}}
	if len(got) != len(want) {
		t.Fatalf("tasks made = %+v, want %+v\n%s", got, want, screen(p))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("task %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
