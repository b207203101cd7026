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
	// After, when set, words the status once Do has run: the store acted
	// on the task as stored, which may not be the one shown.
	After func() string
}

// Said is the status line to show after Do.
func (w TaskWrite) Said() string {
	if w.After != nil {
		return w.After()
	}
	return w.Status
}

// DeleteTask deletes t.
func DeleteTask(lang i18n.Lang, st *storage.Store, t model.AgendaTask) TaskWrite {
	return TaskWrite{Status: lang.T("day.status.deleted", model.InertLine(t.Title)), Do: func() error { return st.DeleteTask(t.ID) }}
}

// PostponeTask moves t to the day after the later of its date as stored
// and shown, the day the pane shows or has selected (a task the command
// line moved further meanwhile goes one day past that); the status names
// the day it went to.
func PostponeTask(lang i18n.Lang, st *storage.Store, t model.AgendaTask, shown model.Date) TaskWrite {
	var moved model.Task
	return TaskWrite{
		Status: lang.T("day.status.postponed", model.InertLine(t.Title), lang.ShortDate(max(t.Date, shown).AddDays(1))),
		Do: func() (err error) {
			moved, err = st.PostponeTask(t.ID, shown)
			return err
		},
		After: func() string {
			return lang.T("day.status.postponed", model.InertLine(moved.Title), lang.ShortDate(moved.Date))
		},
	}
}

// ToggleImportant marks t important, or no longer important, as the
// person saw it: only that flag is written, on the task as stored (a
// completion made elsewhere a moment ago stays).
func ToggleImportant(lang i18n.Lang, st *storage.Store, t model.AgendaTask) TaskWrite {
	want := !t.Important
	status := lang.T("day.status.important", model.InertLine(t.Title))
	if !want {
		status = lang.T("day.status.not_important", model.InertLine(t.Title))
	}
	return TaskWrite{Status: status, Do: func() error {
		_, err := st.MarkImportant(t.ID, want)
		return err
	}}
}
