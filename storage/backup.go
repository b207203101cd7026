package storage

// Backups and restore.
//
// Where backups are and how they are found (Backups lists them):
//   - Automatic: one a day by the real clock, BackupDir(db)/salesplan-
//     YYYY-MM-DD.db, each verified before it joins the rotation, the newest
//     7 (by when they were made) kept. AutoBackup skips a database with no
//     records, so an emptied database can never push the good copies out;
//     a copy that fails its verification is kept aside as salesplan-
//     YYYY-MM-DD.damaged.db (the newest 7 kept) and pushes nothing out.
//   - Before a restore: BackupDir(db)/salesplan-before-restore-<stamp>.db,
//     so a restore can itself be undone by restoring that file. Not rotated.
//   - Manual (`salesplan backup FILE`): written where the user asked. The
//     path is remembered in the meta bucket (key manual_backups, newest
//     last, at most 20) so that Backups can list it; a remembered file that
//     has gone is dropped from the list. Remembering does not bump the
//     revision: the data did not change.
// Backups are plain salesplan databases (mode 0600), openable with --db.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

const (
	autoBackupKeep    = 7
	autoBackupPrefix  = "salesplan-"
	autoBackupSuffix  = ".db"
	beforeRestoreName = "salesplan-before-restore-"
	manualBackupsKeep = 20
)

var kManualBackups = []byte("manual_backups")

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path    string
	Kind    string     // "auto", "before-restore" or "manual"
	Day     model.Date // the day of an automatic backup; NoDate for the others
	ModTime time.Time
	Size    int64
}

// backupImpl writes a consistent copy of the database to path atomically;
// path must be a new path or a regular file that is none of the
// database's own files (checkTarget).
func (s *Store) backupImpl(path string) error {
	// A manual backup may be refreshed at its own path (backup FILE every
	// week); a link to it, like any other backup of the database, is refused.
	manual := s.manualBackups()
	manual = slices.DeleteFunc(manual, func(p string) bool { return p == mustAbs(path) })
	if err := checkTarget(s.path, path, manual); err != nil {
		return err
	}
	if err := s.writeCopy(path); err != nil {
		return err
	}
	if err := s.rememberManual(path); err != nil && !errors.Is(err, ErrReadOnly) {
		return fmt.Errorf("backup %s written, but remembering it failed: %w", path, err)
	}
	return nil
}

