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
	for range 8 { // wrappers nest a level or two; never loop forever
		if c, ok := p.(ClientContexter); ok {
			return c.ContextClient()
		}
		w, ok := p.(Wrapper)
		if !ok {
			return 0
		}
		p = w.Unwrap()
	}
	return 0
}

// Wrapper is implemented by a pane that wraps another (e.g. an overlay
// drawn over any tab); ContextClientOf looks through it.
type Wrapper interface {
	Unwrap() Pane
}
