package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
)

// decode parses a command's JSON output.
func decode[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
	return v
}

func keysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sorted(s ...string) []string { sort.Strings(s); return s }

// TestTodayJSONKeys: the exact keys of DESIGN.md §3, nothing more or less.
func TestTodayJSONKeys(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("add", "call", "@王总", "today", "10:00", "about", "the", "quote", "!")
	h.ok("promise", "Wang Lei", "send the brochure", "--due", "tomorrow")
	got := decode[map[string]any](t, h.ok("today", "--json"))
	if k := keysOf(got); !slices.Equal(k, sorted("date", "quotas", "tasks", "attention", "regular_due")) {
		t.Errorf("top-level keys %v", k)
	}
	q := got["quotas"].(map[string]any)
	if k := keysOf(q); !slices.Equal(k, sorted("calls", "visits_week")) {
		t.Errorf("quota keys %v", k)
	}
	tasks := got["tasks"].([]any)
	if len(tasks) != 1 {
		t.Fatalf("want the one task, got %v", tasks)
	}
	task := tasks[0].(map[string]any)
	want := sorted("id", "title", "kind", "slot", "time", "date", "client", "project", "important", "done", "carried_over")
	if k := keysOf(task); !slices.Equal(k, want) {
		t.Errorf("task keys %v, want %v", k, want)
	}
	if task["client"] != "王总" || task["project"] != nil || task["time"] != "10:00" || task["slot"] != "morning" ||
		task["kind"] != "call" || task["important"] != true || task["date"] != "2026-11-27" {
		t.Errorf("task fields: %v", task)
	}
	att := got["attention"].([]any)
	if len(att) == 0 {
		t.Fatal("want attention items (promise due, key client, project)")
	}
	for _, a := range att {
		if k := keysOf(a.(map[string]any)); !slices.Equal(k, sorted("type", "client", "project", "text", "due", "days_overdue")) {
			t.Errorf("attention keys %v", k)
		}
	}
}

// TestListJSON: the list commands' JSON (documented in doc.go) uses null
// for none, dates as YYYY-MM-DD and money in main units.
func TestListJSON(t *testing.T) {
	h := newHarness(t)
	seed(h)
	clients := decode[[]map[string]any](t, h.ok("client", "list", "--json"))
	if len(clients) != 3 {
		t.Fatalf("want 3 clients, got %d", len(clients))
	}
	var wang map[string]any
	for _, c := range clients {
		if c["name"] == "王总" {
			wang = c
		}
	}
	if wang == nil || wang["tier"] != "key" || wang["area"] != "朝阳" || wang["phone"] != nil ||
		wang["last_contact"] != nil || wang["next_followup"] != "2026-12-04" || wang["open_promises"] != 1.0 ||
		wang["cadence_days"] != 7.0 {
		t.Errorf("王总 as JSON: %v", wang)
	}
	projects := decode[[]map[string]any](t, h.ok("project", "list", "--json"))
	if len(projects) != 1 || projects[0]["value"] != 500000.0 || projects[0]["stage"] != "design" ||
		projects[0]["bid_date"] != nil || projects[0]["client"] != "王总" || projects[0]["stage_since"] != "2026-11-27" {
		t.Errorf("projects as JSON: %v", projects)
	}
	promises := decode[[]map[string]any](t, h.ok("promise", "list", "--json"))
	if len(promises) != 1 || promises[0]["due"] != "2026-11-30" || promises[0]["kept_on"] != nil ||
		promises[0]["status"] != "open" || promises[0]["overdue"] != false || promises[0]["due_soon"] != true || // Friday: Monday is due soon
		promises[0]["cancelled_on"] != nil || promises[0]["cancel_reason"] != nil || promises[0]["broken"] != false {
		t.Errorf("promises as JSON: %v", promises)
	}
	// --due keeps only the clients whose follow-up is due: none yet.
	if due := decode[[]map[string]any](t, h.ok("client", "list", "--due", "--json")); len(due) != 0 {
		t.Errorf("client list --due: %v", due)
	}
	h.env["SALESPLAN_TODAY"] = "2026-12-05"
	due := decode[[]map[string]any](t, h.ok("client", "list", "--due", "--json"))
	if len(due) != 1 || due[0]["name"] != "王总" || due[0]["days_overdue"] != 1.0 {
		t.Errorf("on 12-05 only 王总 (key, 7 days) is due: %v", due)
	}
}

