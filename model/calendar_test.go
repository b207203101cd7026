package model

import (
	"slices"
	"testing"
	"time"
)

// cnSettings are the default settings with mainland China's calendar.
func cnSettings() Settings {
	s := DefaultSettings()
	s.Holidays = HolidaysCN
	return s
}

func TestCalendarCN(t *testing.T) {
	cn := cnSettings().Calendar()
	none := DefaultSettings().Calendar()
	tests := []struct {
		day          string
		cn, none     bool
		kind         WorkdayKind
		holidayNamed bool
	}{
		{"2026-09-18", true, true, DayWork, false},      // an ordinary Friday
		{"2026-09-20", true, false, DayMakeUp, true},    // Sunday make-up day for National Day
		{"2026-09-25", false, true, DayHoliday, true},   // 中秋 on a Friday
		{"2026-10-01", false, true, DayHoliday, true},   // National Day, Thursday
		{"2026-10-07", false, true, DayHoliday, true},   // last day off, Wednesday
		{"2026-10-08", true, true, DayWork, false},      // back to work
		{"2026-10-10", true, false, DayMakeUp, true},    // Saturday make-up day
		{"2026-10-11", false, false, DayWeekend, false}, // an ordinary Sunday
		{"2027-01-01", false, true, DayHoliday, true},   // New Year's Day, a Friday
		{"2026-02-16", false, true, DayHoliday, true},   // 春节 (Monday)
		{"2026-02-14", true, false, DayMakeUp, true},    // Saturday make-up day before 春节
		{"2026-05-01", false, true, DayHoliday, true},   // Labour Day
		{"2030-10-01", true, true, DayWork, false},      // past the data: weekdays only
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			day := d(tt.day)
			if got := cn.IsWorkday(day); got != tt.cn {
				t.Errorf("cn IsWorkday = %v, want %v", got, tt.cn)
			}
			if got := none.IsWorkday(day); got != tt.none {
				t.Errorf("none IsWorkday = %v, want %v", got, tt.none)
			}
			if got := cn.Kind(day); got != tt.kind {
				t.Errorf("cn Kind = %v, want %v", got, tt.kind)
			}
			if got := CNHolidayName(day) != ""; got != tt.holidayNamed {
				t.Errorf("CNHolidayName = %q", CNHolidayName(day))
			}
		})
	}
	if CNDataThrough() < 2027 {
		t.Errorf("the cn calendar's data ends in %d, want 2027 or later", CNDataThrough())
	}
}

func TestCalendarWorkingDaysCN(t *testing.T) {
	cn := cnSettings()
	tests := []struct {
		m        Month
		cn, none int
	}{
		// September 2026: 22 weekdays − 中秋 (Fri 25) + make-up Sunday 20.
		{Month{2026, time.September}, 22, 22},
		// October 2026: 22 weekdays − five on National Day + make-up Saturday 10.
		{Month{2026, time.October}, 18, 22},
		// February 2026: 20 weekdays − 春节 on weekdays (16–20, 23) + make-up Saturdays 14 and 28.
		{Month{2026, time.February}, 16, 20},
		// January 2027: 21 weekdays − New Year's Day (Fri 1) + make-up Sunday 31.
		{Month{2027, time.January}, 21, 21},
	}
	for _, tt := range tests {
		if got := cn.WorkingDaysIn(tt.m); got != tt.cn {
			t.Errorf("cn WorkingDaysIn(%s) = %d, want %d", tt.m, got, tt.cn)
		}
		if got := DefaultSettings().WorkingDaysIn(tt.m); got != tt.none {
			t.Errorf("none WorkingDaysIn(%s) = %d, want %d", tt.m, got, tt.none)
		}
	}
	// The National Day week 2026-09-28..10-04 has three working days.
	if got := cn.CallsTargetWeek(d("2026-09-28")); got != 90 {
		t.Errorf("calls target of the National Day week = %d, want 3 × 30", got)
	}
	if got := cn.CallsTarget(d("2026-09-20")); got != 30 {
		t.Errorf("calls target of the make-up Sunday = %d, want 30", got)
	}
	if got := cn.CallsTarget(d("2026-10-01")); got != 0 {
		t.Errorf("calls target of National Day = %d, want 0", got)
	}
}

