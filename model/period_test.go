package model

import (
	"slices"
	"testing"
	"time"
)

func contact(kind EntryKind, day string) JournalEntry {
	return JournalEntry{Kind: kind, ClientID: 1, At: d(day).Time(time.Local).Add(10 * time.Hour)}
}

// weekInput is the week 2026-11-30..12-06, spanning November and December,
// seen on Wednesday 2026-12-02.
func weekInput() PeriodInput {
	s := DefaultSettings()
	s.AnnualTargets[2026] = 120_000_000
	s.MonthTargets["2026-12"] = 23_000_000
	return PeriodInput{
		From: d("2026-11-30"), To: d("2026-12-06"), Today: d("2026-12-02"), Settings: s,
		Tasks: []AgendaTask{
			task(1, "2026-11-30", "", SlotAny, false, false),
			task(2, "2026-11-30", "14:00", "", false, false),
			task(3, "2026-11-30", "09:00", "", false, true),
			task(4, "2026-12-02", "", SlotEvening, false, false),
			task(5, "2026-12-02", "", SlotMorning, true, false),
			task(6, "2026-12-07", "", SlotMorning, true, false), // next week: ignored
		},
		Contacts: []JournalEntry{
			contact(EntryCall, "2026-11-30"), contact(EntryCall, "2026-11-30"),
			contact(EntryVisit, "2026-12-01"),
			contact(EntryMeeting, "2026-12-01"), // a contact, but neither a call nor a visit
			contact(EntryNote, "2026-12-01"),    // not a contact: never counted
			contact(EntryCall, "2026-12-08"),    // next week: ignored
		},
		Promises: []Promise{
			{ID: 1, MadeOn: d("2026-11-30"), Due: d("2026-12-10"), Status: PromiseOpen},
			{ID: 2, MadeOn: d("2026-11-01"), Due: d("2026-11-30"), Status: PromiseKept, KeptOn: d("2026-12-01")},
			{ID: 3, MadeOn: d("2026-11-01"), Due: d("2026-12-05"), Status: PromiseKept, KeptOn: d("2026-12-02")},
			{ID: 4, MadeOn: d("2026-11-01"), Due: d("2026-12-01"), Status: PromiseOpen},
			{ID: 5, MadeOn: d("2026-11-01"), Due: d("2026-12-02"), Status: PromiseOpen},
			{ID: 6, MadeOn: d("2026-11-01"), Due: d("2026-11-20"), Status: PromiseOpen},
			{ID: 7, MadeOn: d("2026-12-01"), Due: d("2026-12-03"), Status: PromiseCancelled},
			{ID: 4, MadeOn: d("2026-11-01"), Due: d("2026-12-01"), Status: PromiseOpen}, // listed twice
		},
		StageMoves: []StageMove{
			{ProjectID: 2, Project: "Zeta", From: StageDesign, To: StageBidding, On: d("2026-12-03")},
			{ProjectID: 1, Project: "Alpha", From: StageBidding, To: StageDetailing, On: d("2026-12-01")},
			{ProjectID: 3, Project: "Beta", From: StageLead, To: StageDesign, On: d("2026-12-03")},
			{ProjectID: 3, Project: "Beta", From: StageDesign, To: StageBidding, On: d("2026-12-03")},
			{ProjectID: 4, Project: "Old", From: StageLead, To: StageDesign, On: d("2026-11-29")},
		},
		Signed: 50_000_000,
	}
}

func TestBuildWeek(t *testing.T) {
	w := BuildWeek(weekInput())
	if w.Start != d("2026-11-30") || w.End != d("2026-12-06") || len(w.Days) != 7 || w.Days[0].Date != w.Start {
		t.Fatalf("week %s..%s with %d days", w.Start, w.End, len(w.Days))
	}
	if w.Calls != (Quota{2, 150}) {
		t.Errorf("calls = %+v, want 2 of 150", w.Calls)
	}
	if w.Visits != (VisitQuota{Done: 1, Visits: 1, Target: 20}) {
		t.Errorf("visits = %+v, want 1 of 20 (meetings and notes are not visits)", w.Visits)
	}
	// The two-month week: 4,419,914 cents, worked out in TestWeekTarget.
	if w.Signed != (MoneyQuota{50_000_000, 4_419_914}) {
		t.Errorf("signed = %+v", w.Signed)
	}
	// Made: #1 (11-30) and the cancelled #7 (12-01). Kept: #2 late, #3 on
	// time. Overdue before today 12-02: #4 (12-01, listed twice) and #6.
	if want := (PromiseCounts{Made: 2, Kept: 2, KeptOnTime: 1, Overdue: 2}); w.Promises != want {
		t.Errorf("promises = %+v, want %+v", w.Promises, want)
	}
	var moves []string
	for _, m := range w.StageMoves {
		moves = append(moves, m.On.String()+" "+m.Project+" "+string(m.To))
	}
	wantMoves := []string{"2026-12-01 Alpha detailing", "2026-12-03 Beta design", "2026-12-03 Beta bidding", "2026-12-03 Zeta bidding"}
	if !slices.Equal(moves, wantMoves) {
		t.Errorf("stage moves = %q, want %q", moves, wantMoves)
	}
	mon := w.Days[0]
	if got := ids(mon.Tasks); !slices.Equal(got, []ID{3, 2, 1}) {
		t.Errorf("monday's tasks = %v, want by slot and time [3 2 1]", got)
	}
	if mon.TasksTotal != 3 || mon.TasksDone != 1 || mon.Calls != 2 || mon.Visits != 0 {
		t.Errorf("monday = %+v", mon)
	}
	if !mon.Tasks[1].CarriedOver || mon.Tasks[0].CarriedOver {
		t.Errorf("a past undone task should be flagged, a done one not: %+v", mon.Tasks)
	}
	if got := ids(w.Days[2].Tasks); !slices.Equal(got, []ID{5, 4}) {
		t.Errorf("wednesday's tasks = %v, want [5 4]", got)
	}
	if w.Days[1].Visits != 1 || w.Days[1].Calls != 0 {
		t.Errorf("tuesday = %+v", w.Days[1])
	}
}

