package projects

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/form"
)

// Update handles store answers, the shell's messages, keys and the mouse.
func (m *Model) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.applyLoaded(msg)
	case detailMsg:
		return m, m.applyDetail(msg)
	case dialog.SavedMsg:
		return m, m.applySaved(msg)
	case namesMsg:
		if f, ok := m.host.Dialog().(*form.Form); ok && (m.host.Is(dlgAdd) || m.host.Is(dlgEdit)) {
			f.SetSuggestions("client", msg.names)
		}
		return m, nil
	case common.DataChangedMsg:
		if m.detail != nil {
			// Rev is set only when the shell noticed a change made in
			// another process.
			m.detail.elsewhere = msg.Rev != 0
		}
		return m, tea.Batch(m.reload(), m.reloadDetail())
	case common.OpenProjectMsg:
		m.closeDialog()
		cmd := m.openDetail(msg.ID)
		if m.detail != nil {
			m.detail.outside = true
		}
		return m, cmd
	case common.ThemeChangedMsg:
		m.restyle()
		return m, nil
	}
	if m.host.IsOpen() {
		return m, m.updateDialog(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.detail != nil {
			return m, m.detailKey(msg)
		}
		return m, m.listKey(msg)
	case tea.MouseClickMsg:
		if m.detail == nil && msg.Button == tea.MouseLeft {
			if i, ok := m.hit(msg.X, msg.Y); ok {
				m.cur = i
				m.keepVisible()
			}
		}
	case tea.MouseWheelMsg:
		step := 1
		if msg.Button == tea.MouseWheelUp {
			step = -1
		}
		if m.detail != nil {
			m.scrollDetail(step * 3)
		} else {
			m.moveVertical(step)
		}
	}
	return m, nil
}

func (m *Model) reload() tea.Cmd {
	return loadRows(m.env.Store, m.loads.Next(), m.env.Today(), m.showAll)
}

func (m *Model) reloadDetail() tea.Cmd {
	if m.detail == nil {
		return nil
	}
	return loadDetail(m.env.Store, m.detail.loads.Next(), m.detail.id, m.env.Today())
}

func (m *Model) openDetail(id model.ID) tea.Cmd {
	if id == 0 {
		return nil
	}
	m.detail = &detailView{id: id}
	m.pendingSelect = id // back in the pipeline, the cursor is on it
	return m.reloadDetail()
}

func (m *Model) applyLoaded(msg loadedMsg) tea.Cmd {
	if !m.loads.Answer(msg.seq) {
		return nil // a newer request is on its way
	}
	m.host.Fresh()
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	sel := m.selectedID()
	if m.pendingSelect != 0 {
		// Once only: a project that left the list (lost, filtered out)
		// must not grab the cursor when it comes back later.
		sel, m.pendingSelect = m.pendingSelect, 0
	}
	m.rows, m.ended, m.loaded = msg.rows, msg.ended, true
	m.applyFilter(sel)
	return nil
}

func (m *Model) applyDetail(msg detailMsg) tea.Cmd {
	if m.detail == nil || msg.id != m.detail.id || !m.detail.loads.Answer(msg.seq) {
		return nil
	}
	if msg.err != nil {
		gone := m.detail
		m.detail = nil
		if errors.Is(msg.err, storage.ErrNotFound) && m.loaded {
			// Gone while open: back to the pipeline. Gone elsewhere (the
			// command line's undo, an older backup restored), the footer
			// says so, by name; undone here, the undo's own words stay.
			if gone.elsewhere && gone.loaded {
				return common.Status(m.lang.T("projects.status.gone", model.InertLine(gone.d.Row.Name)))
			}
			return nil
		}
		return common.StatusErr(m.env, msg.err)
	}
	m.detail.d, m.detail.loaded = msg.detail, true
	m.reselect()
	m.scrollDetail(0)
	return nil
}

// applySaved shows what a write did and has every pane reload; a failure
// keeps the dialog open with what was typed (beside the field at fault
// when there is one).
func (m *Model) applySaved(msg dialog.SavedMsg) tea.Cmd {
	if a, ok := msg.Tag.(newClientAsk); ok && m.host.Is(dlgAdd) {
		m.askNewClient(a)
		return nil
	}
	if msg.Err != nil && m.host.Is(dlgNewClient) && m.dlg.form != nil {
		// Refused (a project name taken): back to the form, the reason
		// beside its field.
		m.host.Open(m.dlg.form, dlgAdd)
		m.dlg.form = nil
	}
	if fresh, ok := msg.Fresh.(storage.ProjectRow); ok && m.host.Is(dlgEdit) {
		// Changed elsewhere: the form keeps what was typed and shows the
		// project as stored now in the fields not typed in; saving again
		// applies the fields typed over it.
		m.host.Rebase(m.projectForm(fresh, false))
		m.dlg.project.Project, m.dlg.project.Client = fresh.Project, fresh.Client
	}
	if fresh, ok := msg.Fresh.(model.JournalEntry); ok && m.host.Is(dlgEditEntry) && m.detail != nil {
		// The entry changed elsewhere: the same, for the entry form.
		m.host.Rebase(m.entryForm(fresh))
		m.dlg.editing = fresh
	}
	cmd := m.host.Landed(msg)
	if msg.Err != nil {
		return cmd
	}
	m.dlg = about{}
	if msg.ID != 0 && m.detail == nil {
		m.pendingSelect = msg.ID
	}
	return cmd
}

