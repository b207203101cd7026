package storage

import (
	"errors"
	"testing"

	"salesplan/model"
)

func TestImportRejectsBadDocuments(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(d *Document)
		record string
		field  string
		code   string // the Problem's code
	}{
		{"dangling client in task", func(d *Document) { d.Tasks[1].ClientID = 99 }, "tasks[1]", "client_id", "unknown_client_id"},
		{"dangling project in promise", func(d *Document) { d.Promises[0].ProjectID = 42 }, "promises[0]", "project_id", "unknown_project_id"},
		{"note without client", func(d *Document) { d.Journal[1].ClientID = 0 }, "journal[1]", "client_id", "entry_needs_client"},
		{"visit without client", func(d *Document) { d.Journal[0].ClientID, d.Journal[0].Kind = 0, model.EntryVisit }, "journal[0]", "client_id", "entry_needs_client"},
		{"prospect call with a project", func(d *Document) {
			d.Journal[0].ClientID, d.Journal[0].Kind, d.Journal[0].ProjectID = 0, model.EntryCall, d.Projects[0].ID
		}, "journal[0]", "project_id", "prospect_project"},
		{"prospect call without text", func(d *Document) {
			d.Journal[0].ClientID, d.Journal[0].Kind, d.Journal[0].ProjectID, d.Journal[0].Text = 0, model.EntryCall, 0, " "
		}, "journal[0]", "text", "prospect_needs_text"},
		{"dangling task in journal", func(d *Document) { d.Journal[0].TaskID = 77 }, "journal[0]", "task_id", "unknown_task_id"},
		{"due before made", func(d *Document) { d.Promises[0].MadeOn = d.Promises[0].Due + 1 }, "promises[0]", "due", "promise_due_before_made"},
		{"kept before made", func(d *Document) {
			d.Promises[1].MadeOn = d.Promises[1].KeptOn + 1
			d.Promises[1].Due = d.Promises[1].KeptOn + 2
		}, "promises[1]", "kept_on", "promise_kept_before_made"},
		{"signed on out of range", func(d *Document) { d.Projects[0].SignedOn = model.MakeDate(2300, 1, 1) }, "projects[0]", "signed_on", "date_out_of_range"},
		{"months over the year", func(d *Document) {
			d.Settings.AnnualTargets = map[int]model.Money{2026: 100}
			d.Settings.MonthTargets = map[string]model.Money{"2026-05": 101}
		}, "settings", "month_targets", "months_over_year"},
		{"bad holidays", func(d *Document) { d.Settings.Holidays = "us" }, "settings", "holidays", "bad_holidays"},
		{"a day both off and worked", func(d *Document) {
			d.Settings.DaysOff = []model.Date{model.MakeDate(2026, 10, 8)}
			d.Settings.ExtraWorkdays = []model.Date{model.MakeDate(2026, 10, 8)}
		}, "settings", "days_off", "day_off_and_extra"},
		{"bad stage", func(d *Document) { d.Projects[0].Stage = "negotiating" }, "projects[0]", "stage", "bad_stage"},
		{"history not ending in stage", func(d *Document) { d.Projects[0].Stage = model.StageDetailing }, "projects[0]", "stage_history", "bad_stage_history"},
		{"history out of order", func(d *Document) { d.Projects[0].StageHistory[1].On = d.Projects[0].StageHistory[0].On - 1 }, "projects[0]", "stage_history[1].on", "bad_stage_history_order"},
		{"empty history", func(d *Document) { d.Projects[1].StageHistory = nil }, "projects[1]", "stage_history", "bad_stage_history"},
		{"duplicate client name any case", func(d *Document) { d.Clients[2].Name = "acme ltd" }, "clients[2]", "name", "duplicate_in_document"},
		{"duplicate id", func(d *Document) { d.Tasks[2].ID = 1 }, "tasks[2]", "id", "duplicate_id"},
		{"date out of range", func(d *Document) { d.Promises[0].Due = model.MakeDate(3000, 1, 1) }, "promises[0]", "due", "date_out_of_range"},
		{"kept without date", func(d *Document) { d.Promises[1].KeptOn = 0 }, "promises[1]", "kept_on", "missing_kept_on"},
		{"unknown format", func(d *Document) { d.Format = "other" }, "document", "format", "doc_bad_format"},
		{"unknown version", func(d *Document) { d.Version = 3 }, "document", "version", "doc_bad_version"},
		{"bad repeat", func(d *Document) { d.Tasks[0].Repeat = "sometimes" }, "tasks[0]", "repeat", "bad_repeat"},
		{"bad tier", func(d *Document) { d.Clients[0].Tier = "gold" }, "clients[0]", "tier", "bad_tier"},
		{"empty title", func(d *Document) { d.Tasks[0].Title = "  " }, "tasks[0]", "title", "empty_title"},
		{"note without text", func(d *Document) { d.Journal[1].Text = " " }, "journal[1]", "text", "empty_text"},
		{"time without date", func(d *Document) { d.Tasks[1].Time = model.ClockAt(9, 0) }, "tasks[1]", "time", "time_needs_date"},
		{"repeat without date", func(d *Document) { d.Tasks[1].Repeat = "daily" }, "tasks[1]", "repeat", "repeat_needs_date"},
		{"id too large", func(d *Document) { d.Journal[0].ID = 1 << 60 }, "journal[0]", "id", "bad_id"},
		{"bad language", func(d *Document) { d.Settings.Language = "fr" }, "settings", "language", "bad_language"},
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
			if ve.Record != tc.record || ve.Field != tc.field || ve.Why == nil || ve.Why.Code != tc.code {
				t.Errorf("error %q, want %s / %s / %s", err, tc.record, tc.field, tc.code)
			}
			if empty, _ := s.IsEmpty(); !empty {
				t.Errorf("a refused import wrote records")
			}
		})
	}
}
