// Package tasks is the task component the Day and Week panes embed, so a
// task behaves the same on either: the keys on a selected task (x e d > !
// c v m n p b), quick-add (a) with its live line of what was understood,
// go to a date (g), the edit form, the outcome, journal and promise
// dialogs, the brief, enter's client card, the writes and their answers.
//
// The pane keeps its list and its cursor; it hands the component the keys
// it does not use itself, with where its cursor is (At), and every
// message it does not know. The component answers with what the pane
// should do next (Event): go to a day, select a task once it shows. Its
// dialogs live in the pane's dialog host, which also says when the pane is
// busy (a write or the reload after it on its way).
//
// Files: tasks.go the component and its keys, quickadd.go the quick-add,
// edit.go the edit form, writes.go the store writes.
package tasks

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/brief"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/gotodate"
	"salesplan/ui/components/journal"
	"salesplan/ui/components/promise"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// The component's dialogs, as the pane's host knows them.
type kind int

const (
	kindQuickAdd kind = iota + 1
	kindOutcome
	kindEdit
	kindLog
	kindPromise
	kindGoto
	kindBrief
	kindNewClient // quick-add named a client not yet known: create it?
)

// Kinds are the task kinds in the order the panes list them.
var Kinds = []model.TaskKind{model.TaskCall, model.TaskVisit, model.TaskMeeting, model.TaskTodo}

// Tasks is the task component.
type Tasks struct {
	env  common.Env
	lang i18n.Lang
	km   keys.KeyMap
	fst  form.Styles
	host *dialog.Host

	kindWord map[model.TaskKind]string
	// What the open dialog is about: the task, the journal entry's kind,
	// and for quick-add the day a line without a date lands on.
	task     model.AgendaTask
	entry    model.EntryKind
	shown    model.Date
	previews common.Loads // quick-add readings; an older answer is dropped
	// While quick-add asks whether to create the client a line named: the
	// line's input (esc goes back to it, the text kept) and its task.
	line    *form.Input
	newTask model.Task
	newName string
}

// At is where the pane's cursor is when a key arrives.
type At struct {
	Task     model.AgendaTask
	Selected bool       // a task is under the cursor
	Shown    model.Date // the day shown or selected: quick-add's date, > moves a day past it
}

// Event is what the pane does after the component handled a message.
type Event struct {
	Handled bool       // the component took the message
	Goto    model.Date // g was answered: show this day
	Select  model.ID   // a task was added: put the cursor on it once it shows
}

// New builds the component over the pane's dialog host.
func New(env common.Env, host *dialog.Host) *Tasks {
	t := &Tasks{env: env, lang: env.Lang, km: env.Keys, host: host, kindWord: map[model.TaskKind]string{}}
	if len(t.km.Quit.Keys()) == 0 {
		t.km = keys.New(env.Lang)
	}
	for _, k := range Kinds {
		t.kindWord[k] = env.Lang.T("day.kind." + string(k))
	}
	t.Restyle()
	return t
}

// Restyle takes the theme again (the terminal's background arrived).
func (t *Tasks) Restyle() {
	t.fst = form.DefaultStyles(true)
	if t.env.Styles != nil {
		t.fst = form.ThemeStyles(*t.env.Styles)
	}
}

// Styles are the dialog styles, for the pane's own dialogs.
func (t *Tasks) Styles() form.Styles { return t.fst }

// KindWord is a task kind's word in the rows ("call", "电话").
func (t *Tasks) KindWord(k model.TaskKind) string { return t.kindWord[k] }

func (t *Tasks) open(k kind, d form.Dialog, task model.AgendaTask) {
	t.host.Open(d, k)
	t.task = task
}

// owns reports whether the open dialog is one of the component's.
func (t *Tasks) owns() bool {
	_, ok := t.host.Kind().(kind)
	return ok
}

