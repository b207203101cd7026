package cli

import (
	"strings"
	"testing"
)

// `salesplan review` prints the week's review as Markdown, the same numbers
// as `week`, in the chosen language, and the week is chosen with --week.
func TestReviewCommand(t *testing.T) {
	h := newHarness(t)
	h.ok("target", "set", "--year", "2026", "--sales", "1200000")
	h.ok("client", "add", "王总", "--key")
	h.ok("client", "add", "Quiet *Key*", "--key")
	h.ok("log", "call", "王总", "报价", "--on", "2026-11-24")
	h.ok("promise", "王总", "送样品", "--due", "2026-12-01")
	h.ok("project", "add", "Tower [A]", "--client", "王总", "--stage", "bidding", "--bid-date", "2026-12-02")

	out := h.ok("review")
	for _, want := range []string{
		"# Weekly review · 2026-W48 (23 Nov – 29 Nov)",
		"| Calls | 1/150 (1%) |",
		"| Tue 24 Nov | `█░░░░░░░░░` 1/30 |",
		"- Quiet \\*Key\\*, never contacted",
		"- Tue 1 Dec promise due: 王总, 送样品",
		"- Wed 2 Dec bid: Tower \\[A\\] (王总)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("review lacks %q:\n%s", want, out)
		}
	}
	if zh := h.ok("review", "--lang", "zh"); !strings.Contains(zh, "# 周回顾 · 2026-W48（11月23日 – 11月29日）") {
		t.Errorf("Chinese review:\n%s", zh)
	}
	if prev := h.ok("review", "--week", "2026-11-18"); !strings.Contains(prev, "2026-W47") || !strings.Contains(prev, "| Calls | 0/150 (0%) |") {
		t.Errorf("--week 2026-11-18:\n%s", prev)
	}
	if r := h.run("review", "--week", "someday"); r.code != 1 && r.code != 2 {
		t.Errorf("a bad --week exits %d", r.code)
	}
}
