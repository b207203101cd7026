package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/common"
	"salesplan/ui/keys"
)

// View draws the planner: exactly width × height cells, in the alternate
// screen with mouse reporting.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.env.T("app.name")
	return v
}

func (m *Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.tooSmall() {
		return m.renderTooSmall()
	}
	pw, ph := m.paneSize()
	body := common.Fit(m.panes[m.active].View(), pw, ph)
	for _, f := range m.screens {
		if fl, ok := f.s.(common.Floater); ok {
			body = common.Fit(fl.Over(body), pw, ph)
		} else {
			body = common.Fit(f.s.View(), pw, ph)
		}
	}
	return strings.Join([]string{m.renderTop(), m.renderTabs(), body, m.renderFooter()}, "\n")
}

// renderTooSmall says, in the middle of whatever space there is, how big
// the terminal must be.
func (m *Model) renderTooSmall() string {
	msg := m.env.T("screen.too_small", m.width, m.height, MinWidth, MinHeight)
	// Wrap rather than cut, so the numbers stay readable in a narrow window.
	wrapped := strings.Split(ansi.Wrap(msg, m.width, ""), "\n")
	lines := make([]string, m.height)
	top := max((m.height-len(wrapped))/2, 0)
	for i, l := range wrapped {
		if top+i < m.height {
			lines[top+i] = common.Center(l, m.width)
		}
	}
	return common.Fit(joinLines(lines), m.width, m.height)
}

// ---- top line: date, quota bars, attention count

// renderTop draws "Fri 27 Nov 2026  Calls ▰▰▱▱ 3/30  Visited ▰▰▱▱ 5/20 (7 visits)
// Signed …  Attention 4", with the last sync's time and result at the right
// once sync is set up ("Synced 14:02"). To fit, it shrinks the bars
// (dropping the visits total before each step), then drops them, then
// shortens the date (27 Nov) and the sync's word (✓ 14:02), and only then
// drops segments from the right — so at 80 columns every number and the
// sync show.
func (m *Model) renderTop() string {
	s := m.env.Styles
	date := s.Title.Render(m.env.Lang.Date(m.today))
	short := s.Title.Render(m.env.Lang.DayMonth(m.today))
	sync, syncShort := m.syncSegment(false), m.syncSegment(true)
	if !m.haveAgend {
		return common.PadRight(m.topLine([]string{date}, sync), m.width)
	}
	a := m.agenda
	att := m.env.T("top.attention", len(a.Attention))
	if len(a.Attention) > 0 {
		att = s.Warning.Render(att)
	} else {
		att = s.Muted.Render(att)
	}
	segs := func(date string, bw int, total bool) []string {
		visits := m.quota("top.visits", a.VisitsWeek.Done, a.VisitsWeek.Target, strconv.Itoa(a.VisitsWeek.Done), strconv.Itoa(a.VisitsWeek.Target), bw)
		if total {
			// The quota counts clients; the visits made beside it.
			visits += s.Muted.Render(m.env.Lang.N("top.visits_total", a.VisitsWeek.Visits, a.VisitsWeek.Visits))
		}
		return []string{
			date,
			m.quota("top.calls", a.Calls.Done, a.Calls.Target, strconv.Itoa(a.Calls.Done), strconv.Itoa(a.Calls.Target), bw),
			visits,
			m.quota("top.signed", int(a.SignedMonth.Value/100), int(a.SignedMonth.Target/100),
				m.env.Lang.MoneyShort(a.SignedMonth.Value, m.env.CurrencySymbol()),
				m.env.Lang.MoneyShort(a.SignedMonth.Target, m.env.CurrencySymbol()), bw),
			att,
		}
	}
	for _, bw := range []int{10, 8, 6, 4, 0} {
		for _, total := range []bool{true, false} {
			if line, ok := m.topFits(segs(date, bw, total), sync); ok {
				return line
			}
		}
	}
	for _, sy := range []string{sync, syncShort} {
		if line, ok := m.topFits(segs(short, 0, false), sy); ok {
			return line
		}
	}
	// Still too wide: segments go from the right, the sync's before them.
	all := segs(short, 0, false)
	for _, sy := range []string{syncShort, ""} {
		for n := len(all); n >= 1; n-- {
			if line, ok := m.topFits(all[:n], sy); ok {
				return line
			}
		}
	}
	return common.PadRight(" "+short, m.width)
}

