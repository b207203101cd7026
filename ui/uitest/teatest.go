package uitest

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// Start runs m in a teatest program of w×h cells without colour (so
// byte-level output is stable).
func Start(tb testing.TB, m tea.Model, w, h int) *teatest.TestModel {
	tb.Helper()
	return teatest.NewTestModel(tb, m,
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
}

// WaitFor waits until the program's output has shown s since the last read.
func WaitFor(tb testing.TB, tm *teatest.TestModel, s string) {
	tb.Helper()
	teatest.WaitFor(tb, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(s))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// WaitScreen waits until a full redraw of the screen shows s. The renderer
// sends only the cells that changed, so text that overlaps what was there
// before never shows whole in the output; a cleared screen is drawn whole.
func WaitScreen(tb testing.TB, tm *teatest.TestModel, s string) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	buf := make([]byte, 1<<16)
	var got []byte
	for time.Now().Before(deadline) {
		tm.Send(tea.ClearScreen())
		time.Sleep(30 * time.Millisecond)
		got = got[:0]
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
	tb.Fatalf("the screen never showed %q; last:\n%s", s, ansi.Strip(string(got)))
}

// Eventually polls cond (the store, say: the planner writes in its own
// commands, so a test waits for the effect) until it holds or 5 s pass.
func Eventually(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Finish quits the program and returns its final model.
func Finish(tb testing.TB, tm *teatest.TestModel) tea.Model {
	tb.Helper()
	if err := tm.Quit(); err != nil {
		tb.Fatal(err)
	}
	return tm.FinalModel(tb, teatest.WithFinalTimeout(5*time.Second))
}

// SendAll sends msgs to the program without waiting between them, as a
// fast typist or a paste-happy terminal would.
func SendAll(tm *teatest.TestModel, msgs []tea.Msg) {
	for _, m := range msgs {
		tm.Send(m)
	}
}
