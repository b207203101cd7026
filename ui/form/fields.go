package form

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/i18n"
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
}

type fieldState struct {
	Field
	ti     textinput.Model
	choice int
	err    string
}

func (f *fieldState) value() string {
	if f.Choices != nil {
		return f.Choices[f.choice].Value
	}
	return strings.TrimSpace(f.ti.Value())
}

// Form is a field form: tab/shift+tab (or ↓/↑) move between fields, enter
// on the last field or ctrl+s saves after every field validates, esc
// cancels and asks first when anything changed.
type Form struct {
	lang       i18n.Lang
	st         Styles
	title      string
	fields     []*fieldState
	focus      int
	width      int
	confirming asking
	initial    []string
	failed     string // why the last save was refused
}

// NewForm makes a form with its first field focused.
func NewForm(lang i18n.Lang, st Styles, title string, fields ...Field) *Form {
	f := &Form{lang: lang, st: st, title: title}
	for _, fd := range fields {
		fs := &fieldState{Field: fd}
		if fd.Choices != nil {
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
		if fs.Key == key && fs.Choices == nil {
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
			if fs.Choices != nil {
				fs.choice = fresh.fields[j].choice
			} else {
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
	// label, " : ", the text and the cursor cell after it.
	tw := max(f.st.inner(w)-f.labelWidth()-4, 1)
	for _, fs := range f.fields {
		if fs.Choices == nil {
			fs.ti.SetWidth(tw)
		}
	}
}

func (f *Form) setFocus(i int) {
	if len(f.fields) == 0 {
		return
	}
	f.focus = (i%len(f.fields) + len(f.fields)) % len(f.fields)
	for j, fs := range f.fields {
		if fs.Choices != nil {
			continue
		}
		if j == f.focus {
			fs.ti.Focus()
		} else {
			fs.ti.Blur()
		}
	}
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

// Update handles keys and pastes.
func (f *Form) Update(msg tea.Msg) (Result, tea.Cmd) {
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

// View renders the form: labels in one column, values beside them, each
// field's error under it.
func (f *Form) View() string {
	lw := f.labelWidth()
	lines := []string{f.st.Title.Render(f.title)}
	for i, fs := range f.fields {
		label := fs.Label + strings.Repeat(" ", lw-ansi.StringWidth(fs.Label))
		ls := f.st.Label
		if i == f.focus {
			ls = f.st.Focused
		}
		var val string
		if fs.Choices != nil {
			c := f.st.Choice.Render(fs.Choices[fs.choice].Label)
			if i == f.focus {
				val = "‹ " + c + " ›"
			} else {
				val = "  " + c
			}
		} else {
			val = noNUL(fs.ti.View())
		}
		lines = append(lines, ls.Render(label)+" : "+val)
		if fs.err != "" {
			for _, l := range f.st.wrapped(f.st.Error, fs.err, max(f.st.inner(f.width)-lw-3, 1)) {
				lines = append(lines, strings.Repeat(" ", lw+3)+l)
			}
		}
	}
	if f.failed != "" && !f.confirming {
		lines = append(lines, f.st.wrapped(f.st.Error, f.failed, f.st.inner(f.width))...)
	}
	if f.confirming {
		lines = append(lines, f.confirming.line(f.st, f.lang))
	} else {
		lines = append(lines, f.st.Hint.Render(hints(f.lang,
			"form.key.tab_next", "form.key.ctrls_save", "form.key.esc_cancel")))
	}
	return f.st.frame(f.width, lines...)
}
