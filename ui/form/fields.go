package form

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// Choice is one value of a choice field and how it is shown.
type Choice struct {
	Value string
	Label string
}

// Field describes one line of a Form.
type Field struct {
	Key         string // how the caller reads the value back
	Label       string
	Value       string // the starting value (a Choice's Value for choice fields)
	Placeholder string
	// Choices makes a choice field: ←/→ or space cycle through them.
	Choices []Choice
	// Suggestions complete the text as it is typed (a client's name): the
	// rest of the first match shows faint after the cursor and → takes it.
	Suggestions []string
	// Validate checks the value on save; its error is shown beside the
	// field (translated with Lang.Err, so a *model.Problem reads well).
	Validate func(string) error
	// Lines makes a multi-line field (a client's needs, a promise's text):
	// it holds the whole text with its line breaks, as the note box does.
	// There enter starts a new line, tab and shift+tab move to the next or
	// previous field, ↑/↓ move between its lines and off its first or
	// last one. Focused it shows Lines lines of text (fewer when the form
	// has no room); otherwise its first line and how many more follow.
	Lines int
	// Hint is said under the field, muted: what its label cannot (where a
	// password comes from, say).
	Hint string
}

type fieldState struct {
	Field
	ti     textinput.Model
	box    *textBox // a multi-line field's text (Lines > 0)
	choice int
	err    string
}

func (f *fieldState) value() string {
	switch {
	case f.Choices != nil:
		return f.Choices[f.choice].Value
	case f.box != nil:
		return f.box.value()
	}
	return strings.TrimSpace(f.ti.Value())
}

// Form is a field form: tab/shift+tab (or ↓/↑) move between fields, enter
// on the last field or ctrl+s saves after every field validates, esc
// cancels and asks first when anything changed. In a multi-line field
// (Field.Lines) enter starts a new line and ↓/↑ move in its text. A form
// taller than the room it is given (SetHeight) scrolls to keep the field
// being typed in on screen.
type Form struct {
	lang       i18n.Lang
	st         Styles
	title      string
	fields     []*fieldState
	focus      int
	width      int
	height     int // lines for the fields (0: as many as they take)
	top        int // the first field line shown when the fields scroll
	confirming asking
	initial    []string
	failed     string // why the last save was refused
}

// NewForm makes a form with its first field focused.
func NewForm(lang i18n.Lang, st Styles, title string, fields ...Field) *Form {
	f := &Form{lang: lang, st: st, title: title}
	for _, fd := range fields {
		fs := &fieldState{Field: fd}
		if fd.Lines > 0 && fd.Choices == nil {
			box := newTextBox(fd.Placeholder, fd.Value, fd.Lines)
			box.blur()
			fs.box = &box
		} else if fd.Choices != nil {
			for i, c := range fd.Choices {
				if c.Value == fd.Value {
					fs.choice = i
				}
			}
		} else {
			fs.ti = textinput.New()
			fs.ti.Prompt = ""
			fs.ti.Placeholder = fd.Placeholder
			fs.ti.CharLimit = 0 // the whole value: the store refuses what is too long, naming the limit
			steadyCursor(&fs.ti)
			// tab moves between fields, so → (at the end of the text, as in
			// a shell) takes a suggestion.
			fs.ti.KeyMap.AcceptSuggestion = dk.Suggest
			setSuggestions(&fs.ti, fd.Suggestions)
			fs.ti.SetValue(cleanPaste(fd.Value, true))
			fs.ti.CursorEnd()
		}
		f.fields = append(f.fields, fs)
		f.initial = append(f.initial, fs.value())
	}
	f.setFocus(0)
	f.SetWidth(60)
	return f
}

// HelpPlace says what the footer offers: ctrl+s to save the form, or
// yes/no while "discard?" asks.
func (f *Form) HelpPlace() keys.Place {
	if f.confirming {
		return keys.PlaceConfirm
	}
	return keys.PlaceForm
}

