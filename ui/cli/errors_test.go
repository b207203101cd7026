package cli

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	bolt "go.etcd.io/bbolt"
)

// seed fills a database with clients whose names share a prefix, a
// project and a promise, for the failure tests.
func seed(h *harness) {
	h.t.Helper()
	h.ok("client", "add", "王总", "--key", "--area", "朝阳")
	h.ok("client", "add", "Wang Lei")
	h.ok("client", "add", "Wang Fang")
	h.ok("project", "add", "Tower A", "--client", "王总", "--stage", "design", "--value", "500000")
	h.ok("promise", "王总", "send the quote", "--due", "2026-11-30")
}

// validDoc is a small exchange document.
const validDoc = `{"format": "salesplan", "version": 1,
 "clients": [{"id": 1, "name": "Li Ming", "tier": "regular", "created_on": "2026-11-01"}]}`

// danglingDoc has a task pointing at a client that is not in the document.
const danglingDoc = `{"format": "salesplan", "version": 1,
 "clients": [{"id": 1, "name": "Li Ming", "tier": "regular", "created_on": "2026-11-01"}],
 "tasks": [{"id": 1, "title": "call him", "date": "2026-11-28", "kind": "call", "client_id": 99}]}`

// TestFailuresLeaveDatabaseUnchanged: every bad input exits 1 with one
// clear line on stderr, prints nothing on stdout, and leaves the database
// file byte for byte as it was.
func TestFailuresLeaveDatabaseUnchanged(t *testing.T) {
	h := newHarness(t)
	seed(h)
	notJSON := h.write("notes.txt", "Met 王总 today, he wants a quote.\n")
	valid := h.write("valid.json", validDoc)
	dangling := h.write("dangling.json", danglingDoc)

	tests := []struct {
		name string
		args []string
		want []string // substrings of the stderr line
	}{
		{"malformed due date", []string{"promise", "王总", "send the quote", "--due", "2026-02-30"}, []string{"2026-02-30"}},
		{"malformed date word", []string{"log", "call", "王总", "--on", "someday"}, []string{"someday"}},
		{"contact in the future", []string{"log", "visit", "王总", "--on", "tomorrow"}, []string{"tomorrow"}},
		{"promise kept in the future", []string{"promise", "keep", "1", "--on", "2026-12-25"}, []string{"2026-12-25"}},
		{"malformed week date", []string{"week", "--week", "2026-13-01"}, []string{"2026-13-01"}},
		{"malformed month", []string{"month", "--month", "2026-13"}, []string{"2026-13"}},
		{"malformed --today", []string{"client", "add", "Zhao", "--today", "27.11.2026"}, []string{"27.11.2026"}},
		{"unknown client", []string{"note", "Nobody", "hello"}, []string{"Nobody"}},
		{"unknown client in promise", []string{"promise", "Nobody", "call back", "--due", "tomorrow"}, []string{"Nobody"}},
		{"ambiguous prefix", []string{"note", "wang", "hello"}, []string{"Wang Lei", "Wang Fang"}},
		{"unknown project", []string{"project", "stage", "Bridge", "bidding"}, []string{"Bridge"}},
		{"bad stage", []string{"project", "stage", "Tower", "winning"}, []string{"winning"}},
		{"same stage", []string{"project", "stage", "Tower", "design"}, []string{"Tower A"}},
		{"bad amount", []string{"project", "add", "Depot", "--client", "王总", "--value", "lots"}, []string{"lots"}},
		{"empty title", []string{"add", "   "}, []string{"title"}},
		{"empty note", []string{"note", "王总", " "}, []string{"note"}},
		{"empty client name", []string{"client", "add", " "}, []string{"name"}},
		{"duplicate client", []string{"client", "add", "王总"}, []string{"王总"}},
		{"no such task", []string{"done", "999"}, []string{"999"}},
		{"no such promise", []string{"promise", "keep", "42"}, []string{"42"}},
		{"bad config value", []string{"config", "set", "key_cadence_days", "0"}, []string{"key_cadence_days"}},
		{"unknown config key", []string{"config", "set", "colour", "blue"}, []string{"colour"}},
		{"bad workdays", []string{"config", "set", "workdays", "mon,funday"}, []string{"funday"}},
		{"import not JSON", []string{"import", notJSON}, []string{notJSON}},
		{"import missing file", []string{"import", h.dir + "/nope.json"}, []string{"nope.json"}},
		{"import dangling client_id", []string{"import", "--merge", dangling}, []string{"client"}},
		{"import without --merge", []string{"import", valid}, []string{"--merge"}},
		{"demo into non-empty", []string{"demo"}, []string{"--demo"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := h.dbBytes()
			r := h.run(tc.args...)
			if r.code != ExitFail {
				t.Fatalf("exit %d, want 1\nstdout: %s\nstderr: %s", r.code, r.out, r.err)
			}
			lines := stderrLines(r.err)
			if len(lines) != 1 {
				t.Fatalf("stderr has %d lines, want 1:\n%s", len(lines), r.err)
			}
			for _, w := range tc.want {
				if !strings.Contains(lines[0], w) {
					t.Errorf("stderr %q does not mention %q", lines[0], w)
				}
			}
			if strings.Contains(lines[0], "goroutine") || strings.Contains(lines[0], "!cli.") {
				t.Errorf("stderr is not a clean message: %q", lines[0])
			}
			if r.out != "" {
				t.Errorf("stdout should be empty on failure, got %q", r.out)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Errorf("the database file changed")
			}
		})
	}
}

