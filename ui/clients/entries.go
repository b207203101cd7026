package clients

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/journal"
	"salesplan/ui/form"
)

// The card's journal cursor: J (or enter) on the card puts a › on its
// newest entry (a search hit's card opens with the hit selected); j/k move
// it and the card scrolls to follow; e edits the entry (text, date, kind,
// project), d deletes it (u undoes), esc leaves the journal.

// focusJournal puts the cursor on the newest entry shown (or keeps the one
// a search hit selected).
func (m *Model) focusJournal() {
	j := m.det.d.Journal
	if len(j) == 0 {
		return
	}
	m.det.journal, m.det.hit = true, false
	if m.entryIndex() < 0 {
		m.selectEntry(0)
	}
	m.followEntry()
}

// leaveJournal takes the cursor away.
func (m *Model) leaveJournal() {
	m.det.journal, m.det.hit = false, false
	m.det.entry, m.det.scrollTo, m.det.wrapped = 0, false, nil
}

// entryIndex is the selected entry's place in the journal read (-1: none).
func (m *Model) entryIndex() int {
	for i, e := range m.det.d.Journal {
		if e.ID == m.det.entry {
			return i
		}
	}
	return -1
}

func (m *Model) selectEntry(i int) {
	j := m.det.d.Journal
	i = min(max(i, 0), len(j)-1)
	m.det.entry, m.det.entryIdx, m.det.wrapped = j[i].ID, i, nil
}

// reselect keeps the cursor on a fresh read: on the same entry (the card
// following it when it moved), or, the entry gone (deleted, here or
// elsewhere), on the one now in its place.
func (m *Model) reselect() {
	if !m.det.journal || m.det.scrollTo { // a search hit's entry: scrollToEntry finds it
		return
	}
	if len(m.det.d.Journal) == 0 {
		m.leaveJournal()
		return
	}
	if i := m.entryIndex(); i >= 0 {
		if i != m.det.entryIdx { // its date edited: it moved in the journal
			m.det.entryIdx = i
			m.followEntry()
		}
		return
	}
	m.selectEntry(m.det.entryIdx)
	m.followEntry()
}

// followEntry scrolls the card so the selected entry shows whole (its
// first line at least, when it is taller than the body).
func (m *Model) followEntry() {
	m.detailLines()
	if m.det.entryLine < 0 {
		return
	}
	h := m.bodyHeight()
	top, end := m.det.entryLine, m.det.entryLine+m.det.entryLen
	if end > m.det.offset+h {
		m.det.offset = end - h
	}
	if top < m.det.offset || end-top > h {
		m.det.offset = max(top-1, 0)
	}
	m.scrollDetail(0)
}

// journalKey handles a key while the journal has the cursor.
func (m *Model) journalKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	i := m.entryIndex()
	switch {
	case key.Matches(msg, km.LeaveJournal) && m.det.hit:
		// Opened on a search hit: esc goes back to the search, as
		// from any card opened elsewhere.
		return m.leaveDetail()
	case key.Matches(msg, km.LeaveJournal):
		m.leaveJournal()
	case key.Matches(msg, km.Down):
		m.selectEntry(i + 1)
		m.followEntry()
	case key.Matches(msg, km.Up):
		m.selectEntry(i - 1)
		m.followEntry()
	case key.Matches(msg, km.PageDown):
		m.scrollDetail(m.bodyHeight() - 1)
	case key.Matches(msg, km.PageUp):
		m.scrollDetail(-(m.bodyHeight() - 1))
	case key.Matches(msg, km.EditEntry) && i >= 0:
		e := m.det.d.Journal[i]
		m.openDlg(dlgEditEntry, m.entryForm(e), m.det.d.Row.Client)
		m.editing = e
	case key.Matches(msg, km.DeleteEntry) && i >= 0:
		e := m.det.d.Journal[i]
		m.host.Start()
		status := m.lang.T("clients.status.entry_gone", m.entryWords(e))
		return dialog.Do(m.env.Store, status, func(st *storage.Store) error {
			_, err := st.DeleteEntry(e.ID)
			return err
		})
	}
	return nil
}

