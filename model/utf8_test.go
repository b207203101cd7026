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
