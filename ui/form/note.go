package form

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
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
	confirming asking // "discard what you typed?" is showing
	empty      bool   // ctrl+s was pressed on an empty required note
	tooMany    int    // lines of a paste refused: the box holds at most noteMaxLines
	// Required: ctrl+s on an empty note does nothing but say so.
	Required bool
	// pastes remember what each paste really was: the box shows it inert
	// (and the text area turns tabs into spaces), but the note is stored
	// as the user gave it (DESIGN.md §6), its line breaks made LF, unless
	// they edited inside it.
	pastes []pasted
	// above and below are the note's lines outside the text area's window
	// (see reframe): the text area draws and measures all of its text on
	// every key, so it holds only the lines around the cursor.
	above, below []string
	height       int    // the box's text lines
	initial      string // the starting text
	failed       string // why the last save was refused
	date         *dateLine
}

// windowRunes is about how many characters the text area holds on each
// side of the cursor's line; a window always holds whole lines, and at
// least the box's height of them on each side, so what is shown is never
// missing a line.
const windowRunes = 1000

// noteMaxLines is the text area's own cap on lines (bubbles' textarea
// drops the lines of a paste beyond it): a paste that would pass it is
// refused whole, with a word, rather than cut.
const noteMaxLines = 10000

// pasted is one paste: as the box holds it, and as it came.
type pasted struct{ shown, raw string }

// NewNote makes a focused note box of the given number of text lines.
func NewNote(lang i18n.Lang, st Styles, title, placeholder, value string, lines int) *Note {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.Placeholder = placeholder
	// The whole note: no character cut (the store refuses more than 64
	// KiB, naming the limit) and no line cap on typing.
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ts := ta.Styles()
	ts.Cursor.Blink = false // see steadyCursor
	ta.SetStyles(ts)
	ta.SetHeight(max(lines, 1))
	ta.Focus()
	d := &Note{lang: lang, st: st, title: title, ta: ta, height: max(lines, 1)}
	d.SetWidth(60)
	// The cursor starts at the end, as the text area puts it.
	all := strings.Split(cleanPaste(value, false), "\n")
	last := len(all) - 1
	d.frame(all, last, utf8.RuneCountInString(all[last]), -1)
	d.initial = d.Value()
	return d
}

// text is the whole note as the box holds it.
func (d *Note) text() string {
	if len(d.above) == 0 && len(d.below) == 0 {
		return d.ta.Value()
	}
	parts := make([]string, 0, len(d.above)+1+len(d.below))
	parts = append(append(append(parts, d.above...), d.ta.Value()), d.below...)
	return strings.Join(parts, "\n")
}

// reframe moves the text area's window when the cursor came within the
// box's height of an edge with more lines beyond it, or the window grew
// past twice its size; the cursor keeps its line, column and row on screen.
func (d *Note) reframe() {
	row, n := d.ta.Line(), d.ta.LineCount()
	near := (len(d.above) > 0 && row < d.height) || (len(d.below) > 0 && n-1-row < d.height)
	if !near && n <= 4*d.height+2*windowRunes/40 {
		return
	}
	all := d.lines()
	d.frame(all, len(d.above)+row, d.ta.Column(), d.screenRow())
}

// lines is the whole note, a line each.
func (d *Note) lines() []string {
	win := strings.Split(d.ta.Value(), "\n")
	all := make([]string, 0, len(d.above)+len(win)+len(d.below))
	return append(append(append(all, d.above...), win...), d.below...)
}