// topFits lays segs out from the left and sync at the right of the top
// line, reporting whether they fit the width; the line is padded to it.
func (m *Model) topFits(segs []string, sync string) (string, bool) {
	line := m.topLine(segs, sync)
	return common.PadRight(line, m.width), ansi.StringWidth(line) <= m.width
}

// topLine is " seg  seg  seg" with sync right-aligned (a space after it),
// not padded; it may be wider than the width.
func (m *Model) topLine(segs []string, sync string) string {
	left := " " + strings.Join(segs, "  ")
	if sync == "" {
		return left
	}
	gap := max(m.width-ansi.StringWidth(left)-ansi.StringWidth(sync)-1, 2)
	return left + strings.Repeat(" ", gap) + sync + " "
}

// quota draws "Label ▰▰▰▱▱ done/target"; without a target, "Label done".
func (m *Model) quota(label string, done, target int, doneText, targetText string, barWidth int) string {
	s := m.env.Styles
	out := s.Muted.Render(m.env.T(label)) + " "
	if target <= 0 {
		return out + doneText
	}
	if barWidth > 0 {
		out += m.bar(done, target, barWidth) + " "
	}
	return out + doneText + "/" + targetText
}

// bar draws a quota bar of w cells; it turns green once the target is met.
func (m *Model) bar(done, target, w int) string {
	s := m.env.Styles
	filled := 0
	if target > 0 && done > 0 {
		filled = min(int(int64(done)*int64(w)/int64(target)), w)
		if filled == 0 {
			filled = 1 // some progress is visible
		}
	}
	fill := s.BarFill
	if done >= target {
		fill = s.BarMet
	}
	return fill.Render(strings.Repeat("▰", filled)) + s.BarEmpty.Render(strings.Repeat("▱", w-filled))
}

// ---- tab bar

// renderTabs draws " 1 Day  2 Week … ─────" (see tabLayout).
func (m *Model) renderTabs() string {
	line, _ := m.tabLayout()
	return line
}

// tabLayout draws the tab bar and says where each tab is, for clicks; when
// the names do not fit, inactive tabs show their number only.
func (m *Model) tabLayout() (string, []tabSpan) {
	s := m.env.Styles
	var (
		b     strings.Builder
		spans []tabSpan
		x     int
	)
	for _, compact := range []bool{false, true} {
		b.Reset()
		spans, x = make([]tabSpan, 0, common.PaneCount), 0
		for i := range common.PaneCount {
			id := common.PaneID(i)
			label := strconv.Itoa(i+1) + " " + m.env.T(keys.TabNames[i])
			st := s.TabInactive
			if id == m.active {
				st = s.TabActive
			} else if compact {
				label = strconv.Itoa(i + 1)
			}
			cell := st.Render(label)
			w := lipgloss.Width(cell)
			spans = append(spans, tabSpan{id: id, from: x, to: x + w})
			b.WriteString(cell)
			x += w
		}
		if x <= m.width {
			break
		}
	}
	rule := s.TabGap.Render(strings.Repeat("─", max(m.width-x, 0)))
	return common.PadRight(b.String()+rule, m.width), spans
}

// ---- footer and help

// renderFooter shows the latest status, else the short help of the screen
// on top or the active pane, and the shell's when it is not typing.
func (m *Model) renderFooter() string {
	s := m.env.Styles
	if m.status.Text != "" {
		st := s.StatusOK
		if m.status.IsErr {
			st = s.StatusErr
		}
		return common.PadRight(" "+st.Render(m.status.Text), m.width)
	}
	var bindings []key.Binding
	if t := m.top(); t != nil {
		bindings = append(bindings, t.ShortHelp()...)
	} else {
		bindings = append(bindings, m.panes[m.active].ShortHelp()...)
	}
	if !m.captures() && !m.topIs(common.ScreenHelp) {
		bindings = append(bindings, m.env.Keys.GlobalShortHelp()...)
	}
	return common.PadRight(" "+m.help.ShortHelpView(bindings), m.width)
}
