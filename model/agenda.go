package model

import (
	"cmp"
	"slices"
)

// BuildAgenda returns the Day pane and `today` for in.Today: the day's tasks
// in order, the quotas and the attention list.
//
// Tasks come carried over first (undone and dated before today: important
// first, then the oldest first, so nothing important sinks), then today's by
// slot — morning, afternoon, evening, any — and within a slot the timed ones
// by time, then the untimed; important first on ties; then by id. Done tasks
// of today keep their place (the pane shows them struck through). Tasks of
// other days that storage may hand over are left out. The inbox (open
// tasks with no date) is apart, in Inbox, in SortInbox's order.
func BuildAgenda(in AgendaInput) Agenda {
	today, s := in.Today, in.Settings
	tasks := make([]AgendaTask, 0, len(in.Tasks))
	for _, t := range in.Tasks {
		t.CarriedOver = t.Task.CarriedOver(today)
		if t.CarriedOver || t.Date == today {
			tasks = append(tasks, t)
		}
	}
	SortTasks(tasks)
	attention, regular := BuildAttention(in)
	return Agenda{
		Date:        today,
		Calls:       Quota{Done: in.CallsToday, Target: s.CallsTarget(today)},
		VisitsWeek:  visitQuota(in.WeekVisits, s.VisitsPerWeek),
		SignedMonth: MoneyQuota{Value: in.SignedMonth, Target: s.MonthTarget(MonthOf(today))},
		Tasks:       tasks,
		Inbox:       inbox(in.Inbox),
		Attention:   attention,
		RegularDue:  regular,
	}
}

// inbox returns the open undated tasks of in, in the inbox's order
// (SortInbox); done ones and dated ones storage may hand over are left out.
func inbox(in []AgendaTask) []AgendaTask {
	out := make([]AgendaTask, 0, len(in))
	for _, t := range in {
		if !t.Done && !t.Date.Valid() {
			t.CarriedOver = false
			out = append(out, t)
		}
	}
	SortInbox(out)
	return out
}

// InboxShown is how many inbox tasks a day list shows before "N more": a
// few, so the inbox never pushes today's plan off the screen.
const InboxShown = 5

// SortInbox orders inbox tasks (no date): important first, then the
// oldest first (by id, the order they were added), an order storage can
// read from its index without decoding the tasks (InboxAhead).
func SortInbox(tasks []AgendaTask) {
	slices.SortStableFunc(tasks, func(a, b AgendaTask) int {
		return InboxAhead(a.Important, a.ID, b.Important, b.ID)
	})
}

// InboxAhead compares two inbox tasks: important ones first, then the
// lower id. Negative when a (ia, ida) sorts before b (ib, idb).
func InboxAhead(ia bool, ida ID, ib bool, idb ID) int {
	return cmp.Or(importantFirst(ia, ib), cmp.Compare(ida, idb))
}

// importantFirst orders an important task (true) before one that is not.
func importantFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// CarriedShown is how many carried-over tasks a day list shows before
// "N more" (DESIGN.md §5, v2: the 20 most important).
const CarriedShown = 20

// ShownTasks returns tasks, in the agenda's order (SortTasks: carried-over
// first, the most important first), with at most limit carried-over ones,
// and how many carried-over tasks it left out. A limit below 0 keeps all.
func ShownTasks(tasks []AgendaTask, limit int) (shown []AgendaTask, more int) {
	carried := 0
	for carried < len(tasks) && tasks[carried].CarriedOver {
		carried++
	}
	if limit < 0 || carried <= limit {
		return tasks, 0
	}
	shown = make([]AgendaTask, 0, len(tasks)-carried+limit)
	shown = append(shown, tasks[:limit]...)
	return append(shown, tasks[carried:]...), carried - limit
}

// CarriedAhead compares two carried-over tasks on the part of SortTasks'
// order an index can hold: important ones first, then the oldest date
// (slot, time and id settle what is equal here). Negative when a (ia, da)
// sorts before b (ib, db).
func CarriedAhead(ia bool, da Date, ib bool, db Date) int {
	return cmp.Or(importantFirst(ia, ib), cmp.Compare(da, db))
}

// SortTasks orders tasks as the agenda lists them (see BuildAgenda); it
// reads each task's CarriedOver flag, which the caller sets.
func SortTasks(tasks []AgendaTask) {
	slices.SortStableFunc(tasks, compareTasks)
}

// slotRank orders the slots of a day; an unknown slot sorts with "any".
func slotRank(s Slot) int {
	switch s {
	case SlotMorning:
		return 0
	case SlotAfternoon:
		return 1
	case SlotEvening:
		return 2
	}
	return 3
}

func compareTasks(a, b AgendaTask) int {
	if a.CarriedOver != b.CarriedOver {
		if a.CarriedOver {
			return -1
		}
		return 1
	}
	if a.CarriedOver {
		if c := cmp.Or(compareImportant(a, b), cmp.Compare(a.Date, b.Date)); c != 0 {
			return c
		}
	} else if c := cmp.Compare(a.Date, b.Date); c != 0 {
		return c // several days at once (a week column is one day, but be safe); the inbox first
	} else if !a.Date.Valid() {
		return InboxAhead(a.Important, a.ID, b.Important, b.ID) // both in the inbox
	}
	sa, sb := slotRank(a.EffectiveSlot()), slotRank(b.EffectiveSlot())
	if c := cmp.Compare(sa, sb); c != 0 {
		return c
	}
	// Timed before untimed, then by time.
	if a.Time.Valid() != b.Time.Valid() {
		if a.Time.Valid() {
			return -1
		}
		return 1
	}
	return cmp.Or(
		cmp.Compare(a.Time, b.Time),
		compareImportant(a, b),
		cmp.Compare(a.ID, b.ID),
	)
}

// compareImportant puts important tasks first.
func compareImportant(a, b AgendaTask) int {
	switch {
	case a.Important == b.Important:
		return 0
	case a.Important:
		return -1
	}
	return 1
}

// visitQuota counts visit entries against a target (see VisitQuota).
func visitQuota(es []JournalEntry, target int) VisitQuota {
	clients, visits := CountVisits(es)
	return VisitQuota{Done: clients, Visits: visits, Target: target}
}

// PlannedAlready returns the open task among tasks that t would only
// repeat — same kind, title, client and project, not done — so that
// turning an attention item into a task for today twice (t, t) does not
// put it on the list twice.
func PlannedAlready(tasks []AgendaTask, t Task) (AgendaTask, bool) {
	for _, o := range tasks {
		if !o.Done && o.Kind == t.Kind && o.Title == t.Title && o.ClientID == t.ClientID && o.ProjectID == t.ProjectID {
			return o, true
		}
	}
	return AgendaTask{}, false
}
