package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/i18n"
)

// A paste is shown inert but saved as it came (DESIGN.md §6); text the user
// then edits inside is saved as they see it.
func TestNoteSavesPasteAsGiven(t *testing.T) {
	raw := "王总说:\t价格\x1b[31m红\x1b[0m ok 🎉\r\n" + strings.Repeat("long line ", 60) + "\x1b]8;;http://x\x07link\x1b]8;;\x07"
	tests := []struct {
		name  string
		typed string
		edit  bool
		want  string
	}{
		{"paste alone", "", false, strings.TrimSpace(raw)},
		{"typed before", "回访 ", false, "回访 " + strings.TrimSpace(raw)},
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
