package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// A rep's workday in the planner (issue 15), as whole-program flows: a
// real tea.Program over the real panes and a store in a temporary
// directory, driven by keys, checked on the screen and in the store.

// startWorkday runs the planner over st at w×h in lang, at 10:05 on the
// test's Friday.
func startWorkday(t *testing.T, st *storage.Store, lang i18n.Lang, opts Options, w, h int) *teatest.TestModel {
	t.Helper()
	opts.NoColor = true
	return uitest.Start(t, New(uitest.EnvAt(st, lang, uitest.Morning), opts), w, h)
}

// workdayModel is the planner over st, laid out at w×h and loaded, for
// flows driven without a program (uitest.Press runs every command).
func workdayModel(t *testing.T, st *storage.Store, lang i18n.Lang, w, h int) *Model {
	t.Helper()
	m := New(uitest.EnvAt(st, lang, uitest.Morning), Options{NoColor: true}).sized(w, h)
	uitest.Run(m, m.start())
	return m
}

// contactsOn are the client's journal entries of a kind on a day.
func contactsOn(t *testing.T, st *storage.Store, client model.ID, kind model.EntryKind, day model.Date) []storage.JournalRow {
	t.Helper()
	rows, err := st.JournalOn(day, client)
	if err != nil {
		t.Fatal(err)
	}
	var out []storage.JournalRow
	for _, r := range rows {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	return out
}

func taskOf(t *testing.T, st *storage.Store, id model.ID) model.Task {
	t.Helper()
	tk, err := st.Task(id)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// c on a call task with its client completes it with its outcome: one
// call, linked to the task; x afterwards says it is done and records
// nothing more.
func TestFlowCallTaskCompletedWithOneContact(t *testing.T) {
	st := uitest.OpenStore(t)
	w := uitest.SeedWorkday(t, st)
	tm := startWorkday(t, st, i18n.EN, Options{}, 120, 40)
	uitest.WaitScreen(t, tm, "09:00 call")
	tm.Type("c")
	uitest.WaitScreen(t, tm, "Done: call with 王总. Outcome?")
	// A pasted chat keeps its line breaks (the terminal sends CR).
	tm.Type("quote ")
	tm.Send(tea.PasteMsg{Content: "by Monday\rbudget 500k"})
	uitest.WaitScreen(t, tm, "budget 500k")
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "Done: Call 王总")
	if tk := taskOf(t, st, w.CallWang); !tk.Done || tk.DoneOn != uitest.Today {
		t.Fatalf("the call task is not done today: %+v", tk)
	}
	calls := contactsOn(t, st, w.Wang, model.EntryCall, uitest.Today)
	if len(calls) != 1 || calls[0].TaskID != w.CallWang || calls[0].Text != "quote by Monday\nbudget 500k" {
		t.Fatalf("calls with 王总 today: %+v; want one, linked to the task, with the outcome", calls)
	}
	tm.Type("x")
	uitest.WaitScreen(t, tm, "Already done.")
	tm.Type("c")
	uitest.WaitScreen(t, tm, "Record a call with 王总") // done: c now records another call, asking first
	tm.Send(uitest.Key("esc"))
	uitest.WaitScreen(t, tm, "1/30")
	uitest.Finish(t, tm)
	if calls := contactsOn(t, st, w.Wang, model.EntryCall, uitest.Today); len(calls) != 1 {
		t.Errorf("after x and esc: %d calls, want 1", len(calls))
	}
}

// The same in the Week, which embeds the same task component: c on the
// selected call task completes it with one contact; and recording one on
// another day (the date line) puts the call and the completion there.
func TestWeekCallTaskCompletedWithOneContact(t *testing.T) {
	st := uitest.OpenStore(t)
	w := uitest.SeedWorkday(t, st)
	m := workdayModel(t, st, i18n.EN, 120, 40)
	uitest.Press(m, "2", "c")
	if !strings.Contains(screen(m), "Done: call with 王总") {
		t.Fatalf("c on the Week's call task:\n%s", screen(m))
	}
	uitest.Type(m, "left a message")
	uitest.Press(m, "tab", "ctrl+u")
	uitest.Type(m, "yesterday")
	uitest.Press(m, "enter")
	tk := taskOf(t, st, w.CallWang)
	if !tk.Done || tk.DoneOn != uitest.Today.AddDays(-1) {
		t.Fatalf("the call task: done %v on %v, want yesterday", tk.Done, tk.DoneOn)
	}
	calls := contactsOn(t, st, w.Wang, model.EntryCall, uitest.Today.AddDays(-1))
	if len(calls) != 1 || calls[0].TaskID != w.CallWang {
		t.Fatalf("calls yesterday: %+v; want the one the task recorded", calls)
	}
	if today := contactsOn(t, st, w.Wang, model.EntryCall, uitest.Today); len(today) != 0 {
		t.Errorf("a call was recorded today too: %+v", today)
	}
	// A day after today is refused inside the dialog, the outcome kept.
	uitest.Press(m, "j", "c", "tab", "ctrl+u")
	uitest.Type(m, "tomorrow")
	uitest.Press(m, "enter")
	if s := screen(m); !strings.Contains(s, "is after today") || !strings.Contains(s, "Done: call with ACME Ltd") {
		t.Errorf("a call recorded tomorrow:\n%s", s)
	}
	if tk := taskOf(t, st, w.CallAcme); tk.Done {
		t.Error("the refused date completed the task")
	}
}

// x on an overdue promise in the attention list keeps it, today, undoably.
func TestFlowPromiseKeptFromAttention(t *testing.T) {
	st := uitest.OpenStore(t)
	w := uitest.SeedWorkday(t, st)
	tm := startWorkday(t, st, i18n.EN, Options{}, 120, 40)
	uitest.WaitScreen(t, tm, "品牌的价格对比") // the promise's text shows, wrapped
	tm.Send(uitest.Key("right"))
	tm.Type("x")
	uitest.WaitScreen(t, tm, "Kept: 发报价单给采购部")
	uitest.Eventually(t, "the promise kept", func() bool {
		p, err := st.Promises(true)
		if err != nil {
			return false
		}
		for _, r := range p {
			if r.ID == w.Overdue {
				return r.Status == model.PromiseKept && r.KeptOn == uitest.Today
			}
		}
		return false
	})
	uitest.WaitScreen(t, tm, "Attention · 1")
	tm.Type("u")
	uitest.WaitScreen(t, tm, "Undone: keeping the promise to 王总")
	uitest.WaitScreen(t, tm, "Attention · 2")
	tm.Type("j") // the promise due tomorrow
	tm.Type("x")
	uitest.WaitScreen(t, tm, "Kept: Send the pump curves")
	uitest.Finish(t, tm)
}

// x on a promise changed elsewhere since the list showed it keeps nothing
// and says so; the list reloads with the promise as it is now.
func TestKeepFromAttentionChangedElsewhere(t *testing.T) {
	st := uitest.OpenStore(t)
	w := uitest.SeedWorkday(t, st)
	m := workdayModel(t, st, i18n.EN, 120, 40)
	ps, _ := st.Promises(false)
	for _, p := range ps {
		if p.ID == w.Overdue {
			edited := p.Promise
			edited.Text = "发报价单（已改）"
			if _, err := st.EditPromise(p.Promise, edited); err != nil {
				t.Fatal(err)
			}
		}
	}
	uitest.Press(m, "right", "x")
	if got := lastLine(screen(m)); !strings.Contains(got, "changed elsewhere") {
		t.Errorf("footer %q; want the promise said changed", got)
	}
	ps, _ = st.Promises(false)
	for _, p := range ps {
		if p.ID == w.Overdue && p.Status != model.PromiseOpen {
			t.Error("a promise changed elsewhere was kept")
		}
	}
	if !strings.Contains(screen(m), "发报价单（已改）") {
		t.Errorf("the list does not show the promise as it is now:\n%s", screen(m))
	}
}

// t on an attention item makes it a task for today; enter opens it.
func TestAttentionTaskAndOpen(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	m := workdayModel(t, st, i18n.ZH, 120, 40)
	uitest.Press(m, "right", "t")
	tasks, _ := st.TasksOn(uitest.Today)
	found := false
	for _, tk := range tasks {
		found = found || strings.HasPrefix(tk.Title, "兑现承诺：发报价单给采购部")
	}
	if !found {
		t.Errorf("t made no task for today: %+v", tasks)
	}
	uitest.Press(m, "right", "enter")
	if m.Active() != common.PaneClients || !strings.Contains(screen(m), "138 0100 0001") {
		t.Fatalf("enter on the promise did not open 王总's card:\n%s", screen(m))
	}
	uitest.Press(m, "esc")
	if m.Active() != common.PaneDay {
		t.Errorf("esc went to tab %d, want the Day", m.Active())
	}
}

// enter on a task opens its client's card — phone, last notes, open
// promises — and esc comes back to the Day; from the Promises pane too.
func TestFlowEscBackToDayFromClientOfTask(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	tm := startWorkday(t, st, i18n.EN, Options{}, 120, 40)
	uitest.WaitScreen(t, tm, "09:00 call")
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "138 0100 0001") // the phone
	uitest.WaitScreen(t, tm, "要报价单，周三前")      // the last notes
	uitest.WaitScreen(t, tm, "品牌的价格对比")       // the open promise
	tm.Send(uitest.Key("esc"))
	uitest.WaitScreen(t, tm, "now 10:05")
	tm.Type("6")
	uitest.WaitScreen(t, tm, "Send the pump curves")
	tm.Type("j") // ACME's promise, due tomorrow
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "+1 555 0100")
	tm.Send(uitest.Key("esc"))
	uitest.WaitScreen(t, tm, "Send the pump curves")
	m := uitest.Finish(t, tm).(*Model)
	if m.Active() != common.PanePromises {
		t.Errorf("esc from the client opened from Promises went to tab %d", m.Active())
	}
}

