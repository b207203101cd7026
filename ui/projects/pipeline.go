package projects

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
)

// Widths are cells: every part of a row is cut with … and padded with the
// common helpers, so Chinese and Latin names line up.

// ---- parts shared by both layouts

// followCell says when the project is next followed up: its date, "—"
// for closed and lost projects; due is true when it is due (drawn red).
func (m *Model) followCell(r storage.ProjectRow) (text string, due bool) {
	if !r.Stage.Live() || !r.FollowUp.Due.Valid() {
		return "—", false
	}
	return m.lang.DayMonth(r.FollowUp.Due), r.FollowUp.IsDue
}

// bidStyle colours a bid date: amber while the bid documents are being
// prepared (from the third working day before the papers are due through
// the bid), red while the result has not been asked for (still before
// detailing after D). storage computed both with model's rules.
func (m *Model) bidStyle(r storage.ProjectRow) (lipgloss.Style, bool) {
	switch {
	case r.BidResult:
		return m.env.Styles.Overdue, true
	case r.BidPrep:
		return m.env.Styles.Warning, true
	}
	return lipgloss.Style{}, false
}

func (m *Model) daysText(p model.Project) string {
	return m.lang.T("projects.days", m.daysIn(p))
}

// title is the pane's first line: the pipeline's count and value, the
// filter, and whether closed and lost projects show.
func (m *Model) title(w int) string {
	st := m.env.Styles
	n, v := 0, model.Money(0)
	for _, ri := range m.shown {
		if r := m.rows[ri]; r.Stage.Live() {
			n++
			v = v.Plus(r.Value)
		}
	}
	s := m.lang.T("projects.title", n, m.env.Money(v))
	if m.filter != "" {
		s += " · " + m.lang.T("projects.filtered", model.InertLine(m.filter))
	}
	if m.showAll {
		s += " · " + m.lang.T("projects.with_closed")
	}
	if !m.loaded && m.env.Store != nil {
		s += " · " + m.lang.T("projects.loading")
	}
	return st.Title.Render(common.PadRight(s, w))
}

// emptyText is what an empty pipeline says.
func (m *Model) emptyText() string {
	switch {
	case m.env.Store == nil:
		return m.lang.T("projects.no_store")
	case !m.loaded:
		return ""
	case len(m.rows) == 0 && m.ended && !m.showAll:
		return m.lang.T("projects.none_live")
	case len(m.rows) == 0:
		return m.lang.T("projects.empty")
	case m.showAll: // f would hide the closed and lost, not show them
		return m.lang.T("projects.none_match_all")
	}
	return m.lang.T("projects.none_match")
}

// ---- the narrow layout: a list grouped by stage

type lineKind int

const (
	lineHeading lineKind = iota
	lineProject
)

type listLine struct {
	kind  lineKind
	stage model.Stage
	idx   int // lineProject: position in shown
}

// listLines lays the grouped list out: a heading per stage that has
// projects, then its projects.
func (m *Model) listLines() []listLine {
	var out []listLine
	for _, s := range m.stages() {
		g := m.group(s)
		if len(g) == 0 {
			continue
		}
		out = append(out, listLine{kind: lineHeading, stage: s})
		for _, i := range g {
			out = append(out, listLine{kind: lineProject, stage: s, idx: i})
		}
	}
	return out
}

// listTop is the number of lines above the grouped list: the title and
// the column names.
const listTop = 2

type listCols struct{ name, client, value, days, next, bid int }

// listColumns shares w out. The days, next and bid columns are as wide as
// their header ("In stage" / "本阶段") or the widest date ("28 Dec" /
// "12月28日") in the language shown; the name takes the rest.
func (m *Model) listColumns(w int) listCols {
	date := ansi.StringWidth(m.lang.DayMonth(model.MakeDate(2026, 12, 28)))
	head := func(key string, least int) int { return max(ansi.StringWidth(m.lang.T(key)), least) }
	c := listCols{client: 10, value: 8, days: head("projects.col.days", 5),
		next: head("projects.col.next", date), bid: head("projects.col.bid", date)}
	if w >= 100 {
		c.client = 14
	}
	// cursor 2, five one-cell gaps.
	c.name = max(w-2-c.client-c.value-c.days-c.next-c.bid-5, 6)
	return c
}

// keepVisible scrolls the grouped list so the cursor's row shows, with
// its stage heading when it is the stage's first project.
func (m *Model) keepVisible() {
	if m.wide() || m.detail != nil {
		return
	}
	lines := m.listLines()
	at := 0
	for i, l := range lines {
		if l.kind == lineProject && l.idx == m.cur {
			at = i
		}
	}
	// The cursor rests on projects; a stage's heading shows above its first.
	m.list.Skip = func(i int) bool { return lines[i].kind != lineProject }
	m.list.Show(len(lines), listRoom(m.height, len(lines)), at)
}

