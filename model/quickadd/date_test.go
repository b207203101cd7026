package quickadd

import (
	"errors"
	"strings"
	"testing"

	"salesplan/model"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means a bad_date problem, "range" a date_out_of_range one
	}{
		{"2026-12-01", "2026-12-01"},
		{" 2026-12-01 ", "2026-12-01"},
		{"today", "2026-11-27"},
		{"  TOMORROW ", "2026-11-28"},
		{"今天", "2026-11-27"},
		{"明天", "2026-11-28"},
		{"后天", "2026-11-29"},
		{"yesterday", "2026-11-26"},
		{"昨天", "2026-11-26"},
		{"fri", "2026-11-27"},
		{"mon", "2026-11-30"},
		{"周一", "2026-11-30"},
		{"星期三", "2026-12-02"},
		{"next mon", "2026-11-30"},
		{"next fri", "2026-12-04"},
		{"下周三", "2026-12-02"},
		{"上周五", "2026-11-20"},
		{"+3d", "2026-11-30"},
		{"+2w", "2026-12-11"},
		{"+0d", "2026-11-27"},
		{"12-01", "2026-12-01"},
		{"12/1", "2026-12-01"},
		{"11/1", "2027-11-01"},
		{"12月1日", "2026-12-01"},
		{"2027年1月5号", "2027-01-05"},
		{"十二月一日", "2026-12-01"},
		{"3天后", "2026-11-30"},
		{"tonight", "2026-11-27"},
		{"明晚", "2026-11-28"},
		// Whole phrases outside the grammar (phrases.go).
		{"last friday", "2026-11-20"},
		{"in 3 weeks", "2026-12-18"},
		{"december 1st", "2026-12-01"},
		{"1 dec", "2026-12-01"},
		{"大前天", "2026-11-24"},
		// Not dates.
		{"", ""},
		{"   ", ""},
		{"foo", ""},
		{"13/45", ""},
		{"2026-13-01", ""},
		{"2026-02-30", ""},
		{"+99999d", "range"},
		{"5pm", ""},
		{"下午", ""},
		{"tomorrow 3pm", ""},
		{"tomorrow fri", ""},
		{"@bob", ""},
		{"tomorrow call", ""},
		{"every mon", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in, friday)
			if tt.want == "range" {
				var p *model.Problem
				if !errors.As(err, &p) || p.Code != CodeOutOfRange || got != model.NoDate || !strings.Contains(p.Error(), "1900-01-01 to 2200-12-31") {
					t.Fatalf("ParseDate(%q) = %v, %v; want NoDate and the range problem", tt.in, got, err)
				}
				return
			}
			if tt.want == "" {
				var p *model.Problem
				if !errors.As(err, &p) || p.Code != CodeBadDate {
					t.Fatalf("ParseDate(%q) = %v, %v; want a bad_date problem", tt.in, got, err)
				}
				if got != model.NoDate {
					t.Errorf("ParseDate(%q) returned date %v with its error", tt.in, got)
				}
				return
			}
			if err != nil || got != day(tt.want) {
				t.Fatalf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

// TestParseDateAgreesWithParse: a date word means the same day in a form
// field as in a quick-add line.
func TestParseDateAgreesWithParse(t *testing.T) {
	for _, w := range []string{"today", "tomorrow", "fri", "sat", "next mon", "+3d", "+2w", "12-01", "12/1",
		"2027-03-04", "今天", "明天", "后天", "周日", "星期二", "下周一", "12月1日", "5号"} {
		d, err := ParseDate(w, friday)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", w, err)
			continue
		}
		if got := Parse("x "+w, friday, nil).Task.Date; got != d {
			t.Errorf("Parse(\"x %s\") dates %v, ParseDate says %v", w, got, d)
		}
	}
}

// TestParseDatePhrases: the whole date phrases a person types into --due,
// --on and the forms, beside the grammar's words (today is Friday
// 2026-11-27; its week runs Mon 11-23 to Sun 11-29).
func TestParseDatePhrases(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means a bad_date problem, "range" a date_out_of_range one
	}{
		// English: days around today.
		{"day before yesterday", "2026-11-25"},
		{"the day after tomorrow", "2026-11-29"},
		// In / ago / from now.
		{"in 3 days", "2026-11-30"},
		{"in 1 day", "2026-11-28"},
		{"in a week", "2026-12-04"},
		{"In Two Weeks", "2026-12-11"},
		{"in 1 month", "2026-12-27"},
		{"in 2 months", "2027-01-27"},
		{"in a year", "2027-11-27"},
		{"3 days ago", "2026-11-24"},
		{"a week ago", "2026-11-20"},
		{"2 months ago", "2026-09-27"},
		{"2 weeks from now", "2026-12-11"},
		{"in 3660 days", "2036-12-04"},
		// Weeks and months.
		{"next week", "2026-11-30"},
		{"last week", "2026-11-16"},
		{"next month", "2026-12-01"},
		{"last month", "2026-10-01"},
		// Weekdays before and in this week.
		{"last friday", "2026-11-20"},
		{"last monday", "2026-11-23"},
		{"last sat", "2026-11-21"},
		{"past tue", "2026-11-24"},
		{"previous sunday", "2026-11-22"},
		{"this monday", "2026-11-23"},
		{"this sunday", "2026-11-29"},
		{"fri next week", "2026-12-04"},
		{"mon last week", "2026-11-16"},
		{"wed this week", "2026-11-25"},
		// Month and day, this year or next once past.
		{"december 1st", "2026-12-01"},
		{"Dec 1", "2026-12-01"},
		{"1 dec", "2026-12-01"},
		{"1st of December", "2026-12-01"},
		{"the first of december", "2026-12-01"},
		{"december twenty-first", "2026-12-21"},
		{"sept 30th", "2027-09-30"},
		{"november 1", "2027-11-01"},
		{"jan 31", "2027-01-31"},
		{"dec 1, 2027", "2027-12-01"},
		{"1 dec 2025", "2025-12-01"},
		{"feb 29 2028", "2028-02-29"},
		// English that is no date.
		{"february 30", ""},
		{"feb 29 2027", ""},
		{"december 32", ""},
		{"december thirty-ninth", ""},
		{"december", ""},
		// Any offset that stays within the dates salesplan keeps
		// (1900-01-01 to 2200-12-31); beyond them the range is named.
		{"in 500 months", "2068-07-27"},
		{"in 11 years", "2037-11-27"},
		{"in 174 years", "2200-11-27"},
		{"126 years ago", "1900-11-27"},
		{"+9999d", "2054-04-13"},
		{"+3000w", "2084-05-26"},
		{"in 99999 days", "range"},
		{"in 175 years", "range"},
		{"in 200 years", "range"},
		{"127 years ago", "range"},
		{"+99999d", "range"},
		{"+999999999w", "range"},
		{"in 3 rooms", ""},
		{"in -3 days", ""},
		{"3 days", ""},
		{"last", ""},
		{"last fortnight", ""},
		{"next friday week", ""},

		// Chinese.
		{"大前天", "2026-11-24"},
		{"3天前", "2026-11-24"},
		{"三天以前", "2026-11-24"},
		{"3天以后", "2026-11-30"},
		{"两周前", "2026-11-13"},
		{"一个星期前", "2026-11-20"},
		{"两个礼拜之后", "2026-12-11"},
		{"一个月前", "2026-10-27"},
		{"三个月后", "2027-02-27"},
		{"两年后", "2028-11-27"},
		{"上周", "2026-11-16"},
		{"上个星期", "2026-11-16"},
		{"上上周", "2026-11-09"},
		{"下个月", "2026-12-01"},
		{"下月", "2026-12-01"},
		{"上个月", "2026-10-01"},
		{"下下个月", "2027-01-01"},
		{"上 个 月", "2026-10-01"},
		// Chinese that is no date.
		{"9999天前", "1999-07-13"},
		{"十一年后", "2037-11-27"},
		{"99999天前", "range"},
		{"99999天后", "range"},
		{"200年后", "range"},
		{"一百天后", ""},
		{"三月后", ""},
		{"上", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in, friday)
			if tt.want == "range" {
				var p *model.Problem
				if !errors.As(err, &p) || p.Code != CodeOutOfRange || got != model.NoDate || !strings.Contains(p.Error(), "1900-01-01 to 2200-12-31") {
					t.Fatalf("ParseDate(%q) = %v, %v; want NoDate and the range problem", tt.in, got, err)
				}
				return
			}
			if tt.want == "" {
				var p *model.Problem
				if !errors.As(err, &p) || p.Code != CodeBadDate || got != model.NoDate {
					t.Fatalf("ParseDate(%q) = %v, %v; want NoDate and a bad_date problem", tt.in, got, err)
				}
				return
			}
			if err != nil || got != day(tt.want) {
				t.Fatalf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

// TestParseDatePhraseMonthEnds: a month later keeps the day, clamped to the
// month's end, like a monthly repeat.
func TestParseDatePhraseMonthEnds(t *testing.T) {
	for _, tt := range []struct{ today, in, want string }{
		{"2027-01-31", "in a month", "2027-02-28"},
		{"2027-01-31", "一个月后", "2027-02-28"},
		{"2028-02-29", "in a year", "2029-02-28"},
		{"2027-03-31", "1 month ago", "2027-02-28"},
		{"2027-01-15", "last month", "2026-12-01"},
		{"2027-01-15", "上上个月", "2026-11-01"},
		{"2026-12-30", "next month", "2027-01-01"},
	} {
		got, err := ParseDate(tt.in, day(tt.today))
		if err != nil || got != day(tt.want) {
			t.Errorf("on %s, ParseDate(%q) = %v, %v; want %s", tt.today, tt.in, got, err, tt.want)
		}
	}
}

// TestQuickAddLeavesPhrasesInTheTitle: the phrases are for date fields only;
// in a quick-add line their words stay title words ("in 3 rooms" must, and
// "in 3 days" does too, so one rule covers both).
func TestQuickAddLeavesPhrasesInTheTitle(t *testing.T) {
	r := Parse("meet in 3 days", friday, nil)
	if r.Task.Title != "in 3 days" || r.Dated || r.Task.Date != friday {
		t.Errorf("Parse(meet in 3 days) = %q dated %v on %v; want the words kept in the title, today", r.Task.Title, r.Dated, r.Task.Date)
	}
}
