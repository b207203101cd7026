package storage

import (
	"fmt"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// inboxTitles are the titles of an agenda's inbox, in order.
func inboxTitles(a model.Agenda) []string {
	var out []string
	for _, t := range a.Inbox {
		out = append(out, t.Title)
	}
	return out
}

// TestTodayListsTheInbox: a task whose date is cleared (task edit --date
// "", the planner's edit form) leaves its day and shows in today's Inbox,
// read from task_open's date-0 entries, important first, then the oldest;
// done, dated and deleted tasks are not in it; giving it a date takes it
// out again. Every step leaves the indexes as a rebuild makes them.
func TestTodayListsTheInbox(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	dated := mustTask(t, s, model.Task{Title: "dated", Date: today.AddDays(2)})
	old := mustTask(t, s, model.Task{Title: "old idea"})
	mustTask(t, s, model.Task{Title: "important idea", Important: true})
	done := mustTask(t, s, model.Task{Title: "done idea"})
	if _, err := s.CompleteTask(done.ID, today, at("2026-11-27", 10), ""); err != nil {
		t.Fatal(err)
	}
	gone := mustTask(t, s, model.Task{Title: "deleted idea"})
	if err := s.DeleteTask(gone.ID); err != nil {
		t.Fatal(err)
	}

	check := func(what string, want ...string) {
		t.Helper()
		a, err := s.Today(today)
		if err != nil {
			t.Fatal(err)
		}
		if got := inboxTitles(a); !slices.Equal(got, want) {
			t.Errorf("%s: the inbox is %q, want %q", what, got, want)
		}
		for _, tk := range a.Tasks {
			if !tk.Date.Valid() {
				t.Errorf("%s: the inbox task %q is among the day's tasks", what, tk.Title)
			}
		}
		assertNoDrift(t, s)
	}
	check("added", "important idea", "old idea")

	// Clear the date of a dated task, as task edit --date "" does.
	edited := dated
	edited.Date = model.NoDate
	if _, err := s.EditTask(dated, edited); err != nil {
		t.Fatal(err)
	}
	check("date cleared", "important idea", "dated", "old idea") // dated was added first

	// Give the old idea a date: it leaves the inbox for that day.
	seen, err := s.Task(old.ID)
	if err != nil {
		t.Fatal(err)
	}
	moved := seen
	moved.Date = today
	if _, err := s.EditTask(seen, moved); err != nil {
		t.Fatal(err)
	}
	check("given today", "important idea", "dated")
	a, err := s.Today(today)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Tasks) != 1 || a.Tasks[0].Title != "old idea" {
		t.Errorf("today's tasks are %v, want the old idea", a.Tasks)
	}
	// Undo puts it back in the inbox.
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	check("undone", "important idea", "dated", "old idea")

}

// TestTodayTopReadsTheFirstInboxTasks: TodayTop decodes only the first
// model.InboxShown inbox tasks (important first, then the oldest) and
// counts the others, as Today lists them all.
func TestTodayTopReadsTheFirstInboxTasks(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	for i := range 12 {
		mustTask(t, s, model.Task{Title: fmt.Sprintf("idea %02d", i), Important: i%5 == 4})
	}
	full, err := s.Today(today)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"idea 04", "idea 09", "idea 00", "idea 01", "idea 02", "idea 03", "idea 05",
		"idea 06", "idea 07", "idea 08", "idea 10", "idea 11"}
	if got := inboxTitles(full); !slices.Equal(got, want) || full.InboxUnread != 0 {
		t.Fatalf("Today's inbox is %q (%d unread), want %q", got, full.InboxUnread, want)
	}
	top, err := s.TodayTop(today, model.CarriedShown)
	if err != nil {
		t.Fatal(err)
	}
	if got := inboxTitles(top); !slices.Equal(got, want[:model.InboxShown]) || top.InboxUnread != len(want)-model.InboxShown {
		t.Errorf("TodayTop's inbox is %q and %d more, want %q and %d more",
			got, top.InboxUnread, want[:model.InboxShown], len(want)-model.InboxShown)
	}
}

// TestInboxIndexEntries: an undated open task has its task_open entry
// under date 0 (the key the inbox is read by), and loses it when done.
func TestInboxIndexEntries(t *testing.T) {
	s := newStore(t)
	task := mustTask(t, s, model.Task{Title: "idea", Important: true})
	has := func() (ok bool, important bool) {
		_ = s.view(func(tx *bolt.Tx) error {
			v := ix(tx, ixTaskOpen).Get(cat(dateBytes(model.NoDate), idKey(task.ID)))
			ok, important = v != nil, len(v) > 9 && v[9]&taskOpenImportant != 0
			return nil
		})
		return ok, important
	}
	if ok, imp := has(); !ok || !imp {
		t.Fatalf("an undated task's task_open entry: present %v, important %v; want both", ok, imp)
	}
	if _, err := s.CompleteTask(task.ID, d("2026-11-27"), at("2026-11-27", 9), ""); err != nil {
		t.Fatal(err)
	}
	if ok, _ := has(); ok {
		t.Error("a done undated task keeps its task_open entry")
	}
}
