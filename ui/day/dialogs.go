package day

import (
	"strings"

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

func (m *Model) setFilter(f string) {
	f = strings.TrimSpace(f)
	if f == m.filter {
		return
	}
	m.filter = f
	m.rebuild(m.selectedID())
}
