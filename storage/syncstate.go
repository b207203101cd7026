package storage

// CalDAV sync state (DESIGN.md §6 "The rep's phone"): what package davsync
// published, so that the next sync sends only what changed, removes what
// ended here, and knows what the phone changed. The network and the
// iCalendar live in davsync; this file keeps the state and applies what
// came back from the phone, in one transaction per sync.
//
// Bucket (created by the first sync; absent = never synced):
//
//	sync
//	├── config → record SyncConfig (caldav.url, caldav.user; never a password)
//	├── meta   → record SyncMeta (database id for UIDs, calendar, last result)
//	├── items    kind|id → record SyncItem   one per item published
//	└── changed  kind|id → at(8)             when salesplan last changed a
//	                                           published task or promise
//
// kind is one byte: 't' task, 'p' promise, 'b' bid date, 'd' papers due
// (the last two keyed by project id); id and at as in doc.go.

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

var (
	bSync       = []byte("sync")
	bSyncItems  = []byte("items")
	bSyncChange = []byte("changed")
	kSyncConfig = []byte("config")
	kSyncMeta   = []byte("meta")
)

// ActSync labels the undo step of a sync that took changes back from the phone.
const ActSync = "sync"

// SyncKind is the kind of a published item.
type SyncKind byte

// Published item kinds.
const (
	SyncTask    SyncKind = 't'
	SyncPromise SyncKind = 'p'
	SyncBid     SyncKind = 'b'
	SyncPapers  SyncKind = 'd'
)

// SyncKey names one published item: a task, a promise, or a project's bid
// or papers-due date.
type SyncKey struct {
	Kind SyncKind
	ID   model.ID
}

func (k SyncKey) bytes() []byte { return cat([]byte{byte(k.Kind)}, idKey(k.ID)) }

func syncKeyOf(b []byte) SyncKey { return SyncKey{Kind: SyncKind(b[0]), ID: keyID(b[1:])} }

// SyncConfig is where sync publishes: `config set caldav.url` and
// `caldav.user`. The password is never stored here (davsync reads it from
// the environment or a file beside the database).
type SyncConfig struct {
	URL  string `json:"url"`
	User string `json:"user"`
}

// SyncResult is what the last sync did, for the planner's top line.
type SyncResult struct {
	At        time.Time `json:"at"`
	OK        bool      `json:"ok"`
	Sent      int       `json:"sent"`
	Removed   int       `json:"removed"`
	TakenBack int       `json:"taken_back"`
	Conflicts int       `json:"conflicts"`
	Requests  int       `json:"requests"`
	Problem   string    `json:"problem,omitempty"` // a Problem code when it failed part-way
}

// SyncMeta is the sync's own bookkeeping.
type SyncMeta struct {
	// DBID makes this database's UIDs its own, so that two databases (the
	// demo and the real one) never overwrite each other's items in one calendar.
	DBID string `json:"dbid"`
	// URL is the calendar the items were published to; another URL starts over.
	URL string `json:"url"`
	// Verified is a calendar URL whose check (a calendar that takes events
	// and tasks) passed, so the check is not repeated on every sync.
	Verified string     `json:"verified"`
	Last     SyncResult `json:"last"`
	// SyncToken is the calendar's RFC 6578 sync token after the last
	// complete sync: the next one asks only for what changed since.
	SyncToken string `json:"sync_token,omitempty"`
}

// SyncItem is one published item: where it lives on the server, the ETag
// it had when last seen, the hash of what was sent, and the start sent
// (for tasks: a phone that moved the event shows a different start).
type SyncItem struct {
	Key       SyncKey     `json:"-"`
	UID       string      `json:"uid"`
	Href      string      `json:"href"`
	ETag      string      `json:"etag"`
	Hash      string      `json:"hash"` // "" = must be sent again
	Start     model.Date  `json:"start"`
	Time      model.Clock `json:"time"`
	What      string      `json:"what"` // the title or text, for a journal note if the record is gone
	ClientID  model.ID    `json:"client_id"`
	ProjectID model.ID    `json:"project_id"`
	Seen      time.Time   `json:"seen"` // last confirmed on the server (sent or fetched)
}

// SyncClient is what an item shows of its client.
type SyncClient struct {
	Name, Phone, Area string
}

