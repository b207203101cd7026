package clients

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/form"
	"salesplan/ui/theme"
)

// The call sheet (C): the clients due for follow-up, key clients first
// (most overdue first), then regular ones, one screen each with what the
// call needs — phone, follow-up state, decision maker and interests, the
// last three notes, the open promises, and the other key clients due in the
// same area (to book visits on one trip). c records the call and moves on,
// s skips, b books a visit and moves on; p and n add a promise or a note
// and stay, since a call often brings both. The queue is fixed when the
// sheet opens, so clients do not jump around as calls are recorded.

type callSheet struct {
	queue   []storage.ClientRow
	ready   bool // the queue has loaded
	i       int
	seq     uint64
	d       storage.ClientDetail
	loaded  bool // d is queue[i]'s detail
	called  int
	skipped int
	booked  int
	from    screen // where esc goes back to
}

type (
	sheetQueueMsg struct {
		queue []storage.ClientRow
		err   error
	}
	sheetDetailMsg struct {
		seq uint64
		id  model.ID
		d   storage.ClientDetail
		err error
	}
)

// current is the client on screen.
func (s *callSheet) current() (model.Client, bool) {
	if s == nil || !s.ready || s.i >= len(s.queue) {
		return model.Client{}, false
	}
	return s.queue[s.i].Client, true
}

// load reads the current client's detail (the last three notes suffice).
func (s *callSheet) load(env common.Env) tea.Cmd {
	c, ok := s.current()
	if !ok {
		return nil
	}
	s.seq++
	seq, st, today := s.seq, env.Store, env.Today()
	return func() tea.Msg {
		d, err := st.ClientDetail(c.ID, today, 3)
		return sheetDetailMsg{seq: seq, id: c.ID, d: d, err: err}
	}
}

// sheetQueue orders the due clients: key first, then by most overdue.
func sheetQueue(rows []storage.ClientRow) []storage.ClientRow {
	var q []storage.ClientRow
	for _, r := range rows {
		if r.FollowUp.IsDue {
			q = append(q, r)
		}
	}
	sort.SliceStable(q, func(i, j int) bool {
		if (q[i].Tier == model.TierKey) != (q[j].Tier == model.TierKey) {
			return q[i].Tier == model.TierKey
		}
		return q[i].FollowUp.DaysOverdue > q[j].FollowUp.DaysOverdue
	})
	return q
}

// startSheet opens the call sheet, reading who is due afresh.
func (m *Model) startSheet() tea.Cmd {
	from := m.screen
	if from == screenSheet {
		return nil
	}
	m.sheet = &callSheet{from: from}
	m.screen = screenSheet
	st, today := m.env.Store, m.env.Today()
	return func() tea.Msg {
		if st == nil {
			return sheetQueueMsg{err: errNoStore}
		}
		rows, err := st.Clients(today, false)
		return sheetQueueMsg{queue: sheetQueue(rows), err: err}
	}
}

func (m *Model) applySheetQueue(msg sheetQueueMsg) tea.Cmd {
	if m.sheet == nil || m.sheet.ready {
		return nil
	}
	if msg.err != nil {
		m.screen = m.sheet.from
		return common.StatusErr(m.env, msg.err)
	}
	m.sheet.queue, m.sheet.ready = msg.queue, true
	return m.sheet.load(m.env)
}

func (m *Model) applySheetDetail(msg sheetDetailMsg) tea.Cmd {
	s := m.sheet
	if s == nil || msg.seq != s.seq {
		return nil
	}
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	s.d, s.loaded = msg.d, true
	return nil
}

// advance moves the sheet to the next client.
func (m *Model) advance() tea.Cmd {
	s := m.sheet
	if s == nil || s.i >= len(s.queue) {
		return nil
	}
	s.i++
	s.loaded = false
	return s.load(m.env)
}

// sheetKey handles a key on the call sheet.
func (m *Model) sheetKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	s := m.sheet
	if key.Matches(msg, km.Back) {
		m.screen = s.from
		if m.screen == screenDetail {
			return m.loadDet()
		}
		return nil
	}
	// The keys need only the client, not its detail: a rep who presses s
	// while the next screen is still loading must not lose the key.
	c, ok := s.current()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(msg, km.LogCall):
		in := form.NewInput(m.lang, m.fst, m.lang.T("clients.sheet.called", model.InertLine(c.Name)),
			m.lang.T("clients.sheet.outcome_hint"), "")
		m.openDlg(dlgCalled, in, c)
	case key.Matches(msg, m.skip):
		s.skipped++
		return m.advance()
	case key.Matches(msg, km.Promise):
		m.openPromise(c)
	case key.Matches(msg, m.book):
		in := form.NewInput(m.lang, m.fst, m.lang.T("clients.sheet.book", model.InertLine(c.Name)),
			m.lang.T("clients.sheet.book_hint"), "")
		in.Required = true
		if hint := m.areaHint(); hint != "" {
			in.SetPreview([]string{hint})
		}
		m.openDlg(dlgBook, in, c)
	case key.Matches(msg, km.Note):
		return m.openNoteFlow(c.ID)
	}
	return nil
}

