package storage

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"salesplan/model"
)

func exportCSV(t *testing.T, s *Store, kind string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportCSV(&buf, kind); err != nil {
		t.Fatalf("ExportCSV %s: %v", kind, err)
	}
	return buf.String()
}

func readCSV(t *testing.T, text string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, utf8BOM))).ReadAll()
	if err != nil {
		t.Fatalf("exported CSV does not parse: %v", err)
	}
	return rows
}

func TestExportCSVEveryKind(t *testing.T) {
	s := sampleStore(t)
	for _, kind := range CSVKinds {
		t.Run(kind, func(t *testing.T) {
			out := exportCSV(t, s, kind)
			if !strings.HasPrefix(out, utf8BOM) {
				t.Errorf("no BOM")
			}
			rows := readCSV(t, out)
			if len(rows) < 2 || rows[0][0] != "id" {
				t.Fatalf("rows %q", rows)
			}
			for i, r := range rows {
				if len(r) != len(rows[0]) {
					t.Errorf("row %d has %d cells, header %d", i, len(r), len(rows[0]))
				}
			}
		})
	}
	if err := s.ExportCSV(&bytes.Buffer{}, "contacts"); err == nil {
		t.Errorf("an unknown kind was accepted")
	}
	tasks := readCSV(t, exportCSV(t, s, "tasks"))
	if tasks[1][5] != `打电话给王总, 确认"报价"` || tasks[1][7] != "王总" || tasks[1][9] != "万达广场暖通" {
		t.Errorf("task row %q", tasks[1])
	}
}

func TestExportCSVNeutralisesFormulasAndControls(t *testing.T) {
	s := newStore(t)
	doc := sampleDocument()
	doc.Clients[0].Phone = "+86 138"
	doc.Clients[0].Area = "@SUM(1)"
	doc.Clients[0].Company = "\x1b[31mred\x1b[0m\rover"
	doc.Clients[0].ReferredBy = "\t=cmd"
	if err := s.ImportDocument(doc, false); err != nil {
		t.Fatal(err)
	}
	out := exportCSV(t, s, "clients")
	if strings.ContainsAny(out, "\x1b\r") {
		t.Errorf("escape or CR reached the CSV: %q", out)
	}
	row := readCSV(t, out)[1]
	want := map[int]string{2: "redover", 4: "'@SUM(1)", 5: "'+86 138", 7: "'=SUM(A1)", 10: "'\t=cmd"}
	for i, w := range want {
		if row[i] != w {
			t.Errorf("cell %d = %q, want %q", i, row[i], w)
		}
	}
}

func TestClientsCSVRoundTrip(t *testing.T) {
	src := sampleStore(t)
	out := exportCSV(t, src, "clients")
	dst := newStore(t)
	rep, err := dst.ImportClientsCSVOn(strings.NewReader(out), false, d("2026-11-27"))
	if err != nil {
		t.Fatalf("import exported clients: %v", err)
	}
	if len(rep.Added) != 3 || rep.Added[0].Name != "王总" || rep.Added[0].Line != 2 {
		t.Fatalf("report %+v", rep)
	}
	got, err := dst.FindClient("王总")
	if err != nil {
		t.Fatal(err)
	}
	want := sampleDocument().Clients[0]
	if got.Company != want.Company || got.Business != want.Business || got.Needs != want.Needs ||
		got.Interests != want.Interests || got.Phone != want.Phone || got.Tier != model.TierKey || got.CadenceDays != 5 {
		t.Errorf("round trip lost text:\n got %+v\nwant %+v", got, want)
	}
	// The export's created_on and archived are read back; only the id
	// is not (a new client gets a new id), and the report says so.
	if got.CreatedOn != want.CreatedOn || got.Archived != want.Archived {
		t.Errorf("created on %s archived %v, want %s %v", got.CreatedOn, got.Archived, want.CreatedOn, want.Archived)
	}
	for _, c := range sampleDocument().Clients {
		got, err := dst.FindClient(c.Name)
		if err != nil || got.Archived != c.Archived || got.CreatedOn != c.CreatedOn {
			t.Errorf("%s: archived %v created %s, want %v %s (%v)", c.Name, got.Archived, got.CreatedOn, c.Archived, c.CreatedOn, err)
		}
	}
	if strings.Join(rep.Ignored, ",") != "id" {
		t.Errorf("ignored columns %q, want id", rep.Ignored)
	}
	// Importing the same file again adds nothing and says why.
	rep, err = dst.ImportClientsCSVOn(strings.NewReader(out), false, d("2026-11-27"))
	if err != nil || len(rep.Added) != 0 || len(rep.Skipped) != 3 {
		t.Errorf("second import: %+v %v", rep, err)
	}
}

