package projects

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/components/journal"
	"salesplan/ui/form"
)

// The detail's journal cursor, as on a client card: J (or enter) puts a ›
// on the newest entry; j/k move it and the detail scrolls to follow; e
// edits the entry (text, date, kind, project: this one or none), d deletes
// it (u undoes); esc leaves the journal. The detail's own e (edit the
// project) is back once it has.

// focusJournal puts the cursor on the newest entry.
func (m *Model) focusJournal() tea.Cmd {
	dv := m.detail
	if len(dv.d.Journal) == 0 {
		// Nothing to put the cursor on: say how to record something
		// rather than ignore the key.
		return common.Status(m.lang.T("projects.d.no_journal"))
	}
	dv.journal = true
	if m.entryIndex() < 0 {
		m.selectEntry(0)
	}
	m.followEntry()
	return nil
}

func (m *Model) entryIndex() int {
	for i, e := range m.detail.d.Journal {
		if e.ID == m.detail.entry {
			return i
		}
	}
	return -1
}

func (m *Model) selectEntry(i int) {
	j := m.detail.d.Journal
	i = min(max(i, 0), len(j)-1)
	m.detail.entry, m.detail.entryIdx = j[i].ID, i
}

// reselect keeps the cursor on a fresh read: on the same entry, followed
// when it moved; the entry gone (deleted, or moved to no project), on the
// one now in its place.
func (m *Model) reselect() {
	dv := m.detail
	if !dv.journal {
		return
	}
	if len(dv.d.Journal) == 0 {
		dv.journal, dv.entry = false, 0
		return
	}
	switch i := m.entryIndex(); {
	case i < 0:
		m.selectEntry(dv.entryIdx)
	case i == dv.entryIdx:
		return
	default:
		dv.entryIdx = i
	}
	m.followEntry()
}

// followEntry scrolls the detail so the selected entry shows (its first
// line at least).
func (m *Model) followEntry() {
	dv := m.detail
	body := m.detailLines(m.width) // finds entryLine
	if dv.entryLine < 0 {
		return
	}
	dv.offset = common.FollowLines(dv.offset, dv.entryLine, dv.entryLine+dv.entryLen, len(body), max(m.height-1, 1))
	m.scrollDetail(0)
}

// journalKey handles a key while the detail's journal has the cursor.
func (m *Model) journalKey(msg tea.KeyPressMsg) tea.Cmd {
	km, dv := m.km, m.detail
	i := m.entryIndex()
	switch {
	case key.Matches(msg, km.LeaveJournal):
		dv.journal, dv.entry = false, 0
	case key.Matches(msg, km.Down):
		m.selectEntry(i + 1)
		m.followEntry()
	case key.Matches(msg, km.Up):
		m.selectEntry(i - 1)
		m.followEntry()
	case key.Matches(msg, km.PageDown):
		m.scrollDetail(max(m.height-3, 1))
	case key.Matches(msg, km.PageUp):
		m.scrollDetail(-max(m.height-3, 1))
	case key.Matches(msg, km.EditEntry) && i >= 0:
		e := dv.d.Journal[i]
		m.open(dlgEditEntry, m.entryForm(e), dv.d.Row)
		m.dlg.editing = e
	case key.Matches(msg, km.DeleteEntry) && i >= 0:
		m.host.Start()
		return journal.Delete(m.lang, m.env.Store, dv.d.Journal[i], dv.d.Row.Client)
	}
	return nil
}

// entryForm is the form of an entry of the project shown: its project is
// this one or none.
func (m *Model) entryForm(e model.JournalEntry) *form.Form {
	r := m.detail.d.Row
	return journal.EditForm(m.lang, m.fst, e, r.Client, []model.Project{r.Project}, m.env.Today())
}

// saveEntry saves the fields the person changed over the entry as the
// form opened on it (refused, keeping what was typed, when one was changed
// elsewhere meanwhile: applySaved rebases the form).
func (m *Model) saveEntry(f *form.Form) tea.Cmd {
	edited, changed := journal.Edited(f, m.dlg.editing, m.env.Today())
	if !changed {
		m.closeDialog()
		return nil
	}
	m.host.Start()
	return journal.Save(m.lang, m.env.Store, m.dlg.editing, edited, m.dlg.project.Client)
}
