// Package clients is the planner's Clients pane (DESIGN.md §5): the client
// table (tier, area, last contact, next follow-up, open promises) with a
// live filter, sorts and filters; the client detail (profile, journal,
// promises, projects, upcoming tasks) with its actions; the call sheet (C)
// that walks through the clients due for a call; and the pre-visit brief.
// NoteFlow and Picker are the pieces other panes and the shell reuse to
// jot a note for a client from anywhere.
//
// Files: clients.go the model and its face, list.go the table, detail.go
// the client detail, callsheet.go the call sheet, brief.go the brief,
// dialogs.go what each dialog asks and saves, cmds.go the store reads and
// writes, picker.go and noteflow.go the reusable pieces.
package clients

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// screen is what the pane shows.
type screen int

const (
	screenList screen = iota
	screenDetail
	screenSheet
)

// Model is the Clients pane.
type Model struct {
	env  common.Env
	lang i18n.Lang
	km   keys.KeyMap
	fst  form.Styles
	// Local keys: the call sheet's skip and book, and the brief from the
	// list (b on a row).
	skip, book key.Binding

	width, height int
	screen        screen

	// The table.
	rows    []storage.ClientRow
	hay     []string // per row: what / searches, lower-cased
	order   []int    // rows in the current sort
	shown   []int    // order filtered by the tier/due filter and the query
	list    common.List
	sort    sortMode
	filter  filterMode
	query   string
	seq     uint64 // latest list load; older answers are dropped
	loaded  bool
	pending model.ID // open this client's detail once the list has loaded

	det   detail
	sheet *callSheet

	dlg dialog
}

// New builds the Clients pane.
func New(env common.Env) common.Pane { return newModel(env) }

func newModel(env common.Env) *Model {
	m := &Model{env: env, lang: env.Lang, km: env.Keys}
	if len(m.km.Quit.Keys()) == 0 {
		m.km = keys.New(env.Lang)
	}
	m.skip = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", env.T("clients.key.skip")))
	m.book = key.NewBinding(key.WithKeys("b"), key.WithHelp("b", env.T("clients.key.book")))
	m.restyle()
	m.SetSize(80, 20)
	return m
}

func (m *Model) restyle() {
	if m.env.Styles != nil {
		m.fst = form.ThemeStyles(*m.env.Styles)
	} else {
		m.fst = form.DefaultStyles(true)
	}
}

// Init loads the client list.
func (m *Model) Init() tea.Cmd { return m.reload() }

// SetSize lays the pane out.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.list.SetHeight(m.tableRows())
	m.det.wrapped = nil // rewrap at the new width
	if m.dlg.d != nil {
		m.dlg.d.SetWidth(m.dialogWidth())
	}
	if m.dlg.flow != nil {
		m.dlg.flow.SetWidth(m.dialogWidth())
	}
	if p, ok := m.dlg.d.(*form.Popup); ok {
		p.SetHeight(max(m.height-4, 3))
	}
}

func (m *Model) dialogWidth() int { return min(m.width, 76) }

// Capturing is true while a dialog is open: it gets every key.
func (m *Model) Capturing() bool { return m.dlg.open() }

// ContextClient is the client in context for jotting a note (n): the
// detail's or call sheet's client, else the selected row's.
func (m *Model) ContextClient() model.ID {
	switch m.screen {
	case screenDetail:
		return m.det.id
	case screenSheet:
		if c, ok := m.sheet.current(); ok {
			return c.ID
		}
		return 0
	}
	if r, ok := m.selected(); ok {
		return r.ID
	}
	return 0
}

func (m *Model) place() keys.Place {
	switch {
	case m.dlg.open():
		return keys.PlaceForm
	case m.screen == screenDetail:
		return keys.PlaceClientDetail
	case m.screen == screenSheet:
		return keys.PlaceGlobal
	}
	return keys.PlaceClients
}

// ShortHelp lists the keys of the current place.
func (m *Model) ShortHelp() []key.Binding {
	if m.screen == screenSheet && !m.dlg.open() {
		return []key.Binding{m.km.LogCall, m.skip, m.km.Promise, m.book, m.km.Note, m.km.Back}
	}
	h := m.km.ShortHelp(m.place())
	if m.place() == keys.PlaceClientDetail {
		h = append(h, m.km.Note)
	}
	return h
}

// FullHelp lists every key of the current place.
func (m *Model) FullHelp() [][]key.Binding {
	if m.screen == screenSheet && !m.dlg.open() {
		return [][]key.Binding{{m.km.LogCall, m.skip, m.km.Promise, m.book, m.km.Note, m.km.Back}}
	}
	h := m.km.FullHelp(m.place())
	if m.place() == keys.PlaceClients {
		h = append(h, []key.Binding{m.km.Brief}) // b on a row, as in the detail
	}
	return h
}

// View draws the pane in exactly its size.
func (m *Model) View() string {
	var body string
	switch m.screen {
	case screenDetail:
		body = m.detailView()
	case screenSheet:
		body = m.sheetView()
	default:
		body = m.listView()
	}
	if v := m.dlg.view(); v != "" {
		body = overlay(body, v, m.width, m.height)
	}
	return common.Fit(body, m.width, m.height)
}
