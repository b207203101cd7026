package day

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// open builds a loaded pane over the seeded store.
func open(t *testing.T, l i18n.Lang, w, h int) *Model {
	t.Helper()
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	m := newModel(uitest.Env(st, l))
	m.SetSize(w, h)
	uitest.Run(m, m.Init())
	if !m.loaded {
		t.Fatal("the day did not load")
	}
	return m
}

func screen(m *Model) string { return ansi.Strip(m.View()) }

// The Day pane at two sizes in both languages, read by eye in
// testdata/*.golden (regenerate: go test ./ui/day -run TestGolden -update).
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 80, 24}, {i18n.EN, 120, 40}, {i18n.ZH, 80, 24}, {i18n.ZH, 120, 40}} {
		t.Run(fmt.Sprintf("%s_%dx%d", tt.lang, tt.w, tt.h), func(t *testing.T) {
			m := open(t, tt.lang, tt.w, tt.h)
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
	}
}

// Client names of both scripts start in the same column on every task row
// (a key client's star takes the column's first cell).
func TestChineseNamesLineUp(t *testing.T) {
	for _, w := range []int{80, 120} {
		m := open(t, i18n.ZH, w, 40)
		col := -1
		for _, line := range strings.Split(screen(m), "\n") {
			line, _, _ = strings.Cut(line, "│") // the tasks, not the attention list beside them
			for _, name := range []string{"★王总", "ACME Ltd", "★李经理", "陈工"} {
				i := strings.Index(line, name)
				if i < 0 {
					continue
				}
				if !strings.Contains(line, ":") && !strings.Contains(line, "-") {
					continue // not a task row (the attention list)
				}
				c := ansi.StringWidth(line[:i])
				if col < 0 {
					col = c
				} else if c != col {
					t.Errorf("width %d: %s starts at cell %d, others at %d:\n%s", w, name, c, col, line)
				}
			}
		}
		if col < 0 {
			t.Fatalf("width %d: no client shown", w)
		}
	}
}

func TestSectionsAndNowMarker(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	var order []string
	for _, r := range m.rows {
		switch r.kind {
		case rowHeader, rowArea:
			order = append(order, r.text)
		case rowNow:
			order = append(order, "NOW")
		case rowTask:
			order = append(order, m.tasks[r.task].Title)
		}
	}
	want := []string{
		"Carried over · 2", "给王总发备品备件清单", "Update the price list",
		"Morning · 2", "确认预付款到账时间", "Pump lead time",
		"Afternoon · 3", "Visits in 海淀 · 2", "冷站现场踏勘", "NOW", "Drawing review",
		"Visits in 东城 · 1", "送选型手册",
		"Evening · 1", "写日报，排明天的拜访路线",
		"Any time · 2", "Expense report", "A very long title that cannot possibly fit in the title column of a narrow terminal",
	}
	if strings.Join(order, "|") != strings.Join(want, "|") {
		t.Errorf("rows:\n got %q\nwant %q", order, want)
	}
}

func TestNowMarkerPlaces(t *testing.T) {
	tasks := []model.AgendaTask{
		{Task: model.Task{ID: 1, Title: "a", Date: uitest.Today, Time: model.ClockAt(9, 0)}},
		{Task: model.Task{ID: 2, Title: "b", Date: uitest.Today, Time: model.ClockAt(13, 0)}},
		{Task: model.Task{ID: 3, Title: "c", Date: uitest.Today}},
	}
	where := func(now model.Clock) string {
		var s []string
		for _, r := range buildRows(tasks, i18n.EN, now, "", expand{}) {
			switch r.kind {
			case rowNow:
				s = append(s, "NOW")
			case rowHeader:
				s = append(s, "H")
			case rowTask:
				s = append(s, tasks[r.task].Title)
			}
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		name string
		now  model.Clock
		want string
	}{
		{"before everything: above the first heading", model.ClockAt(7, 0), "NOW H a H b H c"},
		{"between sections: above the next heading", model.ClockAt(10, 0), "H a NOW H b H c"},
		{"after the last timed task", model.ClockAt(18, 0), "H a H b NOW H c"},
		{"another day: none", model.NoClock, "H a H b H c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := where(tc.now); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMovingSkipsHeadings(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	var seen []string
	for range 12 {
		tk, _ := m.selected()
		seen = append(seen, tk.Title)
		uitest.Press(m, "j")
	}
	if seen[0] != "给王总发备品备件清单" || seen[2] != "确认预付款到账时间" || seen[9] != "A very long title that cannot possibly fit in the title column of a narrow terminal" {
		t.Errorf("j walked %q", seen)
	}
	if seen[10] != seen[9] {
		t.Errorf("j moved past the last task: %q", seen[10])
	}
	uitest.Press(m, "k")
	if tk, _ := m.selected(); tk.Title != "Expense report" {
		t.Errorf("k gave %q", tk.Title)
	}
}

func TestDays(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	for _, tc := range []struct {
		key  string
		want model.Date
	}{{"l", uitest.Today + 1}, {"l", uitest.Today + 2}, {"[", uitest.Today + 1}, {"t", uitest.Today}, {"h", uitest.Today - 1}, {"]", uitest.Today}} {
		uitest.Press(m, tc.key)
		if m.date != tc.want {
			t.Fatalf("%s: date %s, want %s", tc.key, m.date, tc.want)
		}
	}
	uitest.Press(m, "h")
	// Yesterday lists its own tasks, none carried over.
	if got := screen(m); !strings.Contains(got, "Update the price list") || strings.Contains(got, "Carried over") {
		t.Errorf("yesterday:\n%s", got)
	}
	uitest.Press(m, "g")
	uitest.Type(m, "2026-12-01")
	uitest.Press(m, "enter")
	if m.date != model.MakeDate(2026, 12, 1) || m.host.IsOpen() {
		t.Errorf("g 2026-12-01: date %s, dialog open %v", m.date, m.host.IsOpen())
	}
	uitest.Press(m, "g")
	uitest.Type(m, "someday")
	uitest.Press(m, "enter")
	if !m.host.IsOpen() || !strings.Contains(screen(m), "someday") {
		t.Errorf("a bad date closed the dialog:\n%s", screen(m))
	}
}

func TestQuickAdd(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "a")
	if !m.Capturing() {
		t.Fatal("a did not open the quick-add")
	}
	uitest.Type(m, "call @王 11:30 quote for pumps !")
	view := screen(m)
	for _, want := range []string{"→ quote for pumps", "call", "11:30", "@王总", "important"} {
		if !strings.Contains(view, want) {
			t.Errorf("preview lacks %q:\n%s", want, view)
		}
	}
	st := uitest.Statuses(uitest.Press(m, "enter"))
	if len(st) != 1 || !strings.HasPrefix(st[0], "Added: quote for pumps") {
		t.Fatalf("status %q", st)
	}
	if m.Capturing() {
		t.Error("the dialog stayed open")
	}
	uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
	tk, _ := m.selected()
	if tk.Title != "quote for pumps" || tk.ClientName != "王总" || !tk.Important || tk.Kind != model.TaskCall {
		t.Errorf("selected after add: %+v", tk)
	}
}

func TestQuickAddProblemsKeepTheLine(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "a")
	uitest.Type(m, "visit @Nobody tomorrow")
	uitest.Press(m, "enter")
	if !m.Capturing() {
		t.Fatal("an unknown client saved the task")
	}
	if !strings.Contains(screen(m), "Nobody is not a client yet") {
		t.Errorf("no offer to add the client:\n%s", screen(m))
	}
	uitest.Press(m, "esc") // not now: back to the line, as typed
	if !strings.Contains(screen(m), "visit @Nobody tomorrow") {
		t.Fatalf("esc on the offer lost the line:\n%s", screen(m))
	}
	uitest.Press(m, "esc") // the line was typed: esc asks first
	if !m.Capturing() || !strings.Contains(screen(m), "Discard") {
		t.Fatalf("esc over a typed line did not ask:\n%s", screen(m))
	}
	uitest.Press(m, "y")
	if m.Capturing() {
		t.Error("esc, y did not close the quick-add")
	}
}

func TestQuickAddOnAnotherDay(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "l")
	uitest.Press(m, "l")
	uitest.Press(m, "a")
	uitest.Type(m, "write the proposal")
	uitest.Press(m, "enter")
	uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
	if tk, _ := m.selected(); tk.Title != "write the proposal" || tk.Date != uitest.Today+2 {
		t.Errorf("added %+v, want it on the day shown", tk)
	}
}

// A date word typed while another day is shown wins over the day shown,
// "today" included.
func TestQuickAddTodayFromAnotherDay(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "l")
	uitest.Press(m, "l")
	uitest.Press(m, "a")
	uitest.Type(m, "write the proposal today")
	uitest.Press(m, "enter")
	uitest.Press(m, "t")
	uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
	find(t, m, "write the proposal")
	if tk, _ := m.selected(); tk.Date != uitest.Today {
		t.Errorf("added %+v, want it today", tk)
	}
}

