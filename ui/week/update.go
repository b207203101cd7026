package week

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/components/tasks"
)

// Update handles store answers, the shell's messages, keys and the mouse.
func (m *Model) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.applyLoaded(msg)
	case reviewMsg:
		return m, m.applyReview(msg)
	case common.DataChangedMsg:
		if msg.Task != 0 { // an undo put this task back: the cursor goes to it
			m.pendingSelect = msg.Task
		}
		return m, tea.Batch(m.reload(), m.reloadReview())
	case common.ThemeChangedMsg:
		m.restyle()
		return m, nil
	}
	if ev, cmd := m.tc.Update(msg); ev.Handled {
		return m, m.after(ev, cmd)
	}
	if m.host.Is(dlgFilter) {
		return m, m.host.Filter(msg, m.setFilter)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.reviewOpen {
			return m, m.reviewKey(msg)
		}
		return m, m.weekKey(msg)
	case tea.MouseClickMsg:
		if !m.reviewOpen {
			m.click(msg.Mouse())
		}
	case tea.MouseWheelMsg:
		d := 3
		if msg.Mouse().Button == tea.MouseWheelUp {
			d = -3
		}
		if m.reviewOpen {
			m.scrollReview(d)
		} else {
			m.moveTask(d)
		}
	}
	return m, nil
}

// reload asks for the week shown; an older request's answer is dropped.
func (m *Model) reload() tea.Cmd {
	if m.env.Store == nil {
		return nil
	}
	return load(m.env.Store, m.loads.Next(), m.start, m.env.Today())
}

// reloadReview asks for the review when it is open.
func (m *Model) reloadReview() tea.Cmd {
	if !m.reviewOpen || m.env.Store == nil {
		return nil
	}
	return loadReview(m.env.Store, m.reviewLoads.Next(), m.start, m.env.Today())
}

func (m *Model) applyLoaded(msg loadedMsg) tea.Cmd {
	if !m.loads.Answer(msg.seq) {
		return nil
	}
	m.host.Fresh()
	m.failed = msg.err
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	var selID model.ID
	if t, ok := m.selected(); ok {
		selID = t.ID
	}
	if m.pendingSelect != 0 {
		selID, m.pendingSelect = m.pendingSelect, 0 // a task just added
	}
	first := !m.loaded
	m.all, m.set, m.phones, m.loaded = msg.week, msg.set, msg.phones, true
	// Back on the task that was selected (it may have moved to another
	// day); when it is gone (deleted), on the one that took its place.
	m.applyFilter(selID)
	if first {
		m.list.Offset = m.headingRow(m.day) // a new week opens with the day's heading on top
		m.keepVisible()
	}
	return nil
}

func (m *Model) applyReview(msg reviewMsg) tea.Cmd {
	if !m.reviewLoads.Answer(msg.seq) {
		return nil
	}
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	m.review, m.reviewLoaded, m.reviewLines = msg.r, true, nil
	return nil
}

// after does what the task component asks once it handled a message: go
// to the week of the day g named, or select the task just added.
func (m *Model) after(ev tasks.Event, cmd tea.Cmd) tea.Cmd {
	if ev.Select != 0 {
		m.pendingSelect = ev.Select
	}
	if d := ev.Goto; d.Valid() {
		return tea.Batch(cmd, m.setWeek(d, d.Sub(d.WeekStart())))
	}
	return cmd
}

// setWeek shows the week containing d, keeping the weekday selected.
func (m *Model) setWeek(d model.Date, day int) tea.Cmd {
	if !d.Valid() {
		return nil
	}
	start := d.WeekStart()
	if start != m.start {
		m.start, m.loaded = start, false
		m.week, m.all = model.WeekSummary{}, model.WeekSummary{}
		m.cols, m.list, m.reviewOff = [7]common.List{}, common.List{}, 0
		m.reviewLoaded, m.reviewLines = false, nil
	}
	m.day, m.task = min(max(day, 0), 6), 0
	return tea.Batch(m.reload(), m.reloadReview())
}

// clampTask keeps the task index in the selected day, -1 when it is empty;
// dir says where to look when the day has none (0: stay).
func (m *Model) clampTask(dir int) {
	m.day = min(max(m.day, 0), 6)
	n := m.dayLen(m.day)
	if n == 0 {
		m.task = -1
		return
	}
	m.task = min(max(m.task, 0), n-1)
	_ = dir
}

func (m *Model) dayLen(d int) int {
	if d < 0 || d >= len(m.week.Days) {
		return 0
	}
	return len(m.week.Days[d].Tasks)
}

