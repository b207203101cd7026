package model

import (
	"testing"
	"time"
)

// Every text field of every kind refuses bytes that are not UTF-8, naming
// the field, whichever path the record comes by (all call Validate).
func TestInvalidUTF8IsRefusedInEveryField(t *testing.T) {
	const bad = "A\xff\xfe"
	day := MakeDate(2026, 11, 1)
	at := day.Time(time.UTC).Add(10 * time.Hour)
	cases := []struct {
		name, code, field string
		err               error
	}{
		{"client name", "not_utf8_name", "name", (&Client{Name: bad, CreatedOn: day}).Validate()},
		{"client name with a zero-width space", "not_utf8_name", "name", (&Client{Name: "\u200b" + bad, CreatedOn: day}).Validate()},
		{"client phone", "not_utf8_phone", "phone", (&Client{Name: "A", Phone: bad, CreatedOn: day}).Validate()},
		{"client referred by", "not_utf8_referred_by", "referred_by", (&Client{Name: "A", ReferredBy: bad, CreatedOn: day}).Validate()},
		{"task title", "not_utf8_title", "title", (&Task{Title: bad}).Validate()},
		{"note", "not_utf8_text", "text", (&JournalEntry{ClientID: 1, Kind: EntryNote, Text: bad, At: at}).Validate()},
		{"promise", "not_utf8_text", "text", (&Promise{ClientID: 1, Text: bad, Due: day}).Validate()},
		{"cancel reason", "not_utf8_reason", "cancel_reason", (&Promise{ClientID: 1, Text: "x", Due: day, Status: PromiseCancelled, CancelReason: bad}).Validate()},
		{"project name", "not_utf8_name", "name", (&Project{Name: bad, ClientID: 1, StageHistory: []StageEntry{{Stage: StageLead, On: day}}}).Validate()},
		{"project owner", "not_utf8_owner", "owner", (&Project{Name: "P", Owner: bad, ClientID: 1, StageHistory: []StageEntry{{Stage: StageLead, On: day}}}).Validate()},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			p := ProblemOf(tt.err)
			if p == nil || p.Code != tt.code || p.Field != tt.field {
				t.Fatalf("got %v, want %s in %s", tt.err, tt.code, tt.field)
			}
			if p.Error() != tt.code[len("not_utf8_"):]+" is not valid UTF-8 text" {
				t.Errorf("English %q", p.Error())
			}
		})
	}
	s := DefaultSettings()
	s.Currency = "\xa5"
	if p := ProblemOf(s.Validate()); p == nil || p.Code != "not_utf8_currency" {
		t.Errorf("currency in Latin-1: %v, want not_utf8_currency", p)
	}
}

// A required text that shows as nothing once made inert (only escape
// sequences, controls, zero-width or bidi characters) is refused like an
// empty one.
func TestBlankRequiredTextRefused(t *testing.T) {
	day := MakeDate(2026, 11, 1)
	at := day.Time(time.UTC).Add(10 * time.Hour)
	for _, blank := range []string{"\x1b[31m", "\u200b", " \u202e\t", "\x1b]8;;http://x\x07\x1b]8;;\x07", "\x07\x08"} {
		for _, tt := range []struct {
			name, code string
			err        error
		}{
			{"task title", "empty_title", (&Task{Title: blank}).Validate()},
			{"promise", "empty_text", (&Promise{ClientID: 1, Text: blank, Due: day}).Validate()},
			{"note", "empty_text", (&JournalEntry{ClientID: 1, Kind: EntryNote, Text: blank, At: at}).Validate()},
			{"prospect call", "prospect_needs_text", (&JournalEntry{Kind: EntryCall, Text: blank, At: at}).Validate()},
			{"client name", "empty_name", (&Client{Name: blank, CreatedOn: day}).Validate()},
		} {
			if p := ProblemOf(tt.err); p == nil || p.Code != tt.code {
				t.Errorf("%s %q: %v, want %s", tt.name, blank, tt.err, tt.code)
			}
		}
	}
	if err := (&Task{Title: "\x1b[31m报价\x1b[0m"}).Validate(); err != nil {
		t.Errorf("a title with text between escapes: %v", err)
	}
}
