package model

// Targets (DESIGN.md §2): the annual signed-sales target, broken down into
// months and working days; the calls and visits quotas.
//
// Money is split in integer cents with cumulative rounding, so nothing
// drifts: the months of a year sum exactly to the annual target, and the
// working days of a month sum exactly to the month target. Working day i
// (1-based) of a month with W working days and target T gets
// floor(T·i/W) − floor(T·(i−1)/W) cents — either floor(T/W) or one cent more,
// the extra cents spread evenly through the month. Any range of working days
// i = a..b of one month therefore gets floor(T·b/W) − floor(T·(a−1)/W).

// YearTarget returns the annual signed-sales target for year y (0 if unset).
func (s Settings) YearTarget(y int) Money { return s.AnnualTargets[y] }

// MonthTarget returns the target set for m on its own, else the annual
// target divided by twelve (months 1..12 of a year sum to the annual target
// exactly, see above).
func (s Settings) MonthTarget(m Month) Money {
	if v, ok := s.MonthTargets[m.String()]; ok {
		return v
	}
	a := int64(s.YearTarget(m.Year))
	i := int64(m.Month)
	return Money(a*i/12 - a*(i-1)/12)
}

// IsWorkday reports whether d falls on a working day of the settings
// (Monday–Friday when none are set).
func (s Settings) IsWorkday(d Date) bool {
	return d.Valid() && workdaysOrDefault(s.Workdays).Has(d.Weekday())
}

// WorkingDaysIn returns the number of working days in m.
func (s Settings) WorkingDaysIn(m Month) int { return s.workingDays(m.First(), m.Last()) }

// workingDays counts the working days in from..to (inclusive).
func (s Settings) workingDays(from, to Date) int {
	n := 0
	for d := from; d <= to; d++ {
		if s.IsWorkday(d) {
			n++
		}
	}
	return n
}

// PeriodTarget returns the signed-sales target of from..to (inclusive): for
// each working day in the range, that month's target divided by that month's
// number of working days, summed in integer cents as described above. A range
// spanning two months mixes both months' rates.
func (s Settings) PeriodTarget(from, to Date) Money {
	if !from.Valid() || !to.Valid() || from > to {
		return 0
	}
	var sum int64
	for m := MonthOf(from); m.First() <= to; m = m.Add(1) {
		w := int64(s.WorkingDaysIn(m))
		if w == 0 {
			continue
		}
		lo, hi := max(from, m.First()), min(to, m.Last())
		before := int64(s.workingDays(m.First(), lo-1)) // working days a-1
		upto := int64(s.workingDays(m.First(), hi))     // working days b
		t := int64(s.MonthTarget(m))
		sum += t*upto/w - t*before/w
	}
	return Money(sum)
}

// WeekTarget returns the signed-sales target of the week starting on
// weekStart's Monday (see PeriodTarget).
func (s Settings) WeekTarget(weekStart Date) Money {
	if !weekStart.Valid() {
		return 0
	}
	ws := weekStart.WeekStart()
	return s.PeriodTarget(ws, ws.AddDays(6))
}

// CallsTarget returns the calls quota of d: calls per day on a working day,
// 0 otherwise.
func (s Settings) CallsTarget(d Date) int {
	if !s.IsWorkday(d) {
		return 0
	}
	return s.CallsPerDay
}

// CallsTargetWeek returns the calls quota of the week starting on
// weekStart's Monday: calls per day × its working days.
func (s Settings) CallsTargetWeek(weekStart Date) int {
	if !weekStart.Valid() {
		return 0
	}
	ws := weekStart.WeekStart()
	return s.CallsPerDay * s.workingDays(ws, ws.AddDays(6))
}
