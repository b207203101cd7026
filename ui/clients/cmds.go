package clients

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
)

// Every read and write runs in a tea.Cmd and comes back as one of these
// messages; Update alone changes the pane. Loads carry a request id so an
// answer that arrives after a newer request was made is dropped.

// journalLimit is how many journal entries the detail reads: months of
// history for a busy client, without reading years of it on each open.
const journalLimit = 300

type (
	listMsg struct {
		seq  uint64
		rows namedRows
		err  error
	}
	detailMsg struct {
		seq uint64
		id  model.ID
		d   storage.ClientDetail
		err error
	}
)

func loadList(st *storage.Store, seq uint64, today model.Date) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return listMsg{seq: seq, err: common.ErrNoStore}
		}
		rows, err := st.Clients(today, false)
		if err != nil {
			err = fmt.Errorf("listing clients: %w", err)
		}
		return listMsg{seq: seq, rows: byName(rows), err: err}
	}
}

// loadDetail reads a client's detail with its latest journalLimit entries
// (limit 0: the whole journal, to show an older entry a search found).
func loadDetail(st *storage.Store, seq uint64, id model.ID, today model.Date, limit int) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return detailMsg{seq: seq, id: id, err: common.ErrNoStore}
		}
		d, err := st.ClientDetail(id, today, limit)
		return detailMsg{seq: seq, id: id, d: d, err: err}
	}
}

// reload asks for the list (and the open detail).
func (m *Model) reload() tea.Cmd {
	cmds := []tea.Cmd{loadList(m.env.Store, m.loads.Next(), m.env.Today())}
	if m.det.id != 0 && m.screen == screenDetail {
		cmds = append(cmds, m.loadDet())
	}
	return tea.Batch(cmds...)
}

func (m *Model) loadDet() tea.Cmd {
	limit := journalLimit
	if m.det.all {
		limit = 0
	}
	return loadDetail(m.env.Store, m.det.loads.Next(), m.det.id, m.env.Today(), limit)
}