// find puts the cursor on the task with that title.
func find(t *testing.T, m *Model, title string) {
	t.Helper()
	for i, r := range m.rows {
		if r.kind == rowTask && m.tasks[r.task].Title == title {
			m.list.Select(i)
			return
		}
	}
	t.Fatalf("no task %q", title)
}

func TestTaskActions(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	st := m.env.Store
	reload := func() { uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} }) }

	// x on a call with a client asks for the outcome, then records it.
	find(t, m, "Pump lead time")
	uitest.Press(m, "x")
	if !m.Capturing() {
		t.Fatal("x on a call did not ask for the outcome")
	}
	uitest.Type(m, "six weeks")
	if s := uitest.Statuses(uitest.Press(m, "enter")); len(s) != 1 || s[0] != "Done: Pump lead time" {
		t.Errorf("status %q", s)
	}
	reload()
	find(t, m, "Pump lead time")
	if tk, _ := m.selected(); !tk.Done {
		t.Error("the call is not done")
	}
	d, err := st.ClientDetail(m.tasks[m.rows[m.list.Cursor].task].ClientID, uitest.Today, 1)
	if err != nil || len(d.Journal) != 1 || d.Journal[0].Text != "six weeks" || d.Journal[0].Kind != model.EntryCall {
		t.Errorf("journal %+v %v", d.Journal, err)
	}

	// x on a to-do completes at once.
	find(t, m, "写日报，排明天的拜访路线")
	uitest.Press(m, "x")
	reload()
	find(t, m, "写日报，排明天的拜访路线")
	if tk, _ := m.selected(); !tk.Done || m.Capturing() {
		t.Error("x on a to-do did not complete it")
	}

	// ! toggles important; > moves it to tomorrow; d deletes it.
	find(t, m, "Drawing review")
	uitest.Press(m, "!")
	reload()
	find(t, m, "Drawing review")
	if tk, _ := m.selected(); !tk.Important {
		t.Error("! did not mark it important")
	}
	uitest.Press(m, ">")
	reload()
	for _, r := range m.rows {
		if r.kind == rowTask && m.tasks[r.task].Title == "Drawing review" {
			t.Error("> left the task on today")
		}
	}
	if ts, _ := st.TasksOn(uitest.Today + 1); len(ts) != 1 || ts[0].Title != "Drawing review" {
		t.Errorf("tomorrow has %+v", ts)
	}
	find(t, m, "送选型手册")
	if s := uitest.Statuses(uitest.Press(m, "d")); len(s) != 1 || !strings.Contains(s[0], "u undoes") {
		t.Errorf("delete status %q", s)
	}
	reload()
	for _, r := range m.rows {
		if r.kind == rowTask && m.tasks[r.task].Title == "送选型手册" {
			t.Error("d did not delete")
		}
	}
	if _, err := st.Undo(); err != nil {
		t.Fatal(err)
	}
	reload()
	find(t, m, "送选型手册")
}

