package storage

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

func TestImportRefusesNonEmptyUnlessMerge(t *testing.T) {
	s := newStore(t)
	mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	before := exportJSON(t, s)
	err := s.ImportDocument(sampleDocument(), false)
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("import into non-empty: %v, want ErrNotEmpty", err)
	}
	// Merge refuses a client name already present, naming the record.
	err = s.ImportDocument(sampleDocument(), true)
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Record != "clients[0]" || ve.Field != "name" {
		t.Fatalf("merge with a clashing name: %v", err)
	}
	if after := exportJSON(t, s); !bytes.Equal(before, after) {
		t.Errorf("refused import changed the database")
	}
}

func TestImportMergeRemapsIDs(t *testing.T) {
	s := newStore(t)
	mine := mustClient(t, s, "老客户", model.TierRegular, d("2026-01-01"))
	mustTask(t, s, model.Task{Title: "mine", Date: d("2026-11-27"), Kind: model.TaskTodo})
	if err := s.ImportDocument(sampleDocument(), true); err != nil {
		t.Fatalf("merge: %v", err)
	}
	doc, err := s.Document()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]model.Client{}
	for _, c := range doc.Clients {
		byName[c.Name] = c
	}
	if len(doc.Clients) != 4 || byName["老客户"].ID != mine.ID {
		t.Fatalf("clients after merge: %+v", doc.Clients)
	}
	wang := byName["王总"]
	if wang.ID == 1 {
		t.Errorf("merged client kept its document id 1, which was taken")
	}
	var proj model.Project
	for _, p := range doc.Projects {
		if p.Name == "万达广场暖通" {
			proj = p
		}
	}
	if proj.ClientID != wang.ID {
		t.Errorf("project client %d, want remapped %d", proj.ClientID, wang.ID)
	}
	found := false
	for _, task := range doc.Tasks {
		if strings.HasPrefix(task.Title, "打电话给王总") {
			found = true
			if task.ClientID != wang.ID || task.ProjectID != proj.ID {
				t.Errorf("task refs %d/%d, want %d/%d", task.ClientID, task.ProjectID, wang.ID, proj.ID)
			}
		}
	}
	if !found || len(doc.Tasks) != 4 {
		t.Errorf("tasks after merge: %d", len(doc.Tasks))
	}
	for _, e := range doc.Journal {
		if e.Kind == model.EntryCall && (e.ClientID != wang.ID || e.ProjectID != proj.ID) {
			t.Errorf("journal refs not remapped: %+v", e)
		}
	}
	// Settings are kept on merge.
	if doc.Settings.Language != "" {
		t.Errorf("merge changed the settings: language %q", doc.Settings.Language)
	}
}

// bigDocument builds the size the import must handle in ≤ 10 s.
func bigDocument(clients, tasks, journal, promises, projects int) *Document {
	doc := NewDocument()
	base := d("2025-01-01")
	loc := time.FixedZone("CST", 8*3600)
	for i := 1; i <= clients; i++ {
		tier := model.TierRegular
		if i%5 == 0 {
			tier = model.TierKey
		}
		doc.Clients = append(doc.Clients, model.Client{ID: model.ID(i), Name: fmt.Sprintf("客户%05d", i), Company: "某某公司",
			Tier: tier, Area: fmt.Sprintf("区域%d", i%12), Phone: "13800000000", Needs: "空调, 暖通", CreatedOn: base.AddDays(i % 300)})
	}
	for i := 1; i <= projects; i++ {
		hist := []model.StageEntry{{Stage: model.StageLead, On: base.AddDays(i % 200)}, {Stage: model.StageDesign, On: base.AddDays(i%200 + 10)}}
		doc.Projects = append(doc.Projects, model.Project{ID: model.ID(i), Name: fmt.Sprintf("项目%05d", i), ClientID: model.ID(1 + i%clients),
			Value: model.Money(i * 100000), Stage: model.StageDesign, BidDate: base.AddDays(i%200 + 40), StageHistory: hist})
	}
	for i := 1; i <= tasks; i++ {
		t := model.Task{ID: model.ID(i), Title: fmt.Sprintf("任务 %d: 打电话确认报价", i), Date: base.AddDays(i % 700), Kind: model.TaskCall,
			ClientID: model.ID(1 + i%clients), Slot: model.SlotAny}
		if i%3 == 0 {
			t.Done, t.DoneOn = true, t.Date
		}
		if i%4 == 0 {
			t.Time, t.Slot = model.ClockAt(9+i%8, 0), model.SlotOf(model.ClockAt(9+i%8, 0))
		}
		doc.Tasks = append(doc.Tasks, t)
	}
	for i := 1; i <= journal; i++ {
		kind := []model.EntryKind{model.EntryNote, model.EntryCall, model.EntryVisit, model.EntryMeeting}[i%4]
		e := model.JournalEntry{ID: model.ID(i), ClientID: model.ID(1 + i%clients), Kind: kind,
			At: base.AddDays(i % 700).Time(loc).Add(time.Duration(i%600) * time.Minute), Text: "客户说下周再谈, 需要样品"}
		if i%7 == 0 {
			e.ProjectID = model.ID(1 + i%projects)
		}
		doc.Journal = append(doc.Journal, e)
	}
	for i := 1; i <= promises; i++ {
		p := model.Promise{ID: model.ID(i), ClientID: model.ID(1 + i%clients), Text: "送资料", MadeOn: base.AddDays(i % 600),
			Due: base.AddDays(i%600 + 5), Status: model.PromiseOpen}
		if i%2 == 0 {
			p.Status, p.KeptOn = model.PromiseKept, p.Due
		}
		doc.Promises = append(doc.Promises, p)
	}
	return doc
}