// areaHint names the other key clients due in the current client's area:
// "also near 朝阳: 李经理, 赵总".
func (m *Model) areaHint() string {
	s := m.sheet
	c, ok := s.current()
	if !ok || strings.TrimSpace(c.Area) == "" {
		return ""
	}
	var names []string
	for i, r := range s.queue {
		if i != s.i && r.Tier == model.TierKey && r.Area == c.Area {
			names = append(names, model.InertLine(r.Name))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return m.lang.T("clients.sheet.near", model.InertLine(c.Area), strings.Join(names, ", "))
}

// sheetView draws the current client's screen.
func (m *Model) sheetView() string {
	st := m.env.Styles
	l := m.lang
	s := m.sheet
	w := m.width
	if s == nil || !s.ready {
		return st.Muted.Render(l.T("clients.loading"))
	}
	tally := st.Muted.Render(" · " + l.T("clients.sheet.tally", s.called, s.skipped, s.booked))
	if len(s.queue) == 0 {
		return st.Title.Render(l.T("clients.sheet.title")) + "\n\n" + l.T("clients.sheet.none")
	}
	if s.i >= len(s.queue) {
		return st.Title.Render(l.T("clients.sheet.title")) + tally + "\n\n" +
			l.T("clients.sheet.done", len(s.queue)) + "\n" + st.Muted.Render(l.T("clients.sheet.esc"))
	}
	r := s.queue[s.i]
	c := r.Client
	group := l.T("clients.sheet.regular")
	if c.Tier == model.TierKey {
		group = l.T("clients.sheet.key")
	}
	out := []string{st.Title.Render(l.T("clients.sheet.pos", l.T("clients.sheet.title"), s.i+1, len(s.queue))) +
		st.Muted.Render(" · "+group) + tally, ""}
	name := st.Title.Render(model.InertLine(c.Name))
	if c.Tier == model.TierKey {
		name = st.KeyClient.Render(theme.KeyStar) + " " + name
	}
	for _, f := range []string{c.Company, c.Area} {
		if f != "" {
			name += " · " + model.InertLine(f)
		}
	}
	out = append(out, name)
	lw := 0
	for _, k := range []string{"clients.f.phone", "clients.f.decision_maker", "clients.f.interests", "clients.f.needs"} {
		lw = max(lw, common.Width(l.T(k)))
	}
	field := func(label, v string) {
		if strings.TrimSpace(v) != "" {
			out = append(out, hanging(st.Label.Render(common.PadRight(label, lw))+"  ", v, w)...)
		}
	}
	phone := c.Phone
	if phone == "" {
		phone = l.T("clients.sheet.no_phone")
	}
	field(l.T("clients.f.phone"), phone)
	last := l.T("rel.never")
	if r.LastContact.Valid() {
		last = l.DaysAgo(m.env.Today().Sub(r.LastContact))
	}
	next, style := m.nextText(r.FollowUp, m.env.Today())
	if style != nil {
		next = style(next)
	}
	out = append(out, strings.Repeat(" ", lw+2)+st.Muted.Render(l.T("clients.detail.last", last)+" · "+l.T("clients.detail.next")+" ")+next)
	// The area hint sits high: on a short terminal the notes and promises
	// below may be cut, the hint that decides a booking must not be.
	if hint := m.areaHint(); hint != "" {
		out = append(out, strings.Repeat(" ", lw+2)+st.Warning.Render(common.Truncate(hint, max(w-lw-2, 1))))
	}
	field(l.T("clients.f.decision_maker"), c.DecisionMaker)
	field(l.T("clients.f.interests"), c.Interests)
	field(l.T("clients.f.needs"), c.Needs)
	if !s.loaded {
		out = append(out, "", st.Muted.Render(l.T("clients.loading")))
		return strings.Join(out, "\n")
	}
	out = append(out, "", st.Title.Render(l.T("clients.brief.notes")))
	n := 0
	for _, e := range s.d.Journal {
		if n == 3 {
			break
		}
		n++
		out = append(out, hanging("  "+e.On().String()+"  "+common.PadRight(l.T("kind."+string(e.Kind)), m.kindWidth())+"  ", e.Text, w)...)
	}
	if n == 0 {
		out = append(out, st.Muted.Render("  "+l.T("word.none")))
	}
	out = append(out, "", st.Title.Render(l.T("clients.brief.promises")))
	n = 0
	today := m.env.Today()
	for _, p := range s.d.Promises {
		if p.Status == model.PromiseOpen {
			n++
			out = append(out, m.promiseLines(p, nil, today, w)...)
		}
	}
	if n == 0 {
		out = append(out, st.Muted.Render("  "+l.T("word.none")))
	}
	return strings.Join(out, "\n")
}
