package model

// Funnel is the weekly review's funnel (contacts → new projects → bids →
// wins) and win rate (DESIGN.md §1).
type Funnel struct {
	Contacts    int
	NewProjects int
	Bids        int // projects that entered bidding in the period
	Wins        int // projects that entered contract in the period
	Lost        int // projects that entered lost in the period
	WinRate     float64
}

// BuildFunnel returns the funnel of a period from its contact count, its
// stage moves and its number of new projects. Win rate = wins / (wins +
// lost), 0 when there are neither. A project that enters the same stage
// twice in the period (moved back and forth) counts once.
func BuildFunnel(contacts int, moves []StageMove, newProjects int) Funnel {
	f := Funnel{Contacts: contacts, NewProjects: newProjects}
	type key struct {
		id ID
		to Stage
	}
	seen := map[key]bool{}
	for _, m := range moves {
		if m.ProjectID != 0 {
			k := key{m.ProjectID, m.To}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		switch m.To {
		case StageBidding:
			f.Bids++
		case StageContract:
			f.Wins++
		case StageLost:
			f.Lost++
		}
	}
	if f.Wins+f.Lost > 0 {
		f.WinRate = float64(f.Wins) / float64(f.Wins+f.Lost)
	}
	return f
}
