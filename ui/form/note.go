package form

import (
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/i18n"
)

// Note is a multi-line note box: ctrl+s saves, esc cancels and asks first
// when something was typed; enter starts a new line. Its text is a textBox
// (the whole value, pastes as they came).
type Note struct {
	lang  i18n.Lang
	st    Styles
	title string
	textBox
	width      int
	confirming asking // "discard what you typed?" is showing
	empty      bool   // ctrl+s was pressed on an empty required note
	tooMany    int    // lines of a paste refused: the box holds at most noteMaxLines
	// Required: ctrl+s on an empty note does nothing but say so.
	Required bool
	initial  string // the starting text
	failed   string // why the last save was refused
}

// NewNote makes a focused note box of the given number of text lines.
func NewNote(lang i18n.Lang, st Styles, title, placeholder, value string, lines int) *Note {
	d := &Note{lang: lang, st: st, title: title, textBox: newTextBox(placeholder, "", lines)}
	d.SetWidth(60)
	d.setValue(value) // the cursor at the end, as the text area puts it
	d.initial = d.Value()
	return d
}

// Value returns the note's text with outer blank space trimmed, each
// paste left untouched since it came back as it was pasted.
func (d *Note) Value() string { return d.value() }

// Dirty reports whether the note differs from its starting text.
func (d *Note) Dirty() bool { return d.Value() != d.initial }

// Fail shows why the save was refused, until the next edit; the text
// stays.
func (d *Note) Fail(msg string) { d.failed = msg }

// SetWidth sets the dialog's whole width.
func (d *Note) SetWidth(w int) {
	d.width = w
	d.setWidth(d.st.inner(w))
}

// Update handles keys and pastes.
func (d *Note) Update(msg tea.Msg) (Result, tea.Cmd) {
	if d.confirming {
		return d.confirming.answer(msg), nil
	}
	switch {
	case isKey(msg, dk.Save):
		if d.Required && d.Value() == "" {
			d.empty = true
			return Open, nil
		}
		return Submitted, nil
	case isKey(msg, dk.Cancel):
		if !d.Dirty() {
			return Cancelled, nil
		}
		d.confirming = true
		return Open, nil
	}
	d.empty, d.tooMany = false, 0
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		d.failed = ""
	}
	cmd, tooMany := d.update(msg)
	d.tooMany = tooMany
	return Open, cmd
}

// View renders the dialog.
func (d *Note) View() string {
	lines := []string{d.st.Title.Render(d.title), d.view()}
	switch {
	case bool(d.confirming):
		lines = append(lines, d.confirming.line(d.st, d.lang))
	case d.empty:
		lines = append(lines, d.st.Error.Render(d.lang.T("form.required")))
	case d.tooMany > 0:
		lines = append(lines, d.st.Error.Render(d.lang.T("form.paste_too_many_lines", d.tooMany, noteMaxLines)))
	case d.failed != "":
		lines = append(lines, d.st.Error.Render(d.failed),
			d.st.Hint.Render(hints(d.lang, "form.key.ctrls_save", "form.key.esc_cancel")))
	default:
		lines = append(lines, d.st.Hint.Render(hints(d.lang, "form.key.ctrls_save", "form.key.esc_cancel")))
	}
	return d.st.frame(d.width, lines...)
}
