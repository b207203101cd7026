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

	"salesplan/model"
)

// exportJSON and importJSON are the exchange entry points under test.
func exportJSON(t testing.TB, s *Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.exportJSONImpl(&buf); err != nil {
		t.Fatalf("ExportJSON: %v", err)
	}
	return buf.Bytes()
}

func importJSON(s *Store, data []byte, merge bool) error {
	return s.importJSONImpl(bytes.NewReader(data), merge)
}

// sampleDocument has every kind of record with text that trips naive
// encoders: Chinese, commas, quotes, newlines, formula starters, a zone.
func sampleDocument() *Document {
	cst := time.FixedZone("CST", 8*3600)
	doc := NewDocument()
	doc.Settings.AnnualTargets = map[int]model.Money{2026: model.MoneyFromMain(1200000)}
	doc.Settings.MonthTargets = map[string]model.Money{"2026-12": model.MoneyFromMain(100000.5)}
	doc.Settings.Language = "zh"
	doc.Settings.Currency = "¥"
	doc.Clients = []model.Client{
		{ID: 1, Name: "王总", Company: "华东建设, \"集团\"", Tier: model.TierKey, Area: "朝阳", Phone: "+86 138 0000 0000",
			Business: "暖通\n空调", Needs: "=SUM(A1)", DecisionMaker: "李工", Interests: "钓鱼; 茶", ReferredBy: "张总",
			CadenceDays: 5, CreatedOn: d("2026-11-01")},
		{ID: 3, Name: "ACME Ltd", Tier: model.TierRegular, CreatedOn: d("2026-10-15"), Archived: true},
		{ID: 4, Name: "赵经理", Tier: model.TierRegular, CreatedOn: d("2026-09-30")},
	}
	doc.Projects = []model.Project{
		{ID: 2, Name: "万达广场暖通", ClientID: 1, Owner: "万达", Value: model.MoneyFromMain(500000.25), Stage: model.StageBidding,
			BidDate: d("2026-12-10"), StageHistory: []model.StageEntry{{Stage: model.StageLead, On: d("2026-10-01")},
				{Stage: model.StageDesign, On: d("2026-10-20")}, {Stage: model.StageBidding, On: d("2026-11-20")}}},
		{ID: 5, Name: "Old job", ClientID: 3, Stage: model.StageLost,
			StageHistory: []model.StageEntry{{Stage: model.StageLead, On: d("2026-08-01")}, {Stage: model.StageLost, On: d("2026-09-01")}}},
	}
	doc.Tasks = []model.Task{
		{ID: 1, Title: "打电话给王总, 确认\"报价\"", Date: d("2026-12-02"), Time: model.ClockAt(9, 30), Slot: model.SlotMorning,
			Kind: model.TaskCall, ClientID: 1, ProjectID: 2, Important: true},
		{ID: 2, Title: "inbox idea", Kind: model.TaskTodo},
		{ID: 7, Title: "拜访赵经理", Date: d("2026-11-20"), Slot: model.SlotAfternoon, Kind: model.TaskVisit, ClientID: 4,
			Done: true, DoneOn: d("2026-11-20"), Repeat: "every 2 weeks"},
	}
	doc.Journal = []model.JournalEntry{
		{ID: 1, ClientID: 1, ProjectID: 2, Kind: model.EntryCall, At: time.Date(2026, 11, 24, 10, 0, 0, 0, cst), Text: "谈了价格\n下周再联系"},
		{ID: 2, ClientID: 4, Kind: model.EntryNote, At: time.Date(2026, 11, 25, 18, 30, 0, 0, time.UTC), Text: "-注意"},
	}
	doc.Promises = []model.Promise{
		{ID: 1, ClientID: 1, ProjectID: 2, Text: "送样品", MadeOn: d("2026-11-20"), Due: d("2026-11-30"), Status: model.PromiseOpen},
		{ID: 2, ClientID: 4, Text: "报价单", MadeOn: d("2026-11-01"), Due: d("2026-11-05"), Status: model.PromiseKept, KeptOn: d("2026-11-04")},
	}
	return doc
}

