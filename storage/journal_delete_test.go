package storage

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"salesplan/model"
)

func fileBytes(t *testing.T, s *Store) []byte {
	t.Helper()
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func lastContactOf(t *testing.T, s *Store, client model.ID) model.Date {
	t.Helper()
	det, err := s.ClientDetail(client, d("2026-11-27"), 0)
	if err != nil {
		t.Fatal(err)
	}
	return det.Row.LastContact
}

// Deleting an entry takes it out of the record, every index (newStore's
// cleanup compares them with a rebuild) and search, and the client's clock
// goes back to the contact before; undo puts it all back and says what it
// undid by name.
func TestDeleteEntry(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	p, err := s.AddProject(model.Project{Name: "万达广场", ClientID: c.ID, Stage: model.StageDesign}, d("2026-11-01"))
	if err != nil {
		t.Fatal(err)
	}
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryVisit, At: at("2026-11-20", 15), Text: "first visit"})
	call := mustEntry(t, s, model.JournalEntry{ClientID: c.ID, ProjectID: p.ID, Kind: model.EntryCall,
		At: at("2026-11-26", 10), Text: "王总女儿明年高考，别约周末"})
	if got := lastContactOf(t, s, c.ID); got != d("2026-11-26") {
		t.Fatalf("last contact before = %s", got)
	}

	row, err := s.DeleteEntry(call.ID)
	if err != nil {
		t.Fatal(err)
	}
	if row.ID != call.ID || row.Client != "王总" || row.Project != "万达广场" || row.Text != call.Text {
		t.Errorf("DeleteEntry returned %+v", row)
	}
	if _, err := s.Entry(call.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Entry after delete: %v, want ErrNotFound", err)
	}
	if got := lastContactOf(t, s, c.ID); got != d("2026-11-20") {
		t.Errorf("last contact after delete = %s, want the visit's 2026-11-20", got)
	}
	if res := mustSearch(t, s, "高考", "", 0); len(res.Hits) != 0 {
		t.Errorf("the deleted note is still found: %v", hitIDs(res.Hits))
	}
	if es, err := s.ProjectJournal(p.ID, 0); err != nil || len(es) != 0 {
		t.Errorf("project journal after delete: %v %v", es, err)
	}

	u, err := s.UndoLast()
	if err != nil {
		t.Fatal(err)
	}
	if u.Action != ActDeleteEntry || u.What != "call" || u.Client != "王总" || u.On != d("2026-11-26") {
		t.Errorf("undo said %+v", u)
	}
	back, err := s.Entry(call.ID)
	if err != nil || back.Text != call.Text || back.ProjectID != p.ID {
		t.Fatalf("entry after undo: %+v %v", back, err)
	}
	if got := lastContactOf(t, s, c.ID); got != d("2026-11-26") {
		t.Errorf("last contact after undo = %s", got)
	}
	if res := mustSearch(t, s, "高考", "", 0); len(res.Hits) != 1 {
		t.Errorf("the restored note is not found: %v", hitIDs(res.Hits))
	}
}

// A prospect call (no client) is deleted from the day's record too.
func TestDeleteProspectCall(t *testing.T) {
	s := newStore(t)
	e := mustEntry(t, s, model.JournalEntry{Kind: model.EntryCall, At: at("2026-11-27", 9), Text: "张工 from the tender site"})
	if _, err := s.DeleteEntry(e.ID); err != nil {
		t.Fatal(err)
	}
	rows, err := s.JournalOn(d("2026-11-27"), 0)
	if err != nil || len(rows) != 0 {
		t.Errorf("the day after delete: %+v %v", rows, err)
	}
	u, err := s.UndoLast()
	if err != nil || u.Action != ActDeleteEntry || u.Client != "" {
		t.Errorf("undo: %+v %v", u, err)
	}
}

// An unknown id is ErrNotFound and writes nothing at all.
func TestDeleteEntryUnknown(t *testing.T) {
	s := newStore(t)
	mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	before := fileBytes(t, s)
	if _, err := s.DeleteEntry(42); !errors.Is(err, ErrNotFound) || problemCode(err) != "unknown_entry_id" {
		t.Errorf("DeleteEntry(42) = %v", err)
	}
	if !bytes.Equal(before, fileBytes(t, s)) {
		t.Error("the refused delete changed the file")
	}
}

// Deleting the contact a task's completion recorded leaves the task done;
// deleting a done task leaves its contact in the journal, no longer
// linked, so the export imports again; undo links them again.
func TestTaskAndItsContact(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	task := mustTask(t, s, model.Task{Title: "call 王总", Kind: model.TaskCall, ClientID: c.ID, Date: d("2026-11-26")})
	res, err := s.CompleteTask(task.ID, d("2026-11-26"), at("2026-11-26", 10), "wants a quote")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteEntry(res.Entry.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Task(task.ID); err != nil || !got.Done || got.DoneOn != d("2026-11-26") {
		t.Errorf("the task after its contact was deleted: %+v %v", got, err)
	}
	if _, err := s.UndoLast(); err != nil {
		t.Fatal(err)
	}

	// The entry's date edited since: still found and unlinked.
	seen, err := s.Entry(res.Entry.ID)
	if err != nil {
		t.Fatal(err)
	}
	edited := seen.JournalEntry
	edited.At = at("2026-11-25", 10)
	if _, err := s.EditEntry(seen.JournalEntry, edited); err != nil {
		t.Fatal(err)
	}
	other := mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: at("2026-11-26", 16), Text: "another call"})
	if err := s.DeleteTask(task.ID); err != nil {
		t.Fatal(err)
	}
	kept, err := s.Entry(res.Entry.ID)
	if err != nil || kept.TaskID != 0 || kept.Text != "wants a quote" {
		t.Errorf("the contact after its task was deleted: %+v %v", kept, err)
	}
	if o, _ := s.Entry(other.ID); o.TaskID != 0 || o.Rev != other.Rev {
		t.Errorf("an unlinked entry was touched: %+v", o)
	}
	var doc bytes.Buffer
	if err := s.ExportJSON(&doc); err != nil {
		t.Fatal(err)
	}
	fresh := newStore(t)
	if err := fresh.ImportJSON(bytes.NewReader(doc.Bytes()), false); err != nil {
		t.Errorf("the export after the delete does not import: %v", err)
	}

	u, err := s.UndoLast()
	if err != nil || u.Action != ActDeleteTask || u.What != "call 王总" {
		t.Fatalf("undo: %+v %v", u, err)
	}
	if e, _ := s.Entry(res.Entry.ID); e.TaskID != task.ID {
		t.Errorf("undo did not link the contact again: %+v", e)
	}
}
