package model

import (
	"testing"
	"time"
)

// The note that says why a project was lost is its note of the lost day
// written last; a note of another day, a call that day, or another
// project's note is not, and a project never lost has none.
func TestLostReasons(t *testing.T) {
	day := MakeDate(2026, 11, 20)
	at := func(d Date, h int) time.Time {
		y, m, dd := d.YMD()
		return time.Date(y, m, dd, h, 0, 0, 0, time.Local)
	}
	lost := Project{ID: 7, Stage: StageLost, StageHistory: []StageEntry{{StageBidding, day.AddDays(-30)}, {StageLost, day}}}
	journal := []JournalEntry{
		{ID: 1, ProjectID: 7, Kind: EntryNote, At: at(day.AddDays(-1), 10), Text: "the day before"},
		{ID: 2, ProjectID: 7, Kind: EntryNote, At: at(day, 9), Text: "morning note"},
		{ID: 3, ProjectID: 7, Kind: EntryCall, At: at(day, 16), Text: "a call that day"},
		{ID: 4, ProjectID: 7, Kind: EntryNote, At: at(day, 15), Text: "price: 8% above the winner"},
		{ID: 5, ProjectID: 8, Kind: EntryNote, At: at(day, 17), Text: "another project"},
	}
	for _, tt := range []struct {
		name string
		p    Project
		want []ID
	}{
		{"lost", lost, []ID{4}},
		{"never lost", Project{ID: 7, Stage: StageBidding, StageHistory: lost.StageHistory[:1]}, nil},
		{"lost twice", Project{ID: 7, Stage: StageLost, StageHistory: []StageEntry{{StageLost, day.AddDays(-1)}, {StageBidding, day.AddDays(-1)}, {StageLost, day}}}, []ID{1, 4}},
	} {
		got := tt.p.LostReasons(journal)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
		for _, id := range tt.want {
			if !got[id] {
				t.Errorf("%s: %v lacks %d", tt.name, got, id)
			}
		}
	}
}
