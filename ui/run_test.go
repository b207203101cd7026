package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"salesplan/ui/i18n"
)

// Run starts the program on the given input and output and returns
// cleanly when the user presses q.
func TestRunQuits(t *testing.T) {
	env := testEnv(t, i18n.EN)
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- Run(env, RunOptions{Input: strings.NewReader("q"), Output: &out, Panes: Placeholders})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after q")
	}
	// The alternate screen was entered and left again.
	if s := out.String(); !strings.Contains(s, "\x1b[?1049h") || !strings.Contains(s, "\x1b[?1049l") {
		t.Errorf("alternate screen not entered and restored: %q", s)
	}
	if !strings.Contains(out.String(), "\x1b[?1002h") {
		t.Errorf("mouse cell motion not requested: %q", out.String())
	}
}
