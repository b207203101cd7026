package journal_test

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/components/journal"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// The entry form changes only what was changed: the text as typed (a
// paste's lines kept), the day with the time of day kept, the kind, the
// project (none); a form opened and saved untouched changes nothing.
func TestEdited(t *testing.T) {
	seen := model.JournalEntry{ID: 7, Rev: 3, ClientID: 1, ProjectID: 2, Kind: model.EntryCall,
		At: time.Date(2026, 11, 10, 10, 30, 0, 0, time.Local), Text: "要报价单"}
	projects := []model.Project{{ID: 2, Name: "望京华建大厦"}}
	for _, tt := range []struct {
		name string
		do   []tea.Msg
		want func(e *model.JournalEntry)
	}{
		{"untouched", nil, nil},
		{"text pasted", []tea.Msg{tea.PasteMsg{Content: "\r\n第二行\t2台"}}, func(e *model.JournalEntry) { e.Text = "要报价单\n第二行\t2台" }},
		{"date", append([]tea.Msg{uitest.Key("tab"), uitest.Key("ctrl+u")}, uitest.Typing("2026-11-09")...),
			func(e *model.JournalEntry) { e.At = time.Date(2026, 11, 9, 10, 30, 0, 0, time.Local) }},
		{"kind", []tea.Msg{uitest.Key("tab"), uitest.Key("tab"), uitest.Key("right")}, func(e *model.JournalEntry) { e.Kind = model.EntryVisit }},
		{"no project", []tea.Msg{uitest.Key("tab"), uitest.Key("tab"), uitest.Key("tab"), uitest.Key("right")}, func(e *model.JournalEntry) { e.ProjectID = 0 }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := journal.EditForm(i18n.EN, form.DefaultStyles(true), seen, "王总", projects, uitest.Today)
			for _, msg := range tt.do {
				f.Update(msg)
			}
			got, changed := journal.Edited(f, seen, uitest.Today)
			want := seen
			if tt.want != nil {
				tt.want(&want)
			}
			if got != want || changed != (tt.want != nil) {
				t.Errorf("Edited = %+v, %v; want %+v", got, changed, want)
			}
		})
	}
}