// entryWords names an entry of the card's client: "call with 王总, 2 Dec"
// (the words undo says it with).
func (m *Model) entryWords(e model.JournalEntry) string {
	return m.lang.T("undone.entry."+string(e.Kind), model.InertLine(m.det.d.Row.Name), m.lang.DayMonth(e.On()))
}

// entryForm is the form of an entry's text (every line of it), date, kind
// and project (none, or one of the client's).
func (m *Model) entryForm(e model.JournalEntry) *form.Form {
	l := m.lang
	today := m.env.Today()
	kinds := []form.Choice{}
	for _, k := range []model.EntryKind{model.EntryCall, model.EntryVisit, model.EntryMeeting, model.EntryNote} {
		kinds = append(kinds, form.Choice{Value: string(k), Label: l.T("kind." + string(k))})
	}
	projects := []form.Choice{{Value: "0", Label: l.T("word.none")}}
	known := e.ProjectID == 0
	for _, p := range m.det.d.Projects {
		projects = append(projects, form.Choice{Value: idText(p.ID), Label: model.InertLine(p.Name)})
		known = known || p.ID == e.ProjectID
	}
	if !known { // a project of another client's: kept, named by its number
		projects = append(projects, form.Choice{Value: idText(e.ProjectID), Label: "#" + idText(e.ProjectID)})
	}
	return form.NewForm(l, m.fst, l.T("clients.entry.title", m.entryWords(e)),
		form.Field{Key: "text", Label: l.T("clients.entry.f.text"), Value: e.Text, Lines: 5},
		form.Field{Key: "date", Label: l.T("clients.entry.f.date"), Value: e.On().String(), Validate: func(s string) error {
			_, err := journal.Day(s, today)
			return err
		}},
		form.Field{Key: "kind", Label: l.T("clients.entry.f.kind"), Value: string(e.Kind), Choices: kinds},
		form.Field{Key: "project", Label: l.T("clients.entry.f.project"), Value: idText(e.ProjectID), Choices: projects},
	)
}

func idText(id model.ID) string { return strconv.FormatUint(uint64(id), 10) }

// saveEntry saves the fields the person changed over the entry as it was
// when the form opened: storage merges them into the entry as stored now,
// and refuses a field changed elsewhere meanwhile (the form keeps what was
// typed and shows the entry as it is now).
func (m *Model) saveEntry(f *form.Form) tea.Cmd {
	seen := m.editing
	edited := seen
	if f.Changed("text") {
		edited.Text = f.Value("text")
	}
	if f.Changed("date") {
		day, _ := journal.Day(f.Value("date"), m.env.Today()) // the form checked it
		if day != seen.On() {
			edited.At = journal.OnDay(seen.At, day)
		}
	}
	if f.Changed("kind") {
		edited.Kind = model.EntryKind(f.Value("kind"))
	}
	if f.Changed("project") {
		id, _ := strconv.ParseUint(f.Value("project"), 10, 64)
		edited.ProjectID = model.ID(id)
	}
	if edited == seen {
		m.closeDialog()
		return nil
	}
	after := edited
	m.host.Start()
	status := m.lang.T("clients.status.entry_saved", m.entryWords(after))
	return dialog.Write(m.env.Store, func(st *storage.Store) dialog.SavedMsg {
		if _, err := st.EditEntry(seen, edited); err != nil {
			msg := dialog.Refused(err)
			msg.Field = entryFieldOf(err)
			return msg
		}
		return dialog.SavedMsg{Status: status}
	})
}

// entryFieldOf says which field of the entry form a store error belongs
// beside.
func entryFieldOf(err error) string {
	p := model.ProblemOf(err)
	if p == nil {
		return ""
	}
	switch p.Field {
	case "text":
		return "text"
	case "at":
		return "date"
	case "kind":
		return "kind"
	case "project_id":
		return "project"
	}
	return ""
}
