package day

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
)

// The task dialogs the Day and Week panes share, so a task is asked for
// and saved the same way on either pane.

// RepeatParser reads the text of the edit form's repeat field.
type RepeatParser func(s string, today model.Date) (model.Repeat, error)

// Required rejects an empty or blank field.
func Required(s string) error {
	if strings.TrimSpace(s) == "" {
		return model.Errf("empty_title", "the title is empty")
	}
	return nil
}

// GotoInput asks for a date to go to.
func GotoInput(lang i18n.Lang, fst form.Styles) *form.Input {
	in := form.NewInput(lang, fst, lang.T("day.goto.title"), lang.T("day.goto.placeholder"), "")
	in.Required = true
	return in
}

// OutcomeInput asks how a contact task went; kindWord names the task's kind.
func OutcomeInput(lang i18n.Lang, fst form.Styles, t model.AgendaTask, kindWord string) *form.Input {
	title := lang.T("day.outcome.title", kindWord, model.InertLine(t.ClientName))
	return form.NewInput(lang, fst, title, lang.T("day.outcome.placeholder"), "")
}

// LogNote asks for the text of a journal entry of the given kind; only a
// plain note must have text.
func LogNote(lang i18n.Lang, fst form.Styles, t model.AgendaTask, kind model.EntryKind) *form.Note {
	title := lang.T("day.log.title."+string(kind), model.InertLine(t.ClientName))
	n := form.NewNote(lang, fst, title, lang.T("day.log.placeholder"), "", 5)
	n.Required = kind == model.EntryNote
	return n
}

// PromiseForm asks what was promised to the task's client and by when.
func PromiseForm(lang i18n.Lang, fst form.Styles, t model.AgendaTask, today model.Date) *form.Form {
	return form.NewForm(lang, fst, lang.T("day.promise.title", model.InertLine(t.ClientName)),
		form.Field{Key: "text", Label: lang.T("day.promise.text"), Validate: Required},
		form.Field{Key: "due", Label: lang.T("day.promise.due"), Placeholder: lang.T("day.promise.due_hint"),
			Validate: func(s string) error {
				if s == "" {
					return model.Errf("missing_due", "a promise needs a due date")
				}
				_, err := quickadd.ParseDate(s, today)
				return err
			}},
	)
}

// EditForm shows the task in a field form; parse checks the repeat field.
func EditForm(lang i18n.Lang, fst form.Styles, t model.AgendaTask, today model.Date, parse RepeatParser) *form.Form {
	var kinds []form.Choice
	for _, k := range []model.TaskKind{model.TaskCall, model.TaskVisit, model.TaskMeeting, model.TaskTodo} {
		kinds = append(kinds, form.Choice{Value: string(k), Label: lang.T("kind." + string(k))})
	}
	yesNo := []form.Choice{{Value: "no", Label: lang.T("day.no")}, {Value: "yes", Label: lang.T("day.yes")}}
	imp := "no"
	if t.Important {
		imp = "yes"
	}
	return form.NewForm(lang, fst, lang.T("day.edit.title"),
		form.Field{Key: "title", Label: lang.T("day.edit.f.title"), Value: t.Title, Validate: Required},
		form.Field{Key: "date", Label: lang.T("day.edit.f.date"), Value: t.Date.String(),
			Placeholder: lang.T("day.edit.date_hint"), Validate: func(s string) error {
				if s == "" {
					return nil // no date: the inbox
				}
				_, err := quickadd.ParseDate(s, today)
				return err
			}},
		form.Field{Key: "time", Label: lang.T("day.edit.f.time"), Value: t.Time.String(), Placeholder: "HH:MM",
			Validate: func(s string) error {
				if s == "" {
					return nil
				}
				if _, err := model.ParseClock(s); err != nil {
					return model.Errf("bad_time", "%q is not a time of day", s)
				}
				return nil
			}},
		form.Field{Key: "kind", Label: lang.T("day.edit.f.kind"), Value: string(t.Kind), Choices: kinds},
		form.Field{Key: "client", Label: lang.T("day.edit.f.client"), Value: t.ClientName},
		form.Field{Key: "important", Label: lang.T("day.edit.f.important"), Value: imp, Choices: yesNo},
		form.Field{Key: "repeat", Label: lang.T("day.edit.f.repeat"), Value: string(t.Repeat),
			Placeholder: lang.T("day.edit.repeat_hint"), Validate: func(s string) error {
				if s == "" {
					return nil
				}
				_, err := parse(s, today)
				return err
			}},
	)
}

