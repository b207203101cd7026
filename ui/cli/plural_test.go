package cli

import (
	"strings"
	"testing"
)

// TestCountsReadForOneAndMany: what the command line prints with a count
// reads right for one ("1 day overdue", "Added 1 client") and for many.
func TestCountsReadForOneAndMany(t *testing.T) {
	h := newHarness(t) // today is Friday 2026-11-27
	h.ok("client", "add", "Zhao", "--key")
	h.ok("client", "add", "Qian")
	h.ok("promise", "Qian", "one day late", "--due", "2026-11-26", "--on", "2026-11-20")
	h.ok("promise", "Qian", "three days late", "--due", "2026-11-24", "--on", "2026-11-20")
	one := h.write("one.csv", "name\nSun\n")
	two := h.write("two.csv", "name\nLi\nZhou\n")

	for _, s := range []struct {
		name      string
		args      []string
		want, not string
	}{
		{"overdue promises", []string{"promise", "list"}, "1 day overdue", "1 days"},
		{"overdue promises, many", []string{"promise", "list"}, "3 days overdue", ""},
		{"attention", []string{"today"}, "due 2026-11-26, 1 day overdue", "1 days"},
		{"a key client a day overdue", []string{"client", "list", "--today", "2026-12-05"}, "(1 day overdue)", "1 days"},
		{"a key client three days overdue", []string{"client", "list", "--today", "2026-12-07"}, "(3 days overdue)", ""},
		{"kept a day late", []string{"promise", "keep", "1"}, "1 day late", "1 days"},
		{"kept three days late", []string{"promise", "keep", "2"}, "3 days late", ""},
		{"reliability of one", []string{"promise", "list", "--all", "--today", "2026-11-25"}, "of 1 promise due", "1 promises"},
		{"one client from CSV", []string{"import", "--format", "csv", "--kind", "clients", one}, "Added 1 client, skipped 0.", "1 clients"},
		{"two clients from CSV", []string{"import", "--format", "csv", "--kind", "clients", "--dry-run", two}, "would add 2 clients", ""},
		{"one visit", []string{"log", "visit", "Zhao"}, "", ""},
		{"today with one visit", []string{"today"}, "(1 visit)", "1 visits"},
		{"a week with one visit", []string{"week"}, "(1 visit)", "1 visits"},
		{"a second visit", []string{"log", "visit", "Qian"}, "", ""},
		{"today with two visits", []string{"today"}, "(2 visits)", ""},
		{"cadence of a day", []string{"client", "edit", "Zhao", "--cadence", "1"}, "1 day", "1 days"},
		{"shown every day", []string{"client", "show", "Zhao"}, "every day ·", "every 1 day"},
	} {
		t.Run(s.name, func(t *testing.T) {
			out := h.ok(s.args...)
			if s.want != "" && !strings.Contains(out, s.want) {
				t.Errorf("salesplan %s: want %q in\n%s", strings.Join(s.args, " "), s.want, out)
			}
			if s.not != "" && strings.Contains(out, s.not) {
				t.Errorf("salesplan %s: %q in\n%s", strings.Join(s.args, " "), s.not, out)
			}
		})
	}
}
