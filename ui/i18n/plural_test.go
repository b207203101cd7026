package i18n

import (
	"regexp"
	"strings"
	"testing"
)

// TestN: the singular for exactly one, the other form for zero and many,
// and the other form when a message has no singular.
func TestN(t *testing.T) {
	for _, tt := range []struct {
		lang Lang
		key  string
		n    int
		want string
	}{
		{EN, "rel.days_overdue", 1, "1 day overdue"},
		{EN, "rel.days_overdue", 2, "2 days overdue"},
		{EN, "rel.days_overdue", 0, "0 days overdue"},
		{ZH, "rel.days_overdue", 1, "逾期1天"},
		{EN, "cli.csv.clients", 1, "1 client"},
		{EN, "cli.csv.clients", 12, "12 clients"},
		{EN, "cli.today.tasks", 1, "Tasks (1)"}, // no singular: the one text
		{EN, "day.repeat.days", 1, "every day"}, // the singular drops the count
		{EN, "day.repeat.days", 3, "every 3 days"},
		{EN, "first.done.calls", 1, "1 call a day"},
		{ZH, "first.done.calls", 1, "每天 1 个电话"},
	} {
		if got := tt.lang.N(tt.key, tt.n, tt.n); got != tt.want {
			t.Errorf("%s N(%s, %d) = %q, want %q", tt.lang, tt.key, tt.n, got, tt.want)
		}
	}
}

// TestSingularsHaveTheirPlural: a key_one is the singular of key, which
// exists, and takes no argument key does not.
func TestSingularsHaveTheirPlural(t *testing.T) {
	for _, k := range Keys() {
		base, ok := strings.CutSuffix(k, pluralOne)
		if !ok {
			continue
		}
		many, found := Lookup(base)
		if !found {
			t.Errorf("%s: no %s for the other counts", k, base)
			continue
		}
		one, _ := Lookup(k)
		all := ArgIndexes(many.EN)
		for i := range ArgIndexes(one.EN) {
			if !all[i] {
				t.Errorf("%s takes argument %d, which %s does not", k, i, base)
			}
		}
	}
}

// countedRE finds a count followed by an English plural noun ("%d days",
// "%d more carried-over tasks"): such a message needs a singular.
var countedRE = regexp.MustCompile(`%(\[\d+\])?d (more )?([a-z-]+ )?(days|weeks|tasks|clients|promises|visits|calls|conflicts|requests|problems|items|entries|lines|rows|projects|notes|months|files|backups)\b`)

// TestCountsHavePlurals: every message the planner or the command line
// shows with a counted noun has a singular (the review found "1 days
// overdue", "Added 1 clients", "Moved 1 tasks"). A message whose count is
// never 1 is listed here.
func TestCountsHavePlurals(t *testing.T) {
	neverOne := map[string]string{
		"rel.in_days":               "Relative says tomorrow for 1",
		"rel.days_ago":              "DaysAgo says rel.day_ago for 1",
		"week.weeks_ago":            "Week says last week for 1",
		"week.weeks_ahead":          "Week says next week for 1",
		"form.paste_too_many_lines": "only past noteMaxLines (10,000)",
	}
	for _, k := range Keys() {
		if strings.HasSuffix(k, pluralOne) || neverOne[k] != "" {
			continue
		}
		m, _ := Lookup(k)
		if countedRE.MatchString(m.EN) && !Has(k+pluralOne) {
			t.Errorf("%s counts %q but has no %s%s", k, countedRE.FindString(m.EN), k, pluralOne)
		}
	}
}