// listRoom is how many of n grouped-list lines show in a pane h lines
// high: all that fit, or, when they do not, one fewer, the last line of
// the pane saying how many are below (it never covers a row, the
// cursor's included).
func listRoom(h, n int) int {
	room := max(h-listTop, 1)
	if n > room {
		room = max(room-1, 1)
	}
	return room
}

func (m *Model) listView(w, h int) string {
	st := m.env.Styles
	c := m.listColumns(w)
	out := []string{m.title(w)}
	head := "  " + common.PadRight(m.lang.T("projects.col.name"), c.name) + " " +
		common.PadRight(m.lang.T("projects.col.client"), c.client) + " " +
		common.PadLeft(m.lang.T("projects.col.value"), c.value) + " " +
		common.PadLeft(m.lang.T("projects.col.days"), c.days) + " " +
		common.PadRight(m.lang.T("projects.col.next"), c.next) + " " +
		common.PadRight(m.lang.T("projects.col.bid"), c.bid)
	out = append(out, st.Muted.Render(common.PadRight(head, w)))
	lines := m.listLines()
	if len(lines) == 0 {
		// Wrapped, so that the keys it names are read whole.
		for _, line := range common.WrapText(m.emptyText(), w-2) {
			out = append(out, st.Muted.Render(common.PadRight("  "+line, w)))
		}
	}
	end := min(m.list.Offset+listRoom(h, len(lines)), len(lines))
	for i := m.list.Offset; i < end; i++ {
		l := lines[i]
		if l.kind == lineHeading {
			n, v := m.stageSum(l.stage)
			text := m.stageName(l.stage) + " · " + m.lang.T("projects.count", n) + " · " + m.env.Money(v)
			out = append(out, st.Title.Render(common.PadRight(text, w)))
			continue
		}
		out = append(out, m.listRow(m.rows[m.shown[l.idx]], c, w, l.idx == m.cur))
	}
	if more := len(lines) - end; more > 0 {
		// The line kept for it says how much is below.
		out = append(out, st.Muted.Render(common.PadRight("  "+m.lang.N("projects.more", more, more), w)))
	}
	return strings.Join(out, "\n")
}

func (m *Model) listRow(r storage.ProjectRow, c listCols, w int, sel bool) string {
	st := m.env.Styles
	plain := sel // the selected row is drawn in one style
	style := func(s lipgloss.Style, text string) string {
		if plain {
			return text
		}
		return s.Render(text)
	}
	cursor := common.RowLead(sel)
	next, due := m.followCell(r)
	nextStyle := st.Base
	if due {
		nextStyle = st.Overdue
	}
	bid := ""
	if r.BidDate.Valid() {
		bid = m.lang.DayMonth(r.BidDate)
	}
	bidSt, marked := m.bidStyle(r)
	if !marked {
		bidSt = st.Base
	}
	var b strings.Builder
	b.WriteString(cursor)
	b.WriteString(common.Cell(r.Name, c.name) + " ")
	b.WriteString(style(st.Muted, common.Cell(r.Client, c.client)) + " ")
	b.WriteString(common.PadLeft(m.lang.MoneyShort(r.Value, m.env.CurrencySymbol()), c.value) + " ")
	b.WriteString(style(st.Muted, common.PadLeft(m.daysText(r.Project), c.days)) + " ")
	b.WriteString(style(nextStyle, common.PadRight(next, c.next)) + " ")
	b.WriteString(style(bidSt, common.PadRight(bid, c.bid)))
	line := common.PadRight(b.String(), w)
	if sel {
		return st.Selected.Render(line)
	}
	return line
}

// ---- the wide layout: one column per stage

// colTop is the lines above the cards: the pane title, then per column
// the stage, its count and value, and a rule.
const colTop = 4

// cardLines is one card's height, its blank line included.
const cardLines = 6

// colWidths are the stage columns' widths: the width shared out, the
// cells left over going one each to the first columns, so the columns
// fill the pane.
func (m *Model) colWidths() []int {
	n := len(m.stages())
	room := max(m.width-(n-1), n)
	out := make([]int, n)
	for i := range out {
		out[i] = room / n
		if i < room%n {
			out[i]++
		}
	}
	return out
}

// colOffset is the first card drawn in column c: the selected column
// scrolls to keep the cursor's card on screen, the others start at the top.
func (m *Model) colOffset(c int, g []int) int {
	sc, sr := m.position(m.cur)
	if c != sc || len(m.shown) == 0 {
		return 0
	}
	col := common.List{Height: max((m.height-colTop)/cardLines, 1), Len: len(g)}
	col.Select(sr)
	return col.Offset
}

