package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// Bucket and key names; doc.go draws the tree. Names are part of the file
// format: never rename one without a migration.
var (
	bMeta     = []byte("meta")
	bClients  = []byte("clients")
	bTasks    = []byte("tasks")
	bJournal  = []byte("journal")
	bPromises = []byte("promises")
	bProjects = []byte("projects")
	bIndex    = []byte("idx")

	kSchema   = []byte("schema")
	kRevision = []byte("revision")
	kSettings = []byte("settings")

	ixTaskDate       = []byte("task_date")
	ixTaskOpen       = []byte("task_open")
	ixTaskClient     = []byte("task_client")
	ixJournalClient  = []byte("journal_client")
	ixJournalDate    = []byte("journal_date")
	ixJournalProject = []byte("journal_project")
	ixContactClient  = []byte("contact_client")
	ixContactProject = []byte("contact_project")
	ixPromiseStatus  = []byte("promise_status")
	ixPromiseClient  = []byte("promise_client")
	ixPromiseMade    = []byte("promise_made")
	ixPromiseKept    = []byte("promise_kept")
	ixProjectStage   = []byte("project_stage")
	ixProjectClient  = []byte("project_client")
	ixProjectName    = []byte("project_name")
	ixStageMove      = []byte("stage_move")
	ixBidDate        = []byte("bid_date")
	ixClientName     = []byte("client_name")
	ixClientDue      = []byte("client_due")
	ixClientDueRev   = []byte("client_due_rev")
	ixClientLabel    = []byte("client_label")
	ixClientCard     = []byte("client_card")
	ixProjectLabel   = []byte("project_label")
	ixProjectLive    = []byte("project_live")
)

var (
	recordBuckets = [][]byte{bClients, bTasks, bJournal, bPromises, bProjects}
	rootBuckets   = [][]byte{bMeta, bClients, bTasks, bJournal, bPromises, bProjects, bIndex}
	indexBuckets  = [][]byte{ixTaskDate, ixTaskOpen, ixTaskClient, ixJournalClient, ixJournalDate,
		ixJournalProject, ixContactClient, ixContactProject, ixPromiseStatus, ixPromiseClient,
		ixPromiseMade, ixPromiseKept, ixProjectStage, ixProjectClient, ixProjectName, ixStageMove,
		ixBidDate, ixClientName, ixClientDue, ixClientDueRev, ixClientLabel, ixClientCard, ixProjectLabel, ixProjectLive}
)

// ix returns an index bucket; a missing one means a damaged or foreign file.
func ix(tx *bolt.Tx, name []byte) *bolt.Bucket {
	if idx := tx.Bucket(bIndex); idx != nil {
		if b := idx.Bucket(name); b != nil {
			return b
		}
	}
	panic(fmt.Sprintf("salesplan: index bucket %s missing", name))
}

// rb returns a record bucket (see ix about missing ones).
func rb(tx *bolt.Tx, name []byte) *bolt.Bucket {
	if b := tx.Bucket(name); b != nil {
		return b
	}
	panic(fmt.Sprintf("salesplan: bucket %s missing", name))
}

var empty = []byte{}

// ---- small value codes used in index keys and values

// Journal kinds as one byte.
func kindByte(k model.EntryKind) byte {
	switch k {
	case model.EntryCall:
		return 'c'
	case model.EntryVisit:
		return 'v'
	case model.EntryMeeting:
		return 'm'
	}
	return 'n'
}

func byteKind(b byte) model.EntryKind {
	switch b {
	case 'c':
		return model.EntryCall
	case 'v':
		return model.EntryVisit
	case 'm':
		return model.EntryMeeting
	}
	return model.EntryNote
}

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

func statusByte(s model.PromiseStatus) byte {
	switch s {
	case model.PromiseKept:
		return 'k'
	case model.PromiseCancelled:
		return 'x'
	}
	return 'o'
}

// stageByte is the stage's pipeline position; 0xff for none.
func stageByte(s model.Stage) byte {
	if i := s.Index(); i >= 0 {
		return byte(i)
	}
	return 0xff
}

func byteStage(b byte) model.Stage {
	if int(b) < len(model.Stages) {
		return model.Stages[b]
	}
	return ""
}

