// Package week is the planner's Week pane (DESIGN.md §5): seven day
// columns, Monday first, each with its tasks and the day's calls and visits
// against quota, and the week's totals against its targets below — the same
// numbers as `salesplan week --json`, read through the same Store.Week.
// Below wideMin cells the columns become one list per day. `r` shows the
// weekly review (package ui/report) in place of the week.
//
// Files: week.go the model and its face, update.go keys and messages,
// dialogs.go what each dialog asks and saves (as the Day pane's), cmds.go
// the store reads and writes, render.go the drawing.
package week

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
	fst  form.Styles

	width, height int
	wide          bool

	start  model.Date // the Monday shown
	week   model.WeekSummary
	set    model.Settings
	loaded bool
	seq    uint64

	// The selection: a day (0 = Monday) and a task in it (-1 when the day
	// has none). dayOff scrolls each column (wide), listOff the one list
	// (narrow).
	day, task int
	dayOff    [7]int
	listOff   int

	// The weekly review, shown instead of the week while open.
	reviewOpen   bool
	review       storage.Review
	reviewLoaded bool
	reviewSeq    uint64
	reviewLines  []string
	reviewW      int // the width reviewLines were made for
	reviewOff    int

	kindShort map[model.TaskKind]string
	kindWord  map[model.TaskKind]string
	kindW     int

	closeReview key.Binding
	dlg         dialog
}

// New builds the Week pane showing this week.
func New(env common.Env) common.Pane { return newModel(env) }

func newModel(env common.Env) *Model {
	m := &Model{env: env, lang: env.Lang, km: env.Keys, start: env.Today().WeekStart(), task: -1}
	m.day = env.Today().Sub(m.start)
	m.kindShort, m.kindWord = map[model.TaskKind]string{}, map[model.TaskKind]string{}
	for _, k := range []model.TaskKind{model.TaskCall, model.TaskVisit, model.TaskMeeting, model.TaskTodo} {
		m.kindShort[k] = env.Lang.T("week.kind." + string(k))
		m.kindWord[k] = env.Lang.T("day.kind." + string(k))
		m.kindW = max(m.kindW, common.Width(m.kindWord[k]))
	}
	m.closeReview = key.NewBinding(key.WithKeys("r", "esc"), key.WithHelp("r/esc", env.Lang.T("review.key.close")))
	m.restyle()
	m.SetSize(120, 30)
	return m
}

func (m *Model) restyle() {
	if m.env.Styles != nil {
		m.fst = form.ThemeStyles(*m.env.Styles)
	} else {
		m.fst = form.DefaultStyles(true)
	}
	m.reviewLines = nil
}

// Init loads this week.
func (m *Model) Init() tea.Cmd { return m.reload() }

// SetSize lays the pane out.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.wide = m.width >= wideMin
	m.keepVisible()
	if m.dlg.d != nil {
		m.dlg.d.SetWidth(m.dialogWidth())
	}
}

func (m *Model) dialogWidth() int { return min(m.width, 76) }

// Capturing is true while a dialog is open: it gets every key.
func (m *Model) Capturing() bool { return m.dlg.d != nil }

func (m *Model) place() keys.Place {
	if m.dlg.d != nil {
		return keys.PlaceForm
	}
	return keys.PlaceWeek
}

// ShortHelp lists the keys of the current place.
func (m *Model) ShortHelp() []key.Binding {
	if m.reviewOpen && m.dlg.d == nil {
		return []key.Binding{m.km.Up, m.km.Down, m.km.Prev, m.km.Next, m.closeReview}
	}
	return m.km.ShortHelp(m.place())
}

// FullHelp lists every key of the current place.
func (m *Model) FullHelp() [][]key.Binding {
	if m.reviewOpen && m.dlg.d == nil {
		return [][]key.Binding{{m.km.Up, m.km.Down, m.km.Prev, m.km.Next, m.km.Today, m.closeReview}}
	}
	return m.km.FullHelp(m.place())
}

// Week returns the summary shown (tests compare it with Store.Week).
func (m *Model) Week() model.WeekSummary { return m.week }

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
