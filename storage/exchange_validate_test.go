package storage

import (
	"errors"
	"strings"
	"testing"

	"salesplan/model"
)

func TestImportRejectsBadDocuments(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(d *Document)
		record string
		field  string
		msg    string
	}{
		{"dangling client in task", func(d *Document) { d.Tasks[1].ClientID = 99 }, "tasks[1]", "client_id", "no client 99"},
		{"dangling project in promise", func(d *Document) { d.Promises[0].ProjectID = 42 }, "promises[0]", "project_id", "no project 42"},
		{"journal without client", func(d *Document) { d.Journal[0].ClientID = 0 }, "journal[0]", "client_id", "required"},
		{"bad stage", func(d *Document) { d.Projects[0].Stage = "negotiating" }, "projects[0]", "stage", "not a stage"},
		{"history not ending in stage", func(d *Document) { d.Projects[0].Stage = model.StageDetailing }, "projects[0]", "stage_history", "ends with"},
		{"history out of order", func(d *Document) { d.Projects[0].StageHistory[1].On = d.Projects[0].StageHistory[0].On - 1 }, "projects[0]", "stage_history[1].on", "before"},
		{"empty history", func(d *Document) { d.Projects[1].StageHistory = nil }, "projects[1]", "stage_history", "empty"},
		{"duplicate client name any case", func(d *Document) { d.Clients[2].Name = "acme ltd" }, "clients[2]", "name", "also the name of clients[1]"},
		{"duplicate id", func(d *Document) { d.Tasks[2].ID = 1 }, "tasks[2]", "id", "used twice"},
		{"date out of range", func(d *Document) { d.Promises[0].Due = model.MakeDate(3000, 1, 1) }, "promises[0]", "due", "out of range"},
		{"kept without date", func(d *Document) { d.Promises[1].KeptOn = 0 }, "promises[1]", "kept_on", "required"},
		{"unknown format", func(d *Document) { d.Format = "other" }, "document", "format", "salesplan"},
		{"unknown version", func(d *Document) { d.Version = 2 }, "document", "version", "not supported"},
		{"slot against time", func(d *Document) { d.Tasks[0].Slot = model.SlotEvening }, "tasks[0]", "slot", "does not match"},
		{"bad repeat", func(d *Document) { d.Tasks[0].Repeat = "sometimes" }, "tasks[0]", "repeat", "not a repeat rule"},
		{"bad tier", func(d *Document) { d.Clients[0].Tier = "gold" }, "clients[0]", "tier", "not a tier"},
		{"empty title", func(d *Document) { d.Tasks[0].Title = "  " }, "tasks[0]", "title", "required"},
		{"note without text", func(d *Document) { d.Journal[1].Text = " " }, "journal[1]", "text", "required"},
		{"time without date", func(d *Document) { d.Tasks[1].Time = model.ClockAt(9, 0) }, "tasks[1]", "time", "needs a date"},
		{"repeat without date", func(d *Document) { d.Tasks[1].Repeat = "daily" }, "tasks[1]", "repeat", "needs a date"},
		{"id too large", func(d *Document) { d.Journal[0].ID = 1 << 60 }, "journal[0]", "id", "too large"},
		{"bad language", func(d *Document) { d.Settings.Language = "fr" }, "settings", "language", "not a language"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			doc := sampleDocument()
			tc.edit(doc)
			err := importJSON(s, docJSON(t, doc), false)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("import: %v, want a *ValidationError", err)
			}
			if ve.Record != tc.record || ve.Field != tc.field || !strings.Contains(ve.Msg, tc.msg) {
				t.Errorf("error %q, want %s / %s / …%s…", err, tc.record, tc.field, tc.msg)
			}
			if empty, _ := s.IsEmpty(); !empty {
				t.Errorf("a refused import wrote records")
			}
		})
	}
}
