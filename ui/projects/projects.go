// Package projects is the planner's Projects pane (DESIGN.md §5): the
// project tracking sheet (项目跟踪表). The pipeline shows the projects by
// stage — one column per stage on wide terminals, a list grouped by stage
// on narrow ones — with each stage's count and value sum, and per project
// its client, value, days in the stage, next follow-up (red when due) and
// bid date. The detail shows the client, owner, value, stage history, bid
// date, next follow-up with the stage's cadence, and the tasks, promises
// and journal entries linked to the project.
//
// Keys (DESIGN.md §5's table; where it is silent):
//
//	j/k ↑/↓             move (in columns: within the column)
//	h/l ←/→ [/]         the previous/next stage column (wide pipeline)
//	/  f                filter by name, client or owner; show closed and lost
//	a  e  enter         new project, edit, open the detail
//	>  <                next/previous stage: asks the date (today by default,
//	                    date words work), then offers the stage's checklist
//	                    as tasks (space ticks, e rewords) before anything is
//	                    written; < on a lost project reopens it
//	L                   mark lost (asks the reason, kept in the journal).
//	                    The key table has no lost key; L is free everywhere
//	                    (l is "next", a different key).
//	n  c  v             note, call, visit linked to the project
//	J  enter            on the detail: a › cursor on its journal (j/k move
//	                    it, e edits the entry — text, date, kind, this
//	                    project or none —, d deletes it, u undoes, esc
//	                    leaves the journal), as on a client card (J: j
//	                    always moves; ui/components/journal has the form)
//	esc                 back from the detail; clears the filter in the list
//
// Files: projects.go the model and its face, update.go keys and messages,
// dialogs.go what each dialog asks and saves, checklist.go the checklist
// dialog, cmds.go the store reads and writes, pipeline.go and detail.go
// the drawing.
package projects

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

// WideMin is the width from which the pipeline shows one column per stage.
const WideMin = 140

// Model is the Projects pane.
type Model struct {
	env  common.Env
	lang i18n.Lang
	km   keys.KeyMap
	fst  form.Styles

	width, height int

	rows    []storage.ProjectRow // as loaded: stage order, then id
	showAll bool                 // f: closed and lost too
	ended   bool                 // no live project, but closed or lost ones (hidden until f)
	filter  string
	shown   []int       // indexes into rows after the filter
	cur     int         // index into shown
	list    common.List // the grouped list's lines (narrow); m.cur is the truth
	loads   common.Loads
	loaded  bool
	// pendingSelect moves the cursor to this project when it next appears.
	pendingSelect model.ID

	detail *detailView // nil: the pipeline shows
	host   dialog.Host
	dlg    about
}

// detailView is the open project detail.
type detailView struct {
	id model.ID
	// outside: opened from another pane (an attention item), so esc goes
	// back there once the detail closes.
	outside bool
	d       storage.ProjectDetail
	loaded  bool
	loads   common.Loads
	offset  int // first line drawn
	// journal: the journal has the cursor (J, journal.go); entry is the
	// entry selected, entryIdx its place in the journal read (where the
	// cursor stays when it goes), entryLine and entryLen its lines in the
	// body (entryLine -1: not drawn).
	journal   bool
	entry     model.ID
	entryIdx  int
	entryLine int
	entryLen  int
	// elsewhere: the latest read was asked for by a change made in
	// another process (the command line's undo or restore), so a project
	// gone is said to be gone; gone by an undo here, the undo's own words
	// stay.
	elsewhere bool
}

// New builds the Projects pane.
func New(env common.Env) common.Pane { return newModel(env) }

func newModel(env common.Env) *Model {
	if env.Lang == "" {
		env.Lang = i18n.EN
	}
	if len(env.Keys.Quit.Keys()) == 0 {
		env.Keys = keys.New(env.Lang)
	}
	m := &Model{env: env, lang: env.Lang, km: env.Keys, host: dialog.New(env.Lang)}
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

// Init loads the pipeline.
func (m *Model) Init() tea.Cmd { return m.reload() }

// SetSize sets the pane's size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.host.SetSize(m.width, m.height)
	m.keepVisible()
}

func (m *Model) wide() bool { return m.width >= WideMin }

// Capturing is true while a dialog is open: it gets every key.
func (m *Model) Capturing() bool { return m.host.IsOpen() }

