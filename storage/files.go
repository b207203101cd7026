package storage

// Files salesplan writes or is pointed at (DESIGN.md §6 "(v2) Files the
// program writes or is pointed at").
//
// Every file salesplan writes for the person (export -o, backup FILE, the
// restored database) is written whole to a scratch file beside it and
// renamed into place, so a reader sees the old file or the new one. A
// rename replaces whatever the name held: a device (as root, /dev/null),
// a FIFO, a symbolic link (not the file it points to) — and the live
// database or one of its backups, through a link. So before writing,
// checkTarget accepts only a new path or a regular file that is none of
// the database's own files (compared by device and inode, so that no
// symbolic or hard link can stand in for them), and refuses anything else
// with one line, leaving it untouched.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// refuseTarget is the error for a path salesplan will not write.
func refuseTarget(code, english, path string) error {
	return newStoreError(ErrUnsafeTarget, nil, code, english, path)
}

// scratchName reports whether base is the name of one of the database's
// working files in the database's folder: import staging, restore, backup
// and export temporaries, the record of its verified state, its lock, and
// the sync's two files (davsync: the sync lock <db>.sync-lock — written
// over, two syncs could run at once — and the CalDAV password file
// <db without extension>.caldav-password). A backup or an export to one is
// refused.
func scratchName(dbPath, base string) bool {
	db := filepath.Base(dbPath)
	return strings.HasPrefix(base, stagingPrefix) ||
		strings.HasPrefix(base, "."+db+".restore-") ||
		strings.HasPrefix(base, "."+db+".tmp-") ||
		strings.HasPrefix(base, "."+db+verifiedSuffix) || // the verified state and its scratch (verified.go)
		base == db+".lock" ||
		base == db+".sync-lock" ||
		base == strings.TrimSuffix(db, filepath.Ext(db))+".caldav-password"
}

// ownFiles lists the database's own files: the database, every file in
// its backup folder, its remembered manual backups, and its scratch files.
func ownFiles(dbPath string, manual []string) (db string, backups, scratch []string) {
	if entries, err := os.ReadDir(BackupDir(dbPath)); err == nil {
		for _, e := range entries {
			if !e.IsDir() {
				backups = append(backups, filepath.Join(BackupDir(dbPath), e.Name()))
			}
		}
	}
	backups = append(backups, manual...)
	if entries, err := os.ReadDir(filepath.Dir(dbPath)); err == nil {
		for _, e := range entries {
			if scratchName(dbPath, e.Name()) {
				scratch = append(scratch, filepath.Join(filepath.Dir(dbPath), e.Name()))
			}
		}
	}
	return dbPath, backups, scratch
}

// checkTarget refuses a path that is not a regular file or a new path, or
// that is one of the database's own files (by device and inode: through
// any symbolic or hard link). manual are the remembered manual backups
// (nil when unknown).
func checkTarget(dbPath, path string, manual []string) error {
	fi, err := checkKind(path)
	if err != nil {
		return err
	}
	if fi == nil {
		if filepath.Clean(filepath.Dir(mustAbs(path))) == filepath.Clean(filepath.Dir(mustAbs(dbPath))) &&
			scratchName(dbPath, filepath.Base(path)) {
			return refuseTarget("target_scratch", "%s is a working file of the database; nothing was written", path)
		}
		return nil
	}
	db, backups, scratch := ownFiles(dbPath, manual)
	same := func(other string) bool {
		ofi, err := os.Stat(other)
		return err == nil && os.SameFile(fi, ofi)
	}
	if same(db) {
		return refuseTarget("target_db", "%s is the database itself; nothing was written", path)
	}
	for _, b := range backups {
		if same(b) {
			return refuseTarget("target_backup", "%s is a backup of the database; nothing was written", path)
		}
	}
	for _, s := range scratch {
		if same(s) {
			return refuseTarget("target_scratch", "%s is a working file of the database; nothing was written", path)
		}
	}
	if fi.Mode().Perm()&0o200 == 0 {
		// The rename would replace it whatever its mode: a file its owner
		// made read-only is kept, as the database itself is.
		return newStoreError(ErrUnsafeTarget, nil, "target_read_only",
			"%s is read-only (mode %04o); nothing was written (chmod u+w it, or choose another file)", path, fi.Mode().Perm())
	}
	return nil
}

