package day

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/gotodate"
	"salesplan/ui/components/tasks"
	"salesplan/ui/form"
)

// The keys of the rep's workday (issue 15) on the Day: enter opens the
// task's client card, R moves every carried-over task to one day, x keeps
// a promise from the attention list.

// dlgMoveAll asks the day the carried-over tasks go to.
const dlgMoveAll dialogKind = 2

// openRow answers enter on the list: on "N more" it lists every
// carried-over (or inbox) task; on a task the task component opens the client's card
// (the Clients detail: phone, latest notes, open promises), as it does on
// the Week, and esc comes back here.
func (m *Model) openRow(msg tea.KeyPressMsg) tea.Cmd {
	if m.list.Cursor < len(m.rows) && m.rows[m.list.Cursor].kind == rowMore {
		if m.rows[m.list.Cursor].sec == secInbox {
			m.all.inbox = true
		} else {
			m.all.carried = true
		}
		m.rebuild(0)
		return nil
	}
	t, ok := m.selected()
	ev, cmd := m.tc.Key(msg, tasks.At{Task: t, Selected: ok, Shown: m.date})
	return m.after(ev, cmd)
}

// carried are the ids of the carried-over tasks, all of them (also the
// ones "N more" hides), in the order listed.
func (m *Model) carried() []model.ID {
	var ids []model.ID
	for _, t := range m.tasks {
		if t.CarriedOver && !t.Done {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

// openMoveAll asks where the carried-over tasks go (R).
func (m *Model) openMoveAll() tea.Cmd {
	n := len(m.carried())
	if n == 0 {
		return common.Status(m.lang.T("day.carried_none"))
	}
	in := form.NewInput(m.lang, m.tc.Styles(), m.lang.N("day.move_all.title", n, n), m.lang.T("day.move_all.placeholder"), "")
	in.Required = true
	m.host.Open(in, dlgMoveAll)
	return nil
}

// submit saves the Day's own dialog: the day to move the carried-over
// tasks to. All move in one write, undone in one step.
func (m *Model) submit() tea.Cmd {
	in, ok := m.host.Dialog().(*form.Input)
	if !ok || !m.host.Is(dlgMoveAll) {
		m.host.Close()
		return nil
	}
	to, ok := gotodate.Date(m.lang, in, m.env.Today())
	if !ok {
		return nil
	}
	ids := m.carried()
	m.host.Start()
	lang := m.lang
	return dialog.Write(m.env.Store, func(st *storage.Store) dialog.SavedMsg {
		n, err := st.MoveTasks(ids, to)
		if err != nil {
			return dialog.Refused(err)
		}
		return dialog.SavedMsg{Status: lang.N("day.status.moved_all", n, n, lang.ShortDate(to))}
	})
}

// keepPromise marks the promise of an attention item kept today, if it is
// still as shown (x): a promise changed elsewhere meanwhile is not kept,
// and the list reloads to show it as it is now.
func (m *Model) keepPromise(a model.AttentionItem) tea.Cmd {
	if a.PromiseID == 0 {
		return common.Status(m.lang.T("day.att.not_promise"))
	}
	lang, today := m.lang, m.env.Today()
	m.host.Start()
	return dialog.Write(m.env.Store, func(st *storage.Store) dialog.SavedMsg {
		p, err := st.KeepPromiseSeen(a.PromiseID, a.PromiseRev, today)
		var ce *storage.ConflictError
		if errors.As(err, &ce) {
			return dialog.SavedMsg{Err: model.Errf("promise_changed", "this promise was changed elsewhere since it was shown: read it again, then press x"), Fresh: ce.Fresh}
		}
		if err != nil {
			return dialog.SavedMsg{Err: err}
		}
		return dialog.SavedMsg{Status: lang.T("promises.status.kept", model.InertLine(p.Text), lang.ShortDate(today))}
	})
}