func TestImportSmallBigDocument(t *testing.T) {
	s := newStore(t)
	doc := bigDocument(50, 1000, 500, 50, 20)
	if err := s.ImportDocument(doc, false); err != nil {
		t.Fatal(err)
	}
	out := exportJSON(t, s)
	if !bytes.Equal(out, docJSON(t, doc)) {
		t.Errorf("export of the imported big document differs")
	}
}

// BenchmarkImportBig imports 100k tasks, 5k clients, 50k journal entries,
// 5k promises and 2k projects from JSON into an empty database (decode,
// validate, one transaction).
func BenchmarkImportBig(b *testing.B) {
	data := docJSON(b, bigDocument(5000, 100000, 50000, 5000, 2000))
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		s, err := Open(filepath.Join(dir, "big.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := importJSON(s, data, false); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if fi, err := os.Stat(s.Path()); err == nil {
			b.ReportMetric(float64(fi.Size())/(1<<20), "MiB-db")
		}
		b.StartTimer()
	}
}

func TestImportRemovesStaleStagingFiles(t *testing.T) {
	s := newStore(t)
	dir := filepath.Dir(s.Path())
	stale := filepath.Join(dir, stagingPrefix+"killed.db")
	fresh := filepath.Join(dir, stagingPrefix+"running.db")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	if err := s.ImportDocument(sampleDocument(), false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a stale staging file was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a recent staging file (a running import's) was removed")
	}
	left, _ := filepath.Glob(filepath.Join(dir, stagingPrefix+"*"))
	if len(left) != 1 {
		t.Errorf("staging files after import: %v", left)
	}
}

// Import into an empty database swaps the filled staging file in: the
// revision moves on (a planner polling it sees the change), the
// database's own meta keys (remembered manual backups) stay, and the file
// is sound.
func TestImportSwapKeepsMeta(t *testing.T) {
	s := newStore(t)
	copyPath := filepath.Join(t.TempDir(), "manual.db")
	if err := s.Backup(copyPath); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Revision()
	if err := importJSON(s, docJSON(t, sampleDocument()), false); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Revision(); after <= before {
		t.Errorf("revision %d after the import, was %d", after, before)
	}
	if got := s.manualBackups(); len(got) != 1 || got[0] != copyPath {
		t.Errorf("manual backups after the import: %v", got)
	}
	if problems, err := verifyPages(s.Path()); err != nil || len(problems) > 0 {
		t.Errorf("pages: %v %v", problems, err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), stagingPrefix+"*")); len(left) > 0 {
		t.Errorf("staging files left: %v", left)
	}
}

// A write that waited for the lock while another file was renamed over
// the path (a restore, an import) goes to the new file, not the old one
// nobody will read again.
func TestWriteAfterSwapGoesToTheNewFile(t *testing.T) {
	s := newStore(t)
	if _, err := s.AddClient(model.Client{Name: "Old"}, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(filepath.Dir(s.Path()), "other.db")
	o, err := Open(other, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.AddClient(model.Client{Name: "New file"}, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	// Hold the current file's lock, as a restore does across its rename.
	held, err := bolt.Open(s.Path(), fileMode, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := s.AddClient(model.Client{Name: "Waited"}, d("2026-11-27"))
		done <- err
	}()
	time.Sleep(200 * time.Millisecond) // the write is waiting for the lock
	if err := os.Rename(other, s.Path()); err != nil {
		t.Fatal(err)
	}
	held.Close()
	if err := <-done; err != nil {
		t.Fatalf("the waiting write: %v", err)
	}
	if _, err := s.FindClient("Waited"); err != nil {
		t.Errorf("the write that waited is not in the file the path names: %v", err)
	}
	if _, err := s.FindClient("New file"); err != nil {
		t.Errorf("not the new file: %v", err)
	}
}