func TestCalendarOwnDays(t *testing.T) {
	s := cnSettings()
	s.DaysOff = []Date{d("2026-11-27")}                        // a Friday taken off
	s.ExtraWorkdays = []Date{d("2026-11-28"), d("2026-10-02")} // a Saturday, and a day of National Day
	cal := s.Calendar()
	for day, want := range map[string]bool{
		"2026-11-27": false, "2026-11-28": true, "2026-10-02": true, "2026-10-01": false, "2026-11-26": true,
	} {
		if got := cal.IsWorkday(d(day)); got != want {
			t.Errorf("IsWorkday(%s) = %v, want %v", day, got, want)
		}
	}
	if cal.Kind(d("2026-11-27")) != DayOwnOff || cal.Kind(d("2026-11-28")) != DayOwnExtra {
		t.Errorf("own days are not told apart")
	}
	// The person's lists apply with holidays none too.
	s.Holidays = HolidaysNone
	if s.IsWorkday(d("2026-11-27")) || !s.IsWorkday(d("2026-11-28")) || !s.IsWorkday(d("2026-10-01")) {
		t.Errorf("own days with holidays none are wrong")
	}
}

func TestHolidaysFor(t *testing.T) {
	for _, tt := range []struct {
		setting, lang, want string
	}{
		{"", "zh", HolidaysCN}, {"", "zh_CN.UTF-8", HolidaysCN}, {"", "en", HolidaysNone}, {"", "", HolidaysNone},
		{HolidaysNone, "zh", HolidaysNone}, {HolidaysCN, "en", HolidaysCN},
	} {
		s := DefaultSettings()
		s.Holidays = tt.setting
		if got := s.HolidaysFor(tt.lang); got != tt.want {
			t.Errorf("HolidaysFor(setting %q, lang %q) = %q, want %q", tt.setting, tt.lang, got, tt.want)
		}
	}
	// Unresolved, the settings' own language decides.
	s := DefaultSettings()
	s.Language = "zh"
	if !s.Calendar().cn || DefaultSettings().Calendar().cn {
		t.Errorf("Calendar() does not follow the settings' language when holidays is unset")
	}
}

func TestAddWorkdays(t *testing.T) {
	cn := cnSettings().Calendar()
	none := DefaultSettings().Calendar()
	tests := []struct {
		name string
		cal  Calendar
		from string
		n    int
		want string
	}{
		{"friday +1 is monday", none, "2026-11-27", 1, "2026-11-30"},
		{"friday +2 is tuesday", none, "2026-11-27", 2, "2026-12-01"},
		{"monday -2 is thursday", none, "2026-11-30", -2, "2026-11-26"},
		{"saturday -2 is thursday", none, "2026-11-28", -2, "2026-11-26"},
		{"zero is the day itself", none, "2026-11-28", 0, "2026-11-28"},
		{"cn: the day before national day +1 skips the holiday", cn, "2026-09-30", 1, "2026-10-08"},
		{"cn: national day -1 is the day before it", cn, "2026-10-05", -1, "2026-09-30"},
		{"cn: friday 10-09 +1 is the make-up saturday", cn, "2026-10-09", 1, "2026-10-10"},
		{"cn: saturday 09-19 +1 is the make-up sunday", cn, "2026-09-19", 1, "2026-09-20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cal.AddWorkdays(d(tt.from), tt.n); got != d(tt.want) {
				t.Errorf("AddWorkdays(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
			}
		})
	}
	// A calendar with every day off degrades to calendar days instead of hanging.
	s := DefaultSettings()
	for x := d("2026-01-01"); x <= d("2045-01-01"); x++ {
		s.DaysOff = append(s.DaysOff, x)
	}
	if got := s.Calendar().AddWorkdays(d("2030-01-01"), 2); got != d("2030-01-03") {
		t.Errorf("AddWorkdays with no working day = %s", got)
	}
}

