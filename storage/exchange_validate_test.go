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
		{"note without client", func(d *Document) { d.Journal[1].ClientID = 0 }, "journal[1]", "client_id", "required"},
		{"visit without client", func(d *Document) { d.Journal[0].ClientID, d.Journal[0].Kind = 0, model.EntryVisit }, "journal[0]", "client_id", "required"},
		{"prospect call with a project", func(d *Document) {
			d.Journal[0].ClientID, d.Journal[0].Kind, d.Journal[0].ProjectID = 0, model.EntryCall, d.Projects[0].ID
		}, "journal[0]", "project_id", "no project"},
		{"prospect call without text", func(d *Document) {
			d.Journal[0].ClientID, d.Journal[0].Kind, d.Journal[0].ProjectID, d.Journal[0].Text = 0, model.EntryCall, 0, " "
		}, "journal[0]", "text", "required"},
		{"dangling task in journal", func(d *Document) { d.Journal[0].TaskID = 77 }, "journal[0]", "task_id", "no task 77"},
		{"due before made", func(d *Document) { d.Promises[0].MadeOn = d.Promises[0].Due + 1 }, "promises[0]", "due", "before it was made"},
		{"kept before made", func(d *Document) {
			d.Promises[1].MadeOn = d.Promises[1].KeptOn + 1
			d.Promises[1].Due = d.Promises[1].KeptOn + 2
		}, "promises[1]", "kept_on", "before it was made"},
		{"cancelled on an open promise", func(d *Document) { d.Promises[0].CancelledOn = d.Promises[0].Due }, "promises[0]", "cancelled_on", "set on a promise that is open"},
		{"cancel reason on an open promise", func(d *Document) { d.Promises[0].CancelReason = "x" }, "promises[0]", "cancel_reason", "set on a promise that is open"},
		{"signed on out of range", func(d *Document) { d.Projects[0].SignedOn = model.MakeDate(2300, 1, 1) }, "projects[0]", "signed_on", "out of range"},
		{"months over the year", func(d *Document) {
			d.Settings.AnnualTargets = map[int]model.Money{2026: 100}
			d.Settings.MonthTargets = map[string]model.Money{"2026-05": 101}
		}, "settings", "month_targets", "more than the year's target"},
		{"bad holidays", func(d *Document) { d.Settings.Holidays = "us" }, "settings", "holidays", "not a holiday calendar"},
		{"a day both off and worked", func(d *Document) {
			d.Settings.DaysOff = []model.Date{model.MakeDate(2026, 10, 8)}
			d.Settings.ExtraWorkdays = []model.Date{model.MakeDate(2026, 10, 8)}
		}, "settings", "days_off", "both a day off"},
		{"bad stage", func(d *Document) { d.Projects[0].Stage = "negotiating" }, "projects[0]", "stage", "not a stage"},
		{"history not ending in stage", func(d *Document) { d.Projects[0].Stage = model.StageDetailing }, "projects[0]", "stage_history", "ends with"},
		{"history out of order", func(d *Document) { d.Projects[0].StageHistory[1].On = d.Projects[0].StageHistory[0].On - 1 }, "projects[0]", "stage_history[1].on", "before"},
		{"empty history", func(d *Document) { d.Projects[1].StageHistory = nil }, "projects[1]", "stage_history", "empty"},
		{"duplicate client name any case", func(d *Document) { d.Clients[2].Name = "acme ltd" }, "clients[2]", "name", "also the name of clients[1]"},
		{"duplicate id", func(d *Document) { d.Tasks[2].ID = 1 }, "tasks[2]", "id", "used twice"},
		{"date out of range", func(d *Document) { d.Promises[0].Due = model.MakeDate(3000, 1, 1) }, "promises[0]", "due", "out of range"},
		{"kept without date", func(d *Document) { d.Promises[1].KeptOn = 0 }, "promises[1]", "kept_on", "required"},
		{"unknown format", func(d *Document) { d.Format = "other" }, "document", "format", "salesplan"},
		{"unknown version", func(d *Document) { d.Version = 3 }, "document", "version", "not supported"},
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
