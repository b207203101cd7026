package clients

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/form"
)

// What each dialog asks, and what saving it does.

type dialogKind int

const (
	dlgFilter dialogKind = iota + 1
	dlgNewClient
	dlgEditClient
	dlgLog
	dlgPromise
	dlgPopup
	dlgCalled // call sheet: the call's outcome
	dlgBook   // call sheet: the visit's date
)

type dialog struct {
	d      form.Dialog
	flow   *NoteFlow // n: the note flow (its own save and messages)
	kind   dialogKind
	client model.Client // the client the dialog is about
	entry  model.EntryKind
	// busy: a save is on its way; keys wait until it answers, so a double
	// enter cannot save twice.
	busy bool
}

func (d dialog) open() bool { return d.d != nil || d.flow != nil }

func (d dialog) view() string {
	switch {
	case d.flow != nil:
		return d.flow.View()
	case d.d != nil:
		return d.d.View()
	}
	return ""
}

func (m *Model) openDlg(kind dialogKind, d form.Dialog, c model.Client) {
	d.SetWidth(m.dialogWidth())
	m.dlg = dialog{d: d, kind: kind, client: c}
}

func (m *Model) closeDialog() { m.dlg = dialog{} }

// updateDialog passes a message to the open dialog and acts on its answer.
func (m *Model) updateDialog(msg tea.Msg) tea.Cmd {
	if m.dlg.flow != nil {
		done, cmd := m.dlg.flow.Update(msg)
		if done {
			m.closeDialog()
		}
		return cmd
	}
	if m.dlg.busy {
		if _, ok := msg.(tea.KeyPressMsg); ok {
			return nil
		}
	}
	before := ""
	if in, ok := m.dlg.d.(*form.Input); ok {
		before = in.Value()
	}
	res, cmd := m.dlg.d.Update(msg)
	switch res {
	case form.Cancelled:
		if m.dlg.kind == dlgFilter {
			m.setQuery("")
		}
		m.closeDialog()
		return cmd
	case form.Submitted:
		return tea.Batch(cmd, m.submit())
	}
	if in, ok := m.dlg.d.(*form.Input); ok && m.dlg.kind == dlgFilter && in.Value() != before {
		m.setQuery(in.Value()) // live, as the user types
	}
	return cmd
}

// submit saves the open dialog.
func (m *Model) submit() tea.Cmd {
	st, c := m.env.Store, m.dlg.client
	today, now := m.env.Today(), m.env.Now()
	name := model.InertLine(c.Name)
	switch d := m.dlg.d.(type) {
	case *form.Input:
		switch m.dlg.kind {
		case dlgFilter:
			m.setQuery(d.Value())
			m.closeDialog()
			return nil
		case dlgCalled:
			m.dlg.busy = true
			e := model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: now, Text: strings.TrimSpace(d.Value())}
			return m.sheetWrite(m.lang.T("clients.status.logged.call", name), true, func() error {
				_, err := st.AddEntry(e)
				return err
			})
		case dlgBook:
			date, err := quickadd.ParseDate(d.Value(), today)
			if err != nil {
				d.SetProblems([]string{m.lang.Err(err)})
				return nil
			}
			m.dlg.busy = true
			t := model.Task{Title: m.lang.T("clients.visit_title", c.Name), Date: date, Slot: model.SlotAfternoon,
				Kind: model.TaskVisit, ClientID: c.ID}
			return m.sheetWrite(m.lang.T("clients.status.booked", name, m.lang.ShortDate(date)), true, func() error {
				_, err := st.AddTask(t)
				return err
			})
		}
	case *form.Note:
		m.dlg.busy = true
		e := model.JournalEntry{ClientID: c.ID, Kind: m.dlg.entry, At: now, Text: d.Value()}
		return m.sheetWrite(m.lang.T("clients.status.logged."+string(e.Kind), name), m.screen == screenSheet, func() error {
			_, err := st.AddEntry(e)
			return err
		})
	case *form.Form:
		switch m.dlg.kind {
		case dlgNewClient, dlgEditClient:
			return m.saveClient(d)
		case dlgPromise:
			due, _ := quickadd.ParseDate(d.Value("due"), today) // validated by the form
			p := model.Promise{ClientID: c.ID, Text: d.Value("text"), MadeOn: today, Due: due}
			m.dlg.busy = true
			return m.sheetWrite(m.lang.T("clients.status.promised", name, m.lang.ShortDate(due)), false, func() error {
				_, err := st.AddPromise(p, today)
				return err
			})
		}
	}
	m.closeDialog()
	return nil
}

