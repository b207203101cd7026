package quickadd

import (
	"errors"
	"strings"

	"salesplan/model"
)

// ParsePastDate reads the date something happened (a call recorded in the
// planner, CLI --on): ParseDate's words, except that a word meaning "the
// next such day" — a weekday alone (fri, 周五), a month and day without a
// year (11-26, 11/26, 11月26日), a day of the month (26号) — means the
// last such day on or before today: on Friday 27 Nov 2026 "mon" is the
// 23rd and "11-26" the day before, where ParseDate looks ahead (the
// 30th, and 26 Nov 2027). Any other date after today comes back as it
// reads, for the caller to refuse: "tomorrow" never turns into a past day.
// Text that is no date is a CodeBadPastDate problem, whose examples are
// words for a day gone by (yesterday, last mon), not tomorrow's.
func ParsePastDate(s string, today model.Date) (model.Date, error) {
	d, err := ParseDate(s, today)
	var p *model.Problem
	if errors.As(err, &p) && p.Code == CodeBadDate && len(p.Args) == 1 {
		return d, model.Errf(CodeBadPastDate, "%q is not a date (try 2026-12-01, 12/1, yesterday, fri, last mon, 3 days ago)", p.Args[0])
	}
	if err != nil || d <= today || !rolling(strings.TrimSpace(foldWidth(s))) {
		return d, err
	}
	// Read the same words from further back: a week for a weekday, a month
	// for a day of the month, a year for a month and day. Each start is
	// the day after the same day back, so the answer lies in (back, today].
	y, m, dd := today.YMD()
	monthBack := model.MonthOf(today).Add(-1)
	starts := []model.Date{
		today.AddDays(-6),
		model.MakeDate(monthBack.Year, monthBack.Month, min(dd, model.DaysIn(monthBack.Year, monthBack.Month))).AddDays(1),
		model.MakeDate(y-1, m, min(dd, model.DaysIn(y-1, m))).AddDays(1),
	}
	for _, from := range starts {
		if p, err := ParseDate(s, from); err == nil && p <= today {
			return p, nil
		}
	}
	return d, nil
}

var (
	reZhWeekday  = lazyRegexp(`^(?:` + weekPat + `)(?:` + wdayPat + `)$`)
	reZhMonthDay = lazyRegexp(`^(?:\d{1,2}|` + zhNumPat + `)月(?:\d{1,2}|` + zhNumPat + `)(?:日|号)?$`)
	reZhDayOnly  = lazyRegexp(`^\d{1,2}(?:日|号)$`)
)

// rolling reports whether in is one date word that looks ahead from today
// to the next day that fits it.
func rolling(in string) bool {
	lw := strings.ToLower(in)
	if _, ok := weekdayWords[lw]; ok {
		return true
	}
	for _, re := range []*lazyRE{reMDDash, reMDSlash, reZhWeekday, reZhMonthDay, reZhDayOnly} {
		if re.FindStringSubmatch(lw) != nil {
			return true
		}
	}
	return false
}

// IsDefaultTitle reports whether title is the one quick-add gives a task
// of kind k with client when nothing else was typed ("Call 王总",
// 给王总打电话, "Meeting with Bob", 拜访李经理): a list that shows the kind
// and the client beside the title need not say them twice.
func IsDefaultTitle(k model.TaskKind, title, client string) bool {
	if client == "" || k == model.TaskTodo {
		return false
	}
	title = strings.TrimSpace(title)
	return title == defaultTitle(k, "x", client, "") || title == defaultTitle(k, "中", client, "")
}

// PastDayOr reads a date line of something that has happened (a contact,
// a cancellation, a project lost): today when it is empty, else
// ParsePastDate's reading. A day after today comes back for the caller's
// own refusal, which names what happened.
func PastDayOr(s string, today model.Date) (model.Date, error) {
	if s = strings.TrimSpace(s); s == "" {
		return today, nil
	}
	return ParsePastDate(s, today)
}
