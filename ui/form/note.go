package form

import (
	"strings"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/i18n"
)

// Note is a multi-line note box: ctrl+s saves, esc cancels and asks first
// when something was typed; enter starts a new line.
type Note struct {
	lang       i18n.Lang
	st         Styles
	title      string
	ta         textarea.Model
	width      int
	confirming bool // "discard what you typed?" is showing
	empty      bool // ctrl+s was pressed on an empty required note
	// Required: ctrl+s on an empty note does nothing but say so.
	Required bool
}

// NewNote makes a focused note box of the given number of text lines.
func NewNote(lang i18n.Lang, st Styles, title, placeholder, value string, lines int) *Note {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.Placeholder = placeholder
	ta.CharLimit = 5000
	ts := ta.Styles()
	ts.Cursor.Blink = false // see steadyCursor
	ta.SetStyles(ts)
	ta.SetHeight(max(lines, 1))
	ta.SetValue(cleanPaste(value, false))
	ta.Focus()
	d := &Note{lang: lang, st: st, title: title, ta: ta}
	d.SetWidth(60)
	return d
}

// Value returns the note's text with outer blank space trimmed.
func (d *Note) Value() string { return strings.TrimSpace(d.ta.Value()) }

// SetWidth sets the dialog's whole width.
func (d *Note) SetWidth(w int) {
	d.width = w
	d.ta.SetWidth(d.st.inner(w))
}

// Update handles keys and pastes.
func (d *Note) Update(msg tea.Msg) (Result, tea.Cmd) {
	if d.confirming {
		switch {
		case isKey(msg, "y", "Y", "enter"):
			return Cancelled, nil
		case isKey(msg, "n", "N", "esc"):
			d.confirming = false
		}
		return Open, nil
	}
	switch {
	case isKey(msg, "ctrl+s"):
		if d.Required && d.Value() == "" {
			d.empty = true
			return Open, nil
		}
		return Submitted, nil
	case isKey(msg, "esc"):
		if d.Value() == "" {
			return Cancelled, nil
		}
		d.confirming = true
		return Open, nil
	}
	d.empty = false
	if p, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: cleanPaste(p.Content, false)}
	}
	var cmd tea.Cmd
	d.ta, cmd = d.ta.Update(msg)
	return Open, cmd
}

// View renders the dialog.
func (d *Note) View() string {
	lines := []string{d.st.Title.Render(d.title), noNUL(d.ta.View())}
	switch {
	case d.confirming:
		lines = append(lines, d.st.Error.Render(d.lang.T("form.discard")+" "+
			hints(d.lang, "form.key.y_yes", "form.key.n_no")))
	case d.empty:
		lines = append(lines, d.st.Error.Render(d.lang.T("form.required")))
	default:
		lines = append(lines, d.st.Hint.Render(hints(d.lang, "form.key.ctrls_save", "form.key.esc_cancel")))
	}
	return d.st.frame(d.width, lines...)
}
