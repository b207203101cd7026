package settings

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/common"
)

// Overlay wraps a pane so that `,` opens the settings screen over it from
// anywhere (DESIGN.md §5) — unless the pane is capturing keys, when `,` is
// text. While the screen is open it takes the keys and the pane area; every
// other message (loads, data changed) still reaches the pane. The shell
// wraps each tab once:
//
//	for i, p := range panes { panes[i] = settings.Overlay(env, p) }
func Overlay(env common.Env, inner common.Pane) common.Pane {
	return &overlay{inner: inner, s: New(env), open: env.Keys.Settings}
}

type overlay struct {
	inner common.Pane
	s     *Model
	open  key.Binding
}

func (o *overlay) Init() tea.Cmd { return o.inner.Init() }

func (o *overlay) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg, savedMsg:
		_, cmd := o.s.Update(msg)
		return o, cmd
	case tea.KeyPressMsg:
		if o.s.Active() {
			_, cmd := o.s.Update(msg)
			return o, cmd
		}
		if key.Matches(msg, o.open) && !o.inner.Capturing() {
			return o, o.s.Open()
		}
	case tea.PasteMsg, tea.MouseClickMsg, tea.MouseWheelMsg:
		if o.s.Active() {
			_, cmd := o.s.Update(msg)
			return o, cmd
		}
	}
	p, cmd := o.inner.Update(msg)
	if p != nil {
		o.inner = p
	}
	return o, cmd
}

func (o *overlay) View() string {
	if o.s.Active() {
		return o.s.View()
	}
	return o.inner.View()
}

func (o *overlay) SetSize(w, h int) {
	o.s.SetSize(w, h)
	o.inner.SetSize(w, h)
}

func (o *overlay) ShortHelp() []key.Binding {
	if o.s.Active() {
		return o.s.ShortHelp()
	}
	return o.inner.ShortHelp()
}

func (o *overlay) FullHelp() [][]key.Binding {
	if o.s.Active() {
		return o.s.FullHelp()
	}
	return o.inner.FullHelp()
}

func (o *overlay) Capturing() bool { return o.s.Active() || o.inner.Capturing() }

// Unwrap gives the shell the pane under the overlay, so n finds that
// pane's client in context (common.ContextClientOf).
func (o *overlay) Unwrap() common.Pane { return o.inner }
