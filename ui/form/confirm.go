package form

import (
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// Confirm asks a yes/no question: y or enter is yes, n or esc is no.
type Confirm struct {
	lang     i18n.Lang
	st       Styles
	question string
	width    int
}

// NewConfirm makes a confirmation dialog.
func NewConfirm(lang i18n.Lang, st Styles, question string) *Confirm {
	return &Confirm{lang: lang, st: st, question: question, width: 50}
}

// SetWidth sets the dialog's whole width.
func (d *Confirm) SetWidth(w int) { d.width = w }

// HelpPlace says a question is answered yes or no (the help line offers
// no save).
func (d *Confirm) HelpPlace() keys.Place { return keys.PlaceConfirm }

// Update answers Submitted for yes and Cancelled for no.
func (d *Confirm) Update(msg tea.Msg) (Result, tea.Cmd) {
	switch {
	case isKey(msg, dk.Yes):
		return Submitted, nil
	case isKey(msg, dk.No):
		return Cancelled, nil
	}
	return Open, nil
}

// View renders the question and the keys.
func (d *Confirm) View() string {
	lines := d.st.wrapped(d.st.Title, d.question, d.st.inner(d.width))
	return d.st.frame(d.width, append(lines, d.st.Hint.Render(hints(d.lang, "form.key.enter_yes", "form.key.esc_no")))...)
}
