package storage

import (
	"errors"
	"testing"

	"salesplan/model"
)

func TestAddClientValidation(t *testing.T) {
	s := newStore(t)
	mustClient(t, s, "ACME Ltd", model.TierKey, d("2026-11-01"))
	for _, c := range []struct {
		name   string
		client model.Client
		code   string
	}{
		{"empty name", model.Client{Name: "  "}, "empty_name"},
		{"duplicate", model.Client{Name: "ACME Ltd"}, "duplicate_client"},
		{"duplicate other case", model.Client{Name: "acme ltd "}, "duplicate_client"},
		{"bad tier", model.Client{Name: "B", Tier: "gold"}, "bad_tier"},
		{"bad cadence", model.Client{Name: "B", CadenceDays: -1}, "bad_cadence"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := s.AddClient(c.client, d("2026-11-27")); problemCode(err) != c.code {
				t.Errorf("AddClient = %v, want code %s", err, c.code)
			}
		})
	}
	c, err := s.AddClient(model.Client{Name: " 王总 "}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "王总" || c.Tier != model.TierRegular || c.CreatedOn != d("2026-11-27") || c.ID == 0 {
		t.Errorf("defaults not applied: %+v", c)
	}
}

func TestFindClient(t *testing.T) {
	s := newStore(t)
	for _, n := range []string{"王总", "王总工", "ACME Ltd", "Acme Trading", "Bright"} {
		mustClient(t, s, n, model.TierRegular, d("2026-11-01"))
	}
	for _, c := range []struct {
		query, want, code string
	}{
		{"王总", "王总", ""}, // exact wins over the longer name it prefixes
		{"王总工", "王总工", ""},
		{"bright", "Bright", ""}, // case-insensitive
		{"BR", "Bright", ""},     // unique prefix
		{"acme ltd", "ACME Ltd", ""},
		{"acme", "", "ambiguous_client"},
		{"王", "", "ambiguous_client"},
		{"zed", "", "unknown_client"},
		{"", "", "unknown_client"},
	} {
		got, err := s.FindClient(c.query)
		if c.code != "" {
			if problemCode(err) != c.code {
				t.Errorf("FindClient(%q) = %v, want code %s", c.query, err, c.code)
			}
			continue
		}
		if err != nil || got.Name != c.want {
			t.Errorf("FindClient(%q) = %q, %v; want %q", c.query, got.Name, err, c.want)
		}
	}
	_, err := s.FindClient("acme")
	var amb *AmbiguousError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 || amb.Kind != "client" {
		t.Errorf("ambiguous error = %#v", err)
	}
	if _, err := s.FindClient("zed"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown client error %v is not ErrNotFound", err)
	}
}

func TestRenameFreesOldName(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "Old Name", model.TierRegular, d("2026-11-01"))
	c.Name = "New Name"
	if err := s.UpdateClient(c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindClient("old"); !errors.Is(err, ErrNotFound) {
		t.Errorf("old name still found: %v", err)
	}
	mustClient(t, s, "Old Name", model.TierRegular, d("2026-11-01"))
	if err := s.UpdateClient(model.Client{ID: 999, Name: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateClient of a missing id = %v", err)
	}
}

// A note does not reset the follow-up clock; a call, visit or meeting does.
func TestFollowUpNoteVersusMeeting(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01")) // key: 7 days → due 11-08
	row := func() ClientRow {
		t.Helper()
		rows, err := s.Clients(today, false)
		if err != nil || len(rows) != 1 {
			t.Fatalf("Clients = %v, %v", rows, err)
		}
		return rows[0]
	}
	if r := row(); !r.FollowUp.IsDue || r.FollowUp.Due != d("2026-11-08") || r.LastContact.Valid() {
		t.Fatalf("new key client: %+v", r.FollowUp)
	}
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at("2026-11-26", 10), Text: "said hi in the lift"})
	if r := row(); !r.FollowUp.IsDue || r.LastContact.Valid() {
		t.Errorf("after a note: %+v last %v; a note must not reset follow-up", r.FollowUp, r.LastContact)
	}
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryMeeting, At: at("2026-11-25", 15), Text: "budget meeting"})
	r := row()
	if r.FollowUp.IsDue || r.LastContact != d("2026-11-25") || r.FollowUp.Due != d("2026-12-02") {
		t.Errorf("after a meeting: %+v last %v; want not due until 12-02", r.FollowUp, r.LastContact)
	}
}

func TestSetClientTierAndArchive(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierRegular, d("2026-10-01"))
	other := mustClient(t, s, "ACME Ltd", model.TierKey, d("2026-10-01"))

	// A change made elsewhere since (the command line) survives the toggle.
	c2 := c
	c2.Phone = "138"
	if err := s.UpdateClient(c2); err != nil {
		t.Fatal(err)
	}
	got, err := s.SetClientTier(c.ID, model.TierKey)
	if err != nil || got.Tier != model.TierKey || got.Phone != "138" {
		t.Fatalf("SetClientTier: %+v, %v", got, err)
	}
	if _, err := s.SetClientTier(c.ID, "gold"); problemCode(err) != "bad_tier" {
		t.Errorf("bad tier: %v", err)
	}
	if _, err := s.SetClientTier(999, model.TierKey); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown client: %v", err)
	}

	if _, err := s.ArchiveClient(c.ID); err != nil {
		t.Fatal(err)
	}
	names, err := s.ClientNames()
	if err != nil || len(names) != 1 || names[0].ID != other.ID || !names[0].Key {
		t.Errorf("ClientNames after archiving: %+v, %v", names, err)
	}
	what, err := s.Undo()
	if err != nil || what != ActArchiveClient {
		t.Errorf("undo: %q, %v", what, err)
	}
	if back, _ := s.Client(c.ID); back.Archived || back.Tier != model.TierKey {
		t.Errorf("after undo: %+v", back)
	}
	assertNoDrift(t, s)
}
