package storage

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

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
	ActEditEntry     = "edit_entry"
	ActDeleteEntry   = "delete_entry"
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
	ActImportClients = "import_clients" // a CSV file's clients, added in one step
)

// An edit that changed only a task's important flag (the ! key, or task
// edit --important): the undo names the flag, not "editing".
const (
	ActMarkImportant   = "mark_important"
	ActUnmarkImportant = "unmark_important"
)

// undoDepth is how many actions Undo can revert (the contract asks ≥ 20).
const undoDepth = 50

// The undo log lives in the database, so that the planner and the command
// line undo each other's actions under one rule:
//
//	undo      seq(8) → envelope of an undoStep (JSON), oldest first; at most
//	                   undoDepth steps, the newest last (seq = last + 1)
//	meta/undo_rev    → uint64: the revision after the latest action or undo
//	                   the log recorded (a different revision means a write
//	                   the log does not know about happened since)
var (
	bUndo    = []byte("undo")
	kUndoRev = []byte("undo_rev")
)

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

// stepJSON is how an undoStep is stored in the undo bucket.
type stepJSON struct {
	Action string      `json:"action"`
	Images []imageJSON `json:"images"`
}

type imageJSON struct {
	Bucket string   `json:"bucket"`
	ID     model.ID `json:"id"`
	Before []byte   `json:"before,omitempty"` // base64 in the JSON
	After  []byte   `json:"after,omitempty"`
}

func encodeStep(u undoStep) ([]byte, error) {
	j := stepJSON{Action: u.action, Images: make([]imageJSON, len(u.images))}
	for i, im := range u.images {
		j.Images[i] = imageJSON{Bucket: string(im.bucket), ID: im.id, Before: im.before, After: im.after}
	}
	return encodeRecord(j)
}

func decodeStep(seq uint64, raw []byte) (undoStep, error) {
	var j stepJSON
	if err := decodeRecord(fmt.Sprintf("undo step %d", seq), raw, &j); err != nil {
		return undoStep{}, err
	}
	u := undoStep{action: j.Action, images: make([]image, len(j.Images))}
	for i, im := range j.Images {
		u.images[i] = image{bucket: []byte(im.Bucket), id: im.ID, before: im.Before, after: im.After}
	}
	return u, nil
}

// pushStep appends a step to the undo log (creating the bucket in a
// database made before the log moved into it) and drops the oldest beyond
// undoDepth. rev is the revision the transaction commits with.
func pushStep(tx *bolt.Tx, u undoStep, rev uint64) error {
	b, err := tx.CreateBucketIfNotExists(bUndo)
	if err != nil {
		return fmt.Errorf("undo log: %w", err)
	}
	raw, err := encodeStep(u)
	if err != nil {
		return err
	}
	var seq uint64 = 1
	if k, _ := b.Cursor().Last(); len(k) == 8 {
		seq = readU64(k) + 1
	}
	if err := b.Put(u64(seq), raw); err != nil {
		return fmt.Errorf("undo log: %w", err)
	}
	// Steps are numbered without gaps (an undo removes the last one), so
	// everything at or below seq-undoDepth is beyond the depth.
	if seq > undoDepth {
		c := b.Cursor()
		for k, _ := c.First(); len(k) == 8 && readU64(k) <= seq-undoDepth; k, _ = c.First() {
			if err := c.Delete(); err != nil {
				return fmt.Errorf("undo log: %w", err)
			}
		}
	}
	return rb(tx, bMeta).Put(kUndoRev, u64(rev))
}

