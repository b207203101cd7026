// Package promises is the planner's Promises pane (DESIGN.md §5): every
// promise made to a client, open ones first by due date, overdue in red,
// due soon in amber, kept and cancelled dimmed, with the reliability figure
// (the share kept on time, DESIGN.md §2) on top. x marks one kept, c
// cancels, e edits, a makes a new one (a client picker first), f cycles
// open / overdue / all, / filters by client, project or text (as the
// other lists do), enter opens the client.
//
// Files: promises.go the model, its face and drawing; update.go keys,
// dialogs and the store commands.
package promises

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/client"
	"salesplan/ui/components/dialog"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// filterMode is which promises show (f cycles).
type filterMode int

const (
	filterOpen filterMode = iota
	filterOverdue
	filterAll
)

var filterKeys = [...]string{"promises.filter.open", "promises.filter.overdue", "promises.filter.all"}

// Model is the Promises pane.
type Model struct {
	env  common.Env
	lang i18n.Lang
	km   keys.KeyMap
	fst  form.Styles

	width, height int

	rows   []storage.PromiseRow
	shown  []int
	list   common.List
	filter filterMode
	query  common.Query // the filter typed (/): client, project or text
	// pending is the promise a search opened, selected once it shows.
	pending model.ID
	// made is the promise just made here, selected once the list has it
	// (one the filter hides leaves the cursor where it was).
	made   model.ID
	rel    float64
	relN   int
	cal    model.Calendar // the working-day calendar, from the settings
	loads  common.Loads
	loaded bool
	failed error // the last load, when it failed

	host   dialog.Host
	row    storage.PromiseRow // the promise the open dialog is about
	picked storage.ClientName // a new promise: the client picked
}

// New builds the Promises pane.
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

// Init loads the promises.
func (m *Model) Init() tea.Cmd { return m.reload() }

// SetSize lays the pane out: a title line, the column heads, the rows.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.list.SetHeight(m.rowsRoom())
	m.host.SetSize(m.width, m.height)
}

// rowsRoom is how many rows show under the title and the column heads:
// all that fit, or one fewer when they do not, the pane's last line then
// saying how many are below.
func (m *Model) rowsRoom() int {
	room := max(m.height-2, 1)
	if len(m.shown) > room {
		room = max(room-1, 1)
	}
	return room
}

// Capturing is true while a dialog is open.
func (m *Model) Capturing() bool { return m.host.IsOpen() }

// Busy is true while a save, or the list the keys act on, is on its way:
// keys typed meanwhile wait for it.
func (m *Model) Busy() bool { return m.host.Busy() || m.loads.Pending() }

// Dirty is true while a dialog holds typed text not saved.
func (m *Model) Dirty() bool { return m.host.Dirty() }

// ContextClient is the selected promise's client (for n).
func (m *Model) ContextClient() model.ID {
	if r, ok := m.selected(); ok {
		return r.ClientID
	}
	return 0
}

// ShortHelp lists the keys of the current place.
func (m *Model) ShortHelp() []key.Binding {
	if m.host.IsOpen() {
		return m.km.ShortHelp(m.host.Place())
	}
	return append(m.km.ShortHelp(keys.PlacePromises), m.km.Edit, m.km.Open)
}

// FullHelp lists every key of the current place.
func (m *Model) FullHelp() [][]key.Binding {
	if m.host.IsOpen() {
		return m.km.FullHelp(m.host.Place())
	}
	return m.km.FullHelp(keys.PlacePromises) // n is among the global keys there
}

// selected returns the promise under the cursor.
func (m *Model) selected() (storage.PromiseRow, bool) {
	if m.list.Cursor < 0 || m.list.Cursor >= len(m.shown) || m.shown[m.list.Cursor] >= len(m.rows) {
		return storage.PromiseRow{}, false
	}
	return m.rows[m.shown[m.list.Cursor]], true
}

// refilter applies the filter, keeping the cursor on the same promise.
func (m *Model) refilter() {
	sel := model.ID(0)
	if r, ok := m.selected(); ok {
		sel = r.ID
	}
	m.refilterKeeping(sel)
}

// refilterKeeping applies the filter and puts the cursor on promise sel.
func (m *Model) refilterKeeping(sel model.ID) {
	today := m.env.Today()
	m.shown = m.shown[:0]
	for i, r := range m.rows {
		switch m.filter {
		case filterOpen:
			if r.Status != model.PromiseOpen {
				continue
			}
		case filterOverdue:
			if !r.Overdue(today) {
				continue
			}
		}
		if !m.query.Match(r.Client, r.Project, r.Text) {
			continue
		}
		m.shown = append(m.shown, i)
	}
	m.list.SetLen(len(m.shown))
	m.list.SetHeight(m.rowsRoom())
	for i, r := range m.shown {
		if m.rows[r].ID == sel {
			m.list.Select(i)
		}
	}
}

// counts returns how many promises are open and overdue.
func (m *Model) counts() (open, overdue int) {
	today := m.env.Today()
	for _, r := range m.rows {
		if r.Status == model.PromiseOpen {
			open++
			if r.Overdue(today) {
				overdue++
			}
		}
	}
	return open, overdue
}

type columns struct{ due, state, client, project, text int }

// maxState bounds the state column: a state wider than this (none is in
// either language) is cut rather than the promise's text.
const maxState = 24