func TestBuildWeekFromMidweekAndPast(t *testing.T) {
	in := weekInput()
	in.From, in.To = d("2026-12-03"), d("2026-12-03")
	in.Today = d("2026-12-20") // the week is long past
	w := BuildWeek(in)
	if w.Start != d("2026-11-30") {
		t.Errorf("a week from a Thursday starts %s, want Monday 2026-11-30", w.Start)
	}
	// Overdue counts what was overdue by the week's end: #4 (12-01) and #6;
	// #5 (12-02) too; #1 (due 12-10) was not yet due.
	if w.Promises.Overdue != 3 {
		t.Errorf("overdue of a past week = %d, want 3", w.Promises.Overdue)
	}
}

func TestBuildMonth(t *testing.T) {
	in := weekInput()
	in.From, in.To = d("2026-12-01"), d("2026-12-31")
	in.Bids = []Bid{{ProjectID: 1, Stage: StageDesign, Date: d("2026-12-10")}, {ProjectID: 2, Stage: StageBidding, Date: d("2026-12-02")},
		{ProjectID: 3, Stage: StageDetailing, Date: d("2026-12-21")}} // detailing: no marker, no papers
	in.Promises = append(in.Promises, Promise{ID: 9, Due: d("2026-12-15"), Status: PromiseKept, KeptOn: d("2026-12-01")})
	m := BuildMonth(in, Month{2026, time.December})
	if len(m.Days) != 31 || m.Days[0].Date != d("2026-12-01") {
		t.Fatalf("%d days from %s", len(m.Days), m.Days[0].Date)
	}
	// Open promises mark their due day (#4 on the 1st, #5 on the 2nd, #1 on
	// the 10th); cancelled (#7, 3rd) and kept ones (#3 5th, #9 15th) do not.
	// Bids mark their day and their papers' due day (two working days
	// before): 12-10 (Thu) → 12-08; 12-02 (Wed) → 11-30, outside the month.
	markers := map[int][]string{2: {"bid", "promise_due", "today"}, 10: {"bid", "promise_due"}, 1: {"promise_due"}, 3: {}, 5: {}, 15: {},
		8: {"papers_due"}, 17: {}, 21: {}}
	for day, want := range markers {
		if got := m.Days[day-1].Markers; !slices.Equal(got, want) {
			t.Errorf("markers of Dec %d = %q, want %q", day, got, want)
		}
	}
	// December 2026 has 23 working days: 23 × 30 calls; 20 × 23 / 5 = 92 visits.
	if m.Calls != (Quota{1, 690}) || m.Visits != (VisitQuota{Done: 1, Visits: 1, Target: 92}) {
		t.Errorf("calls %+v visits %+v", m.Calls, m.Visits)
	}
	if m.Signed != (MoneyQuota{50_000_000, 23_000_000}) {
		t.Errorf("signed %+v", m.Signed)
	}
	if m.Days[1].TasksTotal != 2 {
		t.Errorf("Dec 2 tasks = %d, want 2", m.Days[1].TasksTotal)
	}
}

func TestMonthVisitsTarget(t *testing.T) {
	monSat := Workdays{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	monThu := Workdays{time.Monday, time.Tuesday, time.Wednesday, time.Thursday}
	tests := []struct {
		name   string
		ws     Workdays
		visits int
		m      Month
		want   int
	}{
		{"november mon-fri: 20 × 21 / 5 = 84", nil, 20, Month{2026, time.November}, 84},
		{"november mon-sat: 20 × 25 / 6 = 83.3 rounds down", monSat, 20, Month{2026, time.November}, 83},
		{"december mon-thu: 2 × 19 / 4 = 9.5 rounds half up", monThu, 2, Month{2026, time.December}, 10},
		{"december mon-sat: 20 × 27 / 6 = 90", monSat, 20, Month{2026, time.December}, 90},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultSettings()
			s.Workdays, s.VisitsPerWeek = tt.ws, tt.visits
			m := BuildMonth(PeriodInput{Settings: s, Today: d("2026-11-27")}, tt.m)
			if m.Visits.Target != tt.want {
				t.Errorf("visits target = %d, want %d", m.Visits.Target, tt.want)
			}
		})
	}
}
