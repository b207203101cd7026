package storage

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// importJSONImpl is Store.ImportJSON (api.go): it reads an exchange
// document; into a non-empty database only with merge. A bad document is
// rejected whole.
func (s *Store) importJSONImpl(r io.Reader, merge bool, today model.Date) error {
	doc, err := DecodeDocument(r)
	if err != nil {
		return err
	}
	return s.ImportDocumentOn(doc, merge, today)
}

// ImportDocument validates doc and writes it in one transaction (see the
// file comment for merge). Into a non-empty database without merge it
// returns ErrNotEmpty.
func (s *Store) ImportDocument(doc *Document, merge bool) error {
	return s.ImportDocumentOn(doc, merge, model.NoDate)
}

// ImportDocumentOn is ImportDocument that also refuses a record saying
// something happened after today (Document.ValidateOn).
func (s *Store) ImportDocumentOn(doc *Document, merge bool, today model.Date) error {
	if err := doc.ValidateOn(today); err != nil {
		return err
	}
	doc.fillSignedOn()
	if err := s.importStaged(doc, merge); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return nil
}

func (s *Store) notEmptyError() error {
	return newStoreError(ErrNotEmpty, nil, "import_not_empty",
		"the database %s already has data; import refused (use --merge to add the records under new ids)", s.path)
}

// stagingBatch is how many records one staging transaction writes.
const stagingBatch = 5000

// importStaged writes doc into the database. Inside one bbolt transaction
// a bucket's nodes are not split until commit, so inserting 100k index keys
// in random order into one transaction moves the node's entries for every
// insert (quadratic: 15 s for the target size). So the records and their
// indexes are first built in a staging file beside the database, in batches
// (its nodes stay small), with the same helpers as every other write; then
// the staging file's buckets are copied into the database in ONE
// transaction, in key order, which bbolt does in linear time. The staging
// file is removed in all cases.
//
// With merge, the ids the records will get are chosen from the database's
// sequences before staging; the final transaction checks that nobody added
// a record meanwhile (else it refuses: try again) and copies the new
// records and index entries in beside the existing ones.
//
// Into an empty database the staging file becomes the database: it is
// finished (schema, index encoding, the database's other meta keys, a
// revision above the database's), synced, and renamed over the empty
// file while its lock is held (swapStaging). That skips the copy, whose
// one transaction holds every page of the file in memory at once: the
// ten-year data set then imports in a fraction of the memory.
func (s *Store) importStaged(doc *Document, merge bool) (err error) {
	if s.opts.ReadOnly {
		return newStoreError(ErrReadOnly, nil, "db_read_only", "the database %s is open read-only", s.path)
	}
	if err := s.refuseReadOnlyFile(); err != nil {
		return err
	}
	var base mergeBase
	var meta map[string][]byte // the empty database's meta keys, for a swap
	err = s.view(func(tx *bolt.Tx) error {
		if !merge {
			if !isEmpty(tx) {
				return s.notEmptyError() // refused before the staging work
			}
			meta = metaKeys(tx)
			return nil
		}
		base, err = readMergeBase(tx, doc)
		return err
	})
	if err != nil {
		return err
	}
	if merge {
		doc = remapDocument(doc, base)
	}
	target := resolveLink(s.path)
	sdb, name, cleanup, err := openStaging(filepath.Dir(target), s.lockTimeout())
	if err != nil {
		return err
	}
	defer cleanup()
	if err := fillStaging(sdb, doc); err != nil {
		return err
	}
	if !merge && filepath.Dir(name) == filepath.Dir(target) {
		return s.swapStaging(sdb, name, target, meta)
	}
	stx, err := sdb.Begin(false)
	if err != nil {
		return fmt.Errorf("staging file: %w", err)
	}
	// The staging transaction stays open until the database's commit:
	// bbolt keeps the values handed to Put until then.
	defer stx.Rollback()
	return s.update(func(tx *bolt.Tx) error {
		// The undo log's before-images describe the database before the
		// import: undoing one now could remove a record the import refers to.
		if err := clearUndo(tx); err != nil {
			return err
		}
		if !merge {
			if !isEmpty(tx) {
				return s.notEmptyError()
			}
			return copyStaging(stx, tx, true)
		}
		now, err := readMergeBase(tx, doc)
		if err != nil {
			return err
		}
		if now.seq != base.seq {
			return newStoreError(nil, nil, "import_raced",
				"the database %s changed while the import was prepared; run the import again", s.path)
		}
		return copyStaging(stx, tx, false)
	})
}

// mergeBase is what a merge needs of the database: the last id in use of
// each kind (records are numbered after it) and its settings (follow-up
// dates of the new clients are computed with them).
type mergeBase struct {
	seq      [5]uint64 // by recordBuckets order
	settings model.Settings
}

