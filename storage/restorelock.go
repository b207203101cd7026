package storage

// Restore under the database's lock (DESIGN.md §6 "(v2) No acknowledged or
// edited write is lost").
//
// The protocol:
//
//  1. The backup is checked and copied into a scratch file beside the
//     database, and migrated there (RestoreFile); nothing is locked yet.
//  2. restore takes this process's turn on the file and then the file's own
//     lock — bbolt's: flock(LOCK_EX) on Unix, LockFileEx on Windows — on the
//     file the path names, waiting at most the lock timeout.
//  3. Under the lock nobody can commit: the safety copy is the file's bytes
//     as they are (BackupDir/salesplan-before-restore-<stamp>.db), so
//     everything acknowledged before the restore took the lock is in it.
//  4. Still under the lock, the scratch file gets a revision above the
//     current file's (the planner polls the counter) and is renamed over
//     the path; the directory is synced. Then the lock is let go.
//  5. Every transaction (withDB → openCurrent) checks, once it holds the
//     lock, that the path still names the file it opened; a writer that
//     waited for the lock on the replaced file finds the path moved on,
//     closes it and opens the new file. So everything acknowledged after
//     the swap is in the restored database, never in the replaced file.
//
// Scratch files carry the pid of the process that made them
// (".<db>.restore-<pid>-<random>", ".salesplan-staging-<pid>-<random>.db",
// ".<file>.tmp-<pid>-<random>"); Open removes those whose process is gone
// (removeDeadScratch).

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// openRetries bounds how often openCurrent reopens a path that keeps being
// replaced (restores in a loop): each one is a whole restore's work.
const openRetries = 20

// errLockWait is lockFile's timeout.
var errLockWait = errors.New("lock wait timed out")

// openCurrent opens the database for one transaction (openDB) and makes
// sure the file it holds the lock of is still the one the path names: the
// path named the same file before the open and after it (no rename in
// between). Otherwise it closes that file and opens the path again.
func (s *Store) openCurrent(readOnly bool) (*bolt.DB, *os.File, error) {
	for attempt := 0; ; attempt++ {
		before, _ := os.Stat(s.path)
		db, file, err := s.openDB(readOnly)
		if err != nil {
			return nil, nil, err
		}
		after, _ := os.Stat(s.path)
		if before != nil && after != nil && os.SameFile(before, after) {
			return db, file, nil
		}
		// A file bbolt has just created (before == nil) is checked once
		// more too: a restore may have renamed its file in between.
		if err := db.Close(); err != nil {
			return nil, nil, fmt.Errorf("close database %s: %w", s.path, err)
		}
		if attempt >= openRetries {
			return nil, nil, newStoreError(ErrLocked, nil, "db_replaced",
				"the database %s kept being replaced (restores?) while waiting for it; try again", s.path)
		}
	}
}

// lockFile opens path and takes its exclusive lock as bbolt does, waiting
// at most timeout (errLockWait), and checks that the path still names the
// locked file (else it tries the new one). Closing the file releases it.
func lockFile(path string, timeout time.Duration) (*os.File, error) {
	deadline := time.Now().Add(timeout)
	for {
		// Read-only is enough for the lock (it is on the file, not the
		// descriptor's mode), and works on a database made read-only.
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		for {
			ok, err := tryLock(f)
			if err != nil {
				f.Close()
				return nil, err
			}
			if ok {
				break
			}
			if time.Now().After(deadline) {
				f.Close()
				return nil, errLockWait
			}
			time.Sleep(20 * time.Millisecond)
		}
		fi, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(fi, now) {
			return f, nil
		}
		f.Close()
		if err2 != nil {
			return nil, err2
		}
	}
}