// Value returns the (trimmed) value of the field with the given key.
func (f *Form) Value(key string) string {
	for _, fs := range f.fields {
		if fs.Key == key {
			return fs.value()
		}
	}
	return ""
}

// SetSuggestions replaces a text field's suggestions (they often arrive
// from the store after the form opened).
func (f *Form) SetSuggestions(key string, list []string) {
	for _, fs := range f.fields {
		if fs.Key == key && fs.Choices == nil && fs.box == nil {
			setSuggestions(&fs.ti, list)
		}
	}
}

func setSuggestions(ti *textinput.Model, list []string) {
	if len(list) == 0 {
		ti.ShowSuggestions = false
		return
	}
	clean := make([]string, len(list))
	for i, s := range list {
		clean[i] = model.InertLine(s)
	}
	ti.ShowSuggestions = true
	ti.SetSuggestions(clean)
}

// SetError shows an error beside a field and focuses it; for checks only
// the caller can make (a client name looked up in the store).
func (f *Form) SetError(key, msg string) {
	for i, fs := range f.fields {
		if fs.Key == key {
			fs.err = msg
			f.setFocus(i)
			return
		}
	}
}

// Fail shows why the save was refused, above the key hints, until the
// next edit; every field keeps what was typed.
func (f *Form) Fail(msg string) { f.failed = msg }

// Changed reports whether the person changed the field with the given key
// since the form opened (or since Rebase): an edit saves only those, so a
// field the form cannot hold as stored (a multi-line text in a one-line
// input) is never written back changed.
func (f *Form) Changed(key string) bool {
	for i, fs := range f.fields {
		if fs.Key == key {
			return fs.value() != f.initial[i]
		}
	}
	return false
}

// Follow sets a one-line text field the person has not changed to value,
// as its new starting value (so it does not count as changed): a field
// that follows another, as the settings' annual target follows the year.
// A field the person changed keeps what was typed; Follow reports whether
// the field took the value.
func (f *Form) Follow(key, value string) bool {
	i := f.index(key)
	if i < 0 || f.fields[i].box != nil || f.fields[i].Choices != nil || f.Changed(key) {
		return false
	}
	fs := f.fields[i]
	fs.ti.SetValue(cleanPaste(value, true))
	fs.ti.CursorEnd()
	f.initial[i] = fs.value()
	return true
}

// Rebase moves the form onto a fresher version of its record, given as a
// form built from it (the same fields): a field the person has not changed
// takes the new value; a field they changed keeps what they typed, and the
// new value becomes its base, so that saving again applies it over the new
// version. It returns the keys of the fields changed both by the person
// and in the new version, each marked with the error text made by
// conflict(new value).
func (f *Form) Rebase(fresh *Form, conflict func(now string) string) []string {
	var both []string
	for i, fs := range f.fields {
		j := fresh.index(fs.Key)
		if j < 0 {
			continue
		}
		now := fresh.initial[j]
		switch {
		case fs.value() == f.initial[i]: // untouched: show the new value
			switch {
			case fs.Choices != nil:
				fs.choice = fresh.fields[j].choice
			case fs.box != nil:
				fs.box.setValue(fresh.fields[j].Value)
			default:
				fs.ti.SetValue(fresh.fields[j].ti.Value())
				fs.ti.CursorEnd()
			}
		case now != f.initial[i] && now != fs.value(): // changed here and there
			both = append(both, fs.Key)
			fs.err = conflict(now)
		}
		f.initial[i] = now
	}
	if len(both) > 0 {
		f.setFocus(f.index(both[0]))
	}
	return both
}

func (f *Form) index(key string) int {
	for i, fs := range f.fields {
		if fs.Key == key {
			return i
		}
	}
	return -1
}

// Dirty reports whether any field differs from its starting value.
func (f *Form) Dirty() bool {
	for i, fs := range f.fields {
		if fs.value() != f.initial[i] {
			return true
		}
	}
	return false
}

func (f *Form) labelWidth() int {
	w := 0
	for _, fs := range f.fields {
		w = max(w, ansi.StringWidth(fs.Label))
	}
	return w
}

