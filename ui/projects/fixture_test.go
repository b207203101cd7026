package projects

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
	"salesplan/ui/theme"
)

// The tests run on Friday 27 Nov 2026 at 14:05.
var (
	today = model.MakeDate(2026, time.November, 27)
	now   = time.Date(2026, time.November, 27, 14, 5, 0, 0, time.Local)
)

func day(m time.Month, d int) model.Date { return model.MakeDate(2026, m, d) }

func openStore(t testing.TB) *storage.Store {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "salesplan.db"), storage.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	return st
}

func envFor(st *storage.Store, l i18n.Lang) common.Env {
	s := theme.New(true, true)
	return common.Env{Store: st, Lang: l, Styles: &s, Keys: keys.New(l), TodayOverride: today,
		Clock: func() time.Time { return now }}
}

// seeded holds the ids the tests refer to.
type seeded struct {
	wang, acme, li           model.ID
	tower, fab, school, mall model.ID
	lost, closed             model.ID
}

// seed writes a small pipeline through the store's own methods: Chinese
// and Latin names, a follow-up due, bid documents due, a bid result to
// ask for, one closed and one lost project.
func seed(t testing.TB, st *storage.Store) seeded {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var s seeded
	client := func(c model.Client) model.ID {
		c2, err := st.AddClient(c, day(time.October, 1))
		must(err)
		return c2.ID
	}
	s.wang = client(model.Client{Name: "王总", Tier: model.TierKey, Area: "朝阳"})
	s.acme = client(model.Client{Name: "ACME Ltd"})
	s.li = client(model.Client{Name: "李经理"})
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
	s.tower = project(model.Project{Name: "望京华建大厦 冷冻水泵", ClientID: s.wang, Owner: "华建置业", Stage: model.StageDesign,
		Value: money(1280000), BidDate: day(time.November, 29)}, day(time.November, 20))
	// Bidding since 2 Nov, bid on 24 Nov: ask for the result; follow-up overdue.
	s.fab = project(model.Project{Name: "ACME Fab 2 cooling", ClientID: s.acme, Stage: model.StageBidding,
		Value: money(3600000), BidDate: day(time.November, 24)}, day(time.November, 2))
	// Contract since 25 Nov, contacted 26 Nov: follow-up on 10 Dec.
	s.school = project(model.Project{Name: "海淀实验学校 新风", ClientID: s.li, Stage: model.StageDetailing,
		Value: money(180000)}, day(time.November, 1), model.StageEntry{Stage: model.StageContract, On: day(time.November, 25)})
	_, err := st.AddEntry(model.JournalEntry{ClientID: s.li, ProjectID: s.school, Kind: model.EntryCall,
		At: time.Date(2026, 11, 26, 10, 0, 0, 0, time.Local), Text: "合同已盖章，预付款下周到"})
	must(err)
	_, err = st.AddPromise(model.Promise{ClientID: s.li, ProjectID: s.school, Text: "送样机到学校",
		MadeOn: day(time.November, 20), Due: day(time.November, 30)}, today)
	must(err)
	_, err = st.AddTask(model.Task{Title: "安排备货", Date: day(time.November, 30), Kind: model.TaskTodo,
		ClientID: s.li, ProjectID: s.school})
	must(err)
	s.mall = project(model.Project{Name: "Sanlitun retail fit-out pumps and controls", ClientID: s.acme, Stage: model.StageLead,
		Value: money(320000)}, day(time.November, 10))
	s.lost = project(model.Project{Name: "丢了的项目", ClientID: s.wang, Stage: model.StageBidding,
		Value: money(500000), BidDate: day(time.November, 28)}, day(time.November, 1))
	_, err = st.SetStage(s.lost, model.StageLost, day(time.November, 15), nil, "价格太高")
	must(err)
	s.closed = project(model.Project{Name: "Closed job", ClientID: s.acme, Stage: model.StageAcceptance,
		Value: money(90000)}, day(time.October, 1), model.StageEntry{Stage: model.StageClosed, On: day(time.November, 3)})
	return s
}

// quick runs a command, giving up on timers that would keep a synchronous
// loop busy forever.
func quick(c tea.Cmd) tea.Msg {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg
	case <-time.After(2 * time.Second):
		return nil
	}
}

// run feeds a command's messages back into the pane until none is left,
// as the program would; the statuses are returned.
func run(p common.Pane, cmd tea.Cmd) []string {
	var out []string
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := quick(c).(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case common.StatusMsg:
			out = append(out, msg.Text)
		default:
			_, next := p.Update(msg)
			queue = append(queue, next)
		}
	}
	return out
}

func keyMsg(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

// press sends keys one after the other, running what each starts.
func press(p common.Pane, ks ...string) []string {
	var out []string
	for _, k := range ks {
		_, cmd := p.Update(keyMsg(k))
		out = append(out, run(p, cmd)...)
	}
	return out
}

func typeText(p common.Pane, s string) {
	for _, r := range s {
		_, cmd := p.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		run(p, cmd)
	}
}

// open builds a loaded Projects pane over a seeded store.
func open(t *testing.T, l i18n.Lang, w, h int) (*Model, *storage.Store, seeded) {
	t.Helper()
	st := openStore(t)
	s := seed(t, st)
	m := newModel(envFor(st, l))
	m.SetSize(w, h)
	run(m, m.Init())
	if !m.loaded {
		t.Fatal("the pipeline did not load")
	}
	return m, st, s
}

func screen(p common.Pane) string { return ansi.Strip(p.View()) }

func checkSize(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("line %d is %d cells, want %d: %q", i, got, w, ansi.Strip(l))
		}
	}
}
