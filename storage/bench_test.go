package storage

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// The big database of the benchmarks: ten years of one busy rep — 5k
// clients, 100k tasks (almost all done), 50k journal entries, 5k promises,
// 2k projects of which about 200 are live. Built once per test binary. The
// "live" database has the same clients and the same live state (today's
// and open tasks, the last 60 days of journal, open promises, live
// projects) without the history: Today should cost the same on both.
type fixture struct {
	once sync.Once
	path string
	err  error
}

var (
	big, live fixture
	benchDirs []string
	benchDay  = d("2026-11-27")
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range benchDirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

func (f *fixture) store(b *testing.B, history bool) *Store {
	b.Helper()
	f.once.Do(func() {
		start := time.Now()
		dir, err := os.MkdirTemp("", "salesplan-bench-")
		if err != nil {
			f.err = err
			return
		}
		benchDirs = append(benchDirs, dir)
		f.path = filepath.Join(dir, "bench.db")
		f.err = buildBig(f.path, history)
		if fi, _ := os.Stat(f.path); fi != nil {
			fmt.Fprintf(os.Stderr, "database (history %v) built in %v, %.1f MiB\n", history,
				time.Since(start).Round(time.Millisecond), float64(fi.Size())/(1<<20))
		}
	})
	if f.err != nil {
		b.Fatal(f.err)
	}
	s, err := Open(f.path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func bigStore(b *testing.B) *Store { return big.store(b, true) }

// buildBig writes the data set in a few large transactions through the
// same put helpers the actions use, so its indexes are the real ones.
// Without history it draws the same random numbers but skips the records
// that are history (done tasks, old journal, kept promises, finished
// projects), so the live state is the same.
func buildBig(path string, history bool) error {
	s, err := Open(path, Options{})
	if err != nil {
		return err
	}
	// The search index is built last in one pass, as import builds it:
	// record by record, in batches of 10k, it would take ten times longer.
	if err := s.update(func(tx *bolt.Tx) error { return tx.Bucket(bIndex).DeleteBucket(ixSearch) }); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(2026, 11))
	first := benchDay.AddDays(-3650)
	span := func(from model.Date) model.Date { return from.AddDays(r.IntN(max(1, benchDay.Sub(from)))) }
	instant := func(day model.Date) time.Time {
		return day.Time(time.Local).Add(time.Duration(8*60+r.IntN(11*60)) * time.Minute)
	}
	batch := func(n int, fn func(tx *bolt.Tx, i int) error) error {
		const size = 10000
		for lo := 0; lo < n; lo += size {
			err := s.update(func(tx *bolt.Tx) error {
				for i := lo; i < min(n, lo+size); i++ {
					if err := fn(tx, i); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
	const nClients, nProjects = 5000, 2000
	created := make([]model.Date, nClients+1)
	err = batch(nClients, func(tx *bolt.Tx, i int) error {
		tier := model.TierRegular
		if i%10 == 0 {
			tier = model.TierKey
		}
		c := model.Client{Name: fmt.Sprintf("客户%04d %s", i, []string{"Ltd", "有限公司", "Trading"}[i%3]), Tier: tier,
			Area: fmt.Sprintf("区%d", i%12), CreatedOn: span(first), Company: "公司", Phone: "138 0000 0000",
			Business: "HVAC equipment", Needs: "chillers", DecisionMaker: "王总", Interests: "golf"}
		created[i+1] = c.CreatedOn
		return putClient(tx, &c)
	})
	if err != nil {
		return err
	}
	client := func() model.ID {
		if r.IntN(3) == 0 { // key clients get a third of the work
			return model.ID(1 + 10*r.IntN(nClients/10))
		}
		return model.ID(1 + r.IntN(nClients))
	}
	err = batch(nProjects, func(tx *bolt.Tx, i int) error {
		c := client()
		p := model.Project{Name: fmt.Sprintf("项目 %04d", i), ClientID: c, Value: model.Money(r.IntN(2e6)) * 100, Owner: "业主"}
		steps := 1 + r.IntN(8)
		live := i >= nProjects-200 // the recent ones are live
		if !live {
			steps++ // then closed or lost
		}
		// Walk back from the last move: live projects moved within the
		// last two months, finished ones any time in the ten years.
		on := benchDay.AddDays(-r.IntN(60))
		if !live {
			on = span(max(first, created[c]).AddDays(400))
		}
		dates := make([]model.Date, steps)
		for k := steps - 1; k >= 0; k-- {
			dates[k] = on
			on = on.AddDays(-1 - r.IntN(40))
		}
		for k := range steps {
			st := model.Stages[k]
			if !live && k == steps-1 {
				st = model.StageClosed
				if r.IntN(3) == 0 {
					st = model.StageLost
				}
			}
			p.StageHistory = append(p.StageHistory, model.StageEntry{Stage: st, On: dates[k]})
		}
		p.Stage = p.StageHistory[len(p.StageHistory)-1].Stage
		if p.Stage == model.StageDesign || p.Stage == model.StageBidding {
			p.BidDate = benchDay.AddDays(r.IntN(60) - 20)
		}
		if !history && !live {
			return nil
		}
		p.ID = model.ID(i + 1) // the same ids with and without history
		return putProject(tx, &p)
	})
	if err != nil {
		return err
	}
	kinds := []model.EntryKind{model.EntryNote, model.EntryCall, model.EntryCall, model.EntryCall, model.EntryVisit, model.EntryMeeting}
	err = batch(50000, func(tx *bolt.Tx, i int) error {
		c := client()
		e := model.JournalEntry{ClientID: c, Kind: kinds[r.IntN(len(kinds))], At: instant(span(max(first, created[c]))), Text: "谈了价格，下周再联系 — talked about the price"}
		if r.IntN(5) == 0 {
			e.ProjectID = model.ID(1 + r.IntN(nProjects))
		}
		if !history {
			if e.On() < benchDay.AddDays(-60) {
				return nil
			}
			if e.ProjectID <= nProjects-200 {
				e.ProjectID = 0 // its project is history; the contact still counts for the client
			}
		}
		return putEntry(tx, &e)
	})
	if err != nil {
		return err
	}
	tkinds := []model.TaskKind{model.TaskCall, model.TaskCall, model.TaskVisit, model.TaskMeeting, model.TaskTodo}
	err = batch(100000, func(tx *bolt.Tx, i int) error {
		t := model.Task{Title: "回访客户 follow up on the quote", Kind: tkinds[r.IntN(len(tkinds))], Slot: model.SlotAny}
		if r.IntN(2) == 0 {
			t.ClientID = client()
		}
		switch {
		case i < 200: // the coming two weeks
			t.Date = benchDay.AddDays(1 + r.IntN(14))
		case i < 230: // today
			t.Date = benchDay
			t.Time = model.ClockAt(8+r.IntN(10), 0)
			t.Slot = model.SlotOf(t.Time)
		case i < 330: // carried over, not done
			t.Date = benchDay.AddDays(-1 - r.IntN(300))
			t.Important = r.IntN(4) == 0
		case i < 1000: // inbox
		default:
			t.Date = span(first)
			t.Done, t.DoneOn = true, t.Date
			if !history {
				return nil
			}
		}
		return putTask(tx, &t)
	})
	if err != nil {
		return err
	}
	err = batch(5000, func(tx *bolt.Tx, i int) error {
		c := client()
		made := span(max(first, created[c]))
		p := model.Promise{ClientID: c, Text: "send the samples 寄样品", MadeOn: made, Due: made.AddDays(1 + r.IntN(14)), Status: model.PromiseKept}
		switch {
		case i < 40:
			p.Status = model.PromiseOpen
			p.MadeOn = benchDay.AddDays(-r.IntN(20))
			p.Due = p.MadeOn.AddDays(r.IntN(20))
		case r.IntN(10) == 0:
			p.Status = model.PromiseCancelled
		default:
			p.KeptOn = p.Due.AddDays(r.IntN(4) - 2)
		}
		if !history && p.Status != model.PromiseOpen {
			return nil
		}
		return putPromise(tx, &p)
	})
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		if _, err := tx.Bucket(bIndex).CreateBucket(ixSearch); err != nil {
			return err
		}
		return reindexSearch(tx)
	})
}

func BenchmarkTodayEmpty(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "empty.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Today(benchDay); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTodayBig(b *testing.B) {
	s := bigStore(b)
	a, err := s.Today(benchDay)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Today(benchDay); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(a.Tasks)), "tasks")
	b.ReportMetric(float64(len(a.Attention)), "attention")
	b.ReportMetric(float64(a.RegularDue), "regular_due")
}

// BenchmarkTodayLive is BenchmarkTodayBig on the same live state without
// ten years of history: equal times mean Today never reads the history.
func BenchmarkTodayLive(b *testing.B) {
	s := live.store(b, false)
	a, err := s.Today(benchDay)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Today(benchDay); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(a.Tasks)), "tasks")
	b.ReportMetric(float64(len(a.Attention)), "attention")
	b.ReportMetric(float64(a.RegularDue), "regular_due")
}

func BenchmarkWeekBig(b *testing.B) {
	s := bigStore(b)
	for b.Loop() {
		if _, err := s.Week(benchDay, benchDay); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMonthBig(b *testing.B) {
	s := bigStore(b)
	for b.Loop() {
		if _, err := s.Month(model.MonthOf(benchDay), benchDay); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTodayBigCN is BenchmarkTodayBig with mainland China's holiday
// calendar (the cn calendar looked up for every working-day rule).
func BenchmarkTodayBigCN(b *testing.B) {
	s := bigStore(b)
	s.SetLanguage("zh")
	defer s.SetLanguage("")
	for b.Loop() {
		if _, err := s.Today(benchDay); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDayRecordBig reads the day's record (report day) on the
// ten-year database: the day's journal with its text, the promises and
// tasks of the day, the open tasks before it.
func BenchmarkDayRecordBig(b *testing.B) {
	s := bigStore(b)
	r, err := s.DayRecord(benchDay)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.DayRecord(benchDay); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(r.Contacts)+len(r.Notes)), "entries")
	b.ReportMetric(float64(len(r.Undone)), "undone")
}

// BenchmarkDayRecordBigYearAgo reads the record of a day a year back:
// the important tasks still open at its end include those done since,
// found through task_done's values (a year of done tasks walked, only the
// important ones dated before the day decoded).
func BenchmarkDayRecordBigYearAgo(b *testing.B) {
	s := bigStore(b)
	day := benchDay.AddDays(-365)
	r, err := s.DayRecord(day)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.DayRecord(day); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(r.Undone)), "undone")
}

// BenchmarkMonthReviewBig reads the month's review (report month).
func BenchmarkMonthReviewBig(b *testing.B) {
	s := bigStore(b)
	for b.Loop() {
		if _, err := s.MonthReview(model.MonthOf(benchDay), benchDay); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkClientsBig(b *testing.B) {
	s := bigStore(b)
	for b.Loop() {
		if _, err := s.Clients(benchDay, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProjectsBig(b *testing.B) {
	s := bigStore(b)
	for b.Loop() {
		if _, err := s.Projects(benchDay, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAddTask is one user action: open, one fsync'd write, close.
func BenchmarkAddTask(b *testing.B) {
	s := bigStore(b)
	for b.Loop() {
		if _, err := s.AddTask(model.Task{Title: "call back", Kind: model.TaskCall, ClientID: 11, Date: benchDay.AddDays(400)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEditTask is the planner's edit form saved: one field changed,
// merged into the task as stored (EditTask), undo log included.
func BenchmarkEditTask(b *testing.B) {
	s := bigStore(b)
	seen, err := s.AddTask(model.Task{Title: "call back", Kind: model.TaskCall, ClientID: 11, Date: benchDay.AddDays(400)})
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		edited := seen
		edited.Title = fmt.Sprint("call back ", i)
		if seen, err = s.EditTask(seen, edited); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMergeEdit is the merge alone (no transaction): what EditTask
// adds to a whole-record write.
func BenchmarkMergeEdit(b *testing.B) {
	seen := model.Task{ID: 7, Rev: 3, Title: "call back", Kind: model.TaskCall, ClientID: 11, Date: benchDay, Slot: model.SlotAny}
	edited, stored := seen, seen
	edited.Title = "call back about the price"
	stored.Done, stored.DoneOn = true, benchDay
	for b.Loop() {
		if _, c, _, err := mergeEdit(seen, edited, stored); err != nil || len(c) > 0 {
			b.Fatal(err, c)
		}
	}
}

// BenchmarkAddTaskInTx is AddTask's work inside one write transaction
// (rolled back): validation, the record with its revision, its index
// entries and the undo log — what a write costs besides the open and the
// fsync, which dominate BenchmarkAddTask.
func BenchmarkAddTaskInTx(b *testing.B) {
	s := bigStore(b)
	err := s.dryRun(func(tx *bolt.Tx) error {
		for b.Loop() {
			err := runAct(tx, ActAddTask, func(r *recorder) error {
				t := model.Task{Title: "call back", Kind: model.TaskCall, ClientID: 11, Date: benchDay.AddDays(400)}
				if err := validateTask(r.tx, &t); err != nil {
					return err
				}
				return r.putTask(&t)
			})
			if err == nil {
				err = bumpRevision(tx)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

func BenchmarkOpen(b *testing.B) {
	path := bigStore(b).Path()
	for b.Loop() {
		if _, err := Open(path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRevision(b *testing.B) {
	s := bigStore(b)
	for b.Loop() {
		if _, err := s.Revision(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTodayBigInTx is Today without the per-action open and close
// (gather + model.BuildAgenda in one long read transaction): the
// difference to BenchmarkTodayBig is the cost of opening the file and
// faulting its pages into a fresh memory map.
func BenchmarkTodayBigInTx(b *testing.B) {
	s := bigStore(b)
	err := s.view(func(tx *bolt.Tx) error {
		for b.Loop() {
			in, err := gatherAgenda(tx, benchDay, "")
			if err != nil {
				return err
			}
			model.BuildAgenda(in)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkPreflight is what every open adds to look at the file before
// bbolt maps it: both metas, the root bucket page and the freelist page.
func BenchmarkPreflight(b *testing.B) {
	s := bigStore(b)
	for b.Loop() {
		if err := s.preflight(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyPages walks the whole page structure (check, restore,
// backups, and a Store's first write after another process wrote).
func BenchmarkVerifyPages(b *testing.B) {
	s := bigStore(b)
	fi, _ := os.Stat(s.Path())
	for b.Loop() {
		if problems, err := verifyPages(s.Path()); err != nil || len(problems) > 0 {
			b.Fatal(problems, err)
		}
	}
	b.ReportMetric(float64(fi.Size())/(1<<20), "file-MiB")
}