// cellColumn returns the terminal cell at which the first cell of a row
// that equals word starts, or -1.
func cellColumn(line, word string) int {
	i := strings.Index(line, word)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(line[:i])
}

// TestTextColumnsAlignWithChinese: a column after a Chinese name starts at
// the same terminal cell on every row (a Chinese character is two cells).
func TestTextColumnsAlignWithChinese(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "王总", "--key", "--area", "朝阳区")
	h.ok("client", "add", "ACME Ltd", "--area", "Haidian")
	h.ok("client", "add", "李", "--area", "通州")
	out := h.ok("client", "list")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want a header and 3 rows:\n%s", out)
	}
	cols := map[int]bool{}
	for _, l := range lines[1:] {
		for _, tier := range []string{"key", "regular"} {
			if c := cellColumn(l, "  "+tier+"  "); c >= 0 {
				cols[c] = true
			}
		}
	}
	if len(cols) != 1 {
		t.Errorf("the tier column starts at different cells %v:\n%s", cols, out)
	}
}

// TestUserTextIsInert: escape sequences typed into a name never reach the
// terminal through text or JSON output.
func TestUserTextIsInert(t *testing.T) {
	h := newHarness(t)
	evil := "Evil\x1b]8;;http://x\x07Link\x1b]8;;\x07\x1b[31mRed\rOver\u202e"
	h.ok("client", "add", evil, "--key")
	h.ok("promise", "Evil", "pay\x1b[2J back", "--due", "today")
	for _, args := range [][]string{{"client", "list"}, {"client", "list", "--json"}, {"today"},
		{"today", "--json"}, {"promise", "list"}, {"promise", "list", "--json"}} {
		out := h.ok(args...)
		if strings.ContainsAny(out, "\x1b\x07\r\u202e") || strings.Contains(out, `\u001b`) {
			t.Errorf("%v passes a control sequence through: %q", args, out)
		}
		if !strings.Contains(out, "EvilLink") {
			t.Errorf("%v lost the visible text: %q", args, out)
		}
	}
}

