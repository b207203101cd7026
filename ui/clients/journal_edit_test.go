package clients_test

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// journalFixture is one client with a project, a call on the project and
// a note, and the planner open on the client's card.
type journalFixture struct {
	st         *storage.Store
	tm         *teatest.TestModel
	client     model.ID
	project    model.ID
	call, note model.JournalEntry
}

func openJournal(t *testing.T) journalFixture {
	t.Helper()
	st := uitest.OpenStore(t)
	c, err := st.AddClient(model.Client{Name: "王总", Tier: model.TierKey, Phone: "138 0000 1111"}, uitest.D(time.October, 1))
	if err != nil {
		t.Fatal(err)
	}
	p, err := st.AddProject(model.Project{Name: "望京华建大厦", ClientID: c.ID, Stage: model.StageBidding}, uitest.D(time.October, 1))
	if err != nil {
		t.Fatal(err)
	}
	call, err := st.AddEntry(model.JournalEntry{ClientID: c.ID, ProjectID: p.ID, Kind: model.EntryCall,
		At: time.Date(2026, time.November, 10, 10, 30, 0, 0, time.Local), Text: "要报价单，周三前"})
	if err != nil {
		t.Fatal(err)
	}
	note, err := st.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote,
		At: time.Date(2026, time.November, 12, 9, 0, 0, 0, time.Local), Text: "王总说下个月预算批下来"})
	if err != nil {
		t.Fatal(err)
	}
	tm := uitest.Start(t, ui.New(uitest.EnvAt(st, i18n.EN, uitest.Morning), ui.Options{NoColor: true}), 80, 24)
	tm.Type("4")
	uitest.WaitScreen(t, tm, "Clients 1/1")
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "Journal · 2")
	return journalFixture{st: st, tm: tm, client: c.ID, project: p.ID, call: call, note: note}
}

func (f journalFixture) entry(t *testing.T, id model.ID) (model.JournalEntry, bool) {
	t.Helper()
	row, err := f.st.Entry(id)
	if err != nil {
		return model.JournalEntry{}, false
	}
	return row.JournalEntry, true
}

// J puts the cursor on the journal, j moves it to the call, e opens its
// form: a multi-line paste (CRLF, a tab) goes into the text whole and the
// date moves a day back; storage has both, the kind, the project and the
// time of day untouched.
func TestJournalEntryEditedOnTheCard(t *testing.T) {
	f := openJournal(t)
	tm := f.tm
	tm.Type("J")
	uitest.WaitScreen(t, tm, "› 2026-11-12  note")
	tm.Type("j")
	uitest.WaitScreen(t, tm, "› 2026-11-10  call")
	tm.Type("e")
	uitest.WaitScreen(t, tm, "Edit the call with 王总, 10 Nov")
	tm.Send(tea.PasteMsg{Content: "\r\n1. 冷冻水泵\t3台\r\n2. 控制柜"})
	tm.Send(uitest.Key("tab"))
	tm.Send(uitest.Key("ctrl+u"))
	tm.Type("2026-11-09")
	tm.Send(uitest.Key("ctrl+s"))
	want := "要报价单，周三前\n1. 冷冻水泵\t3台\n2. 控制柜"
	uitest.Eventually(t, "the entry edited", func() bool {
		e, _ := f.entry(t, f.call.ID)
		return e.Text == want && e.On() == uitest.D(time.November, 9)
	})
	e, _ := f.entry(t, f.call.ID)
	if e.Kind != model.EntryCall || e.ProjectID != f.project || e.At.Hour() != 10 || e.At.Minute() != 30 {
		t.Errorf("an edit of the text and date changed more: %+v", e)
	}
	uitest.WaitScreen(t, tm, "Saved the call with 王总, 9 Nov")
	uitest.WaitScreen(t, tm, "› 2026-11-09  call") // the cursor stays on it
	uitest.Finish(t, tm)
}

// d deletes the selected entry, and u brings it back, saying which.
func TestJournalEntryDeletedAndUndone(t *testing.T) {
	f := openJournal(t)
	tm := f.tm
	tm.Type("Jjd")
	uitest.WaitScreen(t, tm, "Deleted the call with 王总, 10 Nov (u undoes)")
	uitest.Eventually(t, "the call deleted", func() bool { _, ok := f.entry(t, f.call.ID); return !ok })
	uitest.WaitScreen(t, tm, "Journal · 1")
	if _, ok := f.entry(t, f.note.ID); !ok {
		t.Fatal("the note went with the call")
	}
	tm.Type("u")
	uitest.WaitScreen(t, tm, "Undone: deleting the call with 王总, 10 Nov")
	uitest.Eventually(t, "the call back", func() bool {
		e, ok := f.entry(t, f.call.ID)
		return ok && e.Text == f.call.Text && e.ProjectID == f.project
	})
	uitest.WaitScreen(t, tm, "Journal · 2")
	uitest.Finish(t, tm)
}

// The command line changes the note's text while its form is open here:
// the save is refused as changed elsewhere, the typed text stays in the
// form (and out of the store); saving again puts it over the new text.
func TestJournalEntryEditRefusedWhenChangedElsewhere(t *testing.T) {
	f := openJournal(t)
	tm := f.tm
	tm.Type("Je")
	uitest.WaitScreen(t, tm, "Edit the note on 王总, 12 Nov")
	// `salesplan journal edit ID --text …`, meanwhile.
	row, err := f.st.Entry(f.note.ID)
	if err != nil {
		t.Fatal(err)
	}
	cli := row.JournalEntry
	cli.Text = "预算下个月批"
	if _, err := f.st.EditEntry(row.JournalEntry, cli); err != nil {
		t.Fatal(err)
	}
	tm.Type("，约周三")
	tm.Send(uitest.Key("ctrl+s"))
	uitest.WaitScreen(t, tm, "changed elsewhere")
	uitest.WaitScreen(t, tm, "王总说下个月预算批下来，约周三") // what was typed, still in the form
	uitest.WaitScreen(t, tm, "now 预算下个月批 elsewhere")
	if e, _ := f.entry(t, f.note.ID); e.Text != "预算下个月批" {
		t.Fatalf("the refused save wrote %q", e.Text)
	}
	tm.Send(uitest.Key("ctrl+s"))
	uitest.Eventually(t, "the typed text saved over the new one", func() bool {
		e, _ := f.entry(t, f.note.ID)
		return e.Text == "王总说下个月预算批下来，约周三"
	})
	uitest.Finish(t, tm)
}