// The Week's enter on a task opens the same client card as the Day's, and
// esc comes back to the Week.
func TestWeekEnterOpensClientCard(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		m := workdayModel(t, st, i18n.EN, size[0], size[1])
		uitest.Press(m, "2", "enter") // today's first task: the 09:00 call with 王总
		if m.Active() != common.PaneClients || !strings.Contains(screen(m), "138 0100 0001") {
			t.Fatalf("%v: enter on the Week's task did not open 王总's card:\n%s", size, screen(m))
		}
		uitest.Press(m, "esc")
		if m.Active() != common.PaneWeek {
			t.Errorf("%v: esc went to tab %d, want the Week", size, m.Active())
		}
	}
}

// An unknown @name in quick-add offers to create the client: esc goes
// back to the line as typed, enter creates the client, then the task.
func TestFlowUnknownClientCreated(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	tm := startWorkday(t, st, i18n.EN, Options{}, 120, 40)
	uitest.WaitScreen(t, tm, "09:00 call")
	tm.Type("a")
	tm.Type("call @老周 tomorrow 10:00")
	uitest.WaitScreen(t, tm, "老周 is not a client yet")
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "Add 老周 as a new client, then the task?")
	tm.Send(uitest.Key("esc"))
	uitest.WaitScreen(t, tm, "call @老周 tomorrow 10:00") // the line, as typed
	if _, err := st.FindClient("老周"); err == nil {
		t.Fatal("esc created the client")
	}
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "Add 老周 as a new client")
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "Added client 老周 and the task")
	uitest.Finish(t, tm)
	c, err := st.FindClient("老周")
	if err != nil {
		t.Fatalf("the client was not created: %v", err)
	}
	tasks, _ := st.TasksOn(uitest.Today.AddDays(1))
	if len(tasks) != 1 || tasks[0].ClientID != c.ID || tasks[0].Kind != model.TaskCall || tasks[0].Time != model.ClockAt(10, 0) {
		t.Errorf("tomorrow's tasks: %+v", tasks)
	}
}

