package clients

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/brief"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/journal"
	"salesplan/ui/components/promise"
	"salesplan/ui/form"
)

// What each dialog asks, and what saving it does. The dialog host holds
// the open dialog; client is the client it is about.

type dialogKind int

const (
	dlgFilter dialogKind = iota + 1
	dlgNewClient
	dlgEditClient
	dlgLog
	dlgPromise
	dlgPopup
	dlgEditEntry // a journal entry of the card (entries.go)
)

func (m *Model) openDlg(kind dialogKind, d form.Dialog, c model.Client) {
	m.host.Open(d, kind)
	m.client = c
}

func (m *Model) closeDialog() {
	m.host.Close()
	m.client = model.Client{}
	m.editing = model.JournalEntry{}
}

// updateDialog passes a message to the open dialog and acts on its answer.
func (m *Model) updateDialog(msg tea.Msg) tea.Cmd {
	if m.host.Is(dlgFilter) {
		return m.host.Filter(msg, m.setQuery)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && m.host.Is(dlgPopup) && key.Matches(k, m.km.EditClient) && m.client.ID != 0 {
		// e in this pane's brief: the edit form over what the brief was
		// shown on, and the brief again once it closes.
		c := m.client
		m.closeDialog()
		m.openClientForm(c, true)
		m.afterEdit = editToBrief
		return nil
	}
	edit := m.host.Is(dlgEditClient)
	res, cmd := m.host.Handle(msg, m.submit)
	if res == form.Cancelled {
		id := m.client.ID
		m.client = model.Client{}
		if edit {
			return tea.Batch(cmd, m.leaveEdit(id))
		}
	}
	return cmd
}

// leaveEdit goes where the edit form of client id, now saved or cancelled,
// was asked from (afterEdit).
func (m *Model) leaveEdit(id model.ID) tea.Cmd {
	after := m.afterEdit
	m.afterEdit = editStays
	switch after {
	case editToBrief:
		m.host.Start()
		return brief.Load(m.env, id)
	case editToOrigin:
		// As esc on a detail opened from another pane: back there.
		m.screen = screenList
		m.selectID(m.det.id)
		m.det.outside = false
		return common.Back
	}
	return nil
}

// archived tags the write that archived the client shown: the detail
// closes.
type archived struct{}

// submit saves the open dialog.
func (m *Model) submit() tea.Cmd {
	st, c := m.env.Store, m.client
	today, now := m.env.Today(), m.env.Now()
	switch d := m.host.Dialog().(type) {
	case *form.Input:
		switch m.host.Kind() {
		}
	case *form.Note:
		day, _ := journal.Day(d.Date(), today) // the box checked it
		m.host.Start()
		return journal.Add(m.lang, st, c.ID, 0, c.Name, m.entry, journal.At(day, now), today, d.Value())
	case *form.Form:
		switch m.host.Kind() {
		case dlgNewClient, dlgEditClient:
			return m.saveClient(d)
		case dlgEditEntry:
			return m.saveEntry(d)
		case dlgPromise:
			m.host.Start()
			return promise.Add(m.lang, st, promise.Read(d, c.ID, 0, today), c.Name, today)
		}
	}
	m.closeDialog()
	return nil
}

// applySaved shows what a write did and has every pane reload: a new
// client's detail opens, an archived one's closes.
func (m *Model) applySaved(msg dialog.SavedMsg) tea.Cmd {
	edit, id := m.host.Is(dlgEditClient), m.client.ID
	if fresh, ok := msg.Fresh.(model.Client); ok && edit {
		// Changed elsewhere: keep what was typed, show the client as
		// stored now; saving again applies it over that.
		m.host.Rebase(m.clientForm(fresh, true))
		m.client = fresh
	}
	if fresh, ok := msg.Fresh.(model.JournalEntry); ok && m.host.Is(dlgEditEntry) {
		// The entry changed elsewhere (the command line): the same, for
		// the entry form.
		m.host.Rebase(m.entryForm(fresh))
		m.editing = fresh
	}
	cmd := m.host.Landed(msg)
	if msg.Err != nil {
		return cmd
	}
	m.editing = model.JournalEntry{}
	m.client = model.Client{}
	cmds := []tea.Cmd{cmd}
	if edit {
		cmds = append(cmds, m.leaveEdit(id))
	}
	switch msg.Tag.(type) {
	case archived:
		if m.screen == screenDetail {
			m.screen = screenList
		}
	}
	if msg.ID != 0 { // a new client: open it
		m.pending = msg.ID
		cmds = append(cmds, m.openDetail(msg.ID))
	}
	return tea.Batch(cmds...)
}

// ---- the dialogs

func (m *Model) openFilter() {
	in := form.NewInput(m.lang, m.fst, m.lang.T("clients.filter.title"), m.lang.T("clients.filter.placeholder"), m.query)
	in.Scratch = true
	m.openDlg(dlgFilter, in, model.Client{})
}

func (m *Model) openLog(c model.Client, kind model.EntryKind) {
	m.openDlg(dlgLog, journal.Box(m.lang, m.fst, c.Name, kind, m.env.Today()), c)
	m.entry = kind
}

func (m *Model) openPromise(c model.Client) {
	m.openDlg(dlgPromise, promise.New(m.lang, m.fst, m.env.Today(), c.Name), c)
}

// openClientForm shows every field of a client; edit keeps its id.
func (m *Model) openClientForm(c model.Client, edit bool) {
	kind := dlgNewClient
	if edit {
		kind = dlgEditClient
	}
	m.openDlg(kind, m.clientForm(c, edit), c)
	m.afterEdit = editStays // the callers from a brief say where it goes back to
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
	// What the client does, needs and likes runs over lines (a 40-line
	// needs kept as typed): these are multi-line fields.
	lines := func(k, label, v string) form.Field { return form.Field{Key: k, Label: l.T(label), Value: v, Lines: 4} }
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
		lines("business", "clients.f.business", c.Business),
		lines("needs", "clients.f.needs", c.Needs),
		text("decision_maker", "clients.f.decision_maker", c.DecisionMaker),
		lines("interests", "clients.f.interests", c.Interests),
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
// only the fields the person changed, on the client as stored: a needs
// edited keeps its lines, one not touched is not written, and a change
// made elsewhere survives.
func (m *Model) saveClient(f *form.Form) tea.Cmd {
	seen := m.client
	c := seen
	today, edit, lang := m.env.Today(), m.host.Is(dlgEditClient), m.lang
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
	m.host.Start()
	name := model.InertLine(c.Name)
	return dialog.Write(m.env.Store, func(st *storage.Store) dialog.SavedMsg {
		if edit {
			if _, err := st.EditClient(seen, c); err != nil {
				msg := dialog.Refused(err)
				msg.Field = fieldOf(err)
				return msg
			}
			return dialog.SavedMsg{Status: lang.T("clients.status.saved", name)}
		}
		saved, err := st.AddClient(c, today)
		if err != nil {
			return dialog.SavedMsg{Err: err, Field: fieldOf(err)}
		}
		return dialog.SavedMsg{Status: lang.T("clients.status.added", name), ID: saved.ID}
	})
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
func (m *Model) showBrief(msg brief.LoadedMsg) tea.Cmd {
	m.host.Done()
	if msg.Err != nil {
		return m.host.Saved(msg.Err, "")
	}
	m.openDlg(dlgPopup, brief.Popup(m.env, msg.Detail), msg.Detail.Row.Client)
	return nil
}