// sheetWrite is write, moving the call sheet on to the next client when
// advance is set and the sheet is showing.
func (m *Model) sheetWrite(status string, advance bool, fn func() error) tea.Cmd {
	adv, kind := advance && m.screen == screenSheet, m.dlg.kind
	return func() tea.Msg {
		if err := fn(); err != nil {
			return savedMsg{err: err}
		}
		return sheetSavedMsg{savedMsg: savedMsg{status: status}, advance: adv, kind: kind}
	}
}

// sheetSavedMsg is a savedMsg that may move the call sheet on.
type sheetSavedMsg struct {
	savedMsg
	advance bool
	kind    dialogKind // what was saved, for the sheet's tally
}

// applySaved shows what a write did and has every pane reload.
func (m *Model) applySaved(msg savedMsg) tea.Cmd {
	if m.dlg.d != nil && m.dlg.busy {
		m.dlg.busy = false
		if f, ok := m.dlg.d.(*form.Form); ok && msg.fresh != nil && m.dlg.kind == dlgEditClient {
			// Changed elsewhere: keep what was typed, show the client as
			// stored now; saving again applies it over that.
			f.Rebase(m.clientForm(*msg.fresh, true), func(v string) string {
				return m.lang.T("form.changed_elsewhere", ansi.Truncate(model.InertLine(v), 40, "…"))
			})
			m.dlg.client = *msg.fresh
			return tea.Batch(common.StatusErr(m.env, msg.err), func() tea.Msg { return common.DataChangedMsg{} })
		}
		if msg.err != nil {
			if f, ok := m.dlg.d.(*form.Form); ok && msg.field != "" {
				f.SetError(msg.field, m.lang.Err(msg.err))
				return nil
			}
			return common.StatusErr(m.env, msg.err) // keep what was typed
		}
		m.closeDialog()
	}
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	if msg.back && m.screen == screenDetail {
		m.screen = screenList
	}
	var open tea.Cmd
	if msg.open != 0 {
		m.pending = msg.open
		open = m.openDetail(msg.open)
	}
	return tea.Batch(common.Status(msg.status), open, func() tea.Msg { return common.DataChangedMsg{} })
}

// ---- the dialogs

func (m *Model) openFilter() {
	in := form.NewInput(m.lang, m.fst, m.lang.T("clients.filter.title"), m.lang.T("clients.filter.placeholder"), m.query)
	m.openDlg(dlgFilter, in, model.Client{})
}

func (m *Model) openNoteFlow(id model.ID) tea.Cmd {
	f, cmd := NewNoteFlow(m.env, m.fst, id)
	f.SetWidth(m.dialogWidth())
	m.dlg = dialog{flow: f}
	return cmd
}

func (m *Model) openLog(c model.Client, kind model.EntryKind) {
	title := m.lang.T("clients.log.title."+string(kind), model.InertLine(c.Name))
	n := form.NewNote(m.lang, m.fst, title, m.lang.T("clients.log.placeholder"), "", 5)
	n.Required = kind == model.EntryNote
	m.openDlg(dlgLog, n, c)
	m.dlg.entry = kind
}

// promiseForm asks for a promise's text and due date (date words).
func promiseForm(env common.Env, fst form.Styles, title, text, due string) *form.Form {
	today := env.Today()
	return form.NewForm(env.Lang, fst, title,
		form.Field{Key: "text", Label: env.T("clients.promise.text"), Value: text, Validate: func(s string) error {
			if strings.TrimSpace(s) == "" {
				return model.Errf("empty_text", "the text is empty")
			}
			return nil
		}},
		form.Field{Key: "due", Label: env.T("clients.promise.due"), Value: due, Placeholder: env.T("clients.promise.due_hint"),
			Validate: func(s string) error {
				if s == "" {
					return model.Errf("missing_due", "a promise needs a due date")
				}
				_, err := quickadd.ParseDate(s, today)
				return err
			}},
	)
}

// PromiseForm is the promise dialog other panes reuse (the Promises pane's
// a and e): text and due date in date words.
func PromiseForm(env common.Env, fst form.Styles, title, text, due string) *form.Form {
	return promiseForm(env, fst, title, text, due)
}

func (m *Model) openPromise(c model.Client) {
	f := promiseForm(m.env, m.fst, m.lang.T("clients.promise.title", model.InertLine(c.Name)), "", "")
	m.openDlg(dlgPromise, f, c)
}

// openClientForm shows every field of a client; edit keeps its id.
func (m *Model) openClientForm(c model.Client, edit bool) {
	kind := dlgNewClient
	if edit {
		kind = dlgEditClient
	}
	m.openDlg(kind, m.clientForm(c, edit), c)
}

