package common

import "salesplan/model"

// ClientContexter is implemented by panes that know which client the user
// is looking at (a selected row, an open detail). When a pane lets n pass,
// the shell's note flow jots the note for that client; without one it asks
// with a client picker first.
type ClientContexter interface {
	ContextClient() model.ID
}

// ContextClientOf returns p's client in context, 0 when it has none or does
// not say.
func ContextClientOf(p Pane) model.ID {
	if c, ok := p.(ClientContexter); ok {
		return c.ContextClient()
	}
	return 0
}
