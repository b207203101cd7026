package model

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestDateBasics(t *testing.T) {
	tests := []struct {
		in      string
		weekday time.Weekday
		monday  string
		isoWeek string
	}{
		{"2026-11-27", time.Friday, "2026-11-23", "2026-W48"},
		{"2026-11-30", time.Monday, "2026-11-30", "2026-W49"},
		{"2026-12-06", time.Sunday, "2026-11-30", "2026-W49"},
		{"2027-01-01", time.Friday, "2026-12-28", "2026-W53"},
		{"1969-12-31", time.Wednesday, "1969-12-29", "1970-W01"},
	}
	for _, tt := range tests {
		day := d(tt.in)
		if day.String() != tt.in || day.Weekday() != tt.weekday || day.WeekStart().String() != tt.monday || day.ISOWeek() != tt.isoWeek {
			t.Errorf("%s: got %s %s week of %s %s", tt.in, day, day.Weekday(), day.WeekStart(), day.ISOWeek())
		}
	}
	if got := d("2026-01-31").AddMonths(1).String(); got != "2026-02-28" {
		t.Errorf("Jan 31 + 1 month = %s", got)
	}
	if got := d("2026-12-31").Sub(d("2026-01-01")); got != 364 {
		t.Errorf("days in 2026 minus one = %d", got)
	}
}

func TestParseErrorsAreProblems(t *testing.T) {
	var p *Problem
	if _, err := ParseDate("2026-13-01"); !errors.As(err, &p) || p.Code != "bad_date" {
		t.Errorf("ParseDate error = %v, want a bad_date Problem", err)
	}
	if _, err := ParseMonth("2026/12"); !errors.As(err, &p) || p.Code != "bad_month" {
		t.Errorf("ParseMonth error = %v, want a bad_month Problem", err)
	}
	if _, err := ParseClock("25:00"); !errors.As(err, &p) || p.Code != "bad_time" {
		t.Errorf("ParseClock error = %v, want a bad_time Problem", err)
	}
	var day Date
	if err := day.UnmarshalJSON([]byte(`"2026-02-30"`)); !errors.As(err, &p) {
		t.Errorf("UnmarshalJSON of a bad date = %v, want a Problem", err)
	}
}

func TestSlotOf(t *testing.T) {
	for clock, want := range map[string]Slot{"00:00": SlotMorning, "11:59": SlotMorning, "12:00": SlotAfternoon,
		"17:59": SlotAfternoon, "18:00": SlotEvening, "23:59": SlotEvening} {
		c, err := ParseClock(clock)
		if err != nil {
			t.Fatal(err)
		}
		if got := SlotOf(c); got != want {
			t.Errorf("SlotOf(%s) = %s, want %s", clock, got, want)
		}
	}
	if SlotOf(NoClock) != SlotAny {
		t.Errorf("no time is not slot any")
	}
}

// TestDateStringAsFmt: the hand-made YYYY-MM-DD is fmt's %04d-%02d-%02d
// over every day from year 1 to 9999 (and beyond, where fmt is used).
func TestDateStringAsFmt(t *testing.T) {
	for d := MakeDate(1, time.January, 1); d <= MakeDate(10000, time.February, 1); d++ {
		y, m, dd := d.YMD()
		if want := fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd); d.String() != want {
			t.Fatalf("Date(%d).String() = %q, want %q", d, d.String(), want)
		}
	}
}
