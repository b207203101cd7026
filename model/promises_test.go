package model

import (
	"math"
	"testing"
)

func TestPromiseStates(t *testing.T) {
	today := d("2026-11-25") // a Wednesday
	cal := DefaultSettings().Calendar()
	tests := []struct {
		name          string
		p             Promise
		overdue, soon bool
	}{
		{"open due yesterday is overdue", Promise{Status: PromiseOpen, Due: d("2026-11-24")}, true, false},
		{"open due today is due soon", Promise{Status: PromiseOpen, Due: today}, false, true},
		{"open due in two working days is due soon", Promise{Status: PromiseOpen, Due: d("2026-11-27")}, false, true},
		{"open due in three working days is not yet", Promise{Status: PromiseOpen, Due: d("2026-11-28")}, false, false},
		{"kept late is neither", Promise{Status: PromiseKept, Due: d("2026-11-20"), KeptOn: d("2026-11-25")}, false, false},
		{"cancelled is neither", Promise{Status: PromiseCancelled, Due: d("2026-11-20")}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Overdue(today); got != tt.overdue {
				t.Errorf("Overdue = %v, want %v", got, tt.overdue)
			}
			if got := tt.p.DueSoon(today, cal); got != tt.soon {
				t.Errorf("DueSoon = %v, want %v", got, tt.soon)
			}
		})
	}
}

func TestReliability(t *testing.T) {
	today := d("2026-11-27")
	keptOnTime := func(due string) Promise {
		return Promise{Status: PromiseKept, Due: d(due), KeptOn: d(due)}
	}
	tests := []struct {
		name  string
		ps    []Promise
		share float64
		n     int
	}{
		{"none", nil, 0, 0},
		{"due today is excluded", []Promise{{Status: PromiseOpen, Due: today}}, 0, 0},
		{"due yesterday counts", []Promise{keptOnTime("2026-11-26")}, 1, 1},
		{"due 90 days ago is included", []Promise{keptOnTime("2026-08-29")}, 1, 1},
		{"due 91 days ago is excluded", []Promise{keptOnTime("2026-08-28")}, 0, 0},
		{"cancelled without a date is excluded", []Promise{{Status: PromiseCancelled, Due: d("2026-11-20")}, keptOnTime("2026-11-20")}, 1, 1},
		{"cancelled before its due date is excluded", []Promise{
			{Status: PromiseCancelled, Due: d("2026-11-20"), CancelledOn: d("2026-11-18")}, keptOnTime("2026-11-20")}, 1, 1},
		{"cancelled on its due date is excluded", []Promise{
			{Status: PromiseCancelled, Due: d("2026-11-20"), CancelledOn: d("2026-11-20")}, keptOnTime("2026-11-20")}, 1, 1},
		{"cancelled after its due date counts as broken", []Promise{
			{Status: PromiseCancelled, Due: d("2026-11-20"), CancelledOn: d("2026-11-21")}, keptOnTime("2026-11-20")}, 0.5, 2},
		{"kept late is not on time", []Promise{
			{Status: PromiseKept, Due: d("2026-11-20"), KeptOn: d("2026-11-21")},
			{Status: PromiseKept, Due: d("2026-11-20"), KeptOn: d("2026-11-19")},
		}, 0.5, 2},
		{"open and overdue counts as not kept", []Promise{
			{Status: PromiseOpen, Due: d("2026-11-20")}, keptOnTime("2026-11-10"), keptOnTime("2026-11-11"),
		}, 2.0 / 3, 3},
		{"future promises are ignored", []Promise{{Status: PromiseOpen, Due: d("2026-12-20")}}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			share, n := Reliability(tt.ps, today)
			if n != tt.n || math.Abs(share-tt.share) > 1e-9 {
				t.Errorf("Reliability = %v, %d; want %v, %d", share, n, tt.share, tt.n)
			}
		})
	}
}
