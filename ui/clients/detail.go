package clients

import (
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/theme"
)

// detail is the client detail's state: the client read last, and its
// lines wrapped for the current width (built once per load or resize; only
// the visible ones are drawn).
type detail struct {
	id      model.ID
	seq     uint64
	d       storage.ClientDetail
	loaded  bool
	wrapped []string
	offset  int
}

// detailHead is the detail's fixed lines above the scrolling body.
const detailHead = 2

func (m *Model) openDetail(id model.ID) tea.Cmd {
	if m.det.id != id {
		m.det = detail{id: id, seq: m.det.seq}
	}
	m.screen = screenDetail
	return m.loadDet()
}

func (m *Model) applyDetail(msg detailMsg) tea.Cmd {
	if msg.seq != m.det.seq || msg.id != m.det.id {
		return nil
	}
	if msg.err != nil {
		if m.screen == screenDetail {
			m.screen = screenList
		}
		return common.StatusErr(m.env, msg.err)
	}
	if msg.d.Row.Archived && m.screen == screenDetail {
		m.screen = screenList // archived elsewhere (the command line)
	}
	m.det.d, m.det.loaded, m.det.wrapped = msg.d, true, nil
	return nil
}

// bodyHeight is how many lines of the detail's body show.
func (m *Model) bodyHeight() int { return max(m.height-detailHead, 1) }

func (m *Model) scrollDetail(n int) {
	lines := m.detailLines()
	m.det.offset = min(max(m.det.offset+n, 0), max(len(lines)-m.bodyHeight(), 0))
}

// detailKey handles a key on the client detail.
func (m *Model) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	if !m.det.loaded {
		if key.Matches(msg, km.Back) {
			m.screen = screenList
		}
		return nil
	}
	c := m.det.d.Row.Client
	switch {
	case key.Matches(msg, km.Back):
		m.screen = screenList
		m.selectID(c.ID)
	case key.Matches(msg, km.Down):
		m.scrollDetail(1)
	case key.Matches(msg, km.Up):
		m.scrollDetail(-1)
	case msg.String() == "pgdown" || msg.String() == "space":
		m.scrollDetail(m.bodyHeight() - 1)
	case msg.String() == "pgup":
		m.scrollDetail(-(m.bodyHeight() - 1))
	case msg.String() == "home":
		m.det.offset = 0
	case key.Matches(msg, km.Edit):
		m.openClientForm(c, true)
	case key.Matches(msg, km.Note):
		return m.openNoteFlow(c.ID)
	case key.Matches(msg, km.LogCall):
		m.openLog(c, model.EntryCall)
	case key.Matches(msg, km.LogVisit):
		m.openLog(c, model.EntryVisit)
	case key.Matches(msg, km.LogMeeting):
		m.openLog(c, model.EntryMeeting)
	case key.Matches(msg, km.Promise):
		m.openPromise(c)
	case key.Matches(msg, km.ToggleKey):
		tier, word := model.TierKey, "clients.status.now_key"
		if c.Tier == model.TierKey {
			tier, word = model.TierRegular, "clients.status.now_regular"
		}
		st := m.env.Store
		return write(m.lang.T(word, model.InertLine(c.Name)), func() error {
			_, err := st.SetClientTier(c.ID, tier)
			return err
		})
	case key.Matches(msg, km.Archive):
		st := m.env.Store
		return func() tea.Msg {
			if _, err := st.ArchiveClient(c.ID); err != nil {
				return savedMsg{err: err}
			}
			return savedMsg{status: m.lang.T("clients.status.archived", model.InertLine(c.Name)), back: true}
		}
	case key.Matches(msg, km.Brief):
		return Brief(m.env, c.ID)
	case key.Matches(msg, km.CallSheet):
		return m.startSheet()
	}
	return nil
}

