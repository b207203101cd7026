package storage

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

func TestProjectStages(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "ACME Ltd", model.TierKey, d("2026-01-01"))
	for _, tc := range []struct {
		name string
		p    model.Project
		code string
	}{
		{"no name", model.Project{ClientID: c.ID}, "empty_name"},
		{"no client", model.Project{Name: "x"}, "missing_client"},
		{"bad stage", model.Project{Name: "x", ClientID: c.ID, Stage: "won"}, "bad_stage"},
		{"negative value", model.Project{Name: "x", ClientID: c.ID, Value: -1}, "bad_value"},
	} {
		if _, err := s.AddProject(tc.p, d("2026-11-01")); problemCode(err) != tc.code {
			t.Errorf("%s: AddProject = %v, want %s", tc.name, err, tc.code)
		}
	}
	p, err := s.AddProject(model.Project{Name: "Metro Line 5", ClientID: c.ID, Value: model.MoneyFromMain(500000)}, d("2026-11-01"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Stage != model.StageLead || p.StageSince() != d("2026-11-01") {
		t.Errorf("defaults: %+v", p)
	}
	if _, err := s.AddProject(model.Project{Name: "metro line 5", ClientID: c.ID}, d("2026-11-01")); problemCode(err) != "duplicate_project" {
		t.Errorf("duplicate project = %v", err)
	}
	checklist := []model.Task{{Title: "sign the supply contract", Date: d("2026-11-10")}, {Title: "collect the advance payment", Date: d("2026-11-12")}}
	for _, step := range []struct {
		stage model.Stage
		on    model.Date
		tasks []model.Task
	}{
		{model.StageDesign, d("2026-11-02"), nil},
		{model.StageContract, d("2026-11-09"), checklist},
		{model.StageDelivery, d("2026-11-20"), nil},
		{model.StageContract, d("2026-11-21"), nil}, // back again: signed stays on 11-09
	} {
		if p, err = s.SetStage(p.ID, step.stage, step.on, step.tasks, ""); err != nil {
			t.Fatalf("SetStage %s: %v", step.stage, err)
		}
	}
	if got := len(p.StageHistory); got != 5 || p.Stage != model.StageContract {
		t.Errorf("history %v", p.StageHistory)
	}
	if _, err := s.SetStage(p.ID, model.StageContract, d("2026-11-22"), nil, ""); problemCode(err) != "same_stage" {
		t.Errorf("same stage = %v", err)
	}
	if _, err := s.SetStage(p.ID, model.StageDelivery, d("2026-11-01"), nil, ""); problemCode(err) != "stage_date_before" {
		t.Errorf("earlier date = %v", err)
	}
	tasks, _ := s.TasksOn(d("2026-11-10"))
	if len(tasks) != 1 || tasks[0].ProjectID != p.ID || tasks[0].ClientID != c.ID || tasks[0].ClientName != "ACME Ltd" {
		t.Errorf("checklist task = %+v", tasks)
	}
	var in model.PeriodInput
	if err := s.view(func(tx *bolt.Tx) (err error) {
		in, err = gatherPeriod(tx, d("2026-11-01"), d("2026-11-30"), d("2026-11-27"))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if in.Signed != model.MoneyFromMain(500000) {
		t.Errorf("signed in November = %v, want 500000 once", in.Signed)
	}
	if len(in.StageMoves) != 5 || in.StageMoves[1].From != model.StageLead || in.StageMoves[1].To != model.StageDesign ||
		in.StageMoves[0].From != "" || in.StageMoves[1].Project != "Metro Line 5" {
		t.Errorf("stage moves = %+v", in.StageMoves)
	}
	// Lost with a reason: a note on the project.
	p, err = s.SetStage(p.ID, model.StageLost, d("2026-11-25"), nil, "price too high")
	if err != nil {
		t.Fatal(err)
	}
	j, _ := s.ProjectJournal(p.ID, 0)
	if len(j) != 1 || j[0].Kind != model.EntryNote || j[0].Text != "price too high" || j[0].On() != d("2026-11-25") {
		t.Errorf("lost note = %+v", j)
	}
	if rows, _ := s.Projects(d("2026-11-27"), false); len(rows) != 0 {
		t.Errorf("live projects include a lost one: %+v", rows)
	}
	if rows, _ := s.Projects(d("2026-11-27"), true); len(rows) != 1 || rows[0].Client != "ACME Ltd" {
		t.Errorf("all projects = %+v", rows)
	}
	if got, err := s.FindProject("metro"); err != nil || got.ID != p.ID {
		t.Errorf("FindProject = %v, %v", got, err)
	}
}

func TestUpdateProjectKeepsStage(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "ACME Ltd", model.TierKey, d("2026-01-01"))
	p, _ := s.AddProject(model.Project{Name: "P", ClientID: c.ID, Stage: model.StageDesign}, d("2026-11-01"))
	p.Stage, p.StageHistory, p.Value, p.BidDate = model.StageClosed, nil, 100, d("2026-12-10")
	if err := s.UpdateProject(p); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Project(p.ID)
	if got.Stage != model.StageDesign || len(got.StageHistory) != 1 || got.Value != 100 || got.BidDate != d("2026-12-10") {
		t.Errorf("UpdateProject = %+v", got)
	}
}

func TestProjectFollowUpUsesLinkedContacts(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "ACME Ltd", model.TierKey, d("2026-01-01"))
	p, _ := s.AddProject(model.Project{Name: "P", ClientID: c.ID, Stage: model.StageDesign}, d("2026-11-01"))
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: at("2026-11-20", 10), Text: "unrelated"})
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, ProjectID: p.ID, Kind: model.EntryNote, At: at("2026-11-21", 10), Text: "note"})
	rows, _ := s.Projects(d("2026-11-27"), false)
	if len(rows) != 1 || rows[0].LastContact.Valid() || !rows[0].FollowUp.IsDue {
		t.Fatalf("before a linked contact: %+v", rows)
	}
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, ProjectID: p.ID, Kind: model.EntryVisit, At: at("2026-11-24", 10)})
	rows, _ = s.Projects(d("2026-11-27"), false)
	if rows[0].LastContact != d("2026-11-24") || rows[0].FollowUp.IsDue {
		t.Errorf("after a linked visit: %+v", rows[0])
	}
}