// TestMoneyOverTheLimit: an amount above 10^13 given to any command that
// takes money is refused with the model's own line (what the limit is), in
// the run's language, never as "not an amount"; the database is unchanged.
func TestMoneyOverTheLimit(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("target", "set", "--year", "2026", "--sales", "1000000")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"project value", []string{"project", "add", "Depot", "--client", "王总", "--value", "20000000000000"},
			"20000000000000 is more than salesplan keeps (at most 10000000000000)"},
		{"project value a cent over", []string{"project", "add", "Depot", "--client", "王总", "--value", "10000000000000.01"},
			"10000000000000.01 is more than salesplan keeps (at most 10000000000000)"},
		{"project value in 亿", []string{"project", "add", "Depot", "--client", "王总", "--value", "100001亿"},
			"100001亿 is more than salesplan keeps"},
		{"project value beyond float64", []string{"project", "add", "Depot", "--client", "王总", "--value", "1e400"},
			"1e400 is more than salesplan keeps"},
		{"annual target", []string{"target", "set", "--year", "2027", "--sales", "1e14"},
			"1e14 is more than salesplan keeps (at most 10000000000000)"},
		{"month target", []string{"target", "set", "--month", "2026-03", "20000000000000"},
			"20000000000000 is more than salesplan keeps"},
		{"zh month target", []string{"--lang", "zh", "target", "set", "--month", "2026-03", "2e13"},
			"2e13 超出 salesplan 可记录的金额（最多 10000000000000）"},
		{"zh project value", []string{"--lang", "zh", "project", "add", "Depot", "--client", "王总", "--value", "3e13"},
			"3e13 超出 salesplan 可记录的金额"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := h.dbBytes()
			r := h.run(tc.args...)
			lines := stderrLines(r.err)
			if r.code != ExitFail || len(lines) != 1 {
				t.Fatalf("exit %d, stderr %q; want exit 1 and one line", r.code, r.err)
			}
			if !strings.Contains(lines[0], tc.want) {
				t.Errorf("stderr %q; want it to say %q", lines[0], tc.want)
			}
			if strings.Contains(lines[0], "not an amount") || strings.Contains(lines[0], "不是金额") {
				t.Errorf("stderr %q calls a number over the limit not an amount", lines[0])
			}
			if r.out != "" {
				t.Errorf("stdout should be empty, got %q", r.out)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Error("the database changed")
			}
		})
	}
	// The limit itself is kept: 10^13 is a value, not an error.
	h.ok("project", "add", "Depot", "--client", "王总", "--value", "10000000000000")
}