// TestWorkflow walks a day: quick-add, complete with an outcome (a
// contact), a repeating task, a promise kept late, a stage move with its
// checklist and the signed value, targets and settings.
func TestWorkflow(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("add", "call", "@王总", "today", "10:00", "price", "follow-up")
	out := h.ok("add", "send", "the", "report", "every", "fri", "today")
	if !strings.Contains(out, "#2") {
		t.Fatalf("second task should be #2: %s", out)
	}
	out = h.ok("done", "1", "--note", "wants 5% off")
	if !strings.Contains(out, "Done: #1") || !strings.Contains(out, "call") {
		t.Errorf("done output: %s", out)
	}
	today := decode[jsonToday](t, h.ok("today", "--json"))
	if today.Quotas.Calls.Done != 1 {
		t.Errorf("completing a call task with a client records a call: calls %d", today.Quotas.Calls.Done)
	}
	out = h.ok("done", "#2")
	if !strings.Contains(out, "2026-12-04") {
		t.Errorf("a weekly Friday task done on Friday 11-27 comes back on 12-04: %s", out)
	}
	if r := h.run("done", "2"); r.code != ExitFail || !strings.Contains(r.err, "already") {
		t.Errorf("done twice: exit %d %q", r.code, r.err)
	}

	h.env["SALESPLAN_TODAY"] = "2026-12-01"
	out = h.ok("promise", "keep", "1", "--on", "2026-12-01")
	h.env["SALESPLAN_TODAY"] = "2026-11-27"
	if !strings.Contains(out, "1 day late") {
		t.Errorf("kept a day after its due date: %s", out)
	}
	out = h.ok("promise", "list", "--all")
	if !strings.Contains(out, "kept 2026-12-01") {
		t.Errorf("promise list --all shows the kept one:\n%s", out)
	}

	h.ok("target", "set", "--year", "2026", "--sales", "1,200,000", "--month", "2026-11", "90000")
	out = h.ok("project", "stage", "tower", "contract")
	if !strings.Contains(out, "design → contract") || !strings.Contains(out, "3 checklist") {
		t.Errorf("stage move output: %s", out)
	}
	month := decode[jsonMonth](t, h.ok("month", "--json"))
	if month.Signed.Value != 50000000 || month.Signed.Target != 9000000 {
		t.Errorf("signed %v of %v, want 500000 of 90000 (in cents)", month.Signed.Value, month.Signed.Target)
	}
	today = decode[jsonToday](t, h.ok("today", "--json"))
	n := 0
	for _, task := range today.Tasks {
		if task.Project != nil && *task.Project == "Tower A" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("entering contract adds its 3 checklist tasks for today, got %d: %+v", n, today.Tasks)
	}

	// Out of range: the range named, the setting left as it was.
	for _, bad := range []string{"3651", "99999999999", "lots"} {
		r := h.run("config", "set", "calls_per_day", bad)
		if r.code != 1 || !strings.Contains(r.err, "from 0 to 3650") || strings.Count(r.err, "\n") != 1 {
			t.Errorf("config set calls_per_day %s: exit %d, %q; want one line naming 0 to 3650", bad, r.code, r.err)
		}
	}
	h.ok("config", "set", "calls_per_day", "3650")
	h.ok("config", "set", "calls_per_day", "40")
	h.ok("config", "set", "workdays", "mon,tue,wed,thu,fri,sat")
	if got := strings.TrimSpace(h.ok("config", "get", "calls_per_day")); got != "40" {
		t.Errorf("config get calls_per_day = %q", got)
	}
	set := decode[map[string]any](t, h.ok("config", "get", "--json"))
	if set["calls_per_day"] != 40.0 || len(set["workdays"].([]any)) != 6 ||
		set["annual_targets"].(map[string]any)["2026"] != 1200000.0 {
		t.Errorf("config get --json: %v", set)
	}
	week := decode[jsonWeek](t, h.ok("week", "--json", "--week", "2026-12-01"))
	if week.Calls.Target != 240 || week.Start.String() != "2026-11-30" || week.Week != "2026-W49" {
		t.Errorf("week of 12-01 with 6 working days × 40 calls: %+v", week)
	}
	h.ok("log", "visit", "王总", "site", "walk", "--on", "yesterday", "--project", "Tower")
	week = decode[jsonWeek](t, h.ok("week", "--json"))
	if week.Visits.Done != 1 || week.Days[3].Visits != 1 {
		t.Errorf("a visit logged for yesterday (Thu) counts in the week: %+v", week)
	}
}

// TestExportImportRoundTrip: export, import into an empty database, export
// again: the same document.
func TestExportImportRoundTrip(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("add", "visit", "@王总", "tomorrow", "pm", "bring", "samples")
	file := filepath.Join(h.dir, "out.json")
	h.ok("export", "-o", file)
	first, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if stdout := h.ok("export"); stdout != string(first) {
		t.Errorf("export to stdout and to a file differ")
	}
	h2 := newHarness(t)
	h2.ok("import", file)
	h3 := newHarness(t)
	var out, errb strings.Builder
	code := Config{}.Main([]string{"--db", h3.db, "import", "-"}, strings.NewReader(string(first)), &out, &errb,
		func(k string) string { return h3.env[k] })
	if code != 0 || h3.ok("export") != string(first) {
		t.Errorf("import - (standard input): exit %d %s", code, errb.String())
	}
	if again := h2.ok("export"); again != string(first) {
		t.Errorf("export → import → export changed the document:\n%s\n---\n%s", first, again)
	}
	for _, f := range []string{"csv", "ics"} {
		if out := h.ok("export", "--format", f); len(out) == 0 {
			t.Errorf("export --format %s is empty", f)
		}
	}
	if out := h.ok("export", "--format", "ics"); !strings.Contains(out, "BEGIN:VCALENDAR") {
		t.Errorf("not iCalendar: %s", out)
	}
}

