package week

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
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func open(t *testing.T, l i18n.Lang, w, h int) (*Model, *storage.Store) {
	t.Helper()
	st := uitest.OpenStore(t)
	uitest.SeedWeeks(t, st)
	m := newModel(uitest.Env(st, l))
	m.SetSize(w, h)
	uitest.Run(m, m.Init())
	if !m.loaded {
		t.Fatal("the week did not load")
	}
	return m, st
}

func screen(m *Model) string { return ansi.Strip(m.View()) }

func statuses(msgs []tea.Msg) []string {
	var out []string
	for _, m := range msgs {
		if s, ok := m.(common.StatusMsg); ok {
			out = append(out, s.Text)
		}
	}
	return out
}

// The Week pane and its review at two sizes in both languages, read by eye
// in testdata/*.golden (regenerate: go test ./ui/week -run TestGolden -update).
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 80, 24}, {i18n.EN, 120, 40}, {i18n.ZH, 80, 24}, {i18n.ZH, 120, 40}} {
		name := fmt.Sprintf("%s_%dx%d", tt.lang, tt.w, tt.h)
		t.Run(name, func(t *testing.T) {
			m, _ := open(t, tt.lang, tt.w, tt.h)
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
		t.Run("review_"+name, func(t *testing.T) {
			m, _ := open(t, tt.lang, tt.w, tt.h)
			uitest.Press(m, "r")
			if !m.reviewOpen || !m.reviewLoaded {
				t.Fatal("r did not open the review")
			}
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
	}
}

// The pane shows Store.Week's numbers (those of `week --json`), including
// on a week that spans November and December with different month targets.
func TestNumbersEqualStoreWeek(t *testing.T) {
	m, st := open(t, i18n.EN, 120, 40)
	check := func(day model.Date) {
		t.Helper()
		want, err := st.Week(day, uitest.Today)
		if err != nil {
			t.Fatal(err)
		}
		got := m.Week()
		if got.Start != want.Start || got.Calls != want.Calls || got.Visits != want.Visits ||
			got.Signed != want.Signed || got.Promises != want.Promises || len(got.StageMoves) != len(want.StageMoves) {
			t.Errorf("pane %+v\nstore %+v", got, want)
		}
		for i := range want.Days {
			g, w := got.Days[i], want.Days[i]
			if g.Calls != w.Calls || g.Visits != w.Visits || g.TasksDone != w.TasksDone || g.TasksTotal != w.TasksTotal {
				t.Errorf("day %s: pane %+v store %+v", w.Date, g, w)
			}
		}
	}
	check(uitest.Today)
	foot := screen(m)
	// 68 calls: the fixture's call task completed on Friday links the call
	// with 王总 logged that day. Visits: 13 entries with 2 clients (the
	// quota counts clients). November's target is 90,909.10 (December is
	// set by hand, the other eleven months share the rest):
	// ⌊9,090,910·20/21⌋ − ⌊9,090,910·15/21⌋ = 8,658,009 − 6,493,507.
	for _, s := range []string{"Calls 68/150 (45%)", "Visited 2/20 (10%) · 13 visits", "Signed $480,000 of $21,645.02",
		"Promises 2 made · 2 kept (1 on time)", "1 overdue", "4 stage moves"} {
		if !strings.Contains(foot, s) {
			t.Errorf("the footer lacks %q:\n%s", s, foot)
		}
	}

	uitest.Press(m, "l") // 30 Nov – 6 Dec: one November working day, four December ones
	check(uitest.D(time.December, 1))
	// By hand: November 90,909.10 over 21 working days, the 30th is the
	// 21st: 9,090,910 − ⌊9,090,910·20/21⌋ = 432,901 cents; December
	// 200,000.00 over 23 working days, days 1–4: ⌊20,000,000·4/23⌋ =
	// 3,478,260 cents. Sum 3,911,161 cents.
	if got := m.Week().Signed.Target; got != 3911161 {
		t.Errorf("target of the week of 30 Nov = %d cents, want 3911161", got)
	}
	if s := screen(m); !strings.Contains(s, "of $39,111.61") || !strings.Contains(s, "Week 49") {
		t.Errorf("the footer does not show the mixed target:\n%s", s)
	}
	if m.Week().Calls.Done != 1 || m.Week().Visits.Done != 1 {
		t.Errorf("calls/visits of the week of 30 Nov = %+v %+v", m.Week().Calls, m.Week().Visits)
	}
}

func TestNavigation(t *testing.T) {
	m, _ := open(t, i18n.EN, 120, 40)
	if m.day != 4 {
		t.Fatalf("opens on today (Friday), day %d", m.day)
	}
	uitest.Press(m, "h")
	if m.start != uitest.D(time.November, 16) || m.day != 4 {
		t.Errorf("h: week of %s day %d", m.start, m.day)
	}
	uitest.Press(m, "]")
	uitest.Press(m, "]")
	if m.start != uitest.D(time.November, 30) {
		t.Errorf("]]: week of %s", m.start)
	}
	uitest.Press(m, "t")
	if m.start != uitest.D(time.November, 23) {
		t.Errorf("t: week of %s", m.start)
	}
	uitest.Press(m, "left")
	uitest.Press(m, "left")
	if m.day != 2 {
		t.Errorf("← ←: day %d", m.day)
	}
	if tk, ok := m.selected(); !ok || tk.Title != "冷站现场踏勘" {
		t.Errorf("Wednesday's task selected = %+v %v", tk, ok)
	}
	wed, _ := m.selected()
	msgs := uitest.Press(m, "enter") // a visit with 李经理: the client's card, as on the Day
	if len(msgs) != 1 || msgs[0] != (common.OpenClientMsg{ID: wed.ClientID}) || wed.ClientID == 0 {
		t.Errorf("enter on a task = %#v, want an OpenClientMsg for 李经理 (%d)", msgs, wed.ClientID)
	}
	uitest.Press(m, "left", "left")
	for i := 0; i < 5; i++ {
		if tk, _ := m.selected(); tk.Title != "周报" {
			uitest.Press(m, "j")
		}
	}
	mon, _ := m.selected() // 周报: a task without a client opens its day, the task selected
	msgs = uitest.Press(m, "enter")
	if len(msgs) != 1 || msgs[0] != (common.GotoDateMsg{Date: uitest.D(time.November, 23), Task: mon.ID}) || mon.Title != "周报" {
		t.Errorf("enter on %q = %#v, want a GotoDateMsg for Monday with the task", mon.Title, msgs)
	}
	uitest.Press(m, "right", "right", "right", "right", "right", "right") // Sunday: no tasks
	msgs = uitest.Press(m, "enter")
	if len(msgs) != 1 || msgs[0] != (common.GotoDateMsg{Date: uitest.D(time.November, 29)}) {
		t.Errorf("enter on an empty Sunday = %#v, want a GotoDateMsg for it", msgs)
	}
	uitest.Press(m, "g")
	uitest.Type(m, "2026-12-02")
	uitest.Press(m, "enter")
	if m.start != uitest.D(time.November, 30) || m.day != 2 || m.Capturing() {
		t.Errorf("g 2026-12-02: week of %s day %d", m.start, m.day)
	}
}

// x, d, > and ! act on the selected task as on the Day pane.
func TestTaskActions(t *testing.T) {
	m, st := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "left") // Thursday: Pump lead time, a call with ACME
	tk, ok := m.selected()
	if !ok || tk.Title != "Pump lead time" {
		t.Fatalf("selected %+v", tk)
	}
	uitest.Press(m, "!")
	if tk, _ := m.selected(); !tk.Important {
		t.Error("! did not mark it important")
	}
	uitest.Press(m, ">")
	w, _ := st.Week(uitest.Today, uitest.Today)
	if len(w.Days[3].Tasks) != 0 || len(w.Days[4].Tasks) != 3 {
		t.Errorf("> did not move it to Friday: thu %d fri %d", len(w.Days[3].Tasks), len(w.Days[4].Tasks))
	}
	if tk, _ := m.selected(); tk.Title != "Pump lead time" || m.day != 4 {
		t.Errorf("the cursor did not follow the task: %+v day %d", tk, m.day)
	}
	uitest.Press(m, "x") // a call with a client asks for the outcome
	if !m.Capturing() {
		t.Fatal("x on a call did not ask for the outcome")
	}
	uitest.Type(m, "ok")
	msgs := uitest.Press(m, "enter")
	if s := statuses(msgs); len(s) != 1 || s[0] != "Done: Pump lead time" {
		t.Errorf("statuses %q", s)
	}
	if tk, _ := m.selected(); !tk.Done {
		t.Error("x did not complete it")
	}
	// Friday had 3 calls logged (one each with 王总, ACME Ltd, 李经理); the
	// fixture's completed call with 王总 and this one with ACME Ltd each
	// link that day's call instead of counting it twice (one contact, once).
	if got := m.Week().Days[4].Calls; got != 3 {
		t.Errorf("Friday's calls = %d, want 3", got)
	}
	uitest.Press(m, "d")
	w, _ = st.Week(uitest.Today, uitest.Today)
	if len(w.Days[4].Tasks) != 2 {
		t.Errorf("d did not delete: %d tasks on Friday", len(w.Days[4].Tasks))
	}
	uitest.Press(m, "a")
	uitest.Type(m, "call @王总 about the bid")
	uitest.Press(m, "enter")
	if m.Capturing() {
		t.Fatal("quick-add stayed open")
	}
	w, _ = st.Week(uitest.Today, uitest.Today)
	if len(w.Days[4].Tasks) != 3 {
		t.Errorf("a added no task on the selected day: %+v", w.Days[4].Tasks)
	}
}

func TestEditForm(t *testing.T) {
	m, st := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "left")
	uitest.Press(m, "e")
	if !m.Capturing() {
		t.Fatal("e did not open the form")
	}
	uitest.Press(m, "ctrl+s")
	if m.Capturing() {
		t.Fatal("ctrl+s did not save")
	}
	w, _ := st.Week(uitest.Today, uitest.Today)
	if len(w.Days[3].Tasks) != 1 || w.Days[3].Tasks[0].Title != "Pump lead time" {
		t.Errorf("saving unchanged changed the task: %+v", w.Days[3].Tasks)
	}
}

func TestNarrowListsEveryDay(t *testing.T) {
	m, _ := open(t, i18n.ZH, 80, 40)
	s := screen(m)
	for _, d := range []string{"11月23日 周一", "11月27日 周五", "11月29日 周日"} {
		if !strings.Contains(s, d) {
			t.Errorf("the narrow list lacks %s:\n%s", d, s)
		}
	}
	// j walks on into the next days.
	m.day, m.task = 0, 0
	for range 3 {
		uitest.Press(m, "j")
	}
	if m.day != 2 || m.task != 0 { // Monday's second task, Tuesday's, Wednesday's
		t.Errorf("after 3 j from Monday's first task: day %d task %d", m.day, m.task)
	}
}

func TestReviewKeys(t *testing.T) {
	m, _ := open(t, i18n.EN, 80, 24)
	uitest.Press(m, "r")
	uitest.Press(m, "j")
	if m.reviewOff != 1 {
		t.Errorf("j scrolls the review: offset %d", m.reviewOff)
	}
	uitest.Press(m, "l")
	if m.start != uitest.D(time.November, 30) || !m.reviewLoaded || m.review.Week.Start != m.start {
		t.Errorf("l in the review: week %s, review of %s", m.start, m.review.Week.Start)
	}
	uitest.Press(m, "esc")
	if m.reviewOpen {
		t.Error("esc did not close the review")
	}
}

func TestKeysWithoutTask(t *testing.T) {
	m, _ := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "right")
	uitest.Press(m, "right") // Sunday: no task
	if _, ok := m.selected(); ok {
		t.Fatal("Sunday has a task?")
	}
	if s := statuses(uitest.Press(m, "x")); len(s) != 1 || s[0] != "No task selected." {
		t.Errorf("x without a task: %q", s)
	}
}

