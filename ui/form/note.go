package form

import (
	"strings"
	"unicode/utf8"

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
	// pastes remember what each paste really was: the box shows it inert
	// (and the text area turns tabs into spaces), but the note is stored
	// as the user gave it (DESIGN.md §6), its line breaks made LF, unless
	// they edited inside it.
	pastes  []pasted
	initial string // the starting text
	failed  string // why the last save was refused
}

// pasted is one paste: as the box holds it, and as it came.
type pasted struct{ shown, raw string }

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
	d.initial = d.Value()
	d.SetWidth(60)
	return d
}

// Value returns the note's text with outer blank space trimmed, each
// paste left untouched since it came back as it was pasted.
func (d *Note) Value() string {
	v := d.ta.Value()
	for _, p := range d.pastes {
		if i := strings.Index(v, p.shown); i >= 0 {
			v = v[:i] + p.raw + v[i+len(p.shown):]
		}
	}
	return strings.TrimSpace(v)
}

// Dirty reports whether the note differs from its starting text.
func (d *Note) Dirty() bool { return d.Value() != d.initial }

// Fail shows why the save was refused, until the next edit; the text
// stays.
func (d *Note) Fail(msg string) { d.failed = msg }

// SetWidth sets the dialog's whole width.
func (d *Note) SetWidth(w int) {
	d.width = w
	d.ta.SetWidth(d.st.inner(w))
}

// Update handles keys and pastes.
func (d *Note) Update(msg tea.Msg) (Result, tea.Cmd) {
	if d.confirming {
		switch {
		case isKey(msg, dk.Yes):
			return Cancelled, nil
		case isKey(msg, dk.No):
			d.confirming = false
		}
		return Open, nil
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
	d.empty = false
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		d.failed = ""
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		before := d.ta.Value()
		raw := Newlines(p.Content)
		clean := cleanPaste(raw, false)
		var cmd tea.Cmd
		d.ta, cmd = d.ta.Update(tea.PasteMsg{Content: clean})
		d.remember(before, d.ta.Value(), clean, raw)
		return Open, cmd
	}
	var cmd tea.Cmd
	d.ta, cmd = d.ta.Update(msg)
	return Open, cmd
}

// remember records a paste the box holds otherwise than it came (made
// inert, tabs as spaces) when the box took all of it (a paste cut by the
// character limit is stored as shown, never longer than what was seen).
func (d *Note) remember(before, after, clean, raw string) {
	if len(after) <= len(before) {
		return
	}
	p := 0
	for p < len(before) && before[p] == after[p] {
		p++
	}
	for p > 0 && !utf8.RuneStart(after[p]) {
		p--
	}
	s := 0
	for s < len(before)-p && before[len(before)-1-s] == after[len(after)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(after[len(after)-s]) {
		s--
	}
	shown := after[p : len(after)-s]
	if shown == raw {
		return // the box holds it as it came
	}
	if strings.Join(strings.Fields(shown), "") != strings.Join(strings.Fields(clean), "") {
		return
	}
	d.pastes = append(d.pastes, pasted{shown: shown, raw: raw})
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
	case d.failed != "":
		lines = append(lines, d.st.Error.Render(d.failed),
			d.st.Hint.Render(hints(d.lang, "form.key.ctrls_save", "form.key.esc_cancel")))
	default:
		lines = append(lines, d.st.Hint.Render(hints(d.lang, "form.key.ctrls_save", "form.key.esc_cancel")))
	}
	return d.st.frame(d.width, lines...)
}
