package storage

import (
	"errors"
	"testing"

	"salesplan/model"
)

func TestJournalOfAndOn(t *testing.T) {
	s := newStore(t)
	wang := mustClient(t, s, "王总", model.TierKey, d("2026-01-01"))
	li := mustClient(t, s, "李工", model.TierRegular, d("2026-01-01"))
	e1 := mustEntry(t, s, model.JournalEntry{ClientID: wang.ID, Kind: model.EntryCall, At: at("2026-11-26", 9), Text: "约了周五"})
	e2 := mustEntry(t, s, model.JournalEntry{ClientID: li.ID, Kind: model.EntryVisit, At: at("2026-11-27", 15), Text: "看了现场"})
	e3 := mustEntry(t, s, model.JournalEntry{ClientID: wang.ID, Kind: model.EntryNote, At: at("2026-11-27", 10), Text: "女儿明年高考"})
	e4 := mustEntry(t, s, model.JournalEntry{ClientID: wang.ID, Kind: model.EntryCall, At: at("2026-11-27", 8), Text: "早上打过"})
	ids := func(rows []JournalRow) []model.ID {
		var out []model.ID
		for _, r := range rows {
			out = append(out, r.ID)
		}
		return out
	}
	eq := func(a, b []model.ID) bool {
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i] != b[i] {
				return false
			}
		}
		return true
	}
	rows, err := s.JournalOf(wang.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(rows), []model.ID{e3.ID, e4.ID, e1.ID}; !eq(got, want) {
		t.Errorf("JournalOf(王总) = %v, want %v (newest first)", got, want)
	}
	if rows[0].Client != "王总" {
		t.Errorf("row names its client: %+v", rows[0])
	}
	if rows, _ := s.JournalOf(wang.ID, 2); len(rows) != 2 {
		t.Errorf("limit 2: %d rows", len(rows))
	}
	rows, err = s.JournalOn(d("2026-11-27"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(rows), []model.ID{e4.ID, e3.ID, e2.ID}; !eq(got, want) {
		t.Errorf("JournalOn(11-27) = %v, want %v (in time order)", got, want)
	}
	rows, _ = s.JournalOn(d("2026-11-27"), wang.ID)
	if got, want := ids(rows), []model.ID{e4.ID, e3.ID}; !eq(got, want) {
		t.Errorf("JournalOn(11-27, 王总) = %v, want %v", got, want)
	}
	if rows, _ := s.JournalOn(d("2026-11-28"), 0); len(rows) != 0 {
		t.Errorf("an empty day: %v", rows)
	}
	if _, err := s.JournalOf(99, 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown client: %v", err)
	}
}
