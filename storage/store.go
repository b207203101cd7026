package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"salesplan/model"
)

const (
	// fileMode: the database holds clients' phone numbers and what they
	// said; only the owner may read it. bbolt applies it only on creation.
	fileMode os.FileMode = 0o600
	// dirMode for a directory we create for the database.
	dirMode os.FileMode = 0o700
	// defaultLockTimeout bounds the wait for the file lock: without a
	// timeout bolt.Open waits forever (DESIGN.md §6).
	defaultLockTimeout = 2 * time.Second
	// boltMagic is the magic number in a bbolt meta page (little-endian at
	// offset 16 of the file); used to refuse a foreign file before bbolt
	// touches it.
	boltMagic uint32 = 0xED0CDAED
)

// storeError is an error callers can match both ways: errors.Is with a
// sentinel (ErrLocked, ErrDamaged, …) and errors.As with *model.Problem for
// the translated message.
type storeError struct {
	problem  *model.Problem
	sentinel error
	cause    error
}

func (e *storeError) Error() string {
	if e.cause != nil {
		return e.problem.Error() + ": " + e.cause.Error()
	}
	return e.problem.Error()
}

func (e *storeError) Unwrap() []error {
	out := []error{e.problem}
	if e.sentinel != nil {
		out = append(out, e.sentinel)
	}
	if e.cause != nil {
		out = append(out, e.cause)
	}
	return out
}

// Problem returns the user-facing problem.
func (e *storeError) Problem() *model.Problem { return e.problem }

func newStoreError(sentinel, cause error, code, english string, args ...any) error {
	return &storeError{problem: model.Errf(code, english, args...), sentinel: sentinel, cause: cause}
}

// BackupDir is where the automatic backups of the database at path live:
// backups/ beside the default salesplan.db, backups/<file name>/ (the
// whole name, work.db) for a database of another name, so that two
// databases in one folder never share (or mistake each other's) backups.
func BackupDir(path string) string {
	dir := filepath.Join(filepath.Dir(path), "backups")
	base := filepath.Base(path)
	if base == "salesplan.db" {
		return dir
	}
	// The whole file name: work.db and work.old keep apart.
	return filepath.Join(dir, base)
}

// backupsExist reports whether backups of the database at path exist: the
// automatic ones (backups/salesplan-YYYY-MM-DD.db) or a hand-made <db>.backup-*.
func backupsExist(path string) bool {
	for _, pattern := range []string{
		filepath.Join(BackupDir(path), "salesplan-*.db"),
		path + ".backup-*",
	} {
		if m, _ := filepath.Glob(pattern); len(m) > 0 {
			return true
		}
	}
	return false
}

func (s *Store) lockTimeout() time.Duration {
	if s.opts.LockTimeout > 0 {
		return s.opts.LockTimeout
	}
	return defaultLockTimeout
}

// damaged turns a panic from bbolt (it panics on damaged pages) into an
// error that points to the backups.
func (s *Store) damaged(r any) error { return s.damagedFile(fmt.Errorf("%v", r)) }

// openDB opens the file for one transaction. It returns the file bbolt
// opened too, so that a transaction that faulted can release the file
// lock without bbolt (see abandon). openCurrent (restorelock.go) makes
// sure the file is still the one the path names.
func (s *Store) openDB(readOnly bool) (db *bolt.DB, file *os.File, err error) {
	if err := s.preflight(); err != nil {
		return nil, nil, err
	}
	opts := &bolt.Options{Timeout: s.lockTimeout(), ReadOnly: readOnly,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		}}
	if r := contain(func() { db, err = bolt.Open(s.path, fileMode, opts) }); r != nil {
		abandon(nil, file)
		return nil, nil, s.damaged(r)
	}
	switch {
	case err == nil:
		return db, file, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, nil, s.locked()
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return nil, nil, s.damagedFile(err)
	default:
		return nil, nil, fmt.Errorf("open database %s: %w", s.path, err)
	}
}

