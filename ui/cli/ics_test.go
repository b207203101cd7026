package cli

import (
	"strings"
	"testing"
)

// The bid and promise events are worded from the catalog in the user's
// language; a format verb lost on the way shows as "%!s(MISSING)".
func TestExportICSWordsBidsAndPromises(t *testing.T) {
	for _, tc := range []struct{ lang, bid, promise string }{
		{"en", "SUMMARY:Bid: Tower B", "SUMMARY:Promise to 王总: send the price list"},
		{"zh", "SUMMARY:投标：Tower B", "SUMMARY:对 王总 的承诺：send the price list"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := newHarness(t)
			h.ok("client", "add", "王总", "--key")
			h.ok("project", "add", "Tower B", "--client", "王总", "--stage", "bidding", "--bid-date", "2026-12-02")
			h.ok("promise", "王总", "send the price list", "--due", "2026-11-30")
			out := h.ok("--lang", tc.lang, "export", "--format", "ics")
			for _, want := range []string{tc.bid, tc.promise} {
				if !strings.Contains(out, want) {
					t.Errorf("missing %q in\n%s", want, out)
				}
			}
			if strings.Contains(out, "%!") {
				t.Errorf("a format verb went astray:\n%s", out)
			}
		})
	}
}