func TestClickSelects(t *testing.T) {
	m, _ := open(t, i18n.EN, 120, 40)
	// Wednesday's column starts at 2×17; its first task is on line 1+3.
	m.Update(tea.MouseClickMsg{X: 2*17 + 3, Y: 4, Button: tea.MouseLeft})
	if tk, ok := m.selected(); !ok || m.day != 2 || tk.Title != "冷站现场踏勘" {
		t.Errorf("click on Wednesday's task: day %d %+v", m.day, tk)
	}
	n, _ := open(t, i18n.EN, 80, 40)
	n.Update(tea.MouseClickMsg{X: 10, Y: 2, Button: tea.MouseLeft}) // Monday's first task
	if tk, ok := n.selected(); !ok || tk.Title != "确认预付款" {
		t.Errorf("click in the narrow list: %+v", tk)
	}
}

// A change made elsewhere (the settings screen, `salesplan config set`)
// shows after DataChangedMsg: the currency and the calls quota.
func TestSettingsChangeShows(t *testing.T) {
	m, st := open(t, i18n.EN, 120, 40)
	if err := st.UpdateSettings(func(s *model.Settings) error { s.Currency = "€"; s.CallsPerDay = 20; return nil }); err != nil {
		t.Fatal(err)
	}
	m.Update(common.DataChangedMsg{})
	uitest.Run(m, m.reload())
	s := screen(m)
	if !strings.Contains(s, "Signed €480,000 of €21,645.02") || !strings.Contains(s, "Calls 68/100") || !strings.Contains(s, "C 12/20") {
		t.Errorf("after the settings changed:\n%s", s)
	}
}

