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

// complete marks a task done on day on; the status names the next
// occurrence of a repeating task, which the rep would otherwise have to go
// and look for, and the day when it is not today.
func complete(lang i18n.Lang, st *storage.Store, t model.AgendaTask, on model.Date, at time.Time, today model.Date, outcome string) tea.Cmd {
	title := model.InertLine(t.Title)
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		res, err := st.CompleteTask(t.ID, on, at, outcome)
		if err != nil {
			return dialog.SavedMsg{Err: err}
		}
		if res.Next != nil && res.Next.Date.Valid() {
			return dialog.SavedMsg{Status: lang.T("day.status.done_next", title, lang.ShortDate(res.Next.Date))}
		}
		if on != today {
			return dialog.SavedMsg{Status: lang.T("day.status.done_on", title, lang.ShortDate(on))}
		}
		return dialog.SavedMsg{Status: lang.T("day.status.done", title)}
	})
}

// editTask saves the edit form's changes (edited, from editedTask) to the
// task as stored, seen being the task the form was opened on; a changed
// client name is looked up first, and one that matches no client comes
// back beside its field. A save refused because a field was changed
// elsewhere meanwhile comes back with the task as stored now (Fresh, an
// AgendaTask), for the form to show. A task whose date changed says where
// it went (a day, or today's Inbox).
func editTask(lang i18n.Lang, st *storage.Store, seen model.AgendaTask, edited model.Task, clientName string, clientChanged bool) tea.Cmd {
	status := lang.T("day.status.saved", model.InertLine(edited.Title))
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		if clientChanged {
			if clientName == "" {
				edited.ClientID = 0
			} else {
				c, err := st.FindClient(clientName)
				if err != nil {
					return dialog.SavedMsg{Err: err, Field: "client"}
				}
				edited.ClientID = c.ID
			}
		}
		saved, err := st.EditTask(seen.Task, edited)
		if err != nil {
			msg := dialog.Refused(err)
			if t, ok := msg.Fresh.(model.Task); ok {
				now := seen
				now.Task, now.ClientName = t, ""
				if c, cerr := st.Client(t.ClientID); cerr == nil {
					now.ClientName = c.Name
				}
				msg.Fresh = now
			}
			return msg
		}
		switch title := model.InertLine(saved.Title); {
		case saved.Date == seen.Date:
		case !saved.Date.Valid():
			status = lang.T("day.status.saved_inbox", title) // where it went: today's Inbox
		default:
			status = lang.T("day.status.saved_on", title, lang.ShortDate(saved.Date))
		}
		return dialog.SavedMsg{Status: status}
	})
}

// deleteTask deletes t (u undoes it).
func deleteTask(lang i18n.Lang, st *storage.Store, t model.AgendaTask) tea.Cmd {
	return dialog.Do(st, lang.T("day.status.deleted", model.InertLine(t.Title)),
		func(st *storage.Store) error { return st.DeleteTask(t.ID) })
}

// postpone moves t to the day after the later of its date as stored and
// shown, the day the pane shows or has selected (a task the command line
// moved further meanwhile goes one day past that); the status names the
// day it went to.
func postpone(lang i18n.Lang, st *storage.Store, t model.AgendaTask, shown model.Date) tea.Cmd {
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		moved, err := st.PostponeTask(t.ID, shown)
		if err != nil {
			return dialog.Refused(err)
		}
		return dialog.SavedMsg{Status: lang.T("day.status.postponed", model.InertLine(moved.Title), lang.ShortDate(moved.Date))}
	})
}

// toggleImportant marks t important, or no longer important, as the
// person saw it: only that flag is written, on the task as stored (a
// completion made elsewhere a moment ago stays).
func toggleImportant(lang i18n.Lang, st *storage.Store, t model.AgendaTask) tea.Cmd {
	want := !t.Important
	status := lang.T("day.status.important", model.InertLine(t.Title))
	if !want {
		status = lang.T("day.status.not_important", model.InertLine(t.Title))
	}
	return dialog.Do(st, status, func(st *storage.Store) error {
		_, err := st.MarkImportant(t.ID, want)
		return err
	})
}

// addWithClient creates the client quick-add named and then its task, in
// one write (u undoes both); once it shows, the pane selects the task.
func addWithClient(lang i18n.Lang, st *storage.Store, name string, t model.Task, today model.Date) tea.Cmd {
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		c, saved, err := st.AddTaskWithClient(model.Client{Name: name, Tier: model.TierRegular}, t, today)
		if err != nil {
			return dialog.SavedMsg{Err: err}
		}
		status := lang.T("day.status.added_client", model.InertLine(c.Name), model.InertLine(saved.Title), lang.ShortDate(saved.Date))
		return dialog.SavedMsg{Status: status, ID: saved.ID}
	})
}
