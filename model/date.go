// Package model holds salesplan's domain types and every rule of the product
// (DESIGN.md §2). It is pure: no I/O, no bbolt, no Bubble Tea. The planner and
// the command line call the same functions here, so they always show the same
// numbers.
package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Date is a civil date in the local time zone, counted in days so that
// arithmetic and index keys are trivial. The zero Date means "no date":
// day 1 is 0001-01-01 (proleptic Gregorian).
type Date int32

// unixEpochDay is the Date of 1970-01-01.
const unixEpochDay = 719163

// NoDate is the zero Date, spelled out where "none" is meant.
const NoDate Date = 0

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return MakeDate(y, m, d)
}

// MakeDate builds a Date; out-of-range days normalise like time.Date does.
func MakeDate(y int, m time.Month, d int) Date {
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	return Date(u/86400 + unixEpochDay)
}

// ParseDate reads YYYY-MM-DD. Its error is a *Problem (bad_date) so that the
// planner and the command line can say it in the user's language.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return NoDate, Errf("bad_date", "%q is not a date (want YYYY-MM-DD)", s)
	}
	return DateOf(t), nil
}

// Valid reports whether d is a date rather than "none".
func (d Date) Valid() bool { return d > 0 }

// Time returns midnight of d in loc.
func (d Date) Time(loc *time.Location) time.Time {
	u := time.Unix(int64(d-unixEpochDay)*86400, 0).UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, loc)
}

// YMD returns the year, month and day.
func (d Date) YMD() (int, time.Month, int) { return d.Time(time.UTC).Date() }

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// Month returns the month of d.
func (d Date) Month() time.Month { _, m, _ := d.YMD(); return m }

// Day returns the day of the month of d.
func (d Date) Day() int { _, _, dd := d.YMD(); return dd }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	return time.Weekday((int(d-unixEpochDay)%7 + 7 + 4) % 7)
}

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddMonths returns the same day n months later, clamped to the month's end
// (Jan 31 + 1 month = Feb 28), which is what "monthly" means to a person.
func (d Date) AddMonths(n int) Date {
	y, m, day := d.YMD()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := DaysIn(first.Year(), first.Month())
	if day > last {
		day = last
	}
	return MakeDate(first.Year(), first.Month(), day)
}

// Sub returns the number of days from e to d (d - e).
func (d Date) Sub(e Date) int { return int(d - e) }

// String renders YYYY-MM-DD, or "" for no date.
func (d Date) String() string {
	if !d.Valid() {
		return ""
	}
	y, m, dd := d.YMD()
	if y < 0 || y > 9999 {
		return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
	}
	// Without fmt: a day list of thousands of rows prints thousands of dates.
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + dd/10), byte('0' + dd%10)}
	return string(b[:])
}

// MarshalJSON writes "YYYY-MM-DD" or null.
func (d Date) MarshalJSON() ([]byte, error) {
	if !d.Valid() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD", null or "".
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = NoDate
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return Errf("bad_date", "%q is not a date (want YYYY-MM-DD)", string(b))
	}
	if s == "" {
		*d = NoDate
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// WeekStart returns the Monday on or before d (weeks start on Monday).
func (d Date) WeekStart() Date {
	off := (int(d.Weekday()) + 6) % 7
	return d.AddDays(-off)
}

// MonthStart returns the first day of d's month.
func (d Date) MonthStart() Date {
	y, m, _ := d.YMD()
	return MakeDate(y, m, 1)
}

// ISOWeek returns the ISO 8601 week label, e.g. "2026-W48".
func (d Date) ISOWeek() string {
	y, w := d.Time(time.UTC).ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// Month is a calendar month, rendered as YYYY-MM.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month containing d.
func MonthOf(d Date) Month { y, m, _ := d.YMD(); return Month{y, m} }

// ParseMonth reads YYYY-MM (error: a *Problem, bad_month).
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", strings.TrimSpace(s))
	if err != nil {
		return Month{}, Errf("bad_month", "%q is not a month (want YYYY-MM)", s)
	}
	return Month{t.Year(), t.Month()}, nil
}

// String renders YYYY-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// First returns the month's first day.
func (m Month) First() Date { return MakeDate(m.Year, m.Month, 1) }

// Last returns the month's last day.
func (m Month) Last() Date { return MakeDate(m.Year, m.Month, DaysIn(m.Year, m.Month)) }

// Add returns the month n months later.
func (m Month) Add(n int) Month {
	t := time.Date(m.Year, m.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return Month{t.Year(), t.Month()}
}

// Clock is a time of day. The zero Clock means "no time"; otherwise it holds
// minutes after midnight plus one.
type Clock int16

// NoClock is the zero Clock.
const NoClock Clock = 0

// ClockAt builds a Clock from hour and minute.
func ClockAt(h, m int) Clock { return Clock(h*60 + m + 1) }

// ParseClock reads HH:MM (24-hour) (error: a *Problem, bad_time).
func ParseClock(s string) (Clock, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return NoClock, Errf("bad_time", "%q is not a time (want HH:MM)", s)
	}
	return ClockAt(t.Hour(), t.Minute()), nil
}

// Valid reports whether c is a time rather than "none".
func (c Clock) Valid() bool { return c > 0 }

// Minutes returns minutes after midnight.
func (c Clock) Minutes() int { return int(c) - 1 }

// Hour returns the hour (0–23).
func (c Clock) Hour() int { return c.Minutes() / 60 }

// Minute returns the minute (0–59).
func (c Clock) Minute() int { return c.Minutes() % 60 }

// String renders HH:MM, or "" for no time.
func (c Clock) String() string {
	if !c.Valid() {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", c.Hour(), c.Minute())
}

// MarshalJSON writes "HH:MM" or null.
func (c Clock) MarshalJSON() ([]byte, error) {
	if !c.Valid() {
		return []byte("null"), nil
	}
	return json.Marshal(c.String())
}

// UnmarshalJSON reads "HH:MM", null or "".
func (c *Clock) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*c = NoClock
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return Errf("bad_time", "%q is not a time (want HH:MM)", string(b))
	}
	if s == "" {
		*c = NoClock
		return nil
	}
	v, err := ParseClock(s)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Clock returns the Clock of t.
func ClockOf(t time.Time) Clock { return ClockAt(t.Hour(), t.Minute()) }