// b opens the pre-visit brief of the selected task's client, c records a
// call with it, and n a note; a task without a client says so.
func TestClientKeys(t *testing.T) {
	m, st := open(t, i18n.EN, 120, 40)
	uitest.Press(m, "left") // Thursday: a call with ACME Ltd
	uitest.Press(m, "b")
	if _, popup := m.host.Dialog().(*form.Popup); !popup || !strings.Contains(screen(m), "ACME Ltd") {
		t.Fatalf("b did not open the brief:\n%s", screen(m))
	}
	uitest.Press(m, "esc")
	if m.Capturing() {
		t.Fatal("esc did not close the brief")
	}
	// c on a call task with its client completes the task, asking for the
	// outcome (one contact, once): ACME's call logged today is linked to it
	// rather than a second call counted.
	task := m.Week().Days[3].Tasks[0]
	uitest.Press(m, "c")
	uitest.Type(m, "asked for the curves")
	uitest.Press(m, "ctrl+s")
	if got := m.Week().Days[4].Calls; got != 3 {
		t.Errorf("c counted a second call today: Friday's calls %d", got)
	}
	d, err := st.ClientDetail(task.ClientID, uitest.Today, 0)
	linked := 0
	for _, e := range d.Journal {
		if e.TaskID == task.ID {
			linked++
			if e.Kind != model.EntryCall || e.On() != uitest.Today || !strings.HasSuffix(e.Text, "asked for the curves") {
				t.Errorf("the linked entry: %+v", e)
			}
		}
	}
	if err != nil || linked != 1 {
		t.Errorf("%d entries linked to the task (want 1): %+v %v", linked, d.Journal, err)
	}
	if done, _ := st.Task(task.ID); !done.Done {
		t.Errorf("c did not complete the call task")
	}
	uitest.Press(m, "right")
	uitest.Press(m, "j") // Friday's to-do without a client
	if s := statuses(uitest.Press(m, "b")); len(s) != 1 || s[0] != "This task has no client." {
		t.Errorf("b without a client: %q", s)
	}
}