// contain runs fn at the storage boundary: a fault in bbolt's memory map
// (a page id or size pointing outside the file, SIGSEGV/SIGBUS) becomes a
// panic (runtime/debug.SetPanicOnFault, for this goroutine only), and any
// panic — bbolt's own on a page it finds damaged too — is recovered and
// returned; nil when fn returned.
func contain(fn func()) (r any) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() { r = recover() }()
	fn()
	return nil
}

// abandon lets go of a database whose transaction panicked: bbolt may hold
// its own locks still (a panic mid-transaction skips their release), so
// Close could wait forever. The file is closed directly, which releases
// the file lock for the next transaction and other processes; Close runs
// on its own to unmap the file, if it can.
func abandon(db *bolt.DB, file *os.File) {
	if file != nil {
		_ = file.Close()
	}
	if db != nil {
		go func() { _ = db.Close() }()
	}
}

// boltMeta is what preflight needs of a bbolt meta page.
type boltMeta struct {
	pageSize            uint32
	root, freelist, hwm uint64 // hwm: pages in use (the file must hold them)
	txid                uint64
}

// parseMeta reads the meta in a page (little-endian, as bbolt writes it on
// the machines we run on) and checks its magic, version and FNV-64a checksum.
func parseMeta(p []byte) (boltMeta, bool) {
	if len(p) < 80 {
		return boltMeta{}, false
	}
	le := binary.LittleEndian
	if le.Uint32(p[16:]) != boltMagic || le.Uint32(p[20:]) != 2 {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	_, _ = h.Write(p[16:72])
	if h.Sum64() != le.Uint64(p[72:]) {
		return boltMeta{}, false
	}
	return boltMeta{pageSize: le.Uint32(p[24:]), root: le.Uint64(p[32:]), freelist: le.Uint64(p[48:]),
		hwm: le.Uint64(p[56:]), txid: le.Uint64(p[64:])}, true
}

// preflight looks at the file before bbolt maps it (pages.go): the meta
// bbolt will open on must lie within the file — a file shorter than the
// pages its meta says are in use would make bbolt read past the end of its
// map, which faults — and the root bucket's page and the freelist page
// must hold what their headers say. Reading a freelist whose count is
// damaged would make bbolt allocate or read without bound.
//
// The file is not locked yet: another salesplan may commit meanwhile and
// reuse a page this check reads, so a problem is confirmed on a second
// reading of the metas before it is reported.
func (s *Store) preflight() error {
	f, err := os.Open(s.path)
	if err != nil {
		return nil // bbolt creates it or reports the error itself
	}
	defer f.Close()
	var lastTx uint64
	for attempt := 0; ; attempt++ {
		m, size, ok, err := readMetas(f)
		switch {
		case err != nil:
			return nil // bbolt reports it
		case size == 0 && s.ready:
			// Emptied under us: bbolt would quietly start a new database.
			return s.emptied()
		case size == 0:
			return nil
		case !ok:
			return s.damagedFile(errors.New("both meta pages are damaged"))
		}
		problem, truncated := checkMeta(f, size, m)
		if problem == "" {
			return nil
		}
		if attempt < 2 && (attempt == 0 || m.txid != lastTx) {
			lastTx = m.txid
			continue // a commit may have raced the reading: read again
		}
		if truncated {
			return newStoreError(ErrDamaged, errors.New(problem), "db_truncated",
				"the database %s is damaged (the file is shorter than its contents); restore a backup from %s (salesplan backups)",
				s.path, BackupDir(s.path))
		}
		return s.damagedFile(errors.New(problem))
	}
}

// damagedFile is the one-line error for a damaged file; cause says what
// was found (kept for check and the logs, not shown in the line).
func (s *Store) damagedFile(cause error) error {
	return newStoreError(ErrDamaged, cause, "db_damaged",
		"the database %s is damaged; restore a backup from %s (salesplan backups)", s.path, BackupDir(s.path))
}

// fileLocks serialises this process's transactions per database file.
// bbolt's file lock is polled (every 50 ms) without fairness, so goroutines
// of one process (the planner's commands) could starve each other past the
// lock timeout; queued on a channel they take turns in order, and the file
// lock is left to arbitrate between processes.
//
// The wait here is bounded by the lock timeout measured from the later of
// joining the queue and the last hand-over: a long queue of short
// transactions (the planner's commands, a loaded machine) is progress, not
// a lock "held too long", and must not fail; one holder that keeps the
// lock past the timeout still makes every waiter fail with ErrLocked.
var fileLocks sync.Map // absolute path → *fileLock

type fileLock struct {
	sem     chan struct{} // capacity 1: holding it is holding the lock
	handoff atomic.Int64  // monotonic time (since lockEpoch) of the last take
}

// lockEpoch anchors fileLock.handoff to the monotonic clock.
var lockEpoch = time.Now()

func (s *Store) lockProcess() (unlock func(), err error) {
	key := s.path
	if abs, err := filepath.Abs(s.path); err == nil {
		key = abs
	}
	v, _ := fileLocks.LoadOrStore(key, &fileLock{sem: make(chan struct{}, 1)})
	lk := v.(*fileLock)
	take := func() func() {
		lk.handoff.Store(int64(time.Since(lockEpoch)))
		return func() { <-lk.sem }
	}
	joined := time.Since(lockEpoch)
	timer := time.NewTimer(s.lockTimeout())
	defer timer.Stop()
	for {
		select {
		case lk.sem <- struct{}{}:
			return take(), nil
		case <-timer.C:
		}
		since := max(joined, time.Duration(lk.handoff.Load()))
		left := s.lockTimeout() - (time.Since(lockEpoch) - since)
		if left <= 0 {
			return nil, s.locked()
		}
		timer.Reset(left)
	}
}

func (s *Store) locked() error {
	return newStoreError(ErrLocked, nil, "db_locked",
		"the database %s is busy: another salesplan held it for more than %s; try again", s.path, s.lockTimeout())
}

// update runs fn in one write transaction and bumps the revision counter.
// The file is open only for the transaction's duration.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	return s.write(fn, true)
}

