package day

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/ui/common"
	"salesplan/ui/components/tasks"
	"salesplan/ui/theme"
)

// Widths are cells. Every cell of a row is cut with … and padded to its
// column with common.PadRight, so Chinese and Latin names line up.

// columns are the widths of a task row's parts, set on resize.
type columns struct {
	kind, title, client, project int
}

// rowPrefix is the cursor cell, the mark cell and a space.
const rowPrefix = 3

// timeW is "HH:MM" or "MM-DD".
const timeW = 5

// layoutColumns sizes a row's parts for a list w cells wide; phoneW is the
// widest phone of the day's call rows (0: none).
func layoutColumns(w, kindW, phoneW int) columns {
	c := columns{kind: kindW}
	switch {
	case w >= 90:
		c.client, c.project = 14, 16
	case w >= 64:
		c.client, c.project = 12, 10
	default:
		c.client = 10
	}
	fixed := rowPrefix + timeW + 1 + c.kind + 1 + c.client
	if c.project > 0 {
		fixed += 1 + c.project
	}
	c.title = max(w-fixed-1, 4)
	// A day with calls shows their phones (DESIGN.md §5 v2): where a title
	// would keep less than phoneTitle cells beside the widest, the project
	// column gives way — on a list of calls to make, the number to dial and
	// what the call is about are worth more than a project's name cut to
	// ten cells.
	if phoneW > 0 && c.project > 0 && c.title-phoneW-1 < phoneTitle {
		c.title += 1 + c.project
		c.project = 0
	}
	return c
}

// phoneTitle is the title a call row keeps beside the widest phone before
// the project column gives way to it (from 90 cells, where the project
// column is 16 wide, it never does).
const phoneTitle = 20

// taskParts are a row's texts, inert and not yet styled.
type taskParts struct {
	mark, when, kind, title, client, project string
	key                                      bool
	phone                                    string // a call's client's number
	// named: the title only says the kind and the client ("Call 王总",
	// 给王总打电话): the row shows the client there instead of saying it
	// twice ("call ★王总", not "call Call 王总 ★王总").
	named bool
}