// readMergeBase reads the merge base and refuses a client or project whose
// name (any case) the database has already, naming the document record.
func readMergeBase(tx *bolt.Tx, doc *Document) (mergeBase, error) {
	var mb mergeBase
	for i, name := range recordBuckets {
		b := rb(tx, name)
		mb.seq[i] = b.Sequence()
		if k, _ := b.Cursor().Last(); len(k) == 8 {
			mb.seq[i] = max(mb.seq[i], readU64(k))
		}
	}
	var err error
	if mb.settings, err = readSettings(tx); err != nil {
		return mb, err
	}
	for i, c := range doc.Clients {
		if nameTaken(ix(tx, ixClientName), c.Name, 0) {
			why := model.Errf("import_client_taken", "a client named %q is already in the database", c.Name)
			return mb, &ValidationError{Record: fmt.Sprintf("clients[%d]", i), Field: "name", Msg: why.Error(), Why: why}
		}
	}
	for i, p := range doc.Projects {
		if nameTaken(ix(tx, ixProjectName), p.Name, 0) {
			why := model.Errf("import_project_taken", "a project named %q is already in the database", p.Name)
			return mb, &ValidationError{Record: fmt.Sprintf("projects[%d]", i), Field: "name", Msg: why.Error(), Why: why}
		}
	}
	return mb, nil
}

// remapDocument returns a copy of doc whose records are numbered after the
// database's (in document id order) with every reference rewritten, and
// whose settings are the database's.
func remapDocument(doc *Document, mb mergeBase) *Document {
	out := &Document{Format: doc.Format, Version: doc.Version, Settings: mb.settings}
	renumber := func(old []model.ID, next uint64) map[model.ID]model.ID {
		sorted := append([]model.ID(nil), old...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
		m := make(map[model.ID]model.ID, len(sorted))
		for i, id := range sorted {
			m[id] = model.ID(next + uint64(i) + 1)
		}
		return m
	}
	ids := func(n int, at func(i int) model.ID) []model.ID {
		out := make([]model.ID, n)
		for i := range out {
			out[i] = at(i)
		}
		return out
	}
	// recordBuckets order: clients, tasks, journal, promises, projects.
	cm := renumber(ids(len(doc.Clients), func(i int) model.ID { return doc.Clients[i].ID }), mb.seq[0])
	tm := renumber(ids(len(doc.Tasks), func(i int) model.ID { return doc.Tasks[i].ID }), mb.seq[1])
	jm := renumber(ids(len(doc.Journal), func(i int) model.ID { return doc.Journal[i].ID }), mb.seq[2])
	pm := renumber(ids(len(doc.Promises), func(i int) model.ID { return doc.Promises[i].ID }), mb.seq[3])
	prm := renumber(ids(len(doc.Projects), func(i int) model.ID { return doc.Projects[i].ID }), mb.seq[4])
	for _, c := range doc.Clients {
		c.ID = cm[c.ID]
		out.Clients = append(out.Clients, c)
	}
	for _, t := range doc.Tasks {
		t.ID, t.ClientID, t.ProjectID = tm[t.ID], cm[t.ClientID], prm[t.ProjectID]
		out.Tasks = append(out.Tasks, t)
	}
	for _, e := range doc.Journal {
		e.ID, e.ClientID, e.ProjectID, e.TaskID = jm[e.ID], cm[e.ClientID], prm[e.ProjectID], tm[e.TaskID]
		out.Journal = append(out.Journal, e)
	}
	for _, p := range doc.Promises {
		p.ID, p.ClientID, p.ProjectID = pm[p.ID], cm[p.ClientID], prm[p.ProjectID]
		out.Promises = append(out.Promises, p)
	}
	for _, p := range doc.Projects {
		p.ID, p.ClientID = prm[p.ID], cm[p.ClientID]
		p.StageHistory = append([]model.StageEntry(nil), p.StageHistory...)
		out.Projects = append(out.Projects, p)
	}
	return out
}

const stagingPrefix = ".salesplan-staging-"

// removeStaleStaging deletes staging files left by a process that was
// killed mid-import (its deferred cleanup never ran). A live import writes
// its file continuously, so one untouched for an hour is abandoned. Best
// effort: a file that cannot be removed only wastes space.
func removeStaleStaging(dir string) {
	old, _ := filepath.Glob(filepath.Join(dir, stagingPrefix+"*.db"))
	for _, p := range old {
		if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(p)
		}
	}
}

