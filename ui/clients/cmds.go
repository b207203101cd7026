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
		rows []storage.ClientRow
		err  error
	}
	detailMsg struct {
		seq uint64
		id  model.ID
		d   storage.ClientDetail
		err error
	}
	// savedMsg answers a write: the status to show, and where to go.
	savedMsg struct {
		status string
		err    error
		field  string        // a form field the error belongs beside
		open   model.ID      // open this client's detail (a new client)
		back   bool          // leave the detail (the client was archived)
		fresh  *model.Client // the client as stored, when an edit was refused as changed elsewhere
	}
	// BriefMsg answers Brief: the client's detail for the pre-visit brief.
	BriefMsg struct {
		Detail storage.ClientDetail
		Err    error
	}
)

func loadList(st *storage.Store, seq uint64, today model.Date) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return listMsg{seq: seq, err: errNoStore}
		}
		rows, err := st.Clients(today, false)
		if err != nil {
			err = fmt.Errorf("listing clients: %w", err)
		}
		return listMsg{seq: seq, rows: rows, err: err}
	}
}

func loadDetail(st *storage.Store, seq uint64, id model.ID, today model.Date) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return detailMsg{seq: seq, id: id, err: errNoStore}
		}
		d, err := st.ClientDetail(id, today, journalLimit)
		return detailMsg{seq: seq, id: id, d: d, err: err}
	}
}

// Brief loads a client for the pre-visit brief; the answer is a BriefMsg
// that BriefPopup turns into a popup (the Day pane can use both).
func Brief(env common.Env, id model.ID) tea.Cmd {
	st, today := env.Store, env.Today()
	return func() tea.Msg {
		if st == nil {
			return BriefMsg{Err: errNoStore}
		}
		d, err := st.ClientDetail(id, today, 3)
		return BriefMsg{Detail: d, Err: err}
	}
}

// write runs one store action and reports the status to show.
func write(status string, fn func() error) tea.Cmd {
	return func() tea.Msg {
		if err := fn(); err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: status}
	}
}

// reload asks for the list (and the open detail).
func (m *Model) reload() tea.Cmd {
	m.seq++
	cmds := []tea.Cmd{loadList(m.env.Store, m.seq, m.env.Today())}
	if m.det.id != 0 && m.screen == screenDetail {
		cmds = append(cmds, m.loadDet())
	}
	if m.screen == screenSheet && m.sheet != nil {
		cmds = append(cmds, m.sheet.load(m.env))
	}
	return tea.Batch(cmds...)
}

func (m *Model) loadDet() tea.Cmd {
	m.det.seq++
	return loadDetail(m.env.Store, m.det.seq, m.det.id, m.env.Today())
}
