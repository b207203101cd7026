// Package day is the planner's Day pane (DESIGN.md §5): the tasks of one
// day in sections — carried over, morning, afternoon (visits grouped by the
// client's area), evening, any time — with a marker at the current time,
// and today's attention list beside them (below them on narrow terminals).
//
// Keys (DESIGN.md §5's table; where it is silent):
//
//	j/k ↑/↓ pgup/pgdn  move (headings are skipped)
//	h/l [/]  t  g      previous/next day, today, go to a date (date words)
//	a                  quick-add, with a live line of what was understood
//	x e d > !          done (a call/visit/meeting with a client asks for the
//	                   outcome), edit, delete (u undoes), postpone a day,
//	                   important
//	c v m n p b        record a call/visit/meeting, note, promise, brief —
//	                   for the selected task's client
//	/                  filter the day's tasks; esc clears the filter
//	enter              the task's client card (the Clients detail; esc
//	                   comes back); on "N more", every carried-over (or
//	                   inbox) task
//	R                  move every carried-over task to a day (one undo step)
//	→                  focus the attention list; ← or esc come back. There:
//	                   enter opens the client or project, x keeps a promise
//	                   (if it is still as shown), t makes the item a task
//	                   for today, b shows the client's profile.
//
// More than 20 carried-over tasks show the 20 most important and "N
// more". Today's list has an Inbox section after them: the open tasks
// with no date (DESIGN.md §2), the first few (important first, then the
// oldest) and "N more"; the task keys work there as anywhere (e gives a
// task a date, and it moves to that day). The attention list takes two fifths of the width from 120
// columns, and a promise shows what was promised. Call rows show the
// client's phone where the title keeps room.
//
// A line typed into quick-add without a date word lands on the day shown.
//
// The keys on a task, quick-add, go to a date and their dialogs are the
// task component's (ui/components/tasks), which the Week pane embeds too.
//
// Files: day.go the model and its face (size, help), update.go keys and
// messages, dialogs.go the filter, workday.go the client card, R and x,
// cmds.go the store reads, rows.go the list layout, render.go and
// attention.go the drawing.
package day

import (
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/reader"
	"salesplan/ui/components/tasks"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

type focus int

const (
	focusTasks focus = iota
	focusAttention
)

// detailMin is the least list height (title and rows) that gives a line
// to the selected task's detail.
const detailMin = 10

// wideMin is the width from which the attention list sits beside the tasks.
const wideMin = 100

// attWide is the attention list's narrowest width beside the tasks; from
// attGrow cells it takes two fifths of the width (DESIGN.md §5 v2: at
// least a third from 120 columns), so a promise's text shows.
const (
	attWide = 40
	attGrow = 120
)

// Model is the Day pane.
type Model struct {
	env  common.Env
	lang i18n.Lang
	km   keys.KeyMap
	host dialog.Host
	tc   *tasks.Tasks // the task component: task keys, quick-add, their dialogs

	width, height int
	wide          bool
	listW, listH  int
	detail        bool // the list's last line shows the selected task whole
	attW, attH    int
	cols          columns

	date   model.Date
	tasks  []model.AgendaTask
	filter string // "/": only tasks whose title, client or project contain it
	rows   []row
	list   common.List // over rows; the cursor rests on task rows (and "N more") only
	nowAt  model.Clock
	// all lists every carried-over or inbox task (enter on their "N more").
	all expand
	// phones are the clients' numbers of the day's call tasks.
	phones map[model.ID]string

	attention  []model.AttentionItem
	regularDue int
	att        common.List // over attention: the cursor; attTop scrolls
	attTop     int         // the first item shown (items take two lines or more)
	focus      focus

	loads  common.Loads // the day's reads; an older answer is dropped
	loaded bool
	failed error // the last load, when it failed
	// pendingSelect moves the cursor to this task when it next appears.
	pendingSelect model.ID

	// The day's record (r), shown instead of the day while open (record.go).
	record      reader.Reader
	recordLoads common.Loads
}

// linesBelow is the record's mark for n lines below the screen.
func (m *Model) linesBelow(n int) string {
	return m.env.Styles.Muted.Render(common.LinesBelow(m.lang, n))
}

// New builds the Day pane showing today.
func New(env common.Env) common.Pane {
	return newModel(env)
}

func newModel(env common.Env) *Model {
	m := &Model{env: env, lang: env.Lang, km: env.Keys, date: env.Today(), host: dialog.New(env.Lang), record: reader.New(env.Keys.For(keys.PlaceDay))}
	m.tc = tasks.New(env, &m.host)
	m.list.Skip = func(i int) bool { return m.rows[i].kind != rowTask && m.rows[i].kind != rowMore }
	for _, k := range tasks.Kinds {
		m.cols.kind = max(m.cols.kind, ansi.StringWidth(m.tc.KindWord(k)))
	}
	m.SetSize(80, 20)
	return m
}

// Init loads the day and the attention list and starts the minute tick
// that moves the now marker.
func (m *Model) Init() tea.Cmd { return tea.Batch(m.reload(true), m.tickClock()) }

// minuteMsg moves the now marker; the next tick is scheduled on arrival.
type minuteMsg struct{}

// tickClock wakes the pane at the next minute. A fixed clock (tests, a
// demo at a set time) never moves, so it does not tick.
func (m *Model) tickClock() tea.Cmd {
	if m.env.Clock != nil {
		return nil
	}
	now := time.Now()
	next := now.Truncate(time.Minute).Add(time.Minute)
	return tea.Tick(next.Sub(now), func(time.Time) tea.Msg { return minuteMsg{} })
}

// SetSize lays the pane out: the attention list beside the tasks from
// wideMin cells, below them (at most two fifths of the height) otherwise.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.wide = m.width >= wideMin
	if m.wide {
		m.attW = attWide
		if m.width >= attGrow {
			m.attW = max(attWide, m.width*2/5)
		}
		m.listW = m.width - m.attW - 1
		m.listH, m.attH = m.height, m.height
	} else {
		m.listW, m.attW = m.width, m.width
		need := 1 + max(m.attLinesFrom(0, len(m.attention)), 1)
		if m.regularDue > 0 {
			need++
		}
		m.attH = min(need, max(m.height*2/5, 3))
		m.listH = max(m.height-m.attH-1, 1)
		if m.height < 8 {
			m.attH, m.listH = 0, m.height
		}
	}
	m.cols = layoutColumns(m.listW, m.cols.kind, m.phoneW())
	// The list's first line is the day's title; below 120 columns, where
	// a row cuts titles, clients and projects, its last line says the
	// selected task whole (as the Week's does) when the list has the room.
	m.detail = m.width < attGrow && m.listH >= detailMin
	rows := m.listH - 1
	if m.detail {
		rows--
	}
	m.list.SetHeight(max(rows, 1))
	m.keepAttVisible()
	m.host.SetSize(m.width, m.height)
	m.record.SetSize(m.width, m.height)
}

