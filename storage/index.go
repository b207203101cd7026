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

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// nameKey is the unique-name index key (model.NameKey): case, runs of
// spaces and zero-width or bidi characters do not make two names.
func nameKey(name string) []byte { return []byte(model.NameKey(name)) }

// Unique-name indexes (client_name, project_name) map nameKey → id. A name
// that no key holds apart — an empty key, or a look-alike of another
// record's name stored before look-alikes were refused — is entered under
// nameKey|0x00|id instead, so that an old database still opens and lists
// both; a prefix lookup finds it, and the next rename or look-alike check
// sees it. (NameKey never contains 0x00: it is made inert.)

// nameTaken reports whether another record than id holds name's key, in
// either form.
func nameTaken(b *bolt.Bucket, name string, id model.ID) bool { return nameHolder(b, name, id) != 0 }

// nameHolder is the record other than id that holds name's key, in either
// form (0: none): a refusal names it as it is stored ("ACME Ltd"), not as
// the look-alike typed ("acme ltd").
func nameHolder(b *bolt.Bucket, name string, id model.ID) model.ID {
	k := nameKey(name)
	if v := b.Get(k); v != nil && keyID(v) != id {
		return keyID(v)
	}
	var holder model.ID
	_ = seekPrefix(b, append(k, 0), func(_, v []byte) error {
		if keyID(v) != id {
			holder = keyID(v)
			return errStop
		}
		return nil
	})
	return holder
}

// putName enters id's name; a key held by another record makes it an
// apart entry (callers refuse new duplicates with nameTaken first).
func putName(b *bolt.Bucket, name string, id model.ID) error {
	k := nameKey(name)
	if v := b.Get(k); len(k) == 0 || (v != nil && keyID(v) != id) {
		k = cat(k, []byte{0}, idKey(id))
	}
	return b.Put(k, idKey(id))
}

// deleteName removes id's name entry, in whichever form it has.
func deleteName(b *bolt.Bucket, name string, id model.ID) error {
	k := nameKey(name)
	if v := b.Get(k); v != nil && keyID(v) == id {
		return b.Delete(k)
	}
	return b.Delete(cat(k, []byte{0}, idKey(id)))
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

// reindexNames rebuilds the unique-name indexes (client_name,
// project_name) from the records.
func reindexNames(tx *bolt.Tx) error {
	idx := tx.Bucket(bIndex)
	for _, kind := range []struct {
		index, records []byte
		name           func(raw []byte, id model.ID) (string, error)
	}{
		{ixClientName, bClients, func(raw []byte, id model.ID) (string, error) {
			var c model.Client
			err := decodeRecordOf("client", id, raw, &c)
			return c.Name, err
		}},
		{ixProjectName, bProjects, func(raw []byte, id model.ID) (string, error) {
			var p model.Project
			err := decodeRecordOf("project", id, raw, &p)
			return p.Name, err
		}},
	} {
		if err := idx.DeleteBucket(kind.index); err != nil {
			return fmt.Errorf("drop index %s: %w", kind.index, err)
		}
		b, err := idx.CreateBucket(kind.index)
		if err != nil {
			return fmt.Errorf("create index %s: %w", kind.index, err)
		}
		err = rb(tx, kind.records).ForEach(func(k, v []byte) error {
			name, err := kind.name(v, keyID(k))
			if err != nil {
				return err
			}
			return putName(b, name, keyID(k))
		})
		if err != nil {
			return err
		}
	}
	return nil
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
