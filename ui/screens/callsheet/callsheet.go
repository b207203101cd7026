// Package callsheet is the call sheet (C, from any pane): the clients due
// for follow-up, key clients first (most overdue first), then regular ones,
// one screen each with what the call needs — phone, follow-up state,
// decision maker and interests, the last three notes, the open promises,
// and the other key clients due in the same area (to book visits on one
// trip). c records the call and moves on, s skips, b books a visit and
// moves on; p and n add a promise or a note and stay, since a call often
// brings both. The queue is fixed when the sheet opens, so clients do not
// jump around as calls are recorded. The shell shows it as a screen over
// the Clients tab; esc goes back where it was opened from.
package callsheet

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/client"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/gotodate"
	"salesplan/ui/components/journal"
	"salesplan/ui/components/promise"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
	"salesplan/ui/theme"
)

// Sheet is the call sheet screen.
type Sheet struct {
	env    common.Env
	lang   i18n.Lang
	km     keys.KeyMap
	fst    form.Styles
	host   dialog.Host
	width  int
	height int
	closed bool

	queue   []storage.ClientRow
	ready   bool // the queue has loaded
	i       int
	details common.Loads
	d       storage.ClientDetail
	loaded  bool // d is queue[i]'s detail
	called  int
	skipped int
	booked  int
}

// The sheet's dialogs: the call's outcome, the visit's date, a promise.
type kind int

const (
	kindCalled kind = iota + 1
	kindBook
	kindPromise
)

type (
	queueMsg struct {
		owner *Sheet
		queue []storage.ClientRow
		err   error
	}
	detailMsg struct {
		seq uint64
		id  model.ID
		d   storage.ClientDetail
		err error
	}
	// advance tags a write that moves the sheet on once it lands.
	advance struct{ called, booked bool }
)

// New opens the call sheet, reading who is due afresh.
func New(env common.Env) (*Sheet, tea.Cmd) {
	s := &Sheet{env: env, lang: env.Lang, km: env.Keys, host: dialog.New(env.Lang), width: 80, height: 20}
	s.fst = form.DefaultStyles(true)
	if env.Styles != nil {
		s.fst = form.ThemeStyles(*env.Styles)
	}
	st, today := env.Store, env.Today()
	s.host.Start() // keys wait for the queue
	return s, func() tea.Msg {
		if st == nil {
			return queueMsg{owner: s, err: common.ErrNoStore}
		}
		rows, err := st.Clients(today, false)
		return queueMsg{owner: s, queue: sheetQueue(rows), err: err}
	}
}

// current is the client on screen.
func (m *Sheet) current() (model.Client, bool) {
	if !m.ready || m.i >= len(m.queue) {
		return model.Client{}, false
	}
	return m.queue[m.i].Client, true
}

// ContextClient is the client on screen: n jots a note for them.
func (m *Sheet) ContextClient() model.ID {
	c, _ := m.current()
	return c.ID
}

// load reads the current client's detail (the last three notes suffice).
func (m *Sheet) load() tea.Cmd {
	c, ok := m.current()
	if !ok {
		return nil
	}
	seq, st, today := m.details.Next(), m.env.Store, m.env.Today()
	return func() tea.Msg {
		if st == nil {
			return detailMsg{seq: seq, id: c.ID, err: common.ErrNoStore}
		}
		d, err := st.ClientDetail(c.ID, today, 3)
		return detailMsg{seq: seq, id: c.ID, d: d, err: err}
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

// SetSize sets the screen's area.
func (m *Sheet) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.host.SetSize(m.width, m.height)
}

// Closed reports that esc left the sheet.
func (m *Sheet) Closed() bool { return m.closed }

// Capturing is true while a dialog is open.
func (m *Sheet) Capturing() bool { return m.host.IsOpen() }

// Busy is true while the queue or a write is on its way. The next client's
// notes are not waited for: the keys need only the client (a rep who
// presses s while the next screen is still loading must not lose the key).
func (m *Sheet) Busy() bool { return m.host.Busy() }

// Dirty is true while a dialog holds typed text not saved.
func (m *Sheet) Dirty() bool { return m.host.Dirty() }

// ShortHelp lists the sheet's keys: with no client on screen (nobody due,
// or every one had a turn) only esc does anything.
func (m *Sheet) ShortHelp() []key.Binding {
	if m.host.IsOpen() {
		return m.km.ShortHelp(m.host.Place())
	}
	return m.keys()
}

// FullHelp lists the sheet's keys.
func (m *Sheet) FullHelp() [][]key.Binding {
	if m.host.IsOpen() {
		return m.km.FullHelp(m.host.Place())
	}
	return [][]key.Binding{m.keys()}
}

// keys are the keys that work on the sheet as it is: the client's, while
// one is on screen, and esc back.
func (m *Sheet) keys() []key.Binding {
	if _, ok := m.current(); !ok {
		return []key.Binding{m.km.Back}
	}
	return []key.Binding{m.km.LogCall, m.km.Skip, m.km.Promise, m.km.Book, m.km.Note, m.km.Back}
}

// Update handles the store's answers and the keys.
func (m *Sheet) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case queueMsg:
		if msg.owner != m || m.ready {
			return nil
		}
		m.host.Done()
		if msg.err != nil {
			m.closed = true
			return common.StatusErr(m.env, msg.err)
		}
		m.queue, m.ready = msg.queue, true
		return m.load()
	case detailMsg:
		if !m.details.Answer(msg.seq) {
			return nil
		}
		if msg.err != nil {
			return common.StatusErr(m.env, msg.err)
		}
		m.d, m.loaded = msg.d, true
		return nil
	case dialog.SavedMsg:
		cmd := m.host.Landed(msg)
		m.host.Fresh() // the sheet's queue is fixed: no reload to wait for
		if msg.Err != nil {
			return cmd
		}
		if a, ok := msg.Tag.(advance); ok {
			if a.called {
				m.called++
			}
			if a.booked {
				m.booked++
			}
			return tea.Batch(cmd, m.next())
		}
		return cmd
	case common.DataChangedMsg:
		return m.load()
	}
	if m.host.IsOpen() {
		_, cmd := m.host.Handle(msg, m.submit)
		return cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return m.key(k)
	}
	return nil
}

