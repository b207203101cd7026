package clients

import (
	"errors"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/brief"
	"salesplan/ui/components/client"
	"salesplan/ui/components/dialog"
	"salesplan/ui/theme"
)

// detail is the client detail's state: the client read last, and its
// lines wrapped for the current width (built once per load or resize; only
// the visible ones are drawn).
type detail struct {
	id model.ID
	// outside: opened from another pane (an attention item, a promise),
	// so esc goes back there once the detail closes.
	outside bool
	loads   common.Loads
	d       storage.ClientDetail
	loaded  bool
	wrapped []string
	offset  int
	// entry is the journal entry a search hit opened, highlighted;
	// scrollTo: the body scrolls to it once it has loaded; entryLine is
	// its first line in wrapped (-1: not among them); all: the whole
	// journal is read, the entry being older than the latest
	// journalLimit.
	entry     model.ID
	scrollTo  bool
	entryLine int
	all       bool
	// journal: the journal has the cursor (J); entry is the entry
	// selected, entryIdx its place in the journal read (where the
	// cursor stays when the entry goes), entryLen its lines in wrapped.
	// hit: the cursor came with a search hit (esc goes back there).
	journal  bool
	hit      bool
	entryIdx int
	entryLen int
	// editOnLoad: open the client's edit form once the detail has loaded
	// (e in another pane's brief).
	editOnLoad bool
	// opening: the next load is the one that opens the card. An archived
	// client opened (a promise to it, a search hit) shows, marked; one
	// archived elsewhere while its card is shown closes it.
	opening bool
	// elsewhere: the latest read was asked for by a change made in
	// another process (the command line's undo or restore), so a client
	// gone is said to be gone; gone by an undo here, the undo's own words
	// stay.
	elsewhere bool
}

// detailHead is the detail's fixed lines above the scrolling body.
const detailHead = 2

func (m *Model) openDetail(id model.ID) tea.Cmd {
	if m.det.id != id {
		m.det = detail{id: id, loads: m.det.loads}
	}
	// Opened again, the card starts at its top; the same client's lines
	// stay until the fresh read arrives, so nothing flickers.
	m.det.offset = 0
	m.det.opening, m.det.elsewhere = true, false
	m.det.journal, m.det.hit = false, false
	m.screen = screenDetail
	return m.loadDet()
}

func (m *Model) applyDetail(msg detailMsg) tea.Cmd {
	if msg.id != m.det.id || !m.det.loads.Answer(msg.seq) {
		return nil
	}
	if msg.err != nil {
		m.det.editOnLoad = false
		shown := m.screen == screenDetail
		if shown {
			m.screen = screenList
		}
		if errors.Is(msg.err, storage.ErrNotFound) && m.loaded {
			// Gone while open: back to the list. Gone elsewhere (the
			// command line's undo, an older backup restored), the footer
			// says so, by name; undone here, the undo's own words stay
			// (not "there is no client #31").
			if shown && m.det.elsewhere && m.det.loaded {
				return common.Status(m.lang.T("clients.status.gone", model.InertLine(m.det.d.Row.Name)))
			}
			return nil
		}
		return common.StatusErr(m.env, msg.err)
	}
	opening := m.det.opening
	m.det.opening = false
	if msg.d.Row.Archived && m.screen == screenDetail && !opening && m.det.loaded && !m.det.d.Row.Archived {
		m.screen = screenList // archived elsewhere (the command line) while shown
	}
	m.det.d, m.det.loaded, m.det.wrapped = msg.d, true, nil
	m.reselect()
	if m.det.editOnLoad {
		m.det.editOnLoad = false
		m.openClientForm(msg.d.Row.Client, true)
		m.afterEdit = editToOrigin
	}
	if m.det.scrollTo {
		return m.scrollToEntry()
	}
	return nil
}

