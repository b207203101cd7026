package davsync

import "salesplan/model"

// papersDue is the day the bid papers must be ready: P = the second working
// day before the bid date D (DESIGN.md §2 "Bid preparation").
//
// TODO(plan-rules, issue 14): model has no papers-due function yet; switch
// this one call site to model's when it lands (it will also know the
// holiday calendar; this one knows only the working weekdays).
func papersDue(st model.Settings, bid model.Date) model.Date {
	n := 0
	for d := bid - 1; d > 0 && d >= bid-366; d-- {
		if st.IsWorkday(d) {
			n++
			if n == 2 {
				return d
			}
		}
	}
	return bid.AddDays(-2)
}