// TestUsageErrors: unknown flags and commands and missing arguments exit 2
// with the error and a short hint, and never touch the database.
func TestUsageErrors(t *testing.T) {
	h := newHarness(t)
	seed(h)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"today", "--bogus"}, "--bogus"},
		{"unknown command", []string{"frobnicate"}, "frobnicate"},
		{"unknown subcommand", []string{"client", "remove", "王总"}, "remove"},
		{"task id not a number", []string{"done", "abc"}, `"abc" is not a task number`},
		{"task id zero", []string{"done", "0"}, `"0" is not a task number`},
		{"group alone", []string{"client"}, "client"},
		{"missing note text", []string{"note", "王总"}, "note CLIENT"},
		{"missing client name", []string{"client", "add"}, "client add NAME"},
		{"missing --due", []string{"promise", "王总", "send it"}, "--due"},
		{"missing --client", []string{"project", "add", "Depot"}, "--client"},
		{"extra argument", []string{"today", "tomorrow"}, "tomorrow"},
		{"bad --lang", []string{"--lang", "fr", "today"}, "fr"},
		{"flag without value", []string{"week", "--week"}, "week"},
		{"target without amount", []string{"target", "set", "--year", "2026"}, "--sales"},
		{"neglected without scale", []string{"demo", "--neglected"}, "--scale"},
		// A value the flag cannot take, like a value of the wrong type.
		{"export unknown format", []string{"export", "--format", "xml"}, "xml"},
		{"export unknown kind", []string{"export", "--format", "csv", "--kind", "nope"}, "nope"},
		{"import unknown format", []string{"import", "--format", "yaml", "x.yaml"}, "yaml"},
		{"import csv of tasks", []string{"import", "--format", "csv", "--kind", "tasks", "x.csv"}, "tasks"},
		{"demo scale out of range", []string{"demo", "--scale", "-1"}, "-1"},
		{"empty --db (an unset variable)", []string{"--db", "", "client", "add", "Zed"}, "--db"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := h.dbBytes()
			r := h.run(tc.args...)
			if r.code != ExitUsage {
				t.Fatalf("exit %d, want 2\nstdout: %s\nstderr: %s", r.code, r.out, r.err)
			}
			lines := stderrLines(r.err)
			if len(lines) != 2 || !strings.Contains(lines[0], tc.want) || !strings.Contains(lines[1], "--help") {
				t.Errorf("stderr should be the error naming %q and a hint, got:\n%s", tc.want, r.err)
			}
			if strings.Contains(r.out+r.err, "Flags:") {
				t.Errorf("usage dump printed:\n%s%s", r.out, r.err)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Errorf("the database file changed")
			}
		})
	}
}

// TestNotBoltFileLeftIdentical: a file that is not a bbolt database is
// refused with one line and left byte for byte as it was, read or write.
func TestNotBoltFileLeftIdentical(t *testing.T) {
	h := newHarness(t)
	content := []byte("名单\nWang Lei, 138 0000 0000\n" + strings.Repeat("x", 5000))
	if err := os.MkdirAll(h.dir+"/data", 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h.db, content, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"today"}, {"client", "add", "Zhao"}, {"import", h.write("v.json", validDoc)},
		{"--lang", "zh", "today"}} {
		r := h.run(args...)
		if r.code != ExitFail || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, "salesplan") {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and one line", args, r.code, r.err)
		}
		got, _ := os.ReadFile(h.db)
		if !bytes.Equal(got, content) {
			t.Fatalf("%v changed the foreign file", args)
		}
	}
	fi, err := os.Stat(h.db)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("the foreign file's mode changed to %o", fi.Mode().Perm())
	}
}

// setSchema rewrites the schema version in the meta bucket with a raw
// bbolt open, as a newer salesplan would have left it.
func setSchema(t *testing.T, path string, v uint64) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := make([]byte, 8)
		binary.BigEndian.PutUint64(b, v)
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), b)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	h := newHarness(t)
	seed(h)
	setSchema(t, h.db, 99)
	before := h.dbBytes()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"today"}, "newer"},
		{[]string{"client", "add", "Zhao"}, "newer"},
		{[]string{"--lang", "zh", "today"}, "更新版本"},
	} {
		r := h.run(tc.args...)
		lines := stderrLines(r.err)
		if r.code != ExitFail || len(lines) != 1 || !strings.Contains(lines[0], tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and one line saying %q", tc.args, r.code, r.err, tc.want)
		}
		if !bytes.Equal(before, h.dbBytes()) {
			t.Fatalf("%v changed the database", tc.args)
		}
	}
}