func TestImportClientsCSV(t *testing.T) {
	h := newHarness(t)
	seed(h)
	csv := h.write("clients.csv", "name,tier,area\n王总,key,朝阳\n赵经理,regular,通州\nZhou,key,\n")
	out := h.ok("import", "--format", "csv", "--kind", "clients", "--dry-run", csv)
	if !strings.Contains(out, "would add 赵经理") || !strings.Contains(out, "skipped 王总") {
		t.Errorf("dry run report:\n%s", out)
	}
	if list := h.ok("client", "list"); strings.Contains(list, "赵经理") {
		t.Fatalf("the dry run added a client")
	}
	h.ok("import", "--format", "csv", "--kind", "clients", csv)
	if list := h.ok("client", "list"); !strings.Contains(list, "赵经理") || !strings.Contains(list, "Zhou") {
		t.Errorf("CSV import did not add the new clients:\n%s", list)
	}
	// The whole file is one undo step: undo takes both clients out, and
	// nothing the import did not add.
	if out := h.ok("undo"); !strings.Contains(out, "importing clients from a CSV file") {
		t.Errorf("undo after the CSV import: %q", out)
	}
	if list := h.ok("client", "list"); strings.Contains(list, "赵经理") || strings.Contains(list, "Zhou") || !strings.Contains(list, "王总") {
		t.Errorf("after undo the imported clients should be gone, 王总 kept:\n%s", list)
	}
	// A JSON merge says it cannot be undone.
	doc := h.write("more.json", `{"format":"salesplan","version":2,"clients":[{"id":1,"name":"Merged Co","tier":"key","created_on":"2026-01-01"}]}`)
	if out := h.ok("import", "--merge", doc); !strings.Contains(out, "not undone by salesplan undo") {
		t.Errorf("import --merge output: %q", out)
	}
}

// TestBackupRestoreAndCheck: a manual backup can be listed and restored;
// restore asks first and a "no" changes nothing.
func TestBackupRestoreAndCheck(t *testing.T) {
	h := newHarness(t)
	seed(h)
	if out := h.ok("check"); !strings.Contains(out, "healthy") {
		t.Errorf("check: %s", out)
	}
	file := filepath.Join(h.dir, "copy.db")
	h.ok("backup", file)
	h.ok("client", "add", "Later Client")
	out := h.ok("backups")
	if !strings.Contains(out, "copy.db") || !strings.Contains(out, "daily") {
		t.Errorf("backups should list the manual copy and the daily backup:\n%s", out)
	}
	kinds := map[string]bool{}
	for _, b := range decode[[]map[string]any](t, h.ok("backups", "--json")) {
		kinds[b["kind"].(string)] = true
	}
	if !kinds["auto"] || !kinds["manual"] {
		t.Errorf("backups --json kinds: %v", kinds)
	}
	before := h.dbBytes()
	r := h.run("restore", file) // stdin is empty: no answer is no
	if r.code != ExitFail || !bytesEqual(before, h.dbBytes()) {
		t.Fatalf("restore without --yes and no answer: exit %d, stderr %q", r.code, r.err)
	}
	h.ok("restore", file, "--yes")
	if list := h.ok("client", "list"); strings.Contains(list, "Later Client") || !strings.Contains(list, "王总") {
		t.Errorf("after restore the later client is gone and the rest is back:\n%s", list)
	}
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

func TestAutoBackupAfterWrite(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "王总")
	want := filepath.Join(filepath.Dir(h.db), "backups", "salesplan-2026-11-27.db")
	if _, err := os.Stat(want); err != nil {
		t.Errorf("a write makes the daily backup: %v", err)
	}
	// A read-only command makes none for a new day.
	h.env["SALESPLAN_TODAY"] = "2026-11-28"
	h.ok("today")
	if _, err := os.Stat(filepath.Join(filepath.Dir(h.db), "backups", "salesplan-2026-11-28.db")); err == nil {
		t.Errorf("a read made a backup")
	}
	// --today in the future names no backup: the real clock does.
	h.now = h.now.AddDate(0, 0, 1)
	h.ok("--today", "2099-01-01", "client", "add", "Future")
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(h.db), "backups", "salesplan-2099-*")); len(m) > 0 {
		t.Errorf("--today named a backup: %v", m)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(h.db), "backups", "salesplan-2026-11-28.db")); err != nil {
		t.Errorf("the write on the real next day made no backup: %v", err)
	}
}

