package day

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/report"
	"salesplan/ui/uitest"
)

// recordStore is the two weeks of uitest.SeedWeeks with, on Friday 27
// Nov, a prospect call, a note over two lines and a promise cancelled
// after its due date; and an important task of Wednesday done only on
// Friday (Thursday's record lists it as left undone).
func recordStore(t *testing.T) *storage.Store {
	t.Helper()
	st := uitest.OpenStore(t)
	uitest.SeedWeeks(t, st)
	at := uitest.Today.Time(time.Local)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := st.AddEntry(model.JournalEntry{Kind: model.EntryCall, At: at.Add(8 * time.Hour), Text: "tender site: 张工, new hospital wing"})
	must(err)
	c, err := st.FindClient("王总")
	must(err)
	_, err = st.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at.Add(17 * time.Hour), Text: "女儿明年高考\nno weekend visits"})
	must(err)
	p, err := st.AddPromise(model.Promise{ClientID: c.ID, Text: "brochure", MadeOn: uitest.D(time.November, 20), Due: uitest.D(time.November, 24)}, uitest.Today)
	must(err)
	_, err = st.CancelPromise(p.ID, uitest.Today, "they printed their own", uitest.Today)
	must(err)
	late, err := st.AddTask(model.Task{Title: "send the 报价单", Date: uitest.D(time.November, 25), Kind: model.TaskTodo, Important: true})
	must(err)
	_, err = st.CompleteTask(late.ID, uitest.Today, time.Time{}, "")
	must(err)
	return st
}

func openRecordPane(t *testing.T, l i18n.Lang, w, h int) (*Model, *storage.Store) {
	t.Helper()
	st := recordStore(t)
	m := newModel(uitest.Env(st, l))
	m.SetSize(w, h)
	uitest.Run(m, m.Init())
	uitest.Press(m, "r")
	if !m.record.IsOpen() || !m.record.Loaded() {
		t.Fatal("r did not open the day's record")
	}
	return m, st
}

// The day's record on r, at two sizes in both languages, read by eye in
// testdata (regenerate: go test ./ui/day -run TestRecordGolden -update).
func TestRecordGolden(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 80, 24}, {i18n.EN, 120, 40}, {i18n.ZH, 80, 24}, {i18n.ZH, 120, 40}} {
		t.Run(fmt.Sprintf("%s_%dx%d", tt.lang, tt.w, tt.h), func(t *testing.T) {
			m, _ := openRecordPane(t, tt.lang, tt.w, tt.h)
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
	}
}

// r shows the record of the day shown, the same lines `report day` is made
// of (ui/report); it scrolls, follows h/l and t to other days — a past
// day's heading says its tasks are read as they stand now — picks up a
// change made meanwhile, and r or esc close it. (Friday's lists the task
// of Wednesday among those done.)
func TestRecordKeys(t *testing.T) {
	m, st := openRecordPane(t, i18n.EN, 80, 24)
	s := screen(m)
	uitest.Contains(t, s, "Daily record · Fri 27 Nov 2026", "Clients visited", "Calls, visits and meetings")
	r, err := st.DayRecord(uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	r.AsOf = uitest.Today
	want := report.DayLines(r, i18n.EN, m.env.Styles, 80)
	if got := m.record.Lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the pane's record differs from report.DayLines:\n%s\n---\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(want) <= 24 {
		t.Fatalf("the record fits in 24 lines (%d): nothing to scroll", len(want))
	}
	uitest.Press(m, "j", "j")
	if m.record.Offset() != 2 {
		t.Errorf("j j: offset %d, want 2", m.record.Offset())
	}
	uitest.Press(m, "end")
	if s := screen(m); !strings.Contains(s, "Plan for Mon 30 Nov") {
		t.Errorf("end does not show the plan, the record's last section:\n%s", s)
	}
	uitest.Press(m, "home")
	if m.record.Offset() != 0 {
		t.Errorf("home: offset %d", m.record.Offset())
	}
	uitest.Send(m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.record.Offset() != 3 {
		t.Errorf("the wheel: offset %d, want 3", m.record.Offset())
	}

	// h: Thursday's record, a past day: the task of Wednesday done on
	// Friday was still open at Thursday's end.
	uitest.Press(m, "h")
	if m.date != uitest.D(time.November, 26) || !m.record.Loaded() {
		t.Fatalf("h: date %s, loaded %v", m.date, m.record.Loaded())
	}
	all := strings.Join(m.record.Lines(), "\n")
	uitest.Contains(t, all, "Daily record · Thu 26 Nov 2026", "Important, not done (as flagged and dated now)", "send the 报价单")
	uitest.Press(m, "t")
	all = strings.Join(m.record.Lines(), "\n")
	if m.date != uitest.Today || strings.Contains(all, "as flagged and dated now") || !strings.Contains(all, "any time ! send the 报价单") {
		t.Errorf("t: date %s, record:\n%s", m.date, all)
	}

	// A note written elsewhere shows once the data changed.
	c, _ := st.FindClient("ACME Ltd")
	if _, err := st.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: uitest.Now, Text: "asked for the 2027 price list"}); err != nil {
		t.Fatal(err)
	}
	uitest.Send(m, common.DataChangedMsg{})
	uitest.Contains(t, strings.Join(m.record.Lines(), "\n"), "asked for the 2027 price list")

	uitest.Press(m, "r")
	if m.record.IsOpen() {
		t.Fatal("r did not close the record")
	}
	uitest.Contains(t, screen(m), "Fri 27 Nov 2026")
	uitest.Press(m, "r", "esc")
	if m.record.IsOpen() {
		t.Fatal("esc did not close the record")
	}
}

// While the record is on its way the pane is busy (keys wait for it), and
// the help shows the record's keys.
func TestRecordBusyAndHelp(t *testing.T) {
	st := recordStore(t)
	m := newModel(uitest.Env(st, i18n.ZH))
	m.SetSize(80, 24)
	uitest.Run(m, m.Init())
	_, cmd := m.Update(uitest.Key("r"))
	if !m.Busy() {
		t.Error("not busy while the record loads")
	}
	if s := screen(m); !strings.Contains(s, "正在读取日报") {
		t.Errorf("no loading line:\n%s", s)
	}
	uitest.Run(m, cmd)
	if m.Busy() {
		t.Error("still busy once the record arrived")
	}
	var help []string
	for _, b := range m.ShortHelp() {
		help = append(help, b.Help().Desc)
	}
	if h := strings.Join(help, " "); !strings.Contains(h, "关闭报告") {
		t.Errorf("short help %q lacks closing the report", h)
	}
}