func (s *Store) write(fn func(tx *bolt.Tx) error, bump bool) error {
	if s.opts.ReadOnly {
		return newStoreError(ErrReadOnly, nil, "db_read_only", "the database %s is open read-only", s.path)
	}
	if err := s.refuseReadOnlyFile(); err != nil {
		return err
	}
	return s.withDB(false, func(db *bolt.DB) error {
		if err := s.verifyBeforeWrite(); err != nil {
			return err
		}
		err := db.Update(func(tx *bolt.Tx) error {
			if err := fn(tx); err != nil {
				return err
			}
			if bump {
				return bumpRevision(tx)
			}
			return nil
		})
		if err == nil {
			s.noteOwnCommit()
		}
		return err
	})
}

// verifyBeforeWrite walks the page structure (verifyPages) before a
// write unless the file is in a state known sound: as this Store, or the
// last salesplan that wrote it (verified.go), left it after a write from a
// verified state. Otherwise — the first write of a file nobody recorded,
// another program wrote it, a restore replaced it — it walks. bbolt
// writes over pages its freelist calls free and rewrites the pages on a
// changed key's path: on a damaged structure that would spread the damage
// or overwrite data in use, so a write is refused instead. Runs under the
// file lock (withDB).
func (s *Store) verifyBeforeWrite() error {
	fi, m, ok := s.fileState()
	if ok {
		stamp, _ := stampOf(fi)
		if s.verified.matches(fi, stamp, m.txid) {
			return nil
		}
		if v, found := loadVerified(s.path); found && v.matches(fi, stamp, m.txid) {
			s.verified = verifiedFile{fi: fi, stamp: stamp, txid: m.txid}
			return nil
		}
	}
	problems, err := verifyPages(s.path)
	if err != nil {
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	if len(problems) > 0 {
		forgetVerified(s.path)
		return s.damagedFile(errors.New(problems[0]))
	}
	stamp, _ := stampOf(fi)
	s.verified = verifiedFile{fi: fi, stamp: stamp, txid: m.txid}
	return nil
}

// noteOwnCommit records the file as this Store's commit left it: it was
// verified before, and bbolt wrote it. The modification time is set to a
// mark (markWritten) and the state recorded beside the file for the next
// Store; where the mark does not hold, only this Store remembers it.
func (s *Store) noteOwnCommit() {
	fi, m, ok := s.fileState()
	if !ok {
		return
	}
	if mfi, stamp, marked := markWritten(s.path); marked && os.SameFile(mfi, fi) {
		s.verified = verifiedFile{fi: mfi, stamp: stamp, txid: m.txid}
		saveVerified(s.path, s.verified)
		return
	}
	stamp, _ := stampOf(fi)
	s.verified = verifiedFile{fi: fi, stamp: stamp, txid: m.txid}
	forgetVerified(s.path)
}

// fileState is the file's identity and the meta bbolt opens on.
func (s *Store) fileState() (os.FileInfo, boltMeta, bool) {
	f, err := os.Open(s.path)
	if err != nil {
		return nil, boltMeta{}, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, boltMeta{}, false
	}
	m, _, ok, err := readMetas(f)
	return fi, m, ok && err == nil
}

// view runs fn in one read transaction (a bbolt read-only open when the
// Store was opened ReadOnly).
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	return s.withDB(s.opts.ReadOnly, func(db *bolt.DB) error { return db.View(fn) })
}