// A lookup that fails for another reason than an unknown name never shows
// an error chain in quick-add: an ambiguous name is one sentence.
func TestQuickAddAmbiguousClientIsOneLine(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	if _, err := st.AddClient(model.Client{Name: "王经理"}, uitest.Today); err != nil {
		t.Fatal(err)
	}
	m := workdayModel(t, st, i18n.EN, 120, 40)
	uitest.Press(m, "a")
	uitest.Type(m, "call @王 tomorrow")
	s := screen(m)
	if !strings.Contains(s, "王总, 王经理") || strings.Contains(s, "finding") || strings.Contains(s, "could not look up") {
		t.Errorf("an ambiguous @王:\n%s", s)
	}
}

// ctrl+f finds a word inside a Chinese note, highlights nothing but the
// match, opens the note's client, and esc brings the search back.
func TestFlowSearchFindsWordInChineseNote(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	tm := startWorkday(t, st, i18n.ZH, Options{}, 120, 40)
	uitest.WaitScreen(t, tm, "09:00 电话")
	tm.Send(uitest.Key("ctrl+f"))
	uitest.WaitScreen(t, tm, "搜索")
	tm.Type("高考")
	uitest.WaitScreen(t, tm, "王总女儿明年") // the match, 高考, is drawn apart: highlighted
	uitest.WaitScreen(t, tm, "，别约周末")
	uitest.WaitScreen(t, tm, "找到 1 条")
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "138 0100 0001") // 王总's card
	tm.Send(uitest.Key("esc"))
	uitest.WaitScreen(t, tm, "找到 1 条") // the search, as it was
	tm.Send(uitest.Key("esc"))
	uitest.WaitScreen(t, tm, "09:00 电话")
	m := uitest.Finish(t, tm).(*Model)
	if len(m.screens) != 0 || m.Active() != common.PaneDay {
		t.Errorf("after esc, esc: %d screens, tab %d", len(m.screens), m.Active())
	}
}

// A hit opens in its pane: a task on its day, a promise in Promises, a
// project in Projects, a client in Clients.
func TestSearchOpensEachKind(t *testing.T) {
	st := uitest.OpenStore(t)
	w := uitest.SeedWorkday(t, st)
	if _, err := st.AddProject(model.Project{Name: "冷站改造", ClientID: w.Li, Stage: model.StageDesign}, uitest.Today); err != nil {
		t.Fatal(err)
	}
	m := workdayModel(t, st, i18n.EN, 120, 40)
	search := func(q string) {
		t.Helper()
		uitest.Press(m, "ctrl+f")
		uitest.Type(m, q)
		uitest.Press(m, "enter") // the words are new: enter waits for their hits, then opens the first
	}
	search("lead time")
	if m.Active() != common.PaneDay || !strings.Contains(screen(m), "›  10:30 call") {
		t.Fatalf("a task hit opened tab %d, not on its task:\n%s", m.Active(), screen(m))
	}
	uitest.Press(m, "esc") // back to the search, as it was
	if !m.topIs(common.ScreenSearch) {
		t.Fatal("esc from the task did not bring the search back")
	}
	uitest.Press(m, "esc")
	search("pump curves")
	if m.Active() != common.PanePromises || common.ContextClientOf(m.panes[common.PanePromises]) != w.Acme {
		t.Errorf("a promise hit opened tab %d, not on ACME's promise:\n%s", m.Active(), screen(m))
	}
	uitest.Press(m, "esc", "esc")
	// A kept promise is not in the open list: the pane shows them all.
	if _, err := st.KeepPromise(w.Overdue, uitest.Today); err != nil {
		t.Fatal(err)
	}
	search("选型表")
	if m.Active() != common.PanePromises || common.ContextClientOf(m.panes[common.PanePromises]) != w.Wang ||
		!strings.Contains(screen(m), "· all ·") {
		t.Errorf("a kept promise's hit:\n%s", screen(m))
	}
	uitest.Press(m, "esc", "esc")
	search("冷站改造")
	if m.Active() != common.PaneProjects || !strings.Contains(screen(m), "冷站改造") {
		t.Errorf("a project hit opened tab %d:\n%s", m.Active(), screen(m))
	}
	uitest.Press(m, "esc", "esc")
	search("555")
	if m.Active() != common.PaneClients || !strings.Contains(screen(m), "ACME Ltd") {
		t.Errorf("a client hit opened tab %d:\n%s", m.Active(), screen(m))
	}
}

