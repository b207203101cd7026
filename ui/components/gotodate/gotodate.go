// Package gotodate is the "go to a date" input (g) of the Day, Week and
// Month panes: one line of date words (2026-12-01, 12/1, next mon,
// 下周一, +3d), read the way quick-add reads them.
package gotodate

import (
	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
)

// New asks for a date to go to.
func New(lang i18n.Lang, st form.Styles) *form.Input {
	in := form.NewInput(lang, st, lang.T("day.goto.title"), lang.T("day.goto.placeholder"), "")
	in.Required = true
	in.Scratch = true
	return in
}

// Date reads the date typed into in; a date it cannot read is said under
// the field (ok false) and the input stays open.
func Date(lang i18n.Lang, in *form.Input, today model.Date) (d model.Date, ok bool) {
	d, err := quickadd.ParseDate(in.Value(), today)
	if err != nil {
		in.SetProblems([]string{lang.Err(err)})
		return model.NoDate, false
	}
	return d, true
}
