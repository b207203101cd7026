package model

import (
	"math"
	"testing"
)

func TestBuildFunnel(t *testing.T) {
	mv := func(id ID, to Stage) StageMove { return StageMove{ProjectID: id, To: to} }
	tests := []struct {
		name             string
		moves            []StageMove
		bids, wins, lost int
		rate             float64
	}{
		{"nothing moved", nil, 0, 0, 0, 0},
		{"one win one lost", []StageMove{mv(1, StageContract), mv(2, StageLost)}, 0, 1, 1, 0.5},
		{"wins only", []StageMove{mv(1, StageContract), mv(2, StageContract)}, 0, 2, 0, 1},
		{"lost only", []StageMove{mv(1, StageLost)}, 0, 0, 1, 0},
		{"bids counted, other stages ignored", []StageMove{
			mv(1, StageBidding), mv(2, StageBidding), mv(3, StageDesign), mv(4, StageDelivery),
		}, 2, 0, 0, 0},
		{"a project re-entering a stage counts once", []StageMove{
			mv(1, StageBidding), mv(1, StageDesign), mv(1, StageBidding), mv(1, StageContract),
			mv(2, StageLost), mv(3, StageLost),
		}, 1, 1, 2, 1.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := BuildFunnel(42, tt.moves, 3)
			if f.Contacts != 42 || f.NewProjects != 3 || f.Bids != tt.bids || f.Wins != tt.wins ||
				f.Lost != tt.lost || math.Abs(f.WinRate-tt.rate) > 1e-9 {
				t.Errorf("BuildFunnel = %+v, want bids %d wins %d lost %d rate %v", f, tt.bids, tt.wins, tt.lost, tt.rate)
			}
		})
	}
}
