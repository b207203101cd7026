package proof

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"salesplan/demo"
	"salesplan/model"
	"salesplan/storage"
)

var testToday = model.MakeDate(2026, time.November, 27)

// demoDB writes the demo data set into dir/data/salesplan.db and returns
// the path; with backups, the daily automatic backup is made beside it.
func demoDB(t testing.TB, dir string, backups bool) string {
	t.Helper()
	path := filepath.Join(dir, "data", "salesplan.db")
	st, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if err := demo.Write(st, testToday); err != nil {
		t.Fatalf("demo: %v", err)
	}
	if backups {
		if err := st.AutoBackup(); err != nil {
			t.Fatalf("backup: %v", err)
		}
	}
	return path
}

// tempDir is a temporary directory others may enter (a child that drops
// root must reach its files), removed at the end.
func tempDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "salesplan-proof-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}
