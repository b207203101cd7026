package model

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// Holiday calendars (the `holidays` setting, DESIGN.md §2 "Working days").
const (
	// HolidaysCN is mainland China's official days off and make-up working
	// days (调休), from github.com/6tail/lunar-go's HolidayUtil.
	HolidaysCN = "cn"
	// HolidaysNone is no public holidays: the working weekdays only.
	HolidaysNone = "none"
)

// HolidaysFor returns the holiday calendar in force: the setting when one
// is set, else cn for a person who reads Chinese (lang is the language the
// planner or command line speaks: flag, setting or locale) and none for
// everyone else.
func (s Settings) HolidaysFor(lang string) string {
	switch s.Holidays {
	case HolidaysCN, HolidaysNone:
		return s.Holidays
	}
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return HolidaysCN
	}
	return HolidaysNone
}

// Calendar tells working days from days off (DESIGN.md §2): the working
// weekdays, minus the holiday calendar's days off plus its make-up working
// days, minus the person's own days off plus their extra working days.
// Every rule that says "working day" takes one. The zero Calendar works
// Monday to Friday. Building one copies nothing and allocates nothing, so
// rules build it where they need it (Settings.Calendar).
type Calendar struct {
	weekdays uint8 // bit w set: weekday w is a working day; 0 = Monday–Friday
	cn       bool
	off      []Date // the person's days off (shared with the settings: read only)
	extra    []Date // the person's extra working days (likewise)
}

// Calendar returns the working-day calendar of the settings. Holidays ""
// falls back on the settings' own language (HolidaysFor); storage resolves
// it with the language the person actually reads before handing the
// settings to the rules.
func (s Settings) Calendar() Calendar {
	c := Calendar{off: s.DaysOff, extra: s.ExtraWorkdays}
	for _, w := range workdaysOrDefault(s.Workdays) {
		if w >= time.Sunday && w <= time.Saturday {
			c.weekdays |= 1 << uint(w)
		}
	}
	c.cn = s.HolidaysFor(s.Language) == HolidaysCN
	return c
}

// IsWorkday reports whether d is a working day.
func (c Calendar) IsWorkday(d Date) bool {
	if !d.Valid() {
		return false
	}
	// The person's own lists come last in the rule, so they win: "minus
	// days_off, plus extra_workdays".
	if slices.Contains(c.extra, d) {
		return true
	}
	if slices.Contains(c.off, d) {
		return false
	}
	if c.cn {
		if work, ok := cnDays()[d]; ok {
			return work
		}
	}
	ws := c.weekdays
	if ws == 0 {
		ws = 0b0111110 // Monday–Friday
	}
	return ws&(1<<uint(d.Weekday())) != 0
}

// WorkingDays counts the working days in from..to (inclusive).
func (c Calendar) WorkingDays(from, to Date) int {
	n := 0
	for d := from; d <= to; d++ {
		if c.IsWorkday(d) {
			n++
		}
	}
	return n
}

// maxWorkdaySearch bounds AddWorkdays: a calendar whose days are all off
// (only possible with hundreds of hand-entered days off) must not loop.
const maxWorkdaySearch = 3660

