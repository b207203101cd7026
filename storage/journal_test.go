package storage

import (
	"testing"
	"time"

	"salesplan/model"
)

func TestAddEntry(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	for _, tc := range []struct {
		name string
		e    model.JournalEntry
		code string
	}{
		{"a visit with no client", model.JournalEntry{Kind: model.EntryVisit, Text: "x"}, "entry_needs_client"},
		{"a prospect call without text", model.JournalEntry{Kind: model.EntryCall}, "prospect_needs_text"},
		{"a prospect call about a project", model.JournalEntry{Kind: model.EntryCall, Text: "张工", ProjectID: 1}, "prospect_project"},
		{"unknown client", model.JournalEntry{ClientID: 9, Kind: model.EntryCall}, "unknown_client_id"},
		{"bad kind", model.JournalEntry{ClientID: c.ID, Kind: "email"}, "bad_kind"},
		{"empty note", model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, Text: "  "}, "empty_text"},
		{"unknown project", model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, ProjectID: 5}, "unknown_project_id"},
	} {
		if _, err := s.AddEntry(tc.e); problemCode(err) != tc.code {
			t.Errorf("%s: AddEntry = %v, want %s", tc.name, err, tc.code)
		}
	}
	before := time.Now()
	e, err := s.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall})
	if err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 || e.At.Before(before) {
		t.Errorf("a call without text or time: %+v (At defaults to now)", e)
	}
}
