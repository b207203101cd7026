package day_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui"
	"salesplan/ui/day"
	"salesplan/ui/i18n"
)

func waitFor(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(s))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// waitScreen waits until a full redraw of the screen shows s. The renderer
// sends only the cells that changed, so text that overlaps what was there
// before never shows whole in the output; a cleared screen is drawn whole.
func waitScreen(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	buf := make([]byte, 1<<16)
	for time.Now().Before(deadline) {
		tm.Send(tea.ClearScreen())
		time.Sleep(30 * time.Millisecond)
		var got []byte
		for {
			n, err := tm.Output().Read(buf)
			got = append(got, buf[:n]...)
			if n == 0 || err != nil {
				break
			}
		}
		if bytes.Contains(got, []byte(s)) {
			return
		}
	}
	t.Fatalf("the screen never showed %q", s)
}

// waitStore polls the store until cond holds: the planner writes in its
// own commands, so the test waits for the effect rather than for pixels.
func waitStore(t *testing.T, st *storage.Store, what string, cond func([]model.AgendaTask) bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		ts, err := st.TasksOn(day.Today)
		if err == nil && cond(ts) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
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
	st := day.OpenStore(t)
	day.Seed(t, st)
	env := day.EnvFor(st, i18n.EN)
	tm := teatest.NewTestModel(t, ui.New(env, ui.Options{NoColor: true}),
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "Carried over · 2")

	tm.Type("a")
	tm.Type("call @王 11:30 quote for pumps")
	waitScreen(t, tm, "@王总")
	tm.Send(enter())
	waitStore(t, st, "the quick-added task", func(ts []model.AgendaTask) bool {
		tk, ok := task(ts, "quote for pumps")
		return ok && tk.Kind == model.TaskCall && tk.ClientName == "王总" && tk.Time == model.ClockAt(11, 30)
	})
	waitScreen(t, tm, "Added: quote for pumps")
	// The list has reloaded (and selected the new task) once its row shows.
	waitScreen(t, tm, "11:30")

	// The new task is selected: x asks for the call's outcome.
	tm.Type("x")
	waitScreen(t, tm, "Outcome?")
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
	waitScreen(t, tm, "Nothing planned")
	tm.Type("t")
	waitScreen(t, tm, "Carried over · 2")

	tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	waitScreen(t, tm, "Attention · 3")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*ui.Model)
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
	st := day.OpenStore(t)
	day.Seed(t, st)
	tm := teatest.NewTestModel(t, ui.New(day.EnvFor(st, i18n.EN), ui.Options{NoColor: true}),
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "Carried over · 2")
	tm.Type("l")
	waitScreen(t, tm, "Nothing planned")
	tm.Type("n")
	waitScreen(t, tm, "Note for which client?")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
}