// nameKey is the unique-name index key: names are unique regardless of case.
func nameKey(name string) []byte { return []byte(strings.ToLower(strings.TrimSpace(name))) }

// ---- getters

// notFound is the error for a record missing by id: code
// "unknown_<kind>_id" (the id), apart from "unknown_<kind>" (a name the
// user typed) so that each code has one kind of argument to translate.
func notFound(kind string, id model.ID) error {
	return newStoreError(ErrNotFound, nil, "unknown_"+kind+"_id", "there is no "+kind+" %d", id)
}

func getRecord(tx *bolt.Tx, bucket []byte, kind string, id model.ID, v any) error {
	raw := rb(tx, bucket).Get(idKey(id))
	if raw == nil {
		return notFound(kind, id)
	}
	return decodeRecord(fmt.Sprintf("%s %d", kind, id), raw, v)
}

func getClient(tx *bolt.Tx, id model.ID) (c model.Client, err error) {
	err = getRecord(tx, bClients, "client", id, &c)
	return c, err
}

func getTask(tx *bolt.Tx, id model.ID) (t model.Task, err error) {
	err = getRecord(tx, bTasks, "task", id, &t)
	return t, err
}

func getEntry(tx *bolt.Tx, id model.ID) (e model.JournalEntry, err error) {
	err = getRecord(tx, bJournal, "entry", id, &e)
	return e, err
}

func getPromise(tx *bolt.Tx, id model.ID) (p model.Promise, err error) {
	err = getRecord(tx, bPromises, "promise", id, &p)
	return p, err
}

func getProject(tx *bolt.Tx, id model.ID) (p model.Project, err error) {
	err = getRecord(tx, bProjects, "project", id, &p)
	return p, err
}

// putRaw assigns an id when *id is 0 (NextSequence) or raises the bucket's
// sequence to an imported id, writes v, and returns the previous value (nil
// when new) for the caller's index maintenance.
func putRaw(b *bolt.Bucket, id *model.ID, v any) (prev []byte, err error) {
	if *id == 0 {
		seq, err := b.NextSequence()
		if err != nil {
			return nil, fmt.Errorf("next id: %w", err)
		}
		*id = model.ID(seq)
	} else {
		if old := b.Get(idKey(*id)); old != nil {
			prev = append([]byte(nil), old...)
		}
		if uint64(*id) > b.Sequence() {
			if err := b.SetSequence(uint64(*id)); err != nil {
				return nil, fmt.Errorf("set sequence: %w", err)
			}
		}
	}
	raw, err := encodeRecord(v)
	if err != nil {
		return nil, err
	}
	return prev, b.Put(idKey(*id), raw)
}

// ---- clients

// putClient stores c (assigning an id when c.ID is 0) and maintains the name
// and follow-up indexes. A name already used by another client (any case) is
// a "duplicate_client" Problem.
func putClient(tx *bolt.Tx, c *model.Client) error {
	names := ix(tx, ixClientName)
	if v := names.Get(nameKey(c.Name)); v != nil && keyID(v) != c.ID {
		return model.Errf("duplicate_client", "there is already a client named %q", c.Name)
	}
	prev, err := putRaw(rb(tx, bClients), &c.ID, c)
	if err != nil {
		return fmt.Errorf("store client %d: %w", c.ID, err)
	}
	if prev != nil {
		var old model.Client
		if err := decodeRecord(fmt.Sprintf("client %d", c.ID), prev, &old); err != nil {
			return err
		}
		if err := names.Delete(nameKey(old.Name)); err != nil {
			return err
		}
	}
	if err := names.Put(nameKey(c.Name), idKey(c.ID)); err != nil {
		return err
	}
	if err := ix(tx, ixClientLabel).Put(idKey(c.ID), []byte(c.Name)); err != nil {
		return err
	}
	if err := ix(tx, ixClientCard).Put(idKey(c.ID), cardValue(*c)); err != nil {
		return err
	}
	if err := relabelLiveProjects(tx, c.ID); err != nil {
		return err
	}
	st, err := readSettings(tx)
	if err != nil {
		return err
	}
	return refreshClientDue(tx, c.ID, &st)
}

