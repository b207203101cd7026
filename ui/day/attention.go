package day

import (
	"strings"

	"salesplan/model"
	"salesplan/ui/common"
)

// attLines is how many lines one attention item takes.
const attLines = 2

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
		when = m.lang.T("rel.days_overdue", a.DaysOverdue)
	case model.AttPromiseDue:
		when = m.lang.T("day.att.due", m.lang.Relative(a.Due, today))
	case model.AttClientFollowUp, model.AttProjectFollowUp:
		if a.DaysOverdue > 0 {
			when = m.lang.T("rel.days_overdue", a.DaysOverdue)
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
		parts = append(parts, a.Text)
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

// attentionView renders the attention list in exactly w×h cells.
func (m *Model) attentionView(w, h int) string {
	st := m.env.Styles
	today := m.env.Today()
	items := m.attention
	lines := make([]string, 0, h)
	title := m.lang.T("day.att.title", len(items))
	lines = append(lines, st.Title.Render(common.PadRight(title, w)))
	footer := ""
	if m.regularDue > 0 {
		footer = m.lang.T("day.att.regular_due", m.regularDue)
	}
	room := h - 1
	if footer != "" {
		room--
	}
	if len(items) == 0 {
		lines = append(lines, st.Muted.Render(common.PadRight("  "+m.lang.T("day.att.none"), w)))
	}
	focused := m.focus == focusAttention
	for i := m.att.Offset; i < len(items) && len(lines)+attLines <= room+1; i++ {
		a := items[i]
		sel := i == m.att.Cursor
		cursor := " "
		if sel && focused {
			cursor = "›"
		}
		head := common.PadRight(cursor+" "+m.attHead(a), w)
		body := common.PadRight("    "+m.attBody(a), w)
		switch {
		case sel && focused:
			head, body = st.Selected.Render(head), st.Selected.Render(body)
		case urgent(a, today):
			head = st.Overdue.Render(head)
		default:
			head = st.DueSoon.Render(head)
		}
		lines = append(lines, head, body)
	}
	for len(lines) < h-1 || (footer == "" && len(lines) < h) {
		lines = append(lines, strings.Repeat(" ", w))
	}
	if footer != "" && len(lines) < h {
		lines = append(lines, st.Muted.Render(common.PadRight(footer, w)))
	}
	return strings.Join(lines[:min(len(lines), h)], "\n")
}

// attVisible is how many items fit in the attention list's height.
func (m *Model) attVisible() int {
	room := m.attH - 1
	if m.regularDue > 0 {
		room--
	}
	return max(room/attLines, 1)
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
