package storage

// Tasks: validation, the record, its index entries (task_date, task_open,
// task_client), repeat generation, the task operations and the day's list.

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

func taskKindByte(k model.TaskKind) byte {
	switch k {
	case model.TaskCall:
		return 'c'
	case model.TaskVisit:
		return 'v'
	case model.TaskMeeting:
		return 'm'
	}
	return 't'
}

// validateTask normalises and checks a task (model.Task.Validate) and
// that its client and project exist.
func validateTask(tx *bolt.Tx, t *model.Task) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return checkRefs(tx, t.ClientID, t.ProjectID)
}

func getTask(tx *bolt.Tx, id model.ID) (t model.Task, err error) {
	err = getRecord(tx, bTasks, "task", id, &t)
	return t, err
}

// Task index values: task_open [kind][client id 8][flags] (flags: 1 =
// important; schema 4, so that today's list can pick the carried-over
// tasks it shows first without decoding them all); task_client [kind];
// task_done [date 4][important 1] (a day's record finds the important
// tasks done after it without decoding every task done since).
func taskIndex(tx *bolt.Tx, t *model.Task, add bool) error {
	id, d := idKey(t.ID), dateBytes(t.Date)
	ops := []ixOp{{ixTaskDate, cat(d, id), empty}}
	if t.Done && t.DoneOn.Valid() {
		ops = append(ops, ixOp{ixTaskDone, cat(dateBytes(t.DoneOn), id), doneValue(t)})
	}
	if !t.Done {
		ops = append(ops, ixOp{ixTaskOpen, cat(d, id), taskOpenValue(t)})
		if t.ClientID != 0 {
			ops = append(ops, ixOp{ixTaskClient, cat(idKey(t.ClientID), d, id), []byte{taskKindByte(t.Kind)}})
		}
	}
	return apply(tx, ops, add)
}

// doneValue is a task_done entry's value: the task's date and whether it
// is important.
func doneValue(t *model.Task) []byte {
	var imp byte
	if t.Important {
		imp = 1
	}
	return cat(dateBytes(t.Date), []byte{imp})
}

