package projects

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/journal"
	"salesplan/ui/form"
)

// What each dialog asks, and what saving it does.

type dialogKind int

const (
	dlgAdd dialogKind = iota + 1
	dlgEdit
	dlgMove      // the date of a stage move (the confirmation)
	dlgChecklist // the checklist of the stage entered
	dlgLost      // the reason and the date
	dlgLog       // a note, call or visit linked to the project
	dlgFilter
	dlgNewClient // the add form named a client not on file: add it too?
	dlgEditEntry // an entry of the detail's journal (journal.go)
)

// about is what the open dialog is about (the host holds the dialog).
type about struct {
	project storage.ProjectRow // the project the dialog is about
	to      model.Stage        // dlgMove, dlgChecklist: the stage entered
	dir     int                // dlgMove, dlgChecklist: a step (> 1, < -1) from the stage stored; 0 for lost
	on      model.Date         // dlgChecklist: the date of the move
	entry   model.EntryKind    // dlgLog
	editing model.JournalEntry // dlgEditEntry: the entry as the form opened on it
	// dlgNewClient: the add form to go back to, the client to add and
	// the project read from the form.
	form      *form.Form
	newClient string
	newProj   model.Project
}

func (m *Model) open(kind dialogKind, d form.Dialog, p storage.ProjectRow) {
	m.host.Open(d, kind)
	m.dlg = about{project: p}
}

func (m *Model) closeDialog() {
	m.host.Close()
	m.dlg = about{}
}

// updateDialog passes a message to the open dialog and acts on its answer.
func (m *Model) updateDialog(msg tea.Msg) tea.Cmd {
	if m.host.Is(dlgFilter) {
		return m.host.Filter(msg, m.setFilter)
	}
	asking := m.host.Is(dlgNewClient)
	res, cmd := m.host.Handle(msg, m.submit)
	if res == form.Cancelled && asking && m.dlg.form != nil {
		// No: back to the add form as typed, saying why it was not saved.
		f := m.dlg.form
		f.SetError("client", m.lang.Err(model.Errf("unknown_client", "client %q not found", m.dlg.newClient)))
		m.host.Open(f, dlgAdd)
		m.dlg.form = nil
		return cmd
	}
	if res == form.Cancelled {
		m.dlg = about{}
	}
	return cmd
}

// askNewClient answers an add refused because its client is not on file:
// it asks whether to add that client with the project.
func (m *Model) askNewClient(a newClientAsk) {
	f, _ := m.host.Dialog().(*form.Form)
	m.host.Done()
	m.dlg.form, m.dlg.newClient, m.dlg.newProj = f, a.name, a.p
	m.host.Open(form.NewConfirm(m.lang, m.fst, m.lang.T("projects.new_client.ask", model.InertLine(a.name))), dlgNewClient)
}

// submit saves the open dialog.
func (m *Model) submit() tea.Cmd {
	st, p := m.env.Store, m.dlg.project
	today := m.env.Today()
	name := model.InertLine(p.Name)
	switch d := m.host.Dialog().(type) {
	case *form.Confirm: // dlgNewClient: yes, add the client and the project
		m.host.Start()
		return addWithClient(m.lang, st, m.dlg.newClient, m.dlg.newProj, today)
	case *form.Note:
		day, _ := journal.Day(d.Date(), today) // the box checked it
		m.host.Start()
		e := model.JournalEntry{ClientID: p.ClientID, ProjectID: p.ID, Kind: m.dlg.entry, At: journal.At(day, m.env.Now()), Text: d.Value()}
		return dialog.Do(st, m.lang.T("projects.status.logged."+string(e.Kind), name), func(st *storage.Store) error {
			_, err := st.AddEntry(e)
			return err
		})
	case *checklistDialog:
		m.host.Start()
		items := model.ChecklistFor(p.Project, m.dlg.to)
		titles, kinds := d.Titles(), make([]model.TaskKind, len(items))
		for i, it := range items {
			kinds[i] = it.Kind
		}
		tasks := model.ChecklistTasks(p.Project, m.dlg.on, titles, kinds)
		return m.stepStage(p, m.dlg.dir, m.dlg.to, m.dlg.on, tasks)
	case *form.Form:
		switch m.host.Kind() {
		case dlgAdd, dlgEdit:
			return m.saveProject(d)
		case dlgEditEntry:
			return m.saveEntry(d)
		case dlgMove:
			on, _ := moveDay(d.Value("date"), today)         // validated by the form
			items := model.ChecklistFor(p.Project, m.dlg.to) // once per project and stage
			if len(items) > 0 && m.dlg.to.Index() > p.Stage.Index() {
				m.openChecklist(p, m.dlg.to, on, items)
				return nil
			}
			m.host.Start()
			return m.stepStage(p, m.dlg.dir, m.dlg.to, on, nil)
		}
	case *form.Input: // dlgLost
		reason := d.Value()
		if strings.TrimSpace(reason) == "" {
			d.Fail(m.lang.Err(model.Errf("missing_reason", "say why the project was lost")))
			return nil
		}
		on, _ := lostDay(p.Project, d.Date(), today) // the date line checked it
		m.host.Start()
		return setStage(st, p.ID, model.StageLost, on, nil, reason, m.lang.T("projects.status.lost", name))
	}
	m.closeDialog()
	return nil
}

