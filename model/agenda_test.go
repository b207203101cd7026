package model

import (
	"slices"
	"testing"
)

// task builds an agenda task for tests.
func task(id ID, date string, clock string, slot Slot, important, done bool) AgendaTask {
	t := Task{ID: id, Title: "t", Date: d(date), Slot: slot, Kind: TaskTodo, Important: important, Done: done}
	if clock != "" {
		c, err := ParseClock(clock)
		if err != nil {
			panic(err)
		}
		t.Time = c
	}
	return AgendaTask{Task: t}
}

func ids(ts []AgendaTask) []ID {
	var out []ID
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

func TestBuildAgendaOrder(t *testing.T) {
	s := DefaultSettings()
	s.AnnualTargets[2026] = 120_000_000 // 1,200,000.00
	in := AgendaInput{
		Today:    d("2026-11-27"),
		Settings: s,
		Tasks: []AgendaTask{
			task(1, "2026-11-25", "", SlotAny, false, false),         // carried
			task(2, "2026-11-26", "", SlotAny, true, false),          // carried, important: first
			task(3, "2026-11-20", "15:00", "", false, false),         // carried, oldest
			task(4, "2026-11-26", "", SlotAny, false, true),          // done in the past: not listed
			task(5, "2026-11-27", "14:00", "", false, false),         // afternoon, timed
			task(6, "2026-11-27", "", SlotAfternoon, true, false),    // afternoon, untimed after timed
			task(7, "2026-11-27", "09:30", "", false, false),         // morning
			task(8, "2026-11-27", "", SlotMorning, false, false),     // morning, untimed
			task(9, "2026-11-27", "09:30", SlotMorning, true, false), // same time as 7, important first
			task(10, "2026-11-27", "", SlotAny, false, false),
			task(11, "2026-11-27", "19:00", "", false, true), // evening; done today stays listed
			task(12, "2026-11-28", "08:00", "", true, false), // tomorrow: not listed
			task(13, "2026-11-27", "", "", false, false),     // no slot: any
			task(14, "2026-11-27", "", SlotMorning, false, false),
		},
		CallsToday: 3,
		WeekVisits: []JournalEntry{
			{ClientID: 1, Kind: EntryVisit}, {ClientID: 1, Kind: EntryVisit}, {ClientID: 2, Kind: EntryVisit},
			{ClientID: 3, Kind: EntryVisit}, {ClientID: 4, Kind: EntryVisit}, {ClientID: 4, Kind: EntryCall},
		},
		SignedMonth: 5_000_000,
	}
	a := BuildAgenda(in)
	want := []ID{2, 3, 1, 9, 7, 8, 14, 5, 6, 11, 10, 13}
	if got := ids(a.Tasks); !slices.Equal(got, want) {
		t.Errorf("task order = %v, want %v", got, want)
	}
	for _, tk := range a.Tasks {
		if wantCarried := tk.ID <= 3; tk.CarriedOver != wantCarried {
			t.Errorf("task %d CarriedOver = %v, want %v", tk.ID, tk.CarriedOver, wantCarried)
		}
	}
	if a.Calls != (Quota{3, 30}) || a.VisitsWeek != (VisitQuota{Done: 4, Visits: 5, Target: 20}) || a.SignedMonth != (MoneyQuota{5_000_000, 10_000_000}) {
		t.Errorf("quotas = %+v %+v %+v", a.Calls, a.VisitsWeek, a.SignedMonth)
	}
	if a.Date != in.Today {
		t.Errorf("Date = %s", a.Date)
	}
}

func TestBuildAgendaWeekendAndAttention(t *testing.T) {
	in := attentionInput()
	in.Today = d("2026-11-28") // Saturday: no calls quota
	a := BuildAgenda(in)
	if a.Calls.Target != 0 {
		t.Errorf("calls target on a Saturday = %d, want 0", a.Calls.Target)
	}
	items, regular := BuildAttention(in)
	if len(a.Attention) != len(items) || a.RegularDue != regular || len(items) == 0 {
		t.Errorf("agenda attention %d/%d, want %d/%d", len(a.Attention), a.RegularDue, len(items), regular)
	}
}

func TestShownTasks(t *testing.T) {
	var tasks []AgendaTask
	for i := range 25 {
		tasks = append(tasks, AgendaTask{Task: Task{ID: ID(i + 1), Date: 100 + Date(i)}, CarriedOver: true})
	}
	tasks = append(tasks, AgendaTask{Task: Task{ID: 99, Date: 200}})
	shown, more := ShownTasks(tasks, CarriedShown)
	if more != 5 || len(shown) != 21 || shown[19].ID != 20 || shown[20].ID != 99 {
		t.Errorf("ShownTasks(25 carried + 1, 20): %d shown (last carried %d, then %d), %d more; want 21, 20, 99, 5",
			len(shown), shown[19].ID, shown[20].ID, more)
	}
	if shown, more := ShownTasks(tasks[20:], CarriedShown); more != 0 || len(shown) != 6 {
		t.Errorf("5 carried + 1: %d shown, %d more; want all 6, 0", len(shown), more)
	}
	if shown, more := ShownTasks(tasks, -1); more != 0 || len(shown) != 26 {
		t.Errorf("no limit: %d shown, %d more", len(shown), more)
	}
	if shown, more := ShownTasks(nil, CarriedShown); more != 0 || len(shown) != 0 {
		t.Errorf("no tasks: %d shown, %d more", len(shown), more)
	}
}

// TestCarriedAheadAgreesWithSortTasks: when CarriedAhead orders two
// carried-over tasks, SortTasks orders them the same way, whatever their
// slot, time and id.
func TestCarriedAheadAgreesWithSortTasks(t *testing.T) {
	var tasks []AgendaTask
	id := ID(0)
	for _, imp := range []bool{false, true} {
		for _, date := range []Date{100, 101, 105} {
			for _, slot := range []Slot{SlotMorning, SlotEvening, ""} {
				for _, clock := range []Clock{NoClock, ClockAt(8, 0), ClockAt(20, 0)} {
					id++
					tasks = append(tasks, AgendaTask{Task: Task{ID: 1000 - id, Date: date, Slot: slot, Time: clock, Important: imp}, CarriedOver: true})
				}
			}
		}
	}
	for _, a := range tasks {
		for _, b := range tasks {
			c := CarriedAhead(a.Important, a.Date, b.Important, b.Date)
			if c == 0 {
				continue
			}
			if got := compareTasks(a, b); got == 0 || (got < 0) != (c < 0) {
				t.Fatalf("CarriedAhead(%v %d, %v %d) = %d, compareTasks = %d", a.Important, a.Date, b.Important, b.Date, c, got)
			}
		}
	}
}

func TestPlannedAlready(t *testing.T) {
	mk := Task{ID: 0, Title: "Keep promise: 发报价单", Kind: TaskTodo, ClientID: 3, ProjectID: 5}
	open := AgendaTask{Task: Task{ID: 9, Title: "Keep promise: 发报价单", Kind: TaskTodo, ClientID: 3, ProjectID: 5}}
	done := open
	done.Done = true
	other := func(f func(*AgendaTask)) AgendaTask { o := open; f(&o); return o }
	tests := []struct {
		name  string
		tasks []AgendaTask
		want  ID
	}{
		{"none", nil, 0},
		{"the same, open", []AgendaTask{open}, 9},
		{"the same, done", []AgendaTask{done}, 0},
		{"another client", []AgendaTask{other(func(o *AgendaTask) { o.ClientID = 4 })}, 0},
		{"another project", []AgendaTask{other(func(o *AgendaTask) { o.ProjectID = 0 })}, 0},
		{"another kind", []AgendaTask{other(func(o *AgendaTask) { o.Kind = TaskCall })}, 0},
		{"another title", []AgendaTask{other(func(o *AgendaTask) { o.Title = "Keep promise: 发样品" })}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := PlannedAlready(tc.tasks, mk)
			if ok != (tc.want != 0) || got.ID != tc.want {
				t.Errorf("PlannedAlready = %d, %v; want %d", got.ID, ok, tc.want)
			}
		})
	}
}