// detailView draws the fixed head and the visible part of the body.
func (m *Model) detailView() string {
	s := m.env.Styles
	if !m.det.loaded {
		return s.Muted.Render(m.lang.T("clients.loading"))
	}
	r := m.det.d.Row
	today := m.env.Today()
	name := s.Title.Render(model.InertLine(r.Name))
	if r.Tier == model.TierKey {
		name = s.KeyClient.Render(theme.KeyStar) + " " + name
	}
	parts := []string{name}
	for _, f := range []string{r.Company, r.Area} {
		if f != "" {
			parts = append(parts, model.InertLine(f))
		}
	}
	parts = append(parts, s.Muted.Render(m.lang.T("tier."+string(r.Tier))))
	last := m.lang.T("rel.never")
	if r.LastContact.Valid() {
		last = m.lang.DaysAgo(today.Sub(r.LastContact))
	}
	next, style := m.nextText(r.FollowUp, today)
	if style != nil {
		next = style(next)
	}
	line2 := s.Muted.Render(m.lang.T("clients.detail.last", last)+" · "+m.lang.T("clients.detail.next")+" ") + next
	lines := m.detailLines()
	h := m.bodyHeight()
	m.det.offset = min(m.det.offset, max(len(lines)-h, 0))
	end := min(m.det.offset+h, len(lines))
	out := []string{common.Truncate(strings.Join(parts, " · "), m.width), common.Truncate(line2, m.width)}
	out = append(out, lines[m.det.offset:end]...)
	if end < len(lines) {
		more := s.Muted.Render(m.lang.T("clients.more", len(lines)-end))
		if len(out) > 0 {
			out[len(out)-1] = common.PadRight(out[len(out)-1], max(m.width-ansi.StringWidth(more), 0)) + more
		}
	}
	return strings.Join(out, "\n")
}

// wideDetail is the width from which the journal sits beside the
// profile, promises, tasks and projects instead of below them.
const wideDetail = 120

// detailLines builds (or returns the cached) body lines at the pane width:
// one column on narrow terminals, two from wideDetail cells.
func (m *Model) detailLines() []string {
	if m.det.wrapped != nil {
		return m.det.wrapped
	}
	w := m.width
	if w < wideDetail {
		out := m.profileLines(w)
		out = append(out, m.journalLines(w)...)
		out = append(out, m.pastLines(w)...)
		m.det.wrapped = out
		return out
	}
	leftW := w / 2
	rightW := w - leftW - 3
	left := append(m.profileLines(leftW), m.pastLines(leftW)...)
	right := m.journalLines(rightW)
	if len(right) > 0 && right[0] == "" {
		right = right[1:] // the column starts at the top, no blank line
	}
	sep := m.env.Styles.Rule.Render(" │ ")
	out := make([]string, max(len(left), len(right)))
	for i := range out {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = common.PadRight(l, leftW) + sep + r
	}
	m.det.wrapped = out
	return out
}

// section starts a titled part of the detail.
func (m *Model) section(out []string, title string) []string {
	return append(out, "", m.env.Styles.Title.Render(title))
}

