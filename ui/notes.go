package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/clients"
	"salesplan/ui/common"
	"salesplan/ui/form"
)

// Jotting a note from anywhere (n, DESIGN.md §5): when the active pane
// lets n pass (it returns no command and opens nothing), the shell opens
// clients.NoteFlow over it — a note box for the pane's client in context
// (common.ClientContexter), or a client picker first. While the flow is
// open it takes every key and paste, and sees every other message (its
// own store answers among them).

// noteWidth is the note box's width for the current terminal.
func (m *Model) noteWidth() int { return min(m.width, 76) }

// noteKey gives n to the active pane first; a pane that does nothing with
// it gets the shell's note flow.
func (m *Model) noteKey(msg tea.KeyPressMsg) tea.Cmd {
	cmd := m.toActive(msg)
	if cmd != nil || m.panes[m.active].Capturing() {
		return cmd
	}
	client := common.ContextClientOf(m.panes[m.active])
	st := form.ThemeStyles(*m.env.Styles)
	f, load := clients.NewNoteFlow(m.env, st, client)
	f.SetWidth(m.noteWidth())
	m.note = f
	return load
}

// updateNote passes a message to the open note flow and drops the flow
// when it is done.
func (m *Model) updateNote(msg tea.Msg) tea.Cmd {
	if m.note == nil {
		return nil
	}
	done, cmd := m.note.Update(msg)
	if done {
		m.note = nil
	}
	return cmd
}

// overlayNote draws the note flow over the bottom of the pane area,
// centred.
func overlayNote(body, dlg string, w, h int) string {
	lines := strings.Split(common.Fit(body, w, h), "\n")
	dl := strings.Split(dlg, "\n")
	top := max(h-len(dl)-1, 0)
	for i, d := range dl {
		if top+i >= len(lines) {
			break
		}
		left := max((w-ansi.StringWidth(d))/2, 0)
		lines[top+i] = common.PadRight(strings.Repeat(" ", left)+d, w)
	}
	return strings.Join(lines, "\n")
}