// / filters the week's tasks as it is typed, as the Day and the Clients
// do: the columns keep the tasks whose title, client or project match,
// the days' counts stay; enter keeps the filter, esc clears it.
func TestFilter(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} { // the columns, the narrow list
		m, _ := open(t, i18n.EN, size[0], size[1])
		uitest.Press(m, "/")
		if !m.Capturing() {
			t.Fatalf("%v: / opened no filter", size)
		}
		uitest.Type(m, "李经理")
		s := screen(m)
		if !strings.Contains(s, "送选型手册") && !strings.Contains(s, "李经理") || strings.Contains(s, "王总") || strings.Contains(s, "周报") {
			t.Errorf("%v: typing 李经理 did not narrow the week:\n%s", size, s)
		}
		uitest.Press(m, "enter")
		s = screen(m)
		if m.Capturing() || !strings.Contains(s, "filter “李经理”") || strings.Contains(s, "周报") || !strings.Contains(s, "C 12/30") {
			t.Errorf("%v: enter did not keep the filter (with the days' counts):\n%s", size, s)
		}
		if tk, ok := m.selected(); !ok || tk.ClientName != "李经理" {
			t.Errorf("%v: selected under the filter: %+v %v", size, tk, ok)
		}
		if got := len(m.Week().Days[0].Tasks); got != 2 {
			t.Errorf("%v: the week loaded lost Monday's tasks to the filter: %d", size, got)
		}
		uitest.Press(m, "esc")
		if s := screen(m); strings.Contains(s, "filter") || !strings.Contains(s, "周报") {
			t.Errorf("%v: esc did not clear the filter:\n%s", size, s)
		}
	}
}

