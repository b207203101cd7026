package clients

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/components/journal"
	"salesplan/ui/form"
)

// The card's journal cursor: J (or enter) on the card puts a › on its
// newest entry (a search hit's card opens with the hit selected); j/k move
// it and the card scrolls to follow; e edits the entry (text, date, kind,
// project), d deletes it (u undoes), esc leaves the journal.

// focusJournal puts the cursor on the newest entry shown (or keeps the one
// a search hit selected).
func (m *Model) focusJournal() tea.Cmd {
	j := m.det.d.Journal
	if len(j) == 0 {
		// Nothing to put the cursor on: say how to record something
		// rather than ignore the key.
		return common.Status(m.lang.T("clients.detail.no_journal"))
	}
	m.det.journal, m.det.hit = true, false
	if m.entryIndex() < 0 {
		m.selectEntry(0)
	}
	m.followEntry()
	return nil
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
	lines := m.detailLines()
	if m.det.entryLine < 0 {
		return
	}
	m.det.offset = common.FollowLines(m.det.offset, m.det.entryLine, m.det.entryLine+m.det.entryLen, len(lines), m.bodyHeight())
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
		return journal.Delete(m.lang, m.env.Store, e, m.det.d.Row.Name)
	}
	return nil
}

// entryForm is the form of an entry of the card: its project none or one
// of the client's.
func (m *Model) entryForm(e model.JournalEntry) *form.Form {
	return journal.EditForm(m.lang, m.fst, e, m.det.d.Row.Name, m.det.d.Projects, m.env.Today())
}

// saveEntry saves the fields the person changed over the entry as it was
// when the form opened (refused, keeping what was typed, when one was
// changed elsewhere meanwhile: applySaved rebases the form).
func (m *Model) saveEntry(f *form.Form) tea.Cmd {
	edited, changed := journal.Edited(f, m.editing, m.env.Today())
	if !changed {
		m.closeDialog()
		return nil
	}
	m.host.Start()
	return journal.Save(m.lang, m.env.Store, m.editing, edited, m.det.d.Row.Name)
}