// SyncSnapshot is everything a sync publishes, read in one transaction.
type SyncSnapshot struct {
	Config   SyncConfig
	Meta     SyncMeta
	Items    map[SyncKey]SyncItem
	Settings model.Settings
	// Tasks: every open dated task, however old (an overdue task is still
	// to be done), and the done ones dated from the window's first day on;
	// in date order.
	Tasks []model.Task
	// Promises that are open.
	Promises []model.Promise
	// Bids: projects in lead, design or bidding whose bid date is in the window.
	Bids     []model.Project
	Clients  map[model.ID]SyncClient
	Projects map[model.ID]string
}

// syncBucket returns the sync bucket, or nil before the first sync.
func syncBucket(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket(bSync) }

// ensureSync creates the sync bucket and its sub-buckets.
func ensureSync(tx *bolt.Tx) (*bolt.Bucket, error) {
	b, err := tx.CreateBucketIfNotExists(bSync)
	if err != nil {
		return nil, fmt.Errorf("create bucket sync: %w", err)
	}
	for _, name := range [][]byte{bSyncItems, bSyncChange} {
		if _, err := b.CreateBucketIfNotExists(name); err != nil {
			return nil, fmt.Errorf("create bucket sync/%s: %w", name, err)
		}
	}
	return b, nil
}

func readSyncRecord(b *bolt.Bucket, key []byte, what string, v any) error {
	if b == nil {
		return nil
	}
	if raw := b.Get(key); raw != nil {
		return decodeRecord(what, raw, v)
	}
	return nil
}

func putSyncRecord(b *bolt.Bucket, key []byte, v any) error {
	raw, err := encodeRecord(v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

// SyncConfig returns caldav.url and caldav.user (empty before they are set).
func (s *Store) SyncConfig() (c SyncConfig, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		return readSyncRecord(syncBucket(tx), kSyncConfig, "sync config", &c)
	})
	return c, err
}

// SetSyncConfig changes the sync configuration in one transaction; fn
// edits a copy, an error from fn changes nothing.
func (s *Store) SetSyncConfig(fn func(*SyncConfig) error) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := ensureSync(tx)
		if err != nil {
			return err
		}
		var c SyncConfig
		if err := readSyncRecord(b, kSyncConfig, "sync config", &c); err != nil {
			return err
		}
		if err := fn(&c); err != nil {
			return err
		}
		return putSyncRecord(b, kSyncConfig, c)
	})
}

// SyncMeta returns the sync's bookkeeping (zero before the first sync).
func (s *Store) SyncMeta() (m SyncMeta, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		return readSyncRecord(syncBucket(tx), kSyncMeta, "sync meta", &m)
	})
	return m, err
}

// SyncSnapshot reads what a sync publishes for today: every open dated
// task and the done ones dated from `from` on, open promises, and the bids
// of projects in lead, design or bidding dated from `from` on; with the
// sync state. It reads through the date, open-task, status and bid indexes
// only.
func (s *Store) SyncSnapshot(from model.Date) (snap *SyncSnapshot, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		snap, err = readSyncSnapshot(tx, from)
		return err
	})
	return snap, err
}

