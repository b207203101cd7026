package form

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// Input is a one-line input: enter (or ctrl+s, as everywhere) saves, esc
// cancels — asking first when something was typed, unless the input is
// Scratch. Below the field it
// can show a preview (what quick-add understood) and problems (an unknown
// client), which the pane sets as the value changes.
type Input struct {
	lang     i18n.Lang
	st       Styles
	title    string
	ti       textinput.Model
	width    int
	preview  []string
	rows     bool // the preview is a list: one line each, cut at the edge
	problems []string
	// Required: enter on an empty field does nothing but say so.
	Required bool
	// Scratch: what is typed is not worth keeping (a filter, a date to go
	// to, a name to pick), so quitting over it does not ask.
	Scratch    bool
	empty      bool   // enter was pressed on an empty required field
	confirming asking // "discard what you typed?" is showing
	initial    string // the starting value
	failed     string // why the last save was refused
	date       *dateLine
	submitHint string // the catalog key of what enter does ("enter save")
	// keepLines: the text is a journal's (an outcome, a reason), where a
	// paste's line breaks are the rep's own; box holds the text once a
	// paste brought a line break (enter still saves).
	keepLines bool
	box       *textBox
}

// boxLines is the most lines an input grown into a box shows at once.
const boxLines = 6

// NewInput makes a focused one-line input with a title and a starting value.
func NewInput(lang i18n.Lang, st Styles, title, placeholder, value string) *Input {
	ti := textinput.New()
	ti.Prompt = "› "
	ti.Placeholder = placeholder
	ti.CharLimit = 0 // the whole value: the store refuses what is too long, naming the limit
	steadyCursor(&ti)
	ti.SetValue(cleanPaste(value, true))
	ti.CursorEnd()
	ti.Focus()
	d := &Input{lang: lang, st: st, title: title, ti: ti, initial: ti.Value(), submitHint: "form.key.enter_save"}
	d.SetWidth(60)
	return d
}

// KeepLines makes a paste keep its line breaks: the first one that brings
// one turns the line into a box of up to six lines, where enter still
// saves. For journal text (an outcome, a reason), never for a name, a
// date or a filter.
func (d *Input) KeepLines() *Input {
	d.keepLines = true
	return d
}

// HelpPlace says what the footer offers: enter (not the forms' ctrl+s),
// named as the hint under the field names it (save, confirm, check the
// file), or yes/no while "discard?" asks.
func (d *Input) HelpPlace() keys.Place {
	switch submit := d.submit(); {
	case bool(d.confirming):
		return keys.PlaceConfirm
	case submit == "form.key.enter_save":
		return keys.PlaceInputSave
	case submit == "form.key.enter_check":
		return keys.PlaceInputCheck
	}
	return keys.PlaceInput
}

// submit is the catalog key of the hint that says what enter does.
func (d *Input) submit() string {
	if d.Scratch && d.submitHint == "form.key.enter_save" {
		return "form.key.enter_confirm" // a filter or a date to go to saves nothing
	}
	return d.submitHint
}

// Value returns the text typed.
func (d *Input) Value() string {
	if d.box != nil {
		return d.box.value()
	}
	return d.ti.Value()
}

// SetValue replaces the text.
func (d *Input) SetValue(s string) {
	d.box = nil
	d.ti.SetValue(cleanPaste(s, true))
	d.ti.CursorEnd()
}

// Dirty reports whether the text differs from the starting value and is
// worth asking about before it is thrown away.
func (d *Input) Dirty() bool {
	return !d.Scratch && (d.Value() != d.initial || d.date != nil && d.date.dirty())
}

// WithDate adds a date line under the text (see dateLine): label names it,
// value is where it starts ("today"), check reads it on save.
func (d *Input) WithDate(label, value string, check func(string) error) *Input {
	d.date = newDateLine(label, value, check)
	d.SetWidth(d.width)
	return d
}

// Date is what the date line holds ("" without one).
func (d *Input) Date() string {
	if d.date == nil {
		return ""
	}
	return d.date.value()
}

// SubmitHint names what enter does, as a catalog key ("form.key.enter_choose"
// in a picker): the hint under the field says it.
func (d *Input) SubmitHint(key string) { d.submitHint = key }

// Fail shows why the save was refused, under the field, until the next
// edit; the text stays.
func (d *Input) Fail(msg string) { d.failed = msg }

// SetPreview sets the lines shown under the field (already translated and
// made inert by the caller).
func (d *Input) SetPreview(lines []string) { d.preview, d.rows = lines, false }

// SetRows sets the lines shown under the field as a list (a picker's
// matches): one line each, cut at the dialog's edge with "…", never
// wrapped into the next row — a wrapped row read as two clients, and the
// longer list pushed the dialog's top off a 60x16 screen.
func (d *Input) SetRows(lines []string) { d.preview, d.rows = lines, true }

// SetProblems sets the problems shown under the field, in the error colour.
func (d *Input) SetProblems(lines []string) { d.problems = lines }

// SetWidth sets the dialog's whole width.
func (d *Input) SetWidth(w int) {
	d.width = w
	// prompt (2) + the cursor cell at the end.
	d.ti.SetWidth(max(d.st.inner(w)-3, 1))
	if d.box != nil {
		d.box.setWidth(max(d.st.inner(w)-3, 1))
	}
	if d.date != nil {
		d.date.setWidth(d.st.inner(w))
	}
}

