package cli

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestBadIDIsUsage: an argument that cannot be a record id (not a number,
// 0, negative, at or past 2^53) is bad usage — exit 2, the error naming
// what was typed and the hint — the same for every command taking an id,
// and nothing is written. An id in range that names no record is a
// failure (exit 1).
func TestBadIDIsUsage(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("add", "call", "@王总", "tomorrow", "quote")
	cmds := []struct {
		name string
		args func(id string) []string
	}{
		{"done", func(id string) []string { return []string{"done", "--", id} }},
		{"task edit", func(id string) []string { return []string{"task", "edit", "--title", "x", "--", id} }},
		{"task delete", func(id string) []string { return []string{"task", "delete", "--", id} }},
		{"task postpone", func(id string) []string { return []string{"task", "postpone", "--", id} }},
		{"promise keep", func(id string) []string { return []string{"promise", "keep", "--", id} }},
		{"promise cancel", func(id string) []string { return []string{"promise", "cancel", "--reason", "r", "--", id} }},
		{"journal edit", func(id string) []string { return []string{"journal", "edit", "--text", "x", "--", id} }},
		{"journal delete", func(id string) []string { return []string{"journal", "delete", "--", id} }},
	}
	for _, c := range cmds {
		for _, id := range []string{"0", "#0", "-1", "abc", "1.5", "9007199254740992", "18446744073709551616"} {
			t.Run(c.name+" "+id, func(t *testing.T) {
				before := h.dbBytes()
				r := h.run(c.args(id)...)
				if r.code != ExitUsage {
					t.Fatalf("exit %d, want 2\nstderr: %s", r.code, r.err)
				}
				lines := stderrLines(r.err)
				if len(lines) != 2 || !strings.Contains(lines[0], `"`+id+`"`) || !strings.Contains(lines[1], "--help") {
					t.Errorf("want the error naming %q and a hint, got:\n%s", id, r.err)
				}
				if !bytes.Equal(before, h.dbBytes()) {
					t.Error("the database changed")
				}
			})
		}
		t.Run(c.name+" largest id", func(t *testing.T) {
			r := h.run(c.args("9007199254740991")...)
			if r.code != ExitFail || !strings.Contains(r.err, "#9007199254740991") {
				t.Errorf("exit %d, stderr %q; want exit 1 saying there is no #9007199254740991", r.code, r.err)
			}
		})
	}
	r := h.run("--lang", "zh", "done", "0")
	if r.code != ExitUsage || !strings.Contains(r.err, "不是任务编号") {
		t.Errorf("zh: exit %d, stderr %q", r.code, r.err)
	}
}

// TestDecimalComma: "1,5" is refused, naming the comma, in the run's
// language, and nothing is written; a comma grouping thousands is read.
func TestDecimalComma(t *testing.T) {
	h := newHarness(t)
	seed(h)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"project", "add", "Depot", "--client", "王总", "--value", "1,5"}, `"1,5": a comma only separates thousands`},
		{[]string{"target", "set", "--year", "2026", "--sales", "1200,000"}, "write decimals with a point"},
		{[]string{"--lang", "zh", "project", "add", "Depot", "--client", "王总", "--value", "2,50"}, "逗号只用于千位分隔"},
	} {
		before := h.dbBytes()
		r := h.run(tc.args...)
		if r.code != ExitFail || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 1 and one line with %q", tc.args, r.code, r.err, tc.want)
		}
		if !bytes.Equal(before, h.dbBytes()) {
			t.Errorf("%q changed the database", tc.args)
		}
	}
	h.ok("project", "add", "Depot", "--client", "王总", "--value", "1,200,000.50")
	if out := h.ok("project", "list", "--json"); !strings.Contains(out, `"value": 1200000.5`) {
		t.Errorf("1,200,000.50 not read as 1200000.5:\n%s", out)
	}
}