// AddWorkdays returns the n-th working day after d (n > 0) or before d
// (n < 0); d itself is not counted. n = 0 returns d. When no such day is
// found within ten years the result counts calendar days instead, so a
// rule degrades to its plain-day reading rather than hanging.
func (c Calendar) AddWorkdays(d Date, n int) Date {
	if n == 0 || !d.Valid() {
		return d
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	x := d
	for i := 0; i < maxWorkdaySearch; i++ {
		x = x.AddDays(step)
		if c.IsWorkday(x) {
			n--
			if n == 0 {
				return x
			}
		}
	}
	return d.AddDays(step * n)
}

// WorkdayKind says why a day is or is not a working day, for a calendar
// that marks them (Month pane, settings).
type WorkdayKind int

// Day kinds.
const (
	DayWork     WorkdayKind = iota // a working weekday
	DayWeekend                     // a weekday that is not worked
	DayHoliday                     // a public holiday on a working weekday (or any day the calendar gives off)
	DayMakeUp                      // a make-up working day (调休) on a day otherwise off
	DayOwnOff                      // one of the person's days off
	DayOwnExtra                    // one of the person's extra working days
)

// Kind returns why d is or is not a working day.
func (c Calendar) Kind(d Date) WorkdayKind {
	switch {
	case slices.Contains(c.extra, d):
		return DayOwnExtra
	case slices.Contains(c.off, d):
		return DayOwnOff
	}
	if c.cn {
		if work, ok := cnDays()[d]; ok {
			if work {
				return DayMakeUp
			}
			return DayHoliday
		}
	}
	if c.IsWorkday(d) {
		return DayWork
	}
	return DayWeekend
}

// cnDays is mainland China's official calendar: true for a make-up working
// day, false for a day off; days not in the map follow the weekdays. Built
// once, the first time a cn calendar is asked (a few hundred entries), so
// a run that never needs it pays nothing at start-up.
var cnDays = sync.OnceValue(buildCNDays)

// buildCNDays reads HolidayUtil's data in one pass: every entry of this
// century ("20" is the prefix of every day it has).
func buildCNDays() map[Date]bool {
	l := HolidayUtil.GetHolidays("20")
	out := make(map[Date]bool, l.Len())
	for e := l.Front(); e != nil; e = e.Next() {
		h, ok := e.Value.(*HolidayUtil.Holiday)
		if !ok || h == nil {
			continue
		}
		if d, err := ParseDate(h.GetDay()); err == nil {
			out[d] = h.IsWork()
		}
	}
	return out
}

// CNHolidayName returns the name (in Chinese, from the data source) of the
// official holiday or make-up day d belongs to, or "".
func CNHolidayName(d Date) string {
	if _, ok := cnDays()[d]; !ok {
		return ""
	}
	if h := HolidayUtil.GetHoliday(d.String()); h != nil {
		return h.GetName()
	}
	return ""
}

// CNDataThrough returns the last year the cn calendar has data for; later
// years follow the working weekdays until the data source is updated.
func CNDataThrough() int {
	last := 0
	for d := range cnDays() {
		last = max(last, d.Year())
	}
	return last
}

// ParseDateList reads a list of dates separated by commas or spaces
// ("2026-10-08, 2026-10-09"), sorted and without repeats. An empty string
// is an empty list.
func ParseDateList(s string) ([]Date, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '，' })
	out := make([]Date, 0, len(fields))
	for _, f := range fields {
		d, err := ParseDate(f)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// FormatDateList writes dates as ParseDateList reads them.
func FormatDateList(ds []Date) string {
	parts := make([]string, 0, len(ds))
	for _, d := range ds {
		parts = append(parts, d.String())
	}
	return strings.Join(parts, ", ")
}

// validHolidays reports whether v is a holiday setting ("" = by language).
func validHolidays(v string) bool { return v == "" || v == HolidaysCN || v == HolidaysNone }

// CheckCalendar checks the calendar settings: a known holiday calendar, and
// dates that are dates, within range and not both a day off and an extra
// working day (which would leave the day's meaning to list order).
func (s Settings) CheckCalendar() error {
	if !validHolidays(s.Holidays) {
		return Errf("bad_holidays", "holidays %q is not a holiday calendar (cn or none)", s.Holidays)
	}
	for _, list := range [][]Date{s.DaysOff, s.ExtraWorkdays} {
		for _, d := range list {
			if !inDateBounds(d) {
				return Errf("calendar_date_range", "date %s is out of range (1900-01-01 to 2200-12-31)", dateOrNumber(d))
			}
		}
	}
	for _, d := range s.DaysOff {
		if slices.Contains(s.ExtraWorkdays, d) {
			return Errf("day_off_and_extra", "%s is both a day off and an extra working day; keep it in one list", d)
		}
	}
	return nil
}

// dateOrNumber shows a date that may not render (out of range).
func dateOrNumber(d Date) string {
	if s := d.String(); s != "" {
		return s
	}
	return strconv.Itoa(int(d))
}

// inDateBounds reports whether d lies in 1900-01-01…2200-12-31, the range
// every path accepts (DESIGN.md §2 "Ranges and limits").
func inDateBounds(d Date) bool {
	return d >= MakeDate(1900, time.January, 1) && d <= MakeDate(2200, time.December, 31)
}
