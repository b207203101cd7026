// Package promise is the promise form: what was promised to a client and
// by when (date words: fri, tomorrow, +3d, 12/1, 下周一). The Day and Week
// panes (p on a task), the Clients pane and the call sheet (p on a client)
// and the Promises pane (a and e) all ask with it.
package promise

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
	"salesplan/ui/components/dialog"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
)

// Form asks for a promise's text and due date; text and due start filled
// when a promise is edited.
func Form(lang i18n.Lang, st form.Styles, today model.Date, title, text, due string) *form.Form {
	return form.NewForm(lang, st, title,
		form.Field{Key: "text", Label: lang.T("clients.promise.text"), Value: text, Lines: 3, Validate: func(s string) error {
			if strings.TrimSpace(s) == "" {
				return model.Errf("empty_text", "the text is empty")
			}
			return nil
		}},
		form.Field{Key: "due", Label: lang.T("clients.promise.due"), Value: due, Placeholder: lang.T("clients.promise.due_hint"),
			Validate: func(s string) error {
				if s == "" {
					return model.Errf("missing_due", "a promise needs a due date")
				}
				_, err := quickadd.ParseDate(s, today)
				return err
			}},
	)
}

// New asks for a new promise to the client named who.
func New(lang i18n.Lang, st form.Styles, today model.Date, who string) *form.Form {
	return Form(lang, st, today, lang.T("clients.promise.title", model.InertLine(who)), "", "")
}

// Read turns a submitted Form into a promise made today to client (and
// project, 0 for none).
func Read(f *form.Form, client, project model.ID, today model.Date) model.Promise {
	due, _ := quickadd.ParseDate(f.Value("due"), today) // validated by the form
	return model.Promise{ClientID: client, ProjectID: project, Text: f.Value("text"), MadeOn: today, Due: due}
}

// Added tags the answer of Add (dialog.SavedMsg.Tag): the promise made,
// for the owner to select it.
type Added struct{ ID model.ID }

// Add saves a new promise to the client named who.
func Add(lang i18n.Lang, st *storage.Store, p model.Promise, who string, today model.Date) tea.Cmd {
	status := lang.T("clients.status.promised", model.InertLine(who), lang.ShortDate(p.Due))
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		np, err := st.AddPromise(p, today)
		if err != nil {
			return dialog.Refused(err)
		}
		return dialog.SavedMsg{Status: status, Tag: Added{ID: np.ID}}
	})
}
