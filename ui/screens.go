package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/note"
	"salesplan/ui/form"
	"salesplan/ui/keys"
	"salesplan/ui/screens/callsheet"
	"salesplan/ui/screens/firstrun"
	"salesplan/ui/screens/help"
	"salesplan/ui/screens/search"
	"salesplan/ui/settings"
)

// The modal screens and the back stack.
//
// A screen opens on a key (key in input.go) or when a pane or a screen
// asks (common.OpenScreenMsg). It stacks over what is showing and gets the
// keys until it closes itself; then what was under it shows again, the
// tab it was opened from included. To add a screen (search, a first run,
// a client's card): give it a common.ScreenID, an entry in screenMakers,
// and, if it belongs to a tab, one in screenTabs.

// screenMaker builds a screen for the message that asked for it.
type screenMaker func(m *Model, msg common.OpenScreenMsg) (common.Screen, tea.Cmd)

var screenMakers = map[common.ScreenID]screenMaker{
	common.ScreenHelp: func(m *Model, _ common.OpenScreenMsg) (common.Screen, tea.Cmd) {
		return help.New(m.env, m.helpGroups()), nil
	},
	common.ScreenSettings: func(m *Model, _ common.OpenScreenMsg) (common.Screen, tea.Cmd) {
		s := settings.New(m.env)
		return s, s.Open()
	},
	common.ScreenNote: func(m *Model, msg common.OpenScreenMsg) (common.Screen, tea.Cmd) {
		return note.New(m.env, msg.Client)
	},
	common.ScreenCallSheet: func(m *Model, _ common.OpenScreenMsg) (common.Screen, tea.Cmd) {
		return callsheet.New(m.env)
	},
	common.ScreenSearch: func(m *Model, msg common.OpenScreenMsg) (common.Screen, tea.Cmd) {
		return search.New(m.env, msg)
	},
	common.ScreenFirstRun: func(m *Model, _ common.OpenScreenMsg) (common.Screen, tea.Cmd) {
		return firstrun.New(m.env)
	},
	screenQuit: func(m *Model, _ common.OpenScreenMsg) (common.Screen, tea.Cmd) {
		return newQuitScreen(m.env), nil
	},
	screenGoto: func(m *Model, _ common.OpenScreenMsg) (common.Screen, tea.Cmd) {
		return newGotoScreen(m.env), nil
	},
}

// screenTabs are the screens shown over a tab of their own: the tab shows
// while they are open.
var screenTabs = map[common.ScreenID]common.PaneID{
	common.ScreenCallSheet: common.PaneClients,
}

// frame is one open screen and the tab to go back to when it closes.
type frame struct {
	id   common.ScreenID
	s    common.Screen
	from common.PaneID
}

// open opens the screen msg asks for over what is showing (not twice in a
// row: C on the call sheet does nothing).
func (m *Model) open(msg common.OpenScreenMsg) tea.Cmd {
	make, ok := screenMakers[msg.ID]
	if !ok || m.topIs(msg.ID) {
		return nil
	}
	s, cmd := make(m, msg)
	s.SetSize(m.paneSize())
	m.screens = append(m.screens, frame{id: msg.ID, s: s, from: m.active})
	if tab, ok := screenTabs[msg.ID]; ok {
		m.active = tab
	}
	return addressScreen(s, cmd)
}

// topIs reports whether the screen on top is id.
func (m *Model) topIs(id common.ScreenID) bool {
	return len(m.screens) > 0 && m.screens[len(m.screens)-1].id == id
}

// showing reports whether screen id is open anywhere in the stack.
func (m *Model) showing(id common.ScreenID) bool {
	for _, f := range m.screens {
		if f.id == id {
			return true
		}
	}
	return false
}

// toScreen hands msg to screen s, if it is still open, and addresses what
// it answers; screens that closed are dropped.
func (m *Model) toScreen(s common.Screen, msg tea.Msg) tea.Cmd {
	open := false
	for _, f := range m.screens {
		open = open || f.s == s
	}
	if !open {
		return nil // an answer for a screen already closed
	}
	cmd := addressScreen(s, s.Update(msg))
	m.dropClosed()
	return cmd
}

// dropClosed removes the screens that closed, going back to the tab each
// was opened from.
func (m *Model) dropClosed() {
	kept := m.screens[:0]
	for _, f := range m.screens {
		if f.s.Closed() {
			if _, ok := screenTabs[f.id]; ok {
				m.active = f.from
			}
			continue
		}
		kept = append(kept, f)
	}
	m.screens = kept
}

