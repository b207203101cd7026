package ui

import (
	"reflect"

	tea "charm.land/bubbletea/v2"

	"salesplan/ui/common"
)

// A pane's commands answer that pane alone: the shell wraps each command a
// pane returns so that its message comes back addressed (paneMsg), and
// hands it to that pane only, not to all six. A screen's likewise
// (screenMsg). Messages for the shell
// (status, data changed, go to a date or a record) are unwrapped and acted
// on, knowing which pane asked (the back stack needs it).

// screenMsg is the answer to a command of screen s.
type screenMsg struct {
	s   common.Screen
	msg tea.Msg
}

// addressScreen makes cmd's answer come back to screen s.
func addressScreen(s common.Screen, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		return wrapWith(cmd(), func(msg tea.Msg) tea.Msg { return screenMsg{s: s, msg: msg} },
			func(c tea.Cmd) tea.Cmd { return addressScreen(s, c) })
	}
}

// paneMsg is the answer to a command of pane id.
type paneMsg struct {
	id  common.PaneID
	msg tea.Msg
}

// teaPkg is Bubble Tea's own package: its messages (a batch, a sequence,
// the runtime's requests) go to the program as they are.
var teaPkg = reflect.TypeOf(tea.QuitMsg{}).PkgPath()

// address makes cmd's answer come back to pane id.
func address(id common.PaneID, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		return wrapWith(cmd(), func(msg tea.Msg) tea.Msg { return paneMsg{id: id, msg: msg} },
			func(c tea.Cmd) tea.Cmd { return address(id, c) })
	}
}

// wrapWith wraps a command's answer; a batch's commands are addressed in
// turn, and Bubble Tea's own messages go to the program as they are.
func wrapWith(msg tea.Msg, wrap func(tea.Msg) tea.Msg, again func(tea.Cmd) tea.Cmd) tea.Msg {
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		out := make(tea.BatchMsg, len(msg))
		for i, c := range msg {
			out[i] = again(c)
		}
		return out
	}
	if t := reflect.TypeOf(msg); t.PkgPath() == teaPkg || (t.Kind() == reflect.Pointer && t.Elem().PkgPath() == teaPkg) {
		return msg
	}
	return wrap(msg)
}

// forShell reports whether a pane's message is for the shell to act on.
func forShell(msg tea.Msg) bool {
	switch msg.(type) {
	case common.StatusMsg, common.DataChangedMsg, common.UndoneMsg, common.SwitchPaneMsg,
		common.GotoDateMsg, common.OpenClientMsg, common.OpenProjectMsg, common.OpenScreenMsg, common.BackMsg,
		common.OpenPromiseMsg:
		return true
	}
	return false
}

// toPane hands msg to pane id and addresses what it answers.
func (m *Model) toPane(id common.PaneID, msg tea.Msg) tea.Cmd {
	p, cmd := m.panes[id].Update(msg)
	if p != nil {
		m.panes[id] = p
	}
	return address(id, cmd)
}

func (m *Model) toActive(msg tea.Msg) tea.Cmd { return m.toPane(m.active, msg) }

// broadcast hands msg to every pane (data changed, the theme).
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(m.panes))
	for i := range m.panes {
		cmds = append(cmds, m.toPane(common.PaneID(i), msg))
	}
	return tea.Batch(cmds...)
}
