package cli

import (
	"bytes"
	"strings"
	"testing"
)

// The work plan's rules (issue 14) on the command line. The scenario
// fixtures (testdata/scenarios) prove the numbers; these tests prove the
// commands' edges: defaults by language, bad input, the reports.

// No holiday calendar set: cn for a Chinese reader (locale, setting or
// --lang), none otherwise; the person's own days change the count.
func TestHolidaysFollowTheLanguage(t *testing.T) {
	h := newHarness(t)
	h.env["SALESPLAN_TODAY"] = "2026-10-01" // National Day, a Thursday
	seed(h)
	calls := func(args ...string) int {
		t.Helper()
		return decode[jsonToday](t, h.ok(append(args, "today", "--json")...)).Quotas.Calls.Target
	}
	if got := calls(); got != 30 {
		t.Errorf("LANG=C: calls target %d on 1 Oct, want 30 (no holidays)", got)
	}
	if got := calls("--lang", "zh"); got != 0 {
		t.Errorf("--lang zh: calls target %d on National Day, want 0", got)
	}
	if got := strings.TrimSpace(h.ok("--lang", "zh", "config", "get", "holidays")); got != "cn" {
		t.Errorf("--lang zh: config get holidays = %q", got)
	}
	h.env["LANG"] = "zh_CN.UTF-8"
	if got := calls(); got != 0 {
		t.Errorf("LANG=zh_CN: calls target %d, want 0", got)
	}
	if got := calls("--lang", "en"); got != 30 {
		t.Errorf("--lang en over LANG=zh_CN: calls target %d, want 30", got)
	}
	h.ok("config", "set", "holidays", "none")
	if got := calls(); got != 30 {
		t.Errorf("holidays none set: calls target %d, want 30", got)
	}
	h.ok("config", "set", "holidays", "")
	h.env["LANG"] = "C"
	h.ok("config", "set", "language", "zh")
	if got := calls(); got != 0 {
		t.Errorf("language zh set: calls target %d, want 0", got)
	}
	// The person's own days: National Day worked, a Friday off.
	h.ok("config", "set", "extra_workdays", "2026-10-01")
	h.ok("config", "set", "days_off", "+2026-10-09")
	h.ok("config", "set", "days_off", "+2026-10-12,2026-10-13")
	h.ok("config", "set", "days_off", "--", "-2026-10-13") // after --, a leading - is a value
	if got := strings.TrimSpace(h.ok("config", "get", "days_off")); got != "2026-10-09, 2026-10-12" {
		t.Errorf("days_off = %q", got)
	}
	if got := calls(); got != 30 {
		t.Errorf("an extra working day: calls target %d, want 30", got)
	}
	// Month 2026-10 with cn: 18 working days, + 1 Oct − 9 Oct − 12 Oct = 17.
	month := decode[jsonMonth](t, h.ok("month", "--month", "2026-10", "--json"))
	if month.Calls.Target != 17*30 {
		t.Errorf("October calls target %d, want 17 × 30", month.Calls.Target)
	}
	// A day both off and worked, or not a date: refused, nothing changed.
	before := h.dbBytes()
	for _, args := range [][]string{
		{"config", "set", "days_off", "+2026-10-01"},
		{"config", "set", "days_off", "tomorrow"},
		{"config", "set", "holidays", "us"},
	} {
		r := h.run(args...)
		if r.code != ExitFail || strings.Count(strings.TrimSpace(r.err), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.err)
		}
	}
	if !bytes.Equal(before, h.dbBytes()) {
		t.Errorf("a refused setting changed the database")
	}
}

func TestPlanRulesBadInput(t *testing.T) {
	h := newHarness(t)
	seed(h)
	for _, tc := range []struct {
		args []string
		code int
		in   string
	}{
		{[]string{"promise", "cancel", "1"}, ExitUsage, "--reason"},
		{[]string{"promise", "cancel", "1", "--reason", "  "}, ExitUsage, "--reason"},
		{[]string{"promise", "cancel", "1", "--reason", "x", "--on", "2026-12-01"}, ExitFail, "after today"},
		{[]string{"promise", "cancel", "1", "--reason", "x", "--on", "2026-11-01"}, ExitFail, "before it was made"},
		{[]string{"promise", "王总", "late", "--due", "2026-11-20"}, ExitFail, "before it was made"},
		{[]string{"promise", "keep", "1", "--on", "2026-11-26"}, ExitFail, "before it was made"},
		{[]string{"log", "call", "--prospect"}, ExitUsage, ""},
		{[]string{"log", "call", "--prospect", "张工", "--project", "Tower A"}, ExitUsage, "no project"},
		{[]string{"project", "add", "X", "--client", "王总", "--stage", "design", "--signed-on", "2026-11-01"}, ExitFail, "contract or a later stage"},
		{[]string{"project", "add", "X", "--client", "王总", "--stage", "contract", "--on", "2026-12-01"}, ExitFail, "after today"},
		{[]string{"target", "set", "--year", "2026", "--sales", "100"}, ExitFail, ""},
		{[]string{"report", "quarter"}, ExitUsage, ""},
		{[]string{"report", "day", "--on", "someday"}, ExitFail, "not a date"},
	} {
		if tc.args[0] == "target" {
			h.ok("target", "set", "--month", "2026-05", "200")
		}
		before := h.dbBytes()
		r := h.run(tc.args...)
		if r.code != tc.code || !strings.Contains(r.err, tc.in) || strings.Count(strings.TrimSpace(r.err), "\n") > 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", tc.args, r.code, r.err, tc.code, tc.in)
		}
		if !bytes.Equal(before, h.dbBytes()) {
			t.Errorf("%v failed but changed the database", tc.args)
		}
	}
}

// report week is the review; report day and month are Markdown with their
// headings, in both languages, and --on picks the day.
func TestReports(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("log", "call", "--prospect", "tender site: 张工")
	h.ok("log", "visit", "王总", "measured the hall")
	if week, review := h.ok("report", "week"), h.ok("review"); week != review {
		t.Errorf("report week differs from review:\n%s\n---\n%s", week, review)
	}
	day := h.ok("report", "day")
	for _, want := range []string{"# Daily record · Fri 27 Nov 2026", "call · prospect: tender site: 张工", "visit · 王总: measured the hall",
		"Promised 王总: send the quote (due 30 Nov)", "## Plan for Mon 30 Nov", "| Calls | 1/30 (3%) |"} {
		if !strings.Contains(day, want) {
			t.Errorf("report day lacks %q:\n%s", want, day)
		}
	}
	if zh := h.ok("--lang", "zh", "report", "day"); !strings.Contains(zh, "# 日报 · 2026年11月27日 周五") || !strings.Contains(zh, "潜在客户") {
		t.Errorf("report day in Chinese:\n%s", zh)
	}
	if other := h.ok("report", "day", "--on", "2026-11-26"); !strings.Contains(other, "Thu 26 Nov 2026") || strings.Contains(other, "张工") {
		t.Errorf("report day --on 2026-11-26:\n%s", other)
	}
	month := h.ok("report", "month")
	for _, want := range []string{"# Monthly review · November 2026", "Q4 to date (1 Oct – 30 Nov)", "| Calls | 1/630 (0%) |"} {
		if !strings.Contains(month, want) {
			t.Errorf("report month lacks %q:\n%s", want, month)
		}
	}
}