func (m *Model) columnsView(w, h int) string {
	st := m.env.Styles
	stages := m.stages()
	widths := m.colWidths()
	cols := make([][]string, len(stages))
	fit := max((h-colTop)/cardLines, 1)
	named := m.daysNamed(stages, widths)
	for c, s := range stages {
		cw := widths[c]
		g := m.group(s)
		n, v := m.stageSum(s)
		off := m.colOffset(c, g)
		sum := m.lang.T("projects.count", n) + " · " + m.lang.MoneyShort(v, m.env.CurrencySymbol())
		if hidden := len(g) - off - fit; hidden > 0 {
			sum += " " + m.lang.T("projects.more_short", hidden)
		}
		col := []string{
			st.Title.Render(common.PadRight(m.stageName(s), cw)),
			st.Muted.Render(common.PadRight(sum, cw)),
			st.Rule.Render(strings.Repeat("─", cw)),
		}
		for i := off; i < len(g) && i < off+fit; i++ {
			col = append(col, m.card(m.rows[m.shown[g[i]]], cw, g[i] == m.cur, named)...)
		}
		cols[c] = col
	}
	out := []string{m.title(w)}
	if len(m.shown) == 0 {
		if t := m.emptyText(); t != "" {
			out[0] = m.title(w/2) + st.Muted.Render(common.PadRight(t, w-w/2))
		}
	}
	sep := st.Rule.Render("│")
	for y := 0; y < h-1; y++ {
		var b strings.Builder
		for c := range cols {
			if c > 0 {
				b.WriteString(sep)
			}
			if y < len(cols[c]) {
				b.WriteString(cols[c][y])
			} else {
				b.WriteString(strings.Repeat(" ", widths[c]))
			}
		}
		out = append(out, b.String())
	}
	return strings.Join(out, "\n")
}

// cardValue is a card's value and days in the stage: the days named
// ("¥2.8M  in stage 20d") when named, else "¥2.8M · 20d".
func (m *Model) cardValue(p model.Project, named bool) string {
	value := m.lang.MoneyShort(p.Value, m.env.CurrencySymbol())
	if named {
		return value + "  " + m.lang.T("projects.card.days", m.daysText(p))
	}
	return value + " · " + m.daysText(p)
}

// daysNamed reports whether every card fits its value with the days named
// in its column's width: the cards say it all one way, not some each way.
func (m *Model) daysNamed(stages []model.Stage, widths []int) bool {
	for c, s := range stages {
		for _, i := range m.group(s) {
			if ansi.StringWidth(m.cardValue(m.rows[m.shown[i]].Project, true)) > widths[c] {
				return false
			}
		}
	}
	return true
}

// card draws one project in a stage column: name, client, value and days
// in the stage, next follow-up, bid date, and a blank line.
func (m *Model) card(r storage.ProjectRow, w int, sel, named bool) []string {
	st := m.env.Styles
	next, due := m.followCell(r)
	nextText := m.lang.T("projects.card.next", next)
	bid := ""
	if r.BidDate.Valid() {
		bid = m.lang.T("projects.card.bid", m.lang.DayMonth(r.BidDate))
	}
	lines := []string{
		st.Base.Bold(true).Render(common.Cell(r.Name, w)),
		st.Muted.Render(common.Cell(r.Client, w)),
		common.PadRight(m.cardValue(r.Project, named), w),
		common.PadRight(nextText, w),
		common.PadRight(bid, w),
		strings.Repeat(" ", w),
	}
	if sel {
		plain := []string{"›" + common.Cell(r.Name, w-1), common.Cell(r.Client, w), lines[2], lines[3], lines[4]}
		for i, l := range plain {
			lines[i] = st.Selected.Render(l)
		}
		return lines
	}
	if due {
		lines[3] = st.Overdue.Render(lines[3])
	}
	if bs, ok := m.bidStyle(r); ok {
		lines[4] = bs.Render(lines[4])
	}
	return lines
}

// hit returns the project drawn at pane cell (x, y).
func (m *Model) hit(x, y int) (int, bool) {
	if m.wide() {
		stages := m.stages()
		c, left := 0, 0
		for i, cw := range m.colWidths() {
			c = i
			if x < left+cw+1 {
				break
			}
			left += cw + 1
		}
		if y < colTop {
			return 0, false
		}
		g := m.group(stages[c])
		i := m.colOffset(c, g) + (y-colTop)/cardLines
		if (y-colTop)%cardLines == cardLines-1 || i >= len(g) {
			return 0, false
		}
		return g[i], true
	}
	lines := m.listLines()
	i := m.list.Offset + y - listTop
	if y < listTop || i >= len(lines) || lines[i].kind != lineProject {
		return 0, false
	}
	return lines[i].idx, true
}
