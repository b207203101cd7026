package davsync

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"salesplan/davsync/davtest"
	"salesplan/demo"
	"salesplan/storage"
)

// The ten-year database (salesplan demo --scale N; SALESPLAN_BENCH_SCALE,
// default 1) synced with a real Radicale. Each benchmark reports the items
// published and the requests per sync beside the time.
//
//	go test ./davsync/ -run '^$' -bench Sync -benchtime 1x

func benchScale(b *testing.B) int {
	if s := os.Getenv("SALESPLAN_BENCH_SCALE"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("SALESPLAN_BENCH_SCALE=%q", s)
		}
		return n
	}
	return 1
}

// scaledStore builds the scaled demo database in a temporary folder.
func scaledStore(b *testing.B) (*storage.Store, string) {
	b.Helper()
	db := filepath.Join(b.TempDir(), "salesplan.db")
	st, err := storage.Open(db, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := demo.WriteScaled(st, today, benchScale(b)); err != nil {
		b.Fatal(err)
	}
	return st, db
}

func benchSync(b *testing.B, st *storage.Store, db string) Report {
	b.Helper()
	rep, err := Run(context.Background(), Options{Store: st, DBPath: db, Password: davtest.Password, PasswordSet: true, Today: today, Workers: 4})
	if err != nil {
		b.Fatal(err)
	}
	return rep
}

// BenchmarkSyncFirstPublish: everything goes up to an empty calendar.
func BenchmarkSyncFirstPublish(b *testing.B) {
	srv := davtest.SharedServer(b)
	st, db := scaledStore(b)
	var rep Report
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		cal := srv.NewCalendar(b)
		if err := st.SetSyncConfig(func(c *storage.SyncConfig) error { c.URL, c.User = cal, davtest.User; return nil }); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep = benchSync(b, st, db)
	}
	b.ReportMetric(float64(rep.Published), "items")
	b.ReportMetric(float64(rep.Requests), "requests/op")
}

// BenchmarkSyncNothingChanged: the sync after that, with nothing to send.
func BenchmarkSyncNothingChanged(b *testing.B) {
	srv := davtest.SharedServer(b)
	st, db := scaledStore(b)
	cal := srv.NewCalendar(b)
	if err := st.SetSyncConfig(func(c *storage.SyncConfig) error { c.URL, c.User = cal, davtest.User; return nil }); err != nil {
		b.Fatal(err)
	}
	benchSync(b, st, db)
	var rep Report
	b.ResetTimer()
	for range b.N {
		rep = benchSync(b, st, db)
	}
	if rep.Created+rep.Updated+rep.Removed != 0 {
		b.Fatalf("a sync with nothing to do did %+v", rep)
	}
	b.ReportMetric(float64(rep.Published), "items")
	b.ReportMetric(float64(rep.Requests), "requests/op")
}

// BenchmarkBuildObjects: the local part — snapshot read and iCalendar
// built and hashed for every item — without the network.
func BenchmarkBuildObjects(b *testing.B) {
	st, _ := scaledStore(b)
	b.ResetTimer()
	n := 0
	for range b.N {
		snap, err := st.SyncSnapshot(today.AddDays(-WindowDays))
		if err != nil {
			b.Fatal(err)
		}
		objs, err := buildObjects(snap, "bench", DefaultLabels(), time.Local)
		if err != nil {
			b.Fatal(err)
		}
		n = len(objs)
	}
	b.ReportMetric(float64(n), "items")
}
