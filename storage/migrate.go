package storage

import (
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// schemaVersion is the schema this build writes. Open refuses a database
// whose meta says a newer one (ErrNewerSchema) and runs migrate for an older.
const schemaVersion = 4

// A migration brings the database from schema To-1 to To. Steps run in
// order inside the one transaction that Open (or Restore) holds, so a
// failed step leaves the file as it was. Add a step by appending it with
// the next number, raising schemaVersion, and writing its test on a
// database laid out like the version before it.
type migration struct {
	To   uint64
	What string
	Run  func(tx *bolt.Tx) error
}

var migrations = []migration{
	{1, "wrap bare JSON records in the checksummed envelope and build the indexes", migrateTo1},
	{2, "the work plan's rules: signed dates of projects onboarded signed, and the indexes of signed projects, cancellations and tasks done", migrateTo2},
	{3, "records carry a revision (codec version 2) and the undo log is kept in the database", migrateTo3},
	{4, "the follow-up summary (key clients' follow-up entries, regular clients' counts by date) and the important flag in task_open", migrateTo4},
}

// migrate brings a database at version from up to schemaVersion inside the
// open transaction.
func migrate(tx *bolt.Tx, from uint64) error {
	for _, m := range migrations {
		if m.To <= from {
			continue
		}
		if err := m.Run(tx); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.To, m.What, err)
		}
		if err := rb(tx, bMeta).Put(kSchema, u64(m.To)); err != nil {
			return fmt.Errorf("migration %d: record schema: %w", m.To, err)
		}
	}
	return nil
}

// migrateTo1: schema 0 was the first layout — a meta bucket without a
// schema key (settings as bare JSON), the five record buckets holding the bare JSON of each record
// (no version byte, no checksum) and no index buckets. Records already in
// the envelope are left alone, so a step interrupted and rerun is harmless.
func migrateTo1(tx *bolt.Tx) error {
	meta := rb(tx, bMeta)
	if v := meta.Get(kSettings); len(v) > 0 && !isEnvelope(v) {
		if !json.Valid(v) {
			return fmt.Errorf("%w: settings: not JSON", ErrCorrupt)
		}
		raw, err := encodeRecord(json.RawMessage(v))
		if err != nil {
			return err
		}
		if err := meta.Put(kSettings, raw); err != nil {
			return fmt.Errorf("rewrite settings: %w", err)
		}
	}
	for _, name := range recordBuckets {
		b, err := tx.CreateBucketIfNotExists(name)
		if err != nil {
			return fmt.Errorf("bucket %s: %w", name, err)
		}
		type kv struct{ k, v []byte }
		var rewrite []kv
		err = b.ForEach(func(k, v []byte) error {
			if isEnvelope(v) {
				return nil
			}
			if !json.Valid(v) || !bytes.HasPrefix(bytes.TrimSpace(v), []byte("{")) {
				return fmt.Errorf("%w: %s %d: not a JSON record", ErrCorrupt, name, keyID(k))
			}
			// A RawMessage re-encodes byte for byte (compacted): the
			// record's fields are not reinterpreted by the migration.
			raw, err := encodeRecord(json.RawMessage(v))
			if err != nil {
				return err
			}
			rewrite = append(rewrite, kv{append([]byte(nil), k...), raw})
			return nil
		})
		if err != nil {
			return err
		}
		// Written after the walk: bbolt forbids changing a bucket while
		// ForEach runs over it.
		for _, r := range rewrite {
			if err := b.Put(r.k, r.v); err != nil {
				return fmt.Errorf("rewrite %s %d: %w", name, keyID(r.k), err)
			}
		}
		if err := raiseSequence(b); err != nil {
			return err
		}
	}
	return reindex(tx)
}

// raiseSequence makes sure NextSequence never hands out an id that exists:
// schema 0 did not keep the sequence.
func raiseSequence(b *bolt.Bucket) error {
	k, _ := b.Cursor().Last()
	if len(k) == 8 && readU64(k) > b.Sequence() {
		return b.SetSequence(readU64(k))
	}
	return nil
}

// migrateTo2: schema 1 had no signed_on, and no project_signed,
// promise_cancelled or task_done index. A project at contract or a later
// stage that never entered contract (onboarded already signed) counted as
// never signed; it now carries the date it entered its first signed stage
// (model.DefaultSignedOn), so its value counts in that month. Cancelled
// promises keep no date: they count as cancelled in time, as before.
// Journal entries without a client did not exist. The records are
// rewritten, then every index is rebuilt (the new ones with them).
func migrateTo2(tx *bolt.Tx) error {
	b := rb(tx, bProjects)
	type kv struct{ k, v []byte }
	var rewrite []kv
	err := b.ForEach(func(k, v []byte) error {
		var p model.Project
		if err := decodeRecordOf("project", keyID(k), v, &p); err != nil {
			return err
		}
		on := model.DefaultSignedOn(p)
		if on == p.SignedOn {
			return nil
		}
		p.SignedOn = on
		raw, err := encodeRecord(p)
		if err != nil {
			return err
		}
		rewrite = append(rewrite, kv{append([]byte(nil), k...), raw})
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range rewrite {
		if err := b.Put(r.k, r.v); err != nil {
			return fmt.Errorf("rewrite project %d: %w", keyID(r.k), err)
		}
	}
	return reindex(tx)
}

// migrateTo3: schema 3 writes records in the codec-2 envelope, which
// carries the record's revision, and keeps the undo log in the database.
// Version-1 records are read as they are (revision 0) and take the new
// envelope when next written, so nothing is rewritten here; the schema
// number is raised so that an older salesplan refuses the file ("written by
// a newer salesplan") instead of calling its new records damaged.
func migrateTo3(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bUndo); err != nil {
		return fmt.Errorf("bucket %s: %w", bUndo, err)
	}
	return nil
}

// migrateTo4: schema 4 keeps a summary of client_due (client_due_key,
// client_due_count; clients.go) in the same transactions as client_due.
// It is built here from client_due, an index scan (the ten-year file's
// 5,000 entries in milliseconds), not by rebuilding every index. The
// schema number, not only a missing bucket, marks the change: a build
// before it would write without keeping the summary, and Today would show
// stale counts; it now refuses the file instead ("written by a newer
// salesplan"). A file before schema 1 has no client_due yet: migrateTo1's
// reindex builds the summary with every index.
//
// task_open's values gain a flags byte (important), so that today's list
// picks the carried-over tasks it shows first from the index: the undone
// tasks' values are rewritten (their records decoded: the undone ones
// only, thousands at most).
func migrateTo4(tx *bolt.Tx) error {
	idx := tx.Bucket(bIndex)
	if idx == nil || idx.Bucket(ixClientDue) == nil || idx.Bucket(ixTaskOpen) == nil {
		return nil // built with the other indexes (reindexIfOld)
	}
	if err := rebuildDueSummary(tx); err != nil {
		return err
	}
	type kv struct{ k, v []byte }
	var open []kv
	tasks := rb(tx, bTasks)
	err := ix(tx, ixTaskOpen).ForEach(func(k, _ []byte) error {
		if len(k) != 12 {
			return model.Errf("corrupt_index", "an open task index entry is damaged; run salesplan check")
		}
		var t model.Task
		if err := getIn(tasks, "task", keyID(k[4:]), &t); err != nil {
			return err
		}
		open = append(open, kv{append([]byte(nil), k...), taskOpenValue(&t)})
		return nil
	})
	if err != nil {
		return err
	}
	for _, e := range open {
		if err := ix(tx, ixTaskOpen).Put(e.k, e.v); err != nil {
			return err
		}
	}
	return nil
}
