package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/i18n"
)

// A paste is shown inert but saved as it came (DESIGN.md §6), its line
// breaks made LF (DESIGN.md §5 v2: whatever the terminal sends); text the
// user then edits inside is saved as they see it.
func TestNoteSavesPasteAsGiven(t *testing.T) {
	raw := "王总说:\t价格\x1b[31m红\x1b[0m ok 🎉\r\n" + strings.Repeat("long line ", 60) + "\x1b]8;;http://x\x07link\x1b]8;;\x07"
	tests := []struct {
		name  string
		typed string
		edit  bool
		want  string
	}{
		{"paste alone", "", false, strings.TrimSpace(Newlines(raw))},
		{"typed before", "回访 ", false, "回访 " + strings.TrimSpace(Newlines(raw))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewNote(i18n.EN, Styles{}, "note", "", "", 5)
			for _, r := range tc.typed {
				d.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			d.Update(tea.PasteMsg{Content: raw})
			if got := d.Value(); got != tc.want {
				t.Errorf("Value() = %q\nwant      %q", got, tc.want)
			}
			// The box's own styling is SGR; the paste's sequences must be gone.
			v := d.View()
			if strings.Contains(v, "[31m") || strings.Contains(v, "]8;;") || strings.ContainsAny(ansi.Strip(v), "\x1b\r\x07") {
				t.Errorf("the box shows the paste's control sequences: %q", v)
			}
		})
	}
	t.Run("edited inside the paste", func(t *testing.T) {
		d := NewNote(i18n.EN, Styles{}, "note", "", "", 5)
		d.Update(tea.PasteMsg{Content: "a\x1b[31mb"})
		d.Update(tea.KeyPressMsg{Code: tea.KeyLeft})
		d.Update(tea.KeyPressMsg{Code: 'X', Text: "X"})
		if got := d.Value(); got != "aXb" {
			t.Errorf("Value() = %q, want the edited, inert text %q", got, "aXb")
		}
	})
}

// Terminals send the line breaks of a paste as CR (most), CRLF or LF; the
// note keeps each as a line break, and its tabs, and shows no CR.
func TestNotePasteKeepsLineBreaks(t *testing.T) {
	for name, paste := range map[string]string{
		"CR":   "one\rtwo\r\tthree",
		"CRLF": "one\r\ntwo\r\n\tthree",
		"LF":   "one\ntwo\n\tthree",
	} {
		t.Run(name, func(t *testing.T) {
			d := NewNote(i18n.EN, Styles{}, "note", "", "", 5)
			d.Update(tea.PasteMsg{Content: paste})
			if got, want := d.Value(), "one\ntwo\n\tthree"; got != want {
				t.Errorf("Value() = %q, want %q", got, want)
			}
			if v := ansi.Strip(d.View()); strings.Contains(v, "\r") || !strings.Contains(v, "two") {
				t.Errorf("the box shows %q", v)
			}
		})
	}
	in := NewInput(i18n.EN, Styles{}, "one line", "", "")
	in.Update(tea.PasteMsg{Content: "a\rb\r\nc\td"})
	if got := in.Value(); got != "a b c d" {
		t.Errorf("a one-line input took the paste as %q", got)
	}
}