// SetWidth sets the dialog's whole width.
func (f *Form) SetWidth(w int) {
	f.width = w
	tw := f.textWidth()
	for _, fs := range f.fields {
		switch {
		case fs.box != nil:
			fs.box.setWidth(tw)
		case fs.Choices == nil:
			fs.ti.SetWidth(tw)
		}
	}
}

// textWidth is a field's text column: label, " : ", the text and the
// cursor cell after it.
func (f *Form) textWidth() int { return max(f.st.inner(f.width)-f.labelWidth()-4, 1) }

// SetHeight sets how many lines the fields may take (the dialog host
// gives its area less the frame, the title and the hints): a taller form
// scrolls, and a multi-line field shows fewer lines.
func (f *Form) SetHeight(h int) {
	f.height = max(h, 0)
	f.sizeBoxes()
}

// sizeBoxes gives the focused multi-line field the lines it asks for, as
// far as the form's height allows (two lines kept for the scroll marks).
func (f *Form) sizeBoxes() {
	for i, fs := range f.fields {
		if fs.box == nil {
			continue
		}
		h := fs.Lines
		if f.height > 0 {
			h = min(h, max(f.height-2-f.extraLines(i), 1))
		}
		if i == f.focus {
			fs.box.setHeight(h)
		}
	}
}

func (f *Form) setFocus(i int) {
	if len(f.fields) == 0 {
		return
	}
	f.focus = (i%len(f.fields) + len(f.fields)) % len(f.fields)
	for j, fs := range f.fields {
		switch {
		case fs.box != nil && j == f.focus:
			fs.box.focus()
		case fs.box != nil:
			fs.box.blur()
		case fs.Choices != nil:
		case j == f.focus:
			fs.ti.Focus()
		default:
			fs.ti.Blur()
		}
	}
	f.sizeBoxes()
}

// validate runs every field's check and reports whether all passed,
// focusing the first field at fault.
func (f *Form) validate() bool {
	first := -1
	for i, fs := range f.fields {
		fs.err = ""
		if fs.Validate == nil {
			continue
		}
		if err := fs.Validate(fs.value()); err != nil {
			fs.err = f.lang.Err(err)
			if first < 0 {
				first = i
			}
		}
	}
	if first >= 0 {
		f.setFocus(first)
		return false
	}
	return true
}

// Update handles keys and pastes. A field's error (its check's, or the
// store's beside it: a name already taken) goes once the field is edited:
// it spoke of what was there before.
func (f *Form) Update(msg tea.Msg) (Result, tea.Cmd) {
	if f.confirming || len(f.fields) == 0 {
		return f.update(msg)
	}
	cur := f.fields[f.focus]
	before := cur.value()
	res, cmd := f.update(msg)
	if cur.value() != before {
		cur.err = ""
	}
	return res, cmd
}

func (f *Form) update(msg tea.Msg) (Result, tea.Cmd) {
	if f.confirming {
		return f.confirming.answer(msg), nil
	}
	if len(f.fields) == 0 {
		if isKey(msg, dk.Cancel) {
			return Cancelled, nil
		}
		return Open, nil
	}
	cur := f.fields[f.focus]
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		if !isKey(msg, dk.Save, dk.Submit) {
			f.failed = ""
		}
	}
	switch {
	case isKey(msg, dk.Cancel):
		if f.Dirty() {
			f.confirming = true
			return Open, nil
		}
		return Cancelled, nil
	case isKey(msg, dk.Save):
		if f.validate() {
			return Submitted, nil
		}
		return Open, nil
	case cur.box != nil:
		return f.updateBox(cur, msg)
	case isKey(msg, dk.Submit):
		if f.focus == len(f.fields)-1 {
			if f.validate() {
				return Submitted, nil
			}
			return Open, nil
		}
		f.setFocus(f.focus + 1)
		return Open, nil
	case isKey(msg, dk.NextField):
		f.setFocus(f.focus + 1)
		return Open, nil
	case isKey(msg, dk.PrevField):
		f.setFocus(f.focus - 1)
		return Open, nil
	}
	if cur.Choices != nil {
		switch {
		case isKey(msg, dk.NextValue):
			cur.choice = (cur.choice + 1) % len(cur.Choices)
		case isKey(msg, dk.PrevValue):
			cur.choice = (cur.choice - 1 + len(cur.Choices)) % len(cur.Choices)
		}
		return Open, nil
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: cleanPaste(p.Content, true)}
	}
	var cmd tea.Cmd
	cur.ti, cmd = cur.ti.Update(msg)
	return Open, cmd
}

