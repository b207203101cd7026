package form

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// Popup shows read-only text (a client's brief, an item's detail): j/k or
// arrows scroll, esc, q or enter close; OnKey adds a key that closes it
// and acts (the brief's e). Its text is made inert here, so
// callers may mix labels with whatever the user typed.
type Popup struct {
	lang   i18n.Lang
	st     Styles
	title  string
	text   []string // inert, unwrapped lines
	lines  []string // wrapped to the current width
	width  int
	height int // most text lines shown at once
	offset int
	keys   []popupKey // what else a key does there (the brief's e)
}

// popupKey is a key that closes the popup and does something.
type popupKey struct {
	b    key.Binding
	hint string // its hint, a catalog key ("form.key.e_edit_client")
	do   func() tea.Cmd
}

// NewPopup makes a popup; height is the most lines of text it shows.
func NewPopup(lang i18n.Lang, st Styles, title string, text []string, height int) *Popup {
	d := &Popup{lang: lang, st: st, title: model.InertLine(title), height: max(height, 1)}
	for _, t := range text {
		d.text = append(d.text, strings.Split(model.Inert(t), "\n")...)
	}
	d.SetWidth(60)
	return d
}

// OnKey makes key b close the popup and run what do returns (the brief's
// e: edit the client); hint, a catalog key, says so before "esc close".
func (d *Popup) OnKey(b key.Binding, hint string, do func() tea.Cmd) {
	d.keys = append(d.keys, popupKey{b: b, hint: hint, do: do})
}

// SetWidth sets the dialog's whole width and rewraps the text.
func (d *Popup) SetWidth(w int) {
	d.width = w
	in := d.st.inner(w)
	d.lines = d.lines[:0]
	for _, t := range d.text {
		// A line's own indent carries over to the lines it wraps into,
		// so an indented item (a note, a field's second line) stays one
		// block under its head.
		body := strings.TrimLeft(t, " ")
		indent := len(t) - len(body)
		if indent == 0 || indent > in/2 {
			d.lines = append(d.lines, strings.Split(ansi.Wrap(t, in, " "), "\n")...)
			continue
		}
		pad := strings.Repeat(" ", indent)
		for _, part := range strings.Split(ansi.Wrap(body, in-indent, " "), "\n") {
			d.lines = append(d.lines, pad+part)
		}
	}
	d.offset = min(d.offset, d.maxOffset())
}

// SetHeight sets the most text lines shown at once.
func (d *Popup) SetHeight(h int) {
	d.height = max(h, 1)
	d.offset = min(d.offset, d.maxOffset())
}

func (d *Popup) maxOffset() int { return max(len(d.lines)-d.height, 0) }

// HelpPlace says a popup only scrolls and closes (the help line offers no
// save).
func (d *Popup) HelpPlace() keys.Place { return keys.PlacePopup }

// Update scrolls or closes.
func (d *Popup) Update(msg tea.Msg) (Result, tea.Cmd) {
	for _, k := range d.keys {
		if isKey(msg, k.b) {
			return Cancelled, k.do()
		}
	}
	switch {
	case isKey(msg, dk.Close):
		return Cancelled, nil
	case isKey(msg, dk.Down):
		d.offset = min(d.offset+1, d.maxOffset())
	case isKey(msg, dk.Up):
		d.offset = max(d.offset-1, 0)
	case isKey(msg, dk.PageDown):
		d.offset = min(d.offset+d.height, d.maxOffset())
	case isKey(msg, dk.PageUp):
		d.offset = max(d.offset-d.height, 0)
	}
	return Open, nil
}

// View renders the visible part of the text.
func (d *Popup) View() string {
	end := min(d.offset+d.height, len(d.lines))
	lines := []string{d.st.Title.Render(d.title)}
	lines = append(lines, d.lines[d.offset:end]...)
	var ks []string
	for _, k := range d.keys {
		ks = append(ks, k.hint)
	}
	ks = append(ks, "form.key.esc_close")
	if d.maxOffset() > 0 {
		ks = append([]string{"form.key.jk_scroll"}, ks...)
	}
	hint := hints(d.lang, ks...)
	lines = append(lines, d.st.Hint.Render(hint))
	return d.st.frame(d.width, lines...)
}
