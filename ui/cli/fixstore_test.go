package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// projectsAtLimit is an exchange document with n projects of value 10^13
// (the limit), all signed on 2026-12-01, and a year target of 10^13.
func projectsAtLimit(n int) string {
	var b strings.Builder
	b.WriteString(`{"format":"salesplan","version":2,"settings":{"annual_targets":{"2026":10000000000000}},` +
		`"clients":[{"id":1,"name":"X","tier":"key","created_on":"2026-11-01"}],"projects":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d,"name":"P%d","client_id":1,"value":10000000000000,"stage":"contract",`+
			`"signed_on":"2026-12-01","stage_history":[{"stage":"contract","on":"2026-12-01"}]}`, i+1, i)
	}
	b.WriteString(`]}`)
	return b.String()
}

// Signed sums of many projects at the money limit: the percentage is the
// true one, and a sum past the int64 range is shown as "at least".
func TestSignedSumsAtTheLimit(t *testing.T) {
	for _, tt := range []struct {
		n         int
		report    string // in report month's Signed row
		atLeast   bool
		jsonValue string
	}{
		{100, "$1,000,000,000,000,000 of $833,333,333,333.34 (120000%)", false, "1000000000000000"},
		{1000, "$10,000,000,000,000,000 of $833,333,333,333.34 (1200000%)", false, "10000000000000000"},
		{12000, "≥$92,233,720,368,547,758.07 of $833,333,333,333.34 (≥11068046%)", true, "92233720368547758.07"},
	} {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			h := newHarness(t)
			h.env["SALESPLAN_TODAY"] = "2026-12-02"
			h.ok("import", h.write("p.json", projectsAtLimit(tt.n)))
			if out := h.ok("report", "month"); !strings.Contains(out, "| Signed | "+tt.report+" |") {
				t.Errorf("report month: want %q in\n%s", tt.report, firstLines(out, 12))
			}
			today := h.ok("today")
			if got := strings.Contains(today, "Signed this month ≥$"); got != tt.atLeast {
				t.Errorf("today says at least = %v, want %v:\n%s", got, tt.atLeast, firstLines(today, 3))
			}
			if got := strings.Contains(h.ok("target", "show"), "signed ≥$"); got != tt.atLeast {
				t.Errorf("target show says at least = %v, want %v", got, tt.atLeast)
			}
			var month struct {
				Signed struct {
					Value        json.Number `json:"value"`
					ValueAtLeast bool        `json:"value_at_least"`
				} `json:"signed"`
			}
			dec := json.NewDecoder(strings.NewReader(h.ok("month", "--json")))
			dec.UseNumber()
			if err := dec.Decode(&month); err != nil {
				t.Fatal(err)
			}
			if string(month.Signed.Value) != tt.jsonValue || month.Signed.ValueAtLeast != tt.atLeast {
				t.Errorf("month --json signed = %s (at least %v), want %s (%v)", month.Signed.Value, month.Signed.ValueAtLeast, tt.jsonValue, tt.atLeast)
			}
		})
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
