// Package uitest is the one test fixture of the planner's panes, screens
// and shell: a store in a temporary directory that is checked for index
// drift when the test ends (as the storage tests' stores are), the
// environment a pane is built with at a fixed date and time, key and
// typing helpers, a loop that feeds a model's commands back into it as the
// program would, waits for a teatest program, and the seeded data sets the
// tests share (seed_*.go). It imports no pane, so every pane's own tests
// can use it.
package uitest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
	"salesplan/ui/theme"
)

// The tests run on Friday 27 Nov 2026: at 14:05 (Now, between the
// afternoon's first and second visits) unless they say otherwise, or at
// 10:05 (Morning, the Clients and Promises tests).
var (
	Today   = model.MakeDate(2026, time.November, 27)
	Now     = time.Date(2026, time.November, 27, 14, 5, 0, 0, time.Local)
	Morning = time.Date(2026, time.November, 27, 10, 5, 0, 0, time.Local)
)

// D is a date in 2026.
func D(m time.Month, day int) model.Date { return model.MakeDate(2026, m, day) }

// OpenStore opens an empty store in a temporary directory. When the test
// ends the store is checked (storage.Store.Check: bbolt's consistency,
// every record, and every index entry against indexes rebuilt from the
// records), so a pane whose writes leave an index out of step fails its
// own test.
func OpenStore(tb testing.TB) *storage.Store {
	tb.Helper()
	dir := TempDir(tb)
	st, err := storage.Open(filepath.Join(dir, "salesplan.db"), storage.Options{})
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { CheckStore(tb, st) })
	return st
}

// CheckStore fails the test for every problem storage.Store.Check finds.
func CheckStore(tb testing.TB, st *storage.Store) {
	tb.Helper()
	problems, err := st.Check()
	if err != nil {
		tb.Errorf("check the store: %v", err)
		return
	}
	for _, p := range problems {
		tb.Errorf("store check: %s", p)
	}
}

// TempDir is a temporary directory removed when the test ends. Not
// t.TempDir: a store read started just before a planner quit may still be
// running when the test ends, so the removal is retried for a moment.
func TempDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.MkdirTemp("", "salesplan-ui-")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		for i := 0; ; i++ {
			if err := os.RemoveAll(dir); err == nil || i == 50 {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	return dir
}

// Env is a pane's environment under test: the date fixed on Today and the
// clock on Now, no colour.
func Env(st *storage.Store, l i18n.Lang) common.Env { return EnvAt(st, l, Now) }

// EnvAt is Env with the clock fixed at now (on Today).
func EnvAt(st *storage.Store, l i18n.Lang, now time.Time) common.Env {
	s := theme.New(true, true)
	return common.Env{Store: st, Lang: l, Styles: &s, Keys: keys.New(l), TodayOverride: Today,
		Clock: func() time.Time { return now }}
}

// Plain is a view without its styling.
func Plain(view string) string { return ansi.Strip(view) }

// CheckSize fails unless view is exactly w cells wide and h lines high.
func CheckSize(tb testing.TB, view string, w, h int) {
	tb.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		tb.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			tb.Fatalf("line %d is %d cells, want %d: %q", i, got, w, ansi.Strip(l))
		}
	}
}

// Contains fails for each of want that view (plain text) lacks.
func Contains(tb testing.TB, view string, want ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(view, w) {
			tb.Errorf("screen lacks %q:\n%s", w, view)
		}
	}
}
