package journal

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/components/dialog"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
)

// Correcting an entry in the planner (DESIGN.md §3 `journal edit` and
// `journal delete`, the same storage operations): the entry form, its
// save, and the delete. A pane puts a cursor on its journal and opens
// these on the entry selected.

// Words names an entry about the client named who: "call with 王总, 2 Dec"
// (the words undo names it with).
func Words(lang i18n.Lang, e model.JournalEntry, who string) string {
	on := lang.DayMonth(e.On())
	if e.ClientID == 0 {
		return lang.T("undone.entry.prospect", "", on)
	}
	return lang.T("undone.entry."+string(e.Kind), model.InertLine(who), on)
}

// EditForm is the form of an entry's text (multi-line, every line kept),
// date (read back in time like a contact's; a day after today refused),
// kind, and project: none or one of projects (the client's). A project
// not among them stays choosable, named by its number.
func EditForm(lang i18n.Lang, st form.Styles, e model.JournalEntry, who string, projects []model.Project, today model.Date) *form.Form {
	var kinds []form.Choice
	for _, k := range []model.EntryKind{model.EntryCall, model.EntryVisit, model.EntryMeeting, model.EntryNote} {
		kinds = append(kinds, form.Choice{Value: string(k), Label: lang.T("kind." + string(k))})
	}
	choices := []form.Choice{{Value: idText(0), Label: lang.T("word.none")}}
	known := e.ProjectID == 0
	for _, p := range projects {
		choices = append(choices, form.Choice{Value: idText(p.ID), Label: model.InertLine(p.Name)})
		known = known || p.ID == e.ProjectID
	}
	if !known {
		choices = append(choices, form.Choice{Value: idText(e.ProjectID), Label: "#" + idText(e.ProjectID)})
	}
	return form.NewForm(lang, st, lang.T("entry.title", Words(lang, e, who)),
		form.Field{Key: "text", Label: lang.T("entry.f.text"), Value: e.Text, Lines: 5},
		form.Field{Key: "date", Label: lang.T("entry.f.date"), Value: e.On().String(), Validate: func(s string) error {
			_, err := Day(s, today)
			return err
		}},
		form.Field{Key: "kind", Label: lang.T("entry.f.kind"), Value: string(e.Kind), Choices: kinds},
		form.Field{Key: "project", Label: lang.T("entry.f.project"), Value: idText(e.ProjectID), Choices: choices},
	)
}

func idText(id model.ID) string { return strconv.FormatUint(uint64(id), 10) }

// Edited is seen with the fields the person changed in f (an EditForm that
// validated) and whether any was: a field not touched keeps the value
// seen, so the save merges only what was changed.
func Edited(f *form.Form, seen model.JournalEntry, today model.Date) (model.JournalEntry, bool) {
	edited := seen
	if f.Changed("text") {
		edited.Text = f.Value("text")
	}
	if f.Changed("date") {
		if day, err := Day(f.Value("date"), today); err == nil && day != seen.On() {
			edited.At = OnDay(seen.At, day)
		}
	}
	if f.Changed("kind") {
		edited.Kind = model.EntryKind(f.Value("kind"))
	}
	if f.Changed("project") {
		id, _ := strconv.ParseUint(f.Value("project"), 10, 64)
		edited.ProjectID = model.ID(id)
	}
	return edited, edited != seen
}

// Save writes edited over seen, the entry as the form opened on it:
// storage merges the fields changed into the entry as stored now and
// refuses one changed elsewhere meanwhile, its answer carrying the entry as
// it is now (SavedMsg.Fresh) for the form to rebase on (Rebase). who
// names the client in the footer.
func Save(lang i18n.Lang, st *storage.Store, seen, edited model.JournalEntry, who string) tea.Cmd {
	status := lang.T("entry.status.saved", Words(lang, edited, who))
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		if _, err := st.EditEntry(seen, edited); err != nil {
			msg := dialog.Refused(err)
			msg.Field = fieldOf(err)
			return msg
		}
		return dialog.SavedMsg{Status: status}
	})
}

// Delete removes an entry (undoable: u, naming it).
func Delete(lang i18n.Lang, st *storage.Store, e model.JournalEntry, who string) tea.Cmd {
	return dialog.Do(st, lang.T("entry.status.deleted", Words(lang, e, who)), func(st *storage.Store) error {
		_, err := st.DeleteEntry(e.ID)
		return err
	})
}

// fieldOf says which field of the entry form a store error belongs
// beside.
func fieldOf(err error) string {
	p := model.ProblemOf(err)
	if p == nil {
		return ""
	}
	switch p.Field {
	case "text", "kind":
		return p.Field
	case "at":
		return "date"
	case "project_id":
		return "project"
	}
	return ""
}
