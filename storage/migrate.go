package storage

import (
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// schemaVersion is the schema this build writes. Open refuses a database
// whose meta says a newer one (ErrNewerSchema) and runs migrate for an older.
const schemaVersion = 2

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
	{2, "records carry a revision (codec version 2) and the undo log is kept in the database", migrateTo2},
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

// migrateTo2: schema 2 writes records in the codec-2 envelope, which
// carries the record's revision, and keeps the undo log in the database.
// Version-1 records are read as they are (revision 0) and take the new
// envelope when next written, so nothing is rewritten here; the schema
// number is raised so that an older salesplan refuses the file ("written by
// a newer salesplan") instead of calling its new records damaged.
func migrateTo2(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bUndo); err != nil {
		return fmt.Errorf("bucket %s: %w", bUndo, err)
	}
	return nil
}