// Busy is true while a save, or the pipeline or detail the keys act on, is
// on its way: keys typed meanwhile wait for it.
func (m *Model) Busy() bool {
	return m.host.Busy() || m.loads.Pending() || (m.detail != nil && m.detail.loads.Pending())
}

// Dirty is true while a dialog holds typed text not saved.
func (m *Model) Dirty() bool { return m.host.Dirty() }

func (m *Model) place() keys.Place {
	switch {
	case m.host.IsOpen():
		return m.host.Place()
	case m.detail != nil && m.detail.journal:
		return keys.PlaceJournal
	case m.detail != nil:
		return keys.PlaceProjectDetail
	}
	return keys.PlaceProjects
}

// ShortHelp lists the keys of the current place.
func (m *Model) ShortHelp() []key.Binding {
	h := m.fHelp(m.km.ShortHelp(m.place()))
	if m.place() == keys.PlaceProjectDetail {
		h = append(h, m.km.Lost)
	}
	return h
}

// FullHelp lists every key of the current place.
func (m *Model) FullHelp() [][]key.Binding {
	h := m.km.FullHelp(m.place())
	for i := range h {
		h[i] = m.fHelp(h[i])
	}
	if !m.host.IsOpen() && m.place() != keys.PlaceJournal {
		h = append(h, []key.Binding{m.km.Lost, m.km.Left, m.km.Right})
	}
	return h
}

// fHelp names what f does now: with the closed and lost projects shown,
// it hides them (the help said "show closed and lost" either way).
func (m *Model) fHelp(h []key.Binding) []key.Binding {
	if !m.showAll {
		return h
	}
	out := make([]key.Binding, len(h))
	for i, b := range h {
		if b.Help() == m.km.ShowClosed.Help() {
			b.SetHelp(b.Help().Key, m.lang.T("key.hide_closed"))
		}
		out[i] = b
	}
	return out
}

// View draws the pane in exactly its size.
func (m *Model) View() string {
	var body string
	switch {
	case m.detail != nil:
		body = m.detailView(m.width, m.height)
	case m.wide():
		body = m.columnsView(m.width, m.height)
	default:
		body = m.listView(m.width, m.height)
	}
	return m.host.View(common.Fit(body, m.width, m.height))
}

// ---- the pipeline's data

// applyFilter recomputes shown from rows and the filter, keeping the
// cursor on the project it was on.
func (m *Model) applyFilter(selID model.ID) {
	q := common.NewQuery(m.filter)
	m.shown = m.shown[:0]
	for i, r := range m.rows {
		if !q.Match(r.Name, r.Client, r.Owner) {
			continue
		}
		m.shown = append(m.shown, i)
	}
	m.cur = min(m.cur, max(len(m.shown)-1, 0))
	if selID != 0 {
		for i, ri := range m.shown {
			if m.rows[ri].ID == selID {
				m.cur = i
			}
		}
	}
	m.keepVisible()
}

// selected returns the project under the cursor.
func (m *Model) selected() (storage.ProjectRow, bool) {
	if m.cur < 0 || m.cur >= len(m.shown) {
		return storage.ProjectRow{}, false
	}
	return m.rows[m.shown[m.cur]], true
}

func (m *Model) selectedID() model.ID {
	r, ok := m.selected()
	if !ok {
		return 0
	}
	return r.ID
}

// stages are the stages the pipeline shows: the live ones, and closed and
// lost after f.
func (m *Model) stages() []model.Stage {
	var out []model.Stage
	for _, s := range model.Stages {
		if s.Live() || m.showAll {
			out = append(out, s)
		}
	}
	return out
}

// group returns the positions in shown of the projects in stage s, in
// order.
func (m *Model) group(s model.Stage) []int {
	var out []int
	for i, ri := range m.shown {
		if m.rows[ri].Stage == s {
			out = append(out, i)
		}
	}
	return out
}

// stageSum returns the number of shown projects in a stage and their value.
func (m *Model) stageSum(s model.Stage) (int, model.Money) {
	n, v := 0, model.Money(0)
	for _, ri := range m.shown {
		if r := m.rows[ri]; r.Stage == s {
			n++
			v = v.Plus(r.Value)
		}
	}
	return n, v
}

// daysIn is the number of days the project has been in its stage.
func (m *Model) daysIn(p model.Project) int {
	since := p.StageSince()
	if !since.Valid() {
		return 0
	}
	return max(m.env.Today().Sub(since), 0)
}
