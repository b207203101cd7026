package projects_test

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/projects"
	"salesplan/ui/uitest"
)

func flowEnv(t *testing.T, l i18n.Lang) (common.Env, *storage.Store) {
	t.Helper()
	st := uitest.OpenStore(t)
	return uitest.Env(st, l), st
}

// waitProject polls the store until the project satisfies cond: the
// planner writes in its own commands, so the test waits for the effect.
func waitProject(t *testing.T, st *storage.Store, name, what string, cond func(model.Project) bool) model.Project {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		p, err := st.FindProject(name)
		if err == nil && cond(p) {
			return p
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
	return model.Project{}
}

func key(code rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: code} }

// In the real planner: create a project in the form (client by prefix,
// value in 万, bid date as date words), open it, and move it through every
// stage to closed, taking the checklists as offered, unticking one item
// and rewording another.
func TestProjectThroughTheStages(t *testing.T) {
	env, st := flowEnv(t, i18n.EN)
	if _, err := st.AddClient(model.Client{Name: "王总", Tier: model.TierKey}, uitest.Today); err != nil {
		t.Fatal(err)
	}
	panes := func(env common.Env) [common.PaneCount]common.Pane {
		p := ui.Placeholders(env)
		p[common.PaneProjects] = projects.New(env)
		return p
	}
	tm := uitest.Start(t, ui.New(env, ui.Options{NoColor: true, Panes: panes}), 120, 40)
	tm.Type("5")
	uitest.WaitScreen(t, tm, "No projects yet")

	tm.Type("a")
	uitest.WaitScreen(t, tm, "New project")
	tm.Type("Tower 新楼")
	tm.Send(key(tea.KeyTab))
	tm.Type("王") // a unique prefix of 王总
	tm.Send(key(tea.KeyTab))
	tm.Type("华建置业")
	tm.Send(key(tea.KeyTab))
	tm.Type("50万")
	tm.Send(key(tea.KeyTab)) // the stage: lead
	tm.Send(key(tea.KeyTab))
	tm.Type("next thu")
	tm.Send(key(tea.KeyEnter))
	p := waitProject(t, st, "Tower 新楼", "the new project", func(p model.Project) bool { return true })
	if p.Stage != model.StageLead || p.Value != model.MoneyFromMain(500000) || p.Owner != "华建置业" ||
		p.BidDate != model.MakeDate(2026, time.December, 3) {
		t.Fatalf("saved %+v: want lead, 500000, owner 华建置业, bid Thu 3 Dec", p)
	}
	uitest.WaitScreen(t, tm, "Added project Tower")

	tm.Send(key(tea.KeyEnter)) // the new project is selected: open it
	uitest.WaitScreen(t, tm, "Stage history (1)")

	for _, to := range model.Stages[1:9] {
		tm.Type(">")
		uitest.WaitScreen(t, tm, "→ "+string(to)+"?")
		tm.Send(key(tea.KeyEnter)) // the date: today
		switch to {
		case model.StageContract:
			uitest.WaitScreen(t, tm, "Entering contract")
			tm.Send(key(tea.KeyEnter)) // all three
		case model.StageDelivery:
			uitest.WaitScreen(t, tm, "Entering delivery")
			tm.Type(" ") // untick "goods on site"
			uitest.WaitScreen(t, tm, "enter move and add 1")
			tm.Send(key(tea.KeyEnter))
		case model.StageAcceptance:
			uitest.WaitScreen(t, tm, "Entering acceptance")
			tm.Type("je")
			tm.Type(" today")
			tm.Send(key(tea.KeyEnter)) // ends the edit
			tm.Send(key(tea.KeyEnter)) // moves
		}
		waitProject(t, st, "Tower 新楼", "the move to "+string(to), func(p model.Project) bool { return p.Stage == to })
		uitest.WaitScreen(t, tm, "● Fri 27 Nov "+string(to))
	}

	d, err := st.ProjectDetail(p.ID, uitest.Today, 0)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Row.StageHistory); n != 9 {
		t.Errorf("stage history has %d entries, want 9", n)
	}
	var titles []string
	for _, tk := range d.Tasks {
		titles = append(titles, tk.Title)
		if tk.Date != uitest.Today || tk.ClientID != p.ClientID {
			t.Errorf("checklist task %+v: want dated uitest.Today, for 王总", tk)
		}
	}
	want := []string{
		"Sign the supply contract: Tower 新楼", "Collect the advance payment: Tower 新楼", "Arrange stock: Tower 新楼",
		"Ask the technical department for commissioning: Tower 新楼",
		"Prepare the acceptance documents: Tower 新楼", "Collect payment: Tower 新楼 today",
	}
	if strings.Join(titles, "\n") != strings.Join(want, "\n") {
		t.Errorf("checklist tasks:\n%s\nwant:\n%s", strings.Join(titles, "\n"), strings.Join(want, "\n"))
	}
	m, err := st.Month(model.MonthOf(uitest.Today), uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	if m.Signed.Value != model.MoneyFromMain(500000) {
		t.Errorf("signed this month = %v, want 500000", m.Signed.Value)
	}
	tm.Type(">")
	uitest.WaitScreen(t, tm, "is closed")
	uitest.Finish(t, tm)
}
