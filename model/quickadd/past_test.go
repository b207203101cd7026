package quickadd

import (
	"errors"
	"strings"
	"testing"
	"time"

	"salesplan/model"
)

// A contact's date reads back: on Friday 27 Nov 2026 a weekday alone is
// the last one, a month and day without a year this year's (or last
// year's), and a word that means the future stays in the future for the
// caller to refuse.
func TestParsePastDate(t *testing.T) {
	today := model.MakeDate(2026, time.November, 27) // a Friday
	d := func(y int, m time.Month, day int) model.Date { return model.MakeDate(y, m, day) }
	for _, tt := range []struct {
		in   string
		want model.Date
	}{
		{"today", today}, {"今天", today}, {"yesterday", d(2026, 11, 26)}, {"昨天", d(2026, 11, 26)},
		{"fri", today}, {"mon", d(2026, 11, 23)}, {"sat", d(2026, 11, 21)}, {"周一", d(2026, 11, 23)},
		{"星期四", d(2026, 11, 26)}, {"11-26", d(2026, 11, 26)}, {"11/20", d(2026, 11, 20)},
		{"11-01", d(2026, 11, 1)}, {"12/25", d(2025, 12, 25)}, {"11月3日", d(2026, 11, 3)},
		{"28号", d(2026, 10, 28)}, {"5号", d(2026, 11, 5)}, {"2026-11-02", d(2026, 11, 2)},
		{"last mon", d(2026, 11, 23)}, {"上周一", d(2026, 11, 16)},
		// Truly ahead: read as ParseDate reads them, for the caller to refuse.
		{"tomorrow", d(2026, 11, 28)}, {"next mon", d(2026, 11, 30)}, {"下周一", d(2026, 11, 30)},
		{"2026-12-01", d(2026, 12, 1)}, {"+3d", d(2026, 11, 30)},
	} {
		got, err := ParsePastDate(tt.in, today)
		if err != nil || got != tt.want {
			t.Errorf("ParsePastDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	// What is no date says so with examples of days gone by, never
	// tomorrow's words: the caller refuses the future anyway.
	_, err := ParsePastDate("soon", today)
	var p *model.Problem
	if !errors.As(err, &p) || p.Code != CodeBadPastDate || strings.Contains(p.Error(), "tomorrow") || !strings.Contains(p.Error(), "yesterday") {
		t.Errorf("ParsePastDate(soon) = %v, want a bad_past_date problem with past examples", err)
	}
}

func TestIsDefaultTitle(t *testing.T) {
	for _, tt := range []struct {
		k      model.TaskKind
		title  string
		client string
		want   bool
	}{
		{model.TaskCall, "Call 王总", "王总", true}, {model.TaskCall, "给王总打电话", "王总", true},
		{model.TaskVisit, "拜访李经理", "李经理", true}, {model.TaskMeeting, "Meeting with Bob", "Bob", true},
		{model.TaskCall, "Call 王总 about the quote", "王总", false}, {model.TaskCall, "Call 王总", "李经理", false},
		{model.TaskTodo, "王总", "王总", false}, {model.TaskCall, "Call", "", false},
	} {
		if got := IsDefaultTitle(tt.k, tt.title, tt.client); got != tt.want {
			t.Errorf("IsDefaultTitle(%s, %q, %q) = %v", tt.k, tt.title, tt.client, got)
		}
	}
	// It agrees with what quick-add makes.
	for _, line := range []string{"call @王总 tomorrow 10:00 !", "明天下午3点打电话给@王总", "meet @Bob", "拜访 @王总 周三"} {
		r := Parse(line, model.MakeDate(2026, time.November, 27), nil)
		if !IsDefaultTitle(r.Task.Kind, r.Task.Title, r.ClientName) {
			t.Errorf("%q is titled %q, not known as a default title", line, r.Task.Title)
		}
	}
}

// A date line left empty (or blank) is today; anything else is read back
// in time as ParsePastDate reads it.
func TestPastDayOr(t *testing.T) {
	today := model.MakeDate(2026, 11, 27) // a Friday
	for in, want := range map[string]model.Date{"": today, "  ": today, "mon": model.MakeDate(2026, 11, 23), "yesterday": model.MakeDate(2026, 11, 26)} {
		if got, err := PastDayOr(in, today); err != nil || got != want {
			t.Errorf("PastDayOr(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := PastDayOr("someday", today); err == nil {
		t.Errorf("PastDayOr(someday): no error")
	}
}
