package storage

// What every kind of record shares: reading one by id, writing one with
// its id assigned, and checking its references. Each kind's own file
// (clients.go, tasks.go, journal.go, promises.go, projects.go) builds on
// these.

import (
	"fmt"

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
func getIn(b *bolt.Bucket, kind string, id model.ID, v any) error {
	raw := b.Get(idKey(id))
	if raw == nil {
		return notFound(kind, id)
	}
	return decodeRecordOf(kind, id, raw, v)
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