// frame gives the text area the lines of all around line row, with the
// cursor at row, col; screen is the row of the box it should be on (-1:
// wherever the text area puts it).
func (d *Note) frame(all []string, row, col, screen int) {
	from, to := row, row+1 // the window is all[from:to]
	for budget := windowRunes; from > 0 && (row-from < d.height || budget > 0); from-- {
		budget -= utf8.RuneCountInString(all[from-1]) + 1
	}
	for budget := windowRunes; to < len(all) && (to-1-row < d.height || budget > 0); to++ {
		budget -= utf8.RuneCountInString(all[to]) + 1
	}
	d.above = append([]string(nil), all[:from]...)
	d.below = append([]string(nil), all[to:]...)
	d.ta.SetValue(strings.Join(all[from:to], "\n"))
	// SetValue leaves the cursor at the end: walk it back to its line. The
	// text area moves by screen rows; from a line's end, the next row is the
	// next line's first (the bound is only a guard).
	d.ta.MoveToBegin()
	for i := 0; d.ta.Line() < row-from && i <= to-from; i++ {
		d.ta.CursorEnd()
		d.ta.CursorDown()
	}
	d.ta.SetCursorColumn(col)
	if screen < 0 {
		return
	}
	// Scroll so the cursor is on the row it was: down then back up scrolls
	// the view under it by as many rows, and the reverse the other way.
	now := d.screenRow()
	for i := 0; i < now-screen; i++ {
		d.ta.CursorDown()
	}
	for i := 0; i < now-screen; i++ {
		d.ta.CursorUp()
	}
	for i := 0; i < screen-now; i++ {
		d.ta.CursorUp()
	}
	for i := 0; i < screen-now; i++ {
		d.ta.CursorDown()
	}
	d.ta.SetCursorColumn(col)
}

// screenRow is the row of the box the cursor is on.
func (d *Note) screenRow() int {
	ta := d.ta
	ta.SetVirtualCursor(false)
	if c := ta.Cursor(); c != nil {
		return c.Position.Y
	}
	return 0
}

// Value returns the note's text with outer blank space trimmed, each
// paste left untouched since it came back as it was pasted.
func (d *Note) Value() string {
	v := d.text()
	for _, p := range d.pastes {
		if i := strings.Index(v, p.shown); i >= 0 {
			v = v[:i] + p.raw + v[i+len(p.shown):]
		}
	}
	return strings.TrimSpace(v)
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
		d.ta.Blur()
	} else {
		d.ta.Focus()
	}
}

// Fail shows why the save was refused, until the next edit; the text
// stays.
func (d *Note) Fail(msg string) { d.failed = msg }

// SetWidth sets the dialog's whole width.
func (d *Note) SetWidth(w int) {
	d.width = w
	d.ta.SetWidth(d.st.inner(w))
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
	if p, ok := msg.(tea.PasteMsg); ok {
		before := d.ta.Value()
		raw := Newlines(p.Content)
		clean := cleanPaste(raw, false)
		if n := strings.Count(clean, "\n"); d.ta.LineCount()+n > noteMaxLines {
			d.tooMany = n + 1
			return Open, nil
		}
		var cmd tea.Cmd
		d.ta, cmd = d.ta.Update(tea.PasteMsg{Content: clean})
		d.remember(before, d.ta.Value(), clean, raw)
		d.reframe()
		return Open, cmd
	}
	// The keys that go to the start or the end of the whole note go there
	// from the window's edge, which is where the text area takes them.
	if k, ok := msg.(tea.KeyPressMsg); ok && len(d.above)+len(d.below) > 0 {
		switch {
		case key.Matches(k, d.ta.KeyMap.InputBegin):
			d.frame(d.lines(), 0, 0, -1)
			return Open, nil
		case key.Matches(k, d.ta.KeyMap.InputEnd):
			all := d.lines()
			last := len(all) - 1
			d.frame(all, last, utf8.RuneCountInString(all[last]), -1)
			return Open, nil
		}
	}
	var cmd tea.Cmd
	d.ta, cmd = d.ta.Update(msg)
	d.reframe()
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

// View renders the dialog. A refusal wraps inside the frame: it is read
// whole, never cut at its edge.
func (d *Note) View() string {
	in := d.st.inner(d.width)
	lines := []string{d.st.Title.Render(d.title), noNUL(d.ta.View())}
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