// deleteClient removes a client and its index entries (not its journal,
// tasks, promises or projects: callers archive clients; undo and import use this).
func deleteClient(tx *bolt.Tx, id model.ID) error {
	c, err := getClient(tx, id)
	if err != nil {
		return err
	}
	if err := ix(tx, ixClientName).Delete(nameKey(c.Name)); err != nil {
		return err
	}
	if err := ix(tx, ixClientLabel).Delete(idKey(id)); err != nil {
		return err
	}
	if err := ix(tx, ixClientCard).Delete(idKey(id)); err != nil {
		return err
	}
	if err := relabelLiveProjects(tx, id); err != nil {
		return err
	}
	if err := rb(tx, bClients).Delete(idKey(id)); err != nil {
		return err
	}
	return refreshClientDue(tx, id, nil)
}

// Client card index value: [tier 'k'|'r'][area]. A day's task rows show
// their client's star and group visits by area from it, without decoding
// the client records (archived clients included: old tasks refer to them).
func cardValue(c model.Client) []byte {
	tier := byte('r')
	if c.Tier == model.TierKey {
		tier = 'k'
	}
	return append([]byte{tier}, c.Area...)
}

// readCard decodes a client_card value; a missing or short one is no card.
func readCard(v []byte) (model.Tier, string) {
	if len(v) == 0 {
		return "", ""
	}
	if v[0] == 'k' {
		return model.TierKey, string(v[1:])
	}
	return model.TierRegular, string(v[1:])
}

// Client follow-up index value: [tier 'k'|'r'][cadence uint16][created 4]
// [last contact 4][name]. Today builds ClientStates from it without decoding
// thousands of client records.
func dueValue(c model.Client, last model.Date) []byte {
	tier := byte('r')
	if c.Tier == model.TierKey {
		tier = 'k'
	}
	v := make([]byte, 11, 11+len(c.Name))
	v[0] = tier
	binary.BigEndian.PutUint16(v[1:3], uint16(min(max(c.CadenceDays, 0), 65535)))
	copy(v[3:7], dateBytes(c.CreatedOn))
	copy(v[7:11], dateBytes(last))
	return append(v, c.Name...)
}

// dueState decodes a client_due entry into the ClientState it summarises.
func dueState(k, v []byte) (model.ClientState, bool) {
	if len(k) != 12 || len(v) < 11 {
		return model.ClientState{}, false
	}
	c := model.Client{
		ID:          keyID(k[4:]),
		Name:        string(v[11:]),
		Tier:        model.TierRegular,
		CadenceDays: int(binary.BigEndian.Uint16(v[1:3])),
		CreatedOn:   readDate(v[3:7]),
	}
	if v[0] == 'k' {
		c.Tier = model.TierKey
	}
	return model.ClientState{Client: c, LastContact: readDate(v[7:11])}, true
}

// refreshClientDue recomputes one client's follow-up index entry (after a
// change to the client, its contacts or the settings). st nil = read them.
func refreshClientDue(tx *bolt.Tx, id model.ID, st *model.Settings) error {
	rev, due := ix(tx, ixClientDueRev), ix(tx, ixClientDue)
	if old := rev.Get(idKey(id)); old != nil {
		if err := due.Delete(cat(old, idKey(id))); err != nil {
			return err
		}
		if err := rev.Delete(idKey(id)); err != nil {
			return err
		}
	}
	raw := rb(tx, bClients).Get(idKey(id))
	if raw == nil {
		return nil
	}
	var c model.Client
	if err := decodeRecord(fmt.Sprintf("client %d", id), raw, &c); err != nil {
		return err
	}
	if c.Archived {
		return nil
	}
	if st == nil {
		s, err := readSettings(tx)
		if err != nil {
			return err
		}
		st = &s
	}
	last := lastContact(tx, ixContactClient, id)
	d := dateBytes(clientDueDate(c, last, *st))
	if err := due.Put(cat(d, idKey(id)), dueValue(c, last)); err != nil {
		return err
	}
	return rev.Put(idKey(id), d)
}

// refreshAllClientDue recomputes every client's follow-up entry (after a
// settings change of the cadences).
func refreshAllClientDue(tx *bolt.Tx) error {
	st, err := readSettings(tx)
	if err != nil {
		return err
	}
	return rb(tx, bClients).ForEach(func(k, _ []byte) error {
		return refreshClientDue(tx, keyID(k), &st)
	})
}

