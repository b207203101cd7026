package week

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/components/tasks"
	"salesplan/ui/report"
)

// Widths are cells, measured with x/ansi; every user text goes through
// common.Cell (inert, cut, padded), so Chinese names line up.

// colHeadRows are a column's day name, its quota line and a rule.
const colHeadRows = 3

// bodyH is the height of the week's body: all but the title line, the
// selected task's line and the totals.
func (m *Model) bodyH() int { return max(m.height-1-detailRows-footerRows, 1) }

// colW is the width of one day column on the wide layout (six one-cell
// separators between seven columns).
func (m *Model) colW() int { return max((m.width-6)/7, 1) }

// colRows is how many task lines a column has.
func (m *Model) colRows() int { return max(m.bodyH()-colHeadRows, 1) }

// colVisible is how many tasks a column of n tasks shows: all of them, or
// one line fewer than it has for the "+N more" line.
func (m *Model) colVisible(n int) int {
	rows := m.colRows()
	if n <= rows {
		return n
	}
	return max(rows-1, 1)
}

// keepVisible scrolls so that the selected task is on screen.
func (m *Model) keepVisible() {
	if m.wide {
		c := &m.cols[m.day]
		n := m.dayLen(m.day)
		c.Show(n, m.colVisible(n), max(m.task, c.Cursor))
		return
	}
	rows := m.listRows()
	m.list.Lead = func(i int) bool { return rows[i].task < 0 } // keep the day's heading in view
	m.list.Show(len(rows), m.bodyH(), m.cursorRow(rows))
}

// listRow is one line of the narrow layout: a day's heading (task -1) or
// one of its tasks.
type listRow struct{ day, task int }

func (m *Model) listRows() []listRow {
	rows := make([]listRow, 0, 7+len(m.week.Days)*4)
	for d := range 7 {
		rows = append(rows, listRow{d, -1})
		for i := range m.dayLen(d) {
			rows = append(rows, listRow{d, i})
		}
	}
	return rows
}

// headingRow is the narrow list's row of day d's heading.
func (m *Model) headingRow(d int) int {
	n := 0
	for i := range min(d, 7) {
		n += 1 + m.dayLen(i)
	}
	return n
}

func (m *Model) cursorRow(rows []listRow) int {
	for i, r := range rows {
		if r.day == m.day && r.task == m.task {
			return i
		}
	}
	return 0
}

// cellAt maps a click to a day column and a task line (-1 in the head).
func (m *Model) cellAt(x, y int) (day, row int, ok bool) {
	if y < 1 || y > m.bodyH() || x < 0 {
		return 0, 0, false
	}
	d := min(x/(m.colW()+1), 6) // the last column takes the spare cells
	if x >= m.width {
		return 0, 0, false
	}
	return d, y - 1 - colHeadRows, true
}

// View draws the pane in exactly its size.
func (m *Model) View() string {
	var body string
	switch {
	case m.reviewOpen:
		body = m.reviewView()
	case !m.loaded && m.failed != nil:
		body = m.titleLine() + "\n" + common.LoadFailed(m.env, m.failed, m.width)
	default:
		lines := make([]string, 0, m.height)
		lines = append(lines, m.titleLine())
		if m.wide {
			lines = append(lines, m.columnsView()...)
		} else {
			lines = append(lines, m.listView()...)
		}
		lines = append(lines, m.detailLine())
		lines = append(lines, m.footer()...)
		body = strings.Join(lines, "\n")
	}
	return m.host.View(common.Fit(body, m.width, m.height))
}

// titleLine names the week and where it sits relative to this one.
func (m *Model) titleLine() string {
	st := m.env.Styles
	_, wn := m.start.Time(time.UTC).ISOWeek()
	end := m.start.AddDays(6)
	s := m.lang.T("week.title", wn, m.lang.DayMonth(m.start), m.lang.DayMonth(end), end.Year())
	s += " · " + m.relWeek()
	if !m.query.Empty() {
		s += " · " + m.lang.T("week.filtered", model.InertLine(m.query.String()))
	}
	if !m.loaded && m.failed == nil {
		s += " · " + m.lang.T("week.loading")
	}
	return st.Title.Render(common.PadRight(s, m.width))
}

