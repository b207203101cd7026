package month

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/report"
)

// The grid is measured in cells: every cell is padded to the same width
// with common.PadRight, so weekday and month names in Chinese (two cells a
// character) keep the borders straight.

// Rows above and below the grid: title, totals and weekday names; the
// selected day's line and the legend.
const (
	headRows = 3
	tailRows = 2
)

// yearRows is how the year view fits its height: months first..first+n-1
// from line top, then the year and quarter totals. At a small height the
// blank lines and the help line go first, then the months scroll so the
// selected one stays on screen with the totals below it.
type yearRows struct {
	top, first, n int
	gapFoot, help bool
}

// The year view's lines besides the months: the title, a blank line, the
// year total and two lines of quarters, a blank line and the help line.
const (
	yearHead = 2
	yearFoot = 3
)

func (m *Model) yearRows() yearRows {
	r := yearRows{top: yearHead, n: 12, gapFoot: true, help: true}
	spare := m.height - (yearHead + 12 + 1 + yearFoot + 2)
	if spare < 0 {
		r.help, spare = false, spare+2
	}
	if spare < 0 {
		r.gapFoot, spare = false, spare+1
	}
	if spare < 0 {
		r.top, spare = 1, spare+1 // the blank line under the title
	}
	if spare < 0 {
		r.n = max(12+spare, 1)
		// The selected month in the middle of the window, the window inside the year.
		r.first = min(max(int(m.sel.Month())-1-(r.n-1)/2, 0), 12-r.n)
	}
	return r
}

// grid is the calendar's layout for the current size and month.
type grid struct {
	first model.Date // Monday of the first row
	weeks int
	cw    int  // a cell's inner width
	ch    int  // a cell's height in lines
	rules bool // rules between weeks
}

func (m *Model) grid() grid {
	mo := m.shown()
	first := mo.First().WeekStart()
	weeks := (mo.Last().Sub(first))/7 + 1
	g := grid{first: first, weeks: weeks, cw: max((m.width-8)/7, 2), ch: 1, rules: true}
	avail := m.height - headRows - tailRows
	// Two-line cells (day and markers, then the tasks) matter more than the
	// rules between weeks: drop the rules before going down to one line.
	for _, o := range []struct {
		ch    int
		rules bool
	}{{4, true}, {3, true}, {2, true}, {3, false}, {2, false}, {1, true}} {
		lines := 1 + weeks*o.ch + 1
		if o.rules {
			lines = 1 + weeks*(o.ch+1)
		}
		if lines <= avail {
			g.ch, g.rules = o.ch, o.rules
			return g
		}
	}
	g.rules = false // one line a week, borders only at the top and bottom
	return g
}

// lines is how many lines a week row takes (its rule included).
func (g grid) rowLines() int {
	if g.rules {
		return g.ch + 1
	}
	return g.ch
}

// dayAt maps a click (pane coordinates) to a day.
func (g grid) dayAt(x, y int) (model.Date, bool) {
	y -= headRows + 1 // below the top border
	if y < 0 || x < 1 {
		return 0, false
	}
	row := y / g.rowLines()
	if row >= g.weeks || (g.rules && y%g.rowLines() == g.ch) {
		return 0, false
	}
	col := (x - 1) / (g.cw + 1)
	if col > 6 {
		return 0, false
	}
	return g.first.AddDays(row*7 + col), true
}

// View draws the pane in exactly its size.
func (m *Model) View() string {
	var body string
	switch {
	case m.report.IsOpen():
		body = m.report.View(m.env.Styles.Muted.Render(m.lang.T("month.report.loading")), m.linesBelow)
	case m.yearOn:
		body = m.yearView()
	case !m.loaded && m.failed != nil:
		body = m.monthTitle() + "\n" + common.LoadFailed(m.env, m.failed, m.width)
	default:
		body = m.monthView()
	}
	return m.host.View(common.Fit(body, m.width, m.height))
}

// GridLines returns the calendar's lines alone (the header of weekday
// names, the borders and the cells), for the alignment test.
func (m *Model) GridLines() []string {
	lines := strings.Split(m.monthView(), "\n")
	return lines[headRows-1 : len(lines)-tailRows]
}

// monthTitle names the month shown, and says when it is this one or is
// still being read.
func (m *Model) monthTitle() string {
	mo := m.shown()
	title := m.lang.MonthYear(mo)
	if mo == model.MonthOf(m.env.Today()) {
		title += " · " + m.lang.T("month.this")
	}
	if !m.loaded && m.failed == nil {
		title += " · " + m.lang.T("week.loading")
	}
	return m.env.Styles.Title.Render(common.PadRight(title, m.width))
}

