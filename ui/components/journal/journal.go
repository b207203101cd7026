// Package journal is the box that records a call, visit, meeting or note
// about a client (c, v, m, n on a Day or Week task, on a client, on the
// call sheet), and its save; edit.go the form that corrects an entry (e
// on a journal's cursor) and the delete.
package journal

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
	"salesplan/ui/components/dialog"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
)

// Box asks for the text of a journal entry of the given kind about the
// client named who; only a plain note must have text. A call, visit or
// meeting also asks its day (DESIGN.md §5 v2), starting on today: tab
// moves to it.
func Box(lang i18n.Lang, st form.Styles, who string, kind model.EntryKind, today model.Date) *form.Note {
	title := lang.T("day.log.title."+string(kind), model.InertLine(who))
	n := form.NewNote(lang, st, title, lang.T("day.log.placeholder"), "", 5)
	n.Required = kind == model.EntryNote
	if kind.IsContact() {
		n.WithDate(DateField(lang, today))
	}
	return n
}

// DateField is the date line of a contact's dialog: its label, the word
// it starts on (today) and the check that reads it on save.
func DateField(lang i18n.Lang, today model.Date) (label, value string, check func(string) error) {
	return lang.T("contact.date"), lang.T("rel.today"), func(s string) error {
		_, err := Day(s, today)
		return err
	}
}

// Day reads a contact's date: date words, read back in time (a weekday
// alone is the last one: quickadd.ParsePastDate), today when empty; a day
// after today is refused, since a contact is recorded once it happened.
func Day(s string, today model.Date) (model.Date, error) {
	d, err := quickadd.PastDayOr(s, today)
	if err != nil {
		return model.NoDate, err
	}
	if d > today {
		return model.NoDate, model.Errf("contact_future", "%s is after today: record a call, visit or meeting on the day it happened", d.String())
	}
	return d, nil
}

// At is the moment a contact recorded on day happened: now's time of day
// on that day (the journal keeps a time; the day is what counts).
func At(day model.Date, now time.Time) time.Time {
	if !day.Valid() || model.DateOf(now) == day {
		return now
	}
	y, m, d := day.YMD()
	return time.Date(y, m, d, now.Hour(), now.Minute(), now.Second(), 0, now.Location())
}

// Add saves a journal entry of kind about client (and project, 0 for
// none) at at; who names the client in the footer, which says the day
// too when it is not today.
func Add(lang i18n.Lang, st *storage.Store, client, project model.ID, who string, kind model.EntryKind, at time.Time, today model.Date, text string) tea.Cmd {
	e := model.JournalEntry{ClientID: client, ProjectID: project, Kind: kind, At: at, Text: text}
	status := lang.T("clients.status.logged."+string(kind), model.InertLine(who))
	if kind.IsContact() && model.DateOf(at) != today {
		status = lang.T("contact.status.on", status, lang.ShortDate(model.DateOf(at)))
	}
	return dialog.Do(st, status, func(st *storage.Store) error {
		_, err := st.AddEntry(e)
		return err
	})
}

// OnDay is the moment t moved to day d at the same time of day, in t's own
// zone (an entry's date edited keeps its time).
func OnDay(t time.Time, d model.Date) time.Time {
	y, m, dd := d.YMD()
	return time.Date(y, m, dd, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}