// clientForm is the form of every field of a client.
func (m *Model) clientForm(c model.Client, edit bool) *form.Form {
	l := m.lang
	tier := string(c.Tier)
	if tier == "" {
		tier = string(model.TierRegular)
	}
	cad := ""
	if c.CadenceDays > 0 {
		cad = strconv.Itoa(c.CadenceDays)
	}
	text := func(k, label, v string) form.Field { return form.Field{Key: k, Label: l.T(label), Value: v} }
	title := l.T("clients.form.new")
	if edit {
		title = l.T("clients.form.edit", model.InertLine(c.Name))
	}
	f := form.NewForm(l, m.fst, title,
		form.Field{Key: "name", Label: l.T("clients.f.name"), Value: c.Name, Validate: func(s string) error {
			if strings.TrimSpace(s) == "" {
				return model.Errf("empty_name", "a client needs a name")
			}
			return nil
		}},
		text("company", "clients.f.company", c.Company),
		form.Field{Key: "tier", Label: l.T("clients.f.tier"), Value: tier, Choices: []form.Choice{
			{Value: string(model.TierRegular), Label: l.T("tier.regular")}, {Value: string(model.TierKey), Label: l.T("tier.key")}}},
		text("area", "clients.f.area", c.Area),
		text("phone", "clients.f.phone", c.Phone),
		text("business", "clients.f.business", c.Business),
		text("needs", "clients.f.needs", c.Needs),
		text("decision_maker", "clients.f.decision_maker", c.DecisionMaker),
		text("interests", "clients.f.interests", c.Interests),
		text("referred_by", "clients.f.referred_by", c.ReferredBy),
		form.Field{Key: "cadence", Label: l.T("clients.f.cadence"), Value: cad, Placeholder: l.T("clients.f.cadence_hint"),
			Validate: func(s string) error {
				if s == "" {
					return nil
				}
				n, err := strconv.Atoi(s)
				if err != nil || n < 0 || n > 3650 {
					return model.Errf("bad_cadence", "cadence %v days is out of range (0–3650)", s)
				}
				return nil
			}},
	)
	return f
}

// saveClient builds the client from the form and saves it. An edit sets
// only the fields the person changed, on the client as stored: a
// multi-line needs the one-line field cannot hold comes back untouched
// when only the phone was edited, and a change made elsewhere survives.
func (m *Model) saveClient(f *form.Form) tea.Cmd {
	seen := m.dlg.client
	c := seen
	st, today, edit := m.env.Store, m.env.Today(), m.dlg.kind == dlgEditClient
	for _, fd := range []struct {
		key string
		to  *string
	}{{"name", &c.Name}, {"company", &c.Company}, {"area", &c.Area}, {"phone", &c.Phone},
		{"business", &c.Business}, {"needs", &c.Needs}, {"decision_maker", &c.DecisionMaker},
		{"interests", &c.Interests}, {"referred_by", &c.ReferredBy}} {
		if !edit || f.Changed(fd.key) {
			*fd.to = f.Value(fd.key)
		}
	}
	if !edit || f.Changed("tier") {
		c.Tier = model.Tier(f.Value("tier"))
	}
	if !edit || f.Changed("cadence") {
		c.CadenceDays, _ = strconv.Atoi(f.Value("cadence")) // validated by the form
	}
	m.dlg.busy = true
	name := model.InertLine(c.Name)
	return func() tea.Msg {
		if edit {
			_, err := st.EditClient(seen, c)
			var ce *storage.ConflictError
			if errors.As(err, &ce) {
				if fresh, ok := ce.Fresh.(model.Client); ok {
					return savedMsg{err: err, fresh: &fresh}
				}
			}
			if err != nil {
				return savedMsg{err: err, field: fieldOf(err)}
			}
			return savedMsg{status: m.lang.T("clients.status.saved", name)}
		}
		saved, err := st.AddClient(c, today)
		if err != nil {
			return savedMsg{err: err, field: fieldOf(err)}
		}
		return savedMsg{status: m.lang.T("clients.status.added", name), open: saved.ID}
	}
}

// fieldOf says which form field a store error belongs beside.
func fieldOf(err error) string {
	var p *model.Problem
	if !errors.As(err, &p) {
		return ""
	}
	switch p.Code {
	case "empty_name", "duplicate_client":
		return "name"
	case "bad_cadence":
		return "cadence"
	case "bad_tier":
		return "tier"
	}
	return ""
}

// showBrief opens the pre-visit brief in a popup.
func (m *Model) showBrief(msg BriefMsg) tea.Cmd {
	if msg.Err != nil {
		return common.StatusErr(m.env, msg.Err)
	}
	m.openDlg(dlgPopup, BriefPopup(m.env, msg.Detail, max(m.height-4, 3)), model.Client{})
	return nil
}