// relWeek says the week shown relative to this one.
func (m *Model) relWeek() string {
	n := m.start.Sub(m.env.Today().WeekStart()) / 7
	switch {
	case n == 0:
		return m.lang.T("week.this")
	case n == -1:
		return m.lang.T("week.last")
	case n == 1:
		return m.lang.T("week.next")
	case n < 0:
		return m.lang.T("week.weeks_ago", -n)
	}
	return m.lang.T("week.weeks_ahead", n)
}

// dayQuota is a day's calls and visits against its quota, styled as met or
// not.
func (m *Model) dayQuota(i int) string {
	var dd model.DaySummary
	if i < len(m.week.Days) {
		dd = m.week.Days[i]
	}
	calls, visits := report.DayQuotas(m.set, m.start)
	if calls[i] == 0 && visits[i] == 0 {
		return m.lang.T("week.day_counts", dd.Calls, dd.Visits)
	}
	return m.lang.T("week.day_quota", dd.Calls, calls[i], dd.Visits, visits[i])
}

func (m *Model) quotaMet(i int) bool {
	if i >= len(m.week.Days) {
		return false
	}
	calls, visits := report.DayQuotas(m.set, m.start)
	dd := m.week.Days[i]
	return (calls[i] > 0 || visits[i] > 0) && dd.Calls >= calls[i] && dd.Visits >= visits[i]
}

// dayName is "Mon 23" (+ "today"), long "Mon 23 Nov", padded to w cells
// (0: as long as it is), styled: working days stand out, the others are
// muted.
func (m *Model) dayName(i, w int, long bool) string {
	st := m.env.Styles
	d := m.start.AddDays(i)
	s := m.lang.Weekday(d.Weekday()) + " " + strconv.Itoa(d.Day())
	if long {
		s = m.lang.ShortDate(d)
	}
	if d == m.env.Today() {
		s += " " + m.lang.T("rel.today")
	}
	if w > 0 {
		s = common.PadRight(s, w)
	}
	switch {
	case d == m.env.Today():
		return st.TabActive.UnsetPadding().Render(s)
	case m.set.IsWorkday(d):
		return st.Title.Render(s)
	}
	return st.Muted.Render(s)
}

// columnsView draws the seven columns: bodyH lines of exactly m.width cells.
func (m *Model) columnsView() []string {
	st := m.env.Styles
	h := m.bodyH()
	cols := make([][]string, 7)
	for i := range 7 {
		cw := m.colW()
		if i == 6 {
			cw = max(m.width-6-6*cw, 1) // the spare cells, so the right edge lines up
		}
		col := make([]string, 0, h)
		col = append(col, m.dayName(i, cw, false))
		q := common.PadRight(m.dayQuota(i), cw)
		if m.quotaMet(i) {
			q = st.Success.Render(q)
		} else {
			q = st.Muted.Render(q)
		}
		col = append(col, q, st.Rule.Render(strings.Repeat("─", cw)))
		n := m.dayLen(i)
		vis := m.colVisible(n)
		off := min(m.cols[i].Offset, max(n-vis, 0))
		for j := off; j < min(off+vis, n); j++ {
			col = append(col, m.cellTask(m.week.Days[i].Tasks[j], cw, i == m.day && j == m.task))
		}
		if hidden := n - vis; hidden > 0 {
			col = append(col, st.Muted.Render(common.PadRight(m.lang.T("week.more", hidden), cw)))
		}
		if n == 0 && i == m.day {
			col = append(col, st.Selected.Render(common.PadRight("›", cw)))
		}
		cols[i] = col
	}
	sep := st.Rule.Render("│")
	out := make([]string, h)
	for y := range h {
		var b strings.Builder
		for i := range 7 {
			if i > 0 {
				b.WriteString(sep)
			}
			if y < len(cols[i]) {
				b.WriteString(cols[i][y])
			} else {
				b.WriteString(strings.Repeat(" ", ansi.StringWidth(cols[i][0])))
			}
		}
		out[y] = b.String()
	}
	return out
}

// mark is the one-cell state of a task: done, important or nothing.
func mark(t model.AgendaTask) string {
	switch {
	case t.Done:
		return "✓"
	case t.Important:
		return "!"
	}
	return " "
}

