package storage

import (
	"errors"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// maxCheckProblems bounds the report: a badly damaged file would otherwise
// list every page.
const maxCheckProblems = 200

// checkImpl verifies the database: bbolt's own page consistency, every
// record's envelope (version and checksum) and JSON, the references between
// records, and that every index entry matches its record (the indexes are
// rebuilt in a transaction that is rolled back and compared with the
// maintained ones). It returns the problems found; none = healthy. An error
// is returned only when the check itself could not run.
func (s *Store) checkImpl() ([]string, error) {
	var problems []string
	add := func(format string, args ...any) {
		if len(problems) < maxCheckProblems {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	err := s.view(func(tx *bolt.Tx) error {
		for cerr := range tx.Check() {
			add("bbolt: %v", cerr)
		}
		if len(problems) > 0 {
			return nil // pages are damaged: reading records could panic
		}
		checkRecords(tx, add)
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			return append(problems, err.Error()), nil
		}
		return nil, fmt.Errorf("check: %w", err)
	}
	if len(problems) > 0 {
		return problems, nil
	}
	// Index drift needs a rebuild, hence a write transaction that is always
	// rolled back; a read-only Store skips it and says so.
	if s.opts.ReadOnly {
		add("indexes not compared: the database is open read-only")
		return problems, nil
	}
	err = s.dryRun(func(tx *bolt.Tx) error {
		drift, err := indexDrift(tx)
		if err != nil {
			add("indexes cannot be rebuilt: %v", err)
			return nil
		}
		for _, d := range drift {
			add("%s", d)
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			return append(problems, err.Error()), nil
		}
		return nil, fmt.Errorf("check: %w", err)
	}
	return problems, nil
}

// checkRecords decodes every record (envelope checksum and JSON), checks
// that its key matches its id, and that the ids it refers to exist.
func checkRecords(tx *bolt.Tx, add func(string, ...any)) {
	for _, name := range rootBuckets {
		if tx.Bucket(name) == nil {
			add("bucket %s is missing", name)
		}
	}
	if idx := tx.Bucket(bIndex); idx != nil {
		for _, name := range indexBuckets {
			if idx.Bucket(name) == nil {
				add("index bucket %s is missing", name)
			}
		}
	}
	if m := tx.Bucket(bMeta); m != nil {
		if v := m.Get(kSettings); v != nil {
			var st model.Settings
			if err := decodeRecord("settings", v, &st); err != nil {
				add("%v", err)
			}
		}
	}
	ids := map[string]map[model.ID]bool{}
	type ref struct {
		what, kind string
		id         model.ID
	}
	var refs []ref
	walk := func(bucket []byte, kind string, decode func(raw []byte, what string) (model.ID, []ref, error)) {
		b := tx.Bucket(bucket)
		if b == nil {
			return
		}
		ids[kind] = map[model.ID]bool{}
		_ = b.ForEach(func(k, v []byte) error {
			what := fmt.Sprintf("%s %d", kind, keyID(k))
			if len(k) != 8 {
				add("%s: key %x is not an id", bucket, k)
				return nil
			}
			id, rs, err := decode(v, what)
			if err != nil {
				add("%v", err)
				return nil
			}
			if id != keyID(k) {
				add("%s: the record says id %d", what, id)
			}
			if uint64(id) > b.Sequence() {
				add("%s: id above the bucket's sequence %d (a new record would overwrite it)", what, b.Sequence())
			}
			ids[kind][keyID(k)] = true
			refs = append(refs, rs...)
			return nil
		})
	}
	walk(bClients, "client", func(raw []byte, what string) (model.ID, []ref, error) {
		var c model.Client
		err := decodeRecord(what, raw, &c)
		return c.ID, nil, err
	})
	walk(bProjects, "project", func(raw []byte, what string) (model.ID, []ref, error) {
		var p model.Project
		err := decodeRecord(what, raw, &p)
		return p.ID, []ref{{what, "client", p.ClientID}}, err
	})
	walk(bTasks, "task", func(raw []byte, what string) (model.ID, []ref, error) {
		var t model.Task
		err := decodeRecord(what, raw, &t)
		return t.ID, []ref{{what, "client", t.ClientID}, {what, "project", t.ProjectID}}, err
	})
	walk(bJournal, "entry", func(raw []byte, what string) (model.ID, []ref, error) {
		var e model.JournalEntry
		err := decodeRecord(what, raw, &e)
		return e.ID, []ref{{what, "client", e.ClientID}, {what, "project", e.ProjectID}}, err
	})
	walk(bPromises, "promise", func(raw []byte, what string) (model.ID, []ref, error) {
		var p model.Promise
		err := decodeRecord(what, raw, &p)
		return p.ID, []ref{{what, "client", p.ClientID}, {what, "project", p.ProjectID}}, err
	})
	var dangling []string
	for _, r := range refs {
		if r.id != 0 && ids[r.kind] != nil && !ids[r.kind][r.id] {
			dangling = append(dangling, fmt.Sprintf("%s: refers to %s %d, which does not exist", r.what, r.kind, r.id))
		}
	}
	sort.Strings(dangling)
	for _, d := range dangling {
		add("%s", d)
	}
}
