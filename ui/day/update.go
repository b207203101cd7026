package day

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/components/tasks"
)

// Update handles store answers, the shell's messages, keys and the mouse.
func (m *Model) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	m.followClock()
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.applyLoaded(msg)
	case recordMsg:
		return m, m.applyRecord(msg)
	case minuteMsg:
		return m, m.tickClock() // followClock above has moved the marker
	case common.DataChangedMsg:
		if msg.Task != 0 { // an undo put this task back: the cursor goes to it
			m.pendingSelect = msg.Task
		}
		return m, tea.Batch(m.reload(true), m.reloadRecord())
	case common.GotoDateMsg:
		if msg.Task != 0 { // a search hit: select it, even among "N more" carried over or in the inbox
			m.pendingSelect, m.focus, m.all = msg.Task, focusTasks, expand{carried: true, inbox: true}
		}
		return m, m.setDate(msg.Date)
	case common.ThemeChangedMsg:
		m.tc.Restyle()
		m.record.Restyle()
		return m, nil
	}
	if ev, cmd := m.tc.Update(msg); ev.Handled {
		return m, m.after(ev, cmd)
	}
	if m.host.Is(dlgFilter) {
		return m, m.host.Filter(msg, m.setFilter) // the Day's own dialogs: the filter,
	}
	if m.host.IsOpen() {
		_, cmd := m.host.Handle(msg, m.submit) // and the day to move the carried-over tasks to
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.record.IsOpen() {
			return m, m.recordKey(msg)
		}
		if m.focus == focusAttention {
			return m, m.attentionKey(msg)
		}
		return m, m.taskKey(msg)
	case tea.MouseClickMsg:
		if !m.record.IsOpen() {
			m.click(msg.Mouse())
		}
	case tea.MouseWheelMsg:
		if m.record.IsOpen() {
			m.record.Wheel(msg.Mouse())
		} else {
			m.wheel(msg.Mouse())
		}
	}
	return m, nil
}

// reload asks for the day's tasks (and the attention list when withAtt);
// the answer of any earlier request is dropped when it arrives.
func (m *Model) reload(withAtt bool) tea.Cmd {
	if m.env.Store == nil {
		return nil
	}
	return load(m.env.Store, m.env.Agendas, m.loads.Next(), m.date, m.env.Today(), withAtt || !m.loaded)
}

func (m *Model) applyLoaded(msg loadedMsg) tea.Cmd {
	if !m.loads.Answer(msg.seq) {
		return nil // a newer request is on its way
	}
	m.host.Fresh()
	m.failed = msg.err
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	m.loaded = true
	selID := m.selectedID()
	if m.pendingSelect != 0 {
		selID, m.pendingSelect = m.pendingSelect, 0
	}
	m.tasks, m.phones = msg.tasks, msg.phones
	m.cols = layoutColumns(m.listW, m.cols.kind, m.phoneW()) // room for the phones
	if m.date != m.env.Today() {
		m.all = expand{}
	}
	if msg.withAtt {
		var attID attKey
		if m.att.Cursor < len(m.attention) {
			attID = keyOf(m.attention[m.att.Cursor])
		}
		m.attention, m.regularDue = msg.attention, msg.regularDue
		// Back on the item that was selected; when it left the list (the
		// call it asked for was recorded), on the one that took its place.
		at := max(min(m.att.Cursor, len(m.attention)-1), 0)
		for i, a := range m.attention {
			if keyOf(a) == attID {
				at = i
			}
		}
		m.att.Show(len(m.attention), len(m.attention), at)
		if len(m.attention) == 0 && m.focus == focusAttention {
			m.focus = focusTasks
		}
		m.SetSize(m.width, m.height) // the narrow layout sizes the list by its items
	}
	m.rebuild(selID)
	return nil
}

// attKey identifies an attention item across reloads.
type attKey struct {
	t                     model.AttentionType
	client, project, prom model.ID
}

func keyOf(a model.AttentionItem) attKey {
	return attKey{a.Type, a.ClientID, a.ProjectID, a.PromiseID}
}

