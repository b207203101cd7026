package storage

import (
	"errors"
	"testing"

	"salesplan/model"
)

func TestAddTaskValidation(t *testing.T) {
	s := newStore(t)
	for _, c := range []struct {
		name string
		task model.Task
		code string
	}{
		{"empty title", model.Task{Title: " "}, "empty_title"},
		{"bad kind", model.Task{Title: "x", Kind: "lunch"}, "bad_kind"},
		{"bad slot", model.Task{Title: "x", Slot: "night"}, "bad_slot"},
		{"unknown client", model.Task{Title: "x", ClientID: 42}, "unknown_client_id"},
		{"unknown project", model.Task{Title: "x", ProjectID: 42}, "unknown_project_id"},
		{"bad repeat", model.Task{Title: "x", Date: d("2026-11-27"), Repeat: "sometimes"}, "bad_repeat"},
		{"repeat without date", model.Task{Title: "x", Repeat: "daily"}, "repeat_needs_date"},
		{"time without date", model.Task{Title: "x", Time: model.ClockAt(9, 0)}, "time_needs_date"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := s.AddTask(c.task); problemCode(err) != c.code {
				t.Errorf("AddTask = %v, want %s", err, c.code)
			}
		})
	}
	for _, c := range []struct {
		time model.Clock
		slot model.Slot
		want model.Slot
	}{
		{model.ClockAt(11, 59), model.SlotEvening, model.SlotMorning}, // the time wins over a given slot
		{model.ClockAt(12, 0), "", model.SlotAfternoon},
		{model.ClockAt(18, 0), "", model.SlotEvening},
		{model.NoClock, "", model.SlotAny},
		{model.NoClock, model.SlotAfternoon, model.SlotAfternoon},
	} {
		got := mustTask(t, s, model.Task{Title: "t", Date: d("2026-11-27"), Time: c.time, Slot: c.slot})
		if got.Slot != c.want || got.Kind != model.TaskTodo {
			t.Errorf("time %v slot %q → %q kind %q, want %q todo", c.time, c.slot, got.Slot, got.Kind, c.want)
		}
	}
}