func TestLogPromiseAndBrief(t *testing.T) {
	m := open(t, i18n.ZH, 120, 40)
	st := m.env.Store
	find(t, m, "冷站现场踏勘")
	uitest.Press(m, "v")
	uitest.Type(m, "现场看过了，下周出方案")
	msgs := uitest.Press(m, "ctrl+s")
	var changed bool
	for _, msg := range msgs {
		_, changed = msg.(common.DataChangedMsg)
	}
	if !changed {
		t.Error("recording a visit did not tell the shell (quota bars would not move)")
	}
	tk, _ := m.selected()
	d, _ := st.ClientDetail(tk.ClientID, uitest.Today, 0)
	if len(d.Journal) != 1 || d.Journal[0].Kind != model.EntryVisit || d.Journal[0].Text != "现场看过了，下周出方案" {
		t.Errorf("journal %+v", d.Journal)
	}

	uitest.Press(m, "p")
	uitest.Type(m, "周一前发方案")
	uitest.Press(m, "tab") // to the due field (enter is a new line in the text)
	uitest.Type(m, "下周一")
	uitest.Press(m, "enter")
	d, _ = st.ClientDetail(tk.ClientID, uitest.Today, 0)
	if len(d.Promises) != 1 || d.Promises[0].Due != model.MakeDate(2026, 11, 30) {
		t.Errorf("promises %+v", d.Promises)
	}

	find(t, m, "确认预付款到账时间")
	uitest.Press(m, "b")
	view := screen(m)
	for _, want := range []string{"拜访简报：王总", "主营业务：机电总包", "决策人：王总本人", "要报价单", "发报价单给采购部", "进行中的项目", "望京华建大厦 · 投标"} {
		if !strings.Contains(view, want) {
			t.Errorf("brief lacks %q:\n%s", want, view)
		}
	}
	uitest.Press(m, "esc")
	if m.Capturing() {
		t.Error("esc did not close the brief")
	}
}

