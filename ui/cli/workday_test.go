package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// seedWorkday: two clients with history, a project, a promise overdue and
// one ahead, tasks ahead.
func seedWorkday(h *harness) {
	h.t.Helper()
	h.ok("client", "add", "王总", "--key", "--area", "朝阳", "--phone", "138 0000 1234", "--company", "宏达机电",
		"--interests", "钓鱼", "--referred-by", "李工")
	h.ok("client", "add", "ACME Trading", "--area", "Haidian")
	h.ok("note", "王总", "王总女儿明年高考，别约周末", "--today", "2026-11-20")
	h.ok("log", "call", "王总", "问了冷站改造的进度", "--on", "2026-11-25")
	h.ok("log", "visit", "ACME Trading", "Walked the plant; they want a Quotation", "--on", "2026-11-26")
	h.ok("log", "call", "ACME Trading", "Confirmed the quote arrived")
	h.ok("project", "add", "朝阳医院冷站改造", "--client", "王总", "--stage", "design", "--value", "500000")
	h.ok("promise", "王总", "发报价单", "--due", "2026-11-25", "--on", "2026-11-20")
	h.ok("promise", "王总", "送样本", "--due", "2026-12-03")
	h.ok("add", "visit", "@王总", "12-01", "14:00", "送样本")
	h.ok("add", "整理报价模板")
}

func TestSearchCommand(t *testing.T) {
	h := newHarness(t)
	seedWorkday(h)
	out := h.ok("search", "高考")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "2026-11-20") || !strings.Contains(lines[0], "王总女儿明年高考，别约周末") ||
		!strings.Contains(lines[0], "note") || !strings.Contains(lines[0], "王总") {
		t.Errorf("search 高考:\n%s", out)
	}
	// Newest first, every kind: today's todo, then the promise made on 11-20.
	out = h.ok("search", "报价")
	if i, j := strings.Index(out, "整理报价模板"), strings.Index(out, "发报价单"); i < 0 || j < 0 || i > j {
		t.Errorf("search 报价 (the inbox task first, then the promise):\n%s", out)
	}
	if out := h.ok("search", "quot"); strings.Count(out, "\n") != 2 {
		t.Errorf("quot finds Quotation and quote:\n%s", out)
	}
	h.ok("project", "add", "Depot", "--client", "ACME Trading", "--owner", "城建集团")
	if out := h.ok("search", "城建"); !strings.Contains(out, "Depot · Owner: 城建集团") {
		t.Errorf("a project found by its owner is named:\n%s", out)
	}
	h.ok("promise", "cancel", "1", "--reason", "改用国产泵")
	if out := h.ok("search", "国产泵"); !strings.Contains(out, "发报价单 · Cancelled because: 改用国产泵") {
		t.Errorf("a promise found by its cancel reason:\n%s", out)
	}
	if out := h.ok("search", "13800001234"); !strings.Contains(out, "Phone: 138 0000 1234") {
		t.Errorf("a phone without spaces:\n%s", out)
	}
	if out := h.ok("--lang", "zh", "search", "钓鱼"); !strings.Contains(out, "兴趣话题：钓鱼") || !strings.Contains(out, "客户") {
		t.Errorf("zh: a client found by interests:\n%s", out)
	}
	if out := h.ok("search", "报价", "--kind", "task"); strings.Count(out, "\n") != 1 || !strings.Contains(out, "整理报价模板") {
		t.Errorf("--kind task:\n%s", out)
	}
	if out := h.ok("--lang", "zh", "search", "报价", "--kind", "承诺"); !strings.Contains(out, "发报价单") || strings.Contains(out, "模板") {
		t.Errorf("--kind in Chinese:\n%s", out)
	}
	out = h.ok("search", "王总", "--limit", "1")
	if lines := strings.Split(strings.TrimRight(out, "\n"), "\n"); len(lines) != 2 || !strings.Contains(lines[1], "--limit") {
		t.Errorf("--limit 1 says there are more:\n%s", out)
	}
	if out := h.ok("search", "nothing", "like", "this"); !strings.Contains(out, "Nothing matches") {
		t.Errorf("no match:\n%s", out)
	}

	hits := decode[[]map[string]any](t, h.ok("search", "高考", "--json"))
	want := sorted("kind", "entry_kind", "id", "client_id", "client", "title", "date", "field", "snippet", "match")
	if len(hits) != 1 || !slices.Equal(keysOf(hits[0]), want) {
		t.Fatalf("JSON keys: %v", hits)
	}
	if hits[0]["kind"] != "note" || hits[0]["entry_kind"] != "note" || hits[0]["client"] != "王总" ||
		hits[0]["date"] != "2026-11-20" || hits[0]["match"] != "高考" || hits[0]["field"] != "text" || hits[0]["title"] != nil {
		t.Errorf("JSON hit: %v", hits[0])
	}
	if hits := decode[[]map[string]any](t, h.ok("search", "整理", "--json")); len(hits) != 1 || hits[0]["client"] != nil ||
		hits[0]["client_id"] != nil || hits[0]["entry_kind"] != nil || hits[0]["kind"] != "task" || hits[0]["date"] != "2026-11-27" ||
		hits[0]["title"] != "整理报价模板" {
		t.Errorf("a todo without a client: %v", hits)
	}
}

