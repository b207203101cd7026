package quickadd

import (
	"errors"
	"testing"

	"salesplan/model"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means a bad_date problem
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
		// Whole phrases outside the grammar, read by olebedev/when.
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
		{"+99999d", ""},
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