func (m *Model) monthView() string {
	st := m.env.Styles
	g := m.grid()
	lines := make([]string, 0, m.height)

	lines = append(lines, m.monthTitle())
	lines = append(lines, m.totals())

	// Weekday names, centred over their cells.
	var hb strings.Builder
	hb.WriteString(" ")
	for i := range 7 {
		wd := time.Weekday((i + 1) % 7)
		name := common.Center(m.lang.Weekday(wd), g.cw)
		if !m.set.IsWorkday(g.first.AddDays(i)) {
			name = st.Muted.Render(name)
		} else {
			name = st.Title.Render(name)
		}
		hb.WriteString(name + " ")
	}
	lines = append(lines, hb.String())

	rule := func(l, mid, r string) string {
		seg := strings.Repeat("─", g.cw)
		return st.Rule.Render(l + strings.Repeat(seg+mid, 6) + seg + r)
	}
	lines = append(lines, rule("┌", "┬", "┐"))
	bar := st.Rule.Render("│")
	for w := range g.weeks {
		cells := make([][]string, 7)
		for i := range 7 {
			cells[i] = m.cell(g, g.first.AddDays(w*7+i))
		}
		for y := range g.ch {
			var b strings.Builder
			b.WriteString(bar)
			for i := range 7 {
				b.WriteString(cells[i][y])
				b.WriteString(bar)
			}
			lines = append(lines, b.String())
		}
		switch {
		case w == g.weeks-1:
			lines = append(lines, rule("└", "┴", "┘"))
		case g.rules:
			lines = append(lines, rule("├", "┼", "┤"))
		}
	}
	lines = append(lines, m.detail(), st.Muted.Render(common.PadRight(m.lang.T("month.legend"), m.width)))
	return strings.Join(lines, "\n")
}

// day returns the summary of d when it is in the month shown.
func (m *Model) day(d model.Date) (model.DaySummary, bool) {
	if !m.loaded || len(m.month.Days) == 0 {
		return model.DaySummary{}, false
	}
	i := d.Sub(m.month.Days[0].Date)
	if i < 0 || i >= len(m.month.Days) {
		return model.DaySummary{}, false
	}
	return m.month.Days[i], true
}

// mark is one marker, styled, and its width in cells (a Chinese one takes
// two).
type mark struct {
	s string
	w int
}

// markPriority is the order markers keep their place in a narrow cell:
// a bid is never missed, then its papers, a promise due, today (which its
// number's style shows too).
var markPriority = []string{"bid", "papers_due", "promise_due", "today"}

// marks lists a day's markers, one letter each, in markPriority's order.
func (m *Model) marks(dd model.DaySummary) []mark {
	st := m.env.Styles
	var out []mark
	for _, k := range markPriority {
		if !slices.Contains(dd.Markers, k) {
			continue
		}
		var s string
		switch k {
		case "bid":
			s = st.Warning.Render(m.lang.T("month.mark.bid"))
		case "papers_due":
			s = st.Warning.Render(m.lang.T("month.mark.papers"))
		case "promise_due":
			s = st.DueSoon.Render(m.lang.T("month.mark.promise"))
		case "today":
			s = st.Title.Render(m.lang.T("month.mark.today"))
		}
		out = append(out, mark{s, ansi.StringWidth(s)})
	}
	return out
}

// fitLine lays a cell's first line out in w cells: head (the cursor and
// the day's number), the markers in their order of priority, then tail (a
// task count) only when it fits whole. Markers come before counts (a bid
// must never be missed): when the cell is narrow the count goes, then the
// space before the markers, then the markers of least priority; nothing
// is ever cut in half ("0/…").
func fitLine(w int, head string, marks []mark, tail string) string {
	used := ansi.StringWidth(head)
	fits := func(from int) int { // how many markers fit from cell from on
		n := 0
		for _, mk := range marks {
			if from+mk.w > w {
				break
			}
			from += mk.w
			n++
		}
		return n
	}
	var b strings.Builder
	b.WriteString(head)
	n := fits(used + 1)
	if closed := fits(used); closed > n {
		n = closed // closed up: one more marker instead of the space
	} else if n > 0 {
		b.WriteString(" ")
		used++
	}
	for _, mk := range marks[:n] {
		b.WriteString(mk.s)
		used += mk.w
	}
	if tw := ansi.StringWidth(tail); tail != "" && used+1+tw <= w {
		b.WriteString(" " + tail)
	}
	return b.String()
}

// tasks writes a day's task count and done state: "3/5", all done in green,
// undone ones on a past day in amber.
func (m *Model) tasks(dd model.DaySummary, long bool) string {
	if dd.TasksTotal == 0 {
		return ""
	}
	st := m.env.Styles
	s := strconv.Itoa(dd.TasksDone) + "/" + strconv.Itoa(dd.TasksTotal)
	if long {
		s = m.lang.T("month.tasks", dd.TasksDone, dd.TasksTotal)
	}
	switch {
	case dd.TasksDone == dd.TasksTotal:
		return st.Success.Render(s)
	case dd.Date < m.env.Today():
		return st.Warning.Render(s)
	}
	return s
}