// moveTask moves the cursor n tasks down (negative: up): within the day on
// the wide layout, on through the following days in the narrow one.
func (m *Model) moveTask(n int) {
	if m.wide {
		if m.dayLen(m.day) > 0 {
			m.task = min(max(m.task+n, 0), m.dayLen(m.day)-1)
		}
		m.keepVisible()
		return
	}
	for ; n > 0; n-- {
		switch {
		case m.task+1 < m.dayLen(m.day):
			m.task++
		default:
			next := m.day + 1
			for next < 7 && m.dayLen(next) == 0 {
				next++
			}
			if next < 7 {
				m.day, m.task = next, 0
			}
		}
	}
	for ; n < 0; n++ {
		switch {
		case m.task > 0:
			m.task--
		default:
			prev := m.day - 1
			for prev >= 0 && m.dayLen(prev) == 0 {
				prev--
			}
			if prev >= 0 {
				m.day, m.task = prev, m.dayLen(prev)-1
			} else {
				m.list.Offset = 0 // at the top: show Monday's heading
			}
		}
	}
	m.keepVisible()
}

// moveDay selects the day n days on, keeping the row when it can.
func (m *Model) moveDay(n int) {
	m.day = min(max(m.day+n, 0), 6)
	if m.task < 0 {
		m.task = 0
	}
	m.clampTask(n)
	m.keepVisible()
}

// weekKey handles a key on the week.
func (m *Model) weekKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case key.Matches(msg, km.Down):
		m.moveTask(1)
	case key.Matches(msg, km.Up):
		m.moveTask(-1)
	case key.Matches(msg, km.Left):
		m.moveDay(-1)
	case key.Matches(msg, km.Right):
		m.moveDay(1)
	case key.Matches(msg, km.Prev):
		return m.setWeek(m.start.AddDays(-7), m.day)
	case key.Matches(msg, km.Next):
		return m.setWeek(m.start.AddDays(7), m.day)
	case key.Matches(msg, km.Today):
		today := m.env.Today()
		return m.setWeek(today, today.Sub(today.WeekStart()))
	case key.Matches(msg, km.Review):
		m.reviewOpen, m.reviewOff = true, 0
		return m.reloadReview()
	case key.Matches(msg, km.OpenClient):
		return m.open(msg)
	case key.Matches(msg, km.Filter):
		m.openFilter()
	case key.Matches(msg, km.Back) && !m.query.Empty():
		m.setFilter("")
	case key.Matches(msg, km.Back):
		return common.Back
	default:
		t, ok := m.selected()
		ev, cmd := m.tc.Key(msg, tasks.At{Task: t, Selected: ok, Shown: m.selectedDate()})
		return m.after(ev, cmd)
	}
	return nil
}

// open answers enter: on a task with a client the task component opens
// the client's card, as on the Day (esc comes back to the Week); on a task
// without one, or a day without tasks, the Day opens on that day.
func (m *Model) open(msg tea.KeyPressMsg) tea.Cmd {
	t, ok := m.selected()
	if ok && t.ClientID != 0 {
		ev, cmd := m.tc.Key(msg, tasks.At{Task: t, Selected: true, Shown: m.selectedDate()})
		return m.after(ev, cmd)
	}
	d := m.selectedDate()
	return func() tea.Msg { return common.GotoDateMsg{Date: d, Task: t.ID} }
}

// reviewKey handles a key while the review is shown.
func (m *Model) reviewKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case key.Matches(msg, km.CloseReview):
		m.reviewOpen = false
	case key.Matches(msg, km.Down):
		m.scrollReview(1)
	case key.Matches(msg, km.Up):
		m.scrollReview(-1)
	case key.Matches(msg, km.PageDown):
		m.scrollReview(max(m.height-2, 1))
	case key.Matches(msg, km.PageUp):
		m.scrollReview(-max(m.height-2, 1))
	case key.Matches(msg, km.Prev):
		return m.setWeek(m.start.AddDays(-7), m.day)
	case key.Matches(msg, km.Next):
		return m.setWeek(m.start.AddDays(7), m.day)
	case key.Matches(msg, km.Today):
		today := m.env.Today()
		return m.setWeek(today, today.Sub(today.WeekStart()))
	}
	return nil
}

func (m *Model) scrollReview(n int) {
	m.ensureReviewLines()
	maxOff := max(len(m.reviewLines)-m.height, 0)
	m.reviewOff = min(max(m.reviewOff+n, 0), maxOff)
}

// click selects the task under the mouse.
func (m *Model) click(mo tea.Mouse) {
	if !m.loaded {
		return
	}
	if m.wide {
		d, row, ok := m.cellAt(mo.X, mo.Y)
		if !ok {
			return
		}
		m.day = d
		if i := m.cols[d].Offset + row; row >= 0 && i < m.dayLen(d) {
			m.task = i
		} else {
			m.clampTask(0)
		}
		return
	}
	rows := m.listRows()
	if i, ok := m.list.RowAt(mo.Y - 1); ok && i < len(rows) {
		r := rows[i]
		m.day = r.day
		m.task = r.task
		m.clampTask(0)
	}
}