// openStaging creates a scratch bbolt file in dir (falling back to the
// system's temporary directory when dir is not writable) and returns it
// and its name. It is written without fsync (swapStaging syncs it before
// it becomes the database); cleanup closes and removes it.
func openStaging(dir string, timeout time.Duration) (*bolt.DB, string, func(), error) {
	removeStaleStaging(dir)
	f, err := os.CreateTemp(dir, scratchPattern(stagingPrefix, ".db"))
	if err != nil {
		if f, err = os.CreateTemp("", "salesplan-staging-*.db"); err != nil {
			return nil, "", nil, fmt.Errorf("staging file: %w", err)
		}
	}
	name := f.Name()
	f.Close()
	// bbolt sets up an empty file as a new database. Without fsync (the
	// file is synced once, before it may become the database), but with
	// bbolt's other defaults — a synced freelist, the file grown as used —
	// so that a staging file swapped in is a database like any other.
	sdb, err := bolt.Open(name, fileMode, &bolt.Options{Timeout: timeout, NoSync: true})
	if err != nil {
		os.Remove(name)
		return nil, "", nil, fmt.Errorf("staging file: %w", err)
	}
	return sdb, name, func() { sdb.Close(); os.Remove(name) }, nil
}

// metaKeys copies the meta bucket's keys (the settings aside: an import
// brings its own).
func metaKeys(tx *bolt.Tx) map[string][]byte {
	out := map[string][]byte{}
	if m := tx.Bucket(bMeta); m != nil {
		_ = m.ForEach(func(k, v []byte) error {
			if v != nil && string(k) != string(kSettings) {
				out[string(k)] = append([]byte(nil), v...)
			}
			return nil
		})
	}
	return out
}

// resolveLink is the file a path names, through a symbolic link (the
// database is replaced there, and the link stays); path itself otherwise.
func resolveLink(path string) string {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if real, err := filepath.EvalSymlinks(path); err == nil {
			return real
		}
	}
	return path
}

