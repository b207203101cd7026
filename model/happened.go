package model

import "fmt"

// What has happened cannot be dated after today (DESIGN.md §2: a promise
// is kept or cancelled between made on and today; the command line's --on
// refuses a later date): a client's created date, a task's done date, a
// journal entry's moment, a promise's made, kept and cancelled dates, a
// project's stage entries and signed date. Validate cannot check this
// (it knows no today); the paths that take whole records (import) call
// CheckHappened with the run's today. Each returns a *Problem naming the
// field as the exchange format spells it, or nil; today NoDate checks
// nothing.

// CheckHappened checks the client's created date against today.
func (c Client) CheckHappened(today Date) *Problem {
	return notAfter("created_on", c.CreatedOn, today)
}

// CheckHappened checks a done task's done date against today.
func (t Task) CheckHappened(today Date) *Problem {
	if !t.Done {
		return nil
	}
	return notAfter("done_on", t.DoneOn, today)
}

// CheckHappened checks the entry's date against today.
func (e JournalEntry) CheckHappened(today Date) *Problem {
	if e.At.IsZero() {
		return nil
	}
	return notAfter("at", e.On(), today)
}

// CheckHappened checks the promise's made, kept and cancelled dates
// against today.
func (p Promise) CheckHappened(today Date) *Problem {
	for _, f := range []struct {
		field string
		d     Date
	}{{"made_on", p.MadeOn}, {"kept_on", p.KeptOn}, {"cancelled_on", p.CancelledOn}} {
		if pr := notAfter(f.field, f.d, today); pr != nil {
			return pr
		}
	}
	return nil
}

// CheckHappened checks the dates the project entered its stages and was
// signed against today.
func (p Project) CheckHappened(today Date) *Problem {
	for i, h := range p.StageHistory {
		if pr := notAfter("on", h.On, today); pr != nil {
			return pr.In(fmt.Sprintf("stage_history[%d]", i))
		}
	}
	return notAfter("signed_on", p.SignedOn, today)
}

// notAfter is the problem with field's date d after today.
func notAfter(field string, d, today Date) *Problem {
	if !today.Valid() || !d.Valid() || d <= today {
		return nil
	}
	return Errf("happened_after_today", "%s is after today (%s): only what has happened can be recorded", d, today).In(field)
}