// listKey handles a key in the pipeline.
func (m *Model) listKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case key.Matches(msg, km.Down):
		m.moveVertical(1)
	case key.Matches(msg, km.Up):
		m.moveVertical(-1)
	case key.Matches(msg, km.PageDown):
		m.moveVertical(max(m.height/2, 1))
	case key.Matches(msg, km.PageUp):
		m.moveVertical(-max(m.height/2, 1))
	case key.Matches(msg, km.Left, km.Prev):
		m.moveColumn(-1)
	case key.Matches(msg, km.Right, km.Next):
		m.moveColumn(1)
	case key.Matches(msg, km.Filter):
		m.openFilter()
	case key.Matches(msg, km.Back) && m.filter != "":
		m.setFilter("")
	case key.Matches(msg, km.Back):
		return common.Back
	case key.Matches(msg, km.ShowClosed):
		m.showAll = !m.showAll
		status := m.lang.T("projects.status.live_only")
		if m.showAll {
			status = m.lang.T("projects.status.show_all")
		}
		return tea.Batch(common.Status(status), m.reload())
	case key.Matches(msg, km.NewProject):
		return m.openProjectForm(storage.ProjectRow{}, true)
	default:
		p, ok := m.selected()
		if !key.Matches(msg, km.Open, km.Edit, km.NextStage, km.PrevStage, km.LogCall, km.LogVisit, km.Note, km.Lost) {
			return nil
		}
		if !ok {
			return common.Status(m.lang.T("projects.no_project"))
		}
		if key.Matches(msg, km.Open) {
			return m.openDetail(p.ID)
		}
		return m.projectAction(msg, p)
	}
	return nil
}

// projectAction handles the keys that act on one project, in the pipeline
// and in the detail alike.
func (m *Model) projectAction(msg tea.KeyPressMsg, p storage.ProjectRow) tea.Cmd {
	km := m.km
	switch {
	case key.Matches(msg, km.Edit):
		return m.openProjectForm(p, false)
	case key.Matches(msg, km.NextStage):
		return m.startMove(p, 1)
	case key.Matches(msg, km.PrevStage):
		return m.startMove(p, -1)
	case key.Matches(msg, km.Lost):
		return m.startLost(p)
	case key.Matches(msg, km.LogCall):
		m.openLog(p, model.EntryCall)
	case key.Matches(msg, km.LogVisit):
		m.openLog(p, model.EntryVisit)
	case key.Matches(msg, km.Note):
		m.openLog(p, model.EntryNote)
	}
	return nil
}

// detailKey handles a key in the project detail.
func (m *Model) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	if m.detail.journal && m.detail.loaded {
		return m.journalKey(msg)
	}
	switch {
	case key.Matches(msg, km.Back):
		outside := m.detail.outside
		m.detail = nil
		m.applyFilter(m.pendingSelectOr())
		if outside {
			return common.Back
		}
		return nil
	case key.Matches(msg, km.Down):
		m.scrollDetail(1)
	case key.Matches(msg, km.Up):
		m.scrollDetail(-1)
	case key.Matches(msg, km.PageDown):
		m.scrollDetail(max(m.height-3, 1))
	case key.Matches(msg, km.PageUp):
		m.scrollDetail(-max(m.height-3, 1))
	case !m.detail.loaded:
		return nil
	case key.Matches(msg, km.Journal):
		return m.focusJournal()
	default:
		return m.projectAction(msg, m.detail.d.Row)
	}
	return nil
}

// pendingSelectOr is the project to select on leaving the detail: the one
// shown there.
func (m *Model) pendingSelectOr() model.ID {
	if m.pendingSelect != 0 {
		id := m.pendingSelect
		m.pendingSelect = 0
		return id
	}
	return m.selectedID()
}

// ---- moving in the pipeline

// position returns the stage column and the row in it of shown[i].
func (m *Model) position(i int) (col, row int) {
	stages := m.stages()
	for c, s := range stages {
		g := m.group(s)
		for r, gi := range g {
			if gi == i {
				return c, r
			}
		}
	}
	return 0, 0
}

// moveVertical moves the cursor: in columns within the column, in the list
// through every project.
func (m *Model) moveVertical(n int) {
	if len(m.shown) == 0 {
		return
	}
	if !m.wide() {
		m.cur = min(max(m.cur+n, 0), len(m.shown)-1)
		m.keepVisible()
		return
	}
	c, r := m.position(m.cur)
	g := m.group(m.stages()[c])
	if len(g) == 0 {
		return
	}
	m.cur = g[min(max(r+n, 0), len(g)-1)]
}

// moveColumn moves to the nearest non-empty stage column on the left or
// right (in the list: to the next stage's first project).
func (m *Model) moveColumn(dir int) {
	if len(m.shown) == 0 {
		return
	}
	stages := m.stages()
	c, r := m.position(m.cur)
	for c += dir; c >= 0 && c < len(stages); c += dir {
		if g := m.group(stages[c]); len(g) > 0 {
			if !m.wide() {
				r = 0
			}
			m.cur = g[min(r, len(g)-1)]
			m.keepVisible()
			return
		}
	}
}

func (m *Model) scrollDetail(n int) {
	if m.detail == nil {
		return
	}
	lines := len(m.detailLines(m.width))
	m.detail.offset = min(max(m.detail.offset+n, 0), max(lines-(m.height-1), 0))
}