// Text from users reaches the terminal inert through the new commands.
func TestWorkdayOutputIsInert(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "Evil\x1b[31mRed", "--phone", "1\x1b[2J38", "--needs", "x\u202eevil")
	h.ok("note", "Evil", "高考\x1b]8;;http://x\x07Link\x1b]8;;\x07 and \x1b[2Jmore\rOver")
	h.ok("promise", "Evil", "pay\x1b[2J back", "--due", "today")
	h.ok("add", "call", "@Evil", "\x1b[5mblink")
	h.ok("project", "add", "P\x1b[1mroject", "--client", "Evil")
	for _, args := range [][]string{{"search", "高考"}, {"search", "高考", "--json"}, {"search", "evil"},
		{"client", "show", "Evil"}, {"client", "show", "Evil", "--json"}, {"journal", "list", "Evil"},
		{"journal", "list", "--json"}, {"today", "--status"}} {
		out := h.ok(args...)
		if strings.ContainsAny(out, "\x1b\x07\r\u202e") || strings.Contains(out, `\u001b`) {
			t.Errorf("%v passes a control sequence through: %q", args, out)
		}
	}
	out := h.ok("client", "show", "Evil")
	for _, want := range []string{"EvilRed", "138", "xevil", "pay back", "Project", "blink"} {
		if !strings.Contains(out, want) {
			t.Errorf("client show lost the visible text %q:\n%s", want, out)
		}
	}
}

