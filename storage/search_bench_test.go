package storage_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/demo"
	"salesplan/model"
	"salesplan/storage"
)

// The ten-year database of `salesplan demo --scale 1` (100k tasks, 5k
// clients, 50k journal entries, 5k promises, 2k projects), with one old
// note to find: "王总女儿明年高考，别约周末", written in 2018.
var tenYear struct {
	once sync.Once
	dir  string
	path string
	err  error
}

var tenYearToday = model.MakeDate(2026, 11, 27)

func tenYearPath(b *testing.B) string {
	b.Helper()
	tenYear.once.Do(func() {
		start := time.Now()
		tenYear.dir, tenYear.err = os.MkdirTemp("", "salesplan-search-bench-")
		if tenYear.err != nil {
			return
		}
		storage.RemoveAfterTests(tenYear.dir)
		tenYear.path = filepath.Join(tenYear.dir, "ten.db")
		s, err := storage.Open(tenYear.path, storage.Options{})
		if err != nil {
			tenYear.err = err
			return
		}
		if err := demo.WriteScaled(s, tenYearToday, 1); err != nil {
			tenYear.err = err
			return
		}
		c, err := s.AddClient(model.Client{Name: "王总", Tier: model.TierKey}, model.MakeDate(2018, 3, 1))
		if err != nil {
			tenYear.err = err
			return
		}
		_, tenYear.err = s.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote,
			At: time.Date(2018, 3, 2, 10, 0, 0, 0, time.Local), Text: "王总女儿明年高考，别约周末"})
		if fi, err := os.Stat(tenYear.path); err == nil {
			fmt.Fprintf(os.Stderr, "ten-year database built in %v, %.1f MiB\n",
				time.Since(start).Round(time.Millisecond), float64(fi.Size())/(1<<20))
		}
	})
	if tenYear.err != nil {
		b.Fatal(tenYear.err)
	}
	return tenYear.path
}

func tenYearStore(b *testing.B) *storage.Store {
	b.Helper()
	s, err := storage.Open(tenYearPath(b), storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkSearchTenYear is one search as the command line and ctrl+f
// make it (open the file, one read transaction, close), for queries of
// every shape: a rare word inside a Chinese sentence, a phrase, words in
// thousands of records (newest 20 of them), one character, Latin
// prefixes, two terms, a kind filter that skips most postings, nothing.
func BenchmarkSearchTenYear(b *testing.B) {
	s := tenYearStore(b)
	for _, q := range []struct {
		name, text string
		kind       storage.SearchKind
		minHits    int
	}{
		{"rare_cjk", "高考", "", 1},
		{"cjk_phrase", "明年高考", "", 1},
		{"common_cjk", "报价", "", 20},
		{"one_char", "王", "", 20},
		{"latin_prefix", "quot", "", 20},
		{"one_letter", "q", "", 20},
		{"two_terms", "确认 报价", "", 20},
		{"kind_filter_none", "报价", storage.SearchProject, 0},
		{"kind_client", "朝阳", storage.SearchClient, 20},
		{"no_match", "zzzz", "", 0},
	} {
		b.Run(q.name, func(b *testing.B) {
			var res storage.SearchResult
			for b.Loop() {
				var err error
				if res, err = s.Search(q.text, q.kind, 20); err != nil {
					b.Fatal(err)
				}
			}
			if len(res.Hits) < q.minHits {
				b.Fatalf("%q: %d hits, want at least %d", q.text, len(res.Hits), q.minHits)
			}
			b.ReportMetric(float64(len(res.Hits)), "hits")
		})
	}
}

// BenchmarkAddEntryTenYear is one user action on the ten-year database:
// a call with a Chinese note recorded today, whose words are in thousands
// of records (the search index rewrites those words' newest blocks).
func BenchmarkAddEntryTenYear(b *testing.B) {
	s := tenYearStore(b)
	c, err := s.FindClient("王总")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		_, err := s.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall,
			At: time.Date(2026, 11, 27, 9, 30, 0, 0, time.Local), Text: "确认报价已收到，正在内部比价；对方说下周定方案"})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchIndexAtOpen is the one-time cost of opening a ten-year
// database written before search: Open builds the search index.
func BenchmarkSearchIndexAtOpen(b *testing.B) {
	src := tenYearPath(b)
	dst := filepath.Join(b.TempDir(), "old.db")
	for b.Loop() {
		b.StopTimer()
		copyFile(b, src, dst)
		db, err := bolt.Open(dst, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			b.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("idx")).DeleteBucket([]byte("search")) })
		if cerr := db.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		s, err := storage.Open(dst, storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if res, err := s.Search("高考", "", 20); err != nil || len(res.Hits) != 1 {
			b.Fatalf("after the build: %v %v", res.Hits, err)
		}
		b.StartTimer()
	}
}

func copyFile(b *testing.B, src, dst string) {
	b.Helper()
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
