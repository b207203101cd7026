package storage

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"salesplan/model"
)

// A writer that waited for the lock on a file a restore then replaced
// writes into the new file, not the replaced one nothing reads again.
func TestWriterWaitingOnReplacedFileWritesToTheNewOne(t *testing.T) {
	s := newStore(t)
	mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	path := s.Path()
	dir := filepath.Dir(path)
	replacement := filepath.Join(t.TempDir(), "replacement.db")
	if err := s.Backup(replacement); err != nil {
		t.Fatal(err)
	}
	// The writer is another process in all but name: its own path to the
	// file (through a link to the folder), so this process's turn-taking
	// does not queue it behind the test's lock.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	w, err := Open(filepath.Join(link, filepath.Base(path)), Options{LockTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}

	old := path + ".old" // the replaced file stays reachable for the check
	if err := os.Link(path, old); err != nil {
		t.Fatal(err)
	}
	lock, err := lockFile(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := w.AddTask(model.Task{Title: "written while the restore held the lock"})
		done <- err
	}()
	time.Sleep(300 * time.Millisecond) // the writer opens the old file and waits for its lock
	select {
	case err := <-done:
		t.Fatalf("the writer did not wait for the lock: %v", err)
	default:
	}
	if err := os.Rename(replacement, path); err != nil { // the swap, under the lock
		t.Fatal(err)
	}
	lock.Close()
	if err := <-done; err != nil {
		t.Fatalf("AddTask: %v", err)
	}
	titles := func(p string) []string {
		st, err := Open(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		inbox, err := st.TasksOn(model.NoDate)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, task := range inbox {
			out = append(out, task.Title)
		}
		return out
	}
	if got := titles(path); len(got) != 1 {
		t.Errorf("the database holds %v, want the task written after the swap", got)
	}
	if got := titles(old); len(got) != 0 {
		t.Errorf("the replaced file got %v", got)
	}
}

// RestoreFile keeps the current database first, under the lock, and the
// restored file's revision is above the replaced one's.
func TestRestoreKeepsCopyAndRaisesRevision(t *testing.T) {
	s := newStore(t)
	mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		mustTask(t, s, model.Task{Title: fmt.Sprint("after the backup ", i)})
	}
	revBefore, _ := s.Revision()
	if err := s.Restore(backup); err != nil {
		t.Fatal(err)
	}
	if rev, _ := s.Revision(); rev <= revBefore {
		t.Errorf("revision %d after the restore, %d before: the planner would not notice", rev, revBefore)
	}
	if inbox, _ := s.TasksOn(model.NoDate); len(inbox) != 0 {
		t.Errorf("restored database has %d tasks", len(inbox))
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo after a restore = %v: the log described the replaced data", err)
	}
	copies, _ := filepath.Glob(filepath.Join(BackupDir(s.Path()), beforeRestoreName+"*"))
	if len(copies) != 1 {
		t.Fatalf("before-restore copies: %v", copies)
	}
	kept, err := Open(copies[0], Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if inbox, _ := kept.TasksOn(model.NoDate); len(inbox) != 5 {
		t.Errorf("the kept copy has %d of the 5 tasks", len(inbox))
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), restorePrefix(filepath.Base(s.Path()))+"*")); len(left) > 0 {
		t.Errorf("scratch left: %v", left)
	}
}

// Scratch files of a process that died are removed on the next open; a
// live process's are left alone.
func TestOpenRemovesDeadScratch(t *testing.T) {
	s := newStore(t)
	path := s.Path()
	dir := filepath.Dir(path)
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	live := exec.Command("sleep", "30")
	if err := live.Start(); err != nil {
		t.Skip("no sleep(1):", err)
	}
	defer func() { _ = live.Process.Kill(); _ = live.Wait() }()
	deadPID, livePID := strconv.Itoa(dead.Process.Pid), strconv.Itoa(live.Process.Pid)
	bdir := BackupDir(path)
	if err := os.MkdirAll(bdir, 0o700); err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{ // path → removed?
		filepath.Join(dir, restorePrefix("salesplan.db")+deadPID+"-123"):        true,
		filepath.Join(dir, restorePrefix("salesplan.db")+livePID+"-123"):        false,
		filepath.Join(dir, stagingPrefix+deadPID+"-9.db"):                       true,
		filepath.Join(bdir, ".salesplan-2026-11-27.db"+tempMarker+deadPID+"-7"): true,
		filepath.Join(bdir, ".salesplan-2026-11-27.db"+tempMarker+livePID+"-7"): false,
		filepath.Join(dir, restorePrefix("salesplan.db")+"123456789"):           false, // no pid, fresh: an older salesplan's, maybe running
		filepath.Join(dir, "notes.txt"):                                         false,
		filepath.Join(dir, restorePrefix("other.db")+deadPID+"-1"):              false, // another database's
	}
	for p := range files {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	for p, removed := range files {
		_, err := os.Stat(p)
		if gone := errors.Is(err, os.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", filepath.Base(p), gone, removed)
		}
	}
}

// A backup FILE outside the database's folders killed while it wrote
// leaves its scratch beside FILE, where opening the database never looks:
// the next backup to that path removes it (a live process's stays, and
// the new scratch is named with this process's pid).
func TestBackupRemovesDeadScratchBesideTarget(t *testing.T) {
	s := newStore(t)
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	live := exec.Command("sleep", "30")
	if err := live.Start(); err != nil {
		t.Skip("no sleep(1):", err)
	}
	defer func() { _ = live.Process.Kill(); _ = live.Wait() }()
	deadPID, livePID := strconv.Itoa(dead.Process.Pid), strconv.Itoa(live.Process.Pid)
	stick := t.TempDir() // another folder, as a USB stick would be
	target := filepath.Join(stick, "a.tmp-week.db")
	files := map[string]bool{ // path → removed?
		filepath.Join(stick, "."+filepath.Base(target)+tempMarker+deadPID+"-123"): true,
		filepath.Join(stick, "."+filepath.Base(target)+tempMarker+livePID+"-123"): false,
		filepath.Join(stick, "."+filepath.Base(target)+tempMarker+"987654321"):    false, // no pid, fresh
		filepath.Join(stick, ".other.db"+tempMarker+deadPID+"-1"):                 false, // another target's
	}
	for p := range files {
		if err := os.WriteFile(p, []byte("half a copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Backup(target); err != nil {
		t.Fatal(err)
	}
	for p, removed := range files {
		_, err := os.Stat(p)
		if gone := errors.Is(err, os.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", filepath.Base(p), gone, removed)
		}
	}
	if _, err := os.Stat(target); err != nil {
		t.Errorf("the backup is missing: %v", err)
	}
}