func TestClientShow(t *testing.T) {
	h := newHarness(t)
	seedWorkday(h)
	out := h.ok("client", "show", "王总")
	for _, want := range []string{"王总 (#1) · key", "Phone", "138 0000 1234", "宏达机电", "Referred by", "李工",
		"every 7 days · last contact 2026-11-25", "问了冷站改造的进度", "王总女儿明年高考",
		"Open promises (2)", "发报价单", "2 days overdue", "送样本", "朝阳医院冷站改造", "design", "Tasks ahead (1)", "2026-12-01 14:00"} {
		if !strings.Contains(out, want) {
			t.Errorf("client show lacks %q:\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, "问了冷站改造"), strings.Index(out, "女儿明年高考"); i > j {
		t.Errorf("journal newest first:\n%s", out)
	}
	if out := h.ok("client", "show", "王总", "--last", "1"); strings.Contains(out, "高考") {
		t.Errorf("--last 1 shows only the latest entry:\n%s", out)
	}
	if out := h.ok("--lang", "zh", "client", "show", "acme"); !strings.Contains(out, "ACME Trading（#2）· 一般客户") ||
		!strings.Contains(out, "没有待兑现的承诺") || !strings.Contains(out, "区域") {
		t.Errorf("zh, by prefix:\n%s", out)
	}
	c := decode[map[string]any](t, h.ok("client", "show", "王总", "--json"))
	want := sorted("id", "name", "tier", "company", "area", "phone", "business", "needs", "decision_maker", "interests",
		"referred_by", "cadence_days", "created_on", "archived", "last_contact", "next_followup", "due", "scheduled",
		"days_overdue", "journal", "promises", "projects", "tasks")
	if !slices.Equal(keysOf(c), want) {
		t.Fatalf("client show --json keys %v", keysOf(c))
	}
	if c["phone"] != "138 0000 1234" || c["business"] != nil || c["last_contact"] != "2026-11-25" ||
		len(c["journal"].([]any)) != 2 || len(c["promises"].([]any)) != 2 || len(c["projects"].([]any)) != 1 ||
		len(c["tasks"].([]any)) != 1 {
		t.Errorf("client show --json: %v", c)
	}
	entry := c["journal"].([]any)[0].(map[string]any)
	if !slices.Equal(keysOf(entry), sorted("id", "kind", "date", "at", "client_id", "client", "project", "text")) ||
		entry["kind"] != "call" || entry["date"] != "2026-11-25" {
		t.Errorf("journal entry JSON: %v", entry)
	}
}

func TestJournalList(t *testing.T) {
	h := newHarness(t)
	seedWorkday(h)
	out := h.ok("journal", "list", "王总")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "2026-11-25") || !strings.Contains(lines[1], "高考") {
		t.Errorf("journal list 王总 (newest first):\n%s", out)
	}
	// No client: today's entries; --on: that day's.
	if out := h.ok("journal", "list"); !strings.Contains(out, "Confirmed the quote") || strings.Count(out, "\n") != 1 {
		t.Errorf("journal list (today):\n%s", out)
	}
	if out := h.ok("journal", "list", "--on", "2026-11-26"); !strings.Contains(out, "Walked the plant") || !strings.Contains(out, "visit") {
		t.Errorf("journal list --on:\n%s", out)
	}
	if out := h.ok("journal", "list", "王总", "--on", "2026-11-26"); !strings.Contains(out, "No journal entries") {
		t.Errorf("王总 had nothing on 11-26:\n%s", out)
	}
	if out := h.ok("journal", "list", "acme", "--limit", "1"); strings.Count(out, "\n") != 1 || !strings.Contains(out, "Confirmed") {
		t.Errorf("--limit 1:\n%s", out)
	}
	if out := h.ok("--lang", "zh", "journal", "list", "王总"); !strings.Contains(out, "电话") || !strings.Contains(out, "笔记") {
		t.Errorf("zh kinds:\n%s", out)
	}
	rows := decode[[]map[string]any](t, h.ok("journal", "list", "--on", "yesterday", "--json"))
	if len(rows) != 1 || rows[0]["client"] != "ACME Trading" || rows[0]["kind"] != "visit" || rows[0]["date"] != "2026-11-26" {
		t.Errorf("journal list --json: %v", rows)
	}
	if rows := decode[[]map[string]any](t, h.ok("journal", "list", "--on", "2020-01-01", "--json")); len(rows) != 0 {
		t.Errorf("an empty day is []: %v", rows)
	}
}

func TestTodayStatus(t *testing.T) {
	h := newHarness(t)
	if got := h.ok("today", "--status"); got != "calls 0/30 · visits 0/20\n" {
		t.Errorf("empty database: %q", got)
	}
	seedWorkday(h)
	for _, tc := range []struct{ lang, want string }{
		{"en", "calls 1/30 · visits 1/20 · overdue 1 · attention 1\n"},
		{"zh", "电话 1/30 · 拜访 1/20 · 逾期承诺 1 · 提醒 1\n"},
	} {
		if got := h.ok("--lang", tc.lang, "today", "--status"); got != tc.want {
			t.Errorf("%s: today --status = %q, want %q", tc.lang, got, tc.want)
		}
	}
	for _, other := range []string{"--json", "--short"} {
		if r := h.run("today", "--status", other); r.code != ExitUsage {
			t.Errorf("--status with %s: exit %d, want 2", other, r.code)
		}
	}
}

// Bad input to the new commands: one line on stderr, exit 1, nothing on
// stdout, the database file unchanged.
func TestWorkdayFailures(t *testing.T) {
	h := newHarness(t)
	seedWorkday(h)
	h.ok("client", "add", "Wang Lei")
	h.ok("client", "add", "Wang Fang")
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"search punctuation only", []string{"search", "，。!!"}, []string{"nothing to search"}},
		{"search escapes only", []string{"search", "\x1b]0;x\a"}, []string{"nothing to search"}},
		{"search bad kind", []string{"search", "报价", "--kind", "email"}, []string{"email", "client, note"}},
		{"show unknown client", []string{"client", "show", "Nobody"}, []string{"Nobody"}},
		{"show ambiguous client", []string{"client", "show", "wang"}, []string{"Wang Lei", "Wang Fang"}},
		{"journal unknown client", []string{"journal", "list", "Nobody"}, []string{"Nobody"}},
		{"journal bad date", []string{"journal", "list", "--on", "2026-02-30"}, []string{"2026-02-30"}},
		{"zh search bad kind", []string{"--lang", "zh", "search", "x", "--kind", "邮件"}, []string{"邮件"}},
	} {
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
			if strings.Contains(lines[0], "!cli.") || strings.Contains(lines[0], "!err.") {
				t.Errorf("a catalog key is missing: %q", lines[0])
			}
			if r.out != "" {
				t.Errorf("stdout should be empty on failure, got %q", r.out)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Errorf("the database file changed")
			}
		})
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"search without text", []string{"search"}},
		{"show without client", []string{"client", "show"}},
		{"journal list two clients", []string{"journal", "list", "王总", "acme"}},
		{"journal alone", []string{"journal"}},
		{"search limit not a number", []string{"search", "x", "--limit", "many"}},
		// A flag's value out of its range is bad usage too, like one of
		// the wrong type (DESIGN §3: 2 bad usage).
		{"search limit 0", []string{"search", "报价", "--limit", "0"}},
		{"search limit too big", []string{"search", "报价", "--limit", "1001"}},
		{"show negative --last", []string{"client", "show", "王总", "--last", "-1"}},
		{"journal negative limit", []string{"journal", "list", "--limit", "-2"}},
		{"journal limit past int", []string{"journal", "list", "--limit", "99999999999999999999"}},
		{"completion of an unknown shell", []string{"completion", "tcsh"}},
		{"completion alone", []string{"completion"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := h.dbBytes()
			if r := h.run(tc.args...); r.code != ExitUsage || len(stderrLines(r.err)) != 2 {
				t.Errorf("exit %d, want 2 with the error and a hint:\n%s", r.code, r.err)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Errorf("the database file changed")
			}
		})
	}
}

