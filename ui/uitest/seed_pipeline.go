package uitest

import (
	"testing"
	"time"

	"salesplan/model"
	"salesplan/storage"
)

// Pipeline holds the ids of SeedPipeline's records.
type Pipeline struct {
	Wang, Acme, Li           model.ID
	Tower, Fab, School, Mall model.ID
	Lost, Closed             model.ID
}

// SeedPipeline writes a small pipeline through the store's own methods: Chinese
// and Latin names, a follow-up due, bid documents due, a bid result to
// ask for, one closed and one lost project.
func SeedPipeline(t testing.TB, st *storage.Store) Pipeline {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var s Pipeline
	client := func(c model.Client) model.ID {
		c2, err := st.AddClient(c, D(time.October, 1))
		must(err)
		return c2.ID
	}
	s.Wang = client(model.Client{Name: "王总", Tier: model.TierKey, Area: "朝阳"})
	s.Acme = client(model.Client{Name: "ACME Ltd"})
	s.Li = client(model.Client{Name: "李经理"})
	project := func(p model.Project, on model.Date, moves ...model.StageEntry) model.ID {
		p2, err := st.AddProject(p, on)
		must(err)
		for _, mv := range moves {
			_, err := st.SetStage(p2.ID, mv.Stage, mv.On, nil, "")
			must(err)
		}
		return p2.ID
	}
	money := model.MoneyFromMain
	// Bid in two days: bid documents due; design since 20 Nov, follow-up 27 Nov (due today).
	s.Tower = project(model.Project{Name: "望京华建大厦 冷冻水泵", ClientID: s.Wang, Owner: "华建置业", Stage: model.StageDesign,
		Value: money(1280000), BidDate: D(time.November, 29)}, D(time.November, 20))
	// Bidding since 2 Nov, bid on 24 Nov: ask for the result; follow-up overdue.
	s.Fab = project(model.Project{Name: "ACME Fab 2 cooling", ClientID: s.Acme, Stage: model.StageBidding,
		Value: money(3600000), BidDate: D(time.November, 24)}, D(time.November, 2))
	// Contract since 25 Nov, contacted 26 Nov: follow-up on 10 Dec.
	s.School = project(model.Project{Name: "海淀实验学校 新风", ClientID: s.Li, Stage: model.StageDetailing,
		Value: money(180000)}, D(time.November, 1), model.StageEntry{Stage: model.StageContract, On: D(time.November, 25)})
	_, err := st.AddEntry(model.JournalEntry{ClientID: s.Li, ProjectID: s.School, Kind: model.EntryCall,
		At: time.Date(2026, 11, 26, 10, 0, 0, 0, time.Local), Text: "合同已盖章，预付款下周到"})
	must(err)
	_, err = st.AddPromise(model.Promise{ClientID: s.Li, ProjectID: s.School, Text: "送样机到学校",
		MadeOn: D(time.November, 20), Due: D(time.November, 30)}, Today)
	must(err)
	_, err = st.AddTask(model.Task{Title: "安排备货", Date: D(time.November, 30), Kind: model.TaskTodo,
		ClientID: s.Li, ProjectID: s.School})
	must(err)
	s.Mall = project(model.Project{Name: "Sanlitun retail fit-out pumps and controls", ClientID: s.Acme, Stage: model.StageLead,
		Value: money(320000)}, D(time.November, 10))
	s.Lost = project(model.Project{Name: "丢了的项目", ClientID: s.Wang, Stage: model.StageBidding,
		Value: money(500000), BidDate: D(time.November, 28)}, D(time.November, 1))
	_, err = st.SetStage(s.Lost, model.StageLost, D(time.November, 15), nil, "价格太高")
	must(err)
	s.Closed = project(model.Project{Name: "Closed job", ClientID: s.Acme, Stage: model.StageAcceptance,
		Value: money(90000)}, D(time.October, 1), model.StageEntry{Stage: model.StageClosed, On: D(time.November, 3)})
	return s
}
