package storage

import (
	"bytes"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// Undo action codes, returned by Undo so the UI can word them in the user's
// language ("undo.<code>" in the catalog). They are stable.
const (
	ActAddClient     = "add_client"
	ActEditClient    = "edit_client"
	ActArchiveClient = "archive_client"
	ActAddEntry      = "add_entry"
	ActAddTask       = "add_task"
	ActEditTask      = "edit_task"
	ActMoveTask      = "move_task" // an edit that changed only the date/time/slot
	ActDeleteTask    = "delete_task"
	ActCompleteTask  = "complete_task"
	ActAddPromise    = "add_promise"
	ActEditPromise   = "edit_promise"
	ActKeepPromise   = "keep_promise"
	ActCancelPromise = "cancel_promise"
	ActAddProject    = "add_project"
	ActEditProject   = "edit_project"
	ActSetStage      = "set_stage"
	ActSettings      = "settings"
)

// undoDepth is how many actions Undo can revert (the contract asks ≥ 20).
const undoDepth = 50

// image is one record as it was before and after an action; nil = absent.
type image struct {
	bucket        []byte // a record bucket, or bMeta for the settings
	id            model.ID
	before, after []byte
}

// undoStep is one user action: its code and every record it touched.
type undoStep struct {
	action string
	images []image
}

// removesParent reports whether undoing the step deletes a client or a
// project (one the action created), which other records may refer to.
func (u undoStep) removesParent() bool {
	for _, im := range u.images {
		if im.before == nil && (bytes.Equal(im.bucket, bClients) || bytes.Equal(im.bucket, bProjects)) {
			return true
		}
	}
	return false
}

// recorder collects the before-images of an action's records inside its
// transaction. Every change an action makes goes through it.
type recorder struct {
	tx     *bolt.Tx
	images []image
	seen   map[string]bool
	// action is the Act* code the undo step is labelled with; fn may
	// narrow it once it has read the record in the same transaction.
	action string
}

func (r *recorder) touch(bucket []byte, id model.ID) {
	key := fmt.Sprintf("%s/%d", bucket, id)
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	im := image{bucket: bucket, id: id}
	im.before = currentImage(r.tx, im)
	r.images = append(r.images, im)
}

// created records a record that did not exist before (its id was just assigned).
func (r *recorder) created(bucket []byte, id model.ID) {
	key := fmt.Sprintf("%s/%d", bucket, id)
	if !r.seen[key] {
		r.seen[key] = true
		r.images = append(r.images, image{bucket: bucket, id: id})
	}
}

// The recorder's puts validate the record first (model's rules, and that
// what it refers to exists): every action's writes go through them, so no
// action can store a record that import would refuse.

func (r *recorder) putClient(c *model.Client) error {
	if err := validateClient(c); err != nil {
		return err
	}
	isNew := c.ID == 0
	if !isNew {
		r.touch(bClients, c.ID)
	}
	if err := putClient(r.tx, c); err != nil {
		return err
	}
	if isNew {
		r.created(bClients, c.ID)
	}
	return nil
}

func (r *recorder) putTask(t *model.Task) error {
	if err := validateTask(r.tx, t); err != nil {
		return err
	}
	isNew := t.ID == 0
	if !isNew {
		r.touch(bTasks, t.ID)
	}
	if err := putTask(r.tx, t); err != nil {
		return err
	}
	if isNew {
		r.created(bTasks, t.ID)
	}
	return nil
}

func (r *recorder) deleteTask(id model.ID) error {
	r.touch(bTasks, id)
	return deleteTask(r.tx, id)
}

func (r *recorder) putEntry(e *model.JournalEntry) error {
	if err := validateEntry(r.tx, e); err != nil {
		return err
	}
	isNew := e.ID == 0
	if !isNew {
		r.touch(bJournal, e.ID)
	}
	if err := putEntry(r.tx, e); err != nil {
		return err
	}
	if isNew {
		r.created(bJournal, e.ID)
	}
	return nil
}

func (r *recorder) putPromise(p *model.Promise) error {
	if err := validatePromise(r.tx, p); err != nil {
		return err
	}
	isNew := p.ID == 0
	if !isNew {
		r.touch(bPromises, p.ID)
	}
	if err := putPromise(r.tx, p); err != nil {
		return err
	}
	if isNew {
		r.created(bPromises, p.ID)
	}
	return nil
}

func (r *recorder) putProject(p *model.Project) error {
	if err := validateProject(r.tx, p); err != nil {
		return err
	}
	isNew := p.ID == 0
	if !isNew {
		r.touch(bProjects, p.ID)
	}
	if err := putProject(r.tx, p); err != nil {
		return err
	}
	if isNew {
		r.created(bProjects, p.ID)
	}
	return nil
}

func (r *recorder) putSettings(st model.Settings) error {
	if err := validateSettings(&st); err != nil {
		return err
	}
	r.touch(bMeta, 0)
	return putSettings(r.tx, st)
}

// act runs one user action in one write transaction and, when it commits,
// pushes its before-images on the undo stack.
func (s *Store) act(action string, fn func(r *recorder) error) error {
	var step undoStep
	var rev uint64
	err := s.update(func(tx *bolt.Tx) error {
		rev = readU64(rb(tx, bMeta).Get(kRevision)) + 1 // update bumps it after fn
		r := &recorder{tx: tx, seen: map[string]bool{}, action: action}
		if err := fn(r); err != nil {
			return err
		}
		for i := range r.images {
			r.images[i].after = currentImage(tx, r.images[i])
		}
		step = undoStep{action: r.action, images: r.images}
		return nil
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastRev = max(s.lastRev, rev)
	s.undo = append(s.undo, step)
	if len(s.undo) > undoDepth {
		s.undo = append([]undoStep(nil), s.undo[len(s.undo)-undoDepth:]...)
	}
	return nil
}

// forgetUndo empties the undo stack: after a restore or an import the
// before-images describe another database.
func (s *Store) forgetUndo() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.undo = nil
}

func currentImage(tx *bolt.Tx, im image) []byte {
	var v []byte
	if bytes.Equal(im.bucket, bMeta) {
		v = rb(tx, bMeta).Get(kSettings)
	} else {
		v = rb(tx, im.bucket).Get(idKey(im.id))
	}
	if v == nil {
		return nil
	}
	return append([]byte(nil), v...)
}

// Undo reverts the latest user action made through this Store (up to 50
// deep) in one transaction and returns its action code (Act* above). Records
// changed since by someone else (the command line) make it refuse with
// ErrChanged rather than overwrite their change; that step is then dropped.
func (s *Store) Undo() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.undo) == 0 {
		return "", ErrNothingToUndo
	}
	step := s.undo[len(s.undo)-1]
	var rev uint64
	err := s.update(func(tx *bolt.Tx) error {
		rev = readU64(rb(tx, bMeta).Get(kRevision))
		if rev != s.lastRev && step.removesParent() {
			// Someone else wrote since our last action; a client or project
			// this step would remove may now have their records pointing at it.
			return newStoreError(ErrChanged, nil, "undo_changed",
				"cannot undo: the records were changed since (by another salesplan?)")
		}
		rev++
		for _, im := range step.images {
			if !bytes.Equal(currentImage(tx, im), im.after) {
				return newStoreError(ErrChanged, nil, "undo_changed",
					"cannot undo: the records were changed since (by another salesplan?)")
			}
		}
		for i := len(step.images) - 1; i >= 0; i-- {
			im := step.images[i]
			if err := restore(tx, im); err != nil {
				return fmt.Errorf("undo %s: %w", step.action, err)
			}
		}
		return nil
	})
	if errors.Is(err, ErrChanged) {
		// That step can never be undone now: drop it so older ones can be.
		s.undo = s.undo[:len(s.undo)-1]
	}
	if err != nil {
		return "", err
	}
	s.lastRev = max(s.lastRev, rev)
	s.undo = s.undo[:len(s.undo)-1]
	return step.action, nil
}

