package model

import (
	"cmp"
	"slices"
)

// The day's record (日报, DESIGN.md §2, v2): what the rep did on a day and
// what is left, for the manager (report day) and on screen.

// DayRecordInput is what storage gathers for BuildDayRecord.
type DayRecordInput struct {
	Day      Date
	Settings Settings
	// Entries are the journal entries dated Day, with their text (notes and
	// contacts; prospect calls have no client).
	Entries []JournalEntry
	// Promises are those made, kept or cancelled on Day (others are ignored).
	Promises []Promise
	// Tasks are the tasks done on Day, the tasks dated Day, the undone
	// important tasks dated on or before Day, and the tasks dated on the
	// next working day; a task may be listed twice.
	Tasks        []AgendaTask
	ClientNames  map[ID]string
	ProjectNames map[ID]string
}

// RecordEntry is a journal entry with its names.
type RecordEntry struct {
	JournalEntry
	Client  string // "" for a prospect call
	Project string
}

// RecordPromise is a promise with its client's and project's names.
type RecordPromise struct {
	Promise
	Client  string
	Project string
}

// DayRecord is the day's record.
type DayRecord struct {
	Date     Date
	Calls    Quota      // calls made (prospect calls included) against the day's quota
	Visits   VisitQuota // clients visited and visits; Target is the day's share of the week's
	Meetings int
	// Contacts are the calls, visits and meetings in time order; Notes the
	// notes.
	Contacts []RecordEntry
	Notes    []RecordEntry
	// Promises made, kept and cancelled on the day, by id.
	Made, Kept, Cancelled []RecordPromise
	// Done are the tasks done on the day, in agenda order.
	Done []AgendaTask
	// Undone are the important tasks dated on or before the day and still
	// not done at its end, oldest first.
	Undone []AgendaTask
	// Next is the next working day after Date and Plan its tasks, in agenda
	// order (tomorrow's plan; on a Friday, Monday's).
	Next Date
	Plan []AgendaTask
	// AsOf is the day the record was read on (the reader's today, set by
	// the caller). A record of a day before it is of a past day, whose
	// tasks are read as they stand now: whether a task was important on
	// that day, or dated then, is not kept (only when it was done is).
	AsOf Date
}

// Past reports whether the record is of a day before the one it was read
// on (see AsOf).
func (r DayRecord) Past() bool { return r.AsOf.Valid() && r.Date < r.AsOf }

// BuildDayRecord returns the day's record.
func BuildDayRecord(in DayRecordInput) DayRecord {
	day, s := in.Day, in.Settings
	cal := s.Calendar()
	r := DayRecord{Date: day, Next: cal.AddWorkdays(day, 1)}
	r.Calls.Target = s.CallsTarget(day)
	var visits []JournalEntry
	for _, e := range in.Entries {
		if e.On() != day {
			continue
		}
		re := RecordEntry{JournalEntry: e, Client: in.ClientNames[e.ClientID], Project: in.ProjectNames[e.ProjectID]}
		switch e.Kind {
		case EntryCall:
			r.Calls.Done++
		case EntryVisit:
			visits = append(visits, e)
		case EntryMeeting:
			r.Meetings++
		}
		if e.Kind.IsContact() {
			r.Contacts = append(r.Contacts, re)
		} else {
			r.Notes = append(r.Notes, re)
		}
	}
	r.Visits = visitQuota(visits, DayVisitsTarget(s, day))
	byTime := func(a, b RecordEntry) int { return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID)) }
	slices.SortFunc(r.Contacts, byTime)
	slices.SortFunc(r.Notes, byTime)

	seen := map[ID]bool{}
	for _, p := range in.Promises {
		if seen[p.ID] && p.ID != 0 {
			continue
		}
		seen[p.ID] = true
		rp := RecordPromise{Promise: p, Client: in.ClientNames[p.ClientID], Project: in.ProjectNames[p.ProjectID]}
		if p.MadeOn == day {
			r.Made = append(r.Made, rp)
		}
		if p.Status == PromiseKept && p.KeptOn == day {
			r.Kept = append(r.Kept, rp)
		}
		if p.Status == PromiseCancelled && p.CancelledOn == day {
			r.Cancelled = append(r.Cancelled, rp)
		}
	}

	taskSeen := map[ID]bool{}
	for _, t := range in.Tasks {
		if t.ID != 0 {
			if taskSeen[t.ID] {
				continue
			}
			taskSeen[t.ID] = true
		}
		t.CarriedOver = false
		if t.Done && t.DoneOn == day {
			r.Done = append(r.Done, t)
		}
		if t.Important && t.Date.Valid() && t.Date <= day && (!t.Done || t.DoneOn > day) {
			r.Undone = append(r.Undone, t)
		}
		if t.Date.Valid() && t.Date == r.Next {
			r.Plan = append(r.Plan, t)
		}
	}
	SortTasks(r.Done)
	slices.SortStableFunc(r.Undone, func(a, b AgendaTask) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), compareTasks(a, b))
	})
	SortTasks(r.Plan)
	return r
}

// DayVisitsTarget is the day's share of the weekly visits target: the
// target spread over the week's working days in whole visits, so that the
// days sum to the week (20 over 5 days is 4 a day; over 4 days, 5).
func DayVisitsTarget(s Settings, d Date) int {
	cal := s.Calendar()
	if !cal.IsWorkday(d) {
		return 0
	}
	ws := d.WeekStart()
	work, n := 0, 0
	for i := range 7 {
		x := ws.AddDays(i)
		if cal.IsWorkday(x) {
			work++
			if x <= d {
				n++
			}
		}
	}
	return s.VisitsPerWeek*n/work - s.VisitsPerWeek*(n-1)/work
}
