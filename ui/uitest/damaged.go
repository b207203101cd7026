package uitest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"salesplan/storage"
)

// DamagedStore is a seeded store whose file is then damaged the way a bit
// flip in page headers damages it: every data page's flags are made
// nonsense, so that every read fails with the one-line "damaged; restore a
// backup" error. No consistency check runs on cleanup.
func DamagedStore(tb testing.TB, seed func(testing.TB, *storage.Store)) *storage.Store {
	tb.Helper()
	path := filepath.Join(TempDir(tb), "salesplan.db")
	st, err := storage.Open(path, storage.Options{})
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	if seed != nil {
		seed(tb, st)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	page := os.Getpagesize()
	for off := 2 * page; off+10 <= len(b); off += page {
		b[off+8], b[off+9] = 0xff, 0xff // the page's flags
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		tb.Fatal(err)
	}
	return st
}

// CheckDamageSaid fails unless view, a pane drawn width cells wide over a
// DamagedStore, says what to do whole ("salesplan backups", however it is
// wrapped), no longer says loading, and keeps every line within width.
func CheckDamageSaid(tb testing.TB, view, loading string, width int) {
	tb.Helper()
	if !strings.Contains(strings.Join(strings.Fields(view), ""), "salesplanbackups") {
		tb.Errorf("the damage is not said whole:\n%s", view)
	}
	if strings.Contains(view, loading) {
		tb.Errorf("still loading after the load failed:\n%s", view)
	}
	for _, ln := range strings.Split(view, "\n") {
		if w := ansi.StringWidth(ln); w > width {
			tb.Errorf("line %d cells wide on a %d-cell pane: %q", w, width, ln)
		}
	}
}