// checkKind refuses a path that exists and is not a regular file (a
// symbolic link included: a rename would replace the link, not its
// file). It returns the file's Lstat, nil for a new path.
func checkKind(path string) (os.FileInfo, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	switch m := fi.Mode(); {
	case m&os.ModeSymlink != 0:
		return nil, refuseTarget("target_link", "%s is a symbolic link; give the path of the file itself (nothing was written)", path)
	case m.IsDir():
		return nil, refuseTarget("target_dir", "%s is a folder; give a file name (nothing was written)", path)
	case m&os.ModeNamedPipe != 0:
		return nil, refuseTarget("target_fifo", "%s is a FIFO, not a file; nothing was written", path)
	case m&os.ModeSocket != 0:
		return nil, refuseTarget("target_socket", "%s is a socket, not a file; nothing was written", path)
	case m&os.ModeDevice != 0:
		return nil, refuseTarget("target_device", "%s is a device, not a file; nothing was written", path)
	case !m.IsRegular():
		return nil, refuseTarget("target_irregular", "%s is not a regular file; nothing was written", path)
	}
	return fi, nil
}

// manualBackups reads the remembered manual backups (best effort: a
// database that cannot be read has none known).
func (s *Store) manualBackups() []string {
	var list []string
	_ = s.view(func(tx *bolt.Tx) error { // unreadable: none known
		if m := tx.Bucket(bMeta); m != nil {
			list = readManual(m.Get(kManualBackups))
		}
		return nil
	})
	return list
}

// WriteOutput writes a file for the person (export -o, a report): fill
// writes its contents into a scratch file, which is synced and renamed
// onto path. path must be a new path or a regular file that is none of
// the database's own files (checkTarget); else an ErrUnsafeTarget
// Problem, and nothing is written.
func (s *Store) WriteOutput(path string, fill func(w io.Writer) error) error {
	if err := checkTarget(s.path, path, s.manualBackups()); err != nil {
		return err
	}
	return atomicWrite(path, func(f *os.File) error { return fill(f) })
}

// atomicWrite creates a 0600 temporary file in path's directory, lets fill
// write it, and then syncs and renames it into place. On any error the
// temporary file is removed and path is untouched.
//
// The temporary file is named ".<name>.tmp-<pid>-<random>" beside the
// target, which may be any folder (backup FILE to a USB stick): a rename
// cannot cross file systems, so it cannot be made in the database's
// folder. A process killed while writing leaves it there, where opening
// the database never looks; so each write first removes the ones its
// target's earlier writes left whose process is gone (the next backup to
// that path finds them).
func atomicWrite(path string, fill func(f *os.File) error) (err error) {
	dir := filepath.Dir(path)
	removeDeadTemps(dir, filepath.Base(path))
	f, err := os.CreateTemp(dir, scratchPattern("."+filepath.Base(path)+tempMarker, ""))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(fileMode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := fill(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: sync: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable. Best effort: some systems cannot fsync a
// directory, and the file itself is already synced.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// removeDeadTemps removes, in dir, the temporary files atomicWrite made
// for target whose process is gone (an older salesplan's, without a pid
// in the name, when an hour old). Best effort: a file that cannot be
// removed only wastes space.
func removeDeadTemps(dir, target string) {
	prefix := "." + target + tempMarker
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !e.Type().IsRegular() {
			continue
		}
		full := filepath.Join(dir, name)
		// The pid follows the prefix (the target's own name may hold
		// ".tmp-" too).
		if pid, ok := scratchPID(tempMarker+name[len(prefix):], tempMarker); ok {
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

// OSReason words why a file operation failed, without the path (the
// message it goes into names the file): the common cases as Problems the
// catalog translates, anything else as the system's own words after them.
func OSReason(err error) *model.Problem {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return model.Errf("os_not_exist", "no such file or directory")
	case errors.Is(err, syscall.EPERM):
		// Not the mode bits (EACCES): an immutable or append-only file, a
		// mount or a security policy that forbids it.
		return model.Errf("os_not_permitted", "operation not permitted (the file may be immutable: lsattr shows it)")
	case errors.Is(err, fs.ErrPermission):
		return model.Errf("os_permission", "permission denied")
	case errors.Is(err, syscall.EISDIR):
		return model.Errf("os_is_dir", "is a directory")
	case errors.Is(err, syscall.ENOSPC):
		return model.Errf("os_no_space", "no space left on the disk")
	}
	return model.Errf("os_error", "%s", fmt.Sprint(err))
}
