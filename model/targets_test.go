package model

import (
	"strings"
	"testing"
	"time"
)

// settingsWith returns the default settings with an annual target for 2026
// (in main units) and month targets set on their own.
func settingsWith(annual int64, months map[string]Money) Settings {
	s := DefaultSettings()
	s.AnnualTargets[2026] = Money(annual * 100)
	for k, v := range months {
		s.MonthTargets[k] = v
	}
	return s
}

func TestMonthTarget(t *testing.T) {
	tests := []struct {
		name string
		s    Settings
		m    Month
		want Money
	}{
		{"annual over twelve", settingsWith(1_200_000, nil), Month{2026, time.March}, 10_000_000},
		// 1,000,000.00 = 100,000,000 cents = 12 × 8,333,333 + 4: the four
		// cents left go one each to the last four months (Sep–Dec).
		{"january rounds down", settingsWith(1_000_000, nil), Month{2026, time.January}, 8_333_333},
		{"august rounds down", settingsWith(1_000_000, nil), Month{2026, time.August}, 8_333_333},
		{"september takes a cent", settingsWith(1_000_000, nil), Month{2026, time.September}, 8_333_334},
		{"december takes a cent", settingsWith(1_000_000, nil), Month{2026, time.December}, 8_333_334},
		{"month set on its own wins", settingsWith(1_200_000, map[string]Money{"2026-12": 23_000_000}), Month{2026, time.December}, 23_000_000},
		// The other eleven share 1,200,000 − 230,000 = 970,000.00 =
		// 97,000,000 cents = 11 × 8,818,181 + 9: Jan and Feb 8,818,181, Mar–Nov
		// one cent more.
		{"the others share what a hand-set month leaves", settingsWith(1_200_000, map[string]Money{"2026-12": 23_000_000}), Month{2026, time.January}, 8_818_181},
		{"the last of the others take the remainder", settingsWith(1_200_000, map[string]Money{"2026-12": 23_000_000}), Month{2026, time.November}, 8_818_182},
		{"month set to zero on its own stays zero", settingsWith(1_200_000, map[string]Money{"2026-08": 0}), Month{2026, time.August}, 0},
		// August 0 by hand: the other eleven share the whole 120,000,000 =
		// 11 × 10,909,090 + 10.
		{"a month set to zero leaves its share to the others", settingsWith(1_200_000, map[string]Money{"2026-08": 0}), Month{2026, time.January}, 10_909_090},
		{"hand-set months taking the whole year leave nothing", settingsWith(1_200_000, map[string]Money{"2026-06": 60_000_000, "2026-07": 60_000_000}), Month{2026, time.January}, 0},
		{"a hand-set month of another year changes nothing", settingsWith(1_200_000, map[string]Money{"2027-01": 50_000_000}), Month{2026, time.January}, 10_000_000},
		{"year without a target", settingsWith(1_200_000, nil), Month{2027, time.January}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.MonthTarget(tt.m); got != tt.want {
				t.Errorf("MonthTarget(%s) = %d, want %d", tt.m, got, tt.want)
			}
		})
	}
}

func TestMonthTargetsSumToAnnual(t *testing.T) {
	for name, months := range map[string]map[string]Money{
		"none by hand":      nil,
		"one by hand":       {"2026-03": 12_345_679},
		"three by hand":     {"2026-01": 1, "2026-07": 33_333_333, "2026-12": 0},
		"eleven by hand":    {"2026-01": 1, "2026-02": 2, "2026-03": 3, "2026-04": 4, "2026-05": 5, "2026-06": 6, "2026-07": 7, "2026-08": 8, "2026-09": 9, "2026-10": 10, "2026-11": 11},
		"all of it by hand": {"2026-05": 100_000_007},
	} {
		s := settingsWith(1_000_000, months)
		s.AnnualTargets[2026] += 7 // 1,000,000.07: cents that do not divide evenly
		var sum, quarters Money
		for m := 1; m <= 12; m++ {
			sum += s.MonthTarget(Month{2026, time.Month(m)})
		}
		for q := 1; q <= 4; q++ {
			quarters += s.QuarterTarget(2026, q)
		}
		if sum != s.YearTarget(2026) || quarters != sum {
			t.Errorf("%s: months sum to %d, quarters to %d; want the annual %d", name, sum, quarters, s.YearTarget(2026))
		}
		if err := s.CheckTargets(); err != nil {
			t.Errorf("%s: CheckTargets = %v", name, err)
		}
	}
}

