package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestTodayShortIsOneLine(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "王总", "--key")
	h.ok("add", "call", "@王总", "10:00", "price list")
	h.ok("add", "visit", "@王总", "15:00", "site walk")
	h.ok("done", "1")
	h.ok("promise", "王总", "send drawings", "--due", "2026-11-20", "--on", "2026-11-10")
	for _, tc := range []struct{ lang, want string }{
		{"en", "Fri 27 Nov · calls 1/30 · visits 0/20 · tasks 1/2 · attention 1 (1 overdue)\n"},
		{"zh", "11月27日 周五 · 电话 1/30 · 拜访 0/20 · 任务 1/2 · 提醒 1（1 项承诺逾期）\n"},
	} {
		if got := h.ok("--lang", tc.lang, "today", "--short"); got != tc.want {
			t.Errorf("%s: today --short = %q, want %q", tc.lang, got, tc.want)
		}
	}
	if r := h.run("today", "--short", "--json"); r.code != 2 {
		t.Errorf("--short with --json: exit %d, want 2 (bad usage)", r.code)
	}
}

func TestHelpTopics(t *testing.T) {
	h := newHarness(t)
	for topic, want := range map[string]string{
		"quickadd": "@\"ACME Ltd\"",
		"dates":    "next mon",
		"exchange": "\"format\": \"salesplan\"",
	} {
		if out := h.ok("help", topic); !strings.Contains(out, want) {
			t.Errorf("help %s lacks %q:\n%s", topic, want, out)
		}
	}
	if out := h.ok("--lang", "zh", "help", "quickadd"); !strings.Contains(out, "快速添加") {
		t.Errorf("help quickadd in Chinese:\n%s", out)
	}
	if out := h.ok("help"); !strings.Contains(out, "quickadd, dates, exchange") {
		t.Errorf("help does not list its topics:\n%s", out)
	}
}

// TestPlainWideAsAnsi: cellWidth's own measure of wide characters agrees
// with ansi.StringWidth for each of them, alone and between ASCII.
func TestPlainWideAsAnsi(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if !plainWide(r) {
			continue
		}
		for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + string(r)} {
			if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
				t.Fatalf("cellWidth(%q) = %d, ansi says %d", s, got, want)
			}
		}
	}
	for _, s := range []string{"王总", "王总 Lakeside 1", "é", "👍🏽", "e\u0301", "\u200b", "한국어", "\t"} {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi says %d", s, got, want)
		}
	}
}