// restore puts a before-image back through the same helpers as a normal
// write, so its index entries follow.
func restore(tx *bolt.Tx, im image) error {
	what := fmt.Sprintf("%s %d", im.bucket, im.id)
	if bytes.Equal(im.bucket, bMeta) {
		if im.before == nil {
			// Never set before: back to the defaults by removing the key.
			if err := rb(tx, bMeta).Delete(kSettings); err != nil {
				return err
			}
			return refreshAllClientDue(tx)
		}
		st := model.DefaultSettings()
		if err := decodeRecord("settings", im.before, &st); err != nil {
			return err
		}
		return putSettings(tx, st)
	}
	switch string(im.bucket) {
	case string(bClients):
		if im.before == nil {
			return deleteClient(tx, im.id)
		}
		var v model.Client
		if err := decodeRecord(what, im.before, &v); err != nil {
			return err
		}
		return putClient(tx, &v)
	case string(bTasks):
		if im.before == nil {
			return deleteTask(tx, im.id)
		}
		var v model.Task
		if err := decodeRecord(what, im.before, &v); err != nil {
			return err
		}
		return putTask(tx, &v)
	case string(bJournal):
		if im.before == nil {
			return deleteEntry(tx, im.id)
		}
		var v model.JournalEntry
		if err := decodeRecord(what, im.before, &v); err != nil {
			return err
		}
		return putEntry(tx, &v)
	case string(bPromises):
		if im.before == nil {
			return deletePromise(tx, im.id)
		}
		var v model.Promise
		if err := decodeRecord(what, im.before, &v); err != nil {
			return err
		}
		return putPromise(tx, &v)
	case string(bProjects):
		if im.before == nil {
			return deleteProject(tx, im.id)
		}
		var v model.Project
		if err := decodeRecord(what, im.before, &v); err != nil {
			return err
		}
		return putProject(tx, &v)
	}
	return fmt.Errorf("undo: unknown bucket %s", im.bucket)
}