// Key handles a key the pane does not use itself, with its cursor at at.
// A key the component does not know, and n on a task without a client
// (the shell's note flow then asks which client), are not Handled.
func (t *Tasks) Key(msg tea.KeyPressMsg, at At) (Event, tea.Cmd) {
	km := t.km
	switch {
	case key.Matches(msg, km.Add):
		t.openQuickAdd(at.Shown)
		return handled, nil
	case key.Matches(msg, km.GoTo):
		t.open(kindGoto, gotodate.New(t.lang, t.fst), model.AgendaTask{})
		return handled, nil
	}
	needsTask := key.Matches(msg, km.Done, km.Edit, km.Delete, km.Postpone, km.Important,
		km.LogCall, km.LogVisit, km.LogMeeting, km.Promise, km.Brief, km.Note, km.OpenClient)
	if !needsTask {
		return Event{}, nil
	}
	task := at.Task
	if key.Matches(msg, km.Note) && (!at.Selected || task.ClientID == 0) {
		return Event{}, nil // the shell's note flow asks which client
	}
	if !at.Selected {
		return handled, common.Status(t.lang.T("day.no_task"))
	}
	needsClient := key.Matches(msg, km.LogCall, km.LogVisit, km.LogMeeting, km.Promise, km.Brief, km.Note, km.OpenClient)
	if needsClient && task.ClientID == 0 {
		return handled, common.Status(t.lang.T("day.no_client"))
	}
	st, today := t.env.Store, t.env.Today()
	switch {
	case key.Matches(msg, km.Done):
		if task.Done {
			return handled, common.Status(t.lang.T("day.already_done"))
		}
		if task.Kind.IsContact() && task.ClientID != 0 {
			t.openOutcome(task)
			return handled, nil
		}
		t.host.Start()
		return handled, complete(t.lang, st, task, today, t.env.Now(), today, "")
	case key.Matches(msg, km.Edit):
		t.open(kindEdit, editForm(t.lang, t.fst, task, today), task)
		return handled, tea.Batch(common.ClientNamesCmd(st, func(n []string) tea.Msg { return namesMsg{field: "client", names: n} }),
			projectNames(st))
	case key.Matches(msg, km.Delete):
		t.host.Start()
		return handled, deleteTask(t.lang, st, task)
	case key.Matches(msg, km.Postpone):
		t.host.Start()
		return handled, postpone(t.lang, st, task, at.Shown)
	case key.Matches(msg, km.Important):
		t.host.Start()
		return handled, toggleImportant(t.lang, st, task)
	case key.Matches(msg, km.LogCall, km.LogVisit, km.LogMeeting, km.Note):
		t.entry = logKind(km, msg)
		if model.LogCompletes(task.Task, t.entry) {
			t.openOutcome(task) // one contact, once: it completes the task
			return handled, nil
		}
		t.open(kindLog, journal.Box(t.lang, t.fst, task.ClientName, t.entry, today), task)
	case key.Matches(msg, km.Promise):
		t.open(kindPromise, promise.New(t.lang, t.fst, today, task.ClientName), task)
	case key.Matches(msg, km.Brief):
		return handled, t.Brief(task.ClientID)
	case key.Matches(msg, km.OpenClient):
		// The client's card in the Clients pane (phone, last notes, open
		// promises); esc there comes back to the pane that asked.
		id := task.ClientID
		return handled, func() tea.Msg { return common.OpenClientMsg{ID: id} }
	}
	return handled, nil
}

var handled = Event{Handled: true}

// openOutcome asks how a contact task went, and on which day (today
// unless changed: a call made yesterday and ticked off this morning);
// saving completes it.
func (t *Tasks) openOutcome(task model.AgendaTask) {
	title := t.lang.T("day.outcome.title", t.kindWord[task.Kind], model.InertLine(task.ClientName))
	in := form.NewInput(t.lang, t.fst, title, t.lang.T("day.outcome.placeholder"), "").KeepLines()
	in.WithDate(journal.DateField(t.lang, t.env.Today()))
	t.open(kindOutcome, in, task)
}

// logKind is the journal entry a log key records.
func logKind(km keys.KeyMap, msg tea.KeyPressMsg) model.EntryKind {
	switch {
	case key.Matches(msg, km.LogCall):
		return model.EntryCall
	case key.Matches(msg, km.LogVisit):
		return model.EntryVisit
	case key.Matches(msg, km.LogMeeting):
		return model.EntryMeeting
	}
	return model.EntryNote
}

// Brief reads a client for the pre-visit brief; the popup opens when it
// arrives (keys wait for it).
func (t *Tasks) Brief(client model.ID) tea.Cmd {
	t.host.Start()
	return brief.Load(t.env, client)
}

// ForClient handles c, v, m and p for a client with no task selected (an
// attention item's client, and its project): the same record and promise
// dialogs a task's client gets. Other keys are not Handled.
func (t *Tasks) ForClient(msg tea.KeyPressMsg, client, project model.ID, name string) (Event, tea.Cmd) {
	km := t.km
	if !key.Matches(msg, km.LogCall, km.LogVisit, km.LogMeeting, km.Promise) {
		return Event{}, nil
	}
	if client == 0 {
		return handled, common.Status(t.lang.T("day.no_client"))
	}
	who := model.AgendaTask{Task: model.Task{ClientID: client, ProjectID: project}, ClientName: name}
	today := t.env.Today()
	if key.Matches(msg, km.Promise) {
		t.open(kindPromise, promise.New(t.lang, t.fst, today, name), who)
		return handled, nil
	}
	t.entry = logKind(km, msg)
	t.open(kindLog, journal.Box(t.lang, t.fst, name, t.entry, today), who)
	return handled, nil
}