// EditedTask turns a submitted EditForm back into orig's task with only
// the fields the person changed (the store merges those into the task as
// stored: a title the form holds differently, a completion made elsewhere,
// stay as they are); the client field is left to the caller, which looks
// the name up in the store.
func EditedTask(f *form.Form, orig model.AgendaTask, today model.Date, parse RepeatParser) model.Task {
	t := orig.Task
	if f.Changed("title") {
		t.Title = f.Value("title")
	}
	if f.Changed("date") {
		t.Date = model.NoDate
		if s := f.Value("date"); s != "" {
			t.Date, _ = quickadd.ParseDate(s, today) // validated by the form
		}
	}
	if f.Changed("time") {
		t.Time = model.NoClock
		if s := f.Value("time"); s != "" {
			t.Time, _ = model.ParseClock(s)
		}
		t.Slot = model.SlotOf(t.Time)
		if !t.Time.Valid() && orig.Slot != "" && !orig.Time.Valid() {
			t.Slot = orig.Slot // an untimed task keeps its slot
		}
	}
	if f.Changed("kind") {
		t.Kind = model.TaskKind(f.Value("kind"))
	}
	if f.Changed("important") {
		t.Important = f.Value("important") == "yes"
	}
	if f.Changed("repeat") {
		t.Repeat = ""
		if s := f.Value("repeat"); s != "" {
			t.Repeat, _ = parse(s, today)
		}
	}
	return t
}

// SaveEdit saves an edit form's changes (edited, from EditedTask) to the
// task as stored, seen being the task the form was opened on; a changed
// client name is looked up first. It returns the field at fault for a name
// that matches no client, and, when the save is refused because a field
// was changed elsewhere meanwhile, the task as stored now (for RebaseEdit).
func SaveEdit(st *storage.Store, seen model.AgendaTask, edited model.Task, clientName string, clientChanged bool) (field string, fresh *model.AgendaTask, err error) {
	if clientChanged {
		if clientName == "" {
			edited.ClientID = 0
		} else {
			c, err := st.FindClient(clientName)
			if err != nil {
				return "client", nil, err
			}
			edited.ClientID = c.ID
		}
	}
	_, err = st.EditTask(seen.Task, edited)
	var ce *storage.ConflictError
	if errors.As(err, &ce) {
		if t, ok := ce.Fresh.(model.Task); ok {
			now := seen
			now.Task = t
			now.ClientName = ""
			if c, cerr := st.Client(t.ClientID); cerr == nil {
				now.ClientName = c.Name
			}
			return "", &now, err
		}
	}
	return "", nil, err
}

// RebaseEdit moves an open edit form onto the task as stored now, after a
// save was refused as changed elsewhere: fields the person did not touch
// show the new values, what they typed stays, and each field changed both
// here and there says what it is now. Saving again applies what they typed.
func RebaseEdit(lang i18n.Lang, fst form.Styles, f *form.Form, fresh model.AgendaTask, today model.Date, parse RepeatParser) {
	f.Rebase(EditForm(lang, fst, fresh, today, parse), func(now string) string {
		return lang.T("form.changed_elsewhere", ansi.Truncate(model.InertLine(now), 40, "…"))
	})
}