// stepStage moves p one stage on or back from the stage stored now
// (Store.StepStage): the tasks the checklist dialog kept are added when
// the move enters the stage they were made for (to); a project moved
// elsewhere meanwhile gets its own stage's checklist as the command line
// would add it, and the status says where it really moved from.
func (m *Model) stepStage(p storage.ProjectRow, dir int, to model.Stage, on model.Date, tasks []model.Task) tea.Cmd {
	st, lang := m.env.Store, m.lang
	checklist := func(now model.Project, entered model.Stage) []model.Task {
		if entered == to {
			return tasks
		}
		if entered.Index() < now.Stage.Index() {
			return nil // a step back adds no checklist, as in the dialog
		}
		items := model.Checklist(entered)
		titles, kinds := make([]string, len(items)), make([]model.TaskKind, len(items))
		for i, it := range items {
			titles[i], kinds[i] = lang.T("cli.check."+it.Code, now.Name), it.Kind
		}
		return model.ChecklistTasks(now, on, titles, kinds)
	}
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		mv, err := st.StepStage(p.ID, dir, p.Stage, on, checklist)
		if err != nil {
			return dialog.Refused(err)
		}
		stage := func(s model.Stage) string { return lang.T("stage." + string(s)) }
		status := lang.T("projects.status.moved", model.InertLine(p.Name), stage(mv.From), stage(mv.Project.Stage), lang.ShortDate(on))
		if mv.Tasks > 0 {
			status += " · " + lang.N("projects.status.tasks_added", mv.Tasks, mv.Tasks)
		}
		if mv.From != mv.Shown {
			status += " · " + lang.T("projects.status.moved_from_stored", stage(mv.From), stage(mv.Shown))
		}
		return dialog.SavedMsg{Status: status, ID: p.ID}
	})
}

func (m *Model) stageName(s model.Stage) string { return m.lang.T("stage." + string(s)) }

// ---- stage moves

// startMove asks to move p one stage forward (dir 1) or back (dir -1).
// Closed and lost end the pipeline: > on them says so, < on a lost
// project reopens it in the stage it was lost from.
func (m *Model) startMove(p storage.ProjectRow, dir int) tea.Cmd {
	name := model.InertLine(p.Name)
	to, err := model.StepStage(p.Project, dir) // the same rule the store moves by
	var pr *model.Problem
	if errors.As(err, &pr) {
		switch pr.Code {
		case "project_lost":
			return common.Status(m.lang.T("projects.status.is_lost", name))
		case "project_closed":
			return common.Status(m.lang.T("projects.status.is_closed", name))
		default:
			return common.Status(m.lang.T("projects.status.first_stage", name))
		}
	}
	title := m.lang.T("projects.move.title", name, m.stageName(p.Stage), m.stageName(to))
	f := form.NewForm(m.lang, m.fst, title, m.dateField(p.Project))
	m.open(dlgMove, f, p)
	m.dlg.to, m.dlg.dir = to, dir
	return nil
}

