package storage

import (
	"slices"
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
		in, err = gatherPeriod(tx, d("2026-11-01"), d("2026-11-30"), d("2026-11-27"), "")
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

// A project's value counts as signed on the date it first enters contract
// (DESIGN.md §2): contract → delivery → contract, in one month and across
// two, counts once, in the month and week of the first entry only.
func TestSignedValueCountsOnce(t *testing.T) {
	s := newStore(t)
	c, err := s.AddClient(model.Client{Name: "王总", Tier: model.TierKey}, d("2026-10-01"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.AddProject(model.Project{Name: "Tower", ClientID: c.ID, Stage: model.StageDesign,
		Value: model.MoneyFromMain(500000)}, d("2026-11-02"))
	if err != nil {
		t.Fatal(err)
	}
	for _, mv := range []struct {
		stage model.Stage
		on    string
	}{
		{model.StageContract, "2026-11-10"},
		{model.StageDelivery, "2026-11-16"},
		{model.StageContract, "2026-11-20"}, // back again in the same month
		{model.StageDelivery, "2026-12-01"},
		{model.StageContract, "2026-12-03"}, // and in the next month
	} {
		if _, err := s.SetStage(p.ID, mv.stage, d(mv.on), nil, ""); err != nil {
			t.Fatalf("move to %s on %s: %v", mv.stage, mv.on, err)
		}
	}
	today := d("2026-12-05")
	want := model.MoneyFromMain(500000)
	for _, tt := range []struct {
		name string
		got  func() (model.Money, error)
		want model.Money
	}{
		{"November", func() (model.Money, error) {
			m, err := s.Month(model.MonthOf(d("2026-11-01")), today)
			return m.Signed.Value, err
		}, want},
		{"December", func() (model.Money, error) {
			m, err := s.Month(model.MonthOf(d("2026-12-01")), today)
			return m.Signed.Value, err
		}, 0},
		{"week of the first entry", func() (model.Money, error) {
			w, err := s.Week(d("2026-11-10"), today)
			return w.Signed.Value, err
		}, want},
		{"week of the re-entry", func() (model.Money, error) {
			w, err := s.Week(d("2026-11-20"), today)
			return w.Signed.Value, err
		}, 0},
		{"week of the December re-entry", func() (model.Money, error) {
			w, err := s.Week(d("2026-12-03"), today)
			return w.Signed.Value, err
		}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.got()
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("signed = %v, want %v", got, tt.want)
			}
		})
	}
	// The top line's "signed this month" on the day of the re-entry.
	a, err := s.Today(d("2026-11-20"))
	if err != nil {
		t.Fatal(err)
	}
	if a.SignedMonth.Value != want {
		t.Errorf("Today's signed this month = %v, want %v", a.SignedMonth.Value, want)
	}
}

func attentionFor(t *testing.T, s *Store, day model.Date, project model.ID) []model.AttentionType {
	t.Helper()
	a, err := s.Today(day)
	if err != nil {
		t.Fatal(err)
	}
	var out []model.AttentionType
	for _, it := range a.Attention {
		if it.ProjectID == project {
			out = append(out, it.Type)
		}
	}
	return out
}

// A lost project never raises bid reminders nor follow-ups, whatever its
// bid date; the same project kept live does (so the test can fail).
func TestLostProjectRaisesNoBidReminders(t *testing.T) {
	s := newStore(t)
	c, err := s.AddClient(model.Client{Name: "ACME"}, d("2026-10-01"))
	if err != nil {
		t.Fatal(err)
	}
	add := func(name string) model.Project {
		p, err := s.AddProject(model.Project{Name: name, ClientID: c.ID, Stage: model.StageBidding,
			BidDate: d("2026-11-29")}, d("2026-11-02"))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	lost, live := add("Lost tower"), add("Live tower")
	if _, err := s.SetStage(lost.ID, model.StageLost, d("2026-11-20"), nil, "price too high"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		day  string
		live []model.AttentionType
	}{
		// In bidding since 2 Nov: its follow-up (every 14 days) is due from 16 Nov.
		{"2026-11-27", []model.AttentionType{model.AttProjectFollowUp, model.AttBidPrep}},
		{"2026-11-29", []model.AttentionType{model.AttProjectFollowUp, model.AttBidPrep}},
		{"2026-11-30", []model.AttentionType{model.AttProjectFollowUp, model.AttBidResult}},
		{"2026-12-20", []model.AttentionType{model.AttProjectFollowUp, model.AttBidResult}},
	} {
		t.Run(tt.day, func(t *testing.T) {
			if got := attentionFor(t, s, d(tt.day), lost.ID); len(got) != 0 {
				t.Errorf("the lost project raises %v", got)
			}
			if got := attentionFor(t, s, d(tt.day), live.ID); !slices.Equal(got, tt.live) {
				t.Errorf("the live project raises %v, want %v", got, tt.live)
			}
		})
	}
	// The reason is kept in the project's journal.
	j, err := s.ProjectJournal(lost.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(j) != 1 || j[0].Text != "price too high" || j[0].Kind != model.EntryNote {
		t.Errorf("journal after lost = %+v, want the reason as a note", j)
	}
	// The Month grid marks the live project's bid date, not the lost one's
	// alone (both share the date, so check with the live one moved on).
	m, err := s.Month(model.MonthOf(d("2026-11-01")), d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(m.Days[28].Markers, "bid") {
		t.Errorf("29 Nov lacks the bid marker: %v", m.Days[28].Markers)
	}
	if _, err := s.SetStage(live.ID, model.StageLost, d("2026-11-21"), nil, ""); err != nil {
		t.Fatal(err)
	}
	m, err = s.Month(model.MonthOf(d("2026-11-01")), d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(m.Days[28].Markers, "bid") {
		t.Errorf("29 Nov still marks a bid of lost projects: %v", m.Days[28].Markers)
	}
}

// The detail gathers what is linked to the project and nothing else: its
// journal, its promises (also one made to another client), its undone
// tasks (also one without a client), with the follow-up state of the list.
func TestProjectDetail(t *testing.T) {
	s := newStore(t)
	wang, _ := s.AddClient(model.Client{Name: "王总"}, d("2026-10-01"))
	li, _ := s.AddClient(model.Client{Name: "李经理"}, d("2026-10-01"))
	p, err := s.AddProject(model.Project{Name: "Tower", ClientID: wang.ID, Stage: model.StageDesign}, d("2026-11-02"))
	if err != nil {
		t.Fatal(err)
	}
	other, _ := s.AddProject(model.Project{Name: "Other", ClientID: wang.ID}, d("2026-11-02"))
	mustID := func(id model.ID, err error) model.ID {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	entry := func(client, project model.ID, kind model.EntryKind, day string) model.ID {
		e, err := s.AddEntry(model.JournalEntry{ClientID: client, ProjectID: project, Kind: kind, At: at(day, 10), Text: day})
		return mustID(e.ID, err)
	}
	entry(wang.ID, p.ID, model.EntryNote, "2026-11-20")
	call := entry(wang.ID, p.ID, model.EntryCall, "2026-11-24")
	entry(wang.ID, other.ID, model.EntryCall, "2026-11-25")
	entry(wang.ID, 0, model.EntryVisit, "2026-11-26")

	promise := func(client, project model.ID, due string) model.ID {
		pr, err := s.AddPromise(model.Promise{ClientID: client, ProjectID: project, Text: due, MadeOn: d("2026-11-20"), Due: d(due)}, d("2026-11-20"))
		return mustID(pr.ID, err)
	}
	late := promise(wang.ID, p.ID, "2026-12-05")
	early := promise(li.ID, p.ID, "2026-11-30")
	promise(wang.ID, other.ID, "2026-11-29")
	kept := promise(wang.ID, p.ID, "2026-11-22")
	if _, err := s.KeepPromise(kept, d("2026-11-21")); err != nil {
		t.Fatal(err)
	}

	task := func(tk model.Task) model.ID {
		tk.Kind = model.TaskTodo
		saved, err := s.AddTask(tk)
		return mustID(saved.ID, err)
	}
	t2 := task(model.Task{Title: "b", Date: d("2026-11-28"), ClientID: wang.ID, ProjectID: p.ID})
	t1 := task(model.Task{Title: "a", Date: d("2026-11-25"), ProjectID: p.ID}) // no client, carried over
	t3 := task(model.Task{Title: "c", ProjectID: p.ID})                        // inbox
	task(model.Task{Title: "other", Date: d("2026-11-28"), ClientID: wang.ID, ProjectID: other.ID})
	done := task(model.Task{Title: "done", Date: d("2026-11-26"), ClientID: wang.ID, ProjectID: p.ID})
	if _, err := s.CompleteTask(done, d("2026-11-26"), at("2026-11-26", 9), ""); err != nil {
		t.Fatal(err)
	}

	det, err := s.ProjectDetail(p.ID, d("2026-11-27"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if det.Row.Client != "王总" || det.Row.LastContact != d("2026-11-24") {
		t.Errorf("row = client %q, last contact %s; want 王总, 2026-11-24", det.Row.Client, det.Row.LastContact)
	}
	// design: max(24 Nov contact, 2 Nov stage) + 7 = 1 Dec.
	if det.Row.FollowUp.Due != d("2026-12-01") || det.Row.FollowUp.IsDue {
		t.Errorf("follow-up = %+v, want due 2026-12-01, not yet", det.Row.FollowUp)
	}
	ids := func(n int, get func(int) model.ID) []model.ID {
		out := make([]model.ID, n)
		for i := range out {
			out[i] = get(i)
		}
		return out
	}
	if got := ids(len(det.Journal), func(i int) model.ID { return det.Journal[i].ID }); len(got) != 2 || got[0] != call {
		t.Errorf("journal ids = %v, want 2 entries, the call of 24 Nov first", got)
	}
	if got := ids(len(det.Promises), func(i int) model.ID { return det.Promises[i].ID }); !slices.Equal(got, []model.ID{early, late, kept}) {
		t.Errorf("promise ids = %v, want %v", got, []model.ID{early, late, kept})
	}
	if got := ids(len(det.Tasks), func(i int) model.ID { return det.Tasks[i].ID }); !slices.Equal(got, []model.ID{t1, t2, t3}) {
		t.Errorf("task ids = %v, want %v", got, []model.ID{t1, t2, t3})
	}
	if _, err := s.ProjectDetail(9999, d("2026-11-27"), 0); err == nil {
		t.Error("an unknown project gives no error")
	}
}

// TestProjectNames lists every project's name in name order, closed and
// lost ones too (a task's project field suggests them), renamed ones by
// their new name.
func TestProjectNames(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	add := func(name string, stage model.Stage) model.Project {
		t.Helper()
		p, err := s.AddProject(model.Project{Name: name, ClientID: c.ID, Stage: stage}, d("2026-11-02"))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	add("Zeta pumps", model.StageDesign)
	add("alpha chiller", model.StageLost)
	b := add("Beta tower", model.StageClosed)
	renamed := b
	renamed.Name = "Beta tower II"
	if _, err := s.EditProject(b, renamed); err != nil {
		t.Fatal(err)
	}
	got, err := s.ProjectNames()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"alpha chiller", "Beta tower II", "Zeta pumps"}; !slices.Equal(got, want) {
		t.Errorf("ProjectNames() = %q, want %q", got, want)
	}
}
