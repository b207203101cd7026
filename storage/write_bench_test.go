package storage_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"salesplan/model"
	"salesplan/storage"
)

// BenchmarkCommandWriteTenYear is a command-line write on the ten-year
// database as a process makes it: a new Store (Open), one note, nothing
// kept from the iteration before but the file. It includes what guards a
// write on a new Store: the page structure's verification (verifyPages)
// unless the file is as a verified write left it.
func BenchmarkCommandWriteTenYear(b *testing.B) {
	path := tenYearPath(b)
	s := tenYearStore(b)
	c, err := s.FindClient("王总")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		st, err := storage.Open(path, storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		_, err = st.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote,
			At: time.Date(2026, 11, 27, 9, 30, 0, 0, time.Local), Text: "确认报价已收到"})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCommandWriteTenYearOtherWrote is the same write when another
// process wrote since this process's last look (what a new Store cannot
// know otherwise): the whole page structure is walked first.
func BenchmarkCommandWriteTenYearOtherWrote(b *testing.B) {
	path := tenYearPath(b)
	s := tenYearStore(b)
	c, err := s.FindClient("王总")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		storage.ForgetVerified(path) // as if a program other than salesplan had written
		b.StartTimer()
		st, err := storage.Open(path, storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		_, err = st.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote,
			At: time.Date(2026, 11, 27, 9, 30, 0, 0, time.Local), Text: "确认报价已收到"})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDailyBackupTenYear is the first write of a day's automatic
// backup of the ten-year database: the copy, its verification, and its
// rename into the rotation (the day's copy is removed between runs).
func BenchmarkDailyBackupTenYear(b *testing.B) {
	path := tenYearPath(b)
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.Local)
	s, err := storage.Open(path, storage.Options{Clock: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	day := filepath.Join(storage.BackupDir(path), "salesplan-2026-11-27.db")
	for b.Loop() {
		b.StopTimer()
		if err := os.Remove(day); err != nil && !os.IsNotExist(err) {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.AutoBackup(); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := os.Stat(day); err != nil {
		b.Fatalf("no backup made: %v", err)
	}
}