// lastContact returns the date of the newest contact under the id prefix of
// contact_client or contact_project (reverse seek), or NoDate.
func lastContact(tx *bolt.Tx, index []byte, id model.ID) model.Date {
	k := lastUnder(ix(tx, index).Cursor(), id)
	if len(k) < 12 {
		return model.NoDate
	}
	return readDate(k[8:12])
}

// lastUnder puts c on the last key that starts with id's 8-byte key and
// returns it; nil when there is none. Keys under one id sort by what
// follows the id (a date, then a record id), so this is the newest.
func lastUnder(c *bolt.Cursor, id model.ID) []byte {
	k, _ := c.Seek(idKey(id + 1))
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	if !hasPrefix(k, idKey(id)) {
		return nil
	}
	return k
}

// ---- tasks

// Task index values: task_open [kind][client id 8]; task_client [kind].
func taskIndex(tx *bolt.Tx, t *model.Task, add bool) error {
	id, d := idKey(t.ID), dateBytes(t.Date)
	ops := []ixOp{{ixTaskDate, cat(d, id), empty}}
	if !t.Done {
		ops = append(ops, ixOp{ixTaskOpen, cat(d, id), cat([]byte{taskKindByte(t.Kind)}, idKey(t.ClientID))})
		if t.ClientID != 0 {
			ops = append(ops, ixOp{ixTaskClient, cat(idKey(t.ClientID), d, id), []byte{taskKindByte(t.Kind)}})
		}
	}
	return apply(tx, ops, add)
}

// putTask stores t (assigning an id when 0) and its index entries.
func putTask(tx *bolt.Tx, t *model.Task) error {
	prev, err := putRaw(rb(tx, bTasks), &t.ID, t)
	if err != nil {
		return fmt.Errorf("store task %d: %w", t.ID, err)
	}
	if prev != nil {
		var old model.Task
		if err := decodeRecord(fmt.Sprintf("task %d", t.ID), prev, &old); err != nil {
			return err
		}
		if err := taskIndex(tx, &old, false); err != nil {
			return err
		}
	}
	return taskIndex(tx, t, true)
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
	return rb(tx, bTasks).Delete(idKey(id))
}

// ---- journal

func entryIndex(tx *bolt.Tx, e *model.JournalEntry, add bool) error {
	id, at, d, kind := idKey(e.ID), timeBytes(e.At), dateBytes(e.On()), []byte{kindByte(e.Kind)}
	ops := []ixOp{
		{ixJournalClient, cat(idKey(e.ClientID), at, id), kind},
		{ixJournalDate, cat(d, at, id), cat(kind, idKey(e.ClientID), idKey(e.ProjectID))},
	}
	if e.ProjectID != 0 {
		ops = append(ops, ixOp{ixJournalProject, cat(idKey(e.ProjectID), at, id), kind})
	}
	if e.Kind.IsContact() {
		ops = append(ops, ixOp{ixContactClient, cat(idKey(e.ClientID), d, id), empty})
		if e.ProjectID != 0 {
			ops = append(ops, ixOp{ixContactProject, cat(idKey(e.ProjectID), d, id), empty})
		}
	}
	return apply(tx, ops, add)
}

// putEntry stores a journal entry and its index entries, and refreshes the
// follow-up of the client(s) it belongs to.
func putEntry(tx *bolt.Tx, e *model.JournalEntry) error {
	prev, err := putRaw(rb(tx, bJournal), &e.ID, e)
	if err != nil {
		return fmt.Errorf("store journal entry %d: %w", e.ID, err)
	}
	if prev != nil {
		var old model.JournalEntry
		if err := decodeRecord(fmt.Sprintf("entry %d", e.ID), prev, &old); err != nil {
			return err
		}
		if err := entryIndex(tx, &old, false); err != nil {
			return err
		}
		if old.ClientID != e.ClientID && old.Kind.IsContact() {
			if err := refreshClientDue(tx, old.ClientID, nil); err != nil {
				return err
			}
		}
	}
	if err := entryIndex(tx, e, true); err != nil {
		return err
	}
	return refreshClientDue(tx, e.ClientID, nil)
}

