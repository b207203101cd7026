package promises

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
	"salesplan/ui/clients"
	"salesplan/ui/common"
	"salesplan/ui/form"
)

// Store answers. Loads carry a request id; an older answer is dropped.
type (
	loadedMsg struct {
		seq  uint64
		rows []storage.PromiseRow
		rel  float64
		relN int
		cal  model.Calendar // "due soon" counts working days
		err  error
	}
	savedMsg struct {
		status string
		err    error
		fresh  *model.Promise // the promise as stored, when an edit was refused as changed elsewhere
	}
)

var errNoStore = model.Errf("no_store", "no database is open")

// reload reads the promises the filter needs (the kept and cancelled ones
// only for "all": the history grows, the open list does not) and the
// reliability figure.
func (m *Model) reload() tea.Cmd {
	m.seq++
	seq, st, today, all := m.seq, m.env.Store, m.env.Today(), m.filter == filterAll
	return func() tea.Msg {
		if st == nil {
			return loadedMsg{seq: seq, err: errNoStore}
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

func write(status string, fn func() error) tea.Cmd {
	return func() tea.Msg {
		if err := fn(); err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: status}
	}
}

// Update handles store answers, the shell's messages, keys and the mouse.
func (m *Model) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		if msg.err != nil {
			return m, common.StatusErr(m.env, msg.err)
		}
		sel := model.ID(0)
		if r, ok := m.selected(); ok {
			sel = r.ID
		}
		m.rows, m.rel, m.relN, m.cal, m.loaded = msg.rows, msg.rel, msg.relN, msg.cal, true
		m.refilterKeeping(sel)
		return m, nil
	case savedMsg:
		return m, m.applySaved(msg)
	case common.DataChangedMsg:
		return m, m.reload()
	case common.ThemeChangedMsg:
		m.restyle()
		return m, nil
	}
	if m.dlg.open() {
		return m, m.updateDialog(msg)
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

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case key.Matches(msg, km.Down):
		m.list.Move(1)
		return nil
	case key.Matches(msg, km.Up):
		m.list.Move(-1)
		return nil
	case msg.String() == "pgdown":
		m.list.Move(max(m.list.Height-1, 1))
		return nil
	case msg.String() == "pgup":
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
		p, cmd := clients.NewPicker(m.env, m.fst, m.lang.T("promises.pick"))
		p.SetWidth(m.dialogWidth())
		m.dlg = dialog{picker: p, kind: dlgNew}
		return cmd
	}
	r, ok := m.selected()
	if !ok {
		if key.Matches(msg, km.Kept, km.CancelPromise, km.Edit, km.Open) {
			return common.Status(m.lang.T("promises.none_selected"))
		}
		if key.Matches(msg, km.Note) {
			return m.openNote(0)
		}
		return nil
	}
	open := r.Status == model.PromiseOpen
	switch {
	case key.Matches(msg, km.Open):
		id := r.ClientID
		return func() tea.Msg { return common.OpenClientMsg{ID: id} }
	case key.Matches(msg, km.Note):
		return m.openNote(r.ClientID)
	case key.Matches(msg, km.Kept, km.CancelPromise, km.Edit) && !open:
		return common.Status(m.lang.T("promises.not_open", m.lang.T("promise."+string(r.Status))))
	case key.Matches(msg, km.Kept):
		in := form.NewInput(m.lang, m.fst, m.lang.T("promises.kept.title", model.InertLine(r.Text)),
			m.lang.T("promises.kept.hint"), m.lang.T("rel.today"))
		in.Required = true
		m.openDlg(dlgKept, in, r)
	case key.Matches(msg, km.CancelPromise):
		// A cancellation keeps its reason (DESIGN.md §2 v2): the review
		// lists it, and one after the due date still counts as broken.
		in := form.NewInput(m.lang, m.fst, m.lang.T("promises.cancel.title", model.InertLine(r.Text)),
			m.lang.T("promises.cancel.hint"), "")
		in.Required = true
		m.openDlg(dlgCancel, in, r)
	case key.Matches(msg, km.Edit):
		f := clients.PromiseForm(m.env, m.fst, m.lang.T("promises.edit.title", model.InertLine(r.Client)), r.Text, r.Due.String())
		m.openDlg(dlgEdit, f, r)
	}
	return nil
}

func (m *Model) openNote(client model.ID) tea.Cmd {
	f, cmd := clients.NewNoteFlow(m.env, m.fst, client)
	f.SetWidth(m.dialogWidth())
	m.dlg = dialog{flow: f}
	return cmd
}

// ---- dialogs

type dialogKind int

const (
	dlgNew dialogKind = iota + 1
	dlgKept
	dlgEdit
	dlgCancel
)

type dialog struct {
	d      form.Dialog
	picker *clients.Picker
	flow   *clients.NoteFlow
	kind   dialogKind
	row    storage.PromiseRow
	client storage.ClientName // dlgNew: the client picked
	busy   bool
}

func (d dialog) open() bool { return d.d != nil || d.picker != nil || d.flow != nil }

