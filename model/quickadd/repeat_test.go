package quickadd

import (
	"errors"
	"testing"
	"time"

	"salesplan/model"
)

func TestParseRepeat(t *testing.T) {
	tests := []struct {
		in   string
		want model.Repeat
		wd   time.Weekday
		hasW bool
		bad  bool
	}{
		{in: "", want: model.RepeatNone},
		{in: " none ", want: model.RepeatNone},
		{in: "无", want: model.RepeatNone},
		{in: "weekly", want: model.RepeatWeekly},
		{in: "every 3 days", want: "every 3 days"},
		{in: "Every 2 Weeks", want: "every 2 weeks"},
		{in: "every 2w", want: "every 2 weeks"},
		{in: "every 10d", want: "every 10 days"},
		{in: "every other week", want: "every 2 weeks"},
		{in: "every day", want: model.RepeatDaily},
		{in: "daily", want: model.RepeatDaily},
		{in: "every weekday", want: model.RepeatWeekdays},
		{in: "every month", want: model.RepeatMonthly},
		{in: "every mon", want: model.RepeatWeekly, wd: time.Monday, hasW: true},
		{in: "every Friday", want: model.RepeatWeekly, wd: time.Friday, hasW: true},
		{in: "每天", want: model.RepeatDaily},
		{in: "每周一", want: model.RepeatWeekly, wd: time.Monday, hasW: true},
		{in: "每星期五", want: model.RepeatWeekly, wd: time.Friday, hasW: true},
		{in: "每两周", want: "every 2 weeks"},
		{in: "每3天", want: "every 3 days"},
		{in: "每个工作日", want: model.RepeatWeekdays},
		{in: "每月", want: model.RepeatMonthly},
		{in: "every", bad: true},
		{in: "sometimes", bad: true},
		{in: "every 0 days", bad: true},
		{in: "every 2w tomorrow", bad: true},
		{in: "每天 10:00", bad: true},
		{in: "every mon call", bad: true},
		{in: "every day !", bad: true},
		{in: "@王总 every day", bad: true},
		{in: "daily weekly", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseRepeat(tt.in)
		if tt.bad {
			var p *model.Problem
			if err == nil || !errors.As(err, &p) || p.Code != CodeBadRepeat && p.Code != CodeTwoRepeats {
				t.Errorf("ParseRepeat(%q) = %+v, %v; want a bad_repeat problem", tt.in, got, err)
			}
			continue
		}
		if err != nil || got.Repeat != tt.want || got.HasWeekday != tt.hasW || tt.hasW && got.Weekday != tt.wd {
			t.Errorf("ParseRepeat(%q) = %+v, %v; want %q (weekday %v %v)", tt.in, got, err, tt.want, tt.hasW, tt.wd)
		}
		if !got.Repeat.Valid() {
			t.Errorf("ParseRepeat(%q) = %q: not canonical", tt.in, got.Repeat)
		}
	}
}

func TestRepeatRuleOnOrAfter(t *testing.T) {
	fri := day("2026-11-27")
	mon, _ := ParseRepeat("every mon")
	if got := mon.OnOrAfter(fri); got != day("2026-11-30") {
		t.Errorf("every mon from Friday = %s", got)
	}
	if got := mon.OnOrAfter(day("2026-11-30")); got != day("2026-11-30") {
		t.Errorf("every mon from a Monday = %s", got)
	}
	daily, _ := ParseRepeat("daily")
	if got := daily.OnOrAfter(fri); got != fri {
		t.Errorf("daily keeps the day: %s", got)
	}
}