// columns lays the table out. The state column is as wide as the widest
// state shown ("kept late 7 Dec", "cancelled 5 Dec, late", "12月5日 逾期
// 取消"), so that none is cut at any width; the promise's text, free text,
// takes what is left and is the one cut.
func (m *Model) columns() columns {
	c := columns{due: client.DateWidth(m.lang), state: ansi.StringWidth(m.lang.T("promises.col.state")), client: 12, project: 0}
	today := m.env.Today()
	for _, i := range m.shown {
		st, _, _ := m.state(m.rows[i], today)
		c.state = max(c.state, min(ansi.StringWidth(st), maxState))
	}
	switch {
	case m.width >= 140:
		c.state, c.client, c.project = max(c.state, 16), 20, 28
	case m.width >= 110:
		c.state, c.client, c.project = max(c.state, 16), 16, 20
	case m.width >= 90:
		c.client, c.project = 14, 14
	}
	fixed := 2 + c.due + 1 + c.state + 1 + c.client + 1
	if c.project > 0 {
		fixed += c.project + 1
	}
	c.text = max(m.width-fixed, 8)
	return c
}

// View draws the pane in exactly its size.
func (m *Model) View() string {
	return m.host.View(common.Fit(m.listView(), m.width, m.height))
}

func (m *Model) listView() string {
	s := m.env.Styles
	l := m.lang
	open, overdue := m.counts()
	head := s.Title.Render(l.T("promises.title", open))
	if overdue > 0 {
		head += " · " + s.Overdue.Render(l.T("promises.overdue_n", overdue))
	}
	rel := l.T("promises.rel.none")
	if m.relN > 0 {
		rel = l.T("promises.rel", strconv.Itoa(int(m.rel*100+0.5))+"%", m.relN)
	}
	head += s.Muted.Render(" · " + l.T(filterKeys[m.filter]))
	if !m.query.Empty() { // before the reliability, which a narrow line cuts
		head += s.Muted.Render(" · " + l.T("promises.filtered", model.InertLine(m.query.String())))
	}
	head += s.Muted.Render(" · ") + rel
	if !m.loaded && m.failed != nil {
		return head + "\n" + common.LoadFailed(m.env, m.failed, m.width)
	}
	if !m.loaded {
		return head + "\n" + s.Muted.Render(l.T("promises.loading"))
	}
	c := m.columns()
	heads := []string{"  " + common.PadRight(l.T("promises.col.due"), c.due), common.PadRight(l.T("promises.col.state"), c.state),
		common.PadRight(l.T("promises.col.client"), c.client)}
	if c.project > 0 {
		heads = append(heads, common.PadRight(l.T("promises.col.project"), c.project))
	}
	heads = append(heads, l.T("promises.col.text"))
	lines := []string{common.Truncate(head, m.width), s.Label.Render(common.PadRight(strings.Join(heads, " "), m.width))}
	if len(m.shown) == 0 {
		empty := l.T("promises.empty." + filterName[m.filter])
		if !m.query.Empty() {
			empty = l.T("promises.none_match")
		}
		// Wrapped, so that the keys it names are read whole.
		for _, line := range common.WrapText(empty, m.width) {
			lines = append(lines, s.Muted.Render(line))
		}
		return strings.Join(lines, "\n")
	}
	from, to := m.list.Visible()
	today := m.env.Today()
	for i := from; i < to; i++ {
		lines = append(lines, m.rowView(m.rows[m.shown[i]], c, i == m.list.Cursor, today))
	}
	if below := len(m.shown) - to; below > 0 {
		lines = append(lines, s.Muted.Render("  "+l.T("promises.more", below)))
	}
	return strings.Join(lines, "\n")
}

var filterName = [...]string{"open", "overdue", "all"}

// state is what the state column says of r, and how it is drawn.
func (m *Model) state(r storage.PromiseRow, today model.Date) (text string, style lipgloss.Style, styled bool) {
	s := m.env.Styles
	l := m.lang
	switch {
	case r.Status == model.PromiseKept:
		if !r.KeptOnTime() {
			return l.T("promises.kept_late", l.DayMonth(r.KeptOn)), s.Done, true
		}
		return l.T("promises.kept_on", l.DayMonth(r.KeptOn)), s.Done, true
	case r.Status == model.PromiseCancelled && !r.CancelledInTime():
		// Cancelled after its due date: broken, and shown as such.
		return l.T("promises.cancelled_late", l.DayMonth(r.CancelledOn)), s.Overdue, true
	case r.Status == model.PromiseCancelled:
		return l.T("promises.cancelled_on", l.DayMonth(r.CancelledOn)), s.Done, true
	case r.Overdue(today):
		return client.OverdueText(l, today.Sub(r.Due)), s.Overdue, true
	case r.DueSoon(today, m.cal):
		return l.Relative(r.Due, today), s.DueSoon, true
	}
	return l.Relative(r.Due, today), s.Base, false
}

// rowView draws one promise; the selected one starts with the list's
// cursor mark (common.RowLead) and is drawn in the selection's style.
func (m *Model) rowView(r storage.PromiseRow, c columns, sel bool, today model.Date) string {
	s := m.env.Styles
	l := m.lang
	state, style, styled := m.state(r, today)
	cells := []string{common.PadRight(l.ShortDate(r.Due), c.due), common.PadRight(state, c.state), common.Cell(r.Client, c.client)}
	if c.project > 0 {
		cells = append(cells, common.Cell(r.Project, c.project))
	}
	text := r.Text
	if r.Status == model.PromiseCancelled && r.CancelReason != "" {
		text = l.T("promises.why", text, r.CancelReason) // why, beside what (不能有隐瞒)
	}
	cells = append(cells, common.Cell(text, c.text))
	line := common.PadRight(common.RowLead(sel)+strings.Join(cells, " "), m.width)
	switch {
	case sel:
		return s.Selected.Render(line)
	case styled:
		return style.Render(line)
	}
	return line
}
