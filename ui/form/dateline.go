package form

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/i18n"
)

// A date line is a second, one-line field under an Input's or a Note's
// text: the day a call, visit or meeting happened (DESIGN.md §5 v2:
// recording one in the planner can set its date). It shows a word such
// as "today", faint, in an empty field: a rep who only types the outcome
// and saves records it today (the callers read empty as today), and one
// who tabs to the date and types "yesterday" gets yesterday — the word
// was once the field's text, so typing gave "todayyesterday", refused.
// Tab moves between the text and the date. The check runs on
// save: a date that does not read, or lies after today, keeps the dialog
// open with the reason beside the date and everything typed.
type dateLine struct {
	label   string
	ti      textinput.Model
	focused bool
	check   func(string) error
	err     string
	initial string
}

func newDateLine(label, value string, check func(string) error) *dateLine {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 0
	steadyCursor(&ti)
	ti.Placeholder = cleanPaste(value, true)
	ti.Blur()
	return &dateLine{label: label, ti: ti, check: check, initial: ti.Value()}
}

func (l *dateLine) value() string { return strings.TrimSpace(l.ti.Value()) }

func (l *dateLine) dirty() bool { return l.ti.Value() != l.initial }

// setWidth gives the input what is left of the inner width after the label.
func (l *dateLine) setWidth(inner int) {
	l.ti.SetWidth(max(inner-ansi.StringWidth(l.label)-4, 1))
}

// focus moves the typing into the date (true) or back to the text.
func (l *dateLine) focus(on bool) {
	l.focused = on
	if on {
		l.ti.Focus()
	} else {
		l.ti.Blur()
	}
}

// valid runs the check; a failure shows beside the date and focuses it.
func (l *dateLine) valid(lang i18n.Lang) bool {
	l.err = ""
	if l.check == nil {
		return true
	}
	if err := l.check(l.value()); err != nil {
		l.err = lang.Err(err)
		return false
	}
	return true
}

// update types into the date.
func (l *dateLine) update(msg tea.Msg) tea.Cmd {
	if p, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: cleanPaste(p.Content, true)}
	}
	if _, ok := msg.(tea.KeyPressMsg); ok {
		l.err = ""
	}
	var cmd tea.Cmd
	l.ti, cmd = l.ti.Update(msg)
	return cmd
}

// lines draws "Date : today" and, under it, why it was refused.
func (l *dateLine) lines(st Styles, inner int) []string {
	ls := st.Label
	if l.focused {
		ls = st.Focused
	}
	out := []string{ls.Render(l.label) + " : " + noNUL(l.ti.View())}
	if l.err != "" {
		out = append(out, st.wrapped(st.Error, l.err, inner)...)
	}
	return out
}

// isSwitch reports whether msg is the key that moves between the text and
// the date: tab or shift+tab (up and down move in a note's text).
func isSwitch(msg tea.Msg) bool { return isKey(msg, dk.SwitchField) }