// TestImportRefusesWhatHasNotHappened: a document whose record says
// something happened after today (created, done, recorded, made, kept,
// cancelled, entered a stage, signed) is refused whole, naming the record
// and field, as `--on` refuses such a date; --today later than the dates
// takes it.
func TestImportRefusesWhatHasNotHappened(t *testing.T) {
	const (
		head   = `{"format":"salesplan","version":2,"clients":[{"id":1,"name":"A","tier":"key","created_on":"%s"}]`
		client = `"2026-11-01"`
	)
	doc := func(created, rest string) string {
		return strings.Replace(head, `"%s"`, created, 1) + rest + `}`
	}
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"created", doc(`"2026-11-28"`, ""), "clients[0]: created_on: 2026-11-28 is after today (2026-11-27)"},
		{"done", doc(client, `,"tasks":[{"id":1,"title":"x","date":"2026-11-20","kind":"todo","done":true,"done_on":"2026-12-01"}]`),
			"tasks[0]: done_on: 2026-12-01 is after today"},
		{"recorded", doc(client, `,"journal":[{"id":1,"client_id":1,"kind":"call","at":"2027-01-05T10:00:00Z","text":"x"}]`),
			"journal[0]: at: 2027-01-05 is after today"},
		{"made", doc(client, `,"promises":[{"id":1,"client_id":1,"text":"x","made_on":"2026-11-30","due":"2026-12-30","status":"open"}]`),
			"promises[0]: made_on: 2026-11-30 is after today"},
		{"kept", doc(client, `,"promises":[{"id":1,"client_id":1,"text":"x","made_on":"2026-11-01","due":"2026-11-05","status":"kept","kept_on":"2026-12-01"}]`),
			"promises[0]: kept_on: "},
		{"cancelled", doc(client, `,"promises":[{"id":1,"client_id":1,"text":"x","made_on":"2026-11-01","due":"2026-11-05","status":"cancelled","cancelled_on":"2026-12-01","cancel_reason":"r"}]`),
			"promises[0]: cancelled_on: "},
		{"stage entered", doc(client, `,"projects":[{"id":1,"name":"P","client_id":1,"value":5,"stage":"design","stage_history":[{"stage":"lead","on":"2026-11-01"},{"stage":"design","on":"2026-12-02"}]}]`),
			"projects[0]: stage_history[1].on: 2026-12-02 is after today"},
		{"signed", doc(client, `,"projects":[{"id":1,"name":"P","client_id":1,"value":5,"stage":"contract","signed_on":"2026-12-03","stage_history":[{"stage":"contract","on":"2026-11-01"}]}]`),
			"projects[0]: signed_on: 2026-12-03 is after today"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			f := h.write("doc.json", tc.doc)
			r := h.run("import", f)
			if r.code != ExitFail || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, tc.want) {
				t.Fatalf("exit %d, stderr %q; want exit 1 and one line with %q", r.code, r.err, tc.want)
			}
			if h.dbBytes() != nil {
				if out := h.ok("client", "list"); strings.Contains(out, "A") {
					t.Error("the refused document was imported")
				}
			}
			zh := h.run("--lang", "zh", "import", f)
			if zh.code != ExitFail || !strings.Contains(zh.err, "晚于今天") {
				t.Errorf("zh: exit %d, stderr %q", zh.code, zh.err)
			}
			h.ok("--today", "2027-02-01", "import", f)
		})
	}
	// The clients CSV checks created_on the same way.
	h := newHarness(t)
	r := h.run("import", "--format", "csv", "--kind", "clients", h.write("c.csv", "name,tier,created_on\nZed,key,2026-12-01\n"))
	if r.code != ExitFail || !strings.Contains(r.err, "created_on") || !strings.Contains(r.err, "2026-12-01 is after today") {
		t.Errorf("csv: exit %d, stderr %q", r.code, r.err)
	}
}