// rebuild lays the rows out again and puts the cursor back on the task it
// was on (or the nearest task row).
func (m *Model) rebuild(selID model.ID) {
	at := m.list.Cursor
	m.nowAt = m.nowClock()
	m.rows = buildRows(m.tasks, m.lang, m.nowAt, m.filter, m.all)
	if selID != 0 {
		for i, r := range m.rows {
			if r.kind == rowTask && m.tasks[r.task].ID == selID {
				at = i
				break
			}
		}
	}
	m.list.Show(len(m.rows), m.list.Height, at)
}

// nowClock is the current time of day when the day shown is today.
func (m *Model) nowClock() model.Clock {
	if m.date != m.env.Today() {
		return model.NoClock
	}
	return model.ClockOf(m.env.Now())
}

// followClock moves the now marker when the minute has changed.
func (m *Model) followClock() {
	if m.loaded && m.nowClock() != m.nowAt {
		m.rebuild(m.selectedID())
	}
}

// selected returns the task under the cursor.
func (m *Model) selected() (model.AgendaTask, bool) {
	if !m.list.Selectable(m.list.Cursor) || m.rows[m.list.Cursor].kind != rowTask {
		return model.AgendaTask{}, false
	}
	return m.tasks[m.rows[m.list.Cursor].task], true
}

// ContextClient is the client n jots a note for when the pane lets it
// pass (common.ClientContexter): the selected attention item's client
// while the attention list has the focus, else the selected task's.
func (m *Model) ContextClient() model.ID {
	if m.focus == focusAttention {
		if m.att.Cursor < len(m.attention) {
			return m.attention[m.att.Cursor].ClientID
		}
		return 0
	}
	t, _ := m.selected()
	return t.ClientID
}

func (m *Model) selectedID() model.ID {
	t, ok := m.selected()
	if !ok {
		return 0
	}
	return t.ID
}

// keepAttVisible scrolls the attention list so the selected item shows
// whole: items take two lines or more (a promise shows what was promised),
// so the list scrolls by items, not by lines.
func (m *Model) keepAttVisible() {
	m.att.SetHeight(len(m.attention)) // the List keeps the cursor; attTop scrolls
	room := m.attRoom()
	c := m.att.Cursor
	if c < m.attTop {
		m.attTop = c
	}
	for m.attTop < c && m.attLinesFrom(m.attTop, c+1) > room {
		m.attTop++
	}
	m.attTop = max(min(m.attTop, len(m.attention)-1), 0)
}

// setDate shows another day.
func (m *Model) setDate(d model.Date) tea.Cmd {
	if !d.Valid() {
		return nil
	}
	if d != m.date {
		m.date = d
		m.list.Top()
		m.record.Reset()
	}
	return tea.Batch(m.reload(false), m.reloadRecord())
}

// taskKey handles a key with the task list focused.
func (m *Model) taskKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case key.Matches(msg, km.Down):
		m.list.Move(1)
	case key.Matches(msg, km.Up):
		m.list.Move(-1)
	case key.Matches(msg, km.PageDown):
		m.list.Move(max(m.listH-2, 1))
	case key.Matches(msg, km.PageUp):
		m.list.Move(-max(m.listH-2, 1))
	case key.Matches(msg, km.Prev):
		return m.setDate(m.date.AddDays(-1))
	case key.Matches(msg, km.Next):
		return m.setDate(m.date.AddDays(1))
	case key.Matches(msg, km.Today):
		return m.setDate(m.env.Today())
	case key.Matches(msg, km.Filter):
		m.openFilter()
	case key.Matches(msg, km.Back) && m.filter != "":
		m.setFilter("")
	case key.Matches(msg, km.Back):
		return common.Back // nothing of the Day's to close: back where the user came from
	case key.Matches(msg, km.ToAttention):
		if len(m.attention) > 0 {
			m.focus = focusAttention
			m.keepAttVisible()
		}
	case key.Matches(msg, km.OpenClient):
		return m.openRow(msg)
	case key.Matches(msg, km.MoveAll):
		return m.openMoveAll()
	case key.Matches(msg, km.DayRecord):
		return m.openRecord()
	default:
		t, ok := m.selected()
		ev, cmd := m.tc.Key(msg, tasks.At{Task: t, Selected: ok, Shown: m.date})
		return m.after(ev, cmd)
	}
	return nil
}