func TestWorkdayCompletion(t *testing.T) {
	h := newHarness(t)
	seedWorkday(h)
	for _, tc := range []struct {
		args []string
		want []string
		not  string
	}{
		{[]string{"client", "show", "王"}, []string{"王总"}, "ACME"},
		{[]string{"journal", "list", "a"}, []string{"ACME Trading"}, "王总"},
		{[]string{"search", "x", "--kind", "p"}, []string{"promise", "project"}, "client"},
	} {
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

// TestTodayCarriedOverLimit: with more than 20 carried-over tasks, today
// lists the 20 most important (important first, then the oldest) and says
// how many more there are and how to see them; --all lists every one;
// --json keeps the whole list.
func TestTodayCarriedOverLimit(t *testing.T) {
	h := newHarness(t)
	for i := range 24 {
		args := []string{"add", fmt.Sprintf("old chore %02d", i), fmt.Sprintf("2026-11-%02d", 1+i)}
		if i == 23 {
			args = append(args, "!") // the newest, but important: shown first
		}
		h.ok(args...)
	}
	h.ok("add", "today's own task", "today")
	out := h.ok("today")
	if !strings.Contains(out, "Tasks (25)") {
		t.Errorf("the heading does not count every task:\n%s", out)
	}
	for _, want := range []string{"old chore 23", "old chore 00", "old chore 18", "today's own task",
		"… and 4 more carried-over tasks (salesplan today --all lists them)"} {
		if !strings.Contains(out, want) {
			t.Errorf("today does not show %q:\n%s", want, out)
		}
	}
	for _, hidden := range []string{"old chore 19", "old chore 22"} {
		if strings.Contains(out, hidden) {
			t.Errorf("today shows %q, past the 20 most important:\n%s", hidden, out)
		}
	}
	if strings.Index(out, "old chore 23") > strings.Index(out, "old chore 00") {
		t.Errorf("the important task is not first:\n%s", out)
	}
	all := h.ok("today", "--all")
	if !strings.Contains(all, "old chore 22") || strings.Contains(all, "more carried-over") {
		t.Errorf("today --all does not list every task:\n%s", all)
	}
	var doc struct {
		Tasks []json.RawMessage `json:"tasks"`
	}
	if err := json.Unmarshal([]byte(h.ok("today", "--json")), &doc); err != nil || len(doc.Tasks) != 25 {
		t.Errorf("today --json: %d tasks (%v), want all 25", len(doc.Tasks), err)
	}
	h.env["LANG"] = "zh_CN.UTF-8"
	if zh := h.ok("today"); !strings.Contains(zh, "还有 4 条顺延任务") {
		t.Errorf("the Chinese line is missing:\n%s", zh)
	}
}

// TestTodayListsTheInbox: a task whose date was cleared (task edit --date
// "") is listed by today in an Inbox section after the day's tasks, the
// first few (important first, then the oldest) and how many more; --all
// lists every one, in both languages.
func TestTodayListsTheInbox(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "today's own task", "today")
	for i := range 7 {
		h.ok("add", fmt.Sprintf("idea %d", i), "today")
	}
	for id := 2; id <= 8; id++ {
		h.ok("task", "edit", fmt.Sprint(id), "--date", "")
	}
	h.ok("task", "edit", "8", "--important=true")
	out := h.ok("today")
	for _, want := range []string{"Tasks (1)", "today's own task", "Inbox, no date (7)", "idea 6", "idea 0", "idea 3",
		"… and 2 more in the inbox (salesplan today --all lists them)"} {
		if !strings.Contains(out, want) {
			t.Errorf("today does not show %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "idea 4") || strings.Contains(out, "idea 5") {
		t.Errorf("today shows more than the first 5 inbox tasks:\n%s", out)
	}
	if strings.Index(out, "idea 6") > strings.Index(out, "idea 0") || strings.Index(out, "today's own task") > strings.Index(out, "Inbox") {
		t.Errorf("the inbox is out of order (the day's tasks, then the important idea first):\n%s", out)
	}
	if all := h.ok("today", "--all"); !strings.Contains(all, "idea 5") || strings.Contains(all, "more in the inbox") {
		t.Errorf("today --all does not list the whole inbox:\n%s", all)
	}
	h.env["LANG"] = "zh_CN.UTF-8"
	if zh := h.ok("today"); !strings.Contains(zh, "收件箱，无日期（7）") || !strings.Contains(zh, "收件箱还有 2 条") {
		t.Errorf("the Chinese inbox is missing:\n%s", zh)
	}
}