// deleteEntry removes a journal entry and its index entries.
func deleteEntry(tx *bolt.Tx, id model.ID) error {
	e, err := getEntry(tx, id)
	if err != nil {
		return err
	}
	if err := entryIndex(tx, &e, false); err != nil {
		return err
	}
	if err := rb(tx, bJournal).Delete(idKey(id)); err != nil {
		return err
	}
	return refreshClientDue(tx, e.ClientID, nil)
}

// ---- promises

func promiseIndex(tx *bolt.Tx, p *model.Promise, add bool) error {
	id, st := idKey(p.ID), []byte{statusByte(p.Status)}
	ops := []ixOp{
		{ixPromiseStatus, cat(st, dateBytes(p.Due), id), empty},
		{ixPromiseClient, cat(idKey(p.ClientID), id), st},
		{ixPromiseMade, cat(dateBytes(p.MadeOn), id), empty},
	}
	if p.Status == model.PromiseKept {
		ops = append(ops, ixOp{ixPromiseKept, cat(dateBytes(p.KeptOn), id), empty})
	}
	return apply(tx, ops, add)
}

// putPromise stores a promise and its index entries.
func putPromise(tx *bolt.Tx, p *model.Promise) error {
	prev, err := putRaw(rb(tx, bPromises), &p.ID, p)
	if err != nil {
		return fmt.Errorf("store promise %d: %w", p.ID, err)
	}
	if prev != nil {
		var old model.Promise
		if err := decodeRecord(fmt.Sprintf("promise %d", p.ID), prev, &old); err != nil {
			return err
		}
		if err := promiseIndex(tx, &old, false); err != nil {
			return err
		}
	}
	return promiseIndex(tx, p, true)
}

// deletePromise removes a promise and its index entries.
func deletePromise(tx *bolt.Tx, id model.ID) error {
	p, err := getPromise(tx, id)
	if err != nil {
		return err
	}
	if err := promiseIndex(tx, &p, false); err != nil {
		return err
	}
	return rb(tx, bPromises).Delete(idKey(id))
}

// ---- projects

// Stage move index value: [from stage byte or 0xff][to stage byte][1 if this
// is the project's first entry into contract, else 0].
func projectIndex(tx *bolt.Tx, p *model.Project, add bool) error {
	id := idKey(p.ID)
	ops := []ixOp{
		{ixProjectStage, cat([]byte{stageByte(p.Stage)}, id), empty},
		{ixProjectClient, cat(idKey(p.ClientID), id), empty},
		{ixProjectName, nameKey(p.Name), id},
	}
	ops = append(ops, ixOp{ixProjectLabel, id, []byte(p.Name)})
	if p.Stage.Live() {
		ops = append(ops, ixOp{ixProjectLive, id, liveValue(tx, p)})
	}
	if p.BidDate.Valid() {
		ops = append(ops, ixOp{ixBidDate, cat(dateBytes(p.BidDate), id), []byte{stageByte(p.Stage)}})
	}
	signed := false
	for i, h := range p.StageHistory {
		from := byte(0xff)
		if i > 0 {
			from = stageByte(p.StageHistory[i-1].Stage)
		}
		first := byte(0)
		if h.Stage == model.StageContract && !signed {
			first, signed = 1, true
		}
		seq := []byte{byte(i >> 8), byte(i)}
		ops = append(ops, ixOp{ixStageMove, cat(dateBytes(h.On), id, seq), []byte{from, stageByte(h.Stage), first}})
	}
	return apply(tx, ops, add)
}

// Live project summary (project_live value): [stage][stage since 4]
// [bid date 4][client id 8][value 8][client name length 2][client name]
// [project name]. Today reads the live projects from it without decoding
// them or their clients.
func liveValue(tx *bolt.Tx, p *model.Project) []byte {
	client := ix(tx, ixClientLabel).Get(idKey(p.ClientID))
	v := make([]byte, 0, 27+len(client)+len(p.Name))
	v = append(v, stageByte(p.Stage))
	v = append(v, dateBytes(p.StageSince())...)
	v = append(v, dateBytes(p.BidDate)...)
	v = append(v, idKey(p.ClientID)...)
	v = append(v, u64(uint64(p.Value))...)
	v = binary.BigEndian.AppendUint16(v, uint16(min(len(client), 65535)))
	v = append(v, client[:min(len(client), 65535)]...)
	return append(v, p.Name...)
}

