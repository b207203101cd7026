package day

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
)

// attTextLines is the most lines a promise's text takes in the list; a
// longer text ends with … on the last.
const attTextLines = 2

// urgent reports whether an item is drawn in red rather than amber:
// anything past its date, and bid documents from the day the papers are
// due (model: Urgent).
func urgent(a model.AttentionItem, _ model.Date) bool {
	switch {
	case a.Type == model.AttPromiseOverdue, a.DaysOverdue > 0:
		return true
	case a.Type == model.AttBidPrep:
		return a.Urgent
	}
	return false
}

// attHead is an item's first line: what it is and when.
func (m *Model) attHead(a model.AttentionItem) string {
	today := m.env.Today()
	what := m.lang.T("att." + string(a.Type))
	var when string
	switch a.Type {
	case model.AttPromiseOverdue:
		when = m.daysOverdue(a.DaysOverdue)
	case model.AttPromiseDue:
		when = m.lang.T("day.att.due", m.lang.Relative(a.Due, today))
	case model.AttClientFollowUp, model.AttProjectFollowUp:
		if a.DaysOverdue > 0 {
			when = m.daysOverdue(a.DaysOverdue)
		} else {
			when = m.lang.T("day.att.due", m.lang.Relative(a.Due, today))
		}
		if a.Booked.Valid() {
			// Booked beyond the week: still due, and says when (v2).
			when += " · " + m.lang.T("day.att.booked", m.lang.DayMonth(a.Booked))
		}
	case model.AttBidPrep:
		// The papers' date leads (they must be ready then); the bid's
		// date is on the second line.
		when = m.lang.T("day.att.due", m.lang.Relative(a.PapersDue, today))
	case model.AttBidResult:
		when = m.lang.T("day.att.bid", m.lang.Relative(a.Bid, today))
	}
	return what + " · " + when
}

// attBody is an item's second line: who and what, made inert (and for
// bid papers, the bid's date).
func (m *Model) attBody(a model.AttentionItem) string {
	var parts []string
	switch a.Type {
	case model.AttPromiseOverdue, model.AttPromiseDue:
		parts = append(parts, a.Client)
		if a.Project != "" {
			parts = append(parts, a.Project)
		}
	case model.AttClientFollowUp:
		parts = append(parts, a.Client)
	default:
		parts = append(parts, a.Project)
		if a.Client != "" {
			parts = append(parts, a.Client)
		}
	}
	for i, p := range parts {
		parts[i] = model.InertLine(p)
	}
	if a.Type == model.AttBidPrep && a.Bid.Valid() {
		parts = append(parts, m.lang.T("day.att.bid", m.lang.DayMonth(a.Bid)))
	}
	return strings.Join(parts, " · ")
}

// attIndent is where an item's second and later lines start.
const attIndent = "    "

// attItem is an item's lines, plain and inert, for a list w cells wide:
// what and when; who; and for a promise what was promised, wrapped, cut
// with … only past attTextLines.
func (m *Model) attItem(a model.AttentionItem, w int) []string {
	lines := []string{m.attHead(a), attIndent + m.attBody(a)}
	if a.Type != model.AttPromiseOverdue && a.Type != model.AttPromiseDue || strings.TrimSpace(a.Text) == "" {
		return lines
	}
	tw := max(w-ansi.StringWidth(attIndent), 1)
	wrapped := strings.Split(ansi.Wrap(model.InertLine(a.Text), tw, " "), "\n")
	if len(wrapped) > attTextLines {
		rest := strings.Join(wrapped[attTextLines-1:], " ")
		wrapped = append(wrapped[:attTextLines-1], common.Truncate(rest, tw))
	}
	for _, l := range wrapped {
		lines = append(lines, attIndent+strings.TrimRight(l, " "))
	}
	return lines
}

// attLinesFrom is how many lines items [from, to) take at the list's width.
func (m *Model) attLinesFrom(from, to int) int {
	n := 0
	for i := max(from, 0); i < min(to, len(m.attention)); i++ {
		n += len(m.attItem(m.attention[i], m.attW))
	}
	return n
}

// attRoom is how many lines the items have: the list's height less its
// title and the regular-clients line.
func (m *Model) attRoom() int {
	room := m.attH - 1
	if m.regularDue > 0 {
		room--
	}
	return max(room, 1)
}

// attAt is the item drawn on line y of the items (0 = the first shown).
func (m *Model) attAt(y int) (int, bool) {
	for i := m.attTop; i < len(m.attention) && y >= 0; i++ {
		n := len(m.attItem(m.attention[i], m.attW))
		if y < n {
			return i, true
		}
		y -= n
	}
	return 0, false
}