func TestImportClientsCSVChineseHeadersAndDryRun(t *testing.T) {
	s := newStore(t)
	mustClient(t, s, "老客户", model.TierRegular, d("2026-01-01"))
	file := utf8BOM + "姓名,公司,级别,区域,电话,备注\n" +
		"王总,\"华东, 建设\",大客户,朝阳,'+86 138,随便\n" +
		"老客户,x,一般客户,,,\n" +
		"\n" +
		"李工,\"多行\n公司\",,海淀,,\n" +
		"王总,重复,,,,\n"
	rep, err := s.ImportClientsCSVOn(strings.NewReader(file), true, d("2026-11-27"))
	if err != nil {
		t.Fatalf("dry run: %v", err)
	}
	if !rep.DryRun || len(rep.Added) != 2 || rep.Added[1] != (CSVRow{Line: 5, Name: "李工"}) ||
		len(rep.Skipped) != 2 || rep.Skipped[0] != (CSVRow{Line: 3, Name: "老客户"}) || rep.Skipped[1] != (CSVRow{Line: 7, Name: "王总", SameAs: 2}) {
		t.Errorf("dry-run report %+v", rep)
	}
	if rows, _ := s.Clients(d("2026-11-27"), true); len(rows) != 1 {
		t.Fatalf("a dry run wrote %d clients", len(rows))
	}
	if _, err := s.ImportClientsCSVOn(strings.NewReader(file), false, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	c, err := s.FindClient("王总")
	if err != nil {
		t.Fatal(err)
	}
	if c.Company != "华东, 建设" || c.Tier != model.TierKey || c.Area != "朝阳" || c.Phone != "+86 138" {
		t.Errorf("imported %+v", c)
	}
	li, _ := s.FindClient("李工")
	if li.Company != "多行\n公司" || li.Tier != model.TierRegular {
		t.Errorf("imported %+v", li)
	}
}

func TestImportClientsCSVRefusesBadRowWhole(t *testing.T) {
	cases := []struct {
		name, file, want string
	}{
		{"bad tier", "name,tier\nA,key\nB,gold\n", `line 3, column "tier": tier "gold" is not key or regular`},
		// The column is named as the file's header names it.
		{"bad cadence", "Name,Cadence_Days\nA,7\nB,often\n", `line 3, column "Cadence_Days": "often" is not a number`},
		{"bad cadence, Chinese header", "客户,跟进周期\nA,abc\n", `line 2, column "跟进周期": "abc" is not a number of days`},
		{"bad tier, Chinese header", "客户名称, 客户级别 \nA,金牌\n", `line 2, column "客户级别": tier "金牌"`},
		{"empty name", "姓名,company\nA,x\n,y\n", `line 3, column "姓名": a name is needed`},
		{"second column", "name,Cadence,周期\nA,1,2\n", `line 1, column "周期": a second column for Cadence`},
		{"no name column", "company,phone\nx,1\n", "line 1: no name column"},
		{"empty file", "", "line 1: the file is empty"},
		{"bad quote", "name\n\"A\"x\"\n", "line 2"},
		{"invalid utf-8", "name\n\xff\xfe\n", `line 2, column "name": not valid UTF-8`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			_, err := s.ImportClientsCSVOn(strings.NewReader(tc.file), false, d("2026-11-27"))
			var ve *ValidationError
			if !errors.As(err, &ve) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want …%s…", err, tc.want)
			}
			if empty, _ := s.IsEmpty(); !empty {
				t.Errorf("a refused file wrote clients")
			}
		})
	}
}

// TestImportClientsCSVRefusesBadRows: created_on and archived are checked
// like every other cell, and the csv package's reasons come as codes the
// catalog words; each names its line.
func TestImportClientsCSVRefusesBadRows(t *testing.T) {
	for _, c := range []struct {
		name, file, code, field string
		line                    int
	}{
		{"impossible date", "name,created_on\nA,2026-01-01\nB,2026-02-30\n", "csv_bad_date", "created_on", 3},
		{"date out of range", "name,created_on\nA,2300-01-01\n", "date_out_of_range", "created_on", 2},
		{"archived not a yes or no", "name,archived\nA,maybe\n", "csv_bad_archived", "archived", 2},
		{"stray quote in a quoted cell", "name,phone\n\"A\"x,1\n", "csv_err_quote", "", 2},
		{"bare quote", "name,phone\nA \"x\",1\n", "csv_err_bare_quote", "", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t)
			_, err := s.ImportClientsCSVOn(strings.NewReader(c.file), false, d("2026-11-27"))
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Why == nil || ve.Why.Code != c.code || ve.Field != c.field || ve.Line != c.line {
				t.Fatalf("error %v, want %s on line %d field %q", err, c.code, c.line, c.field)
			}
			if empty, _ := s.IsEmpty(); !empty {
				t.Errorf("a refused file wrote clients")
			}
		})
	}
}

// TestCSVCellRoundTrip: every text comes back from a cell as it went in —
// one that itself starts with ' before a formula character too ("'=x" was
// written as is and read back as "=x") — and no cell a spreadsheet would
// run is written.
func TestCSVCellRoundTrip(t *testing.T) {
	for _, s := range []string{"", "x", "'", "''", "'x", "=x", "'=x", "''=x", "+86 138", "'+86", "-east", "'-", "@home", "'@home", "\tx", "'\tx", "'''=x"} {
		cell := csvCell(s)
		if got := uncsvCell(cell); got != model.Inert(s) {
			t.Errorf("%q: written %q, read back %q", s, cell, got)
		}
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("%q: written %q, which a spreadsheet runs", s, cell)
		}
	}
}