// Update handles keys and pastes.
func (d *Input) Update(msg tea.Msg) (Result, tea.Cmd) {
	if d.confirming {
		return d.confirming.answer(msg), nil
	}
	switch {
	case isKey(msg, dk.Submit, dk.Save):
		if d.Required && d.Value() == "" {
			d.empty = true
			d.focusDate(false)
			return Open, nil
		}
		if d.date != nil && !d.date.valid(d.lang) {
			d.focusDate(true)
			return Open, nil
		}
		return Submitted, nil
	case isKey(msg, dk.Cancel):
		if d.Dirty() {
			d.confirming = true
			return Open, nil
		}
		return Cancelled, nil
	case d.date != nil && isSwitch(msg):
		d.focusDate(!d.date.focused)
		return Open, nil
	case d.date != nil && d.date.focused:
		d.failed = ""
		return Open, d.date.update(msg)
	}
	d.empty = false
	if _, ok := msg.(tea.KeyPressMsg); ok {
		d.failed = ""
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		d.failed = ""
		if d.keepLines && d.box == nil && strings.ContainsAny(p.Content, "\r\n") {
			d.growBox()
		}
		if d.box == nil {
			msg = tea.PasteMsg{Content: cleanPaste(p.Content, true)}
		}
	}
	if d.box != nil {
		// Grown before a paste lands, so the text area shows it from its
		// first line rather than scrolled to the cursor in a smaller box.
		if p, ok := msg.(tea.PasteMsg); ok {
			n := d.box.lineCount() + strings.Count(Newlines(p.Content), "\n")
			d.box.setHeight(min(n, boxLines))
		}
		cmd, tooMany := d.box.update(msg)
		if tooMany > 0 {
			d.failed = d.lang.T("form.paste_too_many_lines", tooMany, noteMaxLines)
		}
		d.box.setHeight(min(d.box.lineCount(), boxLines))
		return Open, cmd
	}
	var cmd tea.Cmd
	d.ti, cmd = d.ti.Update(msg)
	return Open, cmd
}

// growBox turns the line into a box holding what was typed, the cursor
// where it was, for a paste with line breaks.
func (d *Input) growBox() {
	v := []rune(d.ti.Value())
	pos := min(d.ti.Position(), len(v))
	b := newTextBox(d.ti.Placeholder, string(v), 1)
	b.ta.SetCursorColumn(pos)
	b.setWidth(max(d.st.inner(d.width)-3, 1))
	d.box = &b
}

// focusDate moves the typing into the date line, or back to the text.
func (d *Input) focusDate(on bool) {
	if d.date == nil {
		return
	}
	d.date.focus(on)
	switch {
	case d.box != nil && on:
		d.box.blur()
	case d.box != nil:
		d.box.focus()
	case on:
		d.ti.Blur()
	default:
		d.ti.Focus()
	}
}

// View renders the dialog. Problems and refusals wrap inside the frame:
// they are read whole, never cut at its edge.
func (d *Input) View() string {
	in := d.st.inner(d.width)
	lines := []string{d.st.Title.Render(d.title)}
	if d.box != nil {
		// The box's lines under the line's prompt, indented as its text.
		for i, ln := range strings.Split(d.box.view(), "\n") {
			prefix := "  "
			if i == 0 {
				prefix = d.ti.Prompt
			}
			lines = append(lines, prefix+ln)
		}
	} else {
		lines = append(lines, noNUL(d.ti.View()))
	}
	if d.date != nil {
		lines = append(lines, d.date.lines(d.st, in)...)
	}
	for _, p := range d.preview {
		if d.rows {
			lines = append(lines, d.st.Hint.Render(fit(p, in)))
			continue
		}
		lines = append(lines, previewLines(d.st, p, in)...)
	}
	for _, p := range d.problems {
		lines = append(lines, d.st.wrapped(d.st.Error, p, in)...)
	}
	if d.empty {
		lines = append(lines, d.st.Error.Render(d.lang.T("form.required")))
	}
	if d.failed != "" {
		lines = append(lines, d.st.wrapped(d.st.Error, d.failed, in)...)
	}
	if d.confirming {
		lines = append(lines, d.confirming.line(d.st, d.lang))
	} else {
		submit := d.submit()
		keys := []string{submit, "form.key.esc_cancel"}
		if d.date != nil {
			keys = []string{submit, "form.key.tab_date", "form.key.esc_cancel"}
		}
		lines = append(lines, d.st.Hint.Render(hints(d.lang, keys...)))
	}
	return d.st.frame(d.width, lines...)
}

// previewMaxLines bounds a preview's wrapped lines: it sums up the line
// typed, which the field shows; a pasted page of text would otherwise be
// wrapped and drawn whole on every key.
const previewMaxLines = 4

// previewLines wraps p (plain, inert) to w cells, its first previewMaxLines
// lines, the last ending with … when there was more.
func previewLines(st Styles, p string, w int) []string {
	cut := false
	if limit := max(w, 1) * previewMaxLines * 4; len(p) > limit { // bytes: a cell is at most 4
		for limit > 0 && !utf8.RuneStart(p[limit]) {
			limit--
		}
		p, cut = p[:limit], true
	}
	out := st.wrapped(st.Hint, p, w)
	if len(out) > previewMaxLines {
		out, cut = out[:previewMaxLines], true
	}
	if cut {
		last := ansi.Strip(out[len(out)-1])
		out[len(out)-1] = st.Hint.Render(ansi.Truncate(last, max(w-1, 0), "") + "…")
	}
	return out
}
