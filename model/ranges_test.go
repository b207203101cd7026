package model

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func TestNameKeyCatchesLookAlikes(t *testing.T) {
	same := []string{
		"ACME Ltd",
		"acme ltd",
		"ACME Ltd\u200b",       // zero-width space
		"\u200bACME\u200d Ltd", // zero-width space and joiner
		"ACME  Ltd",            // two spaces
		"ACME\u00a0Ltd",        // no-break space
		"ACME\u3000Ltd",        // ideographic space
		" ACME Ltd\t",
		"\u202eACME Ltd\u202c", // bidi override and pop
		"ACME\u2066 Ltd\u2069", // bidi isolate
		"ACME\x1b[31m Ltd",     // an escape sequence shows as nothing
		"ACME\ufeff Ltd",       // BOM
		"ACME Ltd\U000E0001",   // a tag character
		"ACME\ufe0f Ltd",       // a variation selector after a letter
		"ACME\u3164 Ltd",       // a Hangul filler
	}
	want := NameKey("ACME Ltd")
	for _, s := range same {
		if got := NameKey(s); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"ACME Ltd.", "ACME Co", "ACMELtd", "王总"} {
		if NameKey(s) == want {
			t.Errorf("NameKey(%q) = %q: a different name taken for ACME Ltd", s, want)
		}
	}
}

