package day_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// waitStore polls today's tasks until cond holds: the planner writes in
// its own commands, so the test waits for the effect rather than pixels.
func waitStore(t *testing.T, st *storage.Store, what string, cond func([]model.AgendaTask) bool) {
	t.Helper()
	uitest.Eventually(t, what, func() bool {
		ts, err := st.TasksOn(uitest.Today)
		return err == nil && cond(ts)
	})
}

func task(ts []model.AgendaTask, title string) (model.AgendaTask, bool) {
	for _, tk := range ts {
		if tk.Title == title {
			return tk, true
		}
	}
	return model.AgendaTask{}, false
}

func enter() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyEnter} }

// The Day pane inside the real planner: quick-add a task, complete it,
// undo, move between days and resize.
func TestInsideThePlanner(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	env := uitest.Env(st, i18n.EN)
	tm := uitest.Start(t, ui.New(env, ui.Options{NoColor: true}), 120, 40)
	uitest.WaitFor(t, tm, "Carried over · 2")

	tm.Type("a")
	tm.Type("call @王 11:30 quote for pumps")
	uitest.WaitScreen(t, tm, "@王总")
	tm.Send(enter())
	waitStore(t, st, "the quick-added task", func(ts []model.AgendaTask) bool {
		tk, ok := task(ts, "quote for pumps")
		return ok && tk.Kind == model.TaskCall && tk.ClientName == "王总" && tk.Time == model.ClockAt(11, 30)
	})
	uitest.WaitScreen(t, tm, "Added: quote for pumps")
	// The list has reloaded (and selected the new task) once its row shows.
	uitest.WaitScreen(t, tm, "11:30")

	// The new task is selected: x asks for the call's outcome.
	tm.Type("x")
	uitest.WaitScreen(t, tm, "Outcome?")
	tm.Type("six weeks")
	tm.Send(enter())
	waitStore(t, st, "the call done", func(ts []model.AgendaTask) bool {
		tk, _ := task(ts, "quote for pumps")
		return tk.Done
	})

	tm.Type("u")
	waitStore(t, st, "the undo", func(ts []model.AgendaTask) bool {
		tk, ok := task(ts, "quote for pumps")
		return ok && !tk.Done
	})

	tm.Type("l")
	uitest.WaitScreen(t, tm, "Nothing planned")
	tm.Type("t")
	uitest.WaitScreen(t, tm, "Carried over · 2")

	tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	uitest.WaitScreen(t, tm, "Attention · 3")
	final := uitest.Finish(t, tm).(*ui.Model)
	view := final.View().Content
	lines := strings.Split(view, "\n")
	if len(lines) != 24 {
		t.Fatalf("%d lines after resize", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 80 {
			t.Errorf("line %d is %d cells: %q", i, w, ansi.Strip(l))
		}
	}
	plain := ansi.Strip(view)
	for _, want := range []string{"Fri 27 Nov 2026 · today", "11:30 call  quote for pumps", "Attention · 3"} {
		if !strings.Contains(plain, want) {
			t.Errorf("final screen lacks %q:\n%s", want, plain)
		}
	}
}

// n on a day with no task lets the shell's note flow ask which client,
// as n does everywhere (DESIGN.md §5).
func TestNoteWithoutATaskOpensThePicker(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	tm := uitest.Start(t, ui.New(uitest.Env(st, i18n.EN), ui.Options{NoColor: true}), 120, 40)
	uitest.WaitFor(t, tm, "Carried over · 2")
	tm.Type("l")
	uitest.WaitScreen(t, tm, "Nothing planned")
	tm.Type("n")
	uitest.WaitScreen(t, tm, "Note for which client?")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
}
