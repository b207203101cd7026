package quickadd

import (
	"testing"
	"time"

	"salesplan/model"
)

// The task form's time field reads what quick-add reads: a rep who types
// "3pm" or 下午3点 there, as in quick-add, is not refused.
func TestParseTime(t *testing.T) {
	today := model.MakeDate(2026, time.December, 7)
	at := model.ClockAt
	tests := []struct {
		in   string
		want model.Clock
		slot model.Slot
		bad  bool
	}{
		{in: "", want: model.NoClock, slot: ""},
		{in: "10:00", want: at(10, 0), slot: model.SlotMorning},
		{in: " 14:30 ", want: at(14, 30), slot: model.SlotAfternoon},
		{in: "3pm", want: at(15, 0), slot: model.SlotAfternoon},
		{in: "下午3点", want: at(15, 0), slot: model.SlotAfternoon},
		{in: "上午", want: model.NoClock, slot: model.SlotMorning},
		{in: "pm", want: model.NoClock, slot: model.SlotAfternoon},
		{in: "evening", want: model.NoClock, slot: model.SlotEvening},
		{in: "tomorrow", bad: true},
		{in: "3pm tomorrow", bad: true},
		{in: "call", bad: true},
		{in: "soon", bad: true},
		{in: "25:00", bad: true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			c, slot, err := ParseTime(tc.in, today)
			if tc.bad {
				if err == nil {
					t.Fatalf("ParseTime(%q) = %v, %q; want an error", tc.in, c, slot)
				}
				return
			}
			if err != nil || c != tc.want || slot != tc.slot {
				t.Errorf("ParseTime(%q) = %v, %q, %v; want %v, %q", tc.in, c, slot, err, tc.want, tc.slot)
			}
		})
	}
}