func (d dialog) view() string {
	switch {
	case d.flow != nil:
		return d.flow.View()
	case d.picker != nil:
		return d.picker.View()
	case d.d != nil:
		return d.d.View()
	}
	return ""
}

func (d dialog) setWidth(w int) {
	switch {
	case d.flow != nil:
		d.flow.SetWidth(w)
	case d.picker != nil:
		d.picker.SetWidth(w)
	case d.d != nil:
		d.d.SetWidth(w)
	}
}

func (m *Model) openDlg(kind dialogKind, d form.Dialog, r storage.PromiseRow) {
	d.SetWidth(m.dialogWidth())
	m.dlg = dialog{d: d, kind: kind, row: r}
}

func (m *Model) updateDialog(msg tea.Msg) tea.Cmd {
	switch {
	case m.dlg.flow != nil:
		done, cmd := m.dlg.flow.Update(msg)
		if done {
			m.dlg = dialog{}
		}
		return cmd
	case m.dlg.picker != nil:
		picked, res, cmd := m.dlg.picker.Update(msg)
		switch res {
		case form.Cancelled:
			m.dlg = dialog{}
		case form.Submitted:
			f := clients.PromiseForm(m.env, m.fst, m.lang.T("promises.new.title", model.InertLine(picked.Name)), "", "")
			m.openDlg(dlgNew, f, storage.PromiseRow{})
			m.dlg.client = picked
		}
		return cmd
	}
	if _, ok := msg.(tea.KeyPressMsg); ok && m.dlg.busy {
		return nil
	}
	res, cmd := m.dlg.d.Update(msg)
	switch res {
	case form.Cancelled:
		m.dlg = dialog{}
	case form.Submitted:
		return tea.Batch(cmd, m.submit())
	}
	return cmd
}

func (m *Model) submit() tea.Cmd {
	st, today, r := m.env.Store, m.env.Today(), m.dlg.row
	switch d := m.dlg.d.(type) {
	case *form.Input:
		if m.dlg.kind == dlgCancel {
			reason := d.Value()
			m.dlg.busy = true
			return write(m.lang.T("promises.status.cancelled", model.InertLine(r.Text)), func() error {
				_, err := st.CancelPromise(r.ID, today, reason, today)
				return err
			})
		}
		// dlgKept
		on, err := quickadd.ParseDate(d.Value(), today)
		if err != nil {
			d.SetProblems([]string{m.lang.Err(err)})
			return nil
		}
		m.dlg.busy = true
		return write(m.lang.T("promises.status.kept", model.InertLine(r.Text), m.lang.ShortDate(on)), func() error {
			_, err := st.KeepPromise(r.ID, on)
			return err
		})
	case *form.Form:
		due, _ := quickadd.ParseDate(d.Value("due"), today) // validated by the form
		m.dlg.busy = true
		if m.dlg.kind == dlgNew {
			p := model.Promise{ClientID: m.dlg.client.ID, Text: d.Value("text"), MadeOn: today, Due: due}
			return write(m.lang.T("promises.status.added", model.InertLine(m.dlg.client.Name), m.lang.ShortDate(due)), func() error {
				_, err := st.AddPromise(p, today)
				return err
			})
		}
		// Only what the person changed is saved, onto the promise as
		// stored: one kept or cancelled meanwhile stays so.
		p := r.Promise
		if d.Changed("text") {
			p.Text = d.Value("text")
		}
		if d.Changed("due") {
			p.Due = due
		}
		status := m.lang.T("promises.status.saved", model.InertLine(p.Text))
		return func() tea.Msg {
			_, err := st.EditPromise(r.Promise, p)
			var ce *storage.ConflictError
			if errors.As(err, &ce) {
				if fresh, ok := ce.Fresh.(model.Promise); ok {
					return savedMsg{err: err, fresh: &fresh}
				}
			}
			if err != nil {
				return savedMsg{err: err}
			}
			return savedMsg{status: status}
		}
	}
	m.dlg = dialog{}
	return nil
}

func (m *Model) applySaved(msg savedMsg) tea.Cmd {
	if m.dlg.busy {
		m.dlg.busy = false
		if f, ok := m.dlg.d.(*form.Form); ok && msg.fresh != nil && m.dlg.kind == dlgEdit {
			// Changed elsewhere: keep what was typed, show the promise as
			// stored now; saving again applies it over that.
			now := clients.PromiseForm(m.env, m.fst, "", msg.fresh.Text, msg.fresh.Due.String())
			f.Rebase(now, func(v string) string {
				return m.lang.T("form.changed_elsewhere", ansi.Truncate(model.InertLine(v), 40, "…"))
			})
			m.dlg.row.Promise = *msg.fresh
			return tea.Batch(common.StatusErr(m.env, msg.err), func() tea.Msg { return common.DataChangedMsg{} })
		}
		if msg.err != nil {
			return common.StatusErr(m.env, msg.err) // keep what was typed
		}
		m.dlg = dialog{}
	}
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	return tea.Batch(common.Status(msg.status), func() tea.Msg { return common.DataChangedMsg{} })
}