// A call shows its client's phone on the Week too: on its row in the
// list (below 110 columns, 80 included where the title keeps room) and,
// where the days stand side by side, on the selected task's line, whole,
// the title giving way.
func TestCallsShowPhones(t *testing.T) {
	st := uitest.OpenStore(t)
	w := uitest.SeedWorkday(t, st)
	if _, err := st.AddTask(model.Task{Title: "Ask about the courtyard hotel scheme, the roof plant and the noise limits", Date: uitest.Today,
		Time: model.ClockAt(11, 0), Kind: model.TaskCall, ClientID: w.Li}); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{60, 80, 100, 120, 160} {
		m := newModel(uitest.EnvAt(st, i18n.EN, uitest.Morning))
		m.SetSize(width, 30)
		uitest.Run(m, m.Init())
		for _, want := range []struct{ title, phone string }{
			{"Call 王总", "138 0100 0001"}, {"Pump lead time", "+1 555 0100"}, {"Ask about the courtyard", "139 2200 0002"}} {
			for i := 0; i < 6; i++ {
				if tk, _ := m.selected(); strings.HasPrefix(tk.Title, want.title) {
					break
				}
				uitest.Press(m, "j")
			}
			if tk, _ := m.selected(); !strings.HasPrefix(tk.Title, want.title) {
				t.Fatalf("%d: %q not found, at %q", width, want.title, tk.Title)
			}
			v := screen(m)
			uitest.CheckSize(t, m.View(), width, 30)
			found := false
			for _, line := range strings.Split(v, "\n") {
				found = found || strings.Contains(line, want.phone) && (strings.Contains(line, "›") || strings.Contains(line, "@"))
			}
			if !found {
				t.Errorf("%d columns: no line shows the selected call %q with %q:\n%s", width, want.title, want.phone, v)
			}
		}
	}
}

