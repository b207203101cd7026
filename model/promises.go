package model

// reliabilityWindow is how far back Reliability looks, in days.
const reliabilityWindow = 90

// Reliability returns the share of promises kept on time (DESIGN.md §2): of
// the promises not cancelled whose due date lies in the 90 days before today
// (today-90 … today-1; today itself is excluded because a promise due today
// can still be kept on time), the share kept on or before the due date. An
// open promise in the window counts as not kept. n is how many promises the
// share is of; with n = 0 the share is 0 and the UI shows "no data" rather
// than a number.
func Reliability(ps []Promise, today Date) (share float64, n int) {
	kept := 0
	from := today.AddDays(-reliabilityWindow)
	for _, p := range ps {
		if p.Status == PromiseCancelled || p.Due < from || p.Due >= today {
			continue
		}
		n++
		if p.KeptOnTime() {
			kept++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(kept) / float64(n), n
}
