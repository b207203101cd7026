package storage

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// maxCheckProblems bounds the report: a badly damaged file would otherwise
// list every page.
const maxCheckProblems = 200

// checkImpl verifies the database: bbolt's own page consistency, every
// record's envelope (version and checksum) and JSON, the references between
// records, and that every index entry matches its record. It returns the
// problems found; none = healthy. An error is returned only when the check
// itself could not run.
//
// The indexes are compared with indexes rebuilt from the records in a
// scratch file (the same helpers the import uses, in batches), not by
// reindex in a rolled-back transaction: bbolt does not split nodes inside
// a transaction, so rebuilding 100k entries in one takes quadratic time
// (25 s at the import benchmark's size, against about 4 s here), and a
// read transaction lets a read-only Store check too. Everything is read in
// one transaction, so the comparison sees one state of the database.
func (s *Store) checkImpl() ([]string, error) {
	var problems []string
	add := func(format string, args ...any) {
		if len(problems) < maxCheckProblems {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	err := s.view(func(tx *bolt.Tx) error {
		// The page structure first, read with ReadAt (the file is locked:
		// it is the one tx reads): bbolt's Check reads the map in a
		// goroutine of its own, where a fault on a damaged page id or size
		// could not be recovered.
		pages, err := verifyPages(s.path)
		if err != nil {
			return fmt.Errorf("read pages: %w", err)
		}
		for _, p := range pages {
			add("pages: %s", p)
		}
		if len(problems) > 0 {
			return nil
		}
		for cerr := range tx.Check() { // drained whole: Check reads in its own goroutine
			add("bbolt: %v", cerr)
		}
		if len(problems) > 0 {
			return nil // pages are damaged: reading records could panic
		}
		damaged := 0
		checkRecords(tx, func(format string, args ...any) { damaged++; add(format, args...) }, add)
		if damaged > 0 {
			add("indexes not compared: the records above must be repaired first")
			return nil
		}
		return compareIndexes(s, tx, add)
	})
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			return append(problems, err.Error()), nil
		}
		return nil, fmt.Errorf("check: %w", err)
	}
	return problems, nil
}

// compareIndexes rebuilds the indexes from tx's records in a scratch file
// and reports every entry that differs, in the words indexDrift uses.
func compareIndexes(s *Store, tx *bolt.Tx, add func(string, ...any)) error {
	doc, err := readDocument(tx)
	if err != nil {
		return err
	}
	sdb, _, cleanup, err := openStaging(filepath.Dir(s.path), s.lockTimeout())
	if err != nil {
		return err
	}
	defer cleanup()
	if err := fillStaging(sdb, doc); err != nil {
		// Records that cannot be put back (a Problem) are a finding; a
		// scratch file that cannot be written (a full disk) means the
		// check could not run, which is not the database's fault.
		var p *model.Problem
		if !errors.As(err, &p) {
			return fmt.Errorf("rebuild the indexes in a scratch file: %w", err)
		}
		add("indexes cannot be rebuilt from the records: %v", err)
		return nil
	}
	return sdb.View(func(stx *bolt.Tx) error {
		have, want := tx.Bucket(bIndex), stx.Bucket(bIndex)
		for _, name := range indexBuckets {
			var hb, wb *bolt.Bucket
			if have != nil {
				hb = have.Bucket(name)
			}
			if want != nil {
				wb = want.Bucket(name)
			}
			if hb == nil || wb == nil {
				continue // a missing bucket is reported by checkRecords
			}
			diffBuckets(string(name), hb, wb, add)
		}
		return nil
	})
}

// diffBuckets walks two buckets in key order side by side.
func diffBuckets(name string, have, want *bolt.Bucket, add func(string, ...any)) {
	hc, wc := have.Cursor(), want.Cursor()
	hk, hv := hc.First()
	wk, wv := wc.First()
	for hk != nil || wk != nil {
		switch c := compareKeys(hk, wk); {
		case c < 0:
			add("stale index entry %s/%x", name, hk)
			hk, hv = hc.Next()
		case c > 0:
			add("missing index entry %s/%x", name, wk)
			wk, wv = wc.Next()
		default:
			if !bytes.Equal(hv, wv) {
				add("index entry differs %s/%x", name, hk)
			}
			hk, hv = hc.Next()
			wk, wv = wc.Next()
		}
	}
}

// compareKeys orders keys with nil (the end) after every key.
func compareKeys(a, b []byte) int {
	switch {
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return bytes.Compare(a, b)
}

// checkRecords decodes every record (envelope checksum and JSON), checks
// that its key matches its id, and that the ids it refers to exist (add),
// and reports a record that today's rules refuse (rule: the record reads
// fine, so the indexes can still be compared).
func checkRecords(tx *bolt.Tx, add, rule func(string, ...any)) {
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
			} else if err := st.Validate(); err != nil {
				rule("settings: %s", ruleProblem(model.ProblemOf(err)))
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
			if p := model.ProblemOf(err); p != nil && p.Code != "record_damaged" {
				// Readable, but refused by today's rules (a record stored
				// before they held): import would stop at it.
				rule("%s: %s", what, ruleProblem(p))
			} else if err != nil {
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
		if err == nil {
			err = validCopy(c)
		}
		return c.ID, nil, err
	})
	walk(bProjects, "project", func(raw []byte, what string) (model.ID, []ref, error) {
		var p model.Project
		err := decodeRecord(what, raw, &p)
		if err == nil {
			err = validCopy(p)
		}
		return p.ID, []ref{{what, "client", p.ClientID}}, err
	})
	walk(bTasks, "task", func(raw []byte, what string) (model.ID, []ref, error) {
		var t model.Task
		err := decodeRecord(what, raw, &t)
		if err == nil {
			err = validCopy(t)
		}
		return t.ID, []ref{{what, "client", t.ClientID}, {what, "project", t.ProjectID}}, err
	})
	walk(bJournal, "entry", func(raw []byte, what string) (model.ID, []ref, error) {
		var e model.JournalEntry
		err := decodeRecord(what, raw, &e)
		if err == nil {
			err = validCopy(e)
		}
		return e.ID, []ref{{what, "client", e.ClientID}, {what, "project", e.ProjectID}}, err
	})
	walk(bPromises, "promise", func(raw []byte, what string) (model.ID, []ref, error) {
		var p model.Promise
		err := decodeRecord(what, raw, &p)
		if err == nil {
			err = validCopy(p)
		}
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

// validCopy checks a record against today's rules (model's Validate) on a
// copy: Validate normalises, and check changes nothing.
func validCopy[T any, P interface {
	*T
	Validate() error
}](rec T) error {
	return P(&rec).Validate()
}

// ruleProblem words a rule a stored record breaks, with its field.
func ruleProblem(p *model.Problem) string {
	if p.Field == "" {
		return p.Error()
	}
	return p.Field + ": " + p.Error()
}
