package clients

import (
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/common"
)

// Update handles store answers, the shell's messages, keys and the mouse.
func (m *Model) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case listMsg:
		return m, m.applyList(msg)
	case detailMsg:
		return m, m.applyDetail(msg)
	case sheetQueueMsg:
		return m, m.applySheetQueue(msg)
	case sheetDetailMsg:
		return m, m.applySheetDetail(msg)
	case sheetSavedMsg:
		cmd := m.applySaved(msg.savedMsg)
		if msg.err == nil && m.sheet != nil {
			switch msg.kind {
			case dlgCalled:
				m.sheet.called++
			case dlgBook:
				m.sheet.booked++
			}
			if msg.advance {
				return m, tea.Batch(cmd, m.advance())
			}
		}
		return m, cmd
	case savedMsg:
		return m, m.applySaved(msg)
	case BriefMsg:
		return m, m.showBrief(msg)
	case common.DataChangedMsg:
		return m, m.reload()
	case common.OpenClientMsg:
		m.closeDialog()
		return m, m.openDetail(msg.ID)
	case OpenCallSheetMsg:
		if m.dlg.open() {
			return m, nil
		}
		return m, m.startSheet()
	case common.ThemeChangedMsg:
		m.restyle()
		m.det.wrapped = nil
		return m, nil
	}
	if m.dlg.open() {
		return m, m.updateDialog(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch m.screen {
		case screenDetail:
			return m, m.detailKey(msg)
		case screenSheet:
			return m, m.sheetKey(msg)
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

// OpenCallSheetMsg opens the call sheet (the shell sends it on C after
// switching to the Clients pane).
type OpenCallSheetMsg struct{}

func (m *Model) applyList(msg listMsg) tea.Cmd {
	if msg.seq != m.seq {
		return nil
	}
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
