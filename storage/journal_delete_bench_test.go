package storage

import (
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// busiestClient is the client with the longest journal in the big
// database: the worst case for DeleteTask's search of the entries a task
// recorded (it reads that client's timeline).
func busiestClient(b *testing.B, s *Store) (model.ID, int) {
	b.Helper()
	counts := map[model.ID]int{}
	err := s.view(func(tx *bolt.Tx) error {
		return ix(tx, ixJournalClient).ForEach(func(k, _ []byte) error {
			counts[keyID(k[:8])]++
			return nil
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	var best model.ID
	for id, n := range counts {
		if n > counts[best] {
			best = id
		}
	}
	return best, counts[best]
}

// BenchmarkEntriesOfTask is what deleting a task adds to the delete: the
// search for the entries its completion recorded, for a done call task of
// the client with the longest journal, inside one read transaction.
func BenchmarkEntriesOfTask(b *testing.B) {
	s := bigStore(b)
	client, n := busiestClient(b, s)
	t := model.Task{ID: 1 << 40, ClientID: client, Kind: model.TaskCall, Done: true, DoneOn: benchDay.AddDays(-30)}
	err := s.view(func(tx *bolt.Tx) error {
		for b.Loop() {
			if _, err := entriesOfTask(tx, t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n), "client-entries")
}

// BenchmarkDeleteTaskDone is `task delete` of a done call task of the
// busiest client on the ten-year database: one transaction with the
// search, the unlinking of its call and the undo log (the completion that
// made the task is set up outside the timer).
func BenchmarkDeleteTaskDone(b *testing.B) {
	s := bigStore(b)
	client, _ := busiestClient(b, s)
	for b.Loop() {
		b.StopTimer()
		t, err := s.AddTask(model.Task{Title: "call back", Kind: model.TaskCall, ClientID: client, Date: benchDay})
		if err == nil {
			_, err = s.CompleteTask(t.ID, benchDay, benchDay.Time(time.Local).Add(10*time.Hour), "done")
		}
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.DeleteTask(t.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeleteEntry is `journal delete` on the ten-year database: the
// record, its index entries, its words in the search index and the
// client's follow-up in one transaction (the entry is added outside the
// timer).
func BenchmarkDeleteEntry(b *testing.B) {
	s := bigStore(b)
	client, _ := busiestClient(b, s)
	for b.Loop() {
		b.StopTimer()
		e, err := s.AddEntry(model.JournalEntry{ClientID: client, Kind: model.EntryCall, At: benchDay.Time(time.Local).Add(9 * time.Hour),
			Text: "王总说下周二来公司看样品，带上报价单 — bring the quote"})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.DeleteEntry(e.ID); err != nil {
			b.Fatal(err)
		}
	}
}