func TestEditForm(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	find(t, m, "Update the price list")
	uitest.Press(m, "e")
	// Title, date, time, kind, client: set the time and a client.
	uitest.Press(m, "enter")
	for range len("2026-11-26") {
		m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	uitest.Type(m, "today")
	uitest.Press(m, "enter")
	uitest.Type(m, "16:00")
	uitest.Press(m, "enter")
	uitest.Press(m, "enter")
	uitest.Type(m, "Nobody")
	uitest.Press(m, "ctrl+s")
	if !m.Capturing() || !strings.Contains(screen(m), "Nobody") {
		t.Fatalf("an unknown client was accepted:\n%s", screen(m))
	}
	for range len("Nobody") {
		m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	uitest.Type(m, "AC")
	uitest.Press(m, "right") // takes the suggested name
	if !strings.Contains(screen(m), "ACME Ltd") {
		t.Errorf("no completion:\n%s", screen(m))
	}
	uitest.Press(m, "ctrl+s")
	if m.Capturing() {
		t.Fatalf("the form stayed open:\n%s", screen(m))
	}
	uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
	find(t, m, "Update the price list")
	tk, _ := m.selected()
	if tk.Date != uitest.Today || tk.Time != model.ClockAt(16, 0) || tk.ClientName != "ACME Ltd" || tk.CarriedOver {
		t.Errorf("edited %+v", tk)
	}
}

// The form's time field reads what quick-add reads: 3pm and 下午3点 set
// the time, a slot word alone (pm, 上午) the slot with no time; what is no
// time stays refused inside the form.
func TestEditFormTimeWords(t *testing.T) {
	for _, tc := range []struct {
		lang  i18n.Lang
		typed string
		time  model.Clock
		slot  model.Slot
	}{
		{i18n.EN, "3pm", model.ClockAt(15, 0), model.SlotAfternoon},
		{i18n.ZH, "下午3点", model.ClockAt(15, 0), model.SlotAfternoon},
		{i18n.EN, "pm", model.NoClock, model.SlotAfternoon},
		{i18n.ZH, "晚上", model.NoClock, model.SlotEvening},
		{i18n.EN, "09:30", model.ClockAt(9, 30), model.SlotMorning},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			m := open(t, tc.lang, 120, 40)
			find(t, m, "Update the price list")
			uitest.Press(m, "e", "tab", "tab") // title, date, time
			uitest.Type(m, tc.typed)
			uitest.Press(m, "ctrl+s")
			if m.Capturing() {
				t.Fatalf("%q was refused:\n%s", tc.typed, screen(m))
			}
			uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
			find(t, m, "Update the price list")
			if tk, _ := m.selected(); tk.Time != tc.time || tk.Slot != tc.slot {
				t.Errorf("%q: time %v slot %q, want %v %q", tc.typed, tk.Time, tk.Slot, tc.time, tc.slot)
			}
		})
	}
	m := open(t, i18n.EN, 120, 40)
	find(t, m, "Update the price list")
	uitest.Press(m, "e", "tab", "tab")
	uitest.Type(m, "soon")
	uitest.Press(m, "ctrl+s")
	if !m.Capturing() || !strings.Contains(screen(m), `"soon" is not a time of day (try 10:00, 3pm, am)`) {
		t.Errorf("soon as a time:\n%s", screen(m))
	}
}

func TestAttention(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	if len(m.attention) == 0 {
		t.Fatal("no attention items")
	}
	if m.attention[0].Type != model.AttPromiseOverdue {
		t.Fatalf("first item %v", m.attention[0].Type)
	}
	uitest.Press(m, "right")
	if m.focus != focusAttention {
		t.Fatal("→ did not focus the attention list")
	}
	_, cmd := m.Update(uitest.Key("enter"))
	if msg := cmd(); msg != (common.OpenClientMsg{ID: m.attention[0].ClientID}) {
		t.Errorf("enter sent %#v", msg)
	}
	n := len(m.tasks)
	uitest.Press(m, "t")
	uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
	if len(m.tasks) != n+1 {
		t.Fatalf("t made no task: %d → %d", n, len(m.tasks))
	}
	tk, _ := m.selected()
	if tk.Title != "Keep promise: 发报价单给采购部" || tk.ClientName != "王总" || tk.Date != uitest.Today {
		t.Errorf("made %+v", tk)
	}
	uitest.Press(m, "esc")
	if m.focus != focusTasks {
		t.Error("esc did not go back to the tasks")
	}
}

