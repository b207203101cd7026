package clients

import (
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/common"
	"salesplan/ui/components/brief"
	"salesplan/ui/components/dialog"
)

// Update handles store answers, the shell's messages, keys and the mouse.
func (m *Model) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case listMsg:
		return m, m.applyList(msg)
	case detailMsg:
		return m, m.applyDetail(msg)
	case dialog.SavedMsg:
		return m, m.applySaved(msg)
	case brief.LoadedMsg:
		return m, m.showBrief(msg)
	case common.DataChangedMsg:
		// Rev is set only when the shell noticed a change made in
		// another process.
		m.det.elsewhere = msg.Rev != 0
		return m, m.reload()
	case common.OpenClientMsg:
		m.closeDialog()
		m.afterEdit = editStays
		cmd := m.openDetail(msg.ID)
		m.det.outside = true
		m.det.entry, m.det.scrollTo = msg.Entry, msg.Entry != 0
		// A search hit's entry: selected, e edits it; esc goes back to
		// the search.
		m.det.journal, m.det.hit = msg.Entry != 0, msg.Entry != 0
		m.det.editOnLoad = msg.Edit // e in another pane's brief
		return m, cmd
	case common.ThemeChangedMsg:
		m.restyle()
		m.det.wrapped = nil
		return m, nil
	case common.PrefsChangedMsg:
		m.det.wrapped = nil // the projects' values, in the new currency
		return m, nil
	}
	if m.host.IsOpen() {
		return m, m.updateDialog(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch m.screen {
		case screenDetail:
			return m, m.detailKey(msg)
		}
		return m, m.listKey(msg)
	case tea.MouseClickMsg:
		if m.screen == screenList {
			return m, m.listClick(msg.Mouse())
		}
	case tea.MouseWheelMsg:
		d := 3
		if msg.Mouse().Button == tea.MouseWheelUp {
			d = -3
		}
		switch m.screen {
		case screenList:
			m.list.Scroll(d)
		case screenDetail:
			m.scrollDetail(d)
		}
	}
	return m, nil
}

func (m *Model) applyList(msg listMsg) tea.Cmd {
	if !m.loads.Answer(msg.seq) {
		return nil
	}
	m.host.Fresh()
	m.failed = msg.err
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	m.loaded = true
	m.setRows(msg.rows)
	if m.pending != 0 {
		m.selectID(m.pending)
		m.pending = 0
	}
	return nil
}
