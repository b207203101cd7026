package storage

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// d parses a date for tests.
func d(s string) model.Date {
	v, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

// at returns a local instant on a date.
func at(s string, h int) time.Time {
	return d(s).Time(time.Local).Add(time.Duration(h) * time.Hour)
}

// newStore opens a fresh store in a temp dir; on cleanup it checks that the
// maintained indexes equal indexes rebuilt from the records.
func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "data", "salesplan.db"), Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { assertNoDrift(t, s) })
	return s
}

// openPlain opens a fresh store without the drift check (for tests that damage the file).
func openPlain(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "salesplan.db"), Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func assertNoDrift(t testing.TB, s *Store) {
	t.Helper()
	var drift []string
	err := s.dryRun(func(tx *bolt.Tx) (err error) {
		drift, err = indexDrift(tx)
		return err
	})
	if err != nil {
		t.Errorf("index check: %v", err)
	}
	for _, line := range drift {
		t.Errorf("index drift: %s", line)
	}
}

func problemCode(err error) string {
	var p *model.Problem
	if errors.As(err, &p) {
		return p.Code
	}
	return ""
}

func mustClient(t testing.TB, s *Store, name string, tier model.Tier, created model.Date) model.Client {
	t.Helper()
	c, err := s.AddClient(model.Client{Name: name, Tier: tier}, created)
	if err != nil {
		t.Fatalf("AddClient %s: %v", name, err)
	}
	return c
}

func mustTask(t testing.TB, s *Store, task model.Task) model.Task {
	t.Helper()
	out, err := s.AddTask(task)
	if err != nil {
		t.Fatalf("AddTask %+v: %v", task, err)
	}
	return out
}

func mustEntry(t testing.TB, s *Store, e model.JournalEntry) model.JournalEntry {
	t.Helper()
	out, err := s.AddEntry(e)
	if err != nil {
		t.Fatalf("AddEntry %+v: %v", e, err)
	}
	return out
}