// writeCopy copies the database through a read transaction (a consistent
// snapshot while others keep writing) into a temporary file beside path,
// fsyncs it, renames it over path and fsyncs the directory: a reader of
// path sees the old file or the whole new one, never half of one.
func (s *Store) writeCopy(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return atomicWrite(abs, func(f *os.File) error {
		return s.view(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	})
}

func (s *Store) rememberManual(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if filepath.Dir(abs) == mustAbs(BackupDir(s.path)) {
		return nil // listed from the directory anyway
	}
	return s.write(func(tx *bolt.Tx) error {
		m := rb(tx, bMeta)
		list := slices.DeleteFunc(readManual(m.Get(kManualBackups)), func(p string) bool { return p == abs })
		return putManual(m, append(list, abs)) // refreshed: the newest now
	}, false)
}

// keepManual adds the paths in more to the manual backups remembered in
// meta, the newest last, at most manualBackupsKeep.
func keepManual(meta *bolt.Bucket, more []string) error {
	if len(more) == 0 {
		return nil
	}
	list := readManual(meta.Get(kManualBackups))
	for _, p := range more {
		if !slices.Contains(list, p) {
			list = append(list, p)
		}
	}
	return putManual(meta, list)
}

// putManual stores the list of manual backups, the newest last, keeping
// the last manualBackupsKeep.
func putManual(meta *bolt.Bucket, list []string) error {
	if len(list) > manualBackupsKeep {
		list = list[len(list)-manualBackupsKeep:]
	}
	raw, err := json.Marshal(list)
	if err != nil {
		return err
	}
	return meta.Put(kManualBackups, raw)
}

func readManual(raw []byte) []string {
	var list []string
	if raw != nil {
		_ = json.Unmarshal(raw, &list) // a damaged list only loses the listing
	}
	return list
}

func mustAbs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// autoBackupImpl makes today's automatic backup unless one exists (good
// or kept aside as damaged) or the database holds no records. "Today" is
// the real clock's (Options.Clock), never --today: a backup named in the
// future would outlive every real one.
//
// The copy is written under a hidden name and verified (verifyCopy: the
// page structure, every record's checksum) before it is
// renamed into the rotation; only then are old ones pruned, so a failing
// copy can never push the last good backup out. A copy that fails is kept
// aside as salesplan-DAY.damaged.db and the error says so once (the next
// run that day finds it and says nothing), naming the last good backup.
func (s *Store) autoBackupImpl() error {
	today := model.DateOf(s.now())
	dir := BackupDir(s.path)
	name := autoBackupPrefix + today.String()
	path := filepath.Join(dir, name+autoBackupSuffix)
	aside := filepath.Join(dir, name+damagedSuffix)
	for _, p := range []string{path, aside} {
		if _, err := os.Stat(p); err == nil {
			return nil
		}
	}
	empty, err := s.IsEmpty()
	if err != nil {
		return fmt.Errorf("automatic backup: %w", err)
	}
	if empty {
		return nil
	}
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return fmt.Errorf("automatic backup: %w", err)
	}
	// Hidden, and named as scratch (with this process's pid) so that a copy
	// left by a process killed mid-backup is removed on a later open.
	unverified := filepath.Join(dir, "."+name+autoBackupSuffix+tempMarker+strconv.Itoa(os.Getpid())+"-unverified")
	if err := s.writeCopy(unverified); err != nil {
		os.Remove(unverified)
		return fmt.Errorf("automatic backup: %w", err)
	}
	if verr := verifyCopy(unverified, s.lockTimeout()); verr != nil {
		if err := os.Rename(unverified, aside); err != nil {
			os.Remove(unverified)
			return fmt.Errorf("automatic backup: %w", err)
		}
		syncDir(dir)
		_ = pruneDamaged(dir, autoBackupKeep)
		return s.damagedCopy(aside, verr)
	}
	if err := os.Rename(unverified, path); err != nil {
		os.Remove(unverified)
		return fmt.Errorf("automatic backup: %w", err)
	}
	syncDir(dir)
	return pruneAuto(dir, autoBackupKeep)
}

// damagedSuffix names an automatic copy that failed its verification.
const damagedSuffix = ".damaged.db"

// damagedCopy is what the person is told when today's copy failed: where
// it was kept aside and the last good backup (the newest that verifies).
func (s *Store) damagedCopy(aside string, cause error) error {
	autos, _ := autoBackups(BackupDir(s.path))
	for i := len(autos) - 1; i >= 0; i-- {
		if verifyCopy(autos[i].Path, s.lockTimeout()) == nil {
			return newStoreError(ErrBackupDamaged, cause, "backup_damaged",
				"today's automatic backup failed its check and was kept aside as %s; the last good backup is from %s (salesplan backups, salesplan check)",
				aside, autos[i].ModTime.In(time.Local).Format("2006-01-02"))
		}
	}
	return newStoreError(ErrBackupDamaged, cause, "backup_damaged_none",
		"today's automatic backup failed its check and was kept aside as %s, and there is no good backup; run salesplan check", aside)
}

// verifyCopy checks a backup file whole: its page structure (verifyPages:
// every page id and size within the file, no page reached twice, no free
// page in use, so that bbolt can read all of it without faulting) and
// every record's envelope (version and checksum), with the settings
// decoded. The copy is a snapshot of pages (Tx.WriteTo) that the
// database's own writes keep sound, so this is what can go wrong on the
// way: a page or a record damaged in the source or the copy. It is not
// bbolt's Check (key order, page accounting) or a decoding of every
// record's JSON — a checksum that holds is the JSON that was written —
// which took seconds of the day's first write on a ten-year file;
// salesplan check does those.
func verifyCopy(path string, timeout time.Duration) (err error) {
	pages, err := verifyPages(path)
	if err != nil {
		return err
	}
	if len(pages) > 0 {
		return errors.New(pages[0])
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("damaged: %v", r)
		}
	}()
	db, err := bolt.Open(path, fileMode, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(checkEnvelopes)
}

