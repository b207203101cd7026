package uitest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"salesplan/demo"
	"salesplan/storage"
)

// The views must stay fast on a big database: ten years of heavy use
// (demo.WriteScaled at scale 1: 100k tasks, 5k clients, 50k journal
// entries), built once per test binary.

var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

// BigStore opens the 100k-task database, building it on first use.
func BigStore(tb testing.TB) *storage.Store {
	tb.Helper()
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "salesplan-bench-")
		if err != nil {
			bigErr = err
			return
		}
		bigPath = filepath.Join(dir, "big.db")
		st, err := storage.Open(bigPath, storage.Options{})
		if err != nil {
			bigErr = err
			return
		}
		bigErr = demo.WriteScaled(st, Today, 1)
	})
	if bigErr != nil {
		tb.Fatalf("building the 100k-task database: %v", bigErr)
	}
	st, err := storage.Open(bigPath, storage.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// RemoveBig deletes the big database; call it from TestMain after m.Run.
func RemoveBig() {
	if bigPath != "" {
		_ = os.RemoveAll(filepath.Dir(bigPath))
	}
}
