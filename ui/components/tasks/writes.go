package tasks

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/components/dialog"
	"salesplan/ui/i18n"
)

// The writes run in commands and answer with a dialog.SavedMsg; each
// captures the values it needs when it is made, never the component.

// addTask saves a new task; once it shows, the pane selects it (ID).
func addTask(lang i18n.Lang, st *storage.Store, t model.Task) tea.Cmd {
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		saved, err := st.AddTask(t)
		if err != nil {
			return dialog.SavedMsg{Err: err}
		}
		status := lang.T("day.status.added", model.InertLine(saved.Title), lang.ShortDate(saved.Date))
		return dialog.SavedMsg{Status: status, ID: saved.ID}
	})
}

// complete marks a task done; the status names the next occurrence of a
// repeating task, which the rep would otherwise have to go and look for.
func complete(lang i18n.Lang, st *storage.Store, t model.AgendaTask, on model.Date, at time.Time, outcome string) tea.Cmd {
	title := model.InertLine(t.Title)
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		res, err := st.CompleteTask(t.ID, on, at, outcome)
		if err != nil {
			return dialog.SavedMsg{Err: err}
		}
		if res.Next != nil && res.Next.Date.Valid() {
			return dialog.SavedMsg{Status: lang.T("day.status.done_next", title, lang.ShortDate(res.Next.Date))}
		}
		return dialog.SavedMsg{Status: lang.T("day.status.done", title)}
	})
}

// editTask resolves the client name typed in the edit form, then saves;
// an unknown name comes back beside its field.
func editTask(lang i18n.Lang, st *storage.Store, t model.Task, clientName string, clientChanged bool) tea.Cmd {
	status := lang.T("day.status.saved", model.InertLine(t.Title))
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		if clientChanged {
			if clientName == "" {
				t.ClientID = 0
			} else {
				c, err := st.FindClient(clientName)
				if err != nil {
					return dialog.SavedMsg{Err: err, Field: "client"}
				}
				t.ClientID = c.ID
			}
		}
		if err := st.UpdateTask(t); err != nil {
			return dialog.SavedMsg{Err: err}
		}
		return dialog.SavedMsg{Status: status}
	})
}

// deleteTask deletes t (u undoes it).
func deleteTask(lang i18n.Lang, st *storage.Store, t model.AgendaTask) tea.Cmd {
	return dialog.Do(st, lang.T("day.status.deleted", model.InertLine(t.Title)),
		func(st *storage.Store) error { return st.DeleteTask(t.ID) })
}

// postpone moves t to the day after the later of its date and shown, the
// day the pane shows or has selected.
func postpone(lang i18n.Lang, st *storage.Store, t model.AgendaTask, shown model.Date) tea.Cmd {
	nt := t.Task
	nt.Date = max(t.Date, shown).AddDays(1)
	return dialog.Do(st, lang.T("day.status.postponed", model.InertLine(t.Title), lang.ShortDate(nt.Date)),
		func(st *storage.Store) error { return st.UpdateTask(nt) })
}

// toggleImportant marks t important, or no longer important.
func toggleImportant(lang i18n.Lang, st *storage.Store, t model.AgendaTask) tea.Cmd {
	nt := t.Task
	nt.Important = !nt.Important
	status := lang.T("day.status.important", model.InertLine(t.Title))
	if !nt.Important {
		status = lang.T("day.status.not_important", model.InertLine(t.Title))
	}
	return dialog.Do(st, status, func(st *storage.Store) error { return st.UpdateTask(nt) })
}
