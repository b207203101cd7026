package projects

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
)

// detailView draws the project detail: a fixed first line (name, stage,
// days in it) over a scrolling body.
func (m *Model) detailView(w, h int) string {
	st := m.env.Styles
	dv := m.detail
	if !dv.loaded {
		return st.Muted.Render(common.PadRight(m.lang.T("projects.loading"), w))
	}
	r := dv.d.Row
	right := m.stageName(r.Stage) + " · " + m.lang.T("projects.detail.since", m.lang.ShortDate(r.StageSince()), m.daysText(r.Project))
	left := common.Cell(r.Name, max(w-ansi.StringWidth(right)-1, 1))
	out := []string{st.Title.Render(left) + " " + st.Muted.Render(right)}
	body := m.detailLines(w)
	end := min(dv.offset+h-1, len(body))
	if end < len(body) {
		end = max(end-1, dv.offset) // the "↓ N more lines" mark takes the last line, covering none
	}
	out = append(out, body[dv.offset:end]...)
	if more := len(body) - end; more > 0 && h > 1 {
		out = append(out, st.Muted.Render(common.PadRight("  "+m.lang.N("projects.more", more, more), w)))
	}
	return strings.Join(out, "\n")
}

// detailLines are the detail's body lines, each exactly w cells.
func (m *Model) detailLines(w int) []string {
	if m.detail == nil || !m.detail.loaded {
		return nil
	}
	st := m.env.Styles
	d := m.detail.d
	r := d.Row
	today := m.env.Today()
	var out []string
	add := func(s string) { out = append(out, common.PadRight(s, w)) }
	labels := []string{"projects.d.client", "projects.d.owner", "projects.d.value", "projects.d.bid", "projects.d.papers", "projects.d.next"}
	lw := 0
	for _, k := range labels {
		lw = max(lw, ansi.StringWidth(m.lang.T(k)))
	}
	field := func(k, v string) string { return st.Label.Render(common.PadRight(m.lang.T(k), lw)) + "  " + v }
	// The date column is as wide as the widest date it shows.
	dw := 0
	measure := func(dt model.Date) { dw = max(dw, ansi.StringWidth(m.lang.ShortDate(dt))) }
	for _, h := range r.StageHistory {
		measure(h.On)
	}
	for _, t := range d.Tasks {
		measure(t.Date)
	}
	for _, p := range d.Promises {
		measure(p.Due)
	}
	for _, e := range d.Journal {
		measure(model.DateOf(e.At))
	}
	dw = max(dw, ansi.StringWidth(m.lang.T("projects.d.inbox")))

	add(field("projects.d.client", model.InertLine(r.Client)))
	owner := model.InertLine(r.Owner)
	if owner == "" {
		owner = "—"
	}
	add(field("projects.d.owner", owner))
	add(field("projects.d.value", m.lang.MoneyExact(r.Value, m.env.CurrencySymbol())))
	bid := "—"
	if r.BidDate.Valid() {
		bid = m.lang.T("projects.d.when", m.lang.ShortDate(r.BidDate), m.lang.Relative(r.BidDate, today))
		if bs, ok := m.bidStyle(r); ok {
			bid = bs.Render(bid)
		}
	}
	add(field("projects.d.bid", bid))
	if r.PapersDue.Valid() && r.Stage.Live() {
		// The day the bid papers must be ready (two working days before).
		add(field("projects.d.papers", m.lang.T("projects.d.when", m.lang.ShortDate(r.PapersDue), m.lang.Relative(r.PapersDue, today))))
	}
	next := "—"
	if r.Stage.Live() && r.FollowUp.Due.Valid() {
		when := m.lang.Relative(r.FollowUp.Due, today)
		if r.FollowUp.IsDue && r.FollowUp.DaysOverdue > 0 {
			when = m.lang.N("rel.days_overdue", r.FollowUp.DaysOverdue, r.FollowUp.DaysOverdue)
		}
		next = m.lang.T("projects.d.when", m.lang.ShortDate(r.FollowUp.Due), when)
		if r.FollowUp.IsDue {
			next = st.Overdue.Render(next)
		}
		cadence := m.lang.N("projects.d.cadence", d.Cadence, d.Cadence)
		last := m.lang.T("projects.d.last_contact", m.lang.T("rel.never"))
		if r.LastContact.Valid() {
			last = m.lang.T("projects.d.last_contact", m.lang.ShortDate(r.LastContact))
		}
		add(field("projects.d.next", next))
		// The rule behind the date, on its own line (it is long in Chinese
		// too), wrapped under the values on a narrow screen.
		for _, line := range common.WrapText(cadence+" · "+last, max(w-lw-2, 10)) {
			add(strings.Repeat(" ", lw+2) + st.Muted.Render(line))
		}
	} else {
		add(field("projects.d.next", next))
	}

	section := func(key string, n int) {
		add("")
		add(st.Title.Render(m.lang.T(key, n)))
	}
	// The notes that say why the project was lost: marked in the journal,
	// and their first line after the lost stage in the history.
	reasons := r.LostReasons(d.Journal)
	why := map[model.Date]string{}
	for _, e := range d.Journal {
		if reasons[e.ID] {
			why[e.On()] = model.InertLine(strings.SplitN(e.Text, "\n", 2)[0])
		}
	}
	section("projects.d.stages", len(r.StageHistory))
	for i, h := range r.StageHistory {
		mark := "  "
		if i == len(r.StageHistory)-1 {
			mark = "● "
		}
		stage := m.stageName(h.Stage)
		if text, ok := why[h.On]; ok && h.Stage == model.StageLost {
			stage = m.lang.T("projects.d.lost_why", stage, text)
		}
		add(mark + common.PadRight(m.lang.ShortDate(h.On), dw) + " " + stage) // add cuts a long reason at the edge
	}

	section("projects.d.tasks", len(d.Tasks))
	if len(d.Tasks) == 0 {
		add(st.Muted.Render("  " + m.lang.T("projects.d.none")))
	}
	for _, t := range d.Tasks {
		when := m.lang.T("projects.d.inbox")
		if t.Date.Valid() {
			when = m.lang.ShortDate(t.Date)
		}
		// Wrapped, not cut: a title or a text is read whole here.
		head := "  " + common.PadRight(when, dw) + " " + common.PadRight(m.lang.T("kind."+string(t.Kind)), 8) + " "
		for _, line := range common.Hanging(head, t.Title, w) {
			if t.CarriedOver(today) {
				line = st.Warning.Render(common.PadRight(line, w))
			}
			add(line)
		}
	}

	section("projects.d.promises", len(d.Promises))
	if len(d.Promises) == 0 {
		add(st.Muted.Render("  " + m.lang.T("projects.d.none")))
	}
	// The state column is as wide as the widest state shown ("cancelled"
	// is 9 cells; cut to 8 it read "cancell…").
	sw := 8
	for _, p := range d.Promises {
		sw = max(sw, ansi.StringWidth(m.lang.T("projects.d.promise."+string(p.Status))))
	}
	for _, p := range d.Promises {
		status := m.lang.T("projects.d.promise." + string(p.Status))
		head := "  " + common.PadRight(m.lang.ShortDate(p.Due), dw) + " " + common.PadRight(status, sw) + " "
		for _, line := range common.Hanging(head, p.Text, w) {
			switch {
			case p.Overdue(today):
				line = st.Overdue.Render(common.PadRight(line, w))
			case p.Status != model.PromiseOpen:
				line = st.Muted.Render(common.PadRight(line, w))
			}
			add(line)
		}
	}

	section("projects.d.journal", len(d.Journal))
	if len(d.Journal) == 0 {
		add(st.Muted.Render("  " + m.lang.T("projects.d.none")))
	}
	m.detail.entryLine = -1
	for _, e := range d.Journal {
		at := m.lang.ShortDate(model.DateOf(e.At)) + " " + e.At.Format("15:04")
		lead := "  "
		selected := m.detail.journal && e.ID == m.detail.entry
		if selected {
			lead = "› "
			m.detail.entryLine = len(out)
		}
		kind := m.lang.T("kind." + string(e.Kind))
		if reasons[e.ID] {
			kind = st.Warning.Render(m.lang.T("projects.d.lost_reason"))
		}
		head := lead + common.PadRight(at, dw+6) + " " + common.PadRight(kind, 8) + " "
		lines := common.Hanging(head, e.Text, w)
		if selected {
			m.detail.entryLen = len(lines)
		}
		for _, line := range lines {
			if selected {
				line = st.Selected.Render(common.PadRight(line, w))
			}
			add(line)
		}
	}
	return out
}