// cellTask is one task in a column: cursor or state, time, kind, and the
// client (the title when there is none).
func (m *Model) cellTask(t model.AgendaTask, w int, selected bool) string {
	st := m.env.Styles
	lead := mark(t)
	if selected {
		lead = "›"
	}
	when := "     "
	if t.Time.Valid() {
		when = t.Time.String()
	}
	name := t.ClientName
	if name == "" {
		name = t.Title
	}
	line := lead + when + " " + common.PadRight(m.kindShort[t.Kind], 2) + " "
	line = common.PadRight(line+model.InertLine(name), w)
	switch {
	case selected:
		return st.Selected.Render(line)
	case t.Done:
		return st.Done.Render(line)
	case t.Important:
		return st.Important.Render(lead) + ansi.Cut(line, 1, w)
	}
	return line
}

// listView draws the narrow layout: one list per day.
func (m *Model) listView() []string {
	st := m.env.Styles
	rows := m.listRows()
	h := m.bodyH()
	out := make([]string, 0, h)
	titleW, clientW := m.listCols()
	for i := m.list.Offset; i < min(m.list.Offset+h, len(rows)); i++ {
		r := rows[i]
		if r.task < 0 {
			name := m.dayName(r.day, 0, true)
			q := m.dayQuota(r.day)
			qs := st.Muted.Render(q)
			if m.quotaMet(r.day) {
				qs = st.Success.Render(q)
			}
			lead := " "
			if r.day == m.day && m.task < 0 {
				lead = "›"
			}
			out = append(out, common.PadRight(lead+name+"  "+qs, m.width))
			continue
		}
		t := m.week.Days[r.day].Tasks[r.task]
		sel := r.day == m.day && r.task == m.task
		cur := " "
		if sel {
			cur = "›"
		}
		when := "     "
		if t.Time.Valid() {
			when = t.Time.String()
		}
		titleW := titleW
		// A call shows its client's phone where the width allows, as on
		// the Day: at the title's end, never cut.
		phone := ""
		if m.rowPhone(t, titleW) {
			p := m.phones[t.ClientID]
			titleW -= common.Width(p) + 1
			phone = " " + p
		}
		line := cur + mark(t) + " " + when + " " + common.PadRight(m.tc.KindWord(t.Kind), m.kindW) + " " +
			common.Cell(t.Title, titleW) + phone + " " + common.Cell(t.ClientName, clientW)
		line = common.PadRight(line, m.width)
		switch {
		case sel:
			line = st.Selected.Render(line)
		case t.Done:
			line = st.Done.Render(line)
		}
		out = append(out, line)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// listCols are the narrow layout's title and client widths.
func (m *Model) listCols() (titleW, clientW int) {
	clientW = 12
	if m.width < 70 {
		clientW = 8
	}
	return max(m.width-(2+1+5+1+m.kindW+1+1+clientW), 4), clientW
}

// rowPhone reports whether a task's row in the narrow list shows its
// client's phone beside a title titleW cells wide.
func (m *Model) rowPhone(t model.AgendaTask, titleW int) bool {
	p := m.phones[t.ClientID]
	return tasks.IsCall(t) && tasks.PhoneRoom(titleW, model.InertLine(t.Title), p)
}

// detailLine shows the selected task in full: the columns only have room
// for its client. In the narrow list a call's row shows the phone
// already: the line then gives the title the room instead.
func (m *Model) detailLine() string {
	st := m.env.Styles
	t, ok := m.selected()
	if !ok {
		return ""
	}
	parts := []string{m.lang.ShortDate(t.Date)}
	if t.Time.Valid() {
		parts = append(parts, t.Time.String())
	}
	parts = append(parts, m.tc.KindWord(t.Kind), model.InertLine(t.Title))
	kind, title, client := len(parts)-2, len(parts)-1, -1
	if t.ClientName != "" {
		client = len(parts)
		parts = append(parts, "@"+model.InertLine(t.ClientName))
	}
	// A call's phone, after its client: the columns have no room for it.
	// The project after it is cut first; if the line is still too long,
	// the title gives way, then the client's name, then the kind of task
	// (the phone says it is a call): never the phone.
	titleW, _ := m.listCols()
	if p := m.phones[t.ClientID]; tasks.IsCall(t) && p != "" && (m.wide || !m.rowPhone(t, titleW)) {
		parts = append(parts, p)
		cut := func(i, keep int) {
			over := common.Width(mark(t)+" "+strings.Join(parts, " · ")) - m.width
			if i >= 0 && over > 0 {
				parts[i] = common.Truncate(parts[i], max(common.Width(parts[i])-over, keep))
			}
		}
		cut(title, 4)
		cut(client, 5) // "@" and three cells
		if common.Width(mark(t)+" "+strings.Join(parts, " · ")) > m.width {
			parts = append(parts[:kind], parts[kind+1:]...)
			title, client = title-1, client-1
		}
		cut(title, 1)
		cut(client, 2)
	}
	s := mark(t) + " " + strings.Join(parts, " · ")
	if t.ProjectName != "" {
		// The project is cut on its own, so the end of the line (a phone)
		// is not; without room for "#" and two cells it goes.
		if room := m.width - common.Width(s+" · "); room >= 3 {
			s += " · " + common.Truncate("#"+model.InertLine(t.ProjectName), room)
		}
	}
	return st.Muted.Render(common.PadRight(s, m.width))
}

// footer is the week's totals against its targets (`week --json`).
func (m *Model) footer() []string {
	st := m.env.Styles
	w := m.week
	cur := m.currency()
	met := func(ok bool, s string) string {
		if ok {
			return st.Success.Render(s)
		}
		return s
	}
	sep := st.Muted.Render(" · ")
	visitsMet := w.Visits.Target > 0 && w.Visits.Done >= w.Visits.Target
	line1 := func(visits string) string {
		return st.Muted.Render(m.lang.T("review.calls")+" ") + met(w.Calls.Target > 0 && w.Calls.Done >= w.Calls.Target, report.Count(m.lang, w.Calls)) +
			sep + st.Muted.Render(m.lang.T("report.visits_short")+" ") + met(visitsMet, visits) +
			sep + st.Muted.Render(m.lang.T("review.signed")+" ") + met(w.Signed.Target > 0 && w.Signed.Value >= w.Signed.Target, report.SignedCount(m.lang, w.Signed, cur))
	}
	l1 := line1(report.VisitCount(m.lang, w.Visits))
	if ansi.StringWidth(l1) > m.width {
		// Narrow: the clients visited stay, the visits beside them go.
		l1 = line1(report.Count(m.lang, model.Quota{Done: w.Visits.Done, Target: w.Visits.Target}))
	}
	p := w.Promises
	l2 := m.lang.T("week.promises", p.Made, p.Kept, p.KeptOnTime)
	if p.Overdue > 0 {
		l2 = st.Muted.Render(l2) + sep + st.Overdue.Render(m.lang.T("week.overdue", p.Overdue))
	} else {
		l2 = st.Muted.Render(l2) + sep + st.Muted.Render(m.lang.T("week.overdue", p.Overdue))
	}
	l2 += sep + st.Muted.Render(m.lang.T("week.moves", len(w.StageMoves)))
	return []string{common.PadRight(l1, m.width), common.PadRight(l2, m.width)}
}

// currency is the symbol of the settings just read (so a change made in
// the settings shows at once), else the one the planner started with.
func (m *Model) currency() string {
	if m.loaded {
		return model.InertLine(m.set.Currency)
	}
	return m.env.CurrencySymbol()
}

// reviewView draws the review's visible lines.
func (m *Model) reviewView() string {
	st := m.env.Styles
	if !m.reviewLoaded {
		return st.Muted.Render(m.lang.T("review.loading"))
	}
	m.ensureReviewLines()
	m.scrollReview(0)
	lines := m.reviewLines
	end := min(m.reviewOff+m.height, len(lines))
	if end == len(lines) || m.height < 2 {
		return strings.Join(lines[m.reviewOff:end], "\n")
	}
	end-- // the last line says how many are below; scrolled to the end, none
	below := st.Muted.Render(common.LinesBelow(m.lang, len(lines)-end))
	return strings.Join(append(lines[m.reviewOff:end:end], below), "\n")
}

// ensureReviewLines lays the review out for the current width.
func (m *Model) ensureReviewLines() {
	if m.reviewLoaded && (m.reviewLines == nil || m.reviewW != m.width) {
		m.reviewLines = report.Lines(m.review, m.lang, m.currency(), m.env.Styles, m.width)
		m.reviewW = m.width
	}
}
