package storage

import (
	"errors"
	"testing"

	"salesplan/model"
)

// The planner's rep's-workday writes (issue 15): each is one transaction
// and one undo step that puts every record back.

func TestBookVisitRecordsTheCall(t *testing.T) {
	s := newStore(t)
	c, err := s.AddClient(model.Client{Name: "王总"}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	visit := model.Task{Title: "拜访王总", Date: d("2026-12-01"), Kind: model.TaskVisit, Slot: model.SlotAfternoon, ClientID: c.ID}
	call := model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: at("2026-11-27", 10), Text: "约好 12-01 拜访"}
	got, err := s.BookVisit(visit, call)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == 0 || got.Date != d("2026-12-01") {
		t.Fatalf("visit = %+v", got)
	}
	rows, err := s.JournalOn(d("2026-11-27"), c.ID)
	if err != nil || len(rows) != 1 || rows[0].Kind != model.EntryCall {
		t.Fatalf("the call that booked it: %+v, %v", rows, err)
	}
	a, _ := s.Today(d("2026-11-27"))
	if a.Calls.Done != 1 {
		t.Errorf("calls today = %d, want 1", a.Calls.Done)
	}
	u, err := s.UndoLast()
	if err != nil || u.Action != ActBookVisit || u.Client != "王总" || u.On != d("2026-12-01") {
		t.Fatalf("undo = %+v, %v", u, err)
	}
	if rows, _ := s.JournalOn(d("2026-11-27"), c.ID); len(rows) != 0 {
		t.Errorf("undo left the call: %+v", rows)
	}
	if _, err := s.Task(got.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("undo left the visit: %v", err)
	}
	// A booking is a visit and a call with one client; anything else is refused whole.
	other, _ := s.AddClient(model.Client{Name: "李经理"}, d("2026-11-27"))
	call.ClientID = other.ID
	if _, err := s.BookVisit(visit, call); err == nil {
		t.Error("a call with another client booked the visit")
	}
	if rows, _ := s.JournalOn(d("2026-11-27"), 0); len(rows) != 0 {
		t.Errorf("a refused booking wrote %+v", rows)
	}
}

func TestMoveTasksIsOneUndoStep(t *testing.T) {
	s := newStore(t)
	var ids []model.ID
	for i := range 25 {
		tk, err := s.AddTask(model.Task{Title: "old " + string(rune('a'+i)), Date: d("2026-11-01").AddDays(i % 5), Kind: model.TaskTodo})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, tk.ID)
	}
	// One is done elsewhere meanwhile: it stays on its day.
	if _, err := s.CompleteTask(ids[3], d("2026-11-20"), at("2026-11-20", 9), ""); err != nil {
		t.Fatal(err)
	}
	n, err := s.MoveTasks(ids, d("2026-12-01"))
	if err != nil || n != 24 {
		t.Fatalf("MoveTasks = %d, %v; want 24", n, err)
	}
	on, _ := s.TasksOn(d("2026-12-01"))
	if len(on) != 24 {
		t.Fatalf("%d tasks on 12-01, want 24", len(on))
	}
	u, err := s.UndoLast()
	if err != nil || u.Action != ActMoveTasks || u.What != "24" || u.On != d("2026-12-01") {
		t.Fatalf("undo = %+v, %v", u, err)
	}
	for i, id := range ids {
		tk, _ := s.Task(id)
		if tk.Date != d("2026-11-01").AddDays(i%5) {
			t.Errorf("task %d is on %v after undo, want %v", id, tk.Date, d("2026-11-01").AddDays(i%5))
		}
	}
	// A missing task refuses the whole move.
	if _, err := s.MoveTasks([]model.ID{ids[0], 9999}, d("2026-12-02")); err == nil {
		t.Error("moving a missing task was not refused")
	}
	if tk, _ := s.Task(ids[0]); tk.Date != d("2026-11-01") {
		t.Errorf("a refused move moved task %d to %v", ids[0], tk.Date)
	}
	if _, err := s.MoveTasks(ids, model.NoDate); err == nil {
		t.Error("a move without a day was not refused")
	}
}

func TestAddTaskWithClient(t *testing.T) {
	s := newStore(t)
	c, tk, err := s.AddTaskWithClient(model.Client{Name: "老周", Tier: model.TierRegular},
		model.Task{Title: "给老周打电话", Date: d("2026-11-28"), Kind: model.TaskCall}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || tk.ClientID != c.ID || c.CreatedOn != d("2026-11-27") {
		t.Fatalf("client %+v, task %+v", c, tk)
	}
	u, err := s.UndoLast()
	if err != nil || u.Action != ActAddWithNew || u.What != "老周" {
		t.Fatalf("undo = %+v, %v", u, err)
	}
	if _, err := s.FindClient("老周"); err == nil {
		t.Error("undo left the client")
	}
	if _, err := s.Task(tk.ID); err == nil {
		t.Error("undo left the task")
	}
	// A name taken refuses both.
	if _, err := s.AddClient(model.Client{Name: "王总"}, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddTaskWithClient(model.Client{Name: "王总"}, model.Task{Title: "x", Kind: model.TaskTodo}, d("2026-11-27")); err == nil {
		t.Error("a second 王总 was created")
	}
	if on, _ := s.TasksOn(model.NoDate); len(on) != 0 {
		t.Errorf("a refused add left %+v", on)
	}
}

func TestKeepPromiseSeen(t *testing.T) {
	s := newStore(t)
	c, _ := s.AddClient(model.Client{Name: "王总"}, d("2026-11-01"))
	p, err := s.AddPromise(model.Promise{ClientID: c.ID, Text: "送样品", MadeOn: d("2026-11-01"), Due: d("2026-11-20")}, d("2026-11-01"))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Today(d("2026-11-27"))
	if len(a.Attention) == 0 || a.Attention[0].PromiseRev != p.Rev || p.Rev == 0 {
		t.Fatalf("the attention item does not carry the promise's revision: %+v (rev %d)", a.Attention, p.Rev)
	}
	// Edited elsewhere after it was shown: refused, the fresh promise carried.
	edited := p
	edited.Text = "送样品和报价"
	if _, err := s.EditPromise(p, edited); err != nil {
		t.Fatal(err)
	}
	_, err = s.KeepPromiseSeen(p.ID, p.Rev, d("2026-11-27"))
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.Fresh.(model.Promise).Text != "送样品和报价" {
		t.Fatalf("keeping a promise changed since = %v", err)
	}
	fresh, _ := s.Today(d("2026-11-27"))
	kept, err := s.KeepPromiseSeen(p.ID, fresh.Attention[0].PromiseRev, d("2026-11-27"))
	if err != nil || kept.Status != model.PromiseKept || kept.KeptOn != d("2026-11-27") {
		t.Fatalf("keep = %+v, %v", kept, err)
	}
	u, err := s.UndoLast()
	if err != nil || u.Action != ActKeepPromise || u.What != "送样品和报价" {
		t.Fatalf("undo = %+v, %v", u, err)
	}
}

func TestClientPhones(t *testing.T) {
	s := newStore(t)
	a, _ := s.AddClient(model.Client{Name: "王总", Phone: "138 0000 0001"}, d("2026-11-01"))
	b, _ := s.AddClient(model.Client{Name: "李经理"}, d("2026-11-01"))
	got, err := s.ClientPhones([]model.ID{a.ID, b.ID, a.ID, 0, 999})
	if err != nil {
		t.Fatal(err)
	}
	if got[a.ID] != "138 0000 0001" || got[b.ID] != "" || len(got) != 2 {
		t.Errorf("phones = %v", got)
	}
}