// At 60 columns the selected call's phone shows whole ("+86 10 6788
// 2100", not "+86 10 6788…"): on its row when the row has room for it
// (the line under the list then gives the title that room), else on that
// line, where the title, then the client's name, then the kind of task
// give way. In both languages, with a long title, a long client name and
// a project.
func TestNarrowDetailKeepsPhone(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		st := uitest.OpenStore(t)
		c, err := st.AddClient(model.Client{Name: "ACME Semiconductor (Beijing) Ltd 北京亦庄", Phone: "+86 10 6788 2100"}, uitest.Today)
		if err != nil {
			t.Fatal(err)
		}
		p, err := st.AddProject(model.Project{Name: "Fab 2 chilled water plant", ClientID: c.ID, Stage: model.StageLead}, uitest.Today)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddTask(model.Task{Title: "Confirm the delivery schedule with purchasing and the site", Date: uitest.Today,
			Time: model.ClockAt(10, 30), Kind: model.TaskCall, ClientID: c.ID, ProjectID: p.ID}); err != nil {
			t.Fatal(err)
		}
		for _, width := range []int{60, 70} {
			m := newModel(uitest.EnvAt(st, l, uitest.Morning))
			m.SetSize(width, 13)
			uitest.Run(m, m.Init())
			if _, ok := m.selected(); !ok {
				t.Fatalf("%s %d: no task selected:\n%s", l, width, screen(m))
			}
			uitest.CheckSize(t, m.View(), width, 13)
			whole := false
			for _, line := range strings.Split(screen(m), "\n") {
				if strings.Contains(line, "+86 10 6788 2100") {
					whole = true
				} else if strings.Contains(line, "+86") {
					t.Errorf("%s %d: a line cuts the phone: %q", l, width, line)
				}
			}
			if !whole {
				t.Errorf("%s %d: the selected call's phone is not shown whole:\n%s", l, width, screen(m))
			}
		}
	}
}

// d on a task in the middle of a day leaves the cursor on the task that
// took its place, not on the day's first (a second d or ! would hit the
// wrong task); the undo that puts it back selects it again, as the Day
// does. Both layouts.
func TestDeleteKeepsTheCursorInPlaceAndUndoSelects(t *testing.T) {
	for _, sz := range [][2]int{{80, 40}, {160, 40}} {
		t.Run(fmt.Sprint(sz[0]), func(t *testing.T) {
			m, st := open(t, i18n.EN, sz[0], sz[1])
			day := -1
			for d, dd := range m.Week().Days {
				if len(dd.Tasks) >= 2 {
					day = d
					break
				}
			}
			if day < 0 {
				t.Fatal("no day with two tasks")
			}
			if _, err := st.AddTask(model.Task{Title: "Expense report", Date: m.Week().Days[day].Date, Kind: model.TaskTodo, Slot: model.SlotAny}); err != nil {
				t.Fatal(err)
			}
			uitest.Send(m, common.DataChangedMsg{})
			ts := m.Week().Days[day].Tasks
			gone, next := ts[1], ts[2]
			m.day, m.task = day, 1
			uitest.Press(m, "d")
			if tk, _ := m.selected(); tk.ID != next.ID {
				t.Fatalf("after deleting %q the cursor is on %q, want %q", gone.Title, tk.Title, next.Title)
			}
			u, err := st.UndoLast()
			if err != nil || u.Task != gone.ID {
				t.Fatalf("undo: %+v, %v", u, err)
			}
			uitest.Send(m, common.DataChangedMsg{Task: u.Task})
			if tk, _ := m.selected(); tk.ID != gone.ID {
				t.Errorf("after the undo the cursor is on %q, want %q put back", tk.Title, gone.Title)
			}
		})
	}
}

// At 80 columns the line under the list reads the selected call's title
// whole: its row shows the phone already, so the line does not repeat it
// at the title's expense.
func TestNarrowDetailGivesTheTitleRoom(t *testing.T) {
	st := uitest.OpenStore(t)
	c, err := st.AddClient(model.Client{Name: "Tom Becker", Phone: "+86 138 0101 7766"}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	const title = "Ask about the courtyard hotel scheme"
	if _, err := st.AddTask(model.Task{Title: title, Date: uitest.Today, Time: model.ClockAt(9, 20), Kind: model.TaskCall, ClientID: c.ID}); err != nil {
		t.Fatal(err)
	}
	m := newModel(uitest.EnvAt(st, i18n.EN, uitest.Morning))
	m.SetSize(80, 24)
	uitest.Run(m, m.Init())
	s := screen(m)
	if !strings.Contains(s, "· "+title+" · @Tom Becker") || !strings.Contains(s, "+86 138 0101 7766") {
		t.Errorf("the selected call at 80 columns:\n%s", s)
	}
}
