package storage

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"salesplan/model"
)

// walksFor counts the page walks fn makes.
func walksFor(fn func()) int64 {
	before := pageWalks.Load()
	fn()
	return pageWalks.Load() - before
}

// addClient is a write by a new Store, as a command-line process makes it.
func addClientAsNewProcess(t *testing.T, path, name string) error {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		return err
	}
	_, err = s.AddClient(model.Client{Name: name}, d("2026-11-27"))
	return err
}

// TestWriteAfterVerifiedWriteDoesNotWalk: a write by a new Store (another
// process) on a file the last salesplan wrote from a verified state
// walks no pages; the record is beside the file.
func TestWriteAfterVerifiedWriteDoesNotWalk(t *testing.T) {
	s := filledStore(t)
	if _, err := os.Stat(verifiedPath(s.Path())); err != nil {
		t.Fatalf("no record beside the file after a write: %v", err)
	}
	for i, name := range []string{"First", "Second", "Third"} {
		if n := walksFor(func() {
			if err := addClientAsNewProcess(t, s.Path(), name); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("write %d by a new Store walked the pages %d times", i, n)
		}
	}
	// The Store that wrote first sees the others' writes as recorded too.
	if n := walksFor(func() {
		if _, err := s.AddClient(model.Client{Name: "Fourth"}, d("2026-11-27")); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("a write after other Stores' recorded writes walked %d times", n)
	}
}

// TestWriteWalksAfterAnyOtherChange: every change to the file that is not
// a recorded salesplan write makes the next write walk first — a byte
// written in place (even one that changes nothing, even at once after a
// commit, within the clock's tick), the file copied over, a restore, a
// damaged record; and damage found that way refuses the write.
func TestWriteWalksAfterAnyOtherChange(t *testing.T) {
	s := filledStore(t)
	path := s.Path()
	pristine, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, ps := pageOf(t, s, "clients")
	rewriteByte := func() { flip(t, path, 100*ps+7, 0) } // same byte back: only the times change
	for _, c := range []struct {
		name   string
		change func()
	}{
		{"a byte rewritten in place", rewriteByte},
		{"a byte rewritten at once after the commit", func() {
			if _, err := s.AddClient(model.Client{Name: "Just now"}, d("2026-11-27")); err != nil {
				t.Fatal(err)
			}
			rewriteByte()
		}},
		{"the file copied over", func() {
			b, _ := os.ReadFile(path)
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"the modification time set back", func() {
			fi, _ := os.Stat(path)
			rewriteByte()
			_ = os.Chtimes(path, time.Time{}, fi.ModTime())
		}},
		{"the record damaged", func() {
			b, _ := os.ReadFile(verifiedPath(path))
			b[len(b)-3] ^= 1
			_ = os.WriteFile(verifiedPath(path), b, 0o600)
		}},
		{"the record removed", func() { _ = os.Remove(verifiedPath(path)) }},
	} {
		if err := addClientAsNewProcess(t, path, "before "+c.name); err != nil {
			t.Fatal(err)
		}
		c.change()
		if n := walksFor(func() {
			if err := addClientAsNewProcess(t, path, "after "+c.name); err != nil {
				t.Fatal(err)
			}
		}); n != 1 {
			t.Errorf("%s: the next write walked %d times, want 1", c.name, n)
		}
	}
	// Damage after a recorded write: found, the write refused, the file
	// left as it was.
	if err := os.WriteFile(path, pristine, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := addClientAsNewProcess(t, path, "recorded"); err != nil {
		t.Fatal(err)
	}
	root, _ := pageOf(t, s, "clients")
	flip(t, path, root*ps+16+8+5, 1) // a branch element's child page id, far outside the file
	damaged, _ := os.ReadFile(path)
	err = addClientAsNewProcess(t, path, "on damage")
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("a write on a damaged file: %v, want ErrDamaged", err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(damaged) {
		t.Error("the refused write changed the file")
	}
	if _, err := os.Stat(verifiedPath(path)); !os.IsNotExist(err) {
		t.Errorf("the record of a file found damaged is kept: %v", err)
	}
	if err := os.WriteFile(path, pristine, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestVerifiedRecordIsReplacedNotFollowed: a link at the record's path is
// replaced by the record; the file it pointed to is untouched.
func TestVerifiedRecordIsReplacedNotFollowed(t *testing.T) {
	s := newStore(t)
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(victim, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	_ = os.Remove(verifiedPath(s.Path())) // Open's own write made one
	if err := os.Symlink(victim, verifiedPath(s.Path())); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddClient(model.Client{Name: "A"}, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep me" {
		t.Errorf("the link's target was written: %q", b)
	}
	if fi, err := os.Lstat(verifiedPath(s.Path())); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("the record is not a regular file: %v %v", fi, err)
	}
	if err := checkTarget(s.Path(), verifiedPath(s.Path()), nil); err == nil {
		t.Error("export -o may write over the record")
	}
}

// TestVerifiedRecordNotWrittenThroughAHardLink: a second name for another
// file at the record's path is replaced, the other file untouched.
func TestVerifiedRecordNotWrittenThroughAHardLink(t *testing.T) {
	s := newStore(t)
	victim := filepath.Join(filepath.Dir(s.Path()), "victim")
	if err := os.WriteFile(victim, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	_ = os.Remove(verifiedPath(s.Path()))
	if err := os.Link(victim, verifiedPath(s.Path())); err != nil {
		t.Skip("no hard links here:", err)
	}
	if _, err := s.AddClient(model.Client{Name: "A"}, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep me" {
		t.Errorf("the hard link's file was written: %q", b)
	}
	if _, found := loadVerified(s.Path()); !found && runtime.GOOS == "linux" {
		t.Error("no record after the write")
	}
}