// profileLines are the profile, open promises, upcoming tasks and projects.
func (m *Model) profileLines(w int) []string {
	s := m.env.Styles
	l := m.lang
	d := m.det.d
	c := d.Row.Client
	today := m.env.Today()
	var out []string

	// Labels padded to one width (cells), values wrapped under their own
	// column. The tier's default cadence lives in the settings; the
	// follow-up due date is the last contact (or the created date) plus
	// it, so it is read back from there rather than loading the settings.
	type field struct{ label, value string }
	base := d.Row.LastContact
	if !base.Valid() {
		base = c.CreatedOn
	}
	cad := l.T("clients.detail.cadence_days", c.CadenceDays)
	switch {
	case c.CadenceDays > 0:
	case base.Valid():
		cad = l.T("clients.detail.cadence_default", d.Row.FollowUp.Due.Sub(base), l.T("tier."+string(c.Tier)))
	default: // hand-edited data without a created date
		cad = l.T("tier." + string(c.Tier))
	}
	fields := []field{
		{l.T("clients.f.phone"), c.Phone},
		{l.T("clients.f.business"), c.Business},
		{l.T("clients.f.needs"), c.Needs},
		{l.T("clients.f.decision_maker"), c.DecisionMaker},
		{l.T("clients.f.interests"), c.Interests},
		{l.T("clients.f.referred_by"), c.ReferredBy},
		{l.T("clients.f.cadence"), cad},
		{l.T("clients.f.since"), l.Date(c.CreatedOn)},
	}
	lw := 0
	for _, f := range fields {
		lw = max(lw, ansi.StringWidth(f.label))
	}
	for _, f := range fields {
		if f.value == "" {
			continue
		}
		label := s.Label.Render(common.PadRight(f.label, lw)) + "  "
		for i, part := range wrapText(f.value, max(w-lw-2, 10)) {
			if i == 0 {
				out = append(out, label+part)
			} else {
				out = append(out, strings.Repeat(" ", lw+2)+part)
			}
		}
	}

	projName := m.projectNames()
	open := 0
	out = m.section(out, l.T("clients.detail.open_promises", countOpen(d.Promises)))
	for _, p := range d.Promises {
		if p.Status == model.PromiseOpen {
			open++
			out = append(out, m.promiseLines(p, projName, today, w)...)
		}
	}
	if open == 0 {
		out = append(out, s.Muted.Render("  "+l.T("word.none")))
	}

	out = m.section(out, l.T("clients.detail.tasks", len(d.Tasks)))
	if len(d.Tasks) == 0 {
		out = append(out, s.Muted.Render("  "+l.T("word.none")))
	}
	for _, t := range d.Tasks {
		when := l.T("clients.detail.inbox")
		if t.Date.Valid() {
			when = l.ShortDate(t.Date)
			if t.Time.Valid() {
				when += " " + t.Time.String()
			}
		}
		head := "  " + when + "  " + l.T("kind."+string(t.Kind)) + "  "
		out = append(out, hanging(head, model.InertLine(t.Title), w)...)
	}

	out = m.section(out, l.T("clients.detail.projects", len(d.Projects)))
	if len(d.Projects) == 0 {
		out = append(out, s.Muted.Render("  "+l.T("word.none")))
	}
	projects := append([]model.Project(nil), d.Projects...)
	sort.SliceStable(projects, func(i, j int) bool { return projects[i].Stage.Live() && !projects[j].Stage.Live() })
	for _, p := range projects {
		line := "  " + model.InertLine(p.Name) + " · " + l.T("stage."+string(p.Stage))
		if p.Value > 0 {
			line += " · " + m.env.Money(p.Value)
		}
		if p.BidDate.Valid() {
			line += " · " + l.T("clients.detail.bid", l.ShortDate(p.BidDate))
		}
		if !p.Stage.Live() {
			line = s.Muted.Render(line)
		}
		out = append(out, common.Truncate(line, w))
	}
	return out
}

// journalLines are the journal, newest first.
func (m *Model) journalLines(w int) []string {
	s := m.env.Styles
	l := m.lang
	d := m.det.d
	out := m.section(nil, l.T("clients.detail.journal", len(d.Journal)))
	if len(d.Journal) == 0 {
		out = append(out, s.Muted.Render("  "+l.T("clients.detail.no_journal")))
	}
	projName := m.projectNames()
	kw := m.kindWidth()
	for _, e := range d.Journal {
		// Fixed columns (ISO date, kind) so the texts line up; the project
		// leads the text, so wrapped lines hang under the text column.
		head := "  " + e.On().String() + "  " + common.PadRight(l.T("kind."+string(e.Kind)), kw) + "  "
		text := e.Text
		if pn := projName[e.ProjectID]; pn != "" {
			text = "[" + pn + "] " + text
		}
		out = append(out, hanging(head, text, w)...)
	}
	if len(d.Journal) == journalLimit {
		out = append(out, s.Muted.Render("  "+l.T("clients.detail.older")))
	}
	return out
}