// cell draws one day in g.ch lines of exactly g.cw cells.
func (m *Model) cell(g grid, d model.Date) []string {
	st := m.env.Styles
	out := make([]string, g.ch)
	selected := d == m.sel
	lead := " "
	if selected {
		lead = "›"
	}
	num := strconv.Itoa(d.Day())
	if len(num) == 1 {
		num = " " + num
	}
	dd, in := m.day(d)
	switch {
	case !in:
		out[0] = st.Muted.Render(common.PadRight(lead+num, g.cw))
	case d == m.env.Today():
		num = st.TabActive.UnsetPadding().Render(num)
	case !m.set.IsWorkday(d):
		num = st.Muted.Render(num)
	}
	if in {
		if g.ch == 1 {
			// One line: the markers first (today's T too, where it fits:
			// the legend names it, and without colour the number's style
			// does not show), the count if it fits whole.
			out[0] = fitLine(g.cw, lead+num, m.marks(dd), m.tasks(dd, false))
		} else {
			out[0] = fitLine(g.cw, lead+num, m.marks(dd), "")
			tasks := m.tasks(dd, true)
			if ansi.StringWidth(tasks) > g.cw-1 {
				tasks = m.tasks(dd, false)
			}
			if ansi.StringWidth(tasks) > g.cw-1 {
				tasks = "" // never a count cut in half
			}
			out[1] = common.PadRight(" "+tasks, g.cw)
			if g.ch >= 3 && (dd.Calls > 0 || dd.Visits > 0) {
				out[2] = st.Muted.Render(common.PadRight(" "+m.lang.T("month.contacts", dd.Calls, dd.Visits), g.cw))
			}
		}
	}
	for i := range out {
		out[i] = common.PadRight(out[i], g.cw)
		if selected {
			out[i] = st.Selected.Render(ansi.Strip(out[i]))
		}
	}
	return out
}

// totals is the month's signed sales, calls and visits against target.
func (m *Model) totals() string {
	st := m.env.Styles
	ms := m.month
	sep := st.Muted.Render(" · ")
	met := func(ok bool, s string) string {
		if ok {
			return st.Success.Render(s)
		}
		return s
	}
	head := st.Muted.Render(m.lang.T("review.signed")+" ") +
		met(ms.Signed.Target > 0 && ms.Signed.Value >= ms.Signed.Target, report.SignedCount(m.lang, ms.Signed, m.currency())) +
		sep + st.Muted.Render(m.lang.T("review.calls")+" ") + met(ms.Calls.Target > 0 && ms.Calls.Done >= ms.Calls.Target, report.Count(m.lang, ms.Calls)) +
		sep + st.Muted.Render(m.lang.T("report.visits_short")+" ")
	visitsMet := ms.Visits.Target > 0 && ms.Visits.Done >= ms.Visits.Target
	s := head + met(visitsMet, report.VisitCount(m.lang, ms.Visits))
	if ansi.StringWidth(s) > m.width {
		// Narrow: the clients visited stay, the visits beside them go.
		s = head + met(visitsMet, report.Count(m.lang, model.Quota{Done: ms.Visits.Done, Target: ms.Visits.Target}))
	}
	return common.PadRight(s, m.width)
}

// detail is the selected day in words.
func (m *Model) detail() string {
	dd, ok := m.day(m.sel)
	if !ok {
		return ""
	}
	// The markers in words first, after the date: on a narrow terminal the
	// counts are cut, never a bid.
	day := m.lang.ShortDate(m.sel)
	for _, k := range markPriority {
		if !slices.Contains(dd.Markers, k) {
			continue
		}
		switch k {
		case "bid":
			day += " · " + m.lang.T("month.word.bid")
		case "papers_due":
			day += " · " + m.lang.T("month.word.papers")
		case "promise_due":
			day += " · " + m.lang.T("month.word.promise")
		}
	}
	s := m.lang.T("month.detail", day, dd.TasksDone, dd.TasksTotal, dd.Calls, dd.Visits)
	// Why a day is or is not worked, when the calendar says so.
	switch m.set.Calendar().Kind(m.sel) {
	case model.DayHoliday:
		s += " · " + m.lang.T("month.day.holiday", model.CNHolidayName(m.sel))
	case model.DayMakeUp:
		s += " · " + m.lang.T("month.day.makeup", model.CNHolidayName(m.sel))
	case model.DayOwnOff:
		s += " · " + m.lang.T("month.day.own_off")
	case model.DayOwnExtra:
		s += " · " + m.lang.T("month.day.own_extra")
	}
	return common.PadRight(s, m.width)
}

