package model

// reliabilityWindow is how far back Reliability looks, in days.
const reliabilityWindow = 90

// Reliability returns the share of promises kept on time (DESIGN.md §2,
// v2): of the promises whose due date lies in the 90 days before today
// (today-90 … today-1; today itself is excluded because a promise due today
// can still be kept on time), leaving out those cancelled on or before
// their due date, the share kept on or before the due date. An open
// promise in the window counts as not kept, and so does one cancelled
// after its due date: cancelling never hides a broken promise. n is how
// many promises the share is of; with n = 0 the share is 0 and the UI
// shows "no data" rather than a number.
func Reliability(ps []Promise, today Date) (share float64, n int) {
	kept := 0
	from := today.AddDays(-reliabilityWindow)
	for _, p := range ps {
		if p.CancelledInTime() || p.Due < from || p.Due >= today {
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

// CheckPromiseDates checks a promise's dates against each other and today
// (DESIGN.md §2, v2): due on or after made on; kept on and cancelled on
// between made on and today. today NoDate skips the "not after today"
// half (for a record whose today is unknown). The record's own validation
// calls it; it returns a *Problem naming the date at fault.
func CheckPromiseDates(p Promise, today Date) error {
	if p.MadeOn.Valid() && p.Due.Valid() && p.Due < p.MadeOn {
		return Errf("promise_due_before_made", "the promise is due %s, before it was made (%s)", p.Due, p.MadeOn)
	}
	if k := p.KeptOn; k.Valid() {
		if p.MadeOn.Valid() && k < p.MadeOn {
			return Errf("promise_kept_before_made", "the promise cannot be kept on %s, before it was made (%s)", k, p.MadeOn)
		}
		if today.Valid() && k > today {
			return Errf("promise_kept_after_today", "the promise cannot be kept on %s, after today (%s)", k, today)
		}
	}
	if c := p.CancelledOn; c.Valid() {
		if p.MadeOn.Valid() && c < p.MadeOn {
			return Errf("promise_cancelled_before_made", "the promise cannot be cancelled on %s, before it was made (%s)", c, p.MadeOn)
		}
		if today.Valid() && c > today {
			return Errf("promise_cancelled_after_today", "the promise cannot be cancelled on %s, after today (%s)", c, today)
		}
	}
	return nil
}