// damage changes the closed database with a raw bbolt transaction.
func damage(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// rekey moves, in every index bucket named, the entries whose key ends
// with id from to the same key ending with id to: damage that keeps the
// keys in order, so bbolt reads on without a fault.
func rekey(tx *bolt.Tx, from, to uint64, buckets ...string) error {
	for _, name := range buckets {
		b := tx.Bucket([]byte("idx")).Bucket([]byte(name))
		var keys [][]byte
		_ = b.ForEach(func(k, _ []byte) error {
			if len(k) >= 8 && binary.BigEndian.Uint64(k[len(k)-8:]) == from {
				keys = append(keys, append([]byte(nil), k...))
			}
			return nil
		})
		for _, k := range keys {
			v := append([]byte(nil), b.Get(k)...)
			nk := append([]byte(nil), k...)
			binary.BigEndian.PutUint64(nk[len(nk)-8:], to)
			if err := b.Delete(k); err != nil {
				return err
			}
			if err := b.Put(nk, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// TestDamagedIndexPointsAtCheck: a database whose keys were damaged in a
// way that keeps their order (bbolt reads on) never says "there is no task
// #99" about a task the database itself names: reads say the database is
// damaged and point at salesplan check, in the run's language. A task id
// the user typed that was never there is still "no task".
func TestDamagedIndexPointsAtCheck(t *testing.T) {
	setup := func(t *testing.T) *harness {
		h := newHarness(t)
		seed(h)
		for i := range 5 {
			h.ok("add", fmt.Sprintf("task %d", i+1))
		}
		h.ok("task", "delete", "3")
		return h
	}
	wantDamaged := func(t *testing.T, h *harness, args ...string) {
		t.Helper()
		r := h.run(args...)
		lines := stderrLines(r.err)
		if r.code != ExitFail || len(lines) != 1 || !strings.Contains(lines[0], "damaged") || !strings.Contains(lines[0], "salesplan check") {
			t.Errorf("%q: exit %d, stderr %q; want exit 1 and one line saying damaged, run salesplan check", args, r.code, r.err)
		}
		zh := h.run(append([]string{"--lang", "zh"}, args...)...)
		if zh.code != ExitFail || !strings.Contains(zh.err, "损坏") || !strings.Contains(zh.err, "salesplan check") {
			t.Errorf("zh %q: exit %d, stderr %q", args, zh.code, zh.err)
		}
	}
	t.Run("index names a task not there", func(t *testing.T) {
		h := setup(t)
		damage(t, h.db, func(tx *bolt.Tx) error { return rekey(tx, 5, 99, "task_date", "task_open") })
		wantDamaged(t, h, "today")
		wantDamaged(t, h, "week")
	})
	t.Run("index names a client not there", func(t *testing.T) {
		h := setup(t)
		damage(t, h.db, func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("idx")).Bucket([]byte("client_name"))
			k, _ := b.Cursor().Last()
			return b.Put(append([]byte(nil), k...), binary.BigEndian.AppendUint64(nil, 77))
		})
		wantDamaged(t, h, "client", "list")
	})
	t.Run("a task stored under another id", func(t *testing.T) {
		h := setup(t)
		damage(t, h.db, func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("tasks"))
			k4, k3 := binary.BigEndian.AppendUint64(nil, 4), binary.BigEndian.AppendUint64(nil, 3)
			v := append([]byte(nil), b.Get(k4)...)
			if err := b.Delete(k4); err != nil {
				return err
			}
			return b.Put(k3, v)
		})
		wantDamaged(t, h, "done", "4")
		wantDamaged(t, h, "done", "3")
		if r := h.run("done", "9"); r.code != ExitFail || !strings.Contains(r.err, "there is no task #9") {
			t.Errorf("done 9: exit %d, stderr %q; want there is no task #9", r.code, r.err)
		}
	})
}

// TestErrorLinesDoNotEchoWholeInput: a 100 KB argument in an error line is
// cut to its start with "…", whatever path words the error (a catalog key,
// a model Problem, an import's record, a usage error), in both languages.
func TestErrorLinesDoNotEchoWholeInput(t *testing.T) {
	h := newHarness(t)
	seed(h)
	big := "Z" + strings.Repeat("x", 100<<10)
	doc := h.write("big.json", `{"format":"salesplan","version":2,"clients":[{"id":1,"name":"A","tier":"`+big+`","created_on":"2026-11-01"}]}`)
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"client", "add", big}, ExitFail},
		{[]string{"client", "show", big}, ExitFail},
		{[]string{"note", big, "hi"}, ExitFail},
		{[]string{"project", "add", "P", "--client", big}, ExitFail},
		{[]string{"project", "stage", big, "lead"}, ExitFail},
		{[]string{"log", "call", "王总", "--on", big}, ExitFail},
		{[]string{"project", "add", "Q", "--client", "王总", "--value", big}, ExitFail},
		{[]string{"config", "set", "currency", big}, ExitFail},
		{[]string{"add", "call @" + big}, ExitFail},
		{[]string{"--db", h.dir + "/other.db", "import", doc}, ExitFail},
		{[]string{"task", "edit", big, "--title", "x"}, ExitUsage},
		{[]string{"export", "--format", big}, ExitUsage},
		{[]string{big}, ExitUsage},
		{[]string{"today", "--" + big}, ExitUsage},
		{[]string{"--today", big, "today"}, ExitFail},
		{[]string{"--lang", "zh", "client", "add", big}, ExitFail},
	} {
		before := h.dbBytes()
		r := h.run(tc.args...)
		name := fmt.Sprintf("%.40q", strings.Join(tc.args, " "))
		if r.code != tc.code {
			t.Errorf("%s: exit %d, want %d", name, r.code, tc.code)
		}
		lines := stderrLines(r.err)
		if len(lines) == 0 || len(lines[0]) > 600 || !strings.Contains(lines[0], "Zxxx") || !strings.Contains(lines[0], "…") {
			t.Errorf("%s: stderr is %d bytes, first line %.200q; want the input's start and … within 600 bytes", name, len(r.err), r.err)
		}
		if !bytes.Equal(before, h.dbBytes()) {
			t.Errorf("%s changed the database", name)
		}
	}
}

