package model

import (
	"testing"
	"time"
)

func TestCheckHappened(t *testing.T) {
	today := d("2026-11-27")
	later, same := d("2026-11-28"), today
	tests := []struct {
		name  string
		check func(day Date) *Problem
		field string
	}{
		{"client created", func(day Date) *Problem { return Client{CreatedOn: day}.CheckHappened(today) }, "created_on"},
		{"task done", func(day Date) *Problem { return Task{Done: true, DoneOn: day}.CheckHappened(today) }, "done_on"},
		{"entry", func(day Date) *Problem {
			return JournalEntry{At: day.Time(time.Local).Add(9 * time.Hour)}.CheckHappened(today)
		}, "at"},
		{"promise made", func(day Date) *Problem { return Promise{MadeOn: day}.CheckHappened(today) }, "made_on"},
		{"promise kept", func(day Date) *Problem { return Promise{KeptOn: day}.CheckHappened(today) }, "kept_on"},
		{"promise cancelled", func(day Date) *Problem { return Promise{CancelledOn: day}.CheckHappened(today) }, "cancelled_on"},
		{"stage entered", func(day Date) *Problem {
			return Project{StageHistory: []StageEntry{{Stage: StageLead, On: today}, {Stage: StageDesign, On: day}}}.CheckHappened(today)
		}, "stage_history[1].on"},
		{"signed", func(day Date) *Problem { return Project{SignedOn: day}.CheckHappened(today) }, "signed_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p := tt.check(same); p != nil {
				t.Errorf("today refused: %v", p)
			}
			p := tt.check(later)
			if p == nil || p.Code != "happened_after_today" || p.Field != tt.field {
				t.Errorf("tomorrow: got %+v, want happened_after_today in %s", p, tt.field)
			}
		})
	}
	if p := (Task{Done: false, DoneOn: later}).CheckHappened(today); p != nil {
		t.Errorf("an undone task: %v", p)
	}
	if p := (Client{CreatedOn: later}).CheckHappened(NoDate); p != nil {
		t.Errorf("no today checks nothing: %v", p)
	}
}