// swapStaging makes the filled staging file the database (see
// importStaged): it writes the empty database's meta keys into it with a
// revision one above, syncs it, and renames it over the database while
// holding the database's lock, after checking under that lock that the
// database is still empty and unchanged. A writer waiting on the old file
// finds the path names a new file and opens that one (openDB).
func (s *Store) swapStaging(sdb *bolt.DB, name, target string, meta map[string][]byte) error {
	rev := readU64(meta[string(kRevision)])
	err := sdb.Update(func(tx *bolt.Tx) error {
		m := rb(tx, bMeta)
		for k, v := range meta {
			if err := m.Put([]byte(k), v); err != nil {
				return err
			}
		}
		for k, v := range map[string]uint64{string(kSchema): schemaVersion, string(kIndexVersion): indexVersion, string(kRevision): rev + 1} {
			if err := m.Put([]byte(k), u64(v)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("staging: %w", err)
	}
	if err := sdb.Close(); err != nil {
		return fmt.Errorf("staging: %w", err)
	}
	if f, err := os.OpenFile(name, os.O_RDWR, 0); err == nil {
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("staging: sync: %w", err)
		}
	}
	return s.withDB(false, func(db *bolt.DB) error {
		var now uint64
		empty := true
		if err := db.View(func(tx *bolt.Tx) error {
			empty = isEmpty(tx)
			if m := tx.Bucket(bMeta); m != nil {
				now = readU64(m.Get(kRevision))
			}
			return nil
		}); err != nil {
			return err
		}
		switch {
		case !empty:
			return s.notEmptyError()
		case now != rev:
			return newStoreError(nil, nil, "import_raced",
				"the database %s changed while the import was prepared; run the import again", s.path)
		}
		if err := os.Rename(name, target); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		syncDir(filepath.Dir(target))
		return nil
	})
}

// fillStaging writes doc into the staging database through the
// index-maintaining helpers, stagingBatch records per transaction.
func fillStaging(sdb *bolt.DB, doc *Document) error {
	var settings model.Settings // as stored, read once for every client's follow-up
	err := sdb.Update(func(tx *bolt.Tx) error {
		if err := ensureBuckets(tx); err != nil {
			return err
		}
		// The search index is built last, in one pass (reindexSearch):
		// kept up record by record its blocks would be rewritten for every
		// record (44 s instead of 9 s for the ten-year data set).
		if err := tx.Bucket(bIndex).DeleteBucket(ixSearch); err != nil {
			return err
		}
		// A salesplan database from its first commit on: should the file
		// become the database (swapStaging) and its last meta page be torn,
		// bbolt opens on an earlier one, which must read as salesplan's too.
		m := rb(tx, bMeta)
		if err := m.Put(kSchema, u64(schemaVersion)); err != nil {
			return err
		}
		if err := m.Put(kIndexVersion, u64(indexVersion)); err != nil {
			return err
		}
		if err := putSettings(tx, doc.Settings); err != nil {
			return err
		}
		var err error
		settings, err = readSettings(tx)
		return err
	})
	if err != nil {
		return fmt.Errorf("staging: %w", err)
	}
	type step struct {
		n   int
		put func(tx *bolt.Tx, i int) error
	}
	clients := sortedBy(doc.Clients, func(c model.Client) model.ID { return c.ID })
	projects := sortedBy(doc.Projects, func(p model.Project) model.ID { return p.ID })
	tasks := sortedBy(doc.Tasks, func(t model.Task) model.ID { return t.ID })
	journal := sortedBy(doc.Journal, func(e model.JournalEntry) model.ID { return e.ID })
	promises := sortedBy(doc.Promises, func(p model.Promise) model.ID { return p.ID })
	steps := []step{
		{len(clients), func(tx *bolt.Tx, i int) error { return putClientWith(tx, &clients[i], &settings) }},
		{len(projects), func(tx *bolt.Tx, i int) error {
			p := projects[i]
			p.StageHistory = append([]model.StageEntry(nil), p.StageHistory...)
			return putProject(tx, &p)
		}},
		{len(tasks), func(tx *bolt.Tx, i int) error { return putTask(tx, &tasks[i]) }},
		// Journal entries go with their index entries directly: putEntry
		// would recompute the client's follow-up once per entry; that is
		// done once per client below.
		{len(journal), func(tx *bolt.Tx, i int) error {
			if _, err := putRaw(rb(tx, bJournal), &journal[i].ID, &journal[i]); err != nil {
				return err
			}
			return entryIndex(tx, &journal[i], true)
		}},
		{len(promises), func(tx *bolt.Tx, i int) error { return putPromise(tx, &promises[i]) }},
		{len(clients), func(tx *bolt.Tx, i int) error { return refreshClientDue(tx, clients[i].ID, &settings) }},
	}
	for _, st := range steps {
		for lo := 0; lo < st.n; lo += stagingBatch {
			hi := min(lo+stagingBatch, st.n)
			err := sdb.Update(func(tx *bolt.Tx) error {
				// Records go in id order: pages filled whole pack the file
				// (the index buckets, in random order, keep bbolt's half).
				for _, b := range recordBuckets {
					rb(tx, b).FillPercent = 1.0
				}
				for i := lo; i < hi; i++ {
					if err := st.put(tx, i); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("staging: %w", err)
			}
		}
	}
	err = sdb.Update(func(tx *bolt.Tx) error {
		if _, err := tx.Bucket(bIndex).CreateBucket(ixSearch); err != nil {
			return err
		}
		return reindexSearch(tx)
	})
	if err != nil {
		return fmt.Errorf("staging: %w", err)
	}
	return nil
}

// copyStaging copies every record and index bucket from the staging
// transaction into the database's, keys in order, and the settings when
// withSettings. The keys copied are new to the database: an empty one, or
// ids above its sequences (merge), whose index keys contain those ids.
func copyStaging(src, dst *bolt.Tx, withSettings bool) error {
	for _, name := range rootBuckets {
		sb, db := src.Bucket(name), dst.Bucket(name)
		if sb == nil || db == nil {
			return fmt.Errorf("staging: bucket %s missing", name)
		}
		if string(name) == string(bMeta) {
			if v := sb.Get(kSettings); v != nil && withSettings {
				if err := db.Put(kSettings, v); err != nil {
					return err
				}
			}
			continue
		}
		if err := copyBucket(db, sb); err != nil {
			return fmt.Errorf("copy %s: %w", name, err)
		}
	}
	return nil
}

func copyBucket(dst, src *bolt.Bucket) error {
	if k, _ := dst.Cursor().First(); k == nil {
		dst.FillPercent = 1.0 // keys arrive in order into an empty bucket: fill pages whole
	}
	err := src.ForEach(func(k, v []byte) error {
		if v == nil {
			sub := src.Bucket(k)
			if sub == nil {
				return nil
			}
			dsub, err := dst.CreateBucketIfNotExists(k)
			if err != nil {
				return err
			}
			return copyBucket(dsub, sub)
		}
		return dst.Put(k, v)
	})
	if err != nil {
		return err
	}
	return dst.SetSequence(max(dst.Sequence(), src.Sequence()))
}

// sortedBy returns a copy of recs in id order (the input is left alone: it
// may be the caller's document).
func sortedBy[T any](recs []T, id func(T) model.ID) []T {
	out := append([]T(nil), recs...)
	sort.SliceStable(out, func(i, j int) bool { return id(out[i]) < id(out[j]) })
	return out
}

// fillSignedOn gives a project imported at contract or a later stage whose
// history never entered contract the signed date it carries (DESIGN.md §2
// v2: model.DefaultSignedOn), so a year of onboarded projects each count in
// their own month. A version-1 document has no signed_on at all.
func (d *Document) fillSignedOn() {
	for i := range d.Projects {
		d.Projects[i].SignedOn = model.DefaultSignedOn(d.Projects[i])
	}
}