// scrollToEntry scrolls the body so that the entry a search hit opened is
// at the top, under a line of what comes before; an entry older than
// the journal read asks for the whole journal first.
func (m *Model) scrollToEntry() tea.Cmd {
	m.detailLines() // finds entryLine
	switch {
	case m.det.entryLine >= 0:
		m.det.offset = max(m.det.entryLine-1, 0)
	case !m.det.all && len(m.det.d.Journal) >= journalLimit:
		m.det.all = true
		return m.loadDet()
	}
	m.det.scrollTo = false
	return nil
}

// bodyHeight is how many lines of the detail's body show.
func (m *Model) bodyHeight() int { return max(m.height-detailHead, 1) }

func (m *Model) scrollDetail(n int) {
	lines := m.detailLines()
	m.det.offset = min(max(m.det.offset+n, 0), max(len(lines)-m.bodyHeight(), 0))
}

// leaveDetail is esc on the card: back to the list, or to the pane (the
// search) it was opened from.
func (m *Model) leaveDetail() tea.Cmd {
	m.screen = screenList
	m.selectID(m.det.id)
	m.det.journal, m.det.hit = false, false
	if m.det.entry != 0 { // the search hit's highlight goes with the card
		m.det.entry, m.det.scrollTo, m.det.wrapped = 0, false, nil
	}
	if m.det.outside {
		m.det.outside = false
		return common.Back
	}
	return nil
}

