package week

import (
	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/form"
)

// The Week's own dialog is the filter (/), as on the Day and the Clients:
// the columns keep the tasks whose title, client or project hold every
// word typed (common.Query), narrowing as it is typed; enter keeps the
// filter, esc clears it. The days' counts and the week's totals stay
// whole. The task dialogs are the task component's, in the same host.

type dialogKind int

const dlgFilter dialogKind = 1

func (m *Model) openFilter() {
	in := form.NewInput(m.lang, m.tc.Styles(), m.lang.T("week.filter.title"), m.lang.T("day.filter.placeholder"), m.query.String())
	in.Scratch = true
	m.host.Open(in, dlgFilter)
}

// setFilter narrows the columns to the tasks matching f, the cursor kept
// on its task while it still shows.
func (m *Model) setFilter(f string) {
	q := common.NewQuery(f)
	if q.String() == m.query.String() {
		return
	}
	var selID model.ID
	if t, ok := m.selected(); ok {
		selID = t.ID
	}
	m.query = q
	m.applyFilter(selID)
}

// applyFilter makes the week shown from the week loaded and the filter,
// and puts the cursor on task selID when it shows (else it stays where it
// was in its day: on the task that took a deleted one's place).
func (m *Model) applyFilter(selID model.ID) {
	m.week = m.all
	if !m.query.Empty() {
		m.week.Days = make([]model.DaySummary, len(m.all.Days))
		for d, dd := range m.all.Days {
			dd.Tasks = nil
			for _, t := range m.all.Days[d].Tasks {
				if m.query.Match(t.Title, t.ClientName, t.ProjectName) {
					dd.Tasks = append(dd.Tasks, t)
				}
			}
			m.week.Days[d] = dd
		}
	}
	for d, dd := range m.week.Days {
		for i, t := range dd.Tasks {
			if selID != 0 && t.ID == selID {
				m.day, m.task = d, i
			}
		}
	}
	m.clampTask(0)
	m.keepVisible()
}