func TestQuarterTargets(t *testing.T) {
	s := settingsWith(1_200_000, map[string]Money{"2026-12": 23_000_000})
	// Q1: Jan, Feb 8,818,181 and Mar 8,818,182; Q4: Oct, Nov 8,818,182 and Dec 23,000,000.
	for _, tt := range []struct {
		q    int
		want Money
	}{{1, 26_454_544}, {2, 26_454_546}, {3, 26_454_546}, {4, 40_636_364}, {0, 0}, {5, 0}} {
		if got := s.QuarterTarget(2026, tt.q); got != tt.want {
			t.Errorf("QuarterTarget(2026, %d) = %d, want %d", tt.q, got, tt.want)
		}
	}
	// Quarter to date: November is Q4's second month: Oct + Nov.
	if got := s.QuarterToDateTarget(Month{2026, time.November}); got != 17_636_364 {
		t.Errorf("QuarterToDateTarget(2026-11) = %d, want 17,636,364", got)
	}
	if got := s.QuarterToDateTarget(Month{2026, time.October}); got != 8_818_182 {
		t.Errorf("QuarterToDateTarget(2026-10) = %d, want October alone", got)
	}
	if QuarterOf(Month{2026, time.March}) != 1 || QuarterOf(Month{2026, time.April}) != 2 || QuarterStart(Month{2026, time.December}) != (Month{2026, time.October}) {
		t.Errorf("quarters of months are wrong")
	}
}

func TestCheckTargets(t *testing.T) {
	tests := []struct {
		name   string
		s      Settings
		code   string
		inText string
	}{
		{"months within the year", settingsWith(1_200_000, map[string]Money{"2026-01": 60_000_000, "2026-02": 60_000_000}), "", ""},
		{"months over the year refused", settingsWith(1_200_000, map[string]Money{"2026-01": 60_000_000, "2026-02": 60_000_001}), "months_over_year", "1200000.01"},
		{"months of a year without a target stand alone", settingsWith(1_200_000, map[string]Money{"2027-01": 900_000_000}), "", ""},
		{"a negative month", settingsWith(1_200_000, map[string]Money{"2026-01": -1}), "bad_month_target", ""},
		{"a month key that is not a month", settingsWith(1_200_000, map[string]Money{"2026-13": 1}), "bad_month_target", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.s.CheckTargets()
			if tt.code == "" {
				if err != nil {
					t.Errorf("CheckTargets = %v, want nil", err)
				}
				return
			}
			p, ok := err.(*Problem)
			if !ok || p.Code != tt.code || !strings.Contains(p.Error(), tt.inText) {
				t.Errorf("CheckTargets = %v, want code %s mentioning %q", err, tt.code, tt.inText)
			}
		})
	}
}

func TestWorkingDays(t *testing.T) {
	monSat := Workdays{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	tests := []struct {
		name string
		ws   Workdays
		m    Month
		want int
	}{
		{"november 2026 mon-fri", nil, Month{2026, time.November}, 21}, // nil: falls back to Mon–Fri
		{"december 2026 mon-fri", DefaultSettings().Workdays, Month{2026, time.December}, 23},
		{"february 2026 is four whole weeks", DefaultSettings().Workdays, Month{2026, time.February}, 20},
		{"november 2026 mon-sat", monSat, Month{2026, time.November}, 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultSettings()
			s.Workdays = tt.ws
			if got := s.WorkingDaysIn(tt.m); got != tt.want {
				t.Errorf("WorkingDaysIn(%s) = %d, want %d", tt.m, got, tt.want)
			}
		})
	}
}