// TestTodayOutsideTheRange: --today (or SALESPLAN_TODAY) outside the
// dates salesplan keeps is refused with one line, as every other date is,
// instead of a view of a day nothing can be recorded on ("Calls 0/0").
func TestTodayOutsideTheRange(t *testing.T) {
	h := newHarness(t)
	seed(h)
	for _, day := range []string{"1899-12-31", "2201-01-01", "0001-01-01", "9999-12-31"} {
		for _, args := range [][]string{{"--today", day, "today"}, {"--today", day, "--lang", "zh", "week"}} {
			r := h.run(args...)
			want := day + " is outside the dates salesplan keeps"
			if args[2] == "--lang" {
				want = day + " 超出 salesplan 可记录的日期范围"
			}
			if r.code != ExitFail || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, want) || r.out != "" {
				t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 1 and one line with %q", args, r.code, r.out, r.err, want)
			}
		}
	}
	h.env["SALESPLAN_TODAY"] = "2201-01-01"
	if r := h.run("today"); r.code != ExitFail || !strings.Contains(r.err, "SALESPLAN_TODAY") {
		t.Errorf("SALESPLAN_TODAY=2201-01-01: exit %d, stderr %q", r.code, r.err)
	}
	for _, day := range []string{"1900-01-01", "2200-12-31"} {
		h.ok("--today", day, "today")
	}
}

