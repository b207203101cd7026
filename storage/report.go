package storage

// The month's review and the day's record (DESIGN.md §2 v2, `salesplan
// report month|day` and the planner's reports), read like the weekly
// review: one transaction, through the indexes.

import (
	"slices"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// MonthReview is one month's review: the month's numbers, its promises
// (kept, overdue, cancelled with their reasons), what was signed, the
// funnel, and the quarter to date.
type MonthReview struct {
	Settings  model.Settings
	Today     model.Date
	Month     model.MonthSummary
	Funnel    model.Funnel
	Meetings  int
	Kept      []PromiseRow
	Overdue   []PromiseRow
	Cancelled []PromiseRow
	Signed    []SignedProject
	Quarter   QuarterToDate
}

// QuarterToDate is the signed sales of a month's quarter from its first
// day through the month's last, against the target of those months.
type QuarterToDate struct {
	Number   int // 1–4
	From, To model.Date
	Signed   model.MoneyQuota
}

// MonthReview returns the review of month m as of today.
func (s *Store) MonthReview(m model.Month, today model.Date) (MonthReview, error) {
	var r MonthReview
	lang := s.language()
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		from, to := m.First(), m.Last()
		in, err := gatherPeriod(tx, from, to, today, lang)
		if err != nil {
			return err
		}
		r.Month = model.BuildMonth(in, m)
		r.Settings, r.Today = in.Settings, today
		n := newNamer(tx)
		r.Meetings = countKind(tx, from, to, 'm')
		r.Funnel = model.BuildFunnel(r.Month.Calls.Done+r.Month.Visits.Visits+r.Meetings, r.Month.StageMoves, newProjects(r.Month.StageMoves))
		r.Kept, r.Overdue, r.Cancelled = reviewPromises(n, in.Promises, from, to, today)
		if r.Signed, err = signedProjects(tx, from, to); err != nil {
			return err
		}
		q := model.QuarterStart(m)
		r.Quarter = QuarterToDate{Number: model.QuarterOf(m), From: q.First(), To: to}
		r.Quarter.Signed.Target = in.Settings.QuarterToDateTarget(m)
		r.Quarter.Signed.Value, err = signedIn(tx, q.First(), to)
		return err
	})
	return r, err
}

// DayRecord returns the day's record (日报) of day: its journal entries
// with their text, the promises made, kept and cancelled on it, the tasks
// done on it, the important tasks left undone by its end (done later
// included), and the next working day's tasks (model.BuildDayRecord).
// What a task was on a past day is not kept, only when it was done: a
// task's date and important flag are read as they are now.
func (s *Store) DayRecord(day model.Date) (model.DayRecord, error) {
	var r model.DayRecord
	lang := s.language()
	err := s.view(func(tx *bolt.Tx) error {
		st, err := settingsFor(tx, lang)
		if err != nil {
			return err
		}
		n := newNamer(tx)
		in := model.DayRecordInput{Day: day, Settings: st, ClientNames: map[model.ID]string{}, ProjectNames: map[model.ID]string{}}
		lo, hi := dateBytes(day), dateBytes(day+1)
		err = seekRange(ix(tx, ixJournalDate), lo, hi, func(k, _ []byte) error {
			if len(k) != 20 {
				return model.Errf("corrupt_index", "a journal date index entry is damaged; run salesplan check")
			}
			e, err := getEntry(tx, keyID(k[12:]))
			if err == nil {
				in.Entries = append(in.Entries, e)
			}
			return err
		})
		if err != nil {
			return err
		}
		seen := map[model.ID]bool{}
		for _, index := range [][]byte{ixPromiseMade, ixPromiseKept, ixPromiseCancelled} {
			err := seekRange(ix(tx, index), lo, hi, func(k, _ []byte) error {
				id := keyID(k[4:])
				if seen[id] {
					return nil
				}
				seen[id] = true
				p, err := getPromise(tx, id)
				if err == nil {
					in.Promises = append(in.Promises, p)
				}
				return err
			})
			if err != nil {
				return err
			}
		}
		// Tasks: done on the day, dated the day (done later or not at
		// all), undone and dated before it (the important ones are what
		// is left), and dated the next working day (the plan).
		next := st.Calendar().AddWorkdays(day, 1)
		taskIDs := map[model.ID]bool{}
		addTask := func(id model.ID) error {
			if taskIDs[id] {
				return nil
			}
			taskIDs[id] = true
			t, err := getTask(tx, id)
			if err == nil {
				in.Tasks = append(in.Tasks, n.agendaTask(t, model.NoDate))
			}
			return err
		}
		for _, r := range []struct {
			index    []byte
			from, to model.Date
		}{
			{ixTaskDone, day, day},
			{ixTaskDate, day, day},
			{ixTaskDate, next, next},
		} {
			err := seekRange(ix(tx, r.index), dateBytes(r.from), dateBytes(r.to+1), func(k, _ []byte) error { return addTask(keyID(k[4:])) })
			if err != nil {
				return err
			}
		}
		// Undone tasks dated before the day: their ids from task_open;
		// only the important ones are kept by the rule, so decode those.
		err = seekRange(ix(tx, ixTaskOpen), dateBytes(1), lo, func(k, _ []byte) error { return addTask(keyID(k[4:])) })
		if err != nil {
			return err
		}
		// And those still open at the day's end but done since (a past
		// day's record): task_done after the day holds each task's date
		// and important flag, so only the ones the rule keeps are decoded.
		err = seekRange(ix(tx, ixTaskDone), hi, nil, func(k, v []byte) error {
			if len(v) != 5 {
				return model.Errf("corrupt_index", "a task done index entry is damaged; run salesplan check")
			}
			if v[4] != 1 {
				return nil
			}
			if d := readDate(v[:4]); d == model.NoDate || d >= day {
				return nil // the inbox, or dated the day (read above) or after
			}
			return addTask(keyID(k[4:]))
		})
		if err != nil {
			return err
		}
		for _, e := range in.Entries {
			in.ClientNames[e.ClientID] = n.client(e.ClientID)
			in.ProjectNames[e.ProjectID] = n.project(e.ProjectID)
		}
		for _, p := range in.Promises {
			in.ClientNames[p.ClientID] = n.client(p.ClientID)
			in.ProjectNames[p.ProjectID] = n.project(p.ProjectID)
		}
		slices.SortFunc(in.Entries, func(a, b model.JournalEntry) int { return a.At.Compare(b.At) })
		r = model.BuildDayRecord(in)
		return nil
	})
	return r, err
}