func TestTasksOnAndDelete(t *testing.T) {
	s := newStore(t)
	a := mustTask(t, s, model.Task{Title: "a", Date: d("2026-11-27")})
	mustTask(t, s, model.Task{Title: "b", Date: d("2026-11-28")})
	inbox := mustTask(t, s, model.Task{Title: "inbox"})
	got, err := s.TasksOn(d("2026-11-27"))
	if err != nil || len(got) != 1 || got[0].ID != a.ID {
		t.Fatalf("TasksOn = %v, %v", got, err)
	}
	if got, _ := s.TasksOn(model.NoDate); len(got) != 1 || got[0].ID != inbox.ID {
		t.Errorf("TasksOn(none) = %v, want the inbox task", got)
	}
	if err := s.DeleteTask(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Task(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted task still there: %v", err)
	}
	if got, _ := s.TasksOn(d("2026-11-27")); len(got) != 0 {
		t.Errorf("deleted task still listed: %v", got)
	}
	if err := s.DeleteTask(a.ID); problemCode(err) != "unknown_task_id" {
		t.Errorf("delete twice = %v", err)
	}
}

func TestCompleteTask(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	for _, tc := range []struct {
		name      string
		task      model.Task
		on        model.Date
		outcome   string
		wantNext  model.Date
		wantEntry model.EntryKind
		wantText  string
	}{
		{"call with outcome", model.Task{Title: "call about the quote", Kind: model.TaskCall, ClientID: c.ID, Date: d("2026-11-27")},
			d("2026-11-27"), "wants 5% off", 0, model.EntryCall, "wants 5% off"},
		{"visit without outcome uses the title", model.Task{Title: "site visit", Kind: model.TaskVisit, ClientID: c.ID, Date: d("2026-11-27")},
			d("2026-11-27"), "", 0, model.EntryVisit, "site visit"},
		{"todo records nothing", model.Task{Title: "expenses", Date: d("2026-11-27")}, d("2026-11-27"), "", 0, "", ""},
		{"todo with a client keeps its outcome as a note", model.Task{Title: "samples", ClientID: c.ID, Date: d("2026-11-27")},
			d("2026-11-27"), "3 boxes ready", 0, model.EntryNote, "3 boxes ready"},
		{"call without client records nothing", model.Task{Title: "call", Kind: model.TaskCall, Date: d("2026-11-27")}, d("2026-11-27"), "", 0, "", ""},
		{"weekly on time", model.Task{Title: "weekly", Date: d("2026-11-27"), Repeat: "weekly"}, d("2026-11-27"), "", d("2026-12-04"), "", ""},
		{"weekly done late keeps the weekday", model.Task{Title: "weekly", Date: d("2026-11-20"), Repeat: "weekly"}, d("2026-11-27"), "", d("2026-12-04"), "", ""},
		{"weekdays skips the weekend", model.Task{Title: "wd", Date: d("2026-11-27"), Repeat: "weekdays"}, d("2026-11-27"), "", d("2026-11-30"), "", ""},
		{"repeating meeting: next and contact", model.Task{Title: "standup", Kind: model.TaskMeeting, ClientID: c.ID, Date: d("2026-11-27"), Repeat: "daily"},
			d("2026-11-27"), "", d("2026-11-28"), model.EntryMeeting, "standup"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			task := mustTask(t, s, tc.task)
			res, err := s.CompleteTask(task.ID, tc.on, at("2026-11-27", 11), tc.outcome)
			if err != nil {
				t.Fatal(err)
			}
			stored, _ := s.Task(task.ID)
			if !stored.Done || stored.DoneOn != tc.on || !res.Task.Done {
				t.Errorf("task not done on %v: %+v", tc.on, stored)
			}
			if (res.Next != nil) != tc.wantNext.Valid() {
				t.Fatalf("next = %+v, want date %v", res.Next, tc.wantNext)
			}
			if res.Next != nil {
				next, err := s.Task(res.Next.ID)
				if err != nil || next.Date != tc.wantNext || next.Done || next.Title != task.Title || next.Repeat != task.Repeat {
					t.Errorf("next occurrence = %+v, %v; want undone on %v", next, err, tc.wantNext)
				}
			}
			if (res.Entry != nil) != (tc.wantEntry != "") {
				t.Fatalf("entry = %+v, want kind %q", res.Entry, tc.wantEntry)
			}
			if res.Entry != nil && (res.Entry.Kind != tc.wantEntry || res.Entry.Text != tc.wantText ||
				res.Entry.On() != tc.on || res.Entry.ClientID != c.ID) {
				t.Errorf("entry = %+v, want %s %q on %v", res.Entry, tc.wantEntry, tc.wantText, tc.on)
			}
		})
	}
	done := mustTask(t, s, model.Task{Title: "x", Date: d("2026-11-27")})
	_, _ = s.CompleteTask(done.ID, d("2026-11-27"), at("2026-11-27", 9), "")
	if _, err := s.CompleteTask(done.ID, d("2026-11-27"), at("2026-11-27", 9), ""); problemCode(err) != "task_done" {
		t.Errorf("completing twice = %v, want task_done", err)
	}
	if _, err := s.CompleteTask(9999, d("2026-11-27"), at("2026-11-27", 9), ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("completing a missing task = %v", err)
	}
}

// The contact of a task completed "on" a day other than the clock's day
// (--today) is dated that day.
func TestCompleteTaskEntryFollowsOn(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	task := mustTask(t, s, model.Task{Title: "call", Kind: model.TaskCall, ClientID: c.ID, Date: d("2026-11-20")})
	res, err := s.CompleteTask(task.ID, d("2026-11-20"), at("2026-11-27", 15), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Entry.On() != d("2026-11-20") || res.Entry.At.Hour() != 15 {
		t.Errorf("entry at %v, want 2026-11-20 15:00", res.Entry.At)
	}
}