// dateField is the date of a stage move: today unless changed, in date
// words too; not before the day the current stage was entered (the store
// refuses it, and saying so beside the field is clearer).
func (m *Model) dateField(p model.Project) form.Field {
	today := m.env.Today()
	// Empty is today, said faintly, so a date typed replaces it.
	return form.Field{Key: "date", Label: m.lang.T("projects.f.on"), Placeholder: m.lang.T("rel.today"),
		Validate: func(s string) error {
			on, err := moveDay(s, today)
			if err != nil {
				return err
			}
			if since := p.StageSince(); since.Valid() && on < since {
				return model.Errf("stage_date_before", "project %s entered its current stage on %s, after %s",
					p.Name, since.String(), on.String())
			}
			return nil
		}}
}

// moveDay reads a stage move's date: date words, today when empty.
func moveDay(s string, today model.Date) (model.Date, error) {
	if strings.TrimSpace(s) == "" {
		return today, nil
	}
	return quickadd.ParseDate(s, today)
}

func (m *Model) openChecklist(p storage.ProjectRow, to model.Stage, on model.Date, items []model.ChecklistItem) {
	titles := make([]string, len(items))
	for i, it := range items {
		// The same words as the command line's checklist: the tasks are the
		// user's own, written in their language.
		titles[i] = m.lang.T("cli.check."+it.Code, p.Name)
	}
	title := m.lang.T("projects.check.title", m.stageName(to), model.InertLine(p.Name))
	d := newChecklist(m.lang, m.fst, title, titles)
	dir := m.dlg.dir // the move's step, asked for by the dialog this one follows
	m.open(dlgChecklist, d, p)
	m.dlg.to, m.dlg.on, m.dlg.dir = to, on, dir
}

// startLost asks why p was lost, the reason first (what the rep has to
// type) and the day behind tab: it starts on today, and reads words for a
// day gone by (yesterday, last fri) — a project is marked lost once it was.
func (m *Model) startLost(p storage.ProjectRow) tea.Cmd {
	name := model.InertLine(p.Name)
	if p.Stage == model.StageLost {
		return common.Status(m.lang.T("projects.status.is_lost", name))
	}
	today := m.env.Today()
	in := form.NewInput(m.lang, m.fst, m.lang.T("projects.lost.title", name),
		m.lang.T("projects.lost.placeholder"), "").KeepLines()
	in.WithDate(m.lang.T("projects.lost.date"), m.lang.T("rel.today"), func(s string) error {
		_, err := lostDay(p.Project, s, today)
		return err
	})
	m.open(dlgLost, in, p)
	return nil
}

// lostDay reads the lost dialog's date line: today when empty, date words
// read back in time (quickadd.ParsePastDate); a day after today, or before
// the project entered its current stage (the store refuses that too), is
// refused beside the date.
func lostDay(p model.Project, s string, today model.Date) (model.Date, error) {
	on, err := quickadd.PastDayOr(s, today)
	if err != nil {
		return model.NoDate, err
	}
	if on > today {
		return model.NoDate, model.Errf("lost_future", "%s is after today: mark a project lost on the day it was lost", on.String())
	}
	if since := p.StageSince(); since.Valid() && on < since {
		return model.NoDate, model.Errf("stage_date_before", "project %s entered its current stage on %s, after %s",
			p.Name, since.String(), on.String())
	}
	return on, nil
}

// ---- notes, calls and visits

func (m *Model) openLog(p storage.ProjectRow, kind model.EntryKind) {
	title := m.lang.T("projects.log.title."+string(kind), model.InertLine(p.Client), model.InertLine(p.Name))
	n := form.NewNote(m.lang, m.fst, title, m.lang.T("projects.log.placeholder"), "", 5)
	n.Required = kind == model.EntryNote
	if kind.IsContact() {
		n.WithDate(journal.DateField(m.lang, m.env.Today()))
	}
	m.open(dlgLog, n, p)
	m.dlg.entry = kind
}

// ---- the filter

func (m *Model) openFilter() {
	in := form.NewInput(m.lang, m.fst, m.lang.T("projects.filter.title"), m.lang.T("projects.filter.placeholder"), m.filter)
	in.Scratch = true
	m.open(dlgFilter, in, storage.ProjectRow{})
}

func (m *Model) setFilter(f string) {
	f = strings.TrimSpace(f)
	if f == m.filter {
		return
	}
	m.filter = f
	m.applyFilter(m.selectedID())
}

// ---- add and edit

func (m *Model) stageChoices() []form.Choice {
	var out []form.Choice
	for _, s := range model.Stages {
		if s.Live() {
			out = append(out, form.Choice{Value: string(s), Label: m.stageName(s)})
		}
	}
	return out
}

