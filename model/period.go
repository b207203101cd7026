package model

import (
	"cmp"
	"slices"
)

// BuildWeek returns the Week pane and `week` for the week containing
// in.From (weeks start on Monday): seven days, Monday first, and the week's
// totals against its targets.
func BuildWeek(in PeriodInput) WeekSummary {
	start := in.From
	if !start.Valid() {
		start = in.Today
	}
	start = start.WeekStart()
	end := start.AddDays(6)
	s := in.Settings
	days := buildDays(in, start, end)
	w := WeekSummary{
		Start:      start,
		End:        end,
		Calls:      Quota{Target: s.CallsTargetWeek(start)},
		Visits:     visitQuota(entriesIn(in.Contacts, start, end), s.VisitsPerWeek),
		Promises:   countPromises(in.Promises, start, end, in.Today),
		Signed:     MoneyQuota{Value: in.Signed, Target: s.PeriodTarget(start, end)},
		StageMoves: sortedMoves(in.StageMoves, start, end),
		Days:       days,
	}
	for _, dd := range days {
		w.Calls.Done += dd.Calls
	}
	return w
}

// BuildMonth returns the Month pane and `month` for m: one day per day of
// the month with its markers, and the month's totals against its targets.
//
// The month's calls target is the sum of the days' calls targets. Its visits
// target is the weekly one scaled by the month's working weeks:
// VisitsPerWeek × working days in m ÷ working days per week, rounded half up
// (20 × 21 ÷ 5 = 84 for November 2026; 20 × 22 ÷ 6 = 73.3 → 73 on a
// six-day week).
func BuildMonth(in PeriodInput, m Month) MonthSummary {
	s := in.Settings
	first, last := m.First(), m.Last()
	days := buildDays(in, first, last)

	cal := s.Calendar()
	bids, papers := map[Date]bool{}, map[Date]bool{}
	for _, b := range in.Bids {
		if !PreparesBid(b.Stage) || !b.Date.Valid() {
			continue
		}
		bids[b.Date] = true
		papers[PapersDue(b.Date, cal)] = true
	}
	due := map[Date]bool{}
	for _, p := range in.Promises {
		// Only open promises: a kept one needs nothing more on that day.
		if p.Status == PromiseOpen {
			due[p.Due] = true
		}
	}

	ms := MonthSummary{
		Month:      m,
		Signed:     MoneyQuota{Value: in.Signed, Target: s.MonthTarget(m)},
		Promises:   countPromises(in.Promises, first, last, in.Today),
		StageMoves: sortedMoves(in.StageMoves, first, last),
		Days:       days,
	}
	for i := range days {
		dd := &days[i]
		dd.Markers = []string{} // [] rather than null in JSON
		if bids[dd.Date] {
			dd.Markers = append(dd.Markers, "bid")
		}
		if papers[dd.Date] {
			dd.Markers = append(dd.Markers, "papers_due")
		}
		if due[dd.Date] {
			dd.Markers = append(dd.Markers, "promise_due")
		}
		if dd.Date == in.Today {
			dd.Markers = append(dd.Markers, "today")
		}
		ms.Calls.Done += dd.Calls
		if cal.IsWorkday(dd.Date) {
			ms.Calls.Target += s.CallsPerDay
		}
	}
	visits := entriesIn(in.Contacts, first, last)
	perWeek := len(distinctWeekdays(workdaysOrDefault(s.Workdays)))
	work := cal.WorkingDays(first, last)
	ms.Visits = visitQuota(visits, (2*s.VisitsPerWeek*work+perWeek)/(2*perWeek))
	return ms
}

// buildDays returns one DaySummary per day of from..to with its tasks in
// agenda order and its calls and visits.
func buildDays(in PeriodInput, from, to Date) []DaySummary {
	if to < from {
		return nil
	}
	days := make([]DaySummary, to.Sub(from)+1)
	for i := range days {
		days[i].Date = from.AddDays(i)
	}
	at := func(dt Date) *DaySummary {
		if dt < from || dt > to {
			return nil
		}
		return &days[dt.Sub(from)]
	}
	for _, t := range in.Tasks {
		dd := at(t.Date)
		if dd == nil {
			continue
		}
		// Sorted as the agenda sorts one day (by slot and time); whether a
		// past task is undone is shown by its flag, not by moving it.
		t.CarriedOver = false
		dd.Tasks = append(dd.Tasks, t)
		dd.TasksTotal++
		if t.Done {
			dd.TasksDone++
		}
	}
	for i := range days {
		SortTasks(days[i].Tasks)
		for j := range days[i].Tasks {
			t := &days[i].Tasks[j]
			t.CarriedOver = t.Task.CarriedOver(in.Today)
		}
	}
	for _, e := range in.Contacts {
		dd := at(e.On())
		if dd == nil {
			continue
		}
		switch e.Kind {
		case EntryCall:
			dd.Calls++
		case EntryVisit:
			dd.Visits++
		}
	}
	return days
}

// countPromises counts the promises of from..to (see PromiseCounts). A
// promise listed twice by the caller is counted once.
func countPromises(ps []Promise, from, to, today Date) PromiseCounts {
	var c PromiseCounts
	seen := map[ID]bool{}
	overdueBefore := min(today, to.AddDays(1))
	for _, p := range ps {
		if p.ID != 0 {
			if seen[p.ID] {
				continue
			}
			seen[p.ID] = true
		}
		if p.MadeOn >= from && p.MadeOn <= to {
			c.Made++
		}
		if p.Status == PromiseKept && p.KeptOn >= from && p.KeptOn <= to {
			c.Kept++
			if p.KeptOnTime() {
				c.KeptOnTime++
			}
		}
		if p.Status == PromiseOpen && p.Due.Valid() && p.Due < overdueBefore {
			c.Overdue++
		}
		if p.Status == PromiseCancelled && p.CancelledOn >= from && p.CancelledOn <= to {
			c.Cancelled++
		}
	}
	return c
}

// sortedMoves returns the moves of from..to by date, then project; a
// project's moves on one day keep the caller's (history) order.
func sortedMoves(moves []StageMove, from, to Date) []StageMove {
	out := make([]StageMove, 0, len(moves))
	for _, m := range moves {
		if m.On >= from && m.On <= to {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b StageMove) int {
		return cmp.Or(cmp.Compare(a.On, b.On), cmp.Compare(a.Project, b.Project), cmp.Compare(a.ProjectID, b.ProjectID))
	})
	return out
}

// distinctWeekdays returns the distinct real weekdays of ws.
func distinctWeekdays(ws Workdays) Workdays {
	var out Workdays
	for _, w := range ws {
		if w >= 0 && w <= 6 && !out.Has(w) {
			out = append(out, w)
		}
	}
	return out
}

// entriesIn returns the entries of es dated from..to.
func entriesIn(es []JournalEntry, from, to Date) []JournalEntry {
	var out []JournalEntry
	for _, e := range es {
		if d := e.On(); d >= from && d <= to {
			out = append(out, e)
		}
	}
	return out
}