func TestCleanNameKeepsWhatShows(t *testing.T) {
	for in, want := range map[string]string{
		"ACME Ltd\u200b":     "ACME Ltd",
		"  王总 \u200e":        "王总",
		"A  B":               "A  B", // spaces inside stay as typed
		"\u200b\u200c\u2060": "",
		"Zoë":                "Zoë",
	} {
		if got := CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEmptyNamesRefused(t *testing.T) {
	for _, name := range []string{"", "  ", "\u200b", "\u200b\u200d\ufeff", "\u202e\u202c", "\x1b[2J", "\x07",
		"\U000E0001", "\ufe0f", "\u115f\u3164\uffa0", "\u2800", "\U0001D173", "\ufff9"} {
		c := Client{Name: name, CreatedOn: MakeDate(2026, 1, 1)}
		if p := ProblemOf(c.Validate()); p == nil || p.Code != "empty_name" || p.Field != "name" {
			t.Errorf("client named %q: %v, want empty_name on name", name, p)
		}
		pr := Project{Name: name, ClientID: 1, StageHistory: []StageEntry{{StageLead, MakeDate(2026, 1, 1)}}}
		if p := ProblemOf(pr.Validate()); p == nil || p.Code != "empty_name" {
			t.Errorf("project named %q: %v, want empty_name", name, p)
		}
	}
	c := Client{Name: "\u200bACME Ltd\u200b", CreatedOn: MakeDate(2026, 1, 1)}
	if err := c.Validate(); err != nil || c.Name != "ACME Ltd" {
		t.Errorf("Validate = %v, name %q; want the name cleaned", err, c.Name)
	}
}

func TestSumMoneyNeverWraps(t *testing.T) {
	many := make([]Money, 2_000_000)
	for i := range many {
		many[i] = MaxMoney
	}
	if got := SumMoney(many...); got != math.MaxInt64 {
		t.Errorf("sum of 2e6 × MaxMoney = %d, want saturation at %d", got, int64(math.MaxInt64))
	}
	if got := SumMoney(MaxMoney, MaxMoney, -MaxMoney); got != MaxMoney {
		t.Errorf("small sum = %d", got)
	}
	if got := Money(math.MinInt64 + 5).Plus(-10); got != math.MinInt64 {
		t.Errorf("negative saturation = %d", got)
	}
	// 9 000 values at the limit still sum exactly.
	if got := SumMoney(many[:9_000]...); got != 9_000*MaxMoney {
		t.Errorf("9000 × MaxMoney = %d, want %d", got, 9_000*MaxMoney)
	}
}

func TestDateRangeInEveryKind(t *testing.T) {
	before, after := MinDate-1, MaxDate+1
	ok := MakeDate(2026, 1, 1)
	at := func(d Date) time.Time { return d.Time(time.UTC).Add(10 * time.Hour) }
	cases := []struct {
		name  string
		err   error
		field string
	}{
		{"client created", (&Client{Name: "A", CreatedOn: after}).Validate(), "created_on"},
		{"task date", (&Task{Title: "t", Date: before}).Validate(), "date"},
		{"task done on", (&Task{Title: "t", Date: ok, Done: true, DoneOn: after}).Validate(), "done_on"},
		{"entry at", (&JournalEntry{ClientID: 1, Kind: EntryCall, At: at(after)}).Validate(), "at"},
		{"promise due", (&Promise{ClientID: 1, Text: "x", Due: after}).Validate(), "due"},
		{"promise made", (&Promise{ClientID: 1, Text: "x", Due: ok, MadeOn: before}).Validate(), "made_on"},
		{"promise kept", (&Promise{ClientID: 1, Text: "x", Due: ok, Status: PromiseKept, KeptOn: after}).Validate(), "kept_on"},
		{"project bid", (&Project{Name: "P", ClientID: 1, BidDate: after, StageHistory: []StageEntry{{StageLead, ok}}}).Validate(), "bid_date"},
		{"project history", (&Project{Name: "P", ClientID: 1, StageHistory: []StageEntry{{StageLead, before}}}).Validate(), "stage_history[0].on"},
	}
	for _, c := range cases {
		p := ProblemOf(c.err)
		if p == nil || p.Code != "date_out_of_range" || p.Field != c.field {
			t.Errorf("%s: %v (field %q), want date_out_of_range on %s", c.name, c.err, fieldOf(p), c.field)
		}
	}
	// The ends of the range are in it.
	for _, d := range []Date{MinDate, MaxDate} {
		if err := (&Task{Title: "t", Date: d, Done: true}).Validate(); err != nil {
			t.Errorf("task on %s: %v", d, err)
		}
	}
}

func fieldOf(p *Problem) string {
	if p == nil {
		return ""
	}
	return p.Field
}

func TestMoneyLimits(t *testing.T) {
	hist := []StageEntry{{StageLead, MakeDate(2026, 1, 1)}}
	for _, c := range []struct {
		v    Money
		code string
	}{{0, ""}, {MaxMoney, ""}, {MaxMoney + 1, "amount_too_large"}, {-1, "bad_value"}} {
		p := ProblemOf((&Project{Name: "P", ClientID: 1, Value: c.v, StageHistory: hist}).Validate())
		switch {
		case c.code == "" && p != nil:
			t.Errorf("value %d: %v", c.v, p)
		case c.code != "" && (p == nil || p.Code != c.code || p.Field != "value"):
			t.Errorf("value %d: %v, want %s", c.v, p, c.code)
		}
	}
	st := DefaultSettings()
	st.AnnualTargets[2026] = MaxMoney + 1
	if p := ProblemOf(st.Validate()); p == nil || p.Code != "amount_too_large" {
		t.Errorf("annual target above the limit: %v", p)
	}
	var m Money
	if err := m.UnmarshalJSON([]byte("10000000000000.01")); !errors.As(err, new(*Problem)) {
		t.Errorf("JSON money above the limit: %v", err)
	}
	if err := m.UnmarshalJSON([]byte("10000000000000")); err != nil || m != MaxMoney {
		t.Errorf("JSON money at the limit: %v, %d", err, m)
	}
}

func TestRepeatEndsAtTheEndOfTheRange(t *testing.T) {
	wd := DefaultSettings().Workdays
	for _, r := range []Repeat{RepeatDaily, RepeatWeekdays, RepeatWeekly, RepeatMonthly, EveryDays(999)} {
		if d := r.Next(MaxDate, MaxDate, wd); d != NoDate {
			t.Errorf("%s after %s = %s, want the repeat to end", r, MaxDate, d)
		}
	}
	if d := RepeatDaily.Next(MaxDate-1, MaxDate-1, wd); d != MaxDate {
		t.Errorf("daily after the day before the end = %s, want %s", d, MaxDate)
	}
}

func TestTextLimitInValidate(t *testing.T) {
	long := strings.Repeat("x", MaxTextBytes+1)
	c := Client{Name: "A", CreatedOn: MakeDate(2026, 1, 1), Needs: long}
	if p := ProblemOf(c.Validate()); p == nil || p.Code != "too_long_needs" || p.Field != "needs" {
		t.Errorf("long needs: %v", p)
	}
	c.Needs = long[:MaxTextBytes]
	if err := c.Validate(); err != nil {
		t.Errorf("needs at the limit: %v", err)
	}
}