// attentionView renders the attention list in exactly w×h cells.
func (m *Model) attentionView(w, h int) string {
	st := m.env.Styles
	today := m.env.Today()
	items := m.attention
	lines := make([]string, 0, h)
	title := m.lang.T("day.att.title", len(items))
	if m.attTop > 0 {
		title += " " + m.lang.T("day.att.above", m.attTop)
	}
	lines = append(lines, "") // the title, once it is known how many items show
	footer := ""
	if m.regularDue > 0 {
		footer = m.lang.T("day.att.regular_due", m.regularDue)
	}
	room := m.attRoom()
	if len(items) == 0 {
		lines = append(lines, st.Muted.Render(common.PadRight("  "+m.lang.T("day.att.none"), w)))
	}
	focused := m.focus == focusAttention
	used, shown := 0, m.attTop
	for i := m.attTop; i < len(items); i++ {
		a := items[i]
		item := m.attItem(a, w)
		if used+len(item) > room {
			if avail := room - used; avail >= 2 { // a promise's text cut short rather than the item hidden
				item = cutItem(item, avail, w)
			} else if used == 0 { // a list one line high still shows what the item is
				item = item[:1]
			} else {
				break
			}
		}
		used += len(item)
		shown = i + 1
		sel := i == m.att.Cursor
		cursor := " "
		if sel && focused {
			cursor = "›"
		}
		for j, l := range item {
			if j == 0 {
				l = cursor + " " + l
			}
			l = common.PadRight(l, w)
			switch {
			case sel && focused:
				l = st.Selected.Render(l)
			case j == 0 && urgent(a, today):
				l = st.Overdue.Render(l)
			case j == 0:
				l = st.DueSoon.Render(l)
			case j == 1 && (a.Type == model.AttPromiseOverdue || a.Type == model.AttPromiseDue):
				l = st.Muted.Render(l) // who; what was promised reads plain below
			}
			lines = append(lines, l)
		}
	}
	// Items hidden below, as the task list says its rows below.
	if below := len(items) - shown; below > 0 && len(items) > 0 {
		title += " " + m.lang.T("day.att.below", below)
	}
	lines[0] = st.Title.Render(common.PadRight(title, w))
	for len(lines) < h-1 || (footer == "" && len(lines) < h) {
		lines = append(lines, strings.Repeat(" ", w))
	}
	if footer != "" && len(lines) < h {
		lines = append(lines, st.Muted.Render(common.PadRight(footer, w)))
	}
	return strings.Join(lines[:min(len(lines), h)], "\n")
}

// cutItem fits an item's lines into n (at least 2) lines w cells wide:
// the first n-1 as they are, then what is left run together on the last
// line, cut with …, so the list's room is filled rather than a line left
// blank.
func cutItem(item []string, n, w int) []string {
	rest := make([]string, 0, len(item))
	for _, l := range item[n-1:] {
		rest = append(rest, strings.TrimSpace(l))
	}
	out := append([]string(nil), item[:n-1]...)
	return append(out, common.Truncate(attIndent+strings.Join(rest, " "), w))
}

// taskFor turns an attention item into a task for today, titled in the
// user's language (DESIGN.md §5: "one key turns an attention item into a
// task for today").
func (m *Model) taskFor(a model.AttentionItem) model.Task {
	t := model.Task{Date: m.env.Today(), Kind: model.TaskTodo, Slot: model.SlotAny,
		ClientID: a.ClientID, ProjectID: a.ProjectID}
	// Names and texts go into the title as typed: they are made inert when
	// shown, like every title.
	switch a.Type {
	case model.AttPromiseOverdue, model.AttPromiseDue:
		t.Title = m.lang.T("day.mk.promise", a.Text)
		t.Important = a.Type == model.AttPromiseOverdue
	case model.AttClientFollowUp:
		t.Kind = model.TaskCall
		t.Title = m.lang.T("day.mk.client", a.Client)
	case model.AttProjectFollowUp:
		t.Kind = model.TaskCall
		t.Title = m.lang.T("day.mk.project", a.Project)
	case model.AttBidPrep:
		t.Title = m.lang.T("day.mk.bid_prep", a.Project)
		t.Important = true
	case model.AttBidResult:
		t.Kind = model.TaskCall
		t.Title = m.lang.T("day.mk.bid_result", a.Project)
	}
	return t
}

// daysOverdue says "1 day overdue" or "3 days overdue".
func (m *Model) daysOverdue(n int) string {
	if n == 1 {
		return m.lang.T("day.att.one_day_overdue")
	}
	return m.lang.T("rel.days_overdue", n)
}