// TestTypedDatesOutsideTheRange: a date or month typed for a view or a
// flag outside 1900-01-01…2200-12-31 is refused with the range, as a date
// word that lands there ("+99999d") already was, not shown as a period
// nothing can be dated in ("Month 0000-01", a week ending 10000-01-02).
func TestTypedDatesOutsideTheRange(t *testing.T) {
	h := newHarness(t)
	seed(h)
	for _, args := range [][]string{
		{"week", "--week", "2201-01-05"},
		{"week", "--week", "1899-12-31"},
		{"month", "--month", "2201-01"},
		{"month", "--month", "0000-01"},
		{"month", "--month", "9999-12"},
		{"report", "day", "--on", "2201-01-01"},
		{"review", "--week", "1899-12-25"},
		{"journal", "list", "--on", "1899-12-31"},
		{"target", "set", "--month", "2201-01", "5"},
		{"promise", "王总", "x", "--due", "2201-01-01"},
	} {
		before := h.dbBytes()
		r := h.run(args...)
		if r.code != ExitFail || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, "outside the dates salesplan keeps") || r.out != "" {
			t.Errorf("%q: exit %d, stdout %.80q, stderr %q; want exit 1 and the range", args, r.code, r.out, r.err)
		}
		if !bytes.Equal(before, h.dbBytes()) {
			t.Errorf("%q changed the database", args)
		}
	}
	if r := h.run("--lang", "zh", "month", "--month", "2201-01"); r.code != ExitFail || !strings.Contains(r.err, "超出 salesplan 可记录的日期范围") {
		t.Errorf("zh: exit %d, stderr %q", r.code, r.err)
	}
	for _, args := range [][]string{{"week", "--week", "2200-12-31"}, {"month", "--month", "1900-01"}, {"month", "--month", "2200-12"}} {
		h.ok(args...)
	}
}

// TestZhUsageLineHasNoEnglish: a missing argument or flag shows the usage
// line in the run's language, as --help does ("[选项]", not "[flags]").
func TestZhUsageLineHasNoEnglish(t *testing.T) {
	h := newHarness(t)
	seed(h)
	for _, args := range [][]string{{"add"}, {"log", "visit"}, {"promise", "王总", "x"}, {"project", "add", "P"}, {"promise", "cancel", "1"}} {
		r := h.run(append([]string{"--lang", "zh"}, args...)...)
		if r.code != ExitUsage || strings.Contains(r.err, "[flags]") || !strings.Contains(r.err, "[选项]") {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and the usage line with [选项]", args, r.code, r.err)
		}
	}
}

// TestImportCurrencyAsConfigSet: import holds the currency to the rule
// config set holds it to (at most 8 printable characters): an escape
// sequence or a bidi control was imported, then shown as nothing.
func TestImportCurrencyAsConfigSet(t *testing.T) {
	for _, cur := range []string{`\u001b[31m`, `\u202e$`, `a\tb`, `123456789`, `\u200b`} {
		h := newHarness(t)
		f := h.write("d.json", `{"format":"salesplan","version":2,"settings":{"currency":"`+cur+`"},"clients":[{"id":1,"name":"A","tier":"key","created_on":"2026-11-01"}]}`)
		r := h.run("import", f)
		if r.code != ExitFail || !strings.Contains(r.err, "settings: currency:") || !strings.Contains(r.err, "not a currency symbol") {
			t.Errorf("currency %s: exit %d, stderr %q; want the import refused naming settings: currency", cur, r.code, r.err)
		}
		if r := h.run("config", "set", "currency", strings.NewReplacer(`\u001b`, "\x1b", `\u202e`, "\u202e", `\t`, "\t", `\u200b`, "\u200b").Replace(cur)); r.code != ExitFail || !strings.Contains(r.err, "not a currency symbol") {
			t.Errorf("config set currency %s: exit %d, stderr %q", cur, r.code, r.err)
		}
	}
	h := newHarness(t)
	h.ok("import", h.write("d.json", `{"format":"salesplan","version":2,"settings":{"currency":"US $"}}`))
	h.ok("config", "set", "currency", "€")
}