// after does what the task component asks once it handled a message: go
// to the day g named, or select the task just added once it shows.
func (m *Model) after(ev tasks.Event, cmd tea.Cmd) tea.Cmd {
	if ev.Select != 0 {
		m.pendingSelect = ev.Select
	}
	if ev.Goto.Valid() {
		return tea.Batch(cmd, m.setDate(ev.Goto))
	}
	return cmd
}

// attentionKey handles a key with the attention list focused.
func (m *Model) attentionKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case key.Matches(msg, km.Down):
		m.att.Move(1)
		m.keepAttVisible()
	case key.Matches(msg, km.Up):
		m.att.Move(-1)
		m.keepAttVisible()
	case key.Matches(msg, km.ToTasks, km.Back):
		m.focus = focusTasks
	case key.Matches(msg, km.Prev):
		return m.setDate(m.date.AddDays(-1))
	case key.Matches(msg, km.Next):
		return m.setDate(m.date.AddDays(1))
	case key.Matches(msg, km.GoTo, km.Add): // a adds to the day shown, as from the tasks
		ev, cmd := m.tc.Key(msg, tasks.At{Shown: m.date})
		return m.after(ev, cmd)
	case m.att.Cursor >= len(m.attention):
		return nil
	case key.Matches(msg, km.Open):
		a := m.attention[m.att.Cursor]
		switch {
		case a.Type == model.AttProjectFollowUp || a.Type == model.AttBidPrep || a.Type == model.AttBidResult:
			return func() tea.Msg { return common.OpenProjectMsg{ID: a.ProjectID} }
		default:
			return func() tea.Msg { return common.OpenClientMsg{ID: a.ClientID} }
		}
	case key.Matches(msg, km.Brief):
		// The client's profile in a popup, without leaving the Day.
		if a := m.attention[m.att.Cursor]; a.ClientID != 0 {
			return m.tc.Brief(a.ClientID)
		}
	case key.Matches(msg, km.KeptAtt):
		return m.keepPromise(m.attention[m.att.Cursor])
	case key.Matches(msg, km.LogCall, km.LogVisit, km.LogMeeting, km.Promise):
		// Record the call a follow-up asked for, or a promise, with the
		// item's client (and its project) without leaving the list.
		a := m.attention[m.att.Cursor]
		ev, cmd := m.tc.ForClient(msg, a.ClientID, a.ProjectID, a.Client)
		return m.after(ev, cmd)
	case key.Matches(msg, km.MakeTask):
		t := m.taskFor(m.attention[m.att.Cursor])
		m.pendingSelect = 0
		// Today's list is loaded (carried over and inbox too): an item
		// already made a task is selected there, not added twice.
		if m.date == m.env.Today() {
			if o, ok := model.PlannedAlready(m.tasks, t); ok {
				m.all = expand{carried: true, inbox: true}
				m.rebuild(o.ID)
				return common.Status(m.lang.T("day.status.planned_already", model.InertLine(o.Title)))
			}
		}
		if m.date != m.env.Today() {
			m.date = m.env.Today()
		}
		return m.tc.Add(t)
	}
	return nil
}

// click selects the task row or attention item under the mouse.
func (m *Model) click(mo tea.Mouse) {
	x, y := mo.X, mo.Y
	if m.inAttention(x, y) {
		ay := y
		if !m.wide {
			ay = y - m.listH - 1
		}
		if i, ok := m.attAt(ay - 1); ay >= 1 && ok {
			m.focus = focusAttention
			m.att.Select(i)
			m.keepAttVisible()
		}
		return
	}
	if i, ok := m.list.RowAt(y - 1); ok && m.list.Selectable(i) {
		m.focus = focusTasks
		m.list.Select(i)
	}
}

// wheel scrolls the list under the mouse by moving its cursor.
func (m *Model) wheel(mo tea.Mouse) {
	step := 3
	if mo.Button == tea.MouseWheelUp {
		step = -3
	}
	if m.inAttention(mo.X, mo.Y) {
		m.att.Move(step / 3)
		m.keepAttVisible()
		return
	}
	m.list.Move(step)
}

// inAttention reports whether pane cell (x, y) is in the attention list.
func (m *Model) inAttention(x, y int) bool {
	if m.attH == 0 {
		return false
	}
	if m.wide {
		return x > m.listW
	}
	return y > m.listH
}
