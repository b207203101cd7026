package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/common"
)

// What a person types is never lost (DESIGN.md §5 v2): while the screen in
// front is busy — a save or a load whose result the next key acts on —
// every key, paste and click waits in the host, and drain hands them on in
// order the moment nothing is. A burst like "atodo one⏎atodo two⏎" adds
// both tasks: the second a waits for the first save and the reload that
// shows it, then opens the quick-add again.

// front is the screen on top, nil when a pane shows.
func (m *Model) top() common.Screen {
	if len(m.screens) == 0 {
		return nil
	}
	return m.screens[len(m.screens)-1].s
}

// busy reports whether the screen in front awaits an answer.
func (m *Model) busy() bool {
	var front any = m.panes[m.active]
	if s := m.top(); s != nil {
		front = s
	}
	b, ok := front.(common.Busier)
	return ok && b.Busy()
}

// captures reports whether the screen in front takes every key (a text
// input has focus): q, 1–6, ? and the like are text there.
func (m *Model) captures() bool {
	if s := m.top(); s != nil {
		c, ok := s.(common.Capturer)
		return ok && c.Capturing()
	}
	return m.panes[m.active].Capturing()
}

// dirty reports whether any pane or screen holds typed text not saved.
func (m *Model) dirty() bool {
	for _, p := range m.panes {
		if d, ok := p.(common.Dirtier); ok && d.Dirty() {
			return true
		}
	}
	for _, f := range m.screens {
		if d, ok := f.s.(common.Dirtier); ok && d.Dirty() {
			return true
		}
	}
	return false
}

// drain hands on the input held while something was busy (or hidden by a
// screen too small), in order, until something is busy again.
func (m *Model) drain() tea.Cmd {
	var cmds []tea.Cmd
	for m.host.Holding() && !m.busy() && !m.blind() {
		msg, _ := m.host.Release()
		cmds = append(cmds, m.input(msg))
	}
	return tea.Batch(cmds...)
}

// input handles a key, a paste or a click that is not held.
func (m *Model) input(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if m.tooSmall() {
			return nil
		}
		return m.toFront(msg)
	case tea.MouseClickMsg:
		return m.click(msg)
	case tea.MouseWheelMsg:
		return m.mouseToFront(msg)
	}
	return nil
}

// toFront hands msg to the screen on top, or to the active pane.
func (m *Model) toFront(msg tea.Msg) tea.Cmd {
	if s := m.top(); s != nil {
		return m.toScreen(s, msg)
	}
	return m.toActive(msg)
}

// key handles a key press: a screen or pane that is typing gets every key;
// otherwise the global shortcuts go first and the rest to the screen on
// top or the active pane.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	km := m.env.Keys
	if m.captures() {
		if m.tooSmall() {
			return nil // the form is hidden: typing into it blind would be worse
		}
		return m.toFront(msg)
	}
	m.status = common.StatusMsg{}
	switch {
	case key.Matches(msg, km.Quit):
		return m.quit()
	case m.tooSmall():
		return nil
	case key.Matches(msg, km.NextPane):
		m.switchTo((m.active + 1) % common.PaneCount)
		return nil
	case key.Matches(msg, km.PrevPane):
		m.switchTo((m.active + common.PaneCount - 1) % common.PaneCount)
		return nil
	}
	for i, b := range km.Pane {
		if key.Matches(msg, b) {
			m.switchTo(common.PaneID(i))
			return nil
		}
	}
	if m.topIs(common.ScreenHelp) {
		return m.toScreen(m.top(), msg) // the help scrolls and closes; nothing acts under it
	}
	switch {
	case key.Matches(msg, km.Help):
		return m.open(common.OpenScreenMsg{ID: common.ScreenHelp})
	case key.Matches(msg, km.Undo):
		m.status = common.StatusMsg{Text: m.env.T("status.undoing")}
		return common.UndoCmd(m.env)
	case key.Matches(msg, km.Sync):
		return m.syncNow()
	case key.Matches(msg, km.Note):
		return m.noteKey(msg)
	case key.Matches(msg, km.Search) && !m.topIs(common.ScreenSearch):
		return m.open(common.OpenScreenMsg{ID: common.ScreenSearch})
	}
	if s := m.top(); s != nil {
		return m.toScreen(s, msg)
	}
	switch {
	case key.Matches(msg, km.Settings):
		return m.open(common.OpenScreenMsg{ID: common.ScreenSettings})
	case key.Matches(msg, km.CallSheet):
		return m.open(common.OpenScreenMsg{ID: common.ScreenCallSheet})
	case m.active > common.PaneMonth && key.Matches(msg, km.Today):
		return m.toDay()
	case m.active > common.PaneMonth && key.Matches(msg, km.GoTo):
		// The date is asked over this pane (esc stays here); the Day it
		// opens goes back here on esc.
		return m.open(common.OpenScreenMsg{ID: screenGoto})
	}
	return m.toActive(msg)
}