// withDB holds this process's turn on the file, opens it for fn alone and
// closes it again; a fault or a panic while bbolt reads a damaged file
// (contain) becomes an error that points to the backups.
func (s *Store) withDB(readOnly bool, fn func(db *bolt.DB) error) (err error) {
	unlock, err := s.lockProcess()
	if err != nil {
		return err
	}
	defer unlock()
	db, file, err := s.openCurrent(readOnly) // the file the path names, not one a restore replaced
	if err != nil {
		return err
	}
	s.txFile = file
	defer func() { s.txFile = nil }()
	if r := contain(func() { err = fn(db) }); r != nil {
		abandon(db, file)
		return s.damaged(r)
	}
	if cerr := db.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("close database %s: %w", s.path, cerr)
	}
	return err
}

func bumpRevision(tx *bolt.Tx) error {
	m := tx.Bucket(bMeta)
	if m == nil {
		return fmt.Errorf("%w: meta bucket missing", ErrCorrupt)
	}
	return m.Put(kRevision, u64(readU64(m.Get(kRevision))+1))
}

// Open prepares the database at path: creates its directory (0700) and file
// (0600), runs migrations, refuses newer schemas and files that are not bbolt.
func Open(path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("open database: no path given")
	}
	s := &Store{path: path, opts: opts}
	if err := s.checkFile(); err != nil {
		return nil, err
	}
	if !opts.ReadOnly {
		removeDeadScratch(path)
	}
	var state int // 0 ready, 1 needs init, 2 needs migration
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if state, err = s.inspect(tx); err != nil || state != 0 {
			return err
		}
		// Read here once for the command's Settings calls (the language,
		// the currency): Settings reuses them while the file is unchanged.
		if st, err := readSettings(tx); err == nil {
			s.noteSettings(tx, st)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if state != 0 {
		if opts.ReadOnly {
			return nil, newStoreError(ErrReadOnly, nil, "db_read_only_migrate",
				"the database %s needs setting up or upgrading, which a read-only open cannot do", path)
		}
		err := s.write(func(tx *bolt.Tx) error {
			// Checked again under the write lock: another process may
			// have prepared it meanwhile.
			st, err := s.inspect(tx)
			if err != nil {
				return err
			}
			return prepare(tx, st)
		}, false)
		if err != nil {
			return nil, err
		}
	}
	s.ready = true
	return s, nil
}