// AddPromise saves a submitted PromiseForm as a promise made today to the
// task's client.
func AddPromise(lang i18n.Lang, st *storage.Store, f *form.Form, t model.AgendaTask, today model.Date) TaskWrite {
	due, _ := quickadd.ParseDate(f.Value("due"), today) // validated by the form
	p := model.Promise{ClientID: t.ClientID, ProjectID: t.ProjectID, Text: f.Value("text"), MadeOn: today, Due: due}
	status := lang.T("day.status.promised", model.InertLine(t.ClientName), lang.ShortDate(due))
	return TaskWrite{Status: status, Do: func() error {
		_, err := st.AddPromise(p, today)
		return err
	}}
}

// LogEntry saves a submitted LogNote as a journal entry of the given kind
// about the task's client, made at now.
func LogEntry(lang i18n.Lang, st *storage.Store, t model.AgendaTask, kind model.EntryKind, now time.Time, text string) TaskWrite {
	e := model.JournalEntry{ClientID: t.ClientID, ProjectID: t.ProjectID, Kind: kind, At: now, Text: text}
	status := lang.T("day.status.logged."+string(e.Kind), model.InertLine(t.ClientName))
	return TaskWrite{Status: status, Do: func() error {
		_, err := st.AddEntry(e)
		return err
	}}
}

// ProblemTexts says each quick-add problem in the user's language.
func ProblemTexts(lang i18n.Lang, probs []error) []string {
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = lang.Err(p)
	}
	return out
}

// QuickAddResolver lets quick-add look up @client and #project in st.
func QuickAddResolver(st *storage.Store) quickadd.Resolver { return resolver{st} }

// resolver lets quick-add look up @client and #project in the store.
type resolver struct{ st *storage.Store }

func (r resolver) ResolveClient(q string) (model.ID, string, error) {
	c, err := r.st.FindClient(q)
	if err != nil {
		return 0, "", fmt.Errorf("finding client %q: %w", q, err)
	}
	return c.ID, c.Name, nil
}

func (r resolver) ResolveProject(q string) (model.ID, string, error) {
	p, err := r.st.FindProject(q)
	if err != nil {
		return 0, "", fmt.Errorf("finding project %q: %w", q, err)
	}
	return p.ID, p.Name, nil
}

// Describe says what a quick-add line was understood as: kind (kindWord),
// date, time or slot, client, project, important and, when withRepeat,
// repeat.
func Describe(lang i18n.Lang, kindWord string, r quickadd.Result, withRepeat bool) string {
	t := r.Task
	parts := []string{kindWord}
	if t.Date.Valid() {
		parts = append(parts, lang.ShortDate(t.Date))
	}
	if t.Time.Valid() {
		parts = append(parts, t.Time.String())
	} else if s := t.EffectiveSlot(); s != model.SlotAny {
		parts = append(parts, lang.T("slot."+string(s)))
	}
	if r.ClientName != "" {
		parts = append(parts, "@"+model.InertLine(r.ClientName))
	}
	if r.ProjectName != "" {
		parts = append(parts, "#"+model.InertLine(r.ProjectName))
	}
	if t.Important {
		parts = append(parts, lang.T("day.qa.important"))
	}
	if withRepeat && t.Repeat != "" {
		parts = append(parts, lang.T("day.qa.repeat", repeatText(lang, t.Repeat)))
	}
	title := model.InertLine(t.Title)
	if title == "" {
		title = "…"
	}
	return "→ " + title + " · " + strings.Join(parts, " · ")
}

// repeatText says a repeat rule in the user's language.
func repeatText(lang i18n.Lang, r model.Repeat) string {
	var n int
	switch {
	case r == "daily", r == "weekdays", r == "weekly", r == "monthly":
		return lang.T("day.repeat." + string(r))
	case scan(string(r), "every %d days", &n):
		return lang.T("day.repeat.days", n)
	case scan(string(r), "every %d weeks", &n):
		return lang.T("day.repeat.weeks", n)
	}
	return model.InertLine(string(r))
}

func scan(s, format string, n *int) bool {
	_, err := fmt.Sscanf(s, format, n)
	return err == nil
}
