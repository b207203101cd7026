package form

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/i18n"
)

// numbered is a note of n lines "line 0 …", some long enough to wrap in
// two rows (not three: the text area's down key sticks on some lines that
// wrap in three rows, window or not).
func numbered(n int) string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("line %d 王总说下周三之前要看到报价 %s.", i, strings.Repeat("x", i%3*9))
	}
	return strings.Join(lines, "\n")
}

func noteKeys(d *Note, keys ...string) {
	for _, k := range keys {
		switch k {
		case "up":
			d.Update(tea.KeyPressMsg{Code: tea.KeyUp})
		case "down":
			d.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		case "home":
			d.Update(tea.KeyPressMsg{Code: tea.KeyHome})
		case "ctrl+home":
			d.Update(tea.KeyPressMsg{Code: tea.KeyHome, Mod: tea.ModCtrl})
		case "ctrl+end":
			d.Update(tea.KeyPressMsg{Code: tea.KeyEnd, Mod: tea.ModCtrl})
		case "enter":
			d.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		case "backspace":
			d.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
		default:
			for _, r := range k {
				d.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
}

// upTo and downTo press up or down (which move by screen rows) until the
// cursor is on line n of the whole note.
func upTo(t *testing.T, d *Note, n int) {
	t.Helper()
	for i := 0; len(d.above)+d.ta.Line() > n; i++ {
		if i > 5000 {
			t.Fatalf("up never reached line %d (at %d)", n, len(d.above)+d.ta.Line())
		}
		noteKeys(d, "up")
	}
}

func downTo(t *testing.T, d *Note, n int) {
	t.Helper()
	for i := 0; len(d.above)+d.ta.Line() < n; i++ {
		if i > 5000 {
			t.Fatalf("down never reached line %d (at %d)", n, len(d.above)+d.ta.Line())
		}
		noteKeys(d, "down")
	}
}

// TestNoteLongTextEdits: in a note far longer than the text area's window,
// every key lands where the cursor is, however far the cursor travelled,
// and nothing of the note is lost or doubled.
func TestNoteLongTextEdits(t *testing.T) {
	const n = 150
	orig := numbered(n)
	lines := strings.Split(orig, "\n")
	d := NewNote(i18n.EN, DefaultStyles(true), "note", "", orig, 6)
	d.SetWidth(50)
	if len(d.above) == 0 {
		t.Fatalf("a %d-line note is held whole by the text area; the test needs a window", n)
	}
	if got := d.Value(); got != orig {
		t.Fatalf("Value() of an untouched note differs from what it was given")
	}
	// Up from the last line to line 40, type at its start.
	upTo(t, d, 40)
	noteKeys(d, "home", "A ")
	lines[40] = "A " + lines[40]
	// Down to line 110 and split it at its start.
	downTo(t, d, 110)
	noteKeys(d, "home", "B", "enter")
	lines = append(lines[:110], append([]string{"B"}, lines[110:]...)...)
	// The very start and the very end of the note.
	noteKeys(d, "ctrl+home", "C")
	lines[0] = "C" + lines[0]
	noteKeys(d, "ctrl+end", "D", "backspace", "E")
	lines[len(lines)-1] += "E"
	if got, want := d.Value(), strings.Join(lines, "\n"); got != want {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d = %q, want %q (%d lines, want %d)", i, gl[i], wl[i], len(gl), len(wl))
			}
		}
		t.Fatalf("%d lines, want %d", len(gl), len(wl))
	}
}

// TestNoteLongTextShowsCursorLine: after the window moved, the box still
// shows the line the cursor is on and its neighbours, full height.
func TestNoteLongTextShowsCursorLine(t *testing.T) {
	d := NewNote(i18n.EN, DefaultStyles(true), "note", "", numbered(150), 6)
	d.SetWidth(60)
	upTo(t, d, 60)
	noteKeys(d, "home", "HERE ")
	v := ansi.Strip(d.View())
	if !strings.Contains(v, "HERE line 60 ") {
		t.Fatalf("the cursor's line is not shown:\n%s", v)
	}
	if !strings.Contains(v, "line 61 ") && !strings.Contains(v, "line 59 ") {
		t.Errorf("no neighbouring line is shown:\n%s", v)
	}
	if rows := strings.Count(v, "\n"); rows < 6 {
		t.Errorf("the box has %d rows, want its height at least:\n%s", rows, v)
	}
}

// TestNoteHoldsPastTheLimit: the box never drops what is typed, past
// the store's 64 KiB limit too (the save is refused, naming the limit, and
// the text stays to be shortened), windowed or not.
func TestNoteHoldsPastTheLimit(t *testing.T) {
	limit := 64 << 10
	base := strings.Repeat(strings.Repeat("y", 99)+"\n", limit/100)
	d := NewNote(i18n.EN, DefaultStyles(true), "note", "", base[:len(base)-1], 6)
	if len(d.above) == 0 {
		t.Fatal("the note is held whole; the test needs a window")
	}
	noteKeys(d, strings.Repeat("z", 100))
	if got, want := len([]rune(d.text())), len(base)-1+100; got != want {
		t.Errorf("note holds %d characters after typing past the limit, want all %d", got, want)
	}
}