// TestLanguage: --lang, the locale and the setting choose the language of
// messages, errors included.
func TestLanguage(t *testing.T) {
	h := newHarness(t)
	seed(h)
	r := h.run("--lang", "zh", "note", "无名氏", "你好")
	if r.code != ExitFail || !strings.Contains(r.err, "没有匹配") {
		t.Errorf("--lang zh error: %q", r.err)
	}
	h.env["LANG"] = "zh_CN.UTF-8"
	// The promise due Monday is due soon on a Friday (two working days).
	if out := h.ok("today"); !strings.Contains(out, "今天") || !strings.Contains(out, "承诺即将到期") {
		t.Errorf("LANG=zh_CN gives Chinese:\n%s", out)
	}
	if out := h.ok("--lang", "en", "today"); !strings.Contains(out, "Today,") {
		t.Errorf("--lang en wins over LANG:\n%s", out)
	}
	h.env["LANG"] = "C"
	h.ok("config", "set", "language", "zh")
	if out := h.ok("promise", "list"); !strings.Contains(out, "承诺") {
		t.Errorf("the language setting gives Chinese:\n%s", out)
	}
}

func TestDemo(t *testing.T) {
	h := newHarness(t)
	today := decode[jsonToday](t, h.ok("--demo", "today", "--json"))
	if len(today.Tasks) == 0 {
		t.Errorf("the demo database has tasks for today")
	}
	if _, err := os.Stat(h.db); err == nil {
		t.Errorf("--demo touched the real database")
	}
	h.ok("demo")
	if clients := decode[[]jsonClient](t, h.ok("client", "list", "--json")); len(clients) < 5 {
		t.Errorf("demo wrote %d clients", len(clients))
	}
}

func TestHelpAndCompletion(t *testing.T) {
	h := newHarness(t)
	out := h.ok("--help")
	for _, cmd := range []string{"add", "client", "promise", "project", "today", "week", "month", "export", "completion"} {
		if !strings.Contains(out, "  "+cmd+" ") {
			t.Errorf("help does not list %s:\n%s", cmd, out)
		}
	}
	for _, sh := range []string{"bash", "zsh", "fish"} {
		if out := h.ok("completion", sh); !strings.Contains(out, "salesplan") {
			t.Errorf("completion %s: %q", sh, out)
		}
	}
	if _, err := os.Stat(h.db); err == nil {
		t.Errorf("help or completion created the database")
	}
}

// TestNameCompletion: the shell completes client, project and stage names
// from the database, and never creates one.
func TestNameCompletion(t *testing.T) {
	h := newHarness(t)
	if out := h.ok("__complete", "note", ""); strings.Contains(out, "王总") {
		t.Errorf("completion without a database: %q", out)
	}
	if _, err := os.Stat(h.db); err == nil {
		t.Fatal("completion created the database")
	}
	seed(h)
	tests := []struct {
		args []string
		want []string
		not  string
	}{
		{[]string{"note", "wa"}, []string{"Wang Lei", "Wang Fang"}, "王总"},
		{[]string{"log", "call", "王"}, []string{"王总"}, "Wang"},
		{[]string{"project", "stage", "to"}, []string{"Tower A"}, "bidding"},
		{[]string{"project", "stage", "Tower A", "b"}, []string{"bidding"}, "design"},
		{[]string{"project", "add", "X", "--client", "Wang F"}, []string{"Wang Fang"}, "Wang Lei"},
	}
	for _, tc := range tests {
		out := h.ok(append([]string{"__complete"}, tc.args...)...)
		for _, w := range tc.want {
			if !strings.Contains(out, w+"\n") {
				t.Errorf("complete %v: %q lacks %q", tc.args, out, w)
			}
		}
		if strings.Contains(out, tc.not) {
			t.Errorf("complete %v: %q offers %q", tc.args, out, tc.not)
		}
	}
}