func (m *Model) parts(t model.AgendaTask) taskParts {
	p := taskParts{kind: m.tc.KindWord(t.Kind), title: model.InertLine(t.Title),
		client: model.InertLine(t.ClientName), project: model.InertLine(t.ProjectName)}
	switch {
	case t.Done:
		p.mark = "✓"
	case t.Important:
		p.mark = "!"
	default:
		p.mark = " "
	}
	switch {
	case t.CarriedOver:
		_, mo, d := t.Date.YMD()
		p.when = twoDigits(int(mo)) + "-" + twoDigits(d)
	case t.Time.Valid():
		p.when = t.Time.String()
	}
	p.key = t.ClientID != 0 && t.ClientTier == model.TierKey
	if tasks.IsCall(t) {
		p.phone = m.phones[t.ClientID]
	}
	p.named = quickadd.IsDefaultTitle(t.Kind, t.Title, t.ClientName)
	return p
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// clientCell is the client's name with the key-client star in front.
func clientCell(p taskParts, w int, star func(string) string) string {
	if p.client == "" {
		return common.PadRight("", w)
	}
	if !p.key {
		return common.PadRight(p.client, w)
	}
	name := common.PadRight(p.client, w-ansi.StringWidth(theme.KeyStar))
	return star(theme.KeyStar) + name
}

// taskRow renders one task in exactly w cells.
func (m *Model) taskRow(t model.AgendaTask, w int, selected, focused bool) string {
	p := m.parts(t)
	c := m.cols
	cursor := " "
	if selected {
		cursor = "›"
	}
	plain := selected && focused || t.Done
	st := m.env.Styles
	style := func(s lipgloss.Style, text string) string {
		if plain {
			return text
		}
		return s.Render(text)
	}
	mark := p.mark
	switch {
	case t.Done:
	case t.Important:
		mark = style(st.Important, mark)
	}
	whenStyle := st.Muted
	if t.CarriedOver {
		whenStyle = st.Warning
	}
	var b strings.Builder
	b.WriteString(cursor + mark + " ")
	b.WriteString(style(whenStyle, common.PadRight(p.when, timeW)) + " ")
	b.WriteString(style(st.Muted, common.PadRight(p.kind, c.kind)) + " ")
	star := func(s string) string { return style(st.KeyClient, s) }
	titleW := c.title
	phone := ""
	shown := p.title
	if p.named {
		shown = p.client
	}
	// The phone shows when the title still fits beside it, or keeps a
	// readable part (tasks.PhoneMinTitle) when it does not; it is never cut.
	if tasks.PhoneRoom(titleW, shown, p.phone) {
		titleW -= ansi.StringWidth(p.phone) + 1
		phone = " " + style(st.Muted, p.phone)
	}
	client := p
	if p.named {
		// The title would only repeat the kind and the client: the client
		// goes in its place, once.
		b.WriteString(clientCell(p, titleW, star) + phone + " ")
		client.client = ""
	} else {
		b.WriteString(common.PadRight(p.title, titleW) + phone + " ")
	}
	b.WriteString(clientCell(client, c.client, star))
	if c.project > 0 {
		b.WriteString(" " + style(st.Muted, common.PadRight(p.project, c.project)))
	}
	line := b.String()
	line += strings.Repeat(" ", max(w-ansi.StringWidth(line), 0))
	switch {
	case selected && focused:
		return st.Selected.Render(line)
	case t.Done:
		return st.Done.Render(line)
	}
	return line
}

// listLine renders one row of the task list.
func (m *Model) listLine(r row, i, w int) string {
	st := m.env.Styles
	switch r.kind {
	case rowHeader:
		return st.Title.Render(common.PadRight(r.text, w))
	case rowArea:
		return st.Muted.Render(common.PadRight("   ◦ "+r.text, w))
	case rowNow:
		label := "── " + m.lang.T("day.now", m.nowAt.String()) + " "
		return st.Warning.Render(label + strings.Repeat("─", max(w-ansi.StringWidth(label), 0)))
	case rowEmpty:
		return st.Muted.Render(common.PadRight("  "+r.text, w))
	case rowMore:
		text := common.PadRight("   "+r.text, w)
		if i == m.list.Cursor && m.focus == focusTasks {
			return st.Selected.Render(common.PadRight("›  "+r.text, w))
		}
		return st.Warning.Render(text)
	}
	return m.taskRow(m.tasks[r.task], w, i == m.list.Cursor, m.focus == focusTasks)
}

// listView renders the visible window of the task list: height lines of
// exactly w cells.
func (m *Model) listView(w, h int) string {
	lines := make([]string, 0, h)
	lines = append(lines, m.dayTitle(w))
	from, to := m.list.Visible()
	for i := from; i < to; i++ {
		lines = append(lines, m.listLine(m.rows[i], i, w))
	}
	rows := h
	if m.detail {
		rows--
	}
	for len(lines) < rows {
		lines = append(lines, strings.Repeat(" ", w))
	}
	if m.detail {
		lines = append(lines, m.detailLine(w))
	}
	return strings.Join(lines, "\n")
}

// detailLine says the selected task whole — its title, client and
// project, which its row may cut — in w cells; blank without one.
func (m *Model) detailLine(w int) string {
	t, ok := m.selected()
	if !ok {
		return strings.Repeat(" ", w)
	}
	parts := []string{model.InertLine(t.Title)}
	if t.ClientName != "" && !m.parts(t).named { // "Call 王总" says the client already
		parts = append(parts, "@"+model.InertLine(t.ClientName))
	}
	if t.ProjectName != "" {
		parts = append(parts, "#"+model.InertLine(t.ProjectName))
	}
	return m.env.Styles.Muted.Render(common.PadRight("  "+strings.Join(parts, " · "), w))
}

// dayTitle is the list's first line: the date, and where it sits relative
// to today, plus a scroll hint when rows are hidden below.
func (m *Model) dayTitle(w int) string {
	st := m.env.Styles
	today := m.env.Today()
	s := m.lang.Date(m.date) + " · " + m.lang.Relative(m.date, today)
	if m.filter != "" {
		s += " · " + m.lang.T("day.filtered", model.InertLine(m.filter))
	}
	if !m.loaded && m.loads.Pending() && m.failed == nil {
		s += " · " + m.lang.T("day.loading")
	}
	more := ""
	if _, to := m.list.Visible(); len(m.rows) > to {
		n := len(m.rows) - to
		more = m.lang.T("day.more", n)
	}
	left := common.PadRight(s, max(w-ansi.StringWidth(more), 0))
	return st.Title.Render(left) + st.Muted.Render(more)
}

func repeat(s string, n int) string { return strings.Repeat(s, max(n, 0)) }

// joinColumns puts two blocks side by side with a one-cell separator, line
// by line (both are already exactly their widths).
func joinColumns(left, sep, right string, h int) string {
	l := strings.Split(left, "\n")
	r := strings.Split(right, "\n")
	out := make([]string, h)
	for i := range out {
		var a, b string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		out[i] = a + sep + b
	}
	return strings.Join(out, "\n")
}
