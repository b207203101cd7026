package model

import (
	"strconv"
	"strings"
	"time"
)

// Canonical repeat rules (DESIGN.md §2). "every N days" and "every N weeks"
// are built with EveryDays and EveryWeeks.
const (
	RepeatNone     Repeat = ""
	RepeatDaily    Repeat = "daily"
	RepeatWeekdays Repeat = "weekdays"
	RepeatWeekly   Repeat = "weekly"
	RepeatMonthly  Repeat = "monthly"
)

// maxRepeatN bounds N in "every N days/weeks": large enough for "every 52
// weeks", small enough that date arithmetic can never overflow.
const maxRepeatN = 999

// EveryDays returns the canonical rule for every n days ("daily" for 1).
func EveryDays(n int) Repeat {
	if n == 1 {
		return RepeatDaily
	}
	return Repeat("every " + strconv.Itoa(n) + " days")
}

// EveryWeeks returns the canonical rule for every n weeks ("weekly" for 1).
func EveryWeeks(n int) Repeat {
	if n == 1 {
		return RepeatWeekly
	}
	return Repeat("every " + strconv.Itoa(n) + " weeks")
}

// ParseRepeat reads a repeat rule and returns it in canonical form. It takes
// the canonical forms — "", "daily", "weekdays", "weekly", "monthly",
// "every N days", "every N weeks" (1 ≤ N ≤ 999) — ignoring case and extra
// spaces, and "every 1 day(s)"/"every 1 week(s)" become "daily"/"weekly" so
// that one rule has one spelling. The quick-add words ("every mon", "每天")
// are quickadd's job, not this function's.
func ParseRepeat(s string) (Repeat, error) {
	f := strings.Fields(strings.ToLower(s))
	switch len(f) {
	case 0:
		return RepeatNone, nil
	case 1:
		switch r := Repeat(f[0]); r {
		case RepeatDaily, RepeatWeekdays, RepeatWeekly, RepeatMonthly:
			return r, nil
		}
	case 3:
		if f[0] != "every" {
			break
		}
		n, err := strconv.Atoi(f[1])
		if err != nil || n < 1 || n > maxRepeatN {
			break
		}
		switch f[2] {
		case "day", "days":
			return EveryDays(n), nil
		case "week", "weeks":
			return EveryWeeks(n), nil
		}
	}
	return RepeatNone, Errf("bad_repeat",
		"%q is not a repeat rule (daily, weekdays, weekly, monthly, every N days, every N weeks)", s)
}

// Valid reports whether r is a rule in canonical form (what ParseRepeat
// returns); "" (no repeat) is valid.
func (r Repeat) Valid() bool {
	c, err := ParseRepeat(string(r))
	return err == nil && c == r
}

// step returns the fixed period in days of a canonical daily/weekly/every-N
// rule, or 0 when r is not such a rule.
func (r Repeat) step() int {
	switch r {
	case RepeatDaily:
		return 1
	case RepeatWeekly:
		return 7
	}
	f := strings.Fields(string(r))
	if len(f) != 3 || f[0] != "every" {
		return 0
	}
	n, err := strconv.Atoi(f[1])
	if err != nil || n < 1 || n > maxRepeatN {
		return 0
	}
	switch f[2] {
	case "days":
		return n
	case "weeks":
		return 7 * n
	}
	return 0
}

// Next returns the first date strictly after `after` that fits the rule
// anchored at `anchor` (the task's date): "weekly" and "every N weeks" keep
// the anchor's weekday and its phase, "every N days" keeps its phase from
// the anchor, "monthly" keeps the anchor's day of the month (clamped: a task
// on the 31st repeats on Feb 28, then Mar 31 — the anchor's day, not the
// clamped one), "weekdays" means the working days of the settings (Mon–Fri
// when none are set). It returns NoDate for no rule or one it cannot read.
//
// Storage calls it with anchor = task.Date and after = max(task.Date,
// doneOn): a task done on time repeats from its own date, while a repeating
// task carried over for days and done late spawns its next occurrence after
// the day it was done — never in the past, where it would only be carried
// over again — and still on the rule's rhythm (the same weekday, the same day
// of the month). A task without a date repeats from `after`.
//
// A repeat ends at the end of the date range: when the next date would
// pass MaxDate, Next returns NoDate (so a daily task done on 2200-12-31
// has no next occurrence, rather than one that no check would accept).
func (r Repeat) Next(anchor, after Date, workdays Workdays) Date {
	if d := r.next(anchor, after, workdays); d <= MaxDate {
		return d
	}
	return NoDate
}

func (r Repeat) next(anchor, after Date, workdays Workdays) Date {
	r, err := ParseRepeat(string(r)) // tolerate a hand-edited "Every 2 Weeks"
	if err != nil || r == RepeatNone || !after.Valid() {
		return NoDate
	}
	if !anchor.Valid() {
		anchor = after
	}
	if anchor > after {
		// Occurrences start at the anchor: nothing before it fits.
		after = anchor.AddDays(-1)
	}
	switch r {
	case RepeatWeekdays:
		ws := workdaysOrDefault(workdays)
		d := after.AddDays(1)
		for !ws.Has(d.Weekday()) {
			d = d.AddDays(1) // ends within a week: ws holds a real weekday
		}
		return d
	case RepeatMonthly:
		ay, am, _ := anchor.YMD()
		by, bm, _ := after.YMD()
		for k := max((by-ay)*12+int(bm-am), 0); ; k++ {
			if d := anchor.AddMonths(k); d > after {
				return d
			}
		}
	}
	step := r.step()
	if step == 0 {
		return NoDate
	}
	// after >= anchor-1 here; d = -1 means the anchor itself is next.
	d := after.Sub(anchor)
	if d < 0 {
		return anchor
	}
	return anchor.AddDays((d/step + 1) * step)
}

// workdaysOrDefault returns ws, or Monday–Friday when ws holds no weekday: a week
// without working days is a misconfiguration, and counting on it would leave
// "weekdays" with no next date and targets with nothing to divide by.
func workdaysOrDefault(ws Workdays) Workdays {
	for _, w := range ws {
		if w >= time.Sunday && w <= time.Saturday {
			return ws
		}
	}
	return Workdays{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
}
