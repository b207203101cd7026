package storage

import (
	"bytes"
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
	return s.importJSONImpl(bytes.NewReader(data), merge, model.NoDate)
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
		{ID: 2, Title: "inbox idea", Kind: model.TaskTodo, Slot: model.SlotAny},
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
	for _, want := range []string{`{"format": "salesplan", "version": 2,`, `"clients": []`, `"projects": []}`, `"workdays":["mon","tue","wed","thu","fri"]`, `"holidays":"","days_off":[],"extra_workdays":[]`} {
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