// updateBox handles a key or a paste in a multi-line field: enter is a
// new line, tab and shift+tab leave it, ↓ on its last row and ↑ on its
// first move to the next or previous field, the rest edits the text.
func (f *Form) updateBox(cur *fieldState, msg tea.Msg) (Result, tea.Cmd) {
	li := cur.box.ta.LineInfo()
	switch {
	case isKey(msg, dk.FieldTab):
		f.setFocus(f.focus + 1)
		return Open, nil
	case isKey(msg, dk.FieldBackTab):
		f.setFocus(f.focus - 1)
		return Open, nil
	case isKey(msg, dk.NextField) && cur.box.line() == cur.box.lineCount()-1 && li.RowOffset >= li.Height-1:
		f.setFocus(f.focus + 1)
		return Open, nil
	case isKey(msg, dk.PrevField) && cur.box.line() == 0 && li.RowOffset == 0:
		f.setFocus(f.focus - 1)
		return Open, nil
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		cur.err = ""
	}
	cmd, tooMany := cur.box.update(msg)
	if tooMany > 0 {
		cur.err = f.lang.T("form.paste_too_many_lines", tooMany, noteMaxLines)
	}
	return Open, cmd
}

// fieldLines draws field i: its label and value (a focused multi-line
// field's box under its label's row), then its error and its hint.
func (f *Form) fieldLines(i, lw int) []string {
	fs := f.fields[i]
	label := fs.Label + strings.Repeat(" ", lw-ansi.StringWidth(fs.Label))
	ls := f.st.Label
	if i == f.focus {
		ls = f.st.Focused
	}
	pad := strings.Repeat(" ", lw+3)
	var lines []string
	switch {
	case fs.Choices != nil:
		c := f.st.Choice.Render(fs.Choices[fs.choice].Label)
		val := "  " + c
		if i == f.focus {
			val = "‹ " + c + " ›"
		}
		lines = append(lines, ls.Render(label)+" : "+val)
	case fs.box != nil && i == f.focus:
		for j, row := range strings.Split(fs.box.view(), "\n") {
			lead := pad
			if j == 0 {
				lead = ls.Render(label) + " : "
			}
			lines = append(lines, lead+row)
		}
	case fs.box != nil:
		lines = append(lines, ls.Render(label)+" : "+f.boxSummary(fs))
	default:
		// Cut to the text column and its cursor cell, with no mark: the
		// field pads for the typed text only, so the rest of a suggestion
		// shown after it ran past the frame (and fit marked it with …).
		lines = append(lines, ls.Render(label)+" : "+ansi.Truncate(noNUL(fs.ti.View()), f.textWidth()+1, ""))
	}
	// The error and the hint wrap under the value: cut, "now … elsewhere"
	// would lose what it is now.
	under := max(f.st.inner(f.width)-lw-3, 8)
	if fs.err != "" {
		for _, e := range f.st.wrapped(f.st.Error, fs.err, under) {
			lines = append(lines, pad+e)
		}
	}
	if fs.Hint != "" {
		for _, h := range f.st.wrapped(f.st.Hint, fs.Hint, under) {
			lines = append(lines, pad+h)
		}
	}
	return lines
}