func TestPapersDue(t *testing.T) {
	cn := cnSettings().Calendar()
	none := DefaultSettings().Calendar()
	tests := []struct {
		name      string
		cal       Calendar
		bid       string
		papers    string
		shownFrom string
	}{
		// DESIGN.md §2: a Monday bid has its papers due the Thursday before
		// and shows from the Monday a week before the bid.
		{"monday bid", none, "2026-11-30", "2026-11-26", "2026-11-23"},
		{"saturday bid", none, "2026-11-28", "2026-11-26", "2026-11-23"},
		{"sunday bid", none, "2026-11-29", "2026-11-26", "2026-11-23"},
		{"wednesday bid", none, "2026-12-02", "2026-11-30", "2026-11-25"},
		// With cn, a bid right after National Day has its papers due before it.
		{"cn: thursday after national day", cn, "2026-10-08", "2026-09-29", "2026-09-23"},
		// Make-up days count: Fri 10-09 and Thu 10-08 precede the make-up
		// Saturday; three working days before Thu 10-08 skip National Day.
		{"cn: the make-up saturday", cn, "2026-10-10", "2026-10-08", "2026-09-28"},
		// The make-up Sunday 09-20 is the first working day before Mon 09-21.
		{"cn: monday after the make-up sunday", cn, "2026-09-21", "2026-09-18", "2026-09-15"},
		{"no bid date", none, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bid := od(tt.bid)
			if got := PapersDue(bid, tt.cal); got != od(tt.papers) {
				t.Errorf("PapersDue(%s) = %s, want %s", tt.bid, got, tt.papers)
			}
			if got := BidPrepFrom(bid, tt.cal); got != od(tt.shownFrom) {
				t.Errorf("BidPrepFrom(%s) = %s, want %s", tt.bid, got, tt.shownFrom)
			}
		})
	}
}

func TestDueSoonWorkingDays(t *testing.T) {
	cn := cnSettings().Calendar()
	none := DefaultSettings().Calendar()
	open := func(due string) Promise { return Promise{Status: PromiseOpen, Due: d(due)} }
	tests := []struct {
		name  string
		cal   Calendar
		today string
		due   string
		want  bool
	}{
		{"friday: monday is soon", none, "2026-11-27", "2026-11-30", true},
		{"friday: tuesday is soon", none, "2026-11-27", "2026-12-01", true},
		{"friday: wednesday is not", none, "2026-11-27", "2026-12-02", false},
		{"wednesday: friday is soon", none, "2026-11-25", "2026-11-27", true},
		{"wednesday: saturday is not", none, "2026-11-25", "2026-11-28", false},
		{"saturday: tuesday is soon", none, "2026-11-28", "2026-12-01", true},
		{"due today on a sunday is soon", none, "2026-11-29", "2026-11-29", true},
		{"cn: before national day the 9th is soon", cn, "2026-09-30", "2026-10-09", true},
		{"cn: before national day the 10th is not", cn, "2026-09-30", "2026-10-10", false},
		{"none: before national day the 5th is not", none, "2026-09-30", "2026-10-05", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := open(tt.due).DueSoon(d(tt.today), tt.cal); got != tt.want {
				t.Errorf("DueSoon = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheckCalendar(t *testing.T) {
	s := DefaultSettings()
	if err := s.CheckCalendar(); err != nil {
		t.Errorf("defaults: %v", err)
	}
	for name, f := range map[string]func(*Settings){
		"unknown holidays":     func(s *Settings) { s.Holidays = "us" },
		"day off out of range": func(s *Settings) { s.DaysOff = []Date{MakeDate(1899, 12, 31)} },
		"extra out of range":   func(s *Settings) { s.ExtraWorkdays = []Date{MakeDate(2201, 1, 1)} },
		"both lists":           func(s *Settings) { s.DaysOff = []Date{d("2026-10-08")}; s.ExtraWorkdays = []Date{d("2026-10-08")} },
	} {
		s := DefaultSettings()
		f(&s)
		if err := s.CheckCalendar(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestParseDateList(t *testing.T) {
	got, err := ParseDateList("2026-10-09, 2026-10-08 2026-10-09，2026-12-31")
	if err != nil || !slices.Equal(got, []Date{d("2026-10-08"), d("2026-10-09"), d("2026-12-31")}) {
		t.Errorf("ParseDateList = %v, %v", got, err)
	}
	if FormatDateList(got) != "2026-10-08, 2026-10-09, 2026-12-31" {
		t.Errorf("FormatDateList = %q", FormatDateList(got))
	}
	if got, err := ParseDateList("  "); err != nil || len(got) != 0 {
		t.Errorf("empty list = %v, %v", got, err)
	}
	if _, err := ParseDateList("2026-10-08, tomorrow"); err == nil {
		t.Errorf("a word in a date list was accepted")
	}
}

func BenchmarkCalendarIsWorkdayCN(b *testing.B) {
	cal := cnSettings().Calendar()
	day := d("2026-01-01")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		cal.IsWorkday(day.AddDays(i % 730))
	}
}

// BenchmarkCNCalendarBuild is the one-time cost of the cn calendar (the
// first working-day rule of a run with holidays cn pays it).
func BenchmarkCNCalendarBuild(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(buildCNDays())
	}
	b.ReportMetric(float64(n), "days")
}