// pastLines are the kept and cancelled promises, dimmed.
func (m *Model) pastLines(w int) []string {
	d := m.det.d
	n := len(d.Promises) - countOpen(d.Promises)
	if n == 0 {
		return nil
	}
	out := m.section(nil, m.lang.T("clients.detail.past_promises", n))
	projName := m.projectNames()
	for _, p := range d.Promises {
		if p.Status == model.PromiseOpen {
			continue
		}
		for _, line := range m.promiseLines(p, projName, m.env.Today(), w) {
			out = append(out, m.env.Styles.Done.Render(ansi.Strip(line)))
		}
	}
	return out
}

func (m *Model) projectNames() map[model.ID]string {
	names := make(map[model.ID]string, len(m.det.d.Projects))
	for _, p := range m.det.d.Projects {
		names[p.ID] = p.Name
	}
	return names
}

func countOpen(ps []model.Promise) int {
	n := 0
	for _, p := range ps {
		if p.Status == model.PromiseOpen {
			n++
		}
	}
	return n
}

// kindWidth is the widest journal kind word, in cells.
func (m *Model) kindWidth() int {
	w := 0
	for _, k := range []model.EntryKind{model.EntryNote, model.EntryCall, model.EntryVisit, model.EntryMeeting} {
		w = max(w, ansi.StringWidth(m.lang.T("kind."+string(k))))
	}
	return w
}

// promiseLines draws a promise: due date, state, text (wrapped).
func (m *Model) promiseLines(p model.Promise, projName map[model.ID]string, today model.Date, w int) []string {
	s := m.env.Styles
	l := m.lang
	state := ""
	style, colored := s.Base, false
	switch {
	case p.Status == model.PromiseKept:
		state = l.T("clients.promise.kept_on", l.DayMonth(p.KeptOn))
	case p.Status == model.PromiseCancelled:
		state = l.T("promise.cancelled")
	case p.Overdue(today):
		state, style, colored = OverdueText(l, today.Sub(p.Due)), s.Overdue, true
	case p.DueSoon(today, m.det.d.Calendar):
		state, style, colored = l.Relative(p.Due, today), s.DueSoon, true
	default:
		state = l.Relative(p.Due, today)
	}
	head := "  " + common.PadRight(l.ShortDate(p.Due), dateWidth(l)) + "  " + state + "  "
	text := p.Text
	if pn := projName[p.ProjectID]; pn != "" {
		text = "[" + pn + "] " + text
	}
	lines := hanging(head, text, w)
	if colored {
		for i := range lines {
			lines[i] = style.Render(lines[i])
		}
	}
	return lines
}

// dateWidth is the widest short date of l, in cells, so date columns line up.
func dateWidth(l i18n.Lang) int {
	return ansi.StringWidth(l.ShortDate(model.MakeDate(2026, time.December, 30)))
}

// hanging writes head then the user's text wrapped to w cells, later lines
// indented under the text; a head wider than half the line goes on a line
// of its own, the text indented under it.
func hanging(head, text string, w int) []string {
	hw := ansi.StringWidth(head)
	if hw > w/2 {
		out := []string{common.Truncate(strings.TrimRight(head, " "), w)}
		for _, p := range wrapText(text, max(w-4, 10)) {
			out = append(out, "    "+p)
		}
		return out
	}
	parts := wrapText(text, max(w-hw, 10))
	out := make([]string, 0, len(parts))
	for i, p := range parts {
		if i == 0 {
			out = append(out, common.Truncate(head+p, w))
		} else {
			out = append(out, strings.Repeat(" ", hw)+p)
		}
	}
	if len(out) == 0 {
		out = append(out, common.Truncate(head, w))
	}
	return out
}

// wrapText makes user text inert and wraps it to w cells: its own line
// breaks are kept, tabs become spaces (a tab would move the terminal's
// cursor past the layout), words longer than a line are broken.
func wrapText(text string, w int) []string {
	text = strings.ReplaceAll(model.Inert(text), "\t", "    ")
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line == "" {
			out = append(out, "")
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(line, max(w, 1), " "), "\n")...)
	}
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}
