package storage

import (
	"path/filepath"
	"testing"

	"salesplan/model"
)

// Two databases in one folder keep their backups apart: an empty one is not
// refused because of its neighbour's backups.
func TestBackupDirPerDatabase(t *testing.T) {
	dir := t.TempDir()
	if got, want := BackupDir(filepath.Join(dir, "salesplan.db")), filepath.Join(dir, "backups"); got != want {
		t.Errorf("default database: %s, want %s", got, want)
	}
	big, err := Open(filepath.Join(dir, "big.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	today := model.MakeDate(2026, 11, 27)
	if _, err := big.AddClient(model.Client{Name: "王总"}, today); err != nil {
		t.Fatal(err)
	}
	if err := big.AutoBackup(); err != nil {
		t.Fatal(err)
	}
	empty, err := Open(filepath.Join(dir, "empty.db"), Options{})
	if err != nil {
		t.Fatalf("a new database beside another's backups: %v", err)
	}
	if _, err := empty.Today(today); err != nil {
		t.Errorf("reading the new database: %v", err)
	}
	// Names that share a stem keep apart: the whole file name is the folder.
	if a, b := BackupDir(filepath.Join(dir, "work.db")), BackupDir(filepath.Join(dir, "work.old")); a == b {
		t.Errorf("work.db and work.old share %s", a)
	}
	old, err := Open(filepath.Join(dir, "big.old"), Options{})
	if err != nil {
		t.Fatalf("big.old beside big.db's backups: %v", err)
	}
	if list, _ := old.Backups(); len(list) != 0 {
		t.Errorf("big.old lists big.db's backups: %v", list)
	}
}