func docJSON(t testing.TB, doc *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := doc.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExportImportExportIdentical(t *testing.T) {
	src := newStore(t)
	if err := src.ImportDocument(sampleDocument(), false); err != nil {
		t.Fatalf("import sample: %v", err)
	}
	first := exportJSON(t, src)
	if want := docJSON(t, sampleDocument()); !bytes.Equal(first, want) {
		t.Errorf("export differs from the imported document:\n got %s\nwant %s", first, want)
	}
	dst := newStore(t)
	if err := importJSON(dst, first, false); err != nil {
		t.Fatalf("import export: %v", err)
	}
	second := exportJSON(t, dst)
	if !bytes.Equal(first, second) {
		t.Errorf("export → import → export changed the document:\nfirst  %s\nsecond %s", first, second)
	}
	// Ids continue after the imported ones: a new client must not take id 4.
	c, err := dst.AddClient(model.Client{Name: "新客户"}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != 5 {
		t.Errorf("new client after import got id %d, want 5", c.ID)
	}
	if problems, err := dst.checkImpl(); err != nil || problems != nil {
		t.Errorf("check after import: %v %v", problems, err)
	}
}

func TestExportShape(t *testing.T) {
	s := newStore(t)
	out := string(exportJSON(t, s))
	for _, want := range []string{`{"format": "salesplan", "version": 1,`, `"clients": []`, `"projects": []}`, `"workdays":["mon","tue","wed","thu","fri"]`} {
		if !strings.Contains(out, want) {
			t.Errorf("empty export lacks %s:\n%s", want, out)
		}
	}
	if err := s.ImportDocument(sampleDocument(), false); err != nil {
		t.Fatal(err)
	}
	out = string(exportJSON(t, s))
	for _, want := range []string{`"at":"2026-11-24T10:00:00+08:00"`, `"value":500000.25`, `"annual_targets":{"2026":1200000}`,
		`"bid_date":"2026-12-10"`, `"kept_on":null`, `"time":"09:30"`, `"project_id":null`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s", want)
		}
	}
}

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

func TestImportRejectsBadDocuments(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(d *Document)
		record string
		field  string
		msg    string
	}{
		{"dangling client in task", func(d *Document) { d.Tasks[1].ClientID = 99 }, "tasks[1]", "client_id", "no client 99"},
		{"dangling project in promise", func(d *Document) { d.Promises[0].ProjectID = 42 }, "promises[0]", "project_id", "no project 42"},
		{"journal without client", func(d *Document) { d.Journal[0].ClientID = 0 }, "journal[0]", "client_id", "required"},
		{"bad stage", func(d *Document) { d.Projects[0].Stage = "negotiating" }, "projects[0]", "stage", "not a stage"},
		{"history not ending in stage", func(d *Document) { d.Projects[0].Stage = model.StageDetailing }, "projects[0]", "stage_history", "ends with"},
		{"history out of order", func(d *Document) { d.Projects[0].StageHistory[1].On = d.Projects[0].StageHistory[0].On - 1 }, "projects[0]", "stage_history[1].on", "before"},
		{"empty history", func(d *Document) { d.Projects[1].StageHistory = nil }, "projects[1]", "stage_history", "empty"},
		{"duplicate client name any case", func(d *Document) { d.Clients[2].Name = "acme ltd" }, "clients[2]", "name", "also the name of clients[1]"},
		{"duplicate id", func(d *Document) { d.Tasks[2].ID = 1 }, "tasks[2]", "id", "used twice"},
		{"date out of range", func(d *Document) { d.Promises[0].Due = model.MakeDate(3000, 1, 1) }, "promises[0]", "due", "out of range"},
		{"kept without date", func(d *Document) { d.Promises[1].KeptOn = 0 }, "promises[1]", "kept_on", "required"},
		{"unknown format", func(d *Document) { d.Format = "other" }, "document", "format", "salesplan"},
		{"unknown version", func(d *Document) { d.Version = 2 }, "document", "version", "not supported"},
		{"slot against time", func(d *Document) { d.Tasks[0].Slot = model.SlotEvening }, "tasks[0]", "slot", "does not match"},
		{"bad repeat", func(d *Document) { d.Tasks[0].Repeat = "sometimes" }, "tasks[0]", "repeat", "not a repeat rule"},
		{"bad tier", func(d *Document) { d.Clients[0].Tier = "gold" }, "clients[0]", "tier", "not a tier"},
		{"empty title", func(d *Document) { d.Tasks[0].Title = "  " }, "tasks[0]", "title", "required"},
		{"note without text", func(d *Document) { d.Journal[1].Text = " " }, "journal[1]", "text", "required"},
		{"time without date", func(d *Document) { d.Tasks[1].Time = model.ClockAt(9, 0) }, "tasks[1]", "time", "needs a date"},
		{"repeat without date", func(d *Document) { d.Tasks[1].Repeat = "daily" }, "tasks[1]", "repeat", "needs a date"},
		{"id too large", func(d *Document) { d.Journal[0].ID = 1 << 60 }, "journal[0]", "id", "too large"},
		{"bad language", func(d *Document) { d.Settings.Language = "fr" }, "settings", "language", "not a language"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			doc := sampleDocument()
			tc.edit(doc)
			err := importJSON(s, docJSON(t, doc), false)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("import: %v, want a *ValidationError", err)
			}
			if ve.Record != tc.record || ve.Field != tc.field || !strings.Contains(ve.Msg, tc.msg) {
				t.Errorf("error %q, want %s / %s / …%s…", err, tc.record, tc.field, tc.msg)
			}
			if empty, _ := s.IsEmpty(); !empty {
				t.Errorf("a refused import wrote records")
			}
		})
	}
}

