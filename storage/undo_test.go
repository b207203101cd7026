package storage

import (
	"errors"
	"fmt"
	"maps"
	"testing"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// dump returns every record and the settings, for before/after comparison
// (the revisions and id sequences are left out: undo does not rewind them,
// an undo is a change and gives the records it puts back a new revision).
func dump(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	payload := func(v []byte) string {
		if v == nil {
			return ""
		}
		_, p, err := openEnvelope("record", v)
		if err != nil {
			t.Fatal(err)
		}
		return string(p)
	}
	err := s.view(func(tx *bolt.Tx) error {
		out["settings"] = payload(tx.Bucket(bMeta).Get(kSettings))
		for _, b := range recordBuckets {
			_ = tx.Bucket(b).ForEach(func(k, v []byte) error {
				out[fmt.Sprintf("%s/%d", b, keyID(k))] = payload(v)
				return nil
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// undoLen counts the steps in the database's undo log.
func undoLen(t *testing.T, s *Store) int {
	t.Helper()
	n := 0
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bUndo); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// forgetUndo empties the undo log.
func forgetUndo(t *testing.T, s *Store) {
	t.Helper()
	if err := s.write(clearUndo, false); err != nil {
		t.Fatal(err)
	}
}

func TestUndoManyActions(t *testing.T) {
	w := newAgendaWorld(t)
	s := w.s
	forgetUndo(t, s) // start from the world as it is
	c := w.key
	type action struct {
		code  string
		do    func() error
		setup func() error // an add_task the action needs first
	}
	var setupTask model.Task
	var actions []action
	for i := range 5 {
		actions = append(actions,
			action{ActCompleteTask, func() error {
				_, err := s.CompleteTask(setupTask.ID, d("2026-11-27"), at("2026-11-27", 10), "ok")
				return err
			}, func() (err error) {
				setupTask, err = s.AddTask(model.Task{Title: fmt.Sprintf("call %d", i), Kind: model.TaskCall, ClientID: c.ID, Date: d("2026-11-27"), Repeat: "weekly"})
				return err
			}},
			action{ActEditTask, func() error {
				t, _ := s.Task(w.today.ID)
				t.Title, t.Important = fmt.Sprintf("edited %d", i), !t.Important
				return s.UpdateTask(t)
			}, nil},
			action{ActMoveTask, func() error {
				t, _ := s.Task(w.carried.ID)
				t.Date = t.Date.AddDays(1)
				return s.UpdateTask(t)
			}, nil},
			action{ActDeleteTask, func() error { return s.DeleteTask(setupTask.ID) }, func() (err error) {
				setupTask, err = s.AddTask(model.Task{Title: "to delete", Date: d("2026-11-27"), ClientID: c.ID, Kind: model.TaskVisit})
				return err
			}},
			action{ActSettings, func() error {
				return s.UpdateSettings(func(st *model.Settings) error { st.KeyCadenceDays += 1; return nil })
			}, nil},
		)
	}
	actions = append(actions,
		action{ActKeepPromise, func() error { _, err := s.KeepPromise(w.soon.ID, d("2026-11-27")); return err }, nil},
		action{ActSetStage, func() error {
			_, err := s.SetStage(w.project.ID, model.StageLost, d("2026-11-27"), []model.Task{{Title: "debrief", Date: d("2026-11-28")}}, "too expensive")
			return err
		}, nil},
		action{ActArchiveClient, func() error { c2 := w.sched; c2.Archived = true; return s.UpdateClient(c2) }, nil},
		action{ActAddEntry, func() error {
			_, err := s.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryVisit, At: at("2026-11-27", 15)})
			return err
		}, nil},
	)
	// A setup is an action of its own (an add), undone in turn.
	var flat []action
	for _, a := range actions {
		if a.setup != nil {
			flat = append(flat, action{ActAddTask, a.setup, nil})
		}
		flat = append(flat, a)
	}
	actions = flat
	var before []map[string]string
	for i, a := range actions {
		before = append(before, dump(t, s))
		if err := a.do(); err != nil {
			t.Fatalf("action %d %s: %v", i, a.code, err)
		}
	}
	if len(actions) < 20 {
		t.Fatalf("only %d actions", len(actions))
	}
	for i := len(actions) - 1; i >= 0; i-- {
		code, err := s.Undo()
		if err != nil {
			t.Fatalf("undo %d (%s): %v", i, actions[i].code, err)
		}
		if code != actions[i].code {
			t.Errorf("undo %d returned %q, want %q", i, code, actions[i].code)
		}
		if got := dump(t, s); !maps.Equal(got, before[i]) {
			for k, v := range got {
				if before[i][k] != v {
					t.Errorf("%s: now %s\nbefore %s", k, v, before[i][k])
				}
			}
			for k := range before[i] {
				if _, ok := got[k]; !ok {
					t.Errorf("%s: missing", k)
				}
			}
			t.Fatalf("after undoing %s (%d) the records differ from before it", code, i)
		}
		assertNoDrift(t, s)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo past the stack = %v", err)
	}
}

func TestUndoDepthIsBounded(t *testing.T) {
	s := newStore(t)
	for i := range undoDepth + 5 {
		mustTask(t, s, model.Task{Title: fmt.Sprint(i)})
	}
	n := 0
	for {
		if _, err := s.Undo(); err != nil {
			break
		}
		n++
	}
	if n != undoDepth {
		t.Errorf("undid %d, want %d", n, undoDepth)
	}
}

// unloggedWrite changes a task outside the undo log, as a write the log
// cannot explain (an older tool, a repair by hand) would.
func unloggedWrite(t *testing.T, s *Store, task model.Task) {
	t.Helper()
	if err := s.update(func(tx *bolt.Tx) error { return putTask(tx, &task) }); err != nil {
		t.Fatal(err)
	}
}

func TestUndoRefusesRecordsChangedElsewhere(t *testing.T) {
	s := newStore(t)
	task := mustTask(t, s, model.Task{Title: "a", Date: d("2026-11-27")})
	task.Title = "b"
	if err := s.UpdateTask(task); err != nil {
		t.Fatal(err)
	}
	task, _ = s.Task(task.ID)
	task.Title = "c"
	unloggedWrite(t, s, task)
	if _, err := s.Undo(); !errors.Is(err, ErrChanged) || problemCode(err) != "undo_changed" {
		t.Fatalf("Undo = %v, want ErrChanged", err)
	}
	if got, _ := s.Task(task.ID); got.Title != "c" {
		t.Errorf("the other change was overwritten: %q", got.Title)
	}
	// The refused step is dropped; the one below it (the add) still undoes
	// only if its record is as it left it — it is not, so it is refused too.
	if _, err := s.Undo(); !errors.Is(err, ErrChanged) {
		t.Errorf("second Undo = %v", err)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("third Undo = %v", err)
	}
}

// The log is in the database: what one process did, another undoes, the
// latest first, and each says what it undid.
func TestUndoIsShared(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	other, err := Open(s.Path(), Options{}) // the command line, say
	if err != nil {
		t.Fatal(err)
	}
	task := mustTask(t, other, model.Task{Title: "call", Kind: model.TaskCall, ClientID: c.ID, Date: d("2026-11-27")})
	if _, err := other.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: at("2026-12-02", 10), Text: "price"}); err != nil {
		t.Fatal(err)
	}
	u, err := s.UndoLast()
	want := Undone{Action: ActAddEntry, Kind: "entry", What: "call", Client: "王总", On: d("2026-12-02")}
	if err != nil || u != want {
		t.Fatalf("UndoLast = %+v, %v; want %+v", u, err, want)
	}
	u, err = other.UndoLast()
	if want := (Undone{Action: ActAddTask, Kind: "task", What: "call", Client: "王总", On: d("2026-11-27")}); err != nil || u != want {
		t.Fatalf("UndoLast = %+v, %v; want %+v", u, err, want)
	}
	if _, err := s.Task(task.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("undone task still there: %v", err)
	}
	if code, err := s.Undo(); err != nil || code != ActAddClient {
		t.Fatalf("Undo = %q, %v", code, err)
	}
	if _, err := s.Client(c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("undone client still there: %v", err)
	}
}

// Undoing "add client" after a write the log does not know about could
// leave a record pointing nowhere: refused.
func TestUndoAddClientAfterForeignWrite(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	unloggedWrite(t, s, model.Task{Title: "call", Kind: model.TaskCall, ClientID: c.ID, Date: d("2026-11-27")})
	if _, err := s.Undo(); !errors.Is(err, ErrChanged) {
		t.Fatalf("Undo = %v, want ErrChanged", err)
	}
	if _, err := s.Client(c.ID); err != nil {
		t.Errorf("the client was removed: %v", err)
	}
	// Without a foreign write in between, undoing an add removes it.
	c2 := mustClient(t, s, "李总", model.TierKey, d("2026-11-01"))
	if code, err := s.Undo(); err != nil || code != ActAddClient {
		t.Fatalf("Undo = %q, %v", code, err)
	}
	if _, err := s.Client(c2.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("undone client still there: %v", err)
	}
}

// An action that changes only a task's important flag (the ! key, or an
// edit of that flag alone) is recorded as setting or taking off the flag,
// so its undo names it; an edit of more than the flag stays an edit.
func TestUndoNamesTheImportantFlag(t *testing.T) {
	s := newStore(t)
	task := mustTask(t, s, model.Task{Title: "Call 王总", Date: d("2026-11-27")})
	undo := func(what string, want string) {
		t.Helper()
		u, err := s.UndoLast()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if u.Action != want || u.What != "Call 王总" {
			t.Errorf("%s: undone %q on %q, want %q", what, u.Action, u.What, want)
		}
	}
	if _, err := s.MarkImportant(task.ID, true); err != nil {
		t.Fatal(err)
	}
	undo("! on", ActMarkImportant)
	if _, err := s.MarkImportant(task.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkImportant(task.ID, false); err != nil {
		t.Fatal(err)
	}
	undo("! off", ActUnmarkImportant)

	seen, _ := s.Task(task.ID) // important again: the undo put it back
	flag := seen
	flag.Important = false
	if _, err := s.EditTask(seen, flag); err != nil {
		t.Fatal(err)
	}
	undo("task edit --important=false", ActUnmarkImportant)

	seen, _ = s.Task(task.ID)
	both := seen
	both.Important, both.Repeat = !seen.Important, "weekly"
	if _, err := s.EditTask(seen, both); err != nil {
		t.Fatal(err)
	}
	undo("an edit of the flag and more", ActEditTask)
}

// TestUndoNamesTheTaskPutBack: Undone.Task is the task an undo put back
// (completed, deleted, moved), for the planner to select; none when the
// undo removed the task it had added.
func TestUndoNamesTheTaskPutBack(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	a := mustTask(t, s, model.Task{Title: "call", Kind: model.TaskCall, ClientID: c.ID, Date: d("2026-11-27")})
	b := mustTask(t, s, model.Task{Title: "todo", Date: d("2026-11-27")})
	if _, err := s.CompleteTask(a.ID, d("2026-11-27"), at("2026-11-27", 10), "ok"); err != nil {
		t.Fatal(err)
	}
	if u, err := s.UndoLast(); err != nil || u.Task != a.ID {
		t.Errorf("undo of completing #%d: Task %d, %v", a.ID, u.Task, err)
	}
	if err := s.DeleteTask(b.ID); err != nil {
		t.Fatal(err)
	}
	if u, err := s.UndoLast(); err != nil || u.Task != b.ID {
		t.Errorf("undo of deleting #%d: Task %d, %v", b.ID, u.Task, err)
	}
	added := mustTask(t, s, model.Task{Title: "new", Date: d("2026-11-27")})
	if u, err := s.UndoLast(); err != nil || u.Task != 0 {
		t.Errorf("undo of adding #%d: Task %d, %v; want none", added.ID, u.Task, err)
	}
}