// toDay answers t in the panes without a date of their own (Clients,
// Projects, Promises), where DESIGN.md §5 still has it work: it shows
// today's Day.
func (m *Model) toDay() tea.Cmd {
	m.switchTo(common.PaneDay)
	return m.toActive(common.GotoDateMsg{Date: m.env.Today()})
}

// noteKey gives n to the screen or pane in front first (the Day jots a
// note for its task's client itself); when it does nothing with it, the
// note flow opens for the client in context there (a picker without one).
func (m *Model) noteKey(msg tea.KeyPressMsg) tea.Cmd {
	var front any = m.panes[m.active]
	var cmd tea.Cmd
	if s := m.top(); s != nil {
		front, cmd = s, m.toScreen(s, msg)
	} else {
		cmd = m.toActive(msg)
	}
	if cmd != nil || m.captures() {
		return cmd
	}
	return m.open(common.OpenScreenMsg{ID: common.ScreenNote, Client: common.ContextClientOf(front)})
}

// quit leaves the planner, asking first when typed text would be lost;
// asked again (ctrl+c twice), it quits.
func (m *Model) quit() tea.Cmd {
	if !m.dirty() || m.showing(screenQuit) {
		m.stopSync()
		return tea.Quit
	}
	return m.open(common.OpenScreenMsg{ID: screenQuit})
}

// click switches tabs from the tab bar and passes clicks in the pane area
// to the screen on top or the pane, relative to its top-left corner.
func (m *Model) click(msg tea.MouseClickMsg) tea.Cmd {
	if m.tooSmall() {
		return nil
	}
	if msg.Y == 1 && msg.Button == tea.MouseLeft && len(m.screens) == 0 {
		_, spans := m.tabLayout()
		for _, t := range spans {
			if msg.X >= t.from && msg.X < t.to {
				m.switchTo(t.id)
				return nil
			}
		}
		return nil
	}
	return m.mouseToFront(msg)
}

func (m *Model) mouseToFront(msg tea.MouseMsg) tea.Cmd {
	if m.tooSmall() {
		return nil
	}
	if s := m.top(); s != nil {
		if _, ok := msg.(tea.MouseClickMsg); ok && !m.captures() {
			return m.toScreen(s, common.ShiftMouse(msg, 0, topRows)) // a click may close it (help)
		}
	}
	y := msg.Mouse().Y
	if y < topRows || y >= m.height-footerRows {
		return nil
	}
	return m.toFront(common.ShiftMouse(msg, 0, topRows))
}

// switchTo shows a tab the user chose (a key, a click): the screens over
// the panes close, and esc has nowhere to go back to.
func (m *Model) switchTo(id common.PaneID) {
	if id < 0 || id >= common.PaneCount {
		return
	}
	m.closeScreens()
	m.trail = m.trail[:0]
	m.active = id
}

// show shows a tab the planner went to (a record opened, a date).
func (m *Model) show(id common.PaneID) {
	if id >= 0 && id < common.PaneCount {
		m.active = id
	}
}