// checkEnvelopes checks the settings and every record's envelope (version
// and checksum) of a database whose records are in envelopes (schema 1
// and later): what bbolt's own check cannot see, a flipped byte in a
// value. It returns the first problem.
func checkEnvelopes(tx *bolt.Tx) error {
	if _, err := readSettings(tx); err != nil {
		return err
	}
	for i, b := range recordBuckets {
		bucket := tx.Bucket(b)
		if bucket == nil {
			return fmt.Errorf("bucket %s missing", b)
		}
		err := bucket.ForEach(func(k, v []byte) error {
			if len(k) != 8 {
				return fmt.Errorf("%s: a key of %d bytes", b, len(k))
			}
			_, _, err := openEnvelopeNamed(recordName{kind: recordKinds[i], id: keyID(k)}, v)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// pruneAuto removes all but the newest keep automatic backups, newest by
// when they were made (the real clock), so that a name from a clock or a
// --today in the future cannot keep a copy past its turn.
func pruneAuto(dir string, keep int) error {
	autos, err := autoBackups(dir)
	if err != nil {
		return err
	}
	for i := 0; i < len(autos)-keep; i++ {
		if err := os.Remove(autos[i].Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove old backup: %w", err)
		}
	}
	return nil
}

// pruneDamaged keeps the newest keep copies kept aside as damaged.
func pruneDamaged(dir string, keep int) error {
	damaged := damagedCopies(dir)
	for i := 0; i < len(damaged)-keep; i++ {
		if err := os.Remove(damaged[i].Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// damagedCopies lists the copies kept aside in dir, oldest first.
func damagedCopies(dir string) []BackupInfo {
	entries, _ := os.ReadDir(dir)
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, autoBackupPrefix) || !strings.HasSuffix(name, damagedSuffix) {
			continue
		}
		day, _ := model.ParseDate(strings.TrimSuffix(strings.TrimPrefix(name, autoBackupPrefix), damagedSuffix))
		if info, err := e.Info(); err == nil {
			out = append(out, BackupInfo{Path: filepath.Join(dir, name), Kind: "damaged", Day: day, ModTime: info.ModTime(), Size: info.Size()})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ModTime.Before(out[j].ModTime) })
	return out
}

// autoBackups lists salesplan-YYYY-MM-DD.db in dir, oldest first.
func autoBackups(dir string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", dir, err)
	}
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, autoBackupPrefix) || !strings.HasSuffix(name, autoBackupSuffix) {
			continue
		}
		day, err := model.ParseDate(strings.TrimSuffix(strings.TrimPrefix(name, autoBackupPrefix), autoBackupSuffix))
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, name), Kind: "auto", Day: day, ModTime: info.ModTime(), Size: info.Size()})
	}
	// Oldest first by when each was made; the day in the name breaks ties.
	sort.Slice(out, func(i, j int) bool {
		if !out[i].ModTime.Equal(out[j].ModTime) {
			return out[i].ModTime.Before(out[j].ModTime)
		}
		return out[i].Day < out[j].Day
	})
	return out, nil
}

// Backups lists the backups known for this database (see BackupsOf).
func (s *Store) Backups() ([]BackupInfo, error) { return BackupsOf(s.path) }

// BackupsOf lists the backups known for the database at dbPath, newest
// first: the automatic ones, the ones made before a restore, and the manual
// ones remembered in the database that still exist. It needs no open Store:
// when the database is too damaged to open, which is when the list is
// wanted, the directory is still listed (the manual ones are then unknown).
func BackupsOf(dbPath string) ([]BackupInfo, error) {
	dir := BackupDir(dbPath)
	out, err := autoBackups(dir)
	if err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), beforeRestoreName) {
				continue
			}
			if info, err := e.Info(); err == nil {
				out = append(out, BackupInfo{Path: filepath.Join(dir, e.Name()), Kind: "before-restore", ModTime: info.ModTime(), Size: info.Size()})
			}
		}
	}
	out = append(out, damagedCopies(dir)...)
	for _, p := range manualOf(dbPath) {
		// A path written over since (by anything but a backup) is no
		// longer a backup: only a bbolt file is listed.
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			if ok, _ := hasBoltMagic(p); ok {
				out = append(out, BackupInfo{Path: p, Kind: "manual", ModTime: info.ModTime(), Size: info.Size()})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ModTime.After(out[j].ModTime) })
	return out, nil
}

