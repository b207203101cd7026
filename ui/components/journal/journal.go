// Package journal is the box that records a call, visit, meeting or note
// about a client (c, v, m, n on a Day or Week task, on a client, on the
// call sheet), and its save.
package journal

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/components/dialog"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
)

// Box asks for the text of a journal entry of the given kind about the
// client named who; only a plain note must have text.
func Box(lang i18n.Lang, st form.Styles, who string, kind model.EntryKind) *form.Note {
	title := lang.T("day.log.title."+string(kind), model.InertLine(who))
	n := form.NewNote(lang, st, title, lang.T("day.log.placeholder"), "", 5)
	n.Required = kind == model.EntryNote
	return n
}

// Add saves a journal entry of kind about client (and project, 0 for
// none) at at; who names the client in the footer.
func Add(lang i18n.Lang, st *storage.Store, client, project model.ID, who string, kind model.EntryKind, at time.Time, text string) tea.Cmd {
	e := model.JournalEntry{ClientID: client, ProjectID: project, Kind: kind, At: at, Text: text}
	status := lang.T("clients.status.logged."+string(kind), model.InertLine(who))
	return dialog.Do(st, status, func(st *storage.Store) error {
		_, err := st.AddEntry(e)
		return err
	})
}