// An empty database opens on the first-run screen: set the target and
// quotas, add the first client, and esc goes to the Day.
func TestFlowFirstRun(t *testing.T) {
	st := uitest.OpenStore(t)
	tm := startWorkday(t, st, i18n.EN, Options{FirstRun: true}, 100, 30)
	uitest.WaitScreen(t, tm, "Welcome to salesplan")
	uitest.WaitScreen(t, tm, "salesplan --demo")
	tm.Send(uitest.Key("enter")) // targets and quotas
	uitest.WaitScreen(t, tm, "Sales target 2026")
	tm.Type("100万")
	tm.Send(uitest.Key("tab"))
	tm.Send(uitest.Key("backspace"))
	tm.Send(uitest.Key("backspace"))
	tm.Type("25")
	tm.Send(uitest.Key("ctrl+s"))
	uitest.WaitScreen(t, tm, "in 2026 · 25 calls a day · 20 visits a week")
	tm.Type("j")                 // past the import, to the first client
	tm.Send(uitest.Key("enter")) // add your first client
	uitest.WaitScreen(t, tm, "Your first client")
	tm.Type("王总")
	tm.Send(uitest.Key("tab"))
	tm.Send(uitest.Key("right")) // key client
	tm.Send(uitest.Key("tab"))
	tm.Type("138 0100 0001")
	tm.Send(uitest.Key("ctrl+s"))
	uitest.WaitScreen(t, tm, "王总 added")
	tm.Send(uitest.Key("esc"))
	uitest.WaitScreen(t, tm, "Nothing planned")
	m := uitest.Finish(t, tm).(*Model)
	if len(m.screens) != 0 || m.Active() != common.PaneDay {
		t.Errorf("esc left %d screens, tab %d", len(m.screens), m.Active())
	}
	set, _ := st.Settings()
	if set.AnnualTargets[2026] != model.MoneyFromMain(1e6) || set.CallsPerDay != 25 || set.VisitsPerWeek != 20 {
		t.Errorf("settings: target %v, calls %d, visits %d", set.AnnualTargets[2026], set.CallsPerDay, set.VisitsPerWeek)
	}
	c, err := st.FindClient("王总")
	if err != nil || c.Tier != model.TierKey || c.Phone != "138 0100 0001" {
		t.Errorf("the first client: %+v, %v", c, err)
	}
}

