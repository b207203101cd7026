package promises

import (
	"fmt"
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/picker"
	"salesplan/ui/components/promise"
	"salesplan/ui/form"
)

// Store answers. Loads carry a request id; an older answer is dropped.
type loadedMsg struct {
	seq  uint64
	rows []storage.PromiseRow
	rel  float64
	relN int
	cal  model.Calendar // "due soon" counts working days
	err  error
}

// reload reads the promises the filter needs (the kept and cancelled ones
// only for "all": the history grows, the open list does not) and the
// reliability figure.
func (m *Model) reload() tea.Cmd {
	seq, st, today, all := m.loads.Next(), m.env.Store, m.env.Today(), m.filter == filterAll
	return func() tea.Msg {
		if st == nil {
			return loadedMsg{seq: seq, err: common.ErrNoStore}
		}
		rows, err := st.Promises(all)
		if err != nil {
			return loadedMsg{seq: seq, err: fmt.Errorf("listing promises: %w", err)}
		}
		rel, n, err := st.Reliability(today)
		if err != nil {
			return loadedMsg{seq: seq, err: fmt.Errorf("reading reliability: %w", err)}
		}
		set, err := st.Settings()
		if err != nil {
			return loadedMsg{seq: seq, err: fmt.Errorf("reading settings: %w", err)}
		}
		return loadedMsg{seq: seq, rows: rows, rel: rel, relN: n, cal: set.Calendar()}
	}
}

// Update handles store answers, the shell's messages, keys and the mouse.
func (m *Model) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if !m.loads.Answer(msg.seq) {
			return m, nil
		}
		m.host.Fresh()
		m.failed = msg.err
		if msg.err != nil {
			return m, common.StatusErr(m.env, msg.err)
		}
		sel := model.ID(0)
		if r, ok := m.selected(); ok {
			sel = r.ID
		}
		m.rows, m.rel, m.relN, m.cal, m.loaded = msg.rows, msg.rel, msg.relN, msg.cal, true
		closedNewestFirst(m.rows)
		if m.made != 0 {
			sel, m.made = m.made, 0
		}
		if m.pending != 0 {
			sel = m.pending
		}
		m.refilterKeeping(sel)
		return m, m.showPending()
	case dialog.SavedMsg:
		if cmd, ok := m.closedElsewhere(msg); ok {
			return m, cmd
		}
		if a, ok := msg.Tag.(promise.Added); ok && msg.Err == nil {
			m.made = a.ID // the cursor goes to it once the list has it
		}
		if fresh, ok := msg.Fresh.(model.Promise); ok && m.host.Is(dlgEdit) {
			// Changed elsewhere: keep what was typed, show the promise as
			// stored now; saving again applies it over that.
			m.host.Rebase(promise.Form(m.lang, m.fst, m.env.Today(), "", fresh.Text, fresh.Due.String()))
			m.row.Promise = fresh
		}
		return m, m.host.Landed(msg)
	case common.DataChangedMsg:
		return m, m.reload()
	case common.OpenPromiseMsg:
		// A search hit: select it once it shows (see showPending).
		m.host.Close()
		m.pending, m.query = msg.ID, common.Query{} // a filter typed earlier would hide it
		return m, m.reload()
	case common.ThemeChangedMsg:
		m.restyle()
		return m, nil
	}
	if m.host.Is(dlgFilter) {
		return m, m.host.Filter(msg, m.setQuery)
	}
	if m.host.IsOpen() {
		_, cmd := m.host.Handle(msg, m.submit)
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.MouseClickMsg:
		if i, ok := m.list.RowAt(msg.Mouse().Y - 2); ok {
			m.list.Select(i)
		}
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			m.list.Scroll(-3)
		} else {
			m.list.Scroll(3)
		}
	}
	return m, nil
}

// closedElsewhere answers a keep or a cancel refused because the promise
// was kept or cancelled elsewhere meanwhile (the command line, the phone):
// there is nothing left to ask, so the dialog closes and the footer says
// what the promise is now, rather than a dialog stuck on "promise 12 is
// already kept" that only esc leaves.
func (m *Model) closedElsewhere(msg dialog.SavedMsg) (tea.Cmd, bool) {
	p := model.ProblemOf(msg.Err)
	if p == nil || p.Code != "promise_not_open" || !(m.host.Is(dlgKept) || m.host.Is(dlgCancel)) {
		return nil, false
	}
	state := ""
	if len(p.Args) > 1 {
		if sp, ok := p.Args[1].(*model.Problem); ok {
			state = m.lang.Err(sp)
		}
	}
	text := model.InertLine(m.row.Text)
	m.host.Saved(nil, "") // closes; busy until the reload below lands
	return tea.Batch(common.Status(m.lang.T("promises.status.closed_elsewhere", state, text)),
		func() tea.Msg { return common.DataChangedMsg{} }), true
}