func TestIsWorkdayAndCallsTarget(t *testing.T) {
	s := DefaultSettings()
	tests := []struct {
		day  string
		work bool
		want int
	}{
		{"2026-11-27", true, 30}, // Friday
		{"2026-11-28", false, 0}, // Saturday
		{"2026-11-29", false, 0}, // Sunday
		{"2026-11-30", true, 30}, // Monday
	}
	for _, tt := range tests {
		if got := s.IsWorkday(d(tt.day)); got != tt.work {
			t.Errorf("IsWorkday(%s) = %v, want %v", tt.day, got, tt.work)
		}
		if got := s.CallsTarget(d(tt.day)); got != tt.want {
			t.Errorf("CallsTarget(%s) = %d, want %d", tt.day, got, tt.want)
		}
	}
	if got := s.CallsTargetWeek(d("2026-11-23")); got != 150 {
		t.Errorf("CallsTargetWeek = %d, want 30 × 5 = 150", got)
	}
	if got := s.CallsTargetWeek(d("2026-11-26")); got != 150 {
		t.Errorf("CallsTargetWeek from a Thursday = %d, want the same week's 150", got)
	}
	s.Workdays = append(s.Workdays, time.Saturday)
	if got := s.CallsTargetWeek(d("2026-11-23")); got != 180 {
		t.Errorf("CallsTargetWeek with Saturdays = %d, want 30 × 6 = 180", got)
	}
}

func TestWeekTarget(t *testing.T) {
	// Annual 1,200,000; December set on its own to 230,000.00 = 23,000,000
	// cents over 23 working days (10,000 a day); the other eleven months
	// share the rest (TestMonthTarget): November 8,818,182 cents over 21
	// working days.
	s := settingsWith(1_200_000, map[string]Money{"2026-12": 23_000_000})
	tests := []struct {
		name string
		week string
		want Money
	}{
		// Week 2026-11-30..12-06 spans two months: Mon 30 Nov is November's
		// 21st working day, Tue 1 – Fri 4 Dec are December's 1st–4th.
		//   Nov: floor(8,818,182·21/21) − floor(8,818,182·20/21)
		//        = 8,818,182 − 8,398,268 = 419,914 cents
		//   Dec: floor(23,000,000·4/23) − 0 = 4,000,000 cents
		//   total 4,419,914 cents = 44,199.14
		{"week spanning november and december", "2026-11-30", 4_419_914},
		{"any day of that week gives the same", "2026-12-03", 4_419_914},
		// Week 2026-11-23..29: November's working days 16–20:
		// floor(8,818,182·20/21) − floor(8,818,182·15/21) = 8,398,268 − 6,298,701.
		{"week inside november", "2026-11-23", 2_099_567},
		// Week 2026-12-07..13: December's working days 5–9 at 10,000.00.
		{"week inside december", "2026-12-07", 5_000_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.WeekTarget(d(tt.week)); got != tt.want {
				t.Errorf("WeekTarget(%s) = %d, want %d", tt.week, got, tt.want)
			}
		})
	}
}

func TestPeriodTargetHasNoDrift(t *testing.T) {
	s := settingsWith(1_000_000, map[string]Money{"2026-12": 12_345_679})
	s.AnnualTargets[2026] += 7
	var byDay, byWeek Money
	for day := d("2026-01-01"); day <= d("2026-12-31"); day++ {
		byDay += s.PeriodTarget(day, day)
	}
	// Weeks cut at the year's edges so the sum covers exactly 2026.
	for ws := d("2026-01-01").WeekStart(); ws <= d("2026-12-31"); ws += 7 {
		byWeek += s.PeriodTarget(max(ws, d("2026-01-01")), min(ws.AddDays(6), d("2026-12-31")))
	}
	var months Money
	for m := 1; m <= 12; m++ {
		mm := Month{2026, time.Month(m)}
		months += s.MonthTarget(mm)
		if got := s.PeriodTarget(mm.First(), mm.Last()); got != s.MonthTarget(mm) {
			t.Errorf("PeriodTarget over %s = %d, want its month target %d", mm, got, s.MonthTarget(mm))
		}
	}
	whole := s.PeriodTarget(d("2026-01-01"), d("2026-12-31"))
	if byDay != months || byWeek != months || whole != months {
		t.Errorf("by day %d, by week %d, whole year %d; want all = sum of months %d", byDay, byWeek, whole, months)
	}
	if s.PeriodTarget(d("2026-11-28"), d("2026-11-29")) != 0 {
		t.Errorf("a weekend has a target")
	}
	if s.PeriodTarget(d("2026-12-02"), d("2026-12-01")) != 0 {
		t.Errorf("a reversed range has a target")
	}
}
