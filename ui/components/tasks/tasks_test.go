package tasks

import (
	"testing"

	"salesplan/model"
	"salesplan/ui/uitest"
)

func TestParseRepeat(t *testing.T) {
	tests := []struct {
		in   string
		want model.Repeat
		ok   bool
	}{
		{"weekly", "weekly", true},
		{"every 2 weeks", "every 2 weeks", true},
		{"每天", "daily", true},
		{"every weekday", "weekdays", true},
		{"sometimes", "", false},
	}
	for _, tc := range tests {
		got, err := parseRepeat(tc.in, uitest.Today)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("%q: %q %v", tc.in, got, err)
		}
	}
}
