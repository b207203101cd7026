package day

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// The keys on a selected task that the Day and Week panes share, so both
// refuse, act and report alike.

// CheckTaskKey says whether msg is a key that acts on a task and, if it
// is, whether the task can take it: cmd is the status that explains why
// not (ok is false then). A key that is not a task key gives nil, false.
func CheckTaskKey(lang i18n.Lang, km keys.KeyMap, msg tea.KeyPressMsg, t model.AgendaTask, selected bool) (cmd tea.Cmd, ok bool) {
	needsTask := key.Matches(msg, km.Done, km.Edit, km.Delete, km.Postpone, km.Important,
		km.LogCall, km.LogVisit, km.LogMeeting, km.Promise, km.Brief, km.Note)
	if !needsTask {
		return nil, false
	}
	if !selected {
		return common.Status(lang.T("day.no_task")), false
	}
	needsClient := key.Matches(msg, km.LogCall, km.LogVisit, km.LogMeeting, km.Promise, km.Brief, km.Note)
	if needsClient && t.ClientID == 0 {
		return common.Status(lang.T("day.no_client")), false
	}
	return nil, true
}

// LogKind is the journal entry a log key (call, visit, meeting, note)
// records; ok is false for any other key.
func LogKind(km keys.KeyMap, msg tea.KeyPressMsg) (kind model.EntryKind, ok bool) {
	switch {
	case key.Matches(msg, km.LogCall):
		return model.EntryCall, true
	case key.Matches(msg, km.LogVisit):
		return model.EntryVisit, true
	case key.Matches(msg, km.LogMeeting):
		return model.EntryMeeting, true
	case key.Matches(msg, km.Note):
		return model.EntryNote, true
	}
	return "", false
}

// TaskWrite is one store action on a task and the status line it earns.
type TaskWrite struct {
	Status string
	Do     func() error
}

// DeleteTask deletes t.
func DeleteTask(lang i18n.Lang, st *storage.Store, t model.AgendaTask) TaskWrite {
	return TaskWrite{lang.T("day.status.deleted", model.InertLine(t.Title)), func() error { return st.DeleteTask(t.ID) }}
}

// PostponeTask moves t to the day after the later of its date and shown,
// the day the pane shows or has selected.
func PostponeTask(lang i18n.Lang, st *storage.Store, t model.AgendaTask, shown model.Date) TaskWrite {
	nt := t.Task
	nt.Date = max(t.Date, shown).AddDays(1)
	return TaskWrite{lang.T("day.status.postponed", model.InertLine(t.Title), lang.ShortDate(nt.Date)),
		func() error { return st.UpdateTask(nt) }}
}

// ToggleImportant marks t important, or no longer important.
func ToggleImportant(lang i18n.Lang, st *storage.Store, t model.AgendaTask) TaskWrite {
	nt := t.Task
	nt.Important = !nt.Important
	status := lang.T("day.status.important", model.InertLine(t.Title))
	if !nt.Important {
		status = lang.T("day.status.not_important", model.InertLine(t.Title))
	}
	return TaskWrite{status, func() error { return st.UpdateTask(nt) }}
}