// reindexTaskDone rebuilds task_done from the task records (index
// version 3 added its value).
func reindexTaskDone(tx *bolt.Tx) error {
	idx := tx.Bucket(bIndex)
	if idx.Bucket(ixTaskDone) != nil {
		if err := idx.DeleteBucket(ixTaskDone); err != nil {
			return fmt.Errorf("drop index %s: %w", ixTaskDone, err)
		}
	}
	b, err := idx.CreateBucket(ixTaskDone)
	if err != nil {
		return fmt.Errorf("create index %s: %w", ixTaskDone, err)
	}
	// Put in key order: bbolt inserting 100k keys at random places in one
	// transaction moves memory for each (seconds); in order it appends.
	type entry struct{ k, v []byte }
	var entries []entry
	err = rb(tx, bTasks).ForEach(func(k, v []byte) error {
		var t model.Task
		if err := decodeRecord(fmt.Sprintf("task %d", keyID(k)), v, &t); err != nil {
			return err
		}
		if t.Done && t.DoneOn.Valid() {
			entries = append(entries, entry{cat(dateBytes(t.DoneOn), idKey(t.ID)), doneValue(&t)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.k, b.k) })
	b.FillPercent = 1 // appended in order: full pages
	for _, e := range entries {
		if err := b.Put(e.k, e.v); err != nil {
			return fmt.Errorf("index %s: %w", ixTaskDone, err)
		}
	}
	return nil
}

// taskOpenValue is a task's task_open value.
func taskOpenValue(t *model.Task) []byte {
	flags := byte(0)
	if t.Important {
		flags |= taskOpenImportant
	}
	return cat([]byte{taskKindByte(t.Kind)}, idKey(t.ClientID), []byte{flags})
}

// taskOpenImportant is the important bit of a task_open value's flags.
const taskOpenImportant = 1

// taskSearch is what search finds a task by: its title; its date is the
// task's (none for the inbox).
func taskSearch(t *model.Task) *searchDoc {
	return &searchDoc{kind: skTask, id: t.ID, date: t.Date, fields: []searchField{{"title", t.Title}}}
}

// putTask stores t (assigning an id when 0) and its index entries.
func putTask(tx *bolt.Tx, t *model.Task) error {
	prev, err := putRaw(rb(tx, bTasks), &t.ID, t)
	if err != nil {
		return fmt.Errorf("store task %d: %w", t.ID, err)
	}
	var oldSearch *searchDoc
	if prev != nil {
		var old model.Task
		if err := decodeRecordOf("task", t.ID, prev, &old); err != nil {
			return err
		}
		if err := taskIndex(tx, &old, false); err != nil {
			return err
		}
		oldSearch = taskSearch(&old)
	}
	if err := taskIndex(tx, t, true); err != nil {
		return err
	}
	return searchReplace(tx, oldSearch, taskSearch(t))
}

// deleteTask removes a task and its index entries.
func deleteTask(tx *bolt.Tx, id model.ID) error {
	t, err := getTask(tx, id)
	if err != nil {
		return err
	}
	if err := taskIndex(tx, &t, false); err != nil {
		return err
	}
	if err := searchReplace(tx, taskSearch(&t), nil); err != nil {
		return err
	}
	return rb(tx, bTasks).Delete(idKey(id))
}

// reindexTasks rebuilds every task's index entries (for reindex).
func reindexTasks(tx *bolt.Tx) error {
	return rb(tx, bTasks).ForEach(func(k, v []byte) error {
		var t model.Task
		if err := decodeRecordOf("task", keyID(k), v, &t); err != nil {
			return err
		}
		return taskIndex(tx, &t, true)
	})
}

// nextOccurrence is the date of a repeating task's next occurrence, or
// NoDate when the repeat has ended (its next date would pass the end of
// the date range, model.MaxDate).
func nextOccurrence(r model.Repeat, anchor, after model.Date, wd model.Workdays) (model.Date, error) {
	if _, err := model.ParseRepeat(string(r)); err != nil {
		return model.NoDate, model.ProblemOf(err).In("repeat")
	}
	return r.Next(anchor, after, wd), nil
}

// AddTask validates and stores a task (title required; slot derived from time).
func (s *Store) AddTask(t model.Task) (model.Task, error) {
	t.ID = 0
	err := s.act(ActAddTask, func(r *recorder) error {
		if err := validateTask(r.tx, &t); err != nil {
			return err
		}
		return r.putTask(&t)
	})
	return t, err
}

// UpdateTask replaces a task's fields, if the task is still the one t was
// read as (same revision): a whole-record save from an older copy would
// undo what was changed since, so it is refused with a *ConflictError
// instead. Editors that know what they changed use EditTask, which merges.
// An edit that changes only the date, time or slot is undone as a move.
func (s *Store) UpdateTask(t model.Task) error {
	return s.act(ActEditTask, func(r *recorder) error { return updateTask(r, t) })
}

// updateTask is UpdateTask inside the caller's action (sync applies a
// move from the phone with it).
func updateTask(r *recorder, t model.Task) error {
	old, err := getTask(r.tx, t.ID)
	if err != nil {
		return err
	}
	if old.Rev != t.Rev {
		return conflict("task", t.ID, nil, old)
	}
	r.action = editAction(old, t)
	if err := validateTask(r.tx, &t); err != nil {
		return err
	}
	return r.putTask(&t)
}

// EditTask applies an edit to the task as stored now, in one transaction:
// the fields edited changes from seen (the task as the editor read it) are
// set, every other field keeps its stored value — so a completion, a move
// or a flag set elsewhere meanwhile survives. A field changed both here and
// elsewhere refuses the edit with a *ConflictError carrying the stored
// task. It returns the task as stored after the edit. An edit that changes
// only the date, time or slot is undone as a move.
func (s *Store) EditTask(seen, edited model.Task) (model.Task, error) {
	var out model.Task
	edited.ID = seen.ID
	err := s.act(ActEditTask, func(r *recorder) error {
		stored, err := getTask(r.tx, seen.ID)
		if err != nil {
			return err
		}
		merged, conflicts, changed, err := mergeEdit(seen, edited, stored)
		if err != nil {
			return err
		}
		if len(conflicts) > 0 {
			return conflict("task", seen.ID, conflicts, stored)
		}
		out = stored
		if !changed {
			return nil
		}
		merged.ID = seen.ID
		r.action = editAction(stored, merged)
		if err := validateTask(r.tx, &merged); err != nil {
			return err
		}
		if err := r.putTask(&merged); err != nil {
			return err
		}
		out = merged
		return nil
	})
	return out, err
}

// MarkImportant sets a task's important flag (the `!` key) on the task as
// stored, leaving every other field as it is now. Its undo names the flag
// (ActMarkImportant, ActUnmarkImportant).
func (s *Store) MarkImportant(id model.ID, important bool) (model.Task, error) {
	var t model.Task
	action := ActUnmarkImportant
	if important {
		action = ActMarkImportant
	}
	err := s.act(action, func(r *recorder) error {
		var err error
		if t, err = getTask(r.tx, id); err != nil {
			return err
		}
		if t.Important == important {
			return nil
		}
		t.Important = important
		return r.putTask(&t)
	})
	return t, err
}

// PostponeTask moves a task to the day after the later of its stored date
// and shown (the day the planner shows), for the `>` key: a task the
// command line has moved further meanwhile goes one day past that.
func (s *Store) PostponeTask(id model.ID, shown model.Date) (model.Task, error) {
	var t model.Task
	err := s.act(ActMoveTask, func(r *recorder) error {
		var err error
		if t, err = getTask(r.tx, id); err != nil {
			return err
		}
		t.Date = max(t.Date, shown).AddDays(1)
		if err := validateTask(r.tx, &t); err != nil {
			return err
		}
		return r.putTask(&t)
	})
	return t, err
}

// editAction is the undo code of an edit from old to t: a move when only
// the date or time changed, the important flag when only it did, else an
// edit.
func editAction(old, t model.Task) string {
	switch {
	case onlyMoved(old, t):
		return ActMoveTask
	case old.Important != t.Important:
		flag := old
		flag.Important, flag.Rev = t.Important, t.Rev
		if flag == t {
			if t.Important {
				return ActMarkImportant
			}
			return ActUnmarkImportant
		}
	}
	return ActEditTask
}

// onlyMoved tells an edit that changed nothing but the date or time (the
// undo says "move") from any other edit.
func onlyMoved(old, t model.Task) bool {
	moved := old
	moved.Date, moved.Time, moved.Slot = t.Date, t.Time, t.Slot
	return moved.Title == t.Title && moved.Kind == t.Kind && moved.ClientID == t.ClientID &&
		moved.ProjectID == t.ProjectID && moved.Important == t.Important && moved.Done == t.Done &&
		moved.DoneOn == t.DoneOn && moved.Repeat == t.Repeat && (old.Date != t.Date || old.Time != t.Time)
}

// Task returns one task.
func (s *Store) Task(id model.ID) (t model.Task, err error) {
	err = s.view(func(tx *bolt.Tx) error { t, err = getTask(tx, id); return err })
	return t, err
}

// DeleteTask removes a task (undoable with Undo). A contact its completion
// recorded stays in the journal, unlinked (task_id 0) in the same
// transaction: the call happened whether or not the task is kept, and an
// entry must never name a task that is gone (an export would not import).
func (s *Store) DeleteTask(id model.ID) error {
	return s.act(ActDeleteTask, func(r *recorder) error {
		t, err := getTask(r.tx, id)
		if err != nil {
			return err
		}
		linked, err := entriesOfTask(r.tx, t)
		if err != nil {
			return err
		}
		// The task first: the undo step is named after its first record.
		if err := r.deleteTask(id); err != nil {
			return err
		}
		for i := range linked {
			linked[i].TaskID = 0
			if err := r.putEntry(&linked[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// entriesOfTask finds the journal entries linked to t (task_id). There is
// no index by task: completing a task links an entry of its client on the
// day it was done, so the client's timeline and that day's entries hold
// every link (also after the entry's date or the task's client was
// edited, unless both were). It decodes one client's entries and one
// day's, never the whole journal.
func entriesOfTask(tx *bolt.Tx, t model.Task) ([]model.JournalEntry, error) {
	seen := map[model.ID]bool{}
	var out []model.JournalEntry
	consider := func(id model.ID) error {
		if seen[id] {
			return nil
		}
		seen[id] = true
		e, err := getEntry(tx, id)
		if err != nil {
			return err
		}
		if e.TaskID == t.ID {
			out = append(out, e)
		}
		return nil
	}
	if t.ClientID != 0 {
		err := seekRange(ix(tx, ixJournalClient), idKey(t.ClientID), idKey(t.ClientID+1), func(k, _ []byte) error {
			if len(k) != 24 {
				return model.Errf("corrupt_index", "a journal client index entry is damaged; run salesplan check")
			}
			return consider(keyID(k[16:]))
		})
		if err != nil {
			return nil, err
		}
	}
	if t.DoneOn.Valid() {
		err := seekRange(ix(tx, ixJournalDate), dateBytes(t.DoneOn), dateBytes(t.DoneOn+1), func(k, _ []byte) error {
			if len(k) != 20 {
				return model.Errf("corrupt_index", "a journal date index entry is damaged; run salesplan check")
			}
			return consider(keyID(k[12:]))
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CompleteTask marks a task done on the given date, creates the next
// occurrence of a repeating task and records the contact (with the outcome
// note as its text, else the task's title) for a call, visit or meeting
// with a client. on 0 = the date of at; at zero = now. One transaction.
func (s *Store) CompleteTask(id model.ID, on model.Date, at time.Time, outcome string) (CompleteResult, error) {
	if at.IsZero() {
		at = time.Now()
	}
	if !on.Valid() {
		on = model.DateOf(at)
	}
	if model.DateOf(at) != on {
		// The entry belongs to the day the task was done (--today moves it).
		y, m, d := on.YMD()
		at = time.Date(y, m, d, at.Hour(), at.Minute(), at.Second(), 0, at.Location())
	}
	var res CompleteResult
	err := s.act(ActCompleteTask, func(r *recorder) error {
		t, err := getTask(r.tx, id)
		if err != nil {
			return err
		}
		if t.Done {
			return model.Errf("task_done", "task %d is already done", id)
		}
		if strings.TrimSpace(outcome) != "" && t.ClientID == 0 {
			// Nowhere to keep it: refused rather than dropped.
			return model.Errf("outcome_no_client", "task %d has no client, so its outcome has nowhere to go (log call --prospect TEXT records a call with someone not yet a client; note CLIENT TEXT a note)", id)
		}
		t.Done, t.DoneOn = true, on
		if err := r.putTask(&t); err != nil {
			return err
		}
		res.Task = t
		if t.Repeat != "" {
			st, err := readSettings(r.tx)
			if err != nil {
				return err
			}
			anchor := t.Date
			if !anchor.Valid() {
				anchor = on
			}
			nd, err := nextOccurrence(t.Repeat, anchor, max(anchor, on), st.Workdays)
			if err != nil {
				return err
			}
			if nd.Valid() { // else the repeat ended with this occurrence
				next := t
				next.ID, next.Done, next.DoneOn, next.Date = 0, false, model.NoDate, nd
				if err := r.putTask(&next); err != nil {
					return err
				}
				res.Next = &next
			}
		}
		if t.Kind.IsContact() && t.ClientID != 0 {
			// One contact, once (DESIGN.md §2 v2): a contact of this kind
			// with this client already logged today and linked to no task
			// is this task's; it is linked instead of counted twice.
			text := strings.TrimSpace(outcome)
			same, err := entriesOfClientOn(r.tx, t.ClientID, on)
			if err != nil {
				return err
			}
			if e, ok := model.ContactToLink(t, on, same); ok {
				e.TaskID = t.ID
				if e.ProjectID == 0 {
					e.ProjectID = t.ProjectID
				}
				if text != "" && !strings.Contains(e.Text, text) {
					e.Text = strings.TrimSpace(e.Text + "\n" + text)
				}
				if err := r.putEntry(&e); err != nil {
					return err
				}
				res.Entry, res.Linked = &e, true
				return nil
			}
			if text == "" {
				text = t.Title
			}
			e := model.JournalEntry{ClientID: t.ClientID, ProjectID: t.ProjectID, TaskID: t.ID, Kind: t.Kind.EntryKind(), At: at, Text: text}
			if err := r.putEntry(&e); err != nil {
				return err
			}
			res.Entry = &e
		} else if text := strings.TrimSpace(outcome); text != "" {
			// A to-do with a client records no contact; what was said about
			// it is kept as a note in the client's journal, linked to it.
			e := model.JournalEntry{ClientID: t.ClientID, ProjectID: t.ProjectID, TaskID: t.ID, Kind: model.EntryNote, At: at, Text: text}
			if err := r.putEntry(&e); err != nil {
				return err
			}
			res.Entry = &e
		}
		return nil
	})
	return res, err
}

// TasksOn lists the tasks dated d (none: the inbox), in index order.
func (s *Store) TasksOn(d model.Date) ([]model.AgendaTask, error) {
	out := []model.AgendaTask{} // empty, not nil: lists marshal as []
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		names := newNamer(tx)
		return seekRange(ix(tx, ixTaskDate), dateBytes(d), dateBytes(d+1), func(k, _ []byte) error {
			t, err := getTask(tx, keyID(k[4:]))
			if err != nil {
				return err
			}
			out = append(out, names.agendaTask(t, model.NoDate))
			return nil
		})
	})
	return out, err
}

// Actions of the rep's workday (issue 15), named like the others in
// undo.go: the call sheet's booking, and the carried-over tasks moved at
// once.
const (
	ActBookVisit  = "book_visit"          // a visit booked with the call that booked it
	ActMoveTasks  = "move_tasks"          // several tasks moved to one day
	ActAddWithNew = "add_task_new_client" // a task with the client it named, created with it
)

// BookVisit books a visit with the call that booked it (the call sheet's
// b), in one transaction: the visit task, then the call entry, which
// counts toward today's calls and resets the client's follow-up clock. One
// undo step takes both back. It returns the visit as stored.
func (s *Store) BookVisit(visit model.Task, call model.JournalEntry) (model.Task, error) {
	visit.ID, call.ID = 0, 0
	if visit.Kind != model.TaskVisit || call.Kind != model.EntryCall || visit.ClientID == 0 || call.ClientID != visit.ClientID {
		return model.Task{}, model.Errf("bad_booking", "a booking is a visit and a call with one client")
	}
	err := s.act(ActBookVisit, func(r *recorder) error {
		// The visit first: the undo step is named after its first record.
		if err := r.putTask(&visit); err != nil {
			return err
		}
		return r.putEntry(&call)
	})
	if err != nil {
		return model.Task{}, err
	}
	return visit, nil
}

// MoveTasks moves the tasks ids to the day to, in one transaction (R on
// the Day's carried-over tasks): one undo step puts every one back on its
// own day. A task done meanwhile (elsewhere) stays where it is; one
// already on that day is left alone. It returns how many moved.
func (s *Store) MoveTasks(ids []model.ID, to model.Date) (int, error) {
	if !to.Valid() {
		return 0, model.Errf("missing_date", "say which day to move the tasks to")
	}
	moved := 0
	err := s.act(ActMoveTasks, func(r *recorder) error {
		moved = 0
		for _, id := range ids {
			t, err := getTask(r.tx, id)
			if err != nil {
				return err
			}
			if t.Done || t.Date == to {
				continue
			}
			t.Date = to
			if err := r.putTask(&t); err != nil {
				return err
			}
			moved++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return moved, nil
}

// AddTaskWithClient adds a client and a task for it in one transaction:
// quick-add's offer for an unknown @name (enter creates the client, then
// the task). One undo step takes both back. It returns both as stored.
func (s *Store) AddTaskWithClient(c model.Client, t model.Task, today model.Date) (model.Client, model.Task, error) {
	c.ID, t.ID = 0, 0
	if !c.CreatedOn.Valid() {
		c.CreatedOn = today
	}
	if err := validateClient(&c); err != nil {
		return model.Client{}, model.Task{}, err
	}
	err := s.act(ActAddWithNew, func(r *recorder) error {
		// The client first: the task needs its id, and the undo step is
		// named after it ("new client 老周 and its task").
		if err := r.putClient(&c); err != nil {
			return err
		}
		t.ClientID = c.ID
		return r.putTask(&t)
	})
	if err != nil {
		return model.Client{}, model.Task{}, err
	}
	return c, t, nil
}