// closeScreens closes every screen (the user chose another tab).
func (m *Model) closeScreens() { m.screens = m.screens[:0] }

// crumb is one step of the way back (esc): the pane to show again, and
// the screen to reopen over it, if a screen opened the record (a search
// hit: esc brings the search back with its words and the hit selected).
type crumb struct {
	pane   common.PaneID
	reopen *common.OpenScreenMsg
}

// navTarget is the pane a message opens a record or a date in.
func navTarget(msg tea.Msg) (common.PaneID, bool) {
	switch msg.(type) {
	case common.GotoDateMsg:
		return common.PaneDay, true
	case common.OpenClientMsg:
		return common.PaneClients, true
	case common.OpenProjectMsg:
		return common.PaneProjects, true
	case common.OpenPromiseMsg:
		return common.PanePromises, true
	}
	return 0, false
}

// navigatedFrom notes, for esc, the pane a message from pane id leaves:
// a record or a date opened in another pane.
func (m *Model) navigatedFrom(id common.PaneID, msg tea.Msg) {
	if to, ok := navTarget(msg); ok && to != id {
		m.trail = append(m.trail, crumb{pane: id})
	}
}

// leftScreen closes screen s when it opened a record in a pane, noting for
// esc the tab it was opened over and how to reopen it (a Reopener).
func (m *Model) leftScreen(s common.Screen, msg tea.Msg) {
	if _, ok := navTarget(msg); !ok {
		return
	}
	for i, f := range m.screens {
		if f.s != s {
			continue
		}
		c := crumb{pane: f.from}
		if r, ok := s.(common.Reopener); ok {
			again := r.Reopen()
			c.reopen = &again
		}
		m.trail = append(m.trail, c)
		m.screens = m.screens[:i] // it and whatever stood over it
		return
	}
}

// back goes back to the pane that sent the user here (esc with nothing
// else to close), reopening the screen that did, if one did.
func (m *Model) back() tea.Cmd {
	if len(m.trail) == 0 {
		return nil
	}
	c := m.trail[len(m.trail)-1]
	m.trail = m.trail[:len(m.trail)-1]
	m.active = c.pane
	if c.reopen != nil {
		return m.open(*c.reopen)
	}
	return nil
}

// helpGroups are the columns of the full help: the keys of the screen on
// top (or the active pane), then the shell's own.
func (m *Model) helpGroups() [][]key.Binding {
	var groups [][]key.Binding
	if s := m.top(); s != nil {
		groups = append(groups, s.FullHelp()...)
	} else {
		groups = append(groups, m.panes[m.active].FullHelp()...)
	}
	return append(groups, m.env.Keys.GlobalHelp(), m.env.Keys.Pane[:])
}

// ---- the question before quitting over typed text

// screenQuit asks before q or ctrl+c throws typed text away.
const screenQuit common.ScreenID = -1

// quitScreen asks "quit anyway?" over what is showing: y or enter quits,
// n or esc goes back to the typing.
type quitScreen struct {
	km     keys.KeyMap
	host   dialog.Host
	closed bool
}

func newQuitScreen(env common.Env) *quitScreen {
	q := &quitScreen{km: env.Keys, host: dialog.New(env.Lang)}
	q.host.Open(form.NewConfirm(env.Lang, form.ThemeStyles(*env.Styles), env.T("quit.unsaved")), screenQuit)
	return q
}

func (q *quitScreen) Update(msg tea.Msg) tea.Cmd {
	switch res, _ := q.host.Update(msg); res {
	case form.Submitted:
		return tea.Quit
	case form.Cancelled:
		q.closed = true
	}
	return nil
}

func (q *quitScreen) View() string              { return q.host.Dialog().View() }
func (q *quitScreen) Over(body string) string   { return q.host.View(body) }
func (q *quitScreen) SetSize(w, h int)          { q.host.SetSize(w, h) }
func (q *quitScreen) ShortHelp() []key.Binding  { return q.km.ShortHelp(keys.PlaceConfirm) }
func (q *quitScreen) FullHelp() [][]key.Binding { return q.km.FullHelp(keys.PlaceConfirm) }
func (q *quitScreen) Closed() bool              { return q.closed }
func (q *quitScreen) Capturing() bool           { return true }
