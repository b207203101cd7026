// Package clients is the planner's Clients pane (DESIGN.md §5): the client
// table (tier, area, last contact, next follow-up, open promises) with a
// live filter, sorts and filters; the client detail (profile, journal,
// promises, projects, upcoming tasks) with its actions; the pre-visit
// brief (b). The call sheet (C) and the note flow (n) are the shell's
// screens (ui/screens/callsheet, ui/components/note); n here lets the
// shell jot a note for the client selected or open.
//
// The card's journal is corrected in place (DESIGN.md §3 journal edit and
// delete, the same storage operations): J (or enter, free on the card)
// puts a › cursor on the newest entry; j/k move it and the card scrolls
// to follow; e edits the entry (text, date, kind, project) in a form that
// saves only the fields changed over the revision it opened on; d deletes
// it (u undoes); esc leaves the journal. J, not j, since j/k always move;
// e and d mean the entry while the cursor is on, the client (edit,
// archive) once esc has left it. A search hit on an entry opens the card
// with the cursor on that entry, and esc goes back to the search.
//
// Files: clients.go the model and its face, list.go the table, detail.go
// the client detail, entries.go its journal cursor and the entry form,
// dialogs.go what each dialog asks and saves, cmds.go the store reads.
package clients

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// screen is what the pane shows.
type screen int

const (
	screenList screen = iota
	screenDetail
)

// Model is the Clients pane.
type Model struct {
	env  common.Env
	lang i18n.Lang
	km   keys.KeyMap
	fst  form.Styles

	width, height int
	screen        screen

	// The table.
	rows    []storage.ClientRow
	hay     []string // per row: what / searches, lower-cased
	areaKey [][]byte // per row: its area's sort key (nil: no area)
	order   []int    // rows in the current sort
	shown   []int    // order filtered by the tier/due filter and the query
	list    common.List
	sort    sortMode
	filter  filterMode
	query   string
	loads   common.Loads // list loads; older answers are dropped
	loaded  bool
	failed  error    // the list's last load, when it failed
	pending model.ID // open this client's detail once the list has loaded

	det detail

	host   dialog.Host
	client model.Client    // the client the open dialog is about
	entry  model.EntryKind // dlgLog: what is recorded
	// editing is the journal entry the open entry form edits, as it was
	// read when the form opened (its revision with it).
	editing model.JournalEntry
	// afterEdit is where the edit form opened by e in a brief goes once
	// it is saved or cancelled: back to this pane's brief, or back to the
	// pane whose brief asked for it (the Day's, the Week's).
	afterEdit afterEdit
}

// afterEdit says where an edit form asked for from a brief goes back to.
type afterEdit int

const (
	editStays    afterEdit = iota // an edit opened here (e on the detail): the form just closes
	editToBrief                   // this pane's brief: it opens again, as the client is now
	editToOrigin                  // another pane's brief: esc-like back to that pane
)

// New builds the Clients pane.
func New(env common.Env) common.Pane { return newModel(env) }

func newModel(env common.Env) *Model {
	m := &Model{env: env, lang: env.Lang, km: env.Keys, host: dialog.New(env.Lang)}
	if len(m.km.Quit.Keys()) == 0 {
		m.km = keys.New(env.Lang)
	}
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
	m.host.SetSize(m.width, m.height)
}

// Capturing is true while a dialog is open: it gets every key.
func (m *Model) Capturing() bool { return m.host.IsOpen() }

// Busy is true while a save, a brief, or the list or detail the keys act
// on is on its way: keys typed meanwhile wait for it.
func (m *Model) Busy() bool {
	return m.host.Busy() || m.loads.Pending() || (m.screen == screenDetail && m.det.loads.Pending())
}

// Dirty is true while a dialog holds typed text not saved.
func (m *Model) Dirty() bool { return m.host.Dirty() }

// ContextClient is the client in context for jotting a note (n): the
// detail's client, else the selected row's.
func (m *Model) ContextClient() model.ID {
	if m.screen == screenDetail {
		return m.det.id
	}
	if r, ok := m.selected(); ok {
		return r.ID
	}
	return 0
}

func (m *Model) place() keys.Place {
	switch {
	case m.host.IsOpen():
		return m.host.Place()
	case m.screen == screenDetail && m.det.journal:
		return keys.PlaceJournal
	case m.screen == screenDetail:
		return keys.PlaceClientDetail
	}
	return keys.PlaceClients
}

// ShortHelp lists the keys of the current place.
func (m *Model) ShortHelp() []key.Binding {
	h := m.km.ShortHelp(m.place())
	if m.place() == keys.PlaceClientDetail {
		h = append(h, m.km.Note)
	}
	return m.hitBack(h)
}

// hitBack names esc "back" on the journal of a card a search hit opened:
// there it goes back to the search rather than leaving the journal.
func (m *Model) hitBack(h []key.Binding) []key.Binding {
	if m.place() != keys.PlaceJournal || !m.det.hit {
		return h
	}
	out := append([]key.Binding(nil), h...)
	for i, b := range out {
		if b.Help() == m.km.LeaveJournal.Help() {
			out[i] = m.km.Back
		}
	}
	return out
}

// FullHelp lists every key of the current place.
func (m *Model) FullHelp() [][]key.Binding {
	h := m.km.FullHelp(m.place())
	if m.place() == keys.PlaceClients && len(h) > 0 {
		// b on a row, as on the card: with the row's other keys.
		h[0] = append(append([]key.Binding(nil), h[0]...), m.km.Brief)
	}
	for i := range h {
		h[i] = m.hitBack(h[i])
	}
	return h
}

// View draws the pane in exactly its size.
func (m *Model) View() string {
	var body string
	switch m.screen {
	case screenDetail:
		body = m.detailView()
	default:
		body = m.listView()
	}
	return m.host.View(common.Fit(body, m.width, m.height))
}