// next moves the sheet to the next client.
func (m *Sheet) next() tea.Cmd {
	if m.i >= len(m.queue) {
		return nil
	}
	m.i++
	m.loaded = false
	return m.load()
}

// key handles a key on the sheet.
func (m *Sheet) key(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	if key.Matches(msg, km.Back) {
		m.closed = true
		return nil
	}
	c, ok := m.current()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(msg, km.LogCall):
		in := form.NewInput(m.lang, m.fst, m.lang.T("clients.sheet.called", model.InertLine(c.Name)),
			m.lang.T("clients.sheet.outcome_hint"), "").KeepLines()
		in.WithDate(journal.DateField(m.lang, m.env.Today()))
		m.host.Open(in, kindCalled)
	case key.Matches(msg, m.km.Skip):
		m.skipped++
		return m.next()
	case key.Matches(msg, km.Promise):
		m.host.Open(promise.New(m.lang, m.fst, m.env.Today(), c.Name), kindPromise)
	case key.Matches(msg, m.km.Book):
		in := form.NewInput(m.lang, m.fst, m.lang.T("clients.sheet.book", model.InertLine(c.Name)),
			m.lang.T("clients.sheet.book_hint"), "")
		in.Required = true
		if hint := m.areaHint(); hint != "" {
			in.SetPreview([]string{hint})
		}
		m.host.Open(in, kindBook)
	}
	return nil
}

// submit saves the open dialog about the client on screen.
func (m *Sheet) submit() tea.Cmd {
	c, _ := m.current()
	st, today, now := m.env.Store, m.env.Today(), m.env.Now()
	switch d := m.host.Dialog().(type) {
	case *form.Input:
		if m.host.Is(kindCalled) {
			day, _ := journal.Day(d.Date(), today) // the input checked it
			m.host.Start()
			return dialog.Tag(journal.Add(m.lang, st, c.ID, 0, c.Name, model.EntryCall, journal.At(day, now), today, strings.TrimSpace(d.Value())),
				advance{called: true})
		}
		date, ok := gotodate.Date(m.lang, d, today)
		if !ok {
			return nil
		}
		m.host.Start()
		// The visit was booked on a call: both are recorded, in one
		// write, so the call counts toward today's calls (issue 15).
		t := model.Task{Title: m.lang.T("clients.visit_title", c.Name), Date: date, Slot: model.SlotAfternoon,
			Kind: model.TaskVisit, ClientID: c.ID}
		call := model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: now,
			Text: m.lang.T("clients.sheet.booked_call", m.lang.ShortDate(date))}
		status := m.lang.T("clients.status.booked_called", model.InertLine(c.Name), m.lang.ShortDate(date))
		return dialog.Tag(dialog.Do(st, status, func(st *storage.Store) error {
			_, err := st.BookVisit(t, call)
			return err
		}), advance{called: true, booked: true})
	case *form.Form:
		m.host.Start()
		return promise.Add(m.lang, st, promise.Read(d, c.ID, 0, today), c.Name, today)
	}
	m.host.Close()
	return nil
}

// areaHint names the other key clients due in the current client's area:
// "also near 朝阳: 李经理, 赵总".
func (m *Sheet) areaHint() string {
	s := m
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
func (m *Sheet) View() string {
	st := m.env.Styles
	l := m.lang
	s := m
	w := m.width
	if !s.ready {
		return st.Muted.Render(l.T("clients.loading"))
	}
	tally := st.Muted.Render(" · " + l.T("clients.sheet.tally", s.called, s.skipped, s.booked))
	if len(s.queue) == 0 {
		return m.frame([]string{st.Title.Render(l.T("clients.sheet.title")), "", l.T("clients.sheet.none")})
	}
	if s.i >= len(s.queue) {
		return m.frame([]string{st.Title.Render(l.T("clients.sheet.title")) + tally, "",
			l.N("clients.sheet.done", len(s.queue), len(s.queue)), st.Muted.Render(l.T("clients.sheet.esc"))})
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
			out = append(out, common.Hanging(st.Label.Render(common.PadRight(label, lw))+"  ", v, w)...)
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
	next, style := client.FollowUp(m.env, r.FollowUp, m.env.Today())
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
		return m.frame(out)
	}
	out = append(out, "", st.Title.Render(l.T("clients.brief.notes")))
	n := 0
	for _, e := range s.d.Journal {
		if n == 3 {
			break
		}
		n++
		out = append(out, common.Hanging("  "+e.On().String()+"  "+common.PadRight(l.T("kind."+string(e.Kind)), client.EntryKindWidth(l))+"  ", e.Text, w)...)
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
			out = append(out, client.PromiseLines(m.env, p, nil, today, s.d.Calendar, w)...)
		}
	}
	if n == 0 {
		out = append(out, st.Muted.Render("  "+l.T("word.none")))
	}
	return m.frame(out)
}

// frame fits the lines to the screen and draws the open dialog over them.
func (m *Sheet) frame(lines []string) string {
	return m.host.View(common.Fit(strings.Join(lines, "\n"), m.width, m.height))
}