// TestRestoreRefusesDamagedRecords: a backup whose pages are sound but
// whose record fails its checksum (a flipped byte in a value: bbolt's
// check does not see it) would replace a healthy database with a damaged
// one; restore refuses it, naming the record, and changes nothing.
func TestRestoreRefusesDamagedRecords(t *testing.T) {
	h := newHarness(t)
	seed(h)
	file := filepath.Join(h.dir, "bk.db")
	h.ok("backup", file)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// Every copy (freed pages keep older ones): "wang Lei".
	if n := bytes.Count(b, []byte(`"name":"Wang Lei"`)); n == 0 {
		t.Fatal("the client's record is not in the backup")
	}
	b = bytes.ReplaceAll(b, []byte(`"name":"Wang Lei"`), []byte(`"name":"wang Lei"`))
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	h.ok("client", "add", "After the backup")
	before := h.dbBytes()
	for _, lang := range []string{"en", "zh"} {
		r := h.run("--lang", lang, "restore", file, "--yes")
		want := map[string]string{"en": "client 2", "zh": "client 2"}[lang]
		if r.code != ExitFail || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, want) ||
			!strings.Contains(r.err, map[string]string{"en": "damaged", "zh": "损坏"}[lang]) {
			t.Errorf("%s: exit %d, stderr %q; want exit 1, one line naming the damaged record", lang, r.code, r.err)
		}
		if !bytes.Equal(before, h.dbBytes()) {
			t.Fatalf("%s: the database changed", lang)
		}
	}
	if out := h.ok("client", "list"); !strings.Contains(out, "After the backup") {
		t.Errorf("client list after the refused restore:\n%s", out)
	}
}

// TestCompleteDone: `done ID` completes the task ids of today's list, as
// task edit, postpone and delete do (done, the commonest, offered files).
func TestCompleteDone(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("add", "call", "@王总", "send the quote")
	h.ok("add", "visit", "Wang Lei", "tomorrow")
	out := h.ok("__complete", "done", "")
	if !strings.Contains(out, "1\tsend the quote") || strings.Contains(out, "2\t") || !strings.Contains(out, ":4") {
		t.Errorf("complete done: %q; want today's task 1 with its title, no files, not tomorrow's task 2", out)
	}
}

// TestClientShowDamagedIndex: client show follows the client's indexes
// to its tasks and journal; one that names a task not there is damage.
func TestClientShowDamagedIndex(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("add", "call", "@王总", "send the quote", "tomorrow")
	damage(t, h.db, func(tx *bolt.Tx) error { return rekey(tx, 1, 99, "task_client") })
	r := h.run("client", "show", "王总")
	if r.code != ExitFail || !strings.Contains(r.err, "damaged") || !strings.Contains(r.err, "salesplan check") {
		t.Errorf("exit %d, stderr %q; want the database damaged, run salesplan check", r.code, r.err)
	}
	if r := h.run("client", "show", "Nobody"); r.code != ExitFail || strings.Contains(r.err, "damaged") {
		t.Errorf("an unknown client: exit %d, stderr %q", r.code, r.err)
	}
}

// TestConfigSetHelpNamesTheKeys: config set --help names every key it
// takes (the help said only "Change a setting"; the keys were learnt from
// the error of a wrong one), in both languages.
func TestConfigSetHelpNamesTheKeys(t *testing.T) {
	h := newHarness(t)
	for _, lang := range []string{"en", "zh"} {
		out := h.ok("--lang", lang, "config", "set", "--help")
		for _, k := range allConfigKeys() {
			if !strings.Contains(out, k) {
				t.Errorf("%s: config set --help does not name %s:\n%s", lang, k, out)
			}
		}
	}
}

// TestSearchNothingDoesNotEchoWholeQuery: "Nothing matches" repeats a
// pasted page of text cut like an error line does.
func TestSearchNothingDoesNotEchoWholeQuery(t *testing.T) {
	h := newHarness(t)
	seed(h)
	out := h.ok("search", "Zq"+strings.Repeat("x", 3000))
	if len(out) > 600 || !strings.Contains(out, "Zqxx") || !strings.Contains(out, "…") {
		t.Errorf("search output is %d bytes: %.200q", len(out), out)
	}
}