// clearUndo empties the undo log: after an import or a restore the
// before-images describe another database.
func clearUndo(tx *bolt.Tx) error {
	if tx.Bucket(bUndo) == nil {
		return nil
	}
	if err := tx.DeleteBucket(bUndo); err != nil {
		return fmt.Errorf("clear the undo log: %w", err)
	}
	return nil
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
	// fromSync: the phone's change, taken back by sync, is not a change
	// made here (syncstate.go).
	fromSync bool
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

func (r *recorder) deleteEntry(id model.ID) error {
	r.touch(bJournal, id)
	return deleteEntry(r.tx, id)
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

// act runs one user action in one write transaction and records its
// before- and after-images in the undo log, in the same transaction.
func (s *Store) act(action string, fn func(r *recorder) error) error {
	return s.update(func(tx *bolt.Tx) error { return runAct(tx, action, fn) })
}

// runAct is act inside the caller's write transaction.
func runAct(tx *bolt.Tx, action string, fn func(r *recorder) error) error {
	r := &recorder{tx: tx, seen: map[string]bool{}, action: action}
	if err := fn(r); err != nil {
		return err
	}
	for i := range r.images {
		r.images[i].after = currentImage(tx, r.images[i])
	}
	if !r.fromSync {
		if err := noteSyncChanges(tx, r.images, time.Now()); err != nil {
			return err
		}
	}
	if len(r.images) == 0 {
		// Nothing changed (archiving an archived client): nothing to undo.
		return rb(tx, bMeta).Put(kUndoRev, u64(txRevision(tx)))
	}
	return pushStep(tx, undoStep{action: r.action, images: r.images}, txRevision(tx))
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

// Undone tells what Undo reverted, enough to say it by name ("undone:
// call with 王总, 12-02").
type Undone struct {
	Action string     // the Act* code
	Kind   string     // the record the action was about: client, task, entry, promise, project, settings
	What   string     // its words: a task's title, a client's or project's name, a promise's text, an entry's kind
	Client string     // the name of the client it belongs to ("" when none)
	On     model.Date // its day: an entry's, a task's date, a promise's due date, a stage move's
	// Task is a task the undo put back — deleted, done, moved or edited,
	// and now as it was — for the planner to select; 0 when none (the undo
	// of adding a task removes it).
	Task model.ID
}

// Undo reverts the latest action in the database's undo log and returns
// its action code (Act* above); see UndoLast.
func (s *Store) Undo() (string, error) {
	u, err := s.UndoLast()
	return u.Action, err
}

// UndoLast reverts the latest action recorded in the database's undo log
// (up to 50 deep), whoever made it — this planner, another one, or the
// command line — in one transaction, and says what it undid. Records
// changed since by a write the log does not explain make it refuse with
// ErrChanged ("undo_changed") rather than overwrite that change; that step
// is then dropped from the log so that older ones can be undone.
func (s *Store) UndoLast() (Undone, error) {
	var (
		done    Undone
		outcome error
	)
	err := s.write(func(tx *bolt.Tx) error {
		b := tx.Bucket(bUndo)
		if b == nil {
			return ErrNothingToUndo // rolled back: the file is left as it was
		}
		k, raw := b.Cursor().Last()
		if k == nil {
			return ErrNothingToUndo
		}
		seq := readU64(k)
		step, err := decodeStep(seq, raw)
		if err != nil {
			return err
		}
		if err := b.Delete(u64(seq)); err != nil {
			return fmt.Errorf("undo log: %w", err)
		}
		meta := rb(tx, bMeta)
		rev := readU64(meta.Get(kRevision))
		changed := rev != readU64(meta.Get(kUndoRev)) && step.removesParent()
		for _, im := range step.images {
			if !sameContent(currentImage(tx, im), im.after) {
				changed = true
			}
		}
		if changed {
			// That step can never be undone now; dropping it (committed)
			// lets the older ones be undone.
			outcome = newStoreError(ErrChanged, nil, "undo_changed",
				"cannot undo: the records were changed since (by another salesplan?)")
			return nil
		}
		done = describeStep(tx, step)
		for i := len(step.images) - 1; i >= 0; i-- {
			if err := restore(tx, step.images[i]); err != nil {
				return fmt.Errorf("undo %s: %w", step.action, err)
			}
		}
		if err := noteSyncChanges(tx, step.images, time.Now()); err != nil {
			return err
		}
		if err := bumpRevision(tx); err != nil {
			return err
		}
		return meta.Put(kUndoRev, meta.Get(kRevision))
	}, false)
	if err == nil {
		err = outcome
	}
	if err != nil {
		return Undone{}, err
	}
	return done, nil
}

// sameContent reports whether two stored values hold the same record,
// whatever their revisions: an undo further up the log put a record back
// as it was, under a new revision.
func sameContent(a, b []byte) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	_, pa, errA := openEnvelope("", a)
	_, pb, errB := openEnvelope("", b)
	if errA != nil || errB != nil {
		return bytes.Equal(a, b)
	}
	return bytes.Equal(pa, pb)
}

// describeStep names what a step changed, from its first image (the record
// the action was about), before it is undone.
func describeStep(tx *bolt.Tx, u undoStep) Undone {
	d := Undone{Action: u.action}
	if len(u.images) == 0 {
		return d
	}
	for _, im := range u.images { // the action's own task first (a call logged: its entry, then the task it did)
		if bytes.Equal(im.bucket, bTasks) && im.before != nil {
			d.Task = im.id
			break
		}
	}
	im := u.images[0]
	raw := im.after
	if raw == nil {
		raw = im.before
	}
	client := func(id model.ID) string {
		if id == 0 {
			return ""
		}
		return string(ix(tx, ixClientLabel).Get(idKey(id)))
	}
	switch string(im.bucket) {
	case string(bMeta):
		d.Kind = "settings"
	case string(bClients):
		var c model.Client
		if decodeRecord("client", raw, &c) == nil {
			d.Kind, d.What, d.Client = "client", c.Name, c.Name
		}
	case string(bTasks):
		var t model.Task
		if decodeRecord("task", raw, &t) == nil {
			d.Kind, d.What, d.Client, d.On = "task", t.Title, client(t.ClientID), t.Date
			if u.action == ActMoveTasks {
				d.What = strconv.Itoa(len(u.images)) // "25 tasks moved to 1 Dec"
			}
			if u.action == ActMoveTask && im.before != nil {
				var old model.Task
				if decodeRecord("task", im.before, &old) == nil {
					d.On = old.Date // "moved from": the day it goes back to
				}
			}
		}
	case string(bJournal):
		var e model.JournalEntry
		if decodeRecord("entry", raw, &e) == nil {
			d.Kind, d.What, d.Client, d.On = "entry", string(e.Kind), client(e.ClientID), e.On()
		}
	case string(bPromises):
		var p model.Promise
		if decodeRecord("promise", raw, &p) == nil {
			d.Kind, d.What, d.Client, d.On = "promise", p.Text, client(p.ClientID), p.Due
		}
	case string(bProjects):
		var p model.Project
		if decodeRecord("project", raw, &p) == nil {
			d.Kind, d.What, d.Client, d.On = "project", p.Name, client(p.ClientID), p.StageSince()
		}
	}
	return d
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