// swapIn replaces the database with the prepared file tmp under the
// database's lock (steps 2–4 above).
func (s *Store) swapIn(tmp string) error {
	// A database reached through a symbolic link is replaced where the
	// link points; the link stays.
	dst := resolveLink(s.path)
	dir := filepath.Dir(dst)
	if _, err := os.Stat(s.path); errors.Is(err, os.ErrNotExist) {
		// Nothing to keep and nobody to wait for: a writer that creates
		// the file meanwhile is caught by openCurrent.
		if err := raiseRevision(tmp, 0, s.lockTimeout()); err != nil {
			return err
		}
		if err := os.Rename(tmp, dst); err != nil {
			return err
		}
		syncDir(dir)
		return nil
	}
	unlock, err := s.lockProcess()
	if err != nil {
		return err
	}
	defer unlock()
	f, err := lockFile(s.path, s.lockTimeout())
	if errors.Is(err, errLockWait) {
		return s.locked()
	}
	if err != nil {
		return fmt.Errorf("lock the database: %w", err)
	}
	defer f.Close() // releases the lock on the replaced file, after the rename
	copyPath, err := s.safetyCopy(f)
	if err != nil {
		return err
	}
	cur := uint64(0)
	if copyPath != "" {
		cur = revisionOf(copyPath, s.lockTimeout())
	}
	if err := raiseRevision(tmp, cur, s.lockTimeout()); err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// safetyCopy writes the locked database's bytes to a new before-restore
// backup and returns its path ("" for an empty file: nothing to keep). The
// bytes are copied as they are: nobody can commit while the lock is held,
// so they are the database as last committed — and a damaged file is
// still worth more copied than not.
func (s *Store) safetyCopy(f *os.File) (string, error) {
	fi, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("back up the current database before restoring: %w", err)
	}
	if fi.Size() == 0 {
		return "", nil
	}
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return "", fmt.Errorf("back up the current database before restoring: %w", err)
	}
	dst := filepath.Join(dir, beforeRestoreName+time.Now().Format("20060102-150405.000000000")+autoBackupSuffix)
	err = atomicWrite(dst, func(out *os.File) error {
		_, err := io.Copy(out, io.NewSectionReader(f, 0, fi.Size()))
		return err
	})
	if err != nil {
		return "", fmt.Errorf("back up the current database before restoring: %w", err)
	}
	return dst, nil
}

// revisionOf reads the revision counter of a database file (0 when it
// cannot be read: damaged or not salesplan's).
func revisionOf(path string, timeout time.Duration) (rev uint64) {
	if (&Store{path: path}).preflight() != nil {
		return 0
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() != nil {
			rev = 0
		}
	}()
	db, err := bolt.Open(path, fileMode, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		return 0
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if m := tx.Bucket(bMeta); m != nil {
			rev = readU64(m.Get(kRevision))
		}
		return nil
	})
	return rev
}

// raiseRevision sets the revision of the prepared file above minRev (and
// its own), so that a planner polling the counter sees the restore.
func raiseRevision(path string, minRev uint64, timeout time.Duration) (err error) {
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
		m := rb(tx, bMeta)
		return m.Put(kRevision, u64(max(minRev, readU64(m.Get(kRevision)))+1))
	})
}

// ---- scratch files

// scratchPattern is a scratch file's name with this process's pid:
// prefix + pid + "-*" + suffix (for os.CreateTemp).
func scratchPattern(prefix, suffix string) string {
	return prefix + strconv.Itoa(os.Getpid()) + "-*" + suffix
}

// scratchPID reads the pid from a scratch file name made by
// scratchPattern(…marker, …): the digits after marker up to the next "-".
// ok is false for a name without one (made by an older salesplan).
func scratchPID(name, marker string) (int, bool) {
	_, rest, found := strings.Cut(name, marker)
	if !found {
		return 0, false
	}
	digits, _, found := strings.Cut(rest, "-")
	if !found {
		return 0, false
	}
	pid, err := strconv.Atoi(digits)
	return pid, err == nil && pid > 0
}

// removeDeadScratch removes the scratch files of the database at path
// whose process is gone: restore and staging files beside it, temporary
// backup files in its backup folder. A file without a pid in its name
// (an older salesplan's) goes when it is an hour old. Best effort: a file
// that cannot be removed only wastes space.
func removeDeadScratch(path string) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	clean := func(dir, prefix, marker string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			name := e.Name()
			if !strings.HasPrefix(name, prefix) || !strings.Contains(name, marker) || !e.Type().IsRegular() {
				continue
			}
			full := filepath.Join(dir, name)
			if pid, ok := scratchPID(name, marker); ok {
				if pid != os.Getpid() && !processAlive(pid) {
					os.Remove(full)
				}
				continue
			}
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
				os.Remove(full)
			}
		}
	}
	clean(dir, restorePrefix(base), restorePrefix(base))
	clean(dir, stagingPrefix, stagingPrefix)
	if bdir := BackupDir(path); bdir != dir {
		clean(bdir, ".", tempMarker) // automatic and before-restore copies half written
	}
}

// restorePrefix is the start of a restore scratch file's name.
func restorePrefix(dbBase string) string { return "." + dbBase + ".restore-" }

// tempMarker follows the target's name in atomicWrite's temporary file:
// ".<target>.tmp-<pid>-<random>".
const tempMarker = ".tmp-"