// liveState decodes a project_live entry into the ProjectState it
// summarises. Its Project carries ID, Name, ClientID, Value, Stage, BidDate
// and a one-entry StageHistory (the current stage and its date): what the
// follow-up and attention rules read.
func liveState(k, v []byte) (model.ProjectState, bool) {
	if len(k) != 8 || len(v) < 27 {
		return model.ProjectState{}, false
	}
	n := int(binary.BigEndian.Uint16(v[25:27]))
	if len(v) < 27+n {
		return model.ProjectState{}, false
	}
	st := byteStage(v[0])
	p := model.Project{ID: keyID(k), Stage: st, BidDate: readDate(v[5:9]), ClientID: keyID(v[9:17]),
		Value: model.Money(binary.BigEndian.Uint64(v[17:25])), Name: string(v[27+n:]),
		StageHistory: []model.StageEntry{{Stage: st, On: readDate(v[1:5])}}}
	return model.ProjectState{Project: p, ClientName: string(v[27 : 27+n])}, true
}

// relabelLiveProjects rewrites the live summaries of a client's projects
// after the client's name changed.
func relabelLiveProjects(tx *bolt.Tx, client model.ID) error {
	live := ix(tx, ixProjectLive)
	var keys [][]byte
	_ = seekPrefix(ix(tx, ixProjectClient), idKey(client), func(k, _ []byte) error {
		if live.Get(k[8:]) != nil {
			keys = append(keys, append([]byte(nil), k[8:]...))
		}
		return nil
	})
	for _, k := range keys {
		p, err := getProject(tx, keyID(k))
		if err != nil {
			return err
		}
		if err := live.Put(k, liveValue(tx, &p)); err != nil {
			return err
		}
	}
	return nil
}

// putProject stores a project and its index entries. A name already used by
// another project (any case) is a "duplicate_project" Problem.
func putProject(tx *bolt.Tx, p *model.Project) error {
	if v := ix(tx, ixProjectName).Get(nameKey(p.Name)); v != nil && keyID(v) != p.ID {
		return model.Errf("duplicate_project", "there is already a project named %q", p.Name)
	}
	prev, err := putRaw(rb(tx, bProjects), &p.ID, p)
	if err != nil {
		return fmt.Errorf("store project %d: %w", p.ID, err)
	}
	if prev != nil {
		var old model.Project
		if err := decodeRecord(fmt.Sprintf("project %d", p.ID), prev, &old); err != nil {
			return err
		}
		if err := projectIndex(tx, &old, false); err != nil {
			return err
		}
	}
	return projectIndex(tx, p, true)
}

// deleteProject removes a project and its index entries.
func deleteProject(tx *bolt.Tx, id model.ID) error {
	p, err := getProject(tx, id)
	if err != nil {
		return err
	}
	if err := projectIndex(tx, &p, false); err != nil {
		return err
	}
	return rb(tx, bProjects).Delete(idKey(id))
}

// ---- index plumbing

type ixOp struct {
	bucket, key, value []byte
}

func apply(tx *bolt.Tx, ops []ixOp, add bool) error {
	for _, op := range ops {
		b := ix(tx, op.bucket)
		var err error
		if add {
			err = b.Put(op.key, op.value)
		} else {
			err = b.Delete(op.key)
		}
		if err != nil {
			return fmt.Errorf("index %s: %w", op.bucket, err)
		}
	}
	return nil
}

