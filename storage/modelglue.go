package storage

import "salesplan/model"

// Adapters to model's rules, so that the rules live once, in model.

// nextOccurrence is the date of a repeating task's next occurrence.
func nextOccurrence(r model.Repeat, anchor, after model.Date, wd model.Workdays) (model.Date, error) {
	d := r.Next(anchor, after, wd)
	if !d.Valid() {
		return model.NoDate, model.Errf("bad_repeat", "repeat rule %q is not understood", string(r))
	}
	return d, nil
}

func clientFollowUp(cs model.ClientState, st model.Settings, today model.Date) model.FollowUp {
	return model.ClientFollowUp(cs.Client, cs.LastContact, cs.Scheduled, st, today)
}

func projectFollowUp(ps model.ProjectState, st model.Settings, today model.Date) model.FollowUp {
	return model.ProjectFollowUp(ps.Project, ps.LastContact, st, today)
}

// clientDueDate is the client's follow-up due date for the client_due
// index: model's rule without "today" and "scheduled". A client with neither
// a contact nor a created date is due from the first day (model: due today).
func clientDueDate(c model.Client, last model.Date, st model.Settings) model.Date {
	base := last
	if !base.Valid() {
		base = c.CreatedOn
	}
	if !base.Valid() {
		return 1
	}
	return base.AddDays(st.ClientCadence(c))
}
