package day

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"salesplan/ui/form"
)

// The Day's own dialog is the filter (/); the task dialogs are the task
// component's (ui/components/tasks), in the same dialog host.

// dlgFilter is the filter's kind in the host.
type dialogKind int

const dlgFilter dialogKind = 1

// openFilter asks for the text to filter the day's tasks by; the list
// narrows as it is typed, enter keeps the filter, esc clears it.
func (m *Model) openFilter() {
	in := form.NewInput(m.lang, m.tc.Styles(), m.lang.T("day.filter.title"), m.lang.T("day.filter.placeholder"), m.filter)
	in.Scratch = true
	m.host.Open(in, dlgFilter)
}

// updateFilter passes a message to the open filter.
func (m *Model) updateFilter(msg tea.Msg) tea.Cmd {
	res, cmd := m.host.Update(msg)
	in, _ := m.host.Dialog().(*form.Input)
	switch res {
	case form.Cancelled:
		m.setFilter("")
		m.host.Close()
	case form.Submitted:
		m.setFilter(in.Value())
		m.host.Close()
	default:
		if in != nil {
			m.setFilter(in.Value()) // live, as the user types
		}
	}
	return cmd
}

func (m *Model) setFilter(f string) {
	f = strings.TrimSpace(f)
	if f == m.filter {
		return
	}
	m.filter = f
	m.rebuild(m.selectedID())
}
