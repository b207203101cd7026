package week

import (
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/ui/common"
	"salesplan/ui/components/brief"
	"salesplan/ui/day"
	"salesplan/ui/form"
)

// The dialogs ask and save what the Day pane's do, with its words (the
// "day.*" messages), so a task behaves the same on either pane. A line
// quick-added here without a date word lands on the day selected.

type dialogKind int

const (
	dlgQuickAdd dialogKind = iota + 1
	dlgOutcome
	dlgEdit
	dlgLog
	dlgPromise
	dlgGoto
	dlgPopup
)

type dialog struct {
	d     form.Dialog
	kind  dialogKind
	task  model.AgendaTask
	entry model.EntryKind
	busy  bool   // a save is on its way: keys wait for its answer
	seq   uint64 // quick-add preview requests
}

func (m *Model) open(kind dialogKind, d form.Dialog, t model.AgendaTask) {
	d.SetWidth(m.dialogWidth())
	m.dlg = dialog{d: d, kind: kind, task: t, seq: m.dlg.seq}
}

func (m *Model) closeDialog() { m.dlg = dialog{seq: m.dlg.seq} }

// updateDialog passes a message to the open dialog and acts on its answer.
func (m *Model) updateDialog(msg tea.Msg) tea.Cmd {
	if m.dlg.busy {
		if _, ok := msg.(tea.KeyPressMsg); ok {
			return nil
		}
	}
	before := ""
	if in, ok := m.dlg.d.(*form.Input); ok {
		before = in.Value()
	}
	res, cmd := m.dlg.d.Update(msg)
	switch res {
	case form.Cancelled:
		m.closeDialog()
		return cmd
	case form.Submitted:
		return tea.Batch(cmd, m.submit())
	}
	if in, ok := m.dlg.d.(*form.Input); ok && m.dlg.kind == dlgQuickAdd && in.Value() != before {
		return tea.Batch(cmd, m.preview(in.Value(), false))
	}
	return cmd
}

// submit saves the open dialog.
func (m *Model) submit() tea.Cmd {
	st, t := m.env.Store, m.dlg.task
	today, now := m.env.Today(), m.env.Now()
	switch d := m.dlg.d.(type) {
	case *form.Input:
		switch m.dlg.kind {
		case dlgQuickAdd:
			m.dlg.busy = true
			return m.preview(d.Value(), true)
		case dlgOutcome:
			m.dlg.busy = true
			return complete(st, t.ID, today, now, d.Value(), m.lang.T("day.status.done", model.InertLine(t.Title)))
		case dlgGoto:
			date, err := quickadd.ParseDate(d.Value(), today)
			if err != nil {
				d.SetProblems([]string{m.lang.Err(err)})
				return nil
			}
			m.closeDialog()
			return m.setWeek(date, date.Sub(date.WeekStart()))
		}
	case *form.Note:
		m.dlg.busy = true
		return writeTask(day.LogEntry(m.lang, st, t, m.dlg.entry, now, d.Value()))
	case *form.Form:
		switch m.dlg.kind {
		case dlgEdit:
			return m.saveEdit(d)
		case dlgPromise:
			m.dlg.busy = true
			return writeTask(day.AddPromise(m.lang, st, d, t, today))
		}
	}
	m.closeDialog()
	return nil
}

// ---- quick-add

// previewMsg is what a quick-add line means; save asks to add it when it
// has no problems.
type previewMsg struct {
	seq  uint64
	res  quickadd.Result
	save bool
}

func (m *Model) openQuickAdd() {
	in := form.NewInput(m.lang, m.fst, m.lang.T("day.qa.title"), m.lang.T("day.qa.placeholder"), "")
	in.Required = true
	m.open(dlgQuickAdd, in, model.AgendaTask{})
	in.SetPreview([]string{m.lang.T("day.qa.help")})
}