// TestGlobalFlagsAnywhere: --today, --db and --lang work before or after
// the command; SALESPLAN_DB and XDG_DATA_HOME choose the file otherwise.
func TestGlobalFlagsAnywhere(t *testing.T) {
	h := newHarness(t)
	seed(h)
	for _, args := range [][]string{
		{"--today", "2026-12-01", "today", "--json"},
		{"today", "--today", "2026-12-01", "--json"},
		{"today", "--json", "--today=2026-12-01"},
	} {
		if got := decode[jsonToday](t, h.ok(args...)); got.Date.String() != "2026-12-01" {
			t.Errorf("%v: date %s", args, got.Date)
		}
	}
	if out := h.ok("today", "--lang", "zh"); !strings.Contains(out, "今天") {
		t.Errorf("--lang after the command:\n%s", out)
	}

	// Without --db: SALESPLAN_DB, else $XDG_DATA_HOME/salesplan/salesplan.db.
	dir := t.TempDir()
	env := map[string]string{"SALESPLAN_TODAY": "2026-11-27", "XDG_DATA_HOME": dir}
	run := func(args ...string) int {
		var out, errb strings.Builder
		return Main(args, strings.NewReader(""), &out, &errb, func(k string) string { return env[k] })
	}
	if code := run("client", "add", "Xu"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "salesplan", "salesplan.db")); err != nil {
		t.Errorf("default path under XDG_DATA_HOME: %v", err)
	}
	env["SALESPLAN_DB"] = filepath.Join(dir, "other.db")
	if code := run("client", "add", "Xu"); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if _, err := os.Stat(env["SALESPLAN_DB"]); err != nil {
		t.Errorf("SALESPLAN_DB: %v", err)
	}
}

// TestPlannerHandOver: with no command the planner gets the opened store
// and the fixed today; a session that wrote makes the daily backup; with
// --demo it gets a throwaway database that is removed afterwards.
func TestPlannerHandOver(t *testing.T) {
	h := newHarness(t)
	var got PlannerArgs
	cfg := Config{Planner: func(p PlannerArgs) error {
		got = p
		_, err := p.Store.AddClient(model.Client{Name: "From the planner"}, p.Today)
		return err
	}, Now: func() time.Time { return h.now }} // the real clock names the backup
	var out, errb strings.Builder
	env := func(k string) string { return h.env[k] }
	if code := cfg.Main([]string{"--db", h.db}, strings.NewReader(""), &out, &errb, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got.Store == nil || got.Today.String() != "2026-11-27" || !got.Fixed || got.Demo {
		t.Errorf("planner args: %+v", got)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(h.db), "backups", "salesplan-2026-11-27.db")); err != nil {
		t.Errorf("a planner session that wrote makes the daily backup: %v", err)
	}

	before := h.dbBytes()
	if code := cfg.Main([]string{"--db", h.db, "--demo"}, strings.NewReader(""), &out, &errb, env); code != 0 {
		t.Fatalf("--demo: exit %d: %s", code, errb.String())
	}
	if !got.Demo || got.Store.Path() == h.db {
		t.Errorf("--demo planner args: %+v", got)
	}
	if _, err := os.Stat(got.Store.Path()); !os.IsNotExist(err) {
		t.Errorf("the demo database is left behind: %v", err)
	}
	if !bytesEqual(before, h.dbBytes()) {
		t.Errorf("--demo changed the real database")
	}
}

// TestRescueDamagedDatabase: `backups` and `restore` are for a database
// too damaged to open, so they must work on exactly that one: the list
// shows the daily backup and restoring it brings the data back.
func TestRescueDamagedDatabase(t *testing.T) {
	h := newHarness(t)
	seed(h) // the first write of the day made the daily backup (with 王总)
	// Keep the two meta pages only: the file is shorter than its contents.
	if err := os.Truncate(h.db, 2*int64(os.Getpagesize())); err != nil {
		t.Fatal(err)
	}
	if r := h.run("client", "list"); r.code != ExitFail {
		t.Fatalf("client list on a truncated file: exit %d, want 1 (damaged)", r.code)
	}
	if out := h.ok("backups"); !strings.Contains(out, "salesplan-2026-11-27.db") {
		t.Errorf("backups on a damaged database should list the daily backup:\n%s", out)
	}
	var daily string
	for _, b := range decode[[]map[string]any](t, h.ok("backups", "--json")) {
		if b["kind"] == "auto" {
			daily = b["path"].(string)
		}
	}
	if daily == "" {
		t.Fatal("backups --json on a damaged database lists no daily backup")
	}
	if r := h.run("restore", daily); r.code != ExitFail {
		t.Errorf("restore without --yes and no answer: exit %d, want 1", r.code)
	}
	h.ok("restore", daily, "--yes")
	if list := h.ok("client", "list"); !strings.Contains(list, "王总") {
		t.Errorf("after restoring the daily backup 王总 is back:\n%s", list)
	}
	kept := false
	for _, b := range decode[[]map[string]any](t, h.ok("backups", "--json")) {
		kept = kept || b["kind"] == "before-restore"
	}
	if !kept {
		t.Error("the damaged file was not kept as a before-restore backup")
	}

	// --db pointing at someone's document by mistake: restore refuses it
	// and leaves it as it was.
	doc := h.write("notes.txt", "Met 王总 today, he wants a quote.\n")
	h.db = doc
	if r := h.run("restore", daily, "--yes"); r.code != ExitFail {
		t.Errorf("restore over a file that is not a database: exit %d, want 1", r.code)
	}
	if got, _ := os.ReadFile(doc); string(got) != "Met 王总 today, he wants a quote.\n" {
		t.Errorf("restore replaced a file that is not a database (now %d bytes)", len(got))
	}
}