// t pressed twice on the same attention item (or again after the task
// was carried over) puts it on today's list once: the second t selects the
// task already there and says so, in both languages.
func TestAttentionTaskNotAddedTwice(t *testing.T) {
	for _, tc := range []struct {
		lang i18n.Lang
		want string
	}{{i18n.EN, "Already on today's list: Keep promise: 发报价单给采购部"}, {i18n.ZH, "今天的任务里已经有了：兑现承诺：发报价单给采购部"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			m := open(t, tc.lang, 120, 40)
			reload := func() { uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} }) }
			uitest.Press(m, "right", "t")
			reload()
			n := len(m.tasks)
			made, _ := m.selected()
			uitest.Press(m, "left", "k", "k", "right") // the task cursor elsewhere
			_, cmd := m.Update(uitest.Key("t"))
			reload()
			if len(m.tasks) != n {
				t.Fatalf("the second t added a task: %d → %d", n, len(m.tasks))
			}
			if tk, _ := m.selected(); tk.ID != made.ID {
				t.Errorf("selected %q, want the task made first", tk.Title)
			}
			if cmd == nil {
				t.Fatal("the second t said nothing")
			}
			if msg, ok := cmd().(common.StatusMsg); !ok || msg.Text != tc.want {
				t.Errorf("status %#v, want %q", msg, tc.want)
			}
		})
	}
}