// The first run's CSV import: a bad row is named by its line and nothing
// is written; a good file's dry run says what it would add and skip, and
// yes imports it.
func TestFirstRunImportsCSV(t *testing.T) {
	st := uitest.OpenStore(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	good := filepath.Join(dir, "clients.csv")
	if err := os.WriteFile(bad, []byte("name,tier\n王总,key\n张三,boss\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("客户,电话,区域,级别\n王总,138 0100 0001,朝阳,大客户\n李经理,139,海淀,\n王总,1,,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := New(uitest.EnvAt(st, i18n.ZH, uitest.Morning), Options{NoColor: true, FirstRun: true}).sized(100, 30)
	uitest.Run(m, m.start())
	if !m.topIs(common.ScreenFirstRun) {
		t.Fatalf("an empty database did not open on the first-run screen:\n%s", screen(m))
	}
	uitest.Press(m, "j", "enter")
	uitest.Type(m, bad)
	uitest.Press(m, "enter")
	if s := screen(m); !strings.Contains(s, "第 3 行") && !strings.Contains(s, "line 3") {
		t.Errorf("the bad row is not named:\n%s", s)
	}
	if empty, _ := st.IsEmpty(); !empty {
		t.Fatal("a bad file wrote clients")
	}
	uitest.Press(m, "ctrl+u")
	uitest.Type(m, good)
	uitest.Press(m, "enter")
	if s := screen(m); !strings.Contains(s, "将添加 2 个客户（王总、李经理）") || !strings.Contains(s, "跳过 1 行（已存在）：第4行") {
		t.Fatalf("the dry run:\n%s", s)
	}
	if empty, _ := st.IsEmpty(); !empty {
		t.Fatal("the dry run wrote clients")
	}
	uitest.Press(m, "y")
	if !strings.Contains(screen(m), "已导入 2 个客户") {
		t.Errorf("after yes:\n%s", screen(m))
	}
	if c, err := st.FindClient("王总"); err != nil || c.Tier != model.TierKey {
		t.Errorf("王总: %+v, %v", c, err)
	}
	// A folder is no file: said in one line, nothing read.
	uitest.Press(m, "k", "k", "enter", "ctrl+u")
	uitest.Type(m, dir)
	uitest.Press(m, "enter")
	if !strings.Contains(screen(m), "不是文件") {
		t.Errorf("a folder as the file:\n%s", screen(m))
	}
}

// More than 20 carried-over tasks: the 20 most important and "N more";
// enter on it lists them all; R moves them all to a day in one write, and
// u puts every one back.
func TestFlowCarriedOverMoreAndMoveAll(t *testing.T) {
	st := uitest.OpenStore(t)
	ids := uitest.SeedCarried(t, st, 25, 3)
	tm := startWorkday(t, st, i18n.EN, Options{}, 120, 40)
	uitest.WaitScreen(t, tm, "Carried over · 25")
	uitest.WaitScreen(t, tm, "5 more carried over")
	tm.Type("R")
	uitest.WaitScreen(t, tm, "Move all 25 carried-over tasks to")
	tm.Type("mon")
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "Moved 25 tasks to Mon 30 Nov")
	uitest.Eventually(t, "every task moved", func() bool {
		on, err := st.TasksOn(uitest.D(time.November, 30))
		return err == nil && len(on) == 25
	})
	tm.Type("u")
	uitest.WaitScreen(t, tm, "Undone: moving 25 tasks to 30 Nov")
	uitest.WaitScreen(t, tm, "Carried over · 25")
	uitest.Finish(t, tm)
	for i, id := range ids {
		if tk := taskOf(t, st, id); tk.Date != uitest.Today.AddDays(-1-i%10) {
			t.Errorf("task %d is on %v after undo", id, tk.Date)
		}
	}
}

// The 20 shown are the most important: the important ones first; enter
// on "N more" lists the rest.
func TestCarriedOverShowsMostImportant(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedCarried(t, st, 25, 3)
	imp, err := st.AddTask(model.Task{Title: "important and old", Date: uitest.Today.AddDays(-30), Kind: model.TaskTodo, Important: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = imp
	m := workdayModel(t, st, i18n.EN, 120, 60)
	s := screen(m)
	if !strings.Contains(s, "important and old") || !strings.Contains(s, "6 more carried over") {
		t.Fatalf("the carried-over section:\n%s", s)
	}
	if strings.Count(s, "backlog") != 19 {
		t.Errorf("%d backlog rows shown, want 19 beside the important one", strings.Count(s, "backlog"))
	}
	for range 25 {
		uitest.Press(m, "j")
	}
	uitest.Press(m, "enter")
	if s := screen(m); strings.Count(s, "backlog") != 25 || strings.Contains(s, "more carried over") {
		t.Errorf("enter on N more did not list them all:\n%s", s)
	}
}

// The Clients filter puts the client whose name is the words first, then
// names that start with them, then the rest.
func TestClientsFilterExactNameFirst(t *testing.T) {
	st := uitest.OpenStore(t)
	for _, c := range []model.Client{
		{Name: "Anna", Company: "Wang Trading"}, {Name: "Wangfu Hotel"}, {Name: "Wang"}, {Name: "Bo", Needs: "wang's pumps"},
	} {
		if _, err := st.AddClient(c, uitest.Today); err != nil {
			t.Fatal(err)
		}
	}
	m := workdayModel(t, st, i18n.EN, 100, 30)
	uitest.Press(m, "4", "/")
	uitest.Type(m, "wang")
	uitest.Press(m, "enter")
	var order []string
	for _, line := range strings.Split(screen(m), "\n")[4:8] { // the rows under the top line, tabs, title, heads
		name, _, _ := strings.Cut(strings.TrimLeft(line, " ›★"), "  ")
		order = append(order, name)
	}
	if strings.Join(order, ",") != "Wang,Wangfu Hotel,Anna,Bo" {
		t.Errorf("order %v, want Wang, Wangfu Hotel, then the rest:\n%s", order, screen(m))
	}
}

// The footer never offers to save what cannot be saved: the brief is
// read-only, a picker chooses.
func TestHintsOnBriefAndPicker(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	m := workdayModel(t, st, i18n.EN, 120, 40)
	uitest.Press(m, "b")
	footer := lastLine(screen(m))
	if strings.Contains(footer, "save") || !strings.Contains(footer, "close") {
		t.Errorf("footer over the brief: %q", footer)
	}
	uitest.Press(m, "esc", "3", "n") // no client in context: the note flow asks which
	s := screen(m)
	if strings.Contains(lastLine(s), "save") || strings.Contains(s, "enter save") || !strings.Contains(s, "enter choose") {
		t.Errorf("the picker's hints:\n%s", s)
	}
}

func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-1]
}

// Goldens of the workday's screens, read by eye (go test ./ui -run
// TestGoldenWorkday -update): the Day with what was promised and the
// phones, the search with a hit, and the first-run screen.
func TestGoldenWorkday(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			name := fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1])
			t.Run("day_"+name, func(t *testing.T) {
				st := uitest.OpenStore(t)
				uitest.SeedWorkday(t, st)
				m := workdayModel(t, st, lang, sz[0], sz[1])
				uitest.CheckSize(t, m.View().Content, sz[0], sz[1])
				golden.RequireEqual(t, screen(m))
			})
			t.Run("search_"+name, func(t *testing.T) {
				st := uitest.OpenStore(t)
				uitest.SeedWorkday(t, st)
				m := workdayModel(t, st, lang, sz[0], sz[1])
				uitest.Press(m, "ctrl+f")
				uitest.Type(m, "王总")
				uitest.Press(m, "enter") // waits for the hits, opens the first
				uitest.Press(m, "esc")   // and back: the search as it was
				uitest.CheckSize(t, m.View().Content, sz[0], sz[1])
				golden.RequireEqual(t, screen(m))
			})
			t.Run("firstrun_"+name, func(t *testing.T) {
				st := uitest.OpenStore(t)
				m := New(uitest.EnvAt(st, lang, uitest.Morning), Options{NoColor: true, FirstRun: true}).sized(sz[0], sz[1])
				uitest.Run(m, m.start())
				uitest.CheckSize(t, m.View().Content, sz[0], sz[1])
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

// A currency saved in the settings shows at once in every pane that shows
// money — the top line, the Projects pipeline, a client's card already
// open — without restarting the planner.
func TestCurrencySavedShowsAtOnce(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWeeks(t, st)
	m := workdayModel(t, st, i18n.EN, 120, 40)
	uitest.Press(m, "4", "/")
	uitest.Type(m, "王总")
	uitest.Press(m, "enter", "enter") // the filter, then 王总's card
	if s := screen(m); !strings.Contains(s, "望京华建大厦") || !strings.Contains(s, "$480,000") {
		t.Fatalf("王总's card does not show the project's value in $:\n%s", s)
	}
	uitest.Press(m, ",")
	for range 12 { // the currency
		uitest.Press(m, "tab")
	}
	uitest.Press(m, "ctrl+u")
	uitest.Type(m, "€")
	uitest.Press(m, "ctrl+s")
	if s := screen(m); !strings.Contains(s, "€480,000") || strings.Contains(s, "$") {
		t.Errorf("the client's card after saving € as the currency:\n%s", s)
	}
	uitest.Press(m, "5")
	s := screen(m)
	top := strings.SplitN(s, "\n", 2)[0]
	if !strings.Contains(top, "Signed") || !strings.Contains(top, "€") || strings.Contains(s, "$") {
		t.Errorf("the top line and the Projects pane after saving € as the currency:\n%s", s)
	}
}

// The footer offers what confirms the box in front: enter on a one-line
// input (quick-add, a filter, a date), named as the input's own hint names
// it ("enter save" where a record is written, "enter confirm" in a filter
// or a date to go to), ctrl+s on a multi-line box or a form, yes/no while
// "discard?" asks — in both languages.
func TestFooterSaysEnterOnOneLineInputs(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	for _, tt := range []struct {
		lang                     i18n.Lang
		enter, line, save, yesNo string
	}{{i18n.EN, "enter confirm", "enter save", "ctrl+s save", "enter/y yes"}, {i18n.ZH, "enter 确认", "enter 保存", "ctrl+s 保存", "enter/y 是"}} {
		for _, c := range []struct {
			name string
			keys []string
			want string
		}{
			{"quick-add", []string{"a"}, tt.line},
			{"day filter", []string{"/"}, tt.enter},
			{"go to date", []string{"g"}, tt.enter},
			{"week filter", []string{"2", "/"}, tt.enter},
			{"clients filter", []string{"4", "/"}, tt.enter},
			{"promise kept on", []string{"6", "x"}, tt.line},
			{"outcome of a call", []string{"x"}, tt.line},
			{"note box", []string{"n"}, tt.save},
			{"new client form", []string{"4", "a"}, tt.save},
			{"discard?", []string{"a", "x", "esc"}, tt.yesNo},
		} {
			t.Run(string(tt.lang)+"_"+c.name, func(t *testing.T) {
				m := workdayModel(t, st, tt.lang, 120, 40)
				uitest.Press(m, c.keys...)
				lines := strings.Split(screen(m), "\n")
				foot := lines[len(lines)-1]
				if !strings.Contains(foot, c.want) {
					t.Errorf("the footer says %q, want %q", strings.TrimSpace(foot), c.want)
				}
				if c.want == tt.enter || c.want == tt.line {
					if strings.Contains(foot, "ctrl+s") {
						t.Errorf("a one-line input's footer offers ctrl+s: %q", strings.TrimSpace(foot))
					}
					if !strings.Contains(strings.Join(lines[:len(lines)-1], "\n"), c.want) {
						t.Errorf("the dialog's own hint does not say %q, as its footer does:\n%s", c.want, screen(m))
					}
				}
			})
		}
	}
}

// The first run's import of a file whose clients are all here already
// says so in English that counts: "the one client", "all 2 clients".
func TestFirstRunImportNothingCounts(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	dir := t.TempDir()
	for _, tt := range []struct {
		csv, want string
	}{
		{"name\n王总\n", "Nothing to add: the one client in the file is here already."},
		{"name\n王总\n李经理\n", "Nothing to add: all 2 clients in the file are here already."},
	} {
		path := filepath.Join(dir, "clients.csv")
		if err := os.WriteFile(path, []byte(tt.csv), 0o600); err != nil {
			t.Fatal(err)
		}
		m := workdayModel(t, st, i18n.EN, 100, 30)
		uitest.Run(m, m.open(common.OpenScreenMsg{ID: common.ScreenFirstRun}))
		uitest.Press(m, "j", "enter")
		uitest.Type(m, path)
		uitest.Press(m, "enter")
		if s := screen(m); !strings.Contains(s, tt.want) {
			t.Errorf("%q: the dry run does not say %q:\n%s", tt.csv, tt.want, s)
		}
	}
}

// A search hit on a journal note opens the client's card scrolled to that
// entry, highlighted (›), not at the top — with eighty calls newer than it,
// at 80 columns (the journal under the profile) and 160 (beside it).
func TestSearchHitOnNoteScrollsToIt(t *testing.T) {
	st := uitest.OpenStore(t)
	w := uitest.SeedWorkday(t, st)
	for i := range 80 {
		if _, err := st.AddEntry(model.JournalEntry{ClientID: w.Wang, Kind: model.EntryCall,
			At: time.Date(2026, 11, 18+i%9, 9+i%8, 0, 0, 0, time.Local), Text: fmt.Sprintf("call number %d about the pumps", i+1)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		tm := startWorkday(t, st, i18n.EN, Options{}, size[0], size[1])
		uitest.WaitScreen(t, tm, "09:00 call")
		tm.Send(uitest.Key("ctrl+f"))
		tm.Type("高考")
		uitest.WaitScreen(t, tm, "1 found")
		tm.Send(uitest.Key("enter"))
		uitest.WaitScreen(t, tm, "› 2026-11-17  note") // the note, highlighted, on screen
		uitest.WaitScreen(t, tm, "王总女儿明年高考")
		m := uitest.Finish(t, tm).(*Model)
		if s := screen(m); strings.Contains(s, "Phone ") || m.Active() != common.PaneClients {
			t.Errorf("%v: the card opened at the top, not at the note:\n%s", size, s)
		}
	}
}

// The Clients footer names f by what it shows (all / key / due) beside /
// filter, never "f filter" and "/ filter" side by side; Promises alike.
func TestFooterCycleKeyNotFilter(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	for _, tt := range []struct {
		lang          i18n.Lang
		tab, f, slash string
	}{
		{i18n.EN, "4", "f all/key/due", "/ filter"}, {i18n.ZH, "4", "f 全部/大客户/该跟进", "/ 筛选"},
		{i18n.EN, "6", "f open/overdue/all", ""}, {i18n.ZH, "6", "f 待兑现/已逾期/全部", ""},
	} {
		m := workdayModel(t, st, tt.lang, 160, 40)
		uitest.Press(m, tt.tab)
		lines := strings.Split(screen(m), "\n")
		foot := lines[len(lines)-1]
		if !strings.Contains(foot, tt.f) || !strings.Contains(foot, tt.slash) || strings.Contains(foot, "f filter") || strings.Contains(foot, "f 筛选") {
			t.Errorf("%s tab %s: the footer says %q, want %q beside %q", tt.lang, tt.tab, strings.TrimSpace(foot), tt.f, tt.slash)
		}
	}
}

// On the first-run screen u undoes a step, and its tick goes: the import
// undone, "✓ … 3 clients imported" no longer shows; the target and quotas
// undone, their tick goes too; the client added by hand keeps its tick
// while it is in the database. The footer offers u.
func TestFirstRunUndoUnticks(t *testing.T) {
	st := uitest.OpenStore(t)
	csv := filepath.Join(t.TempDir(), "clients.csv")
	if err := os.WriteFile(csv, []byte("name,phone\nAda,1\nBo,2\nCy,3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := New(uitest.EnvAt(st, i18n.EN, uitest.Morning), Options{NoColor: true, FirstRun: true}).sized(100, 30)
	uitest.Run(m, m.start())
	if !m.topIs(common.ScreenFirstRun) {
		t.Fatalf("an empty database did not open on the first-run screen:\n%s", screen(m))
	}
	if foot := footer(m); !strings.Contains(foot, "u undo") {
		t.Errorf("the first-run footer does not offer u: %q", foot)
	}
	ticked := func(step string) bool {
		for _, line := range strings.Split(screen(m), "\n") {
			if strings.Contains(line, step) {
				return strings.Contains(line, "✓")
			}
		}
		t.Fatalf("no line %q:\n%s", step, screen(m))
		return false
	}
	const targets, imp, client = "Targets and quotas", "Import clients from a spreadsheet", "Add your first client"

	// The target and quotas, then the import, then a client by hand.
	uitest.Press(m, "enter")
	uitest.Type(m, "500000")
	uitest.Press(m, "ctrl+s")
	uitest.Press(m, "enter") // the cursor moved to the import
	uitest.Type(m, csv)
	uitest.Press(m, "enter", "y")
	uitest.Press(m, "k", "enter") // the cursor went to "start": back up to the client
	uitest.Type(m, "Dee")
	uitest.Press(m, "ctrl+s")
	if !ticked(targets) || !ticked(imp) || !ticked(client) || !strings.Contains(screen(m), "3 clients imported") {
		t.Fatalf("the three steps are not ticked:\n%s", screen(m))
	}

	uitest.Press(m, "u") // the client by hand
	if ticked(client) || !ticked(imp) || !ticked(targets) {
		t.Errorf("after undoing the client by hand:\n%s", screen(m))
	}
	uitest.Press(m, "u") // the import
	s := screen(m)
	if !strings.Contains(s, "Undone: importing clients from a CSV file") {
		t.Errorf("the import was not undone:\n%s", s)
	}
	if ticked(imp) || strings.Contains(s, "clients imported") || !ticked(targets) {
		t.Errorf("the import undone still shows as done:\n%s", s)
	}
	uitest.Press(m, "u") // the target and quotas
	if ticked(targets) {
		t.Errorf("the targets undone still show as set:\n%s", screen(m))
	}
	if rows, err := st.ClientNames(); err != nil || len(rows) != 0 {
		t.Errorf("clients after undoing all: %v, %v", rows, err)
	}
}

// A new user's first screen reads whole: each step's note (what it asks
// for) wraps beside its label instead of being cut with … at 80 columns,
// in both languages; on a terminal too short for that, the notes keep one
// line each and the demo's command still shows.
func TestFirstRunStepsReadWhole(t *testing.T) {
	for _, tc := range []struct {
		lang        i18n.Lang
		w, h        int
		whole       bool
		notes       []string
		alwaysShown string
	}{
		{i18n.EN, 80, 24, true, []string{"the year's sales target, calls a day, visits a week", "a file with a name column (phone, area, tier… too)"}, "salesplan --demo"},
		{i18n.ZH, 60, 24, true, []string{"年度销售目标、每天电话数、每周拜访数", "含名称列的文件（也可有电话、区域、级别等）"}, "salesplan --demo"},
		{i18n.EN, 60, 24, true, []string{"the year's sales target, calls a day, visits a week", "a file with a name column (phone, area, tier… too)"}, "salesplan --demo"},
		{i18n.EN, 60, 16, false, nil, "salesplan --demo"},
	} {
		t.Run(fmt.Sprintf("%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			st := uitest.OpenStore(t)
			m := New(uitest.EnvAt(st, tc.lang, uitest.Morning), Options{NoColor: true, FirstRun: true}).sized(tc.w, tc.h)
			uitest.Run(m, m.start())
			s := screen(m)
			uitest.CheckSize(t, m.View().Content, tc.w, tc.h)
			if !strings.Contains(s, tc.alwaysShown) {
				t.Errorf("%q is not shown:\n%s", tc.alwaysShown, s)
			}
			var joined strings.Builder
			for _, line := range strings.Split(s, "\n") {
				joined.WriteString(strings.Join(strings.Fields(line), ""))
			}
			for _, n := range tc.notes {
				if !strings.Contains(joined.String(), strings.Join(strings.Fields(n), "")) {
					t.Errorf("the note %q is not shown whole:\n%s", n, s)
				}
			}
		})
	}
}

// n on an attention item jots the note for that item's client (the client
// in context, DESIGN.md §5), instead of asking which client with a picker.
func TestNoteOnAnAttentionItemIsForItsClient(t *testing.T) {
	for _, tc := range []struct {
		lang i18n.Lang
		want string
	}{{i18n.EN, "Note on 王总"}, {i18n.ZH, "王总的笔记"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			st := uitest.OpenStore(t)
			w := uitest.SeedWorkday(t, st)
			m := workdayModel(t, st, tc.lang, 120, 40)
			uitest.Press(m, "right") // the first item: the promise to 王总
			uitest.Press(m, "n")
			if s := screen(m); !strings.Contains(s, tc.want) {
				t.Fatalf("n on the attention item:\n%s", s)
			}
			uitest.Type(m, "wants the quote by Friday")
			uitest.Press(m, "ctrl+s")
			if d, _ := st.ClientDetail(w.Wang, uitest.Today, 1); len(d.Journal) == 0 || d.Journal[0].Text != "wants the quote by Friday" {
				t.Errorf("the note was not saved for 王总: %+v", d.Journal)
			}
		})
	}
}

// At 60 columns the footer of the weekly review, the month report and the
// day's record names the key that closes it: the close key used to come
// last and fall behind the "…".
func TestReportFootersOfferCloseAt60(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, c := range []struct {
			name string
			keys []string
			desc string
		}{
			{"weekly review", []string{"2", "r"}, "review.key.close"},
			{"month report", []string{"3", "r"}, "report.key.close"},
			{"day record", []string{"r"}, "report.key.close"},
		} {
			m := workdayModel(t, st, lang, 60, 16)
			uitest.Press(m, c.keys...)
			lines := strings.Split(screen(m), "\n")
			want := "r/esc " + lang.T(c.desc)
			if foot := lines[len(lines)-1]; !strings.Contains(foot, want) {
				t.Errorf("%s %s: the footer %q lacks %q", lang, c.name, strings.TrimSpace(foot), want)
			}
		}
	}
}

// The weekly review, the month report and the day's record say on their
// last line how many lines are below ("↓ 9 more lines"), and the count is
// true: scrolled down one line fewer than it says, the mark still shows;
// one more and the report's end is on screen, with no mark.
func TestReportsSayLinesBelow(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	mark := regexp.MustCompile(`↓ (\d+) more lines?|↓ 下方还有 (\d+) 行`)
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, c := range []struct {
			name string
			keys []string
		}{{"weekly review", []string{"2", "r"}}, {"month report", []string{"3", "r"}}, {"day record", []string{"r"}}} {
			count := func(m *Model) int {
				g := mark.FindStringSubmatch(screen(m))
				if g == nil {
					return 0
				}
				n, _ := strconv.Atoi(g[1] + g[2])
				return n
			}
			m := workdayModel(t, st, lang, 60, 16)
			uitest.Press(m, c.keys...)
			n := count(m)
			if n < 2 {
				t.Errorf("%s %s: no lines below said:\n%s", lang, c.name, screen(m))
				continue
			}
			for range n - 2 {
				uitest.Press(m, "j")
			}
			if count(m) != 2 {
				t.Errorf("%s %s: %d down, want 2 lines below said:\n%s", lang, c.name, n-2, screen(m))
			}
			uitest.Press(m, "j")
			if count(m) != 0 {
				t.Errorf("%s %s: scrolled to the end, still a mark:\n%s", lang, c.name, screen(m))
			}
		}
	}
}