func readSyncSnapshot(tx *bolt.Tx, from model.Date) (*SyncSnapshot, error) {
	snap := &SyncSnapshot{Items: map[SyncKey]SyncItem{}, Clients: map[model.ID]SyncClient{}, Projects: map[model.ID]string{}}
	sb := syncBucket(tx)
	if err := readSyncRecord(sb, kSyncConfig, "sync config", &snap.Config); err != nil {
		return nil, err
	}
	if err := readSyncRecord(sb, kSyncMeta, "sync meta", &snap.Meta); err != nil {
		return nil, err
	}
	if sb != nil {
		if items := sb.Bucket(bSyncItems); items != nil {
			err := items.ForEach(func(k, v []byte) error {
				if len(k) != 9 {
					return corrupt("sync item", fmt.Errorf("bad key %x", k))
				}
				key := syncKeyOf(k)
				var it SyncItem
				if err := decodeRecord(fmt.Sprintf("sync item %c%d", key.Kind, key.ID), v, &it); err != nil {
					return err
				}
				it.Key = key
				snap.Items[key] = it
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	var err error
	if snap.Settings, err = readSettings(tx); err != nil {
		return nil, err
	}
	clients := map[model.ID]bool{}
	addTask := func(k, _ []byte) error {
		t, err := getTask(tx, keyID(k[4:]))
		if err == nil {
			snap.Tasks = append(snap.Tasks, t)
			clients[t.ClientID] = true
			snap.Projects[t.ProjectID] = ""
		}
		return err
	}
	// Before the window: the open tasks only (task_open holds no done
	// task; date 0, the inbox, is not published). From it on: all.
	if err = seekRange(ix(tx, ixTaskOpen), dateBytes(1), dateBytes(max(from, 1)), addTask); err != nil {
		return nil, err
	}
	if err = seekRange(ix(tx, ixTaskDate), dateBytes(max(from, 1)), nil, addTask); err != nil {
		return nil, err
	}
	err = seekPrefix(ix(tx, ixPromiseStatus), []byte{'o'}, func(k, _ []byte) error {
		p, err := getPromise(tx, keyID(k[5:]))
		if err == nil {
			snap.Promises = append(snap.Promises, p)
			clients[p.ClientID] = true
			snap.Projects[p.ProjectID] = ""
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	err = seekRange(ix(tx, ixBidDate), dateBytes(max(from, 1)), nil, func(k, v []byte) error {
		if len(v) < 1 || !bidStage(v[0]) {
			return nil
		}
		p, err := getProject(tx, keyID(k[4:12]))
		if err == nil && bidStage(stageByte(p.Stage)) {
			snap.Bids = append(snap.Bids, p)
			clients[p.ClientID] = true
			snap.Projects[p.ID] = ""
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	n := newNamer(tx)
	for id := range snap.Projects {
		if id == 0 {
			delete(snap.Projects, id)
			continue
		}
		snap.Projects[id] = n.project(id)
	}
	for id := range clients {
		if id == 0 {
			continue
		}
		c, err := getClient(tx, id)
		if err != nil {
			return nil, err
		}
		snap.Clients[id] = SyncClient{Name: c.Name, Phone: c.Phone, Area: c.Area}
	}
	return snap, nil
}

// bidStage reports whether a project in the stage at this pipeline
// position still has its bid ahead (lead, design, bidding: DESIGN.md §2).
func bidStage(b byte) bool {
	return b == stageByte(model.StageLead) || b == stageByte(model.StageDesign) || b == stageByte(model.StageBidding)
}

// SyncSeen is a server item confirmed without anything to take back: its
// ETag (and href) are recorded so it is not fetched again.
type SyncSeen struct {
	Key        SyncKey
	Href, ETag string
	UID        string
	// Resend: the phone changed what it cannot change here (a bid's date,
	// a promise's due date): salesplan's version goes up again.
	Resend bool
}

// SyncBack is one change the phone made that salesplan takes back: a task
// event moved, or a promise's to-do completed.
type SyncBack struct {
	Key        SyncKey
	Href, ETag string
	UID        string
	// At is when the phone made the change (LAST-MODIFIED, else the
	// server's modification time): the later change wins a conflict.
	At time.Time
	// A move (tasks): the phone's start, and the start salesplan had sent
	// (from the item's marker on the server, else the sync state).
	Date, SentDate model.Date
	Time, SentTime model.Clock
	// A completion (promises): the day it was completed on the phone.
	Completed bool
	On        model.Date
}

// SyncNotes word the journal notes a conflict leaves (fmt formats; the
// command line passes its catalog's). Each gets the title or promise text,
// then dates as the formats say.
type SyncNotes struct {
	PhoneWon     string // %s title, %s phone's start, %s the start here that lost
	HereWon      string // %s title, %s phone's start that lost, %s the start here
	MovedDone    string // %s title, %s phone's start
	MovedDeleted string // %s title, %s phone's start
	KeptCancel   string // %s text, %s completed on (the phone's later completion undoes a cancel)
	CancelKept   string // %s text, %s completed on (the cancel here is later and stays)
}

// SyncApply is what a sync hands storage after reading the server.
type SyncApply struct {
	Today model.Date // kept-on dates are clamped to it
	From  model.Date // the window's first day, for the snapshot returned
	Now   time.Time  // real clock: the change times compared in conflicts
	// NoteAt is when the conflict notes are written (today's date).
	NoteAt time.Time
	DBID   string // set on the first sync
	URL    string // the calendar read; another than the state's resets the items
	Seen   []SyncSeen
	Back   []SyncBack
	Notes  SyncNotes
	DryRun bool // do it all and roll back (sync --dry-run)
}

// SyncOutcome is what taking one change back did.
type SyncOutcome struct {
	Key    SyncKey
	What   string // title or promise text
	Client string
	Action string // SyncMoved, SyncKept, SyncPhoneWon, SyncHereWon, SyncIgnoredDone, SyncIgnoredGone, SyncIgnoredRange
	Date   model.Date
	Time   model.Clock
	// Conflict: both sides changed it; Noted: the losing side went into the client's journal.
	Conflict, Noted bool
}

// SyncOutcome actions.
const (
	SyncMoved        = "moved"         // the task now has the phone's date and time
	SyncKept         = "kept"          // the promise is now kept
	SyncPhoneWon     = "phone_won"     // conflict: the phone's change was later and was applied
	SyncHereWon      = "here_won"      // conflict: the change here was later and stays
	SyncIgnoredDone  = "ignored_done"  // the phone moved a task done here: it stays done
	SyncIgnoredGone  = "ignored_gone"  // the phone changed something deleted here
	SyncIgnoredRange = "ignored_range" // the phone's date is outside 1900–2200
)

// ApplySync takes back what the phone changed and records the server's
// ETags, in one transaction, then returns the snapshot to publish (read in
// that same transaction, so it reflects what was taken back). With
// nothing to take back it writes only the sync state (no undo step, no
// revision bump); otherwise it is one undoable action (ActSync).
func (s *Store) ApplySync(in SyncApply) (snap *SyncSnapshot, out []SyncOutcome, err error) {
	body := func(r *recorder) error {
		b, err := ensureSync(r.tx)
		if err != nil {
			return err
		}
		var meta SyncMeta
		if err := readSyncRecord(b, kSyncMeta, "sync meta", &meta); err != nil {
			return err
		}
		if meta.URL != in.URL {
			// Another calendar: what was published to the old one says
			// nothing about the new one.
			for _, name := range [][]byte{bSyncItems, bSyncChange} {
				if err := b.DeleteBucket(name); err != nil {
					return fmt.Errorf("reset sync state: %w", err)
				}
				if _, err := b.CreateBucket(name); err != nil {
					return fmt.Errorf("reset sync state: %w", err)
				}
			}
			meta.URL, meta.SyncToken = in.URL, ""
		}
		if meta.DBID == "" {
			meta.DBID = in.DBID
		}
		if err := putSyncRecord(b, kSyncMeta, meta); err != nil {
			return err
		}
		items := b.Bucket(bSyncItems)
		for _, seen := range in.Seen {
			it := readSyncItem(items, seen.Key)
			if it.Href == "" {
				it.UID = seen.UID
			}
			it.Href, it.ETag, it.Seen = seen.Href, seen.ETag, in.Now
			if seen.Resend {
				it.Hash = ""
			}
			if err := putSyncItem(items, seen.Key, it); err != nil {
				return err
			}
		}
		for _, back := range in.Back {
			o, err := applyBack(r, b, in, back)
			if err != nil {
				return err
			}
			out = append(out, o)
		}
		snap, err = readSyncSnapshot(r.tx, in.From)
		return err
	}
	switch {
	case in.DryRun:
		err = s.dryRun(func(tx *bolt.Tx) error {
			return body(&recorder{tx: tx, seen: map[string]bool{}, action: ActSync, fromSync: true})
		})
	case len(in.Back) == 0:
		err = s.write(func(tx *bolt.Tx) error {
			return body(&recorder{tx: tx, seen: map[string]bool{}, action: ActSync, fromSync: true})
		}, false)
	default:
		err = s.act(ActSync, func(r *recorder) error {
			r.fromSync = true
			err := body(r)
			r.action = ActSync // one undo step for the whole sync, not "move task"
			return err
		})
	}
	if err != nil {
		return nil, nil, err
	}
	return snap, out, nil
}

func readSyncItem(items *bolt.Bucket, key SyncKey) SyncItem {
	var it SyncItem
	if raw := items.Get(key.bytes()); raw != nil {
		// A damaged item is sent again rather than failing every sync.
		if decodeRecord("sync item", raw, &it) != nil {
			it = SyncItem{}
		}
	}
	it.Key = key
	return it
}

func putSyncItem(items *bolt.Bucket, key SyncKey, it SyncItem) error {
	return putSyncRecord(items, key.bytes(), it)
}

// changedAt is when salesplan last changed the record behind key (zero
// when unknown: changed before its first sync, or by an import).
func changedAt(b *bolt.Bucket, key SyncKey) time.Time {
	if c := b.Bucket(bSyncChange); c != nil {
		if v := c.Get(key.bytes()); len(v) == 8 {
			return time.Unix(0, int64(readU64(v)^(1<<63)))
		}
	}
	return time.Time{}
}

// applyBack takes back one phone change, deciding a conflict by which
// change is later (DESIGN.md §6): the loser goes into the client's journal.
func applyBack(r *recorder, b *bolt.Bucket, in SyncApply, back SyncBack) (SyncOutcome, error) {
	items := b.Bucket(bSyncItems)
	it := readSyncItem(items, back.Key)
	if it.UID == "" {
		it.UID = back.UID
	}
	it.Href, it.ETag, it.Seen = back.Href, back.ETag, in.Now
	o := SyncOutcome{Key: back.Key, What: it.What, Date: back.Date, Time: back.Time}
	here := changedAt(b, back.Key)
	if here.IsZero() {
		here = it.Seen // unknown: assume just after it was last sent
	}
	phoneLater := back.At.After(here)
	note := func(clientID, projectID model.ID, format string, args ...any) error {
		if clientID == 0 || format == "" {
			return nil // a task without a client has no journal: the outcome says it
		}
		if _, err := getClient(r.tx, clientID); err != nil {
			return nil
		}
		e := model.JournalEntry{ClientID: clientID, ProjectID: projectID, Kind: model.EntryNote,
			At: in.NoteAt, Text: fmt.Sprintf(format, args...)}
		if err := validateEntry(r.tx, &e); err != nil {
			return err
		}
		o.Noted = true
		return r.putEntry(&e)
	}
	switch back.Key.Kind {
	case SyncTask:
		phone := startText(back.Date, back.Time)
		t, err := getTask(r.tx, back.Key.ID)
		switch {
		case err != nil:
			o.Action, o.Conflict = SyncIgnoredGone, true
			if err := note(it.ClientID, it.ProjectID, in.Notes.MovedDeleted, it.What, phone); err != nil {
				return o, err
			}
		case back.Date < model.MakeDate(1900, 1, 1) || back.Date > model.MakeDate(2200, 12, 31):
			o.What, o.Action = t.Title, SyncIgnoredRange
		case t.Done:
			o.What, o.Action, o.Conflict = t.Title, SyncIgnoredDone, true
			if err := note(t.ClientID, t.ProjectID, in.Notes.MovedDone, t.Title, phone); err != nil {
				return o, err
			}
		case t.Date == back.Date && t.Time == back.Time:
			o.What, o.Action = t.Title, SyncMoved // already there
		case t.Date == back.SentDate && t.Time == back.SentTime:
			o.What, o.Action = t.Title, SyncMoved
			t.Date, t.Time = back.Date, back.Time
			if !t.Time.Valid() {
				t.Slot = model.SlotAny
			}
			if err := updateTask(r, t); err != nil {
				return o, err
			}
		case phoneLater:
			o.What, o.Action, o.Conflict = t.Title, SyncPhoneWon, true
			lost := startText(t.Date, t.Time)
			t.Date, t.Time = back.Date, back.Time
			if !t.Time.Valid() {
				t.Slot = model.SlotAny
			}
			if err := updateTask(r, t); err != nil {
				return o, err
			}
			if err := note(t.ClientID, t.ProjectID, in.Notes.PhoneWon, t.Title, phone, lost); err != nil {
				return o, err
			}
		default:
			o.What, o.Action, o.Conflict = t.Title, SyncHereWon, true
			o.Date, o.Time = t.Date, t.Time
			if err := note(t.ClientID, t.ProjectID, in.Notes.HereWon, t.Title, phone, startText(t.Date, t.Time)); err != nil {
				return o, err
			}
		}
		// What the phone has is now what salesplan last saw there; the
		// task's own date goes up again (hash "" sends it).
		it.Start, it.Time, it.Hash = back.Date, back.Time, ""
	case SyncPromise:
		p, err := getPromise(r.tx, back.Key.ID)
		on := back.On
		if err == nil {
			on = min(max(on, p.MadeOn), in.Today)
		}
		o.Date = on
		switch {
		case err != nil:
			o.Action, o.Conflict = SyncIgnoredGone, true
		case p.Status == model.PromiseKept:
			o.What, o.Action = p.Text, SyncKept // kept here too
		case p.Status == model.PromiseOpen:
			o.What, o.Action = p.Text, SyncKept
			if _, err := closePromise(r, p.ID, model.PromiseKept, on, "", in.Today); err != nil {
				return o, err
			}
		case phoneLater: // cancelled here, completed later on the phone
			o.What, o.Action, o.Conflict = p.Text, SyncPhoneWon, true
			p.Status, p.KeptOn = model.PromiseKept, on
			if err := validatePromise(r.tx, &p); err != nil {
				return o, err
			}
			if err := r.putPromise(&p); err != nil {
				return o, err
			}
			if err := note(p.ClientID, p.ProjectID, in.Notes.KeptCancel, p.Text, on.String()); err != nil {
				return o, err
			}
		default:
			o.What, o.Action, o.Conflict = p.Text, SyncHereWon, true
			if err := note(p.ClientID, p.ProjectID, in.Notes.CancelKept, p.Text, on.String()); err != nil {
				return o, err
			}
		}
		it.Hash = ""
	}
	if c, ok := getClientName(r.tx, it.ClientID); ok {
		o.Client = c
	}
	return o, putSyncItem(items, back.Key, it)
}

func getClientName(tx *bolt.Tx, id model.ID) (string, bool) {
	if id == 0 {
		return "", false
	}
	v := ix(tx, ixClientLabel).Get(idKey(id))
	return string(v), v != nil
}

// startText writes a start as the notes show it: "2026-12-03 10:00", or the
// date alone for an all-day event.
func startText(d model.Date, c model.Clock) string {
	if c.Valid() {
		return d.String() + " " + c.String()
	}
	return d.String()
}

// SyncSave is a batch of sync state written while items are sent.
type SyncSave struct {
	Put    []SyncItem
	Delete []SyncKey
	// Before: change times up to this instant are cleared for the items
	// put (their change was sent); later ones stay for the next sync.
	Before time.Time
	Result *SyncResult // set on the last batch
	// Token replaces the sync token when SetToken (a sync that finished).
	Token    string
	SetToken bool
}

// SaveSync writes a batch of sync state in one transaction. It is state,
// not data: no undo step and no revision bump.
func (s *Store) SaveSync(save SyncSave) error {
	return s.write(func(tx *bolt.Tx) error {
		b, err := ensureSync(tx)
		if err != nil {
			return err
		}
		items, changed := b.Bucket(bSyncItems), b.Bucket(bSyncChange)
		for _, it := range save.Put {
			if err := putSyncItem(items, it.Key, it); err != nil {
				return err
			}
			if at := changedAt(b, it.Key); !at.IsZero() && !at.After(save.Before) {
				if err := changed.Delete(it.Key.bytes()); err != nil {
					return err
				}
			}
		}
		for _, k := range save.Delete {
			if err := items.Delete(k.bytes()); err != nil {
				return err
			}
			if err := changed.Delete(k.bytes()); err != nil {
				return err
			}
		}
		if save.Result != nil {
			var meta SyncMeta
			if err := readSyncRecord(b, kSyncMeta, "sync meta", &meta); err != nil {
				return err
			}
			meta.Last = *save.Result
			if save.Result.OK {
				meta.Verified = meta.URL
			}
			if save.SetToken {
				meta.SyncToken = save.Token
			}
			return putSyncRecord(b, kSyncMeta, meta)
		}
		return nil
	}, false)
}

// noteSyncChanges records when an action changed a published task or
// promise, so that a conflict with the phone goes to the later change.
// Before the first sync there is no sync bucket and this costs one lookup.
func noteSyncChanges(tx *bolt.Tx, images []image, now time.Time) error {
	b := syncBucket(tx)
	if b == nil {
		return nil
	}
	items, changed := b.Bucket(bSyncItems), b.Bucket(bSyncChange)
	if items == nil || changed == nil {
		return nil
	}
	for _, im := range images {
		var kind SyncKind
		switch {
		case bytes.Equal(im.bucket, bTasks):
			kind = SyncTask
		case bytes.Equal(im.bucket, bPromises):
			kind = SyncPromise
		default:
			continue
		}
		k := SyncKey{Kind: kind, ID: im.id}.bytes()
		if items.Get(k) == nil {
			continue
		}
		if err := changed.Put(k, timeBytes(now)); err != nil {
			return err
		}
	}
	return nil
}

// SyncUIDPrefix is the start of every UID (and file name) this database
// publishes; what does not start with it is someone else's and left alone.
func SyncUIDPrefix(dbid string) string { return "salesplan-" + dbid + "-" }

// ParseSyncUID reads a UID made by SyncUID back into its key.
func ParseSyncUID(dbid, uid string) (SyncKey, bool) {
	rest, ok := strings.CutPrefix(uid, SyncUIDPrefix(dbid))
	if !ok {
		return SyncKey{}, false
	}
	kind, num, ok := strings.Cut(rest, "-")
	if !ok {
		return SyncKey{}, false
	}
	var k SyncKey
	switch kind {
	case "task":
		k.Kind = SyncTask
	case "promise":
		k.Kind = SyncPromise
	case "bid":
		k.Kind = SyncBid
	case "papers":
		k.Kind = SyncPapers
	default:
		return SyncKey{}, false
	}
	var id uint64
	if _, err := fmt.Sscanf(num, "%d", &id); err != nil || id == 0 || fmt.Sprint(id) != num {
		return SyncKey{}, false
	}
	k.ID = model.ID(id)
	return k, true
}

// SyncUID is the stable UID of an item: the database id, the kind and the
// record id (salesplan-<dbid>-task-7).
func SyncUID(dbid string, k SyncKey) string {
	kind := map[SyncKind]string{SyncTask: "task", SyncPromise: "promise", SyncBid: "bid", SyncPapers: "papers"}[k.Kind]
	return fmt.Sprintf("%s%s-%d", SyncUIDPrefix(dbid), kind, k.ID)
}

// SettingsSync is what the planner's settings screen edits: the settings
// and where sync publishes (caldav.url, caldav.user), which are kept with
// the sync state rather than in the settings because they name this
// machine's account, not the plan (the exchange format leaves them out).
type SettingsSync struct {
	Settings model.Settings
	Sync     SyncConfig
}

// EditSettingsSync applies an edit of the settings and of the sync
// configuration in one transaction, each as EditSettings does: only what
// changed from seen is written, onto what is stored now, so a setting or
// caldav.user set elsewhere meanwhile survives. A field changed both here
// and elsewhere (caldav.url, say) is a *ConflictError carrying the
// SettingsSync stored now. An undo puts back the settings (the sync
// configuration is not in the undo log, as `config set caldav.url` is
// not). It returns both as stored after the edit.
func (s *Store) EditSettingsSync(seen, edited SettingsSync) (SettingsSync, error) {
	var out SettingsSync
	err := s.act(ActSettings, func(r *recorder) error {
		stored, err := readSettings(r.tx)
		if err != nil {
			return err
		}
		var storedSync SyncConfig
		if err := readSyncRecord(syncBucket(r.tx), kSyncConfig, "sync config", &storedSync); err != nil {
			return err
		}
		merged, conflicts, changed, err := mergeEdit(seen.Settings, edited.Settings, stored)
		if err != nil {
			return err
		}
		mergedSync, syncConflicts, syncChanged, err := mergeEdit(seen.Sync, edited.Sync, storedSync)
		if err != nil {
			return err
		}
		for _, f := range syncConflicts {
			conflicts = append(conflicts, "caldav."+f)
		}
		if len(conflicts) > 0 {
			return conflict("settings", 0, conflicts, SettingsSync{Settings: stored, Sync: storedSync})
		}
		out = SettingsSync{Settings: stored, Sync: storedSync}
		if changed {
			if merged.AnnualTargets == nil {
				merged.AnnualTargets = map[int]model.Money{}
			}
			if merged.MonthTargets == nil {
				merged.MonthTargets = map[string]model.Money{}
			}
			if err := validateSettings(&merged); err != nil {
				return err
			}
			if err := r.putSettings(merged); err != nil {
				return err
			}
			out.Settings = merged
			out.Settings.Rev = txRevision(r.tx)
		}
		if syncChanged {
			b, err := ensureSync(r.tx)
			if err != nil {
				return err
			}
			if err := putSyncRecord(b, kSyncConfig, mergedSync); err != nil {
				return err
			}
			out.Sync = mergedSync
		}
		return nil
	})
	return out, err
}