// openProjectForm opens the add form (p zero) or the edit form.
func (m *Model) openProjectForm(p storage.ProjectRow, add bool) tea.Cmd {
	kind := dlgEdit
	if add {
		kind = dlgAdd
	}
	m.open(kind, m.projectForm(p, add), p)
	return common.ClientNamesCmd(m.env.Store, func(n []string) tea.Msg { return namesMsg{n} })
}

// projectForm is the add form (p zero) or the edit form of p.
func (m *Model) projectForm(p storage.ProjectRow, add bool) *form.Form {
	today := m.env.Today()
	value := ""
	if p.Value > 0 {
		value = moneyInput(p.Value)
	}
	bid := ""
	if p.BidDate.Valid() {
		bid = p.BidDate.String()
	}
	fields := []form.Field{
		{Key: "name", Label: m.lang.T("projects.f.name"), Value: p.Name, Validate: func(s string) error {
			if strings.TrimSpace(s) == "" {
				return model.Errf("empty_name", "a name is needed")
			}
			return nil
		}},
		{Key: "client", Label: m.lang.T("projects.f.client"), Value: p.Client, Placeholder: m.lang.T("projects.f.client_hint"),
			Validate: func(s string) error {
				if strings.TrimSpace(s) == "" {
					return model.Errf("missing_client", "a client is needed")
				}
				return nil
			}},
		{Key: "owner", Label: m.lang.T("projects.f.owner"), Value: p.Owner, Placeholder: m.lang.T("projects.f.owner_hint")},
		{Key: "value", Label: m.lang.T("projects.f.value"), Value: value, Placeholder: m.lang.T("projects.f.value_hint"),
			Validate: func(s string) error {
				if s == "" {
					return nil
				}
				_, err := model.ParseMoney(s)
				return err
			}},
	}
	if add {
		fields = append(fields, form.Field{Key: "stage", Label: m.lang.T("projects.f.stage"), Value: string(model.StageLead), Choices: m.stageChoices()})
	}
	fields = append(fields, form.Field{Key: "bid", Label: m.lang.T("projects.f.bid"), Value: bid, Placeholder: m.lang.T("projects.f.bid_hint"),
		Validate: func(s string) error {
			if s == "" {
				return nil
			}
			_, err := quickadd.ParseDate(s, today)
			return err
		}})
	title := m.lang.T("projects.edit.title", model.InertLine(p.Name))
	if add {
		title = m.lang.T("projects.add.title")
	}
	return form.NewForm(m.lang, m.fst, title, fields...)
}

// moneyInput writes an amount as the user would type it: main units, no
// symbol or separators, cents only when there are some.
func moneyInput(v model.Money) string {
	if v%100 == 0 {
		return strconv.FormatInt(int64(v)/100, 10)
	}
	return strconv.FormatFloat(v.Main(), 'f', 2, 64)
}

func (m *Model) saveProject(f *form.Form) tea.Cmd {
	today := m.env.Today()
	p := m.dlg.project.Project
	add := m.host.Is(dlgAdd)
	// An edit sets only the fields the person changed, on the project as
	// stored (see EditProject): a change made elsewhere survives.
	if add || f.Changed("name") {
		p.Name = f.Value("name")
	}
	if add || f.Changed("owner") {
		p.Owner = f.Value("owner")
	}
	if add || f.Changed("value") {
		p.Value = 0
		if s := f.Value("value"); s != "" {
			p.Value, _ = model.ParseMoney(s) // validated by the form
		}
	}
	if add || f.Changed("bid") {
		p.BidDate = model.NoDate
		if s := f.Value("bid"); s != "" {
			p.BidDate, _ = quickadd.ParseDate(s, today)
		}
	}
	if add {
		p.Stage = model.Stage(f.Value("stage"))
		p.StageHistory = nil
	}
	m.host.Start()
	in := projectInput{p: p, seen: m.dlg.project.Project, seenClient: m.dlg.project.Client,
		clientName: f.Value("client"), clientChanged: add || f.Changed("client"),
		add: add, today: today}
	lang := m.lang
	return saveProject(m.env.Store, in,
		func(saved model.Project) string {
			if add {
				return lang.T("projects.status.added", model.InertLine(saved.Name))
			}
			return lang.T("projects.status.saved", model.InertLine(saved.Name))
		})
}
