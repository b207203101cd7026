// Package week is the planner's Week pane (DESIGN.md §5): seven day
// columns, Monday first, each with its tasks and the day's calls and visits
// against quota, and the week's totals against its targets below — the same
// numbers as `salesplan week --json`, read through the same Store.Week.
// Below wideMin cells the columns become one list per day. `r` shows the
// weekly review (package ui/report) in place of the week.
//
// The keys on a task, quick-add, go to a date and their dialogs are the
// task component's (ui/components/tasks), as on the Day pane: a task
// behaves the same on either. A line quick-added here without a date word
// lands on the day selected. enter on a task opens its client's card
// through the same component, as on the Day; on a task without a client,
// or a day without tasks, it opens the day.
//
// Files: week.go the model and its face, update.go keys and messages,
// cmds.go the store reads, render.go the drawing.
package week

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/tasks"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// wideMin is the width from which the seven days stand side by side; below
// it a column would be too narrow for a client's name.
const wideMin = 110

// footerRows are the totals under the week; detailRows the selected task's
// full line above them.
const (
	footerRows = 2
	detailRows = 1
)

// Model is the Week pane.
type Model struct {
	env  common.Env
	lang i18n.Lang
	km   keys.KeyMap
	host dialog.Host
	tc   *tasks.Tasks // the task component: task keys, quick-add, their dialogs

	width, height int
	wide          bool

	start model.Date // the Monday shown
	// all is the week as loaded; week the one shown: all with the tasks
	// the filter (/) keeps, query (filter.go).
	all   model.WeekSummary
	week  model.WeekSummary
	query common.Query
	// phones are the numbers of the clients of the week's calls.
	phones map[model.ID]string
	set    model.Settings
	loaded bool
	failed error // the last load, when it failed
	loads  common.Loads

	// The selection: a day (0 = Monday) and a task in it (-1 when the day
	// has none). cols scroll each column (wide), list the one list of every
	// day (narrow); the cursor is day and task, which they follow.
	day, task int
	cols      [7]common.List
	list      common.List
	// pendingSelect moves the cursor to this task when it next appears.
	pendingSelect model.ID

	// The weekly review, shown instead of the week while open.
	reviewOpen   bool
	review       storage.Review
	reviewLoaded bool
	reviewLoads  common.Loads
	reviewLines  []string
	reviewW      int // the width reviewLines were made for
	reviewOff    int

	kindShort map[model.TaskKind]string
	kindW     int
}

// New builds the Week pane showing this week.
func New(env common.Env) common.Pane { return newModel(env) }

func newModel(env common.Env) *Model {
	m := &Model{env: env, lang: env.Lang, km: env.Keys, start: env.Today().WeekStart(), task: -1, host: dialog.New(env.Lang)}
	m.tc = tasks.New(env, &m.host)
	m.day = env.Today().Sub(m.start)
	m.kindShort = map[model.TaskKind]string{}
	for _, k := range tasks.Kinds {
		m.kindShort[k] = env.Lang.T("week.kind." + string(k))
		m.kindW = max(m.kindW, common.Width(m.tc.KindWord(k)))
	}
	m.restyle()
	m.SetSize(120, 30)
	return m
}

func (m *Model) restyle() {
	m.tc.Restyle()
	m.reviewLines = nil
}

// Init loads this week.
func (m *Model) Init() tea.Cmd { return m.reload() }

// SetSize lays the pane out.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.wide = m.width >= wideMin
	m.keepVisible()
	m.host.SetSize(m.width, m.height)
}

// Capturing is true while a dialog is open: it gets every key.
func (m *Model) Capturing() bool { return m.host.IsOpen() }

// Busy is true while a write, or the week (or review) the keys act on, is
// on its way: keys typed meanwhile wait for it.
func (m *Model) Busy() bool {
	return m.host.Busy() || m.loads.Pending() || (m.reviewOpen && m.reviewLoads.Pending())
}

// Dirty is true while a dialog holds typed text not saved.
func (m *Model) Dirty() bool { return m.host.Dirty() }

func (m *Model) place() keys.Place {
	if m.host.IsOpen() {
		return m.host.Place()
	}
	return keys.PlaceWeek
}

// ShortHelp lists the keys of the current place.
func (m *Model) ShortHelp() []key.Binding {
	if m.reviewOpen && !m.host.IsOpen() {
		// close first: at 60 columns the rest falls behind the "…"
		return []key.Binding{m.km.CloseReview, m.km.Up, m.km.Down, m.km.PrevWeek, m.km.NextWeek}
	}
	return m.km.ShortHelp(m.place())
}

// FullHelp lists every key of the current place.
func (m *Model) FullHelp() [][]key.Binding {
	if m.reviewOpen && !m.host.IsOpen() {
		return [][]key.Binding{{m.km.Up, m.km.Down, m.km.PrevWeek, m.km.NextWeek, m.km.Today, m.km.CloseReview}}
	}
	return m.km.FullHelp(m.place())
}

// Week returns the summary loaded, whatever the filter (tests compare it
// with Store.Week).
func (m *Model) Week() model.WeekSummary { return m.all }

// selected returns the task under the cursor.
func (m *Model) selected() (model.AgendaTask, bool) {
	if !m.loaded || m.day < 0 || m.day >= len(m.week.Days) {
		return model.AgendaTask{}, false
	}
	ts := m.week.Days[m.day].Tasks
	if m.task < 0 || m.task >= len(ts) {
		return model.AgendaTask{}, false
	}
	return ts[m.task], true
}

// selectedDate is the day under the cursor.
func (m *Model) selectedDate() model.Date { return m.start.AddDays(m.day) }