func TestImportRejectsBadJSON(t *testing.T) {
	good := string(docJSON(t, sampleDocument()))
	cases := []struct {
		name, text, want string
	}{
		{"not JSON", "name,phone\n王总,123\n", "document: not a salesplan JSON document: invalid character"},
		{"empty", "", "the file is empty"},
		{"cut short", good[:len(good)/2], "not a salesplan JSON document"},
		{"an array", "[1,2]", "must be a JSON object"},
		{"no format", `{"version":1}`, `document: format: must be "salesplan" (got missing)`},
		{"newer version", `{"format":"salesplan","version":2,"clients":[{"nickname":"x"}]}`, "version: version 2 is not supported"},
		{"unknown top field", `{"format":"salesplan","version":1,"contacts":[]}`, `document: contacts: unknown field`},
		{"bad date", strings.Replace(good, `"due":"2026-11-30"`, `"due":"2026-13-30"`, 1), `promises[0]: due: "2026-13-30" is not a date`},
		{"wrong type", strings.Replace(good, `"client_id":4,"project_id":null,"kind":"note"`, `"client_id":"4","project_id":null,"kind":"note"`, 1), `journal[1]: client_id: an id must be a whole number or null, not "4"`},
		{"unknown record field", strings.Replace(good, `"archived":true`, `"archived":true,"vip":1`, 1), "clients[1]: vip: unknown field"},
		{"null record", strings.Replace(good, `"tasks": [`, `"tasks": [null,`, 1), "tasks[0]: null is not a record"},
		{"bad money", strings.Replace(good, `"value":500000.25`, `"value":"lots"`, 1), "projects[0]: value: must be a number, not a JSON string"},
		{"trailing garbage", good + "{}", "unexpected data after the document"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			err := importJSON(s, []byte(tc.text), false)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want …%s…", err, tc.want)
			}
			if strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("error is more than one line: %q", err)
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Errorf("error %T is not a *ValidationError", err)
			}
			if empty, _ := s.IsEmpty(); !empty {
				t.Errorf("a refused import wrote records")
			}
		})
	}
}

func TestImportLeftOutSettingsKeepDefaults(t *testing.T) {
	s := newStore(t)
	if err := importJSON(s, []byte(`{"format":"salesplan","version":1,"settings":{"calls_per_day":12}}`), false); err != nil {
		t.Fatal(err)
	}
	doc, err := s.Document()
	if err != nil {
		t.Fatal(err)
	}
	want := model.DefaultSettings()
	want.CallsPerDay = 12
	if got, w := fmt.Sprint(doc.Settings), fmt.Sprint(want); got != w {
		t.Errorf("settings %s, want %s", got, w)
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