// checkFile looks at the file before bbolt does: creates the directory,
// fixes a too-wide mode, refuses a foreign file or an emptied one.
func (s *Store) checkFile() error {
	dir := filepath.Dir(s.path)
	if !s.opts.ReadOnly {
		if err := os.MkdirAll(dir, dirMode); err != nil {
			return fmt.Errorf("create database directory %s: %w", dir, err)
		}
	}
	fi, err := os.Stat(s.path)
	if errors.Is(err, os.ErrNotExist) {
		if s.opts.ReadOnly {
			return newStoreError(ErrNotFound, err, "db_missing", "there is no database at %s", s.path)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	if !fi.Mode().IsRegular() {
		return newStoreError(ErrNotBolt, nil, "db_not_bolt", "%s is not a salesplan database (not a regular file)", s.path)
	}
	if fi.Size() == 0 {
		if backupsExist(s.path) {
			return s.emptied()
		}
	} else {
		f, err := os.Open(s.path)
		if err != nil {
			return fmt.Errorf("open database %s: %w", s.path, err)
		}
		head := make([]byte, 20)
		_, err = io.ReadFull(f, head)
		// A torn first meta page still leaves bbolt the second one (at
		// the default page size): that file is damaged, not foreign.
		second := make([]byte, 20)
		_, err2 := f.ReadAt(second, int64(os.Getpagesize()))
		f.Close()
		magic := func(b []byte) bool { return binary.LittleEndian.Uint32(b[16:20]) == boltMagic }
		if (err != nil || !magic(head)) && (err2 != nil || !magic(second)) {
			return newStoreError(ErrNotBolt, nil, "db_not_bolt", "%s is not a salesplan database; it was left untouched", s.path)
		}
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 && !s.opts.ReadOnly {
		// Only ever take bits away: a file the user made read-only (0444)
		// becomes 0400, never 0600 — adding the write bit the user removed
		// would let the next command write to it.
		tight := perm &^ 0o077
		if err := os.Chmod(s.path, tight); err != nil {
			return fmt.Errorf("restrict database mode %s: %w", s.path, err)
		}
		s.notice = model.Errf("db_mode_fixed", "the database %s was readable by others (mode %04o); it is now %04o",
			s.path, uint32(perm), uint32(tight))
	}
	return nil
}

// refuseReadOnlyFile refuses a change to a database file whose owner has
// no write permission (chmod 444 or 400): the user made it read-only, and
// root (who could write it anyway) must respect that too. Reading it is
// fine.
func (s *Store) refuseReadOnlyFile() error {
	fi, err := os.Stat(s.path)
	if err != nil || fi.Mode().Perm()&0o200 != 0 {
		return nil // missing: created by the write; else the open says what is wrong
	}
	return newStoreError(ErrReadOnly, nil, "db_file_read_only",
		"the database %s is read-only (mode %04o); nothing was changed (make it writable with chmod u+w to change it)",
		s.path, uint32(fi.Mode().Perm()))
}

// emptied is the error for a database file found empty (0 bytes, or no
// buckets) where there was data: never treat it as a new database.
func (s *Store) emptied() error {
	return newStoreError(ErrDamaged, nil, "db_emptied",
		"the database %s is empty but backups exist in %s; restore one (salesplan backups) instead of starting over",
		s.path, BackupDir(s.path))
}

// inspect returns 0 when the schema is current, 1 when the file needs its
// buckets, 2 when it needs a migration, 3 when an index bucket is missing
// or the indexes are of an older encoding (all indexes are then rebuilt
// from the records).
func (s *Store) inspect(tx *bolt.Tx) (int, error) {
	m := tx.Bucket(bMeta)
	if m == nil {
		foreign := false
		_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			foreign = true
			return nil
		})
		if foreign {
			return 0, newStoreError(ErrNotBolt, nil, "db_not_bolt", "%s is not a salesplan database; it was left untouched", s.path)
		}
		if backupsExist(s.path) {
			return 0, s.emptied()
		}
		return 1, nil
	}
	v := readU64(m.Get(kSchema))
	switch {
	case v > schemaVersion:
		return 0, newStoreError(ErrNewerSchema, nil, "db_newer_schema",
			"the database %s was written by a newer salesplan (schema %d, this one reads up to %d); upgrade salesplan",
			s.path, v, schemaVersion)
	case v < schemaVersion:
		return 2, nil
	}
	if idx := tx.Bucket(bIndex); idx == nil || !hasAll(idx) || readU64(m.Get(kIndexVersion)) < indexVersion {
		return 3, nil
	}
	return 0, nil
}

// hasAll reports whether every index bucket exists (an index added by a
// newer build of the same schema is built at open by state 3).
func hasAll(idx *bolt.Bucket) bool {
	for _, name := range indexBuckets {
		if idx.Bucket(name) == nil {
			return false
		}
	}
	return true
}

// prepare creates the buckets of a new database or migrates an older one.
func prepare(tx *bolt.Tx, state int) error {
	switch state {
	case 1:
		if err := ensureBuckets(tx); err != nil {
			return err
		}
		if err := tx.Bucket(bMeta).Put(kSchema, u64(schemaVersion)); err != nil {
			return err
		}
	case 2:
		from := readU64(tx.Bucket(bMeta).Get(kSchema))
		if err := migrate(tx, from); err != nil {
			return fmt.Errorf("migrate database from schema %d to %d: %w", from, schemaVersion, err)
		}
		if err := ensureBuckets(tx); err != nil {
			return err
		}
		if err := tx.Bucket(bMeta).Put(kSchema, u64(schemaVersion)); err != nil {
			return err
		}
	}
	return reindexIfOld(tx)
}

// reindexIfOld rebuilds every index when one is missing, or the indexes
// whose encoding changed when the file's are older, and records the
// encoding. (Version 1 → 2 changed the unique-name keys only, 2 → 3
// task_done's value: rebuilding those is quick, where a whole reindex of a
// ten-year file in one transaction takes seconds.)
func reindexIfOld(tx *bolt.Tx) error {
	m := tx.Bucket(bMeta)
	idx := tx.Bucket(bIndex)
	v := readU64(m.Get(kIndexVersion))
	switch {
	case idx == nil || !hasAll(idx):
		// A database from before search builds just that (reindexMissing).
		if err := reindexMissing(tx); err != nil {
			return err
		}
	case v >= indexVersion:
		return nil
	}
	if v < 2 {
		if err := reindexNames(tx); err != nil {
			return err
		}
	}
	if v < 3 {
		if err := reindexTaskDone(tx); err != nil {
			return err
		}
	}
	return m.Put(kIndexVersion, u64(indexVersion))
}

// ensureBuckets creates every record and index bucket that is missing.
func ensureBuckets(tx *bolt.Tx) error {
	for _, name := range rootBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	idx := tx.Bucket(bIndex)
	for _, name := range indexBuckets {
		if _, err := idx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create index bucket %s: %w", name, err)
		}
	}
	return nil
}