// phoneW is the widest phone of the day's call rows, in cells.
func (m *Model) phoneW() int {
	w := 0
	for _, t := range m.tasks {
		if tasks.IsCall(t) {
			w = max(w, ansi.StringWidth(m.phones[t.ClientID]))
		}
	}
	return w
}

// Capturing is true while a dialog is open: it gets every key.
func (m *Model) Capturing() bool { return m.host.IsOpen() }

// Busy is true while a write, or the day the keys act on, is on its way:
// keys typed meanwhile wait for it.
func (m *Model) Busy() bool {
	return m.host.Busy() || m.loads.Pending() || (m.record.IsOpen() && m.recordLoads.Pending())
}

// Dirty is true while a dialog holds typed text not saved.
func (m *Model) Dirty() bool { return m.host.Dirty() }

// Attention returns the attention list and the count of regular clients
// due, as the pane shows them (tests compare them with `today --json`).
func (m *Model) Attention() ([]model.AttentionItem, int) { return m.attention, m.regularDue }

// Tasks returns the day's tasks in the order shown.
func (m *Model) Tasks() []model.AgendaTask { return m.tasks }

// place is where the user is, for help.
func (m *Model) place() keys.Place {
	switch {
	case m.host.IsOpen():
		return m.host.Place()
	case m.focus == focusAttention:
		return keys.PlaceAttention
	}
	return keys.PlaceDay
}

// ShortHelp lists the keys of the current place.
func (m *Model) ShortHelp() []key.Binding {
	if m.record.IsOpen() && !m.host.IsOpen() {
		return m.record.ShortHelp()
	}
	h := m.km.ShortHelp(m.place())
	switch m.place() {
	case keys.PlaceDay:
		if len(m.attention) > 0 {
			h = append(h, m.km.ToAttention)
		}
	case keys.PlaceAttention:
		// x keeps a promise: on any other item the footer does not offer it.
		if a, ok := m.selectedAtt(); ok && a.Type != model.AttPromiseOverdue && a.Type != model.AttPromiseDue {
			h = slices.DeleteFunc(h, func(b key.Binding) bool { return b.Help() == m.km.KeptAtt.Help() })
		}
		h = append(h, m.km.ToTasks)
	}
	return h
}

// selectedAtt is the attention item under the cursor.
func (m *Model) selectedAtt() (model.AttentionItem, bool) {
	if m.att.Cursor < 0 || m.att.Cursor >= len(m.attention) {
		return model.AttentionItem{}, false
	}
	return m.attention[m.att.Cursor], true
}

// FullHelp lists every key of the current place, with the focus keys.
func (m *Model) FullHelp() [][]key.Binding {
	if m.record.IsOpen() && !m.host.IsOpen() {
		return append(m.record.FullHelp(), []key.Binding{m.km.GoTo})
	}
	h := m.km.FullHelp(m.place())
	switch m.place() {
	case keys.PlaceDay:
		h = append(h, []key.Binding{m.km.ToAttention})
	case keys.PlaceAttention:
		h = append(h, []key.Binding{m.km.ToTasks})
	}
	return h
}

// View draws the pane in exactly its size.
func (m *Model) View() string {
	var body string
	switch {
	case m.record.IsOpen():
		body = m.record.View(m.env.Styles.Muted.Render(m.lang.T("day.record.loading")), m.linesBelow)
	case !m.loaded && m.failed != nil:
		body = m.dayTitle(m.width) + "\n" + common.LoadFailed(m.env, m.failed, m.width)
	case m.attH == 0:
		body = m.listView(m.listW, m.listH)
	case m.wide:
		sep := m.env.Styles.Rule.Render("│")
		list := m.listView(m.listW, m.listH)
		att := m.attentionView(m.attW, m.attH)
		body = joinColumns(list, sep, att, m.height)
	default:
		rule := m.env.Styles.Rule.Render(repeat("─", m.width))
		body = m.listView(m.listW, m.listH) + "\n" + rule + "\n" + m.attentionView(m.attW, m.attH)
	}
	return m.host.View(common.Fit(body, m.width, m.height))
}
