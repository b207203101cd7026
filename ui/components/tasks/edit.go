package tasks

import (
	"strings"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
)

// required rejects an empty or blank title.
func required(s string) error {
	if strings.TrimSpace(s) == "" {
		return model.Errf("empty_title", "the title is empty")
	}
	return nil
}

// editForm shows the task in a field form.
func editForm(lang i18n.Lang, fst form.Styles, t model.AgendaTask, today model.Date) *form.Form {
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
		form.Field{Key: "title", Label: lang.T("day.edit.f.title"), Value: t.Title, Validate: required},
		form.Field{Key: "date", Label: lang.T("day.edit.f.date"), Value: t.Date.String(),
			Placeholder: lang.T("day.edit.date_hint"), Validate: func(s string) error {
				if s == "" {
					return nil // no date: the inbox
				}
				_, err := quickadd.ParseDate(s, today)
				return err
			}},
		form.Field{Key: "time", Label: lang.T("day.edit.f.time"), Value: t.Time.String(), Placeholder: lang.T("day.edit.time_hint"),
			Validate: func(s string) error {
				_, _, err := quickadd.ParseTime(s, today) // 10:00, 3pm, 下午3点, or a slot word
				return err
			}},
		form.Field{Key: "kind", Label: lang.T("day.edit.f.kind"), Value: string(t.Kind), Choices: kinds},
		form.Field{Key: "client", Label: lang.T("day.edit.f.client"), Value: t.ClientName},
		form.Field{Key: "project", Label: lang.T("day.edit.f.project"), Value: t.ProjectName},
		form.Field{Key: "important", Label: lang.T("day.edit.f.important"), Value: imp, Choices: yesNo},
		form.Field{Key: "repeat", Label: lang.T("day.edit.f.repeat"), Value: string(t.Repeat),
			Placeholder: lang.T("day.edit.repeat_hint"), Validate: func(s string) error {
				if s == "" {
					return nil
				}
				_, err := parseRepeat(s, today)
				return err
			}},
	)
}

// editedTask turns a submitted editForm back into orig's task with only
// the fields the person changed (the store merges those into the task as
// stored: a title the form holds differently, a completion made elsewhere,
// stay as they are); the client and project fields are left to the
// caller, which looks the names up in the store.
func editedTask(f *form.Form, orig model.AgendaTask, today model.Date) model.Task {
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
		var slot model.Slot
		t.Time, slot, _ = quickadd.ParseTime(f.Value("time"), today) // validated by the form
		t.Slot = model.SlotOf(t.Time)
		switch {
		case slot != "" && !t.Time.Valid():
			t.Slot = slot // a slot word alone: "pm", 下午
		case !t.Time.Valid() && orig.Slot != "" && !orig.Time.Valid():
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
			t.Repeat, _ = parseRepeat(s, today)
		}
	}
	return t
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
