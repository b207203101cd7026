package storage

import (
	"errors"
	"testing"

	"salesplan/model"
)

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
