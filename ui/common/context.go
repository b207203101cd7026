package common

import "salesplan/model"

// ClientContexter is implemented by panes that know which client the user
// is looking at (a selected row, an open detail). When a pane lets n pass,
// the shell's note flow jots the note for that client; without one it asks
// with a client picker first.
type ClientContexter interface {
	ContextClient() model.ID
}

// ContextClientOf returns the client in context of p (a pane or a
// screen), 0 when it has none or does not say.
func ContextClientOf(p any) model.ID {
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

// Wrapper is implemented by a pane that wraps another (a test's stand-in,
// say); ContextClientOf looks through it.
type Wrapper interface {
	Unwrap() Pane
}
