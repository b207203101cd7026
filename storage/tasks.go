package storage

import (
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// validateTask normalises and checks a task (shared with import): title
// required, kind and slot known (the slot follows the time when one is
// given), client and project must exist.
func validateTask(tx *bolt.Tx, t *model.Task) error {
	t.Title = strings.TrimSpace(t.Title)
	if t.Title == "" {
		return model.Errf("empty_title", "a task needs a title")
	}
	if t.Kind == "" {
		t.Kind = model.TaskTodo
	}
	if !t.Kind.Valid() {
		return model.Errf("bad_kind", "task kind %q is not call, visit, meeting or todo", string(t.Kind))
	}
	if t.Time.Valid() {
		t.Slot = model.SlotOf(t.Time)
	} else if t.Slot == "" {
		t.Slot = model.SlotAny
	}
	if !t.Slot.Valid() {
		return model.Errf("bad_slot", "slot %q is not morning, afternoon, evening or any", string(t.Slot))
	}
	if t.Time.Valid() && !t.Date.Valid() {
		return model.Errf("time_needs_date", "a task with a time needs a date")
	}
	if t.Repeat != "" {
		r, err := model.ParseRepeat(string(t.Repeat))
		if err != nil {
			return err
		}
		t.Repeat = r
	}
	if t.Repeat != "" && !t.Date.Valid() {
		return model.Errf("repeat_needs_date", "a repeating task needs a date")
	}
	if t.Done {
		if !t.DoneOn.Valid() {
			t.DoneOn = t.Date
		}
	} else {
		t.DoneOn = model.NoDate
	}
	return checkRefs(tx, t.ClientID, t.ProjectID)
}

// checkRefs checks that a referenced client and project exist.
func checkRefs(tx *bolt.Tx, client, project model.ID) error {
	if client != 0 && rb(tx, bClients).Get(idKey(client)) == nil {
		return model.Errf("unknown_client_id", "there is no client %d", client)
	}
	if project != 0 && rb(tx, bProjects).Get(idKey(project)) == nil {
		return model.Errf("unknown_project_id", "there is no project %d", project)
	}
	return nil
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

// UpdateTask replaces a task's fields. An edit that changes only the date,
// time or slot is recorded as a move for undo.
func (s *Store) UpdateTask(t model.Task) error {
	return s.act(ActEditTask, func(r *recorder) error {
		old, err := getTask(r.tx, t.ID)
		if err != nil {
			return err
		}
		if onlyMoved(old, t) {
			r.action = ActMoveTask
		}
		if err := validateTask(r.tx, &t); err != nil {
			return err
		}
		return r.putTask(&t)
	})
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

// DeleteTask removes a task (undoable with Undo).
func (s *Store) DeleteTask(id model.ID) error {
	return s.act(ActDeleteTask, func(r *recorder) error { return r.deleteTask(id) })
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
			next := t
			next.ID, next.Done, next.DoneOn, next.Date = 0, false, model.NoDate, nd
			if err := r.putTask(&next); err != nil {
				return err
			}
			res.Next = &next
		}
		if t.Kind.IsContact() && t.ClientID != 0 {
			text := strings.TrimSpace(outcome)
			if text == "" {
				text = t.Title
			}
			e := model.JournalEntry{ClientID: t.ClientID, ProjectID: t.ProjectID, Kind: t.Kind.EntryKind(), At: at, Text: text}
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
	err := s.view(func(tx *bolt.Tx) error {
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

// namer caches client and project names (and client cards) within one
// transaction.
type namer struct {
	tx       *bolt.Tx
	clients  map[model.ID]string
	projects map[model.ID]string
	cards    map[model.ID]clientCard
}

// clientCard is what a task row shows of its client beyond the name.
type clientCard struct {
	tier model.Tier
	area string
}

func newNamer(tx *bolt.Tx) *namer {
	return &namer{tx: tx, clients: map[model.ID]string{}, projects: map[model.ID]string{}, cards: map[model.ID]clientCard{}}
}

// card returns a client's tier and area from the client_card index.
func (n *namer) card(id model.ID) (model.Tier, string) {
	if id == 0 {
		return "", ""
	}
	c, ok := n.cards[id]
	if !ok {
		c.tier, c.area = readCard(ix(n.tx, ixClientCard).Get(idKey(id))) // copies: bytes live only in the tx
		n.cards[id] = c
	}
	return c.tier, c.area
}

func (n *namer) client(id model.ID) string {
	return n.label(n.clients, ixClientLabel, id)
}

func (n *namer) project(id model.ID) string {
	return n.label(n.projects, ixProjectLabel, id)
}

// label reads a name from a label index (id → name) without decoding the
// record; a dangling reference shows as none (check reports it).
func (n *namer) label(cache map[model.ID]string, index []byte, id model.ID) string {
	if id == 0 {
		return ""
	}
	if v, ok := cache[id]; ok {
		return v
	}
	name := string(ix(n.tx, index).Get(idKey(id)))
	cache[id] = name
	return name
}

// agendaTask names a task's client and project; today marks carry-over
// (NoDate: never carried over).
func (n *namer) agendaTask(t model.Task, today model.Date) model.AgendaTask {
	tier, area := n.card(t.ClientID)
	return model.AgendaTask{Task: t, ClientName: n.client(t.ClientID), ProjectName: n.project(t.ProjectID),
		CarriedOver: today.Valid() && t.CarriedOver(today), ClientTier: tier, ClientArea: area}
}