// currency is the symbol of the settings just read (so a change made in
// the settings shows at once), else the one the planner started with.
func (m *Model) currency() string {
	if m.loaded {
		return model.InertLine(m.set.Currency)
	}
	return m.env.CurrencySymbol()
}

// yearView draws the twelve months' signed sales against target.
func (m *Model) yearView() string {
	st := m.env.Styles
	y := m.sel.Year()
	r := m.yearRows()
	lines := []string{st.Title.Render(common.PadRight(m.lang.T("month.year.title", y), m.width))}
	if r.top > 1 {
		lines = append(lines, "")
	}
	if m.yearOf != y {
		lines = append(lines, st.Muted.Render(m.lang.T("week.loading")))
		return strings.Join(lines, "\n")
	}
	nameW := 0
	for i := range 12 {
		nameW = max(nameW, ansi.StringWidth(m.lang.MonthShort(time.Month(i+1))))
	}
	barW := max(min(m.width-nameW-4-34, 40), 5)
	// One scale for the twelve bars (the largest sale or target), so months
	// compare; a │ marks each month's target on its bar.
	var top model.Money
	for _, q := range m.year {
		top = max(top, q.Value, q.Target)
	}
	var sum model.MoneyQuota
	this := model.MonthOf(m.env.Today())
	for i, q := range m.year {
		sum.Value = sum.Value.Plus(q.Value)
		sum.Target = sum.Target.Plus(q.Target)
		if i < r.first || i >= r.first+r.n {
			continue
		}
		lead := " "
		if time.Month(i+1) == m.sel.Month() {
			lead = "›"
		}
		name := common.PadRight(m.lang.MonthShort(time.Month(i+1)), nameW)
		if (model.Month{Year: y, Month: time.Month(i + 1)}) == this {
			name = st.Title.Render(name)
		}
		line := lead + " " + name + "  " + m.yearBar(q, top, barW) + "  " + report.SignedCount(m.lang, q, m.currency())
		if m.set.MonthSetByHand(model.Month{Year: y, Month: time.Month(i + 1)}) {
			// Set by hand; the other months share what it leaves of the year.
			line += st.Muted.Render(" *")
		}
		if lead == "›" {
			line = st.Selected.Render(common.PadRight(ansi.Strip(line), m.width))
		}
		lines = append(lines, common.PadRight(line, m.width))
	}
	total := "  " + m.lang.T("month.year.total", y, report.SignedCount(m.lang, sum, m.currency()))
	// What * means, beside the year's total; when it does not fit there,
	// on the blank line above the keys' help, so it is read whole.
	gapHelp := ""
	if len(m.set.MonthTargets) > 0 {
		note := "  " + m.lang.T("month.year.by_hand")
		if r.help && ansi.StringWidth(total+note) > m.width {
			gapHelp = st.Muted.Render(common.PadRight(note, m.width))
		} else {
			total += st.Muted.Render(note)
		}
	}
	if r.gapFoot {
		lines = append(lines, "")
	}
	lines = append(lines, common.PadRight(total, m.width))
	// The quarters, two to a line: their three months' sales and targets.
	var qs []string
	for q := range 4 {
		qq := model.MoneyQuota{Target: m.set.QuarterTarget(y, q+1)}
		for _, mq := range m.year[q*3 : q*3+3] {
			qq.Value = qq.Value.Plus(mq.Value)
		}
		qs = append(qs, m.lang.T("month.year.quarter", q+1, report.SignedCount(m.lang, qq, m.currency())))
	}
	lines = append(lines, common.PadRight("  "+qs[0]+"  "+qs[1], m.width), common.PadRight("  "+qs[2]+"  "+qs[3], m.width))
	if r.help {
		lines = append(lines, gapHelp, st.Muted.Render(common.PadRight(m.lang.T("month.year.help"), m.width)))
	}
	return strings.Join(lines, "\n")
}

// yearBar draws one month's signed sales on a scale where top fills w
// cells, with its target marked.
func (m *Model) yearBar(q model.MoneyQuota, top model.Money, w int) string {
	st := m.env.Styles
	if top <= 0 {
		return st.BarEmpty.Render(strings.Repeat("▱", w))
	}
	fill := model.Scale(int64(q.Value), int64(top), w) // a large sum times w would overflow
	if q.Value > 0 && fill == 0 {
		fill = 1
	}
	mark := -1
	if q.Target > 0 {
		mark = min(model.Scale(int64(q.Target), int64(top), w), w-1)
	}
	fs := st.BarFill
	if q.Target > 0 && q.Value >= q.Target {
		fs = st.BarMet
	}
	var b strings.Builder
	for i := range w {
		switch {
		case i == mark:
			b.WriteString(st.Title.Render("│"))
		case i < fill:
			b.WriteString(fs.Render("▰"))
		default:
			b.WriteString(st.BarEmpty.Render("▱"))
		}
	}
	return b.String()
}
