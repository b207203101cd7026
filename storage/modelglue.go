package storage

import "salesplan/model"

// Adapters to model's rules, so that the rules live once, in model.

// nextOccurrence is the date of a repeating task's next occurrence.
func nextOccurrence(r model.Repeat, anchor, after model.Date, wd model.Workdays) (model.Date, error) {
	if !r.Valid() {
		return model.NoDate, model.Errf("bad_repeat", "repeat rule %q is not understood", string(r))
	}
	d := r.Next(anchor, after, wd)
	if !d.Valid() {
		return model.NoDate, model.Errf("bad_repeat", "repeat rule %q is not understood", string(r))
	}
	return d, nil
}
