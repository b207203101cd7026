package storage

// What every kind of record shares: reading one by id, writing one with
// its id assigned, and checking its references. Each kind's own file
// (clients.go, tasks.go, journal.go, promises.go, projects.go) builds on
// these.

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// notFound is the error for a record missing by id: code
// "unknown_<kind>_id" (the id), apart from "unknown_<kind>" (a name the
// user typed) so that each code has one kind of argument to translate.
func notFound(kind string, id model.ID) error {
	return newStoreError(ErrNotFound, nil, "unknown_"+kind+"_id", "there is no "+kind+" %d", id)
}

// getRaw returns a record's stored bytes, nil when there is none (id 0
// included). The bytes are valid only in tx.
func getRaw(tx *bolt.Tx, bucket []byte, id model.ID) []byte {
	if id == 0 {
		return nil
	}
	return rb(tx, bucket).Get(idKey(id))
}

func getRecord(tx *bolt.Tx, bucket []byte, kind string, id model.ID, v any) error {
	return getIn(rb(tx, bucket), kind, id, v)
}

// getIn is getRecord from a record bucket already looked up (a view that
// reads thousands of records looks it up once).
//
// A damaged key that keeps the keys in order reads on without a fault:
// the record of id then sits under another id. Each record says its own
// id, so a record whose id is not its key is damage, and so is a missing
// id whose neighbours in key order (where a key moved in order must be)
// are such records: both say so and point at check, never "no task 4" or
// the wrong task.
func getIn(b *bolt.Bucket, kind string, id model.ID, v any) error {
	raw := b.Get(idKey(id))
	if raw == nil {
		if key, says, ok := misfiledNear(b, id); ok {
			return misfiled(kind, key, says)
		}
		return notFound(kind, id)
	}
	if err := decodeRecordOf(kind, id, raw, v); err != nil {
		return err
	}
	if says := recordID(v); says != 0 && says != id {
		return misfiled(kind, id, says)
	}
	return nil
}

// misfiled is the error for a record stored under a key that is not its id.
func misfiled(kind string, key, says model.ID) error {
	return newStoreError(ErrCorrupt, nil, "record_misfiled",
		"the record stored as %v says it is #%d: the database is damaged; run salesplan check, or restore a backup (salesplan backups)",
		kindNumber(kind, key), uint64(says))
}

// kindNumber names a record ("task #3") as a Problem, so that the message
// catalog says it in the user's language.
func kindNumber(kind string, id model.ID) *model.Problem {
	return model.Errf("record_"+kind, kind+" #%d", uint64(id))
}

// misfiledNear looks at the records on either side of the missing id in
// key order and returns one whose stored id is not its key.
func misfiledNear(b *bolt.Bucket, id model.ID) (key, says model.ID, ok bool) {
	c := b.Cursor()
	next, nv := c.Seek(idKey(id))
	var prev, pv []byte
	if next == nil {
		prev, pv = c.Last()
	} else {
		prev, pv = c.Prev()
	}
	for _, kv := range [][2][]byte{{next, nv}, {prev, pv}} {
		if len(kv[0]) != 8 || kv[1] == nil {
			continue
		}
		_, payload, err := openEnvelope("record", kv[1])
		if err != nil {
			continue
		}
		var rec struct {
			ID model.ID `json:"id"`
		}
		if json.Unmarshal(payload, &rec) == nil && rec.ID != 0 && rec.ID != keyID(kv[0]) {
			return keyID(kv[0]), rec.ID, true
		}
	}
	return 0, 0, false
}

// recordID is the id a decoded record says it has (0 for other values).
func recordID(v any) model.ID {
	switch r := v.(type) {
	case *model.Client:
		return r.ID
	case *model.Task:
		return r.ID
	case *model.JournalEntry:
		return r.ID
	case *model.Promise:
		return r.ID
	case *model.Project:
		return r.ID
	}
	return 0
}

// indexDamage turns a record missing in a read that follows the indexes
// (a list, a view, an export: every id it reads comes from the database
// itself, and an index changes in the transaction that changes its
// record) into what it is, damage, pointing at check.
func indexDamage(err error) error {
	var se *storeError
	if errors.As(err, new(askedFor)) || !errors.As(err, &se) || !errors.Is(se.sentinel, ErrNotFound) {
		return err
	}
	if c := se.problem.Code; !strings.HasPrefix(c, "unknown_") || !strings.HasSuffix(c, "_id") {
		return err
	}
	return newStoreError(ErrCorrupt, nil, "index_damaged",
		"%v, though the database's index names it: the database is damaged; run salesplan check, or restore a backup (salesplan backups)",
		se.problem)
}

// askedFor marks the error of the record a read was asked about, by an id
// the caller gave (JournalOf's client): its not-found is the caller's, not
// damage, and indexDamage leaves it.
type askedFor struct{ error }

func (e askedFor) Unwrap() error { return e.error }

// viewIndexed is view for a read that follows the indexes (indexDamage).
func (s *Store) viewIndexed(fn func(tx *bolt.Tx) error) error {
	return indexDamage(s.view(fn))
}

// putRaw assigns an id when *id is 0 (NextSequence) or raises the bucket's
// sequence to an imported id, writes v with the transaction's revision (and
// sets v's Rev to it), and returns the previous value (nil when new) for the
// caller's index maintenance.
func putRaw(b *bolt.Bucket, id *model.ID, v any) (prev []byte, err error) {
	if *id == 0 {
		seq, err := b.NextSequence()
		if err != nil {
			return nil, fmt.Errorf("next id: %w", err)
		}
		*id = model.ID(seq)
		if p := model.CheckID("id", *id); p != nil {
			return nil, p // the kind's ids are used up to 2^53-1
		}
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
	rev := txRevision(b.Tx())
	raw, err := encodeRecordRev(v, rev)
	if err != nil {
		return nil, err
	}
	setRev(v, rev)
	return prev, b.Put(idKey(*id), raw)
}

// txRevision is the revision a write transaction gives the records it
// writes: the revision counter as it will be when the transaction commits
// (update bumps it once, after the action).
func txRevision(tx *bolt.Tx) uint64 {
	if m := tx.Bucket(bMeta); m != nil {
		return readU64(m.Get(kRevision)) + 1
	}
	return 1
}

// checkRefs checks that a referenced client and project exist.
func checkRefs(tx *bolt.Tx, client, project model.ID) error {
	if client != 0 && rb(tx, bClients).Get(idKey(client)) == nil {
		return model.Errf("unknown_client_id", "there is no client %d", client).In("client_id")
	}
	if project != 0 && rb(tx, bProjects).Get(idKey(project)) == nil {
		return model.Errf("unknown_project_id", "there is no project %d", project).In("project_id")
	}
	return nil
}
