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

// named are the edit form's client and project fields: the names typed
// and whether they changed.
type named struct {
	client, project               string
	clientChanged, projectChanged bool
}

// editTask saves the edit form's changes (edited, from editedTask) to the
// task as stored, seen being the task the form was opened on; a changed
// client or project name is looked up first (exact name, then a unique
// prefix, as on the command line; empty clears it), and one that matches
// none comes back beside its field: only a changed field is sent. A save refused because a field was changed
// elsewhere meanwhile comes back with the task as stored now (Fresh, an
// AgendaTask), for the form to show. A task whose date changed says where
// it went (a day, or today's Inbox).
func editTask(lang i18n.Lang, st *storage.Store, seen model.AgendaTask, edited model.Task, n named) tea.Cmd {
	status := lang.T("day.status.saved", model.InertLine(edited.Title))
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		if n.clientChanged {
			if n.client == "" {
				edited.ClientID = 0
			} else {
				c, err := st.FindClient(n.client)
				if err != nil {
					return dialog.SavedMsg{Err: err, Field: "client"}
				}
				edited.ClientID = c.ID
			}
		}
		if n.projectChanged {
			if n.project == "" {
				edited.ProjectID = 0
			} else {
				p, err := st.FindProject(n.project)
				if err != nil {
					return dialog.SavedMsg{Err: err, Field: "project"}
				}
				edited.ProjectID = p.ID
			}
		}
		saved, err := st.EditTask(seen.Task, edited)
		if err != nil {
			msg := dialog.Refused(err)
			if t, ok := msg.Fresh.(model.Task); ok {
				now := seen
				now.Task, now.ClientName, now.ProjectName = t, "", ""
				if c, cerr := st.Client(t.ClientID); cerr == nil {
					now.ClientName = c.Name
				}
				if p, perr := st.Project(t.ProjectID); perr == nil && t.ProjectID != 0 {
					now.ProjectName = p.Name
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
