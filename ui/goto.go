package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/gotodate"
	"salesplan/ui/form"
	"salesplan/ui/keys"
)

// screenGoto asks for the date to go to when g is pressed on a pane with
// no dates of its own (Clients, Projects, Promises). It floats over that
// pane, so esc leaves the person where they were; a date opens the Day on
// it, and esc from the Day comes back to the pane (the back stack,
// DESIGN.md §5 v2: the shell notes the crumb when the screen's
// GotoDateMsg arrives, as for a search hit).
const screenGoto common.ScreenID = -2

type gotoScreen struct {
	env    common.Env
	host   dialog.Host
	closed bool
	going  bool // a date was given: the GotoDateMsg is on its way, keys wait for it
}

func newGotoScreen(env common.Env) *gotoScreen {
	g := &gotoScreen{env: env, host: dialog.New(env.Lang)}
	g.host.Open(gotodate.New(env.Lang, form.ThemeStyles(*env.Styles)), screenGoto)
	return g
}

func (g *gotoScreen) Update(msg tea.Msg) tea.Cmd {
	if g.going {
		return nil
	}
	_, cmd := g.host.Handle(msg, func() tea.Cmd {
		in, ok := g.host.Dialog().(*form.Input)
		if !ok {
			return nil
		}
		d, ok := gotodate.Date(g.env.Lang, in, g.env.Today())
		if !ok {
			return nil // the date it cannot read is said under the field
		}
		g.going = true
		return func() tea.Msg { return common.GotoDateMsg{Date: d} }
	})
	if !g.host.IsOpen() {
		g.closed = true // esc: back to the pane under it
	}
	return cmd
}

func (g *gotoScreen) View() string            { return g.host.Dialog().View() }
func (g *gotoScreen) Over(body string) string { return g.host.View(body) }
func (g *gotoScreen) SetSize(w, h int)        { g.host.SetSize(w, h) }
func (g *gotoScreen) ShortHelp() []key.Binding {
	return g.env.Keys.ShortHelp(g.place())
}
func (g *gotoScreen) FullHelp() [][]key.Binding { return g.env.Keys.FullHelp(g.place()) }
func (g *gotoScreen) Closed() bool              { return g.closed }
func (g *gotoScreen) Capturing() bool           { return true }
func (g *gotoScreen) Busy() bool                { return g.going }
func (g *gotoScreen) Dirty() bool               { return g.host.Dirty() }

// place is the input's help place (enter confirm, esc cancel).
func (g *gotoScreen) place() keys.Place {
	if g.host.IsOpen() {
		return g.host.Place()
	}
	return keys.PlaceConfirm
}