// Notice returns a problem worth telling the user about that Open fixed on
// its own (a database file readable by others, now 0600), or nil.
func (s *Store) Notice() *model.Problem { return s.notice }

// Revision returns the revision counter bumped by every write (cheap; the
// planner polls it to notice changes made by the command line).
func (s *Store) Revision() (uint64, error) {
	var rev uint64
	err := s.view(func(tx *bolt.Tx) error {
		if m := tx.Bucket(bMeta); m != nil {
			rev = readU64(m.Get(kRevision))
		}
		return nil
	})
	return rev, err
}

// IsEmpty reports whether the database holds no clients, tasks, journal,
// promises or projects.
func (s *Store) IsEmpty() (bool, error) {
	empty := true
	err := s.view(func(tx *bolt.Tx) error {
		empty = isEmpty(tx)
		return nil
	})
	return empty, err
}

func isEmpty(tx *bolt.Tx) bool {
	for _, name := range recordBuckets {
		if b := tx.Bucket(name); b != nil {
			if k, _ := b.Cursor().First(); k != nil {
				return false
			}
		}
	}
	return true
}

// hasPrefix is bytes.HasPrefix, named for cursor loops.
func hasPrefix(k, prefix []byte) bool { return k != nil && bytes.HasPrefix(k, prefix) }