// On a short terminal the attention list fills its room: an item that
// does not fit whole keeps as many of its lines as there is room for and
// runs the rest, cut with …, into the last one — never a blank line where
// what was promised could be read, and no run of spaces inside it; the
// title says how many items are hidden below, as the tasks' title does.
func TestAttentionItemCutToItsRoom(t *testing.T) {
	m := open(t, i18n.EN, 60, 16)
	m.attention = []model.AttentionItem{{
		Type: model.AttPromiseOverdue, ClientID: 1, Client: "Harbour Engineering", Project: "Sanlitun retail fit-out pumps",
		Text: "Send the pump curves and the control panel wiring diagram, and the delivery schedule", Due: uitest.Today - 5, DaysOverdue: 5,
	}, {Type: model.AttClientFollowUp, ClientID: 2, Client: "赵总", Due: uitest.Today - 2, DaysOverdue: 2}}
	m.regularDue = 3
	for _, tc := range []struct {
		h    int
		want []string
	}{
		{4, []string{"Attention · 2 · ↓1 more", "  promise overdue · 5 days overdue", "    Harbour Engineering · Sanlitun retail fit-out pumps Sen…", "Regular clients due for follow-up: 3"}},
		{5, []string{"Attention · 2 · ↓1 more", "  promise overdue · 5 days overdue", "    Harbour Engineering · Sanlitun retail fit-out pumps", "    Send the pump curves and the control panel wiring diagr…", "Regular clients due for follow-up: 3"}},
	} {
		t.Run(fmt.Sprint(tc.h), func(t *testing.T) {
			m.attH, m.attTop = tc.h, 0
			got := strings.Split(ansi.Strip(m.attentionView(60, tc.h)), "\n")
			for i := range got {
				got[i] = strings.TrimRight(got[i], " ")
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("at %d lines:\n%s\nwant:\n%s", tc.h, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// c, v or m on an attention item records the contact with the item's
// client, and its project (the box a task's c opens); p makes a promise
// to that client. Before, these keys did nothing there.
func TestAttentionRecordsWithTheItemsClient(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	st := m.env.Store
	find := func(typ model.AttentionType) int {
		for i, a := range m.attention {
			if a.Type == typ {
				return i
			}
		}
		t.Fatalf("no %s item in %+v", typ, m.attention)
		return -1
	}
	uitest.Press(m, "right")
	for _, tc := range []struct {
		typ   model.AttentionType
		key   string
		kind  model.EntryKind
		title string
	}{
		{model.AttPromiseDue, "c", model.EntryCall, "Record a call with ACME Ltd"},
		{model.AttBidPrep, "v", model.EntryVisit, "Record a visit to 王总"},
	} {
		at := find(tc.typ)
		a := m.attention[at]
		m.att.Select(at)
		uitest.Press(m, tc.key)
		if !m.Capturing() || !strings.Contains(screen(m), tc.title) {
			t.Fatalf("%s on the %s item:\n%s", tc.key, tc.typ, screen(m))
		}
		uitest.Type(m, "spoke about "+string(tc.typ))
		uitest.Press(m, "ctrl+s")
		uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
		rows, err := st.JournalOn(uitest.Today, a.ClientID)
		var got *storage.JournalRow
		for i := range rows {
			if rows[i].Text == "spoke about "+string(tc.typ) {
				got = &rows[i]
			}
		}
		if err != nil || got == nil || got.Kind != tc.kind || got.ProjectID != a.ProjectID {
			t.Fatalf("the %s with %s today: %+v, %v", tc.kind, a.Client, rows, err)
		}
	}
	uitest.Press(m, "p")
	if !m.Capturing() || !strings.Contains(screen(m), "Promise to 王总") {
		t.Errorf("p on an attention item:\n%s", screen(m))
	}
	// a adds a task from the attention list too, on the day shown.
	uitest.Press(m, "esc", "a")
	uitest.Type(m, "order brochures")
	uitest.Press(m, "enter")
	uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
	if tk, _ := m.selected(); tk.Title != "order brochures" || tk.Date != uitest.Today {
		t.Errorf("a from the attention list added %+v", tk)
	}
}

// When the selected attention item leaves the list (its promise kept),
// the cursor stays where it was, on the item that took its place, not on
// the first.
func TestAttentionCursorStaysWhenItsItemLeaves(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	if len(m.attention) < 3 {
		t.Fatalf("want three items: %+v", m.attention)
	}
	next := m.attention[2]
	uitest.Press(m, "right", "j")
	uitest.Press(m, "x") // the promise due soon, kept
	uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
	if got := m.attention[m.att.Cursor]; keyOf(got) != keyOf(next) {
		t.Errorf("after keeping the second item the cursor is on %+v, want %+v", got, next)
	}
}

func TestAttentionColours(t *testing.T) {
	tests := []struct {
		a    model.AttentionItem
		want bool
	}{
		{model.AttentionItem{Type: model.AttPromiseOverdue, DaysOverdue: 2}, true},
		{model.AttentionItem{Type: model.AttPromiseDue, Due: uitest.Today + 1}, false},
		{model.AttentionItem{Type: model.AttClientFollowUp, DaysOverdue: 3}, true},
		{model.AttentionItem{Type: model.AttClientFollowUp, Due: uitest.Today}, false},
		// Bid papers turn red from the day they are due (model sets Urgent).
		{model.AttentionItem{Type: model.AttBidPrep, Due: uitest.Today, PapersDue: uitest.Today, Urgent: true}, true},
		{model.AttentionItem{Type: model.AttBidPrep, Due: uitest.Today + 2, PapersDue: uitest.Today + 2}, false},
	}
	for _, tc := range tests {
		if got := urgent(tc.a, uitest.Today); got != tc.want {
			t.Errorf("%+v: urgent %v", tc.a, got)
		}
	}
}

func TestNarrowAndResize(t *testing.T) {
	m := open(t, i18n.ZH, 120, 40)
	for _, sz := range [][2]int{{80, 24}, {60, 10}, {30, 6}, {200, 50}, {100, 30}} {
		m.SetSize(sz[0], sz[1])
		uitest.CheckSize(t, m.View(), sz[0], sz[1])
	}
	m.SetSize(80, 24)
	uitest.Press(m, "a")
	uitest.Type(m, strings.Repeat("很长的标题", 20))
	uitest.CheckSize(t, m.View(), 80, 24)
}

func TestStaleLoadIsDropped(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	stale := load(m.env.Store, nil, m.loads.Latest(), uitest.Today+5, uitest.Today, false)
	m.reload(false)
	m.Update(stale())
	if m.date != uitest.Today || len(m.tasks) == 0 {
		t.Errorf("a stale answer replaced the day")
	}
	_ = time.Second
}

func TestMouse(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	// Line 0 is the date; line 5 is the first morning task.
	m.Update(tea.MouseClickMsg{X: 10, Y: 5, Button: tea.MouseLeft})
	if tk, _ := m.selected(); tk.Title != "确认预付款到账时间" {
		t.Errorf("click on line 5 selected %q", tk.Title)
	}
	// A click on a heading changes nothing.
	m.Update(tea.MouseClickMsg{X: 10, Y: 4, Button: tea.MouseLeft})
	if tk, _ := m.selected(); tk.Title != "确认预付款到账时间" {
		t.Errorf("click on a heading moved to %q", tk.Title)
	}
	// The attention list is right of the separator; its first item (a
	// promise: what, who, what was promised) takes three lines, so the
	// second starts on line 4.
	m.Update(tea.MouseClickMsg{X: 100, Y: 4, Button: tea.MouseLeft})
	if m.focus != focusAttention || m.att.Cursor != 1 {
		t.Errorf("click in the attention list: focus %v, item %d", m.focus, m.att.Cursor)
	}
	m.Update(tea.MouseWheelMsg{X: 10, Y: 10, Button: tea.MouseWheelDown})
	if m.focus != focusAttention {
		t.Error("the wheel moved the focus")
	}
}

func TestAttentionBrief(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "right")
	uitest.Press(m, "b")
	if !m.Capturing() || !strings.Contains(screen(m), "Brief: 王总") {
		t.Errorf("b on an attention item:\n%s", screen(m))
	}
}

func TestFilter(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "/")
	uitest.Type(m, "acme")
	// Live: the list narrows while typing (client names match too).
	var titles []string
	for _, r := range m.rows {
		if r.kind == rowTask {
			titles = append(titles, m.tasks[r.task].Title)
		}
	}
	if strings.Join(titles, "|") != "Pump lead time|Drawing review" {
		t.Errorf("filtered rows %q", titles)
	}
	uitest.Press(m, "enter")
	if m.Capturing() || !strings.Contains(screen(m), "filter “acme”") {
		t.Errorf("enter did not keep the filter:\n%s", screen(m))
	}
	uitest.Press(m, "/")
	uitest.Type(m, "zzz")
	if !strings.Contains(screen(m), "No task matches “acmezzz”") {
		t.Errorf("no empty message:\n%s", screen(m))
	}
	uitest.Press(m, "esc")
	if m.filter != "" || len(m.rows) < 10 {
		t.Errorf("esc kept the filter %q", m.filter)
	}
}

// Dialogs over the pane, read by eye in testdata/TestGoldenDialogs/*.
func TestGoldenDialogs(t *testing.T) {
	steps := map[string]func(m *Model){
		"quickadd": func(m *Model) {
			uitest.Press(m, "a")
			uitest.Type(m, "拜访 @王 明天下午3点 送样品 ! 每周六")
		},
		"edit": func(m *Model) {
			find(t, m, "确认预付款到账时间")
			uitest.Press(m, "e")
		},
		"brief": func(m *Model) {
			find(t, m, "确认预付款到账时间")
			uitest.Press(m, "b")
		},
	}
	for name, step := range steps {
		for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
			t.Run(name+"_"+string(l), func(t *testing.T) {
				m := open(t, l, 80, 24)
				step(m)
				v := m.View()
				uitest.CheckSize(t, v, 80, 24)
				if strings.ContainsRune(v, 0) {
					t.Error("a NUL byte reaches the terminal")
				}
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

// Every key the pane lists has help text, and no key means two things in
// one place.
func TestHelpKeys(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	check := func(place string) {
		seen := map[string]string{}
		for _, col := range m.FullHelp() {
			for _, b := range col {
				if b.Help().Desc == "" || strings.HasPrefix(b.Help().Desc, "!") {
					t.Errorf("%s: %v has no help text", place, b.Keys())
				}
				for _, k := range b.Keys() {
					if other, ok := seen[k]; ok && other != b.Help().Desc {
						t.Errorf("%s: %q is both %q and %q", place, k, other, b.Help().Desc)
					}
					seen[k] = b.Help().Desc
				}
			}
		}
		if len(m.ShortHelp()) == 0 {
			t.Errorf("%s: no short help", place)
		}
	}
	check("tasks")
	uitest.Press(m, "right")
	check("attention")
	uitest.Press(m, "left")
	uitest.Press(m, "a")
	if !m.Capturing() {
		t.Fatal("a did not open the quick-add")
	}
	check("dialog")
}

// Without a database (the shell's own tests) the pane draws and refuses
// writes with a message instead of failing.
func TestNoStore(t *testing.T) {
	m := newModel(uitest.Env(nil, i18n.EN))
	m.SetSize(80, 24)
	uitest.Run(m, m.Init())
	for _, k := range []string{"j", "x", "e", "d", ">", "!", "c", "p", "b", "right", "t", "l", "h"} {
		uitest.Press(m, k)
	}
	uitest.Press(m, "a")
	uitest.Type(m, "call someone")
	msgs := uitest.Press(m, "enter")
	if st := uitest.Statuses(msgs); len(st) != 1 || !strings.Contains(st[0], "no database") {
		t.Errorf("status %q", st)
	}
	for _, sz := range [][2]int{{1, 1}, {0, 0}, {12, 3}} {
		m.SetSize(sz[0], sz[1])
		uitest.CheckSize(t, m.View(), max(sz[0], 1), max(sz[1], 1))
	}
}

func TestDoneRepeatingSaysWhenNext(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	if _, err := m.env.Store.AddTask(model.Task{Title: "Weekly report", Date: uitest.Today, Kind: model.TaskTodo, Repeat: "weekly"}); err != nil {
		t.Fatal(err)
	}
	uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
	find(t, m, "Weekly report")
	if s := uitest.Statuses(uitest.Press(m, "x")); len(s) != 1 || s[0] != "Done: Weekly report (next: Fri 4 Dec)" {
		t.Errorf("status %q", s)
	}
}

// Keys built at run time exist in the catalog for every value they take.
func TestCatalogKeys(t *testing.T) {
	var keys []string
	for _, k := range []string{"call", "visit", "meeting", "todo"} {
		keys = append(keys, "day.kind."+k, "kind."+k)
	}
	for _, e := range []string{"call", "visit", "meeting", "note"} {
		keys = append(keys, "day.status.logged."+e, "day.log.title."+e)
	}
	for _, r := range []string{"daily", "weekdays", "weekly", "monthly"} {
		keys = append(keys, "day.repeat."+r)
	}
	for _, a := range model.AttentionTypes {
		keys = append(keys, "att."+string(a))
	}
	keys = append(keys, sectionKeys[:]...)
	for _, k := range keys {
		if !i18n.Has(k) {
			t.Errorf("catalog lacks %q", k)
		}
	}
}

// TestNoStoreWordedInTheUsersLanguage: a write without a database says so
// in Chinese in a Chinese planner, not in English.
func TestNoStoreWordedInTheUsersLanguage(t *testing.T) {
	m := newModel(uitest.Env(nil, i18n.ZH))
	msgs := uitest.Run(m, m.tc.Add(model.Task{Title: "x"}))
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want one status: %v", len(msgs), msgs)
	}
	st, ok := msgs[0].(common.StatusMsg)
	if !ok || !st.IsErr || !strings.Contains(st.Text, "没有打开数据库") {
		t.Errorf("status %+v, want the Chinese no-database error", msgs[0])
	}
}

// n on a task without a client is left to the shell (its client picker),
// not refused with a message; on a task with a client it opens the note.
func TestNoteKeyWithoutClientPasses(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	find(t, m, "Update the price list")
	if _, cmd := m.Update(uitest.Key("n")); cmd != nil || m.Capturing() {
		t.Errorf("n on a task without a client was handled (cmd %v, capturing %v)", cmd != nil, m.Capturing())
	}
	find(t, m, "确认预付款到账时间")
	uitest.Press(m, "n")
	if !m.Capturing() {
		t.Error("n on a task with a client opened nothing")
	}
}

// The day's record names what h/l step there: the day.
func TestRecordHelpNamesTheDay(t *testing.T) {
	m := open(t, i18n.ZH, 100, 30)
	uitest.Press(m, "r")
	var descs []string
	for _, b := range m.ShortHelp() {
		descs = append(descs, b.Help().Key+" "+b.Help().Desc)
	}
	if got := strings.Join(descs, " • "); !strings.Contains(got, "h/[ 前一天") || !strings.Contains(got, "l/] 后一天") {
		t.Errorf("the record's footer: %s", got)
	}
}

// Below 120 columns a row cuts a long title; the list's last line says
// the selected task whole, as the Week's does.
func TestDetailLineShowsTheSelectedTaskWhole(t *testing.T) {
	const title = "Confirm the panel delivery date with the site"
	for _, tc := range []struct {
		w, h  int
		shown bool
	}{{80, 24, true}, {100, 30, true}, {120, 40, false}, {60, 16, false}} {
		t.Run(fmt.Sprintf("%dx%d", tc.w, tc.h), func(t *testing.T) {
			m := open(t, i18n.EN, tc.w, tc.h)
			if _, err := m.env.Store.AddTask(model.Task{Title: title, Date: uitest.Today, Kind: model.TaskTodo, Slot: model.SlotMorning}); err != nil {
				t.Fatal(err)
			}
			uitest.Run(m, func() tea.Msg { return common.DataChangedMsg{} })
			find(t, m, title)
			if got := strings.Contains(screen(m), "  "+title); got != tc.shown {
				t.Errorf("the whole title shown: %v, want %v:\n%s", got, tc.shown, screen(m))
			}
			uitest.CheckSize(t, m.View(), tc.w, tc.h)
		})
	}
}

// The attention footer offers x (kept today) on a promise only: on any
// other item x does nothing but say so.
func TestAttentionFooterOffersKeptOnPromisesOnly(t *testing.T) {
	m := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "right")
	for i, a := range m.attention {
		m.att.Select(i)
		promise := a.Type == model.AttPromiseOverdue || a.Type == model.AttPromiseDue
		offered := false
		for _, b := range m.ShortHelp() {
			if b.Help().Key == "x" {
				offered = true
			}
		}
		if offered != promise {
			t.Errorf("%s item: x offered %v", a.Type, offered)
		}
	}
}

// x on an attention item that is not a promise says why in one footer
// line that fits a 60-column terminal (the footer starts with a space):
// the English ran to 70 cells and lost "t makes it a task" at the edge.
func TestAttentionNotPromiseFitsNarrowFooter(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m := open(t, l, 60, 16)
		uitest.Press(m, "right")
		found := false
		for i, a := range m.attention {
			if a.Type == model.AttPromiseOverdue || a.Type == model.AttPromiseDue {
				continue
			}
			found = true
			m.att.Select(i)
			s := uitest.Statuses(uitest.Press(m, "x"))
			if len(s) != 1 || s[0] != l.T("day.att.not_promise") {
				t.Fatalf("%s: x on %s: statuses %q", l, a.Type, s)
			}
			if w := ansi.StringWidth(s[0]); w > 59 {
				t.Errorf("%s: %q is %d cells, cut in a 60-column footer", l, s[0], w)
			}
			break
		}
		if !found {
			t.Fatalf("%s: no attention item other than a promise", l)
		}
	}
}