// TestCompleteClientNames: shell completion offers the live clients whose
// names start with what was typed, in any case.
func TestCompleteClientNames(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "Wang Lei")
	h.ok("client", "add", "wang Fang")
	h.ok("client", "add", "Li Ming")
	out := h.ok("__complete", "note", "wa")
	for _, want := range []string{"Wang Lei", "wang Fang"} {
		if !strings.Contains(out, want) {
			t.Errorf("completion lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Li Ming") {
		t.Errorf("completion offers a name that does not match:\n%s", out)
	}
}

// A daily task run into the last date salesplan keeps (2200-12-31) ends
// its repeat instead of making a task past the range; check is clean and
// the export imports into a new database.
func TestRepeatRunsIntoTheEndOfTheRange(t *testing.T) {
	h := newHarness(t)
	h.ok("--today", "2200-12-30", "add", "call the bank every day 2200-12-30")
	for _, day := range []string{"2200-12-30", "2200-12-31"} {
		out := h.ok("--today", day, "done", map[string]string{"2200-12-30": "1", "2200-12-31": "2"}[day])
		if day == "2200-12-31" && !strings.Contains(out, "repeat ends") {
			t.Errorf("done on the last day: %s", out)
		}
	}
	if out := h.ok("check"); !strings.Contains(out, "healthy") {
		t.Errorf("check: %s", out)
	}
	file := filepath.Join(h.dir, "end.json")
	h.ok("export", "-o", file)
	h2 := newHarness(t)
	// Done on 2200-12-30: an import on an earlier today refuses that.
	h2.ok("--today", "2200-12-31", "import", file)
	if out := h2.ok("--today", "2200-12-31", "today"); !strings.Contains(out, "the bank") {
		t.Errorf("imported today: %s", out)
	}
}

// TestClientsCSVRoundTrip: the clients CSV that export writes comes back
// whole through import — an archived client stays archived, the created
// date is kept — and the import names the columns it does not read (id),
// in the dry run and the import, in both languages.
func TestClientsCSVRoundTrip(t *testing.T) {
	src := newHarness(t)
	src.ok("client", "add", "王总", "--key", "--area", "朝阳", "--cadence", "5")
	src.ok("client", "add", "Old Li")
	src.ok("client", "edit", "Old Li", "--archived")
	file := filepath.Join(src.dir, "clients.csv")
	src.ok("export", "--format", "csv", "--kind", "clients", "-o", file)
	want, _ := os.ReadFile(file)

	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			dst := newHarness(t)
			dst.env["SALESPLAN_TODAY"] = "2027-03-01" // not the day they were created
			ignored := map[string]string{"en": "Columns not read (ignored): id", "zh": "未读取（已忽略）的列：id"}[lang]
			for _, dry := range []bool{true, false} {
				args := []string{"--lang", lang, "import", "--format", "csv", file}
				if dry {
					args = append(args, "--dry-run")
				}
				if out := dst.ok(args...); !strings.Contains(out, ignored) {
					t.Errorf("dry run %v: output does not name the ignored column:\n%s", dry, out)
				}
			}
			got := dst.ok("export", "--format", "csv", "--kind", "clients")
			if got != string(want) {
				t.Errorf("export → import → export differs:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// TestClientsCSVRefusals: a bad created_on or a malformed CSV is refused
// with its line, in the run's language (the csv package's reasons
// translated), and nothing is written.
func TestClientsCSVRefusals(t *testing.T) {
	tests := []struct {
		name, file string
		en, zh     string
	}{
		{"impossible created_on", "name,created_on\nA,2026-01-01\nB,2026-02-30\n",
			`line 3, column "created_on": "2026-02-30" is not a date (want YYYY-MM-DD)`, "第 3 行“created_on”列：“2026-02-30”不是日期（应为 YYYY-MM-DD）"},
		{"archived", "name,archived\nA,maybe\n",
			`line 2, column "archived": "maybe" is not true or false`, "第 2 行“archived”列：“maybe”不是 true 或 false"},
		{"quote", "name,phone\n\"A\"x,1\n",
			`line 2: not CSV: a quoted cell has a stray or missing "`, `第 2 行：不是 CSV：带引号的单元格中有多余或缺少的 "`},
		{"bare quote", "name,phone\nA \"x\",1\n",
			`line 2: not CSV: a " in a cell that is not quoted`, `第 2 行：不是 CSV：未加引号的单元格中有 "`},
	}
	for _, tc := range tests {
		for _, lang := range []string{"en", "zh"} {
			t.Run(tc.name+" "+lang, func(t *testing.T) {
				h := newHarness(t)
				h.ok("client", "add", "王总")
				f := h.write("c.csv", tc.file)
				before := h.dbBytes()
				r := h.run("--lang", lang, "import", "--format", "csv", f)
				want := map[string]string{"en": tc.en, "zh": tc.zh}[lang]
				if r.code != ExitFail || !strings.Contains(r.err, want) {
					t.Fatalf("exit %d, stderr %q; want 1 and %q", r.code, r.err, want)
				}
				if strings.Contains(r.err, "quoted-field") || strings.Contains(r.err, "extraneous") {
					t.Errorf("the csv package's English leaked: %s", r.err)
				}
				if !bytes.Equal(before, h.dbBytes()) {
					t.Errorf("the database changed")
				}
			})
		}
	}
}

// TestCompletionOfAnUnknownShell: a shell cobra writes no script for is
// bad usage in one line naming the shells, not the help and exit 0.
func TestCompletionOfAnUnknownShell(t *testing.T) {
	h := newHarness(t)
	for lang, want := range map[string]string{"en": `"tcsh" is not a shell salesplan completes (bash, fish, powershell, zsh)`,
		"zh": `salesplan 不为 "tcsh" 生成补全脚本（可用：bash, fish, powershell, zsh）`} {
		r := h.run("--lang", lang, "completion", "tcsh")
		if lines := stderrLines(r.err); r.code != ExitUsage || len(lines) != 2 || !strings.Contains(lines[0], want) || r.out != "" {
			t.Errorf("%s: exit %d\nstdout %q\nstderr %q\nwant 2 and %q", lang, r.code, r.out, r.err, want)
		}
	}
}

// TestDoneNoteIsNeverDropped: done --note on a to-do with a client keeps
// the note in the client's journal (a to-do records no contact); on a task
// without a client it is refused, the task left open, rather than
// reported done with the note thrown away.
func TestDoneNoteIsNeverDropped(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("add", "todo", "prepare", "samples", "@王总")
	h.ok("add", "call", "the", "bank")
	h.ok("done", "1", "--note", "samples ready, 3 boxes")
	if out := h.ok("journal", "list", "王总"); !strings.Contains(out, "samples ready, 3 boxes") || !strings.Contains(out, "note") {
		t.Errorf("the to-do's note is not in 王总's journal:\n%s", out)
	}
	before := h.dbBytes()
	r := h.run("done", "2", "--note", "bank said yes")
	if r.code != ExitFail || !strings.Contains(r.err, "no client") || !bytesEqual(before, h.dbBytes()) {
		t.Errorf("done --note on a task without a client: exit %d %q; want 1, nothing changed", r.code, r.err)
	}
	h.ok("done", "2") // without a note it is done as before
}