// Add saves a task made elsewhere in the pane (t on an attention item);
// once it shows, the pane selects it.
func (t *Tasks) Add(task model.Task) tea.Cmd {
	t.host.Start()
	return addTask(t.lang, t.env.Store, task)
}

// namesMsg carries the client or project names (field) the edit form
// completes.
type namesMsg struct {
	field string
	names []string
}

// projectNames reads the project names the edit form's project field
// suggests.
func projectNames(st *storage.Store) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		names, err := st.ProjectNames()
		if err != nil {
			return nil // no suggestions; the field still takes a name
		}
		return namesMsg{field: "project", names: names}
	}
}

// Update handles the component's answers and, while one of its dialogs
// is open, every message. Anything else is not Handled: the pane's.
func (t *Tasks) Update(msg tea.Msg) (Event, tea.Cmd) {
	switch msg := msg.(type) {
	case previewMsg:
		return handled, t.applyPreview(msg)
	case namesMsg:
		if f, ok := t.host.Dialog().(*form.Form); ok && t.host.Is(kindEdit) {
			f.SetSuggestions(msg.field, msg.names)
		}
		return handled, nil
	case brief.LoadedMsg:
		t.host.Done()
		if msg.Err != nil {
			return handled, t.host.Saved(msg.Err, "")
		}
		t.open(kindBrief, brief.Popup(t.env, msg.Detail), model.AgendaTask{})
		return handled, nil
	case dialog.SavedMsg:
		if fresh, ok := msg.Fresh.(model.AgendaTask); ok && t.host.Is(kindEdit) {
			// Changed elsewhere: the form keeps what was typed and shows
			// the task as stored now; saving again applies it over that.
			t.host.Rebase(editForm(t.lang, t.fst, fresh, t.env.Today()))
			t.task = fresh
		}
		cmd := t.host.Landed(msg)
		ev := handled
		if msg.Err == nil {
			ev.Select = msg.ID
			t.task, t.line = model.AgendaTask{}, nil
		}
		return ev, cmd
	}
	if !t.owns() {
		return Event{}, nil
	}
	before := ""
	if in, ok := t.host.Dialog().(*form.Input); ok {
		before = in.Value()
	}
	ev := handled
	asking := t.host.Is(kindNewClient)
	res, cmd := t.host.Handle(msg, func() tea.Cmd {
		var save tea.Cmd
		ev, save = t.submit()
		return save
	})
	if asking && res == form.Cancelled && t.line != nil {
		t.host.Open(t.line, kindQuickAdd) // back to the line, as typed
		t.line = nil
		return handled, cmd
	}
	if res != form.Open {
		return ev, cmd
	}
	if in, ok := t.host.Dialog().(*form.Input); ok && t.host.Is(kindQuickAdd) && in.Value() != before {
		return handled, tea.Batch(cmd, t.preview(in.Value(), false))
	}
	return handled, cmd
}

// submit saves the open dialog.
func (t *Tasks) submit() (Event, tea.Cmd) {
	st, task := t.env.Store, t.task
	today, now := t.env.Today(), t.env.Now()
	switch d := t.host.Dialog().(type) {
	case *form.Input:
		switch t.host.Kind() {
		case kindQuickAdd:
			t.host.Start()
			return handled, t.preview(d.Value(), true)
		case kindOutcome:
			day, _ := journal.Day(d.Date(), today) // the input checked it
			t.host.Start()
			return handled, complete(t.lang, st, task, day, journal.At(day, now), today, d.Value())
		case kindGoto:
			date, ok := gotodate.Date(t.lang, d, today)
			if !ok {
				return handled, nil
			}
			t.host.Close()
			return Event{Handled: true, Goto: date}, nil
		}
	case *form.Note:
		day, _ := journal.Day(d.Date(), today) // the box checked it
		t.host.Start()
		return handled, journal.Add(t.lang, st, task.ClientID, task.ProjectID, task.ClientName, t.entry, journal.At(day, now), today, d.Value())
	case *form.Confirm: // create the client quick-add named, then the task
		t.host.Start()
		return handled, addWithClient(t.lang, st, t.newName, t.newTask, today)
	case *form.Form:
		t.host.Start()
		if t.host.Is(kindEdit) {
			nt := editedTask(d, task, today)
			return handled, editTask(t.lang, st, task, nt, named{
				client: d.Value("client"), clientChanged: d.Changed("client"),
				project: d.Value("project"), projectChanged: d.Changed("project")})
		}
		return handled, promise.Add(t.lang, st, promise.Read(d, task.ClientID, task.ProjectID, today), task.ClientName, today)
	}
	t.host.Close()
	return handled, nil
}