// preview parses the line off the UI loop (the resolver reads the store).
// A line without a date word lands on the day selected.
func (m *Model) preview(input string, save bool) tea.Cmd {
	m.dlg.seq++
	seq, today, shown, st := m.dlg.seq, m.env.Today(), m.selectedDate(), m.env.Store
	return func() tea.Msg {
		var r quickadd.Resolver
		if st != nil {
			r = day.QuickAddResolver(st)
		}
		res := quickadd.Parse(input, today, r)
		if shown != today && res.Task.Date == today && res.Task.Repeat == "" {
			// quickadd dates a line without a date word "today"; a second
			// reading a week later tells that apart from a typed "today".
			later := quickadd.Parse(input, today.AddDays(7), nil)
			if later.Task.Date == today.AddDays(7) {
				res.Task.Date = shown
			}
		}
		return previewMsg{seq: seq, res: res, save: save}
	}
}

func (m *Model) applyPreview(msg previewMsg) tea.Cmd {
	in, ok := m.dlg.d.(*form.Input)
	if !ok || m.dlg.kind != dlgQuickAdd || msg.seq != m.dlg.seq {
		return nil
	}
	in.SetPreview([]string{day.Describe(m.lang, m.kindWord[msg.res.Task.Kind], msg.res, false)})
	probs := day.ProblemTexts(m.lang, msg.res.Problems)
	in.SetProblems(probs)
	if !msg.save {
		return nil
	}
	m.dlg.busy = false
	if len(probs) > 0 {
		return nil
	}
	m.dlg.busy = true
	t, st := msg.res.Task, m.env.Store
	return func() tea.Msg {
		saved, err := st.AddTask(t)
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: m.lang.T("day.status.added", model.InertLine(saved.Title), m.lang.ShortDate(saved.Date))}
	}
}

// ---- the other dialogs

// showBrief opens the client's pre-visit brief in a popup.
func (m *Model) showBrief(msg briefMsg) tea.Cmd {
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	m.open(dlgPopup, brief.Popup(m.env, msg.detail), model.AgendaTask{})
	return nil
}

func (m *Model) openGoto() {
	m.open(dlgGoto, day.GotoInput(m.lang, m.fst), model.AgendaTask{})
}

func (m *Model) openOutcome(t model.AgendaTask) {
	m.open(dlgOutcome, day.OutcomeInput(m.lang, m.fst, t, m.kindWord[t.Kind]), t)
}

func (m *Model) openLog(t model.AgendaTask, kind model.EntryKind) {
	m.open(dlgLog, day.LogNote(m.lang, m.fst, t, kind), t)
	m.dlg.entry = kind
}

func (m *Model) openPromise(t model.AgendaTask) {
	m.open(dlgPromise, day.PromiseForm(m.lang, m.fst, t, m.env.Today()), t)
}

// openEdit shows the task in a field form.
func (m *Model) openEdit(t model.AgendaTask) {
	m.open(dlgEdit, day.EditForm(m.lang, m.fst, t, m.env.Today(), canonicalRepeat), t)
}

// saveEdit builds the changed task from the form; the client name is
// looked up in the command.
func (m *Model) saveEdit(f *form.Form) tea.Cmd {
	t := day.EditedTask(f, m.dlg.task, m.env.Today(), canonicalRepeat)
	client := f.Value("client")
	m.dlg.busy = true
	return editTask(m.env.Store, t, client, client != m.dlg.task.ClientName,
		m.lang.T("day.status.saved", model.InertLine(t.Title)))
}

func (m *Model) applyEditFailed(msg editFailedMsg) tea.Cmd {
	f, ok := m.dlg.d.(*form.Form)
	if !ok || m.dlg.kind != dlgEdit {
		return common.StatusErr(m.env, msg.err)
	}
	m.dlg.busy = false
	if msg.field != "" {
		f.SetError(msg.field, m.lang.Err(msg.err))
		return nil
	}
	return common.StatusErr(m.env, msg.err)
}

// canonicalRepeat reads only a repeat rule's canonical form ("weekly",
// "every 2 weeks"), as the Week pane's edit form always has.
func canonicalRepeat(s string, _ model.Date) (model.Repeat, error) {
	return model.ParseRepeat(s)
}