// TestLockHeldPastTheWait: another process (here a raw bbolt open, which
// takes the same exclusive flock) holds the database; the command gives up
// after the lock wait with one clear line, and writes nothing.
func TestLockHeldPastTheWait(t *testing.T) {
	h := newHarness(t)
	seed(h)
	before := h.dbBytes()
	db, err := bolt.Open(h.db, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	h.env["SALESPLAN_LOCK_TIMEOUT"] = "150ms"
	for _, args := range [][]string{{"client", "add", "Zhao"}, {"today", "--json"}} {
		start := time.Now()
		r := h.run(args...)
		took := time.Since(start)
		lines := stderrLines(r.err)
		if r.code != ExitFail || len(lines) != 1 || !strings.Contains(lines[0], "busy") {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and one line saying the database is busy", args, r.code, r.err)
		}
		if took > 3*time.Second {
			t.Errorf("%v waited %v for the lock; the wait is 150ms", args, took)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, h.dbBytes()) {
		t.Fatal("the database changed while locked")
	}
	if out := h.ok("client", "list"); strings.Contains(out, "Zhao") {
		t.Errorf("the refused client was added:\n%s", out)
	}
}

// TestSecondImportRefused: importing a document twice without --merge is
// refused the second time and changes nothing; --merge adds another one.
func TestSecondImportRefused(t *testing.T) {
	h := newHarness(t)
	doc := h.write("doc.json", validDoc)
	h.ok("import", doc)
	before := h.dbBytes()
	r := h.run("import", doc)
	if r.code != ExitFail || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, "--merge") {
		t.Fatalf("second import: exit %d, stderr %q", r.code, r.err)
	}
	if !bytes.Equal(before, h.dbBytes()) {
		t.Fatal("the refused import changed the database")
	}
	other := h.write("other.json", strings.Replace(validDoc, "Li Ming", "Zhou Min", 1))
	h.ok("import", "--merge", other)
	if list := h.ok("client", "list"); !strings.Contains(list, "Li Ming") || !strings.Contains(list, "Zhou Min") {
		t.Errorf("after --merge both clients are there:\n%s", list)
	}
}

// A rejected import names the record and field in the user's language.
func TestImportValidationTranslated(t *testing.T) {
	h := newHarness(t)
	dangling := h.write("dangling.json", danglingDoc)
	tests := []struct {
		lang string
		want string
	}{
		{"en", "tasks[0]: client_id: "},
		{"zh", "tasks[0] 的字段 client_id："},
	}
	for _, c := range tests {
		r := h.run("--lang", c.lang, "import", dangling)
		if r.code != ExitFail || !strings.Contains(r.err, c.want) {
			t.Errorf("%s: exit %d, stderr %q, want it to contain %q", c.lang, r.code, r.err, c.want)
		}
	}
}

// TestEmptyFileNameRefused: an empty file name ("") to backup, restore,
// import or export -o is bad usage, said in one line naming the command
// or flag, before anything is written — neither the database (not even
// created) nor a temporary copy beside the working directory.
func TestEmptyFileNameRefused(t *testing.T) {
	tests := []struct {
		args   []string
		en, zh string
	}{
		{[]string{"backup", ""}, "backup needs a file name", "backup 需要文件名"},
		{[]string{"restore", "", "--yes"}, "restore needs a file name", "restore 需要文件名"},
		{[]string{"import", ""}, "import needs a file name", "import 需要文件名"},
		{[]string{"import", "--format", "csv", "--dry-run", ""}, "import needs a file name", "import 需要文件名"},
		{[]string{"export", "-o", ""}, "-o/--output needs a file name", "-o/--output 需要文件名"},
		{[]string{"export", "--output="}, "-o/--output needs a file name", "-o/--output 需要文件名"},
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	listing := func(dir string) string {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return strings.Join(names, "\n")
	}
	for _, tc := range tests {
		for _, lang := range []string{"en", "zh"} {
			t.Run(strings.Join(tc.args, " ")+" "+lang, func(t *testing.T) {
				h := newHarness(t)
				before, beforeParent := listing(h.dir), listing(wd+"/..")
				r := h.run(append([]string{"--lang", lang}, tc.args...)...)
				want := tc.en
				if lang == "zh" {
					want = tc.zh
				}
				lines := stderrLines(r.err)
				if r.code != ExitUsage || len(lines) != 2 || !strings.Contains(lines[0], want) {
					t.Fatalf("exit %d, want 2 and %q\nstderr: %s", r.code, want, r.err)
				}
				if strings.Count(lines[0], "salesplan") != 1 {
					t.Errorf("the command is named twice: %s", lines[0])
				}
				if h.dbBytes() != nil || listing(h.dir) != before || listing(wd+"/..") != beforeParent {
					t.Errorf("something was written")
				}
			})
		}
	}
}

// TestImportSaysWhatIsWanted: a JSON import's refusals say what is wanted
// in the run's language, with no Go layout or decoder jargon: a journal
// time, a target's year key, a syntax error (with its line); a document
// saved with a byte-order mark (Notepad) is imported.
func TestImportSaysWhatIsWanted(t *testing.T) {
	const head = `{"format": "salesplan", "version": 2,`
	tests := []struct {
		name, doc string
		en, zh    string
	}{
		{"journal time", head + `"clients": [{"id": 1, "name": "A", "tier": "regular", "created_on": "2026-11-01"}],
 "journal": [{"id": 1, "client_id": 1, "kind": "call", "at": "garbage", "text": "x"}]}`,
			"journal[0]: at: must be a time like 2026-12-07T09:30:00Z",
			"journal[0] 的字段 at：应为时间，如 2026-12-07T09:30:00Z"},
		{"year key", head + `"settings": {"annual_targets": {"abc": 5}}}`,
			`settings: annual_targets: "abc" is not a year`,
			"settings 的字段 annual_targets：“abc”不是年份"},
		{"syntax", head + "\n" + `"clients": [,]}`,
			"not a salesplan JSON document: unexpected character ',' (line 2)",
			"不是 salesplan JSON 文档：第 2 行有不该出现的字符 ','"},
		{"document field", `{"format": "other", "version": 2}`,
			`document: format: must be "salesplan"`,
			`文档的字段 format：应为 "salesplan"`},
	}
	for _, tc := range tests {
		for _, lang := range []string{"en", "zh"} {
			t.Run(tc.name+" "+lang, func(t *testing.T) {
				h := newHarness(t)
				h.ok("client", "add", "王总")
				f := h.write("doc.json", tc.doc)
				before := h.dbBytes()
				r := h.run("--lang", lang, "import", "--merge", f)
				want := tc.en
				if lang == "zh" {
					want = tc.zh
				}
				if r.code != ExitFail || !strings.Contains(r.err, want) {
					t.Fatalf("exit %d, stderr %q; want 1 and %q", r.code, r.err, want)
				}
				for _, leak := range []string{"2006-01-02", "parsing time", "invalid character", "looking for", "JSON number"} {
					if strings.Contains(r.err, leak) {
						t.Errorf("stderr leaks %q: %s", leak, r.err)
					}
				}
				if !bytes.Equal(before, h.dbBytes()) {
					t.Errorf("the database changed")
				}
			})
		}
	}
	t.Run("byte-order mark", func(t *testing.T) {
		h := newHarness(t)
		f := h.write("bom.json", "\ufeff"+head+`"clients": [{"id": 1, "name": "A", "tier": "regular", "created_on": "2026-11-01"}]}`)
		h.ok("import", f)
		if out := h.ok("client", "list"); !strings.Contains(out, "A") {
			t.Errorf("the client was not imported: %s", out)
		}
	})
}

// TestFutureDateNamesTheFlag: a date after today is refused naming the
// flag that was given (--signed-on, not --on).
func TestFutureDateNamesTheFlag(t *testing.T) {
	h := newHarness(t)
	seed(h)
	tests := []struct {
		args   []string
		en, zh string
	}{
		{[]string{"project", "add", "Q", "--client", "王总", "--stage", "contract", "--signed-on", "2201-01-01"},
			"--signed-on 2201-01-01 is after today (2026-11-27)", "--signed-on 2201-01-01 晚于今天（2026-11-27）"},
		{[]string{"log", "call", "王总", "--on", "2026-12-01"},
			"--on 2026-12-01 is after today (2026-11-27)", "--on 2026-12-01 晚于今天（2026-11-27）"},
	}
	for _, tc := range tests {
		for _, lang := range []string{"en", "zh"} {
			before := h.dbBytes()
			r := h.run(append([]string{"--lang", lang}, tc.args...)...)
			want := map[string]string{"en": tc.en, "zh": tc.zh}[lang]
			if r.code != ExitFail || !strings.Contains(r.err, want) {
				t.Errorf("%v (%s): exit %d, stderr %q; want 1 and %q", tc.args, lang, r.code, r.err, want)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Errorf("%v: the database changed", tc.args)
			}
		}
	}
}

// TestDateWordsReachTheRange: a date offset is read as far as the dates
// salesplan keeps (1900-01-01 to 2200-12-31); beyond them the refusal says
// the range, not "not a date".
func TestDateWordsReachTheRange(t *testing.T) {
	h := newHarness(t)
	seed(h)
	if out := h.ok("promise", "王总", "far away", "--due", "+9999d"); !strings.Contains(out, "2054-04-13") {
		t.Errorf("+9999d: %s", out)
	}
	for _, in := range []string{"in 200 years", "+99999d", "99999天后"} {
		for _, lang := range []string{"en", "zh"} {
			before := h.dbBytes()
			r := h.run("--lang", lang, "promise", "王总", "x", "--due", in)
			want := map[string]string{"en": "is outside the dates salesplan keeps (1900-01-01 to 2200-12-31)",
				"zh": "超出 salesplan 可记录的日期范围（1900-01-01 至 2200-12-31）"}[lang]
			if r.code != ExitFail || !strings.Contains(r.err, want) || !strings.Contains(r.err, in) {
				t.Errorf("%s (%s): exit %d, stderr %q; want 1 and the range", in, lang, r.code, r.err)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Errorf("%s: the database changed", in)
			}
		}
	}
}

// TestErrorsNameTheCommandOnce: every error line begins "salesplan: ", so
// a message that starts with the command names it without the program
// ("client edit: --key and --regular exclude each other"), for every
// command: each is run with too many arguments, each group alone and with
// an unknown subcommand, and the flag conflicts.
func TestErrorsNameTheCommandOnce(t *testing.T) {
	h := newHarness(t)
	seed(h)
	runs := [][]string{
		{"client", "edit", "王总", "--key", "--regular"},
		{"task", "edit", "1"},
		{"journal", "edit", "1"},
		{"client", "edit", "王总"},
	}
	a := &app{lang: "en", stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, env: func(string) string { return "" }}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := strings.Fields(c.CommandPath())[1:]
		switch {
		case len(path) == 0 || path[0] == "completion" || path[0] == "help" || path[0] == "sync":
		case c.HasSubCommands():
			runs = append(runs, path, append(append([]string{}, path...), "frobnicate"))
		default:
			args := append([]string{}, path...)
			for range 12 {
				args = append(args, "zz")
			}
			runs = append(runs, args)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(a.rootCmd())
	if len(runs) < 40 {
		t.Fatalf("only %d runs: the walk missed the commands", len(runs))
	}
	for _, args := range runs {
		for _, lang := range []string{"en", "zh"} {
			r := h.run(append([]string{"--lang", lang}, args...)...)
			for _, l := range stderrLines(r.err) {
				if strings.HasPrefix(l, "salesplan: salesplan") || strings.HasPrefix(l, "salesplan：salesplan") ||
					strings.HasPrefix(l, `salesplan："salesplan`) || strings.HasPrefix(l, `salesplan: "salesplan`) {
					t.Errorf("%v (%s): the program is named twice: %s", args, lang, l)
				}
			}
		}
	}
}
