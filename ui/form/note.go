package form

import (
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/i18n"
	"salesplan/ui/keys"
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
	date     *dateLine
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

// HelpPlace says what the footer offers: ctrl+s to save (enter is a new
// line here), or yes/no while "discard?" asks.
func (d *Note) HelpPlace() keys.Place {
	if d.confirming {
		return keys.PlaceConfirm
	}
	return keys.PlaceForm
}

// Dirty reports whether the note differs from its starting text (or its
// date line from its starting day).
func (d *Note) Dirty() bool { return d.Value() != d.initial || d.date != nil && d.date.dirty() }

// WithDate adds a date line under the text (see dateLine): label names it,
// value is where it starts ("today"), check reads it on save.
func (d *Note) WithDate(label, value string, check func(string) error) *Note {
	d.date = newDateLine(label, value, check)
	d.SetWidth(d.width)
	return d
}

// Date is what the date line holds ("" without one).
func (d *Note) Date() string {
	if d.date == nil {
		return ""
	}
	return d.date.value()
}

// focusDate moves the typing into the date line, or back to the text.
func (d *Note) focusDate(on bool) {
	if d.date == nil {
		return
	}
	d.date.focus(on)
	if on {
		d.blur()
	} else {
		d.focus()
	}
}

// Fail shows why the save was refused, until the next edit; the text
// stays.
func (d *Note) Fail(msg string) { d.failed = msg }

// SetWidth sets the dialog's whole width.
func (d *Note) SetWidth(w int) {
	d.width = w
	d.setWidth(d.st.inner(w))
	if d.date != nil {
		d.date.setWidth(d.st.inner(w))
	}
}

// Update handles keys and pastes.
func (d *Note) Update(msg tea.Msg) (Result, tea.Cmd) {
	if d.confirming {
		return d.confirming.answer(msg), nil
	}
	switch {
	case isKey(msg, dk.Save):
		return d.save(), nil
	case isKey(msg, dk.Cancel):
		if !d.Dirty() {
			return Cancelled, nil
		}
		d.confirming = true
		return Open, nil
	case d.date != nil && isSwitch(msg):
		d.focusDate(!d.date.focused)
		return Open, nil
	case d.date != nil && d.date.focused:
		if isKey(msg, dk.Submit) {
			return d.save(), nil // enter on the date saves, as on a one-line field
		}
		d.failed = ""
		return Open, d.date.update(msg)
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

// save answers ctrl+s: Submitted when the note may be saved, else Open
// with the reason shown (an empty required note, a date that does not read).
func (d *Note) save() Result {
	if d.Required && d.Value() == "" {
		d.empty = true
		d.focusDate(false)
		return Open
	}
	if d.date != nil && !d.date.valid(d.lang) {
		d.focusDate(true)
		return Open
	}
	return Submitted
}

// View renders the dialog. A refusal wraps inside the frame: it is read
// whole, never cut at its edge.
func (d *Note) View() string {
	in := d.st.inner(d.width)
	lines := []string{d.st.Title.Render(d.title), d.view()}
	if d.date != nil {
		lines = append(lines, d.date.lines(d.st, in)...)
	}
	keys := []string{"form.key.ctrls_save", "form.key.esc_cancel"}
	if d.date != nil {
		keys = []string{"form.key.ctrls_save", "form.key.tab_date", "form.key.esc_cancel"}
	}
	switch {
	case bool(d.confirming):
		lines = append(lines, d.confirming.line(d.st, d.lang))
	case d.empty:
		lines = append(lines, d.st.Error.Render(d.lang.T("form.required")))
	case d.tooMany > 0:
		lines = append(lines, d.st.wrapped(d.st.Error, d.lang.T("form.paste_too_many_lines", d.tooMany, noteMaxLines), in)...)
	case d.failed != "":
		lines = append(lines, d.st.wrapped(d.st.Error, d.failed, in)...)
		lines = append(lines, d.st.Hint.Render(hints(d.lang, keys...)))
	default:
		lines = append(lines, d.st.Hint.Render(hints(d.lang, keys...)))
	}
	return d.st.frame(d.width, lines...)
}