// reindex drops every index bucket and rebuilds them from the records.
// Import and check reuse it; a damaged record makes it fail naming the record.
func reindex(tx *bolt.Tx) error {
	if tx.Bucket(bIndex) != nil {
		if err := tx.DeleteBucket(bIndex); err != nil {
			return fmt.Errorf("drop indexes: %w", err)
		}
	}
	if err := ensureBuckets(tx); err != nil {
		return err
	}
	names := ix(tx, ixClientName)
	err := rb(tx, bClients).ForEach(func(k, v []byte) error {
		var c model.Client
		if err := decodeRecord(fmt.Sprintf("client %d", keyID(k)), v, &c); err != nil {
			return err
		}
		if names.Get(nameKey(c.Name)) != nil {
			return model.Errf("duplicate_client", "there is already a client named %q", c.Name)
		}
		if err := ix(tx, ixClientLabel).Put(idKey(c.ID), []byte(c.Name)); err != nil {
			return err
		}
		if err := ix(tx, ixClientCard).Put(idKey(c.ID), cardValue(c)); err != nil {
			return err
		}
		return names.Put(nameKey(c.Name), idKey(c.ID))
	})
	if err != nil {
		return err
	}
	err = rb(tx, bTasks).ForEach(func(k, v []byte) error {
		var t model.Task
		if err := decodeRecord(fmt.Sprintf("task %d", keyID(k)), v, &t); err != nil {
			return err
		}
		return taskIndex(tx, &t, true)
	})
	if err != nil {
		return err
	}
	err = rb(tx, bJournal).ForEach(func(k, v []byte) error {
		var e model.JournalEntry
		if err := decodeRecord(fmt.Sprintf("entry %d", keyID(k)), v, &e); err != nil {
			return err
		}
		return entryIndex(tx, &e, true)
	})
	if err != nil {
		return err
	}
	err = rb(tx, bPromises).ForEach(func(k, v []byte) error {
		var p model.Promise
		if err := decodeRecord(fmt.Sprintf("promise %d", keyID(k)), v, &p); err != nil {
			return err
		}
		return promiseIndex(tx, &p, true)
	})
	if err != nil {
		return err
	}
	err = rb(tx, bProjects).ForEach(func(k, v []byte) error {
		var p model.Project
		if err := decodeRecord(fmt.Sprintf("project %d", keyID(k)), v, &p); err != nil {
			return err
		}
		if ix(tx, ixProjectName).Get(nameKey(p.Name)) != nil {
			return model.Errf("duplicate_project", "there is already a project named %q", p.Name)
		}
		return projectIndex(tx, &p, true)
	})
	if err != nil {
		return err
	}
	return refreshAllClientDue(tx)
}

// snapshotIndexes copies every index bucket's entries ("bucket/key" hex →
// value) for comparison.
func snapshotIndexes(tx *bolt.Tx) map[string]string {
	out := map[string]string{}
	for _, name := range indexBuckets {
		idx := tx.Bucket(bIndex)
		if idx == nil {
			break
		}
		b := idx.Bucket(name)
		if b == nil {
			continue
		}
		_ = b.ForEach(func(k, v []byte) error {
			out[fmt.Sprintf("%s/%x", name, k)] = string(v)
			return nil
		})
	}
	return out
}

// indexDrift rebuilds the indexes inside tx and lists every entry that
// differs between the maintained and the rebuilt indexes ("missing …",
// "stale …", "differs …"). It changes tx: run it in a transaction that is
// rolled back (Store.dryRun).
func indexDrift(tx *bolt.Tx) ([]string, error) {
	before := snapshotIndexes(tx)
	if err := reindex(tx); err != nil {
		return nil, err
	}
	after := snapshotIndexes(tx)
	var out []string
	for k, v := range after {
		old, ok := before[k]
		switch {
		case !ok:
			out = append(out, "missing index entry "+k)
		case old != v:
			out = append(out, "index entry differs "+k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			out = append(out, "stale index entry "+k)
		}
	}
	sort.Strings(out)
	return out, nil
}

// errRollback makes dryRun's transaction roll back.
var errRollback = errors.New("rollback")

// errStop ends a seekRange/seekPrefix walk early; callers ignore it.
var errStop = errors.New("stop")

// dryRun runs fn in a write transaction that is always rolled back (for
// checks that rebuild indexes to compare them). Writes nothing.
func (s *Store) dryRun(fn func(tx *bolt.Tx) error) error {
	err := s.write(func(tx *bolt.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return errRollback
	}, false)
	if errors.Is(err, errRollback) {
		return nil
	}
	return err
}

// seekRange calls fn for each key in [from, to) of an index bucket.
func seekRange(b *bolt.Bucket, from, to []byte, fn func(k, v []byte) error) error {
	c := b.Cursor()
	for k, v := c.Seek(from); k != nil && (to == nil || bytes.Compare(k, to) < 0); k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// seekPrefix calls fn for each key starting with prefix.
func seekPrefix(b *bolt.Bucket, prefix []byte, fn func(k, v []byte) error) error {
	c := b.Cursor()
	for k, v := c.Seek(prefix); hasPrefix(k, prefix); k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}
