package model

import "time"

// Targets (DESIGN.md §2): the annual signed-sales target, broken down into
// months, quarters and working days; the calls and visits quotas.
//
// Money is split in integer cents so that nothing drifts. The months of a
// year always add up to its annual target: months set by hand keep their
// value and the other months share what is left evenly, the cents that do
// not divide going one each to the last of those months. The working days
// of a month sum exactly to the month target with cumulative rounding:
// working day i (1-based) of a month with W working days and target T gets
// floor(T·i/W) − floor(T·(i−1)/W) cents, so any range of working days
// i = a..b of one month gets floor(T·b/W) − floor(T·(a−1)/W).

// YearTarget returns the annual signed-sales target for year y (0 if unset).
func (s Settings) YearTarget(y int) Money { return s.AnnualTargets[y] }

// MonthSetByHand reports whether m's target was set on its own.
func (s Settings) MonthSetByHand(m Month) bool {
	_, ok := s.MonthTargets[m.String()]
	return ok
}

// MonthTarget returns m's share of its year's target: the value set for m
// on its own, else an even share (in whole cents, the remainder to the last
// months) of what the months set by hand leave of the annual target.
func (s Settings) MonthTarget(m Month) Money {
	if v, ok := s.MonthTargets[m.String()]; ok {
		return v
	}
	rest := int64(s.YearTarget(m.Year))
	var free []time.Month // the months that share the rest, in order
	for i := time.January; i <= time.December; i++ {
		if v, ok := s.MonthTargets[(Month{m.Year, i}).String()]; ok {
			rest -= int64(v)
		} else {
			free = append(free, i)
		}
	}
	if rest <= 0 {
		return 0 // the months set by hand take it all (more is refused: CheckTargets)
	}
	k := int64(len(free))
	pos := int64(0)
	for i, fm := range free {
		if fm == m.Month {
			pos = int64(i)
		}
	}
	share, extra := rest/k, rest%k
	if pos >= k-extra {
		share++
	}
	return Money(share)
}

// QuarterTarget returns the target of quarter q (1–4) of year y: its three
// months.
func (s Settings) QuarterTarget(y, q int) Money {
	if q < 1 || q > 4 {
		return 0
	}
	var sum Money
	for i := 0; i < 3; i++ {
		sum += s.MonthTarget(Month{y, time.Month((q-1)*3 + 1 + i)})
	}
	return sum
}

// QuarterOf returns the quarter (1–4) of month m.
func QuarterOf(m Month) int { return (int(m.Month)-1)/3 + 1 }

// CheckTargets refuses targets that cannot add up: a negative amount, a
// month key that is not a month, or months set by hand whose sum passes
// their year's annual target (the other months would have to be
// negative). A year with no annual target takes its months as they come.
func (s Settings) CheckTargets() error {
	for y, v := range s.AnnualTargets {
		if v < 0 {
			return Errf("bad_annual_target", "the target for %d cannot be negative", y)
		}
	}
	byYear := map[int]Money{}
	for k, v := range s.MonthTargets {
		m, err := ParseMonth(k)
		if err != nil || v < 0 {
			return Errf("bad_month_target", "month target %s is not a month with an amount of zero or more", k)
		}
		byYear[m.Year] += v
	}
	for y, sum := range byYear {
		if annual, ok := s.AnnualTargets[y]; ok && sum > annual {
			return Errf("months_over_year", "the months of %d set by hand add up to %s, more than the year's target %s; lower a month or raise the year",
				y, sum.Plain(), annual.Plain())
		}
	}
	return nil
}

// Plain renders m in main units without grouping ("1200000.5"), for
// messages that the catalog formats as text.
func (m Money) Plain() string {
	b, _ := m.MarshalJSON()
	return string(b)
}

// IsWorkday reports whether d is a working day of the settings' calendar
// (see Calendar).
func (s Settings) IsWorkday(d Date) bool { return s.Calendar().IsWorkday(d) }

// WorkingDaysIn returns the number of working days in m.
func (s Settings) WorkingDaysIn(m Month) int { return s.Calendar().WorkingDays(m.First(), m.Last()) }

// PeriodTarget returns the signed-sales target of from..to (inclusive): for
// each working day in the range, that month's target divided by that month's
// number of working days, summed in integer cents as described above. A range
// spanning two months mixes both months' rates.
func (s Settings) PeriodTarget(from, to Date) Money {
	if !from.Valid() || !to.Valid() || from > to {
		return 0
	}
	cal := s.Calendar()
	var sum int64
	for m := MonthOf(from); m.First() <= to; m = m.Add(1) {
		w := int64(cal.WorkingDays(m.First(), m.Last()))
		if w == 0 {
			continue
		}
		lo, hi := max(from, m.First()), min(to, m.Last())
		before := int64(cal.WorkingDays(m.First(), lo-1)) // working days a-1
		upto := int64(cal.WorkingDays(m.First(), hi))     // working days b
		t := int64(s.MonthTarget(m))
		sum += mulDiv(t, upto, w) - mulDiv(t, before, w)
	}
	return Money(sum)
}

// mulDiv returns floor(t·a/w) for t ≥ 0, 0 ≤ a ≤ w, w > 0 without
// overflowing: t may be up to 10^15 cents.
func mulDiv(t, a, w int64) int64 {
	q, r := t/w, t%w
	return q*a + r*a/w
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
	return s.CallsPerDay * s.Calendar().WorkingDays(ws, ws.AddDays(6))
}

// QuarterStart returns the first month of m's quarter.
func QuarterStart(m Month) Month { return Month{m.Year, time.Month((QuarterOf(m)-1)*3 + 1)} }

// QuarterToDateTarget returns the target of m's quarter from its first
// month through m (the month report's "quarter to date").
func (s Settings) QuarterToDateTarget(m Month) Money {
	var sum Money
	for q := QuarterStart(m); q.First() <= m.First(); q = q.Add(1) {
		sum += s.MonthTarget(q)
	}
	return sum
}
