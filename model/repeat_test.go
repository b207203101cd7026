package model

import (
	"errors"
	"testing"
	"time"
)

// d parses a YYYY-MM-DD date for tests.
func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestParseRepeat(t *testing.T) {
	tests := []struct {
		in   string
		want Repeat
		bad  bool
	}{
		{in: "", want: RepeatNone},
		{in: "   ", want: RepeatNone},
		{in: "daily", want: RepeatDaily},
		{in: " Daily ", want: RepeatDaily},
		{in: "weekdays", want: RepeatWeekdays},
		{in: "weekly", want: RepeatWeekly},
		{in: "monthly", want: RepeatMonthly},
		{in: "every 1 days", want: RepeatDaily},
		{in: "every 1 day", want: RepeatDaily},
		{in: "every 1 weeks", want: RepeatWeekly},
		{in: "every 2 weeks", want: "every 2 weeks"},
		{in: "every 3 day", want: "every 3 days"},
		{in: "Every  10  Days", want: "every 10 days"},
		{in: "every 999 days", want: "every 999 days"},
		{in: "every 0 days", bad: true},
		{in: "every -1 days", bad: true},
		{in: "every 1000 days", bad: true},
		{in: "every two days", bad: true},
		{in: "every 2 months", bad: true},
		{in: "every 2", bad: true},
		{in: "fortnightly", bad: true},
		{in: "every mon", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseRepeat(tt.in)
			if tt.bad {
				var p *Problem
				if !errors.As(err, &p) || p.Code != "bad_repeat" {
					t.Fatalf("ParseRepeat(%q) = %q, %v; want a bad_repeat Problem", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseRepeat(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			if !got.Valid() {
				t.Errorf("%q from ParseRepeat is not Valid", got)
			}
		})
	}
}

func TestRepeatValid(t *testing.T) {
	for r, want := range map[Repeat]bool{
		"": true, "daily": true, "every 2 weeks": true, "every 5 days": true,
		"every 1 days": false, "Daily": false, "every 3 day": false, "yearly": false,
	} {
		if got := r.Valid(); got != want {
			t.Errorf("Repeat(%q).Valid() = %v, want %v", r, got, want)
		}
	}
}

func TestRepeatNext(t *testing.T) {
	monFri := DefaultSettings().Workdays
	monSat := Workdays{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	tests := []struct {
		name          string
		rule          Repeat
		anchor, after string
		ws            Workdays
		want          string
	}{
		{"daily next day", RepeatDaily, "2026-11-27", "2026-11-27", monFri, "2026-11-28"},
		{"daily carried over repeats after the day done", RepeatDaily, "2026-11-20", "2026-11-27", monFri, "2026-11-28"},
		{"weekdays friday to monday", RepeatWeekdays, "2026-11-27", "2026-11-27", monFri, "2026-11-30"},
		{"weekdays done on saturday to monday", RepeatWeekdays, "2026-11-27", "2026-11-28", monFri, "2026-11-30"},
		{"weekdays thursday to friday", RepeatWeekdays, "2026-11-26", "2026-11-26", monFri, "2026-11-27"},
		{"weekdays uses the settings' working days", RepeatWeekdays, "2026-11-27", "2026-11-27", monSat, "2026-11-28"},
		{"weekdays with no working days falls back to mon-fri", RepeatWeekdays, "2026-11-27", "2026-11-27", nil, "2026-11-30"},
		{"weekly keeps the weekday", RepeatWeekly, "2026-11-23", "2026-11-23", monFri, "2026-11-30"},
		{"weekly done late keeps the weekday", RepeatWeekly, "2026-11-23", "2026-11-25", monFri, "2026-11-30"},
		{"weekly done a week late skips the past", RepeatWeekly, "2026-11-23", "2026-11-30", monFri, "2026-12-07"},
		{"monthly on the 31st clamps to feb 28", RepeatMonthly, "2026-01-31", "2026-01-31", monFri, "2026-02-28"},
		{"monthly on the 31st returns to mar 31", RepeatMonthly, "2026-01-31", "2026-02-28", monFri, "2026-03-31"},
		{"monthly on the 31st clamps to apr 30", RepeatMonthly, "2026-01-31", "2026-03-31", monFri, "2026-04-30"},
		{"monthly leap february", RepeatMonthly, "2028-01-31", "2028-01-31", monFri, "2028-02-29"},
		{"monthly across the year", RepeatMonthly, "2026-12-15", "2026-12-15", monFri, "2027-01-15"},
		{"monthly done late in the same month", RepeatMonthly, "2026-01-31", "2026-02-10", monFri, "2026-02-28"},
		{"monthly done after the next date", RepeatMonthly, "2026-11-05", "2026-12-09", monFri, "2027-01-05"},
		{"every 2 weeks from the anchor", "every 2 weeks", "2026-11-02", "2026-11-02", monFri, "2026-11-16"},
		{"every 2 weeks keeps phase when done early in the gap", "every 2 weeks", "2026-11-02", "2026-11-10", monFri, "2026-11-16"},
		{"every 2 weeks done on the next date", "every 2 weeks", "2026-11-02", "2026-11-16", monFri, "2026-11-30"},
		{"every 2 weeks done the day after", "every 2 weeks", "2026-11-02", "2026-11-17", monFri, "2026-11-30"},
		{"every 3 days", "every 3 days", "2026-11-01", "2026-11-01", monFri, "2026-11-04"},
		{"every 3 days keeps phase", "every 3 days", "2026-11-01", "2026-11-05", monFri, "2026-11-07"},
		{"anchor after `after` is the next date", RepeatWeekly, "2026-12-01", "2026-11-27", monFri, "2026-12-01"},
		{"no anchor repeats from after", RepeatWeekly, "", "2026-11-27", monFri, "2026-12-04"},
		{"no rule", RepeatNone, "2026-11-27", "2026-11-27", monFri, ""},
		{"unknown rule", "fortnightly", "2026-11-27", "2026-11-27", monFri, ""},
		{"non-canonical spelling still repeats", "Every 2 Weeks", "2026-11-02", "2026-11-02", monFri, "2026-11-16"},
		{"no after", RepeatDaily, "2026-11-27", "", monFri, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var anchor, after Date
			if tt.anchor != "" {
				anchor = d(tt.anchor)
			}
			if tt.after != "" {
				after = d(tt.after)
			}
			got := tt.rule.Next(anchor, after, tt.ws)
			if got.String() != tt.want {
				t.Errorf("%q.Next(%s, %s) = %q, want %q", tt.rule, tt.anchor, tt.after, got, tt.want)
			}
		})
	}
}