// manualOf reads the manual backups remembered in the database at dbPath
// (none when it cannot be read: the directory listing stands).
func manualOf(dbPath string) []string {
	if _, err := os.Stat(dbPath); err != nil {
		return nil
	}
	return (&Store{path: dbPath, opts: Options{ReadOnly: true}}).manualBackups()
}

// Restore replaces the database with the backup at path (see RestoreFile;
// the restored file's undo log is emptied: its steps describe the past).
func (s *Store) Restore(path string) error {
	if s.opts.ReadOnly {
		return newStoreError(ErrReadOnly, nil, "db_read_only", "the database %s is open read-only", s.path)
	}
	if err := s.refuseReadOnlyFile(); err != nil {
		return err
	}
	return RestoreFile(s.path, path, s.opts)
}

// RestoreFile replaces the database at dbPath with the backup at path. It
// needs no open Store, so it also works when the database is too damaged
// (or emptied) for Open — when a restore is needed most. The backup is
// checked first — a bbolt file of full length with salesplan's meta
// bucket, a schema this build reads, a clean bbolt consistency check, and
// every record's envelope sound (checkEnvelopes: a flipped byte in a value
// passes bbolt's check) — and refused with nothing changed otherwise. An older schema is migrated
// in the copy, never in the backup, and the copy's undo log is emptied (its
// steps describe the past). Then, under the database's lock, the current
// file is kept in BackupDir (before-restore) and the copy renamed over it
// (restorelock.go: every write acknowledged before is in the kept copy,
// every write after is in the restored file).
func RestoreFile(dbPath, path string, opts Options) error {
	s := &Store{path: dbPath, opts: opts} // for the per-transaction helpers only
	if src, err := os.Stat(path); err == nil {
		if cur, err := os.Stat(dbPath); err == nil && os.SameFile(src, cur) { // hard and symbolic links too
			return newStoreError(nil, nil, "restore_self", "%s is the database itself", path)
		}
	}
	// The restored file replaces the database file itself: a database
	// reached through a symbolic link is restored where the link points,
	// and the link stays. Anything but a regular file (or no file) is
	// refused before anything is written.
	target := dbPath
	if fi, err := os.Lstat(dbPath); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if real, err := filepath.EvalSymlinks(dbPath); err == nil {
			target = real
		}
	}
	if _, err := checkKind(target); err != nil {
		return err
	}
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return fmt.Errorf("restore %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, scratchPattern(restorePrefix(filepath.Base(dbPath)), ""))
	if err != nil {
		return fmt.Errorf("restore %s: %w", path, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	done := false
	defer func() {
		if !done {
			os.Remove(tmpPath)
		}
	}()
	from, err := copyCheckedBackup(path, tmpPath, s.lockTimeout())
	if err != nil {
		return err
	}
	// The manual backups made of the database being replaced stay known
	// after it, beside the ones the backup itself remembers.
	if err := prepareRestored(tmpPath, from, manualOf(dbPath), s.lockTimeout()); err != nil {
		return fmt.Errorf("restore %s: %w", path, err)
	}
	if err := os.Chmod(tmpPath, fileMode); err != nil {
		return fmt.Errorf("restore %s: %w", path, err)
	}
	if err := s.swapIn(tmpPath); err != nil {
		if errors.Is(err, ErrLocked) {
			return err
		}
		return fmt.Errorf("restore %s: %w", path, err)
	}
	done = true
	return nil
}

// notSalesplan is the refusal for a file that cannot be restored; why is
// one of the restore_why_* problems, so the reason reads in the user's
// language too.
func notSalesplan(path string, why *model.Problem) error {
	return newStoreError(ErrNotBolt, nil, "restore_not_salesplan",
		"%s is not a salesplan database (%s); nothing was changed", path, why)
}

// damagedWhy is the reason of a damaged backup: bbolt's own words (page
// numbers, not worth a translation) after a catalog line.
func damagedWhy(detail string) *model.Problem {
	return model.Errf("restore_why_damaged", "damaged: %s", detail)
}

// copyCheckedBackup opens the backup read-only with a bounded lock wait,
// checks it, and writes a consistent copy to dst. It returns the backup's
// schema version. bbolt panics on some damaged files: that is a refusal too.
func copyCheckedBackup(src, dst string, timeout time.Duration) (schema uint64, err error) {
	fi, err := os.Stat(src)
	if err != nil {
		return 0, newStoreError(ErrNotFound, err, "restore_missing", "cannot read the backup %s", src)
	}
	if !fi.Mode().IsRegular() || fi.Size() == 0 {
		return 0, notSalesplan(src, model.Errf("restore_why_not_file", "empty or not a regular file"))
	}
	if ok, err := hasBoltMagic(src); err != nil || !ok {
		return 0, notSalesplan(src, model.Errf("restore_why_not_bolt", "not a bbolt file"))
	}
	// Every page id and size is checked against the file before bbolt maps
	// it (a file shorter than its pages, or a damaged page, would make
	// bbolt fault, and tx.Check below reads in a goroutine where no fault
	// is recovered); what is left is contained.
	if pages, err := verifyPages(src); err != nil || len(pages) > 0 {
		why := "the file cannot be read"
		if len(pages) > 0 {
			why = pages[0]
		}
		return 0, notSalesplan(src, damagedWhy(why))
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			schema, err = 0, notSalesplan(src, damagedWhy(fmt.Sprint(r)))
		}
	}()
	db, err := bolt.Open(src, fileMode, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		return 0, notSalesplan(src, model.Errf("restore_why_open", "cannot be opened: %s", err.Error()))
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		if m == nil {
			return notSalesplan(src, model.Errf("restore_why_no_meta", "no salesplan meta bucket"))
		}
		schema = readU64(m.Get(kSchema))
		if schema > schemaVersion {
			return newStoreError(ErrNewerSchema, nil, "restore_newer",
				"the backup %s was written by a newer salesplan (schema %d, this one reads up to %d); nothing was changed",
				src, schema, schemaVersion)
		}
		// The channel is drained to the end: Check reads the file in its
		// own goroutine, which must finish before the file is closed.
		var damage error
		for cerr := range tx.Check() {
			if damage == nil {
				damage = cerr
			}
		}
		if damage != nil {
			return notSalesplan(src, damagedWhy(damage.Error()))
		}
		// A record that fails its checksum passes bbolt's check: restoring
		// it would put a damaged database in place of the current one.
		if schema >= 1 { // records are in envelopes from schema 1 on
			if err := checkEnvelopes(tx); err != nil {
				if p := model.ProblemOf(err); p != nil && p.Code == "record_damaged" && len(p.Args) == 2 {
					return newStoreError(ErrCorrupt, nil, "restore_damaged_record",
						"the backup %s has a damaged record, %v (%v): salesplan backups lists the others", src, p.Args[0], p.Args[1])
				}
				return notSalesplan(src, damagedWhy(err.Error()))
			}
		}
		out, err := os.OpenFile(dst, os.O_WRONLY|os.O_TRUNC, fileMode)
		if err != nil {
			return fmt.Errorf("restore %s: %w", src, err)
		}
		if _, err := tx.WriteTo(out); err != nil {
			out.Close()
			return fmt.Errorf("restore %s: copy: %w", src, err)
		}
		if err := out.Sync(); err != nil {
			out.Close()
			return fmt.Errorf("restore %s: sync: %w", src, err)
		}
		return out.Close()
	})
	return schema, err
}

func hasBoltMagic(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 20)
	if _, err := io.ReadFull(f, head); err != nil {
		return false, nil
	}
	return uint32(head[16])|uint32(head[17])<<8|uint32(head[18])<<16|uint32(head[19])<<24 == boltMagic, nil
}

// prepareRestored runs the migrations on a copy that is not yet in place
// and empties its undo log (the revision is raised under the lock,
// swapIn); indexes of an older encoding are rebuilt there too.
func prepareRestored(path string, from uint64, manual []string, timeout time.Duration) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrDamaged, r)
		}
	}()
	db, err := bolt.Open(path, fileMode, &bolt.Options{Timeout: timeout})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(tx *bolt.Tx) error {
		if from < schemaVersion {
			if err := migrate(tx, from); err != nil {
				return err
			}
			if err := ensureBuckets(tx); err != nil {
				return err
			}
			if err := rb(tx, bMeta).Put(kSchema, u64(schemaVersion)); err != nil {
				return err
			}
		}
		if err := reindexIfOld(tx); err != nil {
			return err
		}
		if err := keepManual(rb(tx, bMeta), manual); err != nil {
			return err
		}
		return clearUndo(tx)
	})
}