// closedNewestFirst orders the kept and cancelled promises (after the
// open ones, as the store lists them) by the day they were kept or
// cancelled, newest first — the day the state column shows — then by due
// date; the store's order (by the day made, which the pane does not show)
// read as no order at all.
func closedNewestFirst(rows []storage.PromiseRow) {
	closed := func(r storage.PromiseRow) model.Date {
		if r.Status == model.PromiseKept {
			return r.KeptOn
		}
		return r.CancelledOn
	}
	i := 0
	for i < len(rows) && rows[i].Status == model.PromiseOpen {
		i++
	}
	rest := rows[i:]
	sort.SliceStable(rest, func(a, b int) bool {
		if x, y := closed(rest[a]), closed(rest[b]); x != y {
			return x > y
		}
		return rest[a].Due > rest[b].Due
	})
}

// showPending selects the promise a search opened once the list holds
// it; one the filter hides (kept, cancelled) shows all promises first.
func (m *Model) showPending() tea.Cmd {
	if m.pending == 0 {
		return nil
	}
	if r, ok := m.selected(); ok && r.ID == m.pending {
		m.pending = 0
		return nil
	}
	if m.filter != filterAll {
		m.filter = filterAll
		return m.reload()
	}
	m.pending = 0 // gone meanwhile
	return nil
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case key.Matches(msg, km.Filter):
		in := form.NewInput(m.lang, m.fst, m.lang.T("promises.filter.title"), m.lang.T("promises.filter.placeholder"), m.query.String())
		in.Scratch = true
		m.openDlg(dlgFilter, in, storage.PromiseRow{})
		return nil
	case key.Matches(msg, km.Back) && !m.query.Empty():
		m.setQuery("")
		return nil
	case key.Matches(msg, km.Back):
		return common.Back
	case key.Matches(msg, km.Down):
		m.list.Move(1)
		return nil
	case key.Matches(msg, km.Up):
		m.list.Move(-1)
		return nil
	case key.Matches(msg, km.PageDown):
		m.list.Move(max(m.list.Height-1, 1))
		return nil
	case key.Matches(msg, km.PageUp):
		m.list.Move(-max(m.list.Height-1, 1))
		return nil
	case key.Matches(msg, km.PromiseFilter):
		was := m.filter
		m.filter = (m.filter + 1) % filterMode(len(filterKeys))
		m.refilter()
		status := common.Status(m.lang.T("promises.status.showing", m.lang.T(filterKeys[m.filter])))
		if m.filter == filterAll || was == filterAll {
			return tea.Batch(status, m.reload())
		}
		return status
	case key.Matches(msg, km.NewPromise):
		p, cmd := picker.New(m.env, m.fst, m.lang.T("promises.pick"))
		m.openDlg(dlgPick, p, storage.PromiseRow{})
		return cmd
	}
	r, ok := m.selected()
	if !ok {
		if key.Matches(msg, km.Kept, km.CancelPromise, km.Edit, km.Open) {
			return common.Status(m.lang.T("promises.none_selected"))
		}
		return nil // n is the shell's: its note flow asks which client
	}
	open := r.Status == model.PromiseOpen
	switch {
	case key.Matches(msg, km.Open):
		id := r.ClientID
		return func() tea.Msg { return common.OpenClientMsg{ID: id} }
	case key.Matches(msg, km.Kept, km.CancelPromise, km.Edit) && !open:
		return common.Status(m.lang.T("promises.not_open", m.lang.T("promise."+string(r.Status))))
	case key.Matches(msg, km.Kept):
		// Empty is today: the hint says so, faint, and what is typed
		// replaces it ("yesterday", not "todayyesterday").
		in := form.NewInput(m.lang, m.fst, m.lang.T("promises.kept.title", model.InertLine(r.Text)),
			m.lang.T("promises.kept.hint"), "")
		m.openDlg(dlgKept, in, r)
	case key.Matches(msg, km.CancelPromise):
		// A cancellation carries its date and reason (DESIGN.md §2 v2):
		// the review lists it, and one after the due date still counts as
		// broken. The date line says today; tab goes to it.
		in := form.NewInput(m.lang, m.fst, m.lang.T("promises.cancel.title", model.InertLine(r.Text)),
			m.lang.T("promises.cancel.hint"), "").KeepLines()
		in.Required = true
		today := m.env.Today()
		in.WithDate(m.lang.T("promises.cancel.date"), m.lang.T("rel.today"), func(s string) error {
			_, err := cancelDay(r.Promise, s, today)
			return err
		})
		m.openDlg(dlgCancel, in, r)
	case key.Matches(msg, km.Edit):
		f := promise.Form(m.lang, m.fst, m.env.Today(), m.lang.T("promises.edit.title", model.InertLine(r.Client)), r.Text, r.Due.String())
		m.openDlg(dlgEdit, f, r)
	}
	return nil
}

