package model

import (
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
		// 1,000,000.00 = 100,000,000 cents: Jan floor(100M/12) = 8,333,333;
		// Mar floor(300M/12) − floor(200M/12) = 25,000,000 − 16,666,666.
		{"january rounds down", settingsWith(1_000_000, nil), Month{2026, time.January}, 8_333_333},
		{"march takes the carried cent", settingsWith(1_000_000, nil), Month{2026, time.March}, 8_333_334},
		{"month set on its own wins", settingsWith(1_200_000, map[string]Money{"2026-12": 23_000_000}), Month{2026, time.December}, 23_000_000},
		{"month set to zero on its own stays zero", settingsWith(1_200_000, map[string]Money{"2026-08": 0}), Month{2026, time.August}, 0},
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
	s := settingsWith(1_000_000, nil)
	s.AnnualTargets[2026] += 7 // 1,000,000.07: cents that do not divide by 12
	var sum Money
	for m := 1; m <= 12; m++ {
		sum += s.MonthTarget(Month{2026, time.Month(m)})
	}
	if sum != s.YearTarget(2026) {
		t.Errorf("months sum to %d, want the annual %d", sum, s.YearTarget(2026))
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
	// Annual 1,200,000 → November 100,000.00 = 10,000,000 cents over 21
	// working days; December set on its own to 230,000.00 = 23,000,000 cents
	// over 23 working days (10,000 a day).
	s := settingsWith(1_200_000, map[string]Money{"2026-12": 23_000_000})
	tests := []struct {
		name string
		week string
		want Money
	}{
		// Week 2026-11-30..12-06 spans two months: Mon 30 Nov is November's
		// 21st working day, Tue 1 – Fri 4 Dec are December's 1st–4th.
		//   Nov: floor(10,000,000·21/21) − floor(10,000,000·20/21)
		//        = 10,000,000 − 9,523,809 = 476,191 cents
		//   Dec: floor(23,000,000·4/23) − 0 = 4,000,000 cents
		//   total 4,476,191 cents = 44,761.91
		{"week spanning november and december", "2026-11-30", 4_476_191},
		{"any day of that week gives the same", "2026-12-03", 4_476_191},
		// Week 2026-11-23..29: November's working days 16–20:
		// floor(10M·20/21) − floor(10M·15/21) = 9,523,809 − 7,142,857.
		{"week inside november", "2026-11-23", 2_380_952},
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