// boxSummary is a multi-line field out of focus: its first line and, when
// more follow, how many ("+38 lines").
func (f *Form) boxSummary(fs *fieldState) string {
	all := strings.Split(fs.box.text(), "\n")
	first := strings.ReplaceAll(all[0], "\t", " ") // a tab is no width to the measure, four cells on screen
	if strings.TrimSpace(fs.box.text()) == "" {
		return f.st.Hint.Render(fs.Placeholder)
	}
	more := ""
	if n := len(all) - 1; n > 0 {
		more = " " + f.lang.N("form.more_lines", n, n)
	}
	tw := f.textWidth()
	first = fit(first, max(tw-ansi.StringWidth(more), 1))
	return first + f.st.Hint.Render(more)
}

// extraLines is how many lines field i takes besides its value's: its
// error and its hint.
func (f *Form) extraLines(i int) int {
	n := len(f.fieldLines(i, f.labelWidth()))
	if fs := f.fields[i]; fs.box != nil && i == f.focus {
		n -= fs.box.height
	} else {
		n--
	}
	return n
}

// View renders the form: labels in one column, values beside them, each
// field's error and hint under it; when the fields take more lines than
// the form has (SetHeight), the ones around the focused field, with marks
// saying how many lines are above and below.
func (f *Form) View() string {
	lw := f.labelWidth()
	var body []string
	from, to := 0, 0 // the focused field's lines
	for i := range f.fields {
		fl := f.fieldLines(i, lw)
		if i == f.focus {
			from, to = len(body), len(body)+len(fl)
		}
		body = append(body, fl...)
	}
	var failed []string
	if f.failed != "" && !f.confirming {
		failed = f.st.wrapped(f.st.Error, f.failed, f.st.inner(f.width))
	}
	var hint []string
	if !f.confirming {
		hint = f.st.hintLines(f.lang, f.st.inner(f.width), f.hintKeys()...)
	}
	room := f.height
	if room > 0 {
		// A hint in two lines (a narrow form) takes its second from the fields.
		room = max(room-len(failed)-max(len(hint)-1, 0), 1)
	}
	if room > 0 && len(body) > room {
		body = f.scroll(body, from, to, max(room, 3))
	}
	lines := append([]string{f.st.Title.Render(f.title)}, body...)
	lines = append(lines, failed...)
	if f.confirming {
		lines = append(lines, f.confirming.line(f.st, f.lang))
	} else {
		lines = append(lines, hint...)
	}
	return f.st.frame(f.width, lines...)
}

// hintKeys are the key hints for the focused field: in a multi-line one
// enter starts a new line.
func (f *Form) hintKeys() []string {
	if len(f.fields) > 0 && f.fields[f.focus].box != nil {
		return []string{"form.key.enter_newline", "form.key.tab_next", "form.key.ctrls_save", "form.key.esc_cancel"}
	}
	return []string{"form.key.tab_next", "form.key.ctrls_save", "form.key.esc_cancel"}
}

// scroll shows room of the body's lines, keeping lines [from, to) — the
// focused field — in view and moving no more than needed since the last
// time; a mark says how many lines are hidden above, another below.
func (f *Form) scroll(body []string, from, to, room int) []string {
	n := len(body)
	in := room - 2 // with both marks
	if to-from > in {
		to = from + in // a field taller than the room: its first lines
	}
	top := min(max(f.top, to-in), from)
	var start, end int
	switch {
	case top <= 0: // no mark above: its line shows text
		start, end = 0, room-1
	case top+in >= n: // none below
		start, end = n-(room-1), n
	default:
		start, end = top, top+in
	}
	f.top = start
	out := make([]string, 0, room)
	if start > 0 {
		out = append(out, f.st.Hint.Render(f.mark("form.lines_above", start)))
	}
	out = append(out, body[start:end]...)
	if end < n {
		out = append(out, f.st.Hint.Render(f.mark("form.lines_below", n-end)))
	}
	return out
}

// mark says "↑ 3 more lines", "↓ 1 more line".
func (f *Form) mark(key string, n int) string { return f.lang.N(key, n, n) }
