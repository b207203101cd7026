package day

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/ui/common"
	"salesplan/ui/components/brief"
	"salesplan/ui/form"
)

// What each dialog asks, and what saving it does.

type dialogKind int

const (
	dlgQuickAdd dialogKind = iota + 1
	dlgOutcome
	dlgEdit
	dlgLog
	dlgPromise
	dlgGoto
	dlgPopup
	dlgFilter
)

type dialog struct {
	d     form.Dialog
	kind  dialogKind
	task  model.AgendaTask // the task the dialog is about
	entry model.EntryKind  // dlgLog: what is recorded
	// busy: a save is on its way; keys wait until it answers, so a double
	// enter cannot save twice.
	busy bool
	seq  uint64 // quick-add preview requests; older answers are dropped
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
		if m.dlg.kind == dlgFilter {
			m.setFilter("")
		}
		m.closeDialog()
		return cmd
	case form.Submitted:
		return tea.Batch(cmd, m.submit())
	}
	if in, ok := m.dlg.d.(*form.Input); ok && in.Value() != before {
		switch m.dlg.kind {
		case dlgQuickAdd:
			return tea.Batch(cmd, m.preview(in.Value(), false))
		case dlgFilter:
			m.setFilter(in.Value()) // live, as the user types
		}
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
			return complete(st, t.ID, today, now, d.Value(), m.doneStatus(t))
		case dlgFilter:
			m.setFilter(d.Value())
			m.closeDialog()
			return nil
		case dlgGoto:
			date, err := quickadd.ParseDate(d.Value(), today)
			if err != nil {
				d.SetProblems([]string{m.lang.Err(err)})
				return nil
			}
			m.closeDialog()
			return m.setDate(date)
		}
	case *form.Note:
		m.dlg.busy = true
		return writeTask(LogEntry(m.lang, st, t, m.dlg.entry, now, d.Value()))
	case *form.Form:
		switch m.dlg.kind {
		case dlgEdit:
			return m.saveEdit(d)
		case dlgPromise:
			m.dlg.busy = true
			return writeTask(AddPromise(m.lang, st, d, t, today))
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

func (m *Model) openQuickAdd() tea.Cmd {
	in := form.NewInput(m.lang, m.fst, m.lang.T("day.qa.title"), m.lang.T("day.qa.placeholder"), "")
	in.Required = true
	m.open(dlgQuickAdd, in, model.AgendaTask{})
	in.SetPreview([]string{m.lang.T("day.qa.help")})
	return nil
}

// preview parses the line off the UI loop (the resolver reads the store).
// A line without a date word lands on the day shown, not on today: adding
// while looking at Thursday means Thursday.
func (m *Model) preview(input string, save bool) tea.Cmd {
	m.dlg.seq++
	seq, today, shown, st := m.dlg.seq, m.env.Today(), m.date, m.env.Store
	return func() tea.Msg {
		var r quickadd.Resolver
		if st != nil {
			r = resolver{st}
		}
		res := quickadd.Parse(input, today, r)
		if !res.Dated && res.Task.Repeat == "" {
			res.Task.Date = shown
		}
		return previewMsg{seq: seq, res: res, save: save}
	}
}

func (m *Model) applyPreview(msg previewMsg) tea.Cmd {
	in, ok := m.dlg.d.(*form.Input)
	if !ok || m.dlg.kind != dlgQuickAdd || msg.seq != m.dlg.seq {
		return nil
	}
	in.SetPreview([]string{Describe(m.lang, m.kindWord[msg.res.Task.Kind], msg.res, true)})
	probs := ProblemTexts(m.lang, msg.res.Problems)
	in.SetProblems(probs)
	if !msg.save {
		return nil
	}
	m.dlg.busy = false
	if len(probs) > 0 {
		return nil
	}
	m.dlg.busy = true
	return addTask(m.env.Store, msg.res.Task, func(saved model.Task) string {
		return m.lang.T("day.status.added", model.InertLine(saved.Title), m.lang.ShortDate(saved.Date))
	})
}

// ---- the other dialogs

// openFilter asks for the text to filter the day's tasks by; enter keeps
// the filter, esc clears it.
func (m *Model) openFilter() {
	in := form.NewInput(m.lang, m.fst, m.lang.T("day.filter.title"), m.lang.T("day.filter.placeholder"), m.filter)
	m.open(dlgFilter, in, model.AgendaTask{})
}

func (m *Model) setFilter(f string) {
	f = strings.TrimSpace(f)
	if f == m.filter {
		return
	}
	m.filter = f
	m.rebuild(m.selectedID())
}

func (m *Model) openGoto() {
	m.open(dlgGoto, GotoInput(m.lang, m.fst), model.AgendaTask{})
}

func (m *Model) openOutcome(t model.AgendaTask) {
	m.open(dlgOutcome, OutcomeInput(m.lang, m.fst, t, m.kindWord[t.Kind]), t)
}

func (m *Model) openLog(t model.AgendaTask, kind model.EntryKind) {
	m.open(dlgLog, LogNote(m.lang, m.fst, t, kind), t)
	m.dlg.entry = kind
}

func (m *Model) openPromise(t model.AgendaTask) {
	m.open(dlgPromise, PromiseForm(m.lang, m.fst, t, m.env.Today()), t)
}

// openEdit shows the task in a field form.
func (m *Model) openEdit(t model.AgendaTask) {
	m.open(dlgEdit, EditForm(m.lang, m.fst, t, m.env.Today(), parseRepeat), t)
}

// saveEdit builds the changed task from the form; the client name is
// looked up in the command, and an unknown one comes back beside its field.
func (m *Model) saveEdit(f *form.Form) tea.Cmd {
	t := EditedTask(f, m.dlg.task, m.env.Today(), parseRepeat)
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

// showBrief opens the Clients pane's pre-visit brief, so `b` shows the same
// brief from every pane.
func (m *Model) showBrief(msg briefMsg) tea.Cmd {
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	m.open(dlgPopup, brief.Popup(m.env, msg.detail), model.AgendaTask{})
	return nil
}

// parseRepeat reads a repeat rule in its canonical form ("weekly", "every
// 2 weeks") or as quick-add words ("every mon", "每天", "每周一").
func parseRepeat(s string, today model.Date) (model.Repeat, error) {
	r, err := model.ParseRepeat(s)
	if err == nil {
		return r, nil
	}
	// A one-word title keeps quick-add from reading the rule as the title.
	if q := quickadd.Parse("x "+s, today, nil); q.Task.Repeat != "" && len(q.Problems) == 0 && q.Task.Title == "x" {
		return q.Task.Repeat, nil
	}
	return "", err
}