// ---- dialogs

type dialogKind int

const (
	dlgPick dialogKind = iota + 1 // a new promise: the client first
	dlgNew                        // a new promise: what and by when
	dlgKept
	dlgEdit
	dlgCancel
	dlgFilter // the filter (/)
)

// setQuery narrows the list to the promises whose client, project or text
// match f, as it is typed.
func (m *Model) setQuery(f string) {
	q := common.NewQuery(f)
	if q.String() == m.query.String() {
		return
	}
	m.query = q
	m.refilter()
}

// openDlg opens a dialog about promise r (a new one: r is zero).
func (m *Model) openDlg(kind dialogKind, d form.Dialog, r storage.PromiseRow) {
	m.host.Open(d, kind)
	m.row = r
}

func (m *Model) submit() tea.Cmd {
	st, today, r := m.env.Store, m.env.Today(), m.row
	switch d := m.host.Dialog().(type) {
	case *picker.Picker:
		m.picked = d.Picked()
		m.openDlg(dlgNew, promise.New(m.lang, m.fst, today, m.picked.Name), storage.PromiseRow{})
		return nil
	case *form.Input:
		if m.host.Is(dlgCancel) {
			reason := d.Value()
			on, _ := cancelDay(r.Promise, d.Date(), today) // the date line checked it
			m.host.Start()
			return dialog.Do(st, m.lang.T("promises.status.cancelled", model.InertLine(r.Text)), func(st *storage.Store) error {
				_, err := st.CancelPromise(r.ID, on, reason, today)
				return err
			})
		}
		// dlgKept: the day it was kept reads back in time, as its hint
		// says (mon: the last Monday), today when empty; a day after
		// today, or before the
		// promise was made, is refused beside the field (the model's rule).
		on, err := quickadd.PastDayOr(d.Value(), today)
		if err == nil {
			kept := r.Promise
			kept.Status, kept.KeptOn = model.PromiseKept, on
			err = model.CheckPromiseDates(kept, today)
		}
		if err != nil {
			d.Fail(m.lang.Err(err)) // until the date is edited
			return nil
		}
		m.host.Start()
		return dialog.Do(st, m.lang.T("promises.status.kept", model.InertLine(r.Text), m.lang.ShortDate(on)), func(st *storage.Store) error {
			_, err := st.KeepPromise(r.ID, on)
			return err
		})
	case *form.Form:
		m.host.Start()
		if m.host.Is(dlgNew) {
			return promise.Add(m.lang, st, promise.Read(d, m.picked.ID, 0, today), m.picked.Name, today)
		}
		// Only what the person changed is saved, onto the promise as
		// stored: one kept or cancelled meanwhile stays so.
		p := r.Promise
		np := promise.Read(d, p.ClientID, p.ProjectID, today)
		if d.Changed("text") {
			p.Text = np.Text
		}
		if d.Changed("due") {
			p.Due = np.Due
		}
		return dialog.Do(st, m.lang.T("promises.status.saved", model.InertLine(p.Text)), func(st *storage.Store) error {
			_, err := st.EditPromise(r.Promise, p)
			return err
		})
	}
	m.host.Close()
	return nil
}

// cancelDay reads the cancel dialog's date line: date words read back in
// time (a weekday alone is the last one), today when empty; a day before
// the promise was made or after today is refused by the model's rule, so
// the dialog says why before anything is saved.
func cancelDay(p model.Promise, s string, today model.Date) (model.Date, error) {
	on, err := quickadd.PastDayOr(s, today)
	if err != nil {
		return model.NoDate, err
	}
	p.Status, p.CancelledOn = model.PromiseCancelled, on
	if err := model.CheckPromiseDates(p, today); err != nil {
		return model.NoDate, err
	}
	return on, nil
}