// detailKey handles a key on the client detail.
func (m *Model) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	if m.det.journal && m.det.loaded {
		return m.journalKey(msg)
	}
	if key.Matches(msg, km.Back) {
		return m.leaveDetail()
	}
	if !m.det.loaded {
		return nil
	}
	c := m.det.d.Row.Client
	switch {
	case key.Matches(msg, km.Down):
		m.scrollDetail(1)
	case key.Matches(msg, km.Up):
		m.scrollDetail(-1)
	case key.Matches(msg, km.PageDown):
		m.scrollDetail(m.bodyHeight() - 1)
	case key.Matches(msg, km.PageUp):
		m.scrollDetail(-(m.bodyHeight() - 1))
	case key.Matches(msg, km.Home):
		m.det.offset = 0
	case key.Matches(msg, km.Journal):
		return m.focusJournal()
	case m.rowAction(msg, c): // e, c, v, m, p: as on the list
	case key.Matches(msg, km.NewClient):
		// As on the list: a new client saved opens its card, so a rep
		// adding several in a row (a, name, ctrl+s, a, …) types the next
		// a here.
		m.openClientForm(model.Client{}, false)
	case key.Matches(msg, km.ToggleKey):
		tier, word := model.TierKey, "clients.status.now_key"
		if c.Tier == model.TierKey {
			tier, word = model.TierRegular, "clients.status.now_regular"
		}
		m.host.Start()
		return dialog.Do(m.env.Store, m.lang.T(word, model.InertLine(c.Name)), func(st *storage.Store) error {
			_, err := st.SetClientTier(c.ID, tier)
			return err
		})
	case key.Matches(msg, km.Archive) && c.Archived:
		// An archived client opened from a promise or a search: d
		// brings it back among the clients.
		back := c
		back.Archived = false
		m.host.Start()
		return dialog.Do(m.env.Store, m.lang.T("clients.status.unarchived", model.InertLine(c.Name)), func(st *storage.Store) error {
			_, err := st.EditClient(c, back)
			return err
		})
	case key.Matches(msg, km.Archive):
		m.host.Start()
		status := m.lang.T("clients.status.archived", model.InertLine(c.Name))
		return dialog.Tag(dialog.Do(m.env.Store, status, func(st *storage.Store) error {
			_, err := st.ArchiveClient(c.ID)
			return err
		}), archived{})
	case key.Matches(msg, km.Brief):
		m.host.Start()
		return brief.Load(m.env, c.ID)
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
	if r.Archived {
		parts = append(parts, s.Warning.Render(m.lang.T("clients.detail.archived")))
	}
	last := m.lang.T("rel.never")
	if r.LastContact.Valid() {
		last = m.lang.DaysAgo(today.Sub(r.LastContact))
	}
	next, style := client.FollowUp(m.env, r.FollowUp, today)
	if style != nil {
		next = style(next)
	}
	line2 := s.Muted.Render(m.lang.T("clients.detail.last", last)+" · "+m.lang.T("clients.detail.next")+" ") + next
	lines := m.detailLines()
	h := m.bodyHeight()
	m.det.offset = min(m.det.offset, max(len(lines)-h, 0))
	end := min(m.det.offset+h, len(lines))
	if end < len(lines) {
		end-- // the "↓N more" marker takes the last line, hiding none of the text
	}
	out := []string{common.Truncate(strings.Join(parts, " · "), m.width), common.Truncate(line2, m.width)}
	out = append(out, lines[m.det.offset:end]...)
	if end < len(lines) {
		more := s.Muted.Render(m.lang.T("clients.more", len(lines)-end))
		out = append(out, common.PadLeft(more, m.width))
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
		journal, at := m.journalLines(w)
		m.det.entryLine = -1
		if at >= 0 {
			m.det.entryLine = len(out) + at
		}
		out = append(out, journal...)
		out = append(out, m.pastLines(w)...)
		m.det.wrapped = out
		return out
	}
	leftW := w / 2
	rightW := w - leftW - 3
	left := append(m.profileLines(leftW), m.pastLines(leftW)...)
	right, at := m.journalLines(rightW)
	if len(right) > 0 && right[0] == "" {
		right = right[1:] // the column starts at the top, no blank line
		at--
	}
	m.det.entryLine = max(at, -1)
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
	cad := l.N("clients.detail.cadence_days", c.CadenceDays, c.CadenceDays)
	switch {
	case c.CadenceDays > 0:
	case base.Valid():
		cad = l.N("clients.detail.cadence_default", d.Row.FollowUp.Due.Sub(base), d.Row.FollowUp.Due.Sub(base), l.T("tier."+string(c.Tier)))
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
		for i, part := range common.WrapText(f.value, max(w-lw-2, 10)) {
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
			out = append(out, client.PromiseLines(m.env, p, projName, today, m.det.d.Calendar, w)...)
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
		out = append(out, common.Hanging(head, model.InertLine(t.Title), w)...)
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

// journalLines are the journal, newest first, and the line at which the
// entry a search hit opened starts (-1: not there), drawn as selected.
func (m *Model) journalLines(w int) ([]string, int) {
	s := m.env.Styles
	l := m.lang
	d := m.det.d
	out := m.section(nil, l.T("clients.detail.journal", len(d.Journal)))
	if len(d.Journal) == 0 {
		out = append(out, s.Muted.Render("  "+l.T("clients.detail.no_journal")))
	}
	projName := m.projectNames()
	kw := client.EntryKindWidth(m.lang)
	at := -1
	for _, e := range d.Journal {
		// Fixed columns (ISO date, kind) so the texts line up; the project
		// leads the text, so wrapped lines hang under the text column.
		lead := "  "
		if e.ID == m.det.entry {
			lead = "› "
		}
		head := lead + e.On().String() + "  " + common.PadRight(l.T("kind."+string(e.Kind)), kw) + "  "
		text := e.Text
		if pn := projName[e.ProjectID]; pn != "" {
			text = "[" + pn + "] " + text
		}
		lines := common.Hanging(head, text, w)
		if e.ID == m.det.entry {
			at = len(out)
			m.det.entryLen = len(lines)
			for i, line := range lines {
				lines[i] = s.Selected.Render(common.PadRight(line, w))
			}
		}
		out = append(out, lines...)
	}
	if !m.det.all && len(d.Journal) == journalLimit {
		out = append(out, s.Muted.Render("  "+l.T("clients.detail.older")))
	}
	return out, at
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
		for _, line := range client.PromiseLines(m.env, p, projName, m.env.Today(), m.det.d.Calendar, w) {
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
