package storage

// Index machinery every kind shares: applying a record's index entries,
// rebuilding them all (reindex), comparing maintained and rebuilt indexes
// (indexDrift), range scans, and lookups in the unique-name indexes. Each
// kind's entries are defined in its own file.

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// nameKey is the unique-name index key: names are unique regardless of case.
func nameKey(name string) []byte { return []byte(strings.ToLower(strings.TrimSpace(name))) }

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
	for _, rebuild := range []func(*bolt.Tx) error{reindexClients, reindexTasks, reindexJournal, reindexPromises, reindexProjects,
		reindexSearch} {
		if err := rebuild(tx); err != nil {
			return err
		}
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

// findName looks a name up in a unique-name index: exact (any case) first,
// then a unique prefix.
func findName(tx *bolt.Tx, index []byte, kind, query string, name func(model.ID) (string, error)) (model.ID, error) {
	q := nameKey(query)
	if len(q) == 0 {
		return 0, newStoreError(ErrNotFound, nil, "unknown_"+kind, "no "+kind+" matches %q", query)
	}
	b := ix(tx, index)
	if v := b.Get(q); v != nil {
		return keyID(v), nil
	}
	var ids []model.ID
	_ = seekPrefix(b, q, func(_, v []byte) error {
		ids = append(ids, keyID(v))
		return nil
	})
	switch len(ids) {
	case 0:
		return 0, newStoreError(ErrNotFound, nil, "unknown_"+kind, "no "+kind+" matches %q", query)
	case 1:
		return ids[0], nil
	}
	amb := &AmbiguousError{Kind: kind, Query: query}
	for i, id := range ids {
		if i == 10 {
			amb.Candidates = append(amb.Candidates, "…")
			break
		}
		n, err := name(id)
		if err != nil {
			return 0, err
		}
		amb.Candidates = append(amb.Candidates, n)
	}
	return 0, amb
}
