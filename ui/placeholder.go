package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/common"
	"salesplan/ui/keys"
)

// placeholder stands in for a pane not built yet: it says what is coming,
// in the user's language, and takes no keys.
type placeholder struct {
	env  common.Env
	id   common.PaneID
	w, h int
}

// Placeholder returns the stand-in for pane id.
func Placeholder(env common.Env, id common.PaneID) common.Pane {
	return &placeholder{env: env, id: id}
}

var placeholderWhat = [common.PaneCount]string{
	"placeholder.day", "placeholder.week", "placeholder.month",
	"placeholder.clients", "placeholder.projects", "placeholder.promises",
}

func (p *placeholder) Init() tea.Cmd                         { return nil }
func (p *placeholder) Update(tea.Msg) (common.Pane, tea.Cmd) { return p, nil }
func (p *placeholder) SetSize(w, h int)                      { p.w, p.h = w, h }
func (p *placeholder) ShortHelp() []key.Binding              { return nil }
func (p *placeholder) FullHelp() [][]key.Binding             { return nil }
func (p *placeholder) Capturing() bool                       { return false }

func (p *placeholder) View() string {
	if p.w <= 0 || p.h <= 0 {
		return ""
	}
	name := p.env.T(keys.TabNames[p.id])
	line := p.env.Styles.Muted.Render(p.env.T("placeholder.coming", name+" — "+p.env.T(placeholderWhat[p.id])))
	lines := make([]string, p.h)
	lines[p.h/2] = common.Center(line, p.w)
	return common.Fit(joinLines(lines), p.w, p.h)
}
