package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// readSettings returns the stored settings over the defaults: a field never
// set keeps its default.
func readSettings(tx *bolt.Tx) (model.Settings, error) {
	st := model.DefaultSettings()
	m := tx.Bucket(bMeta)
	if m == nil {
		return st, nil
	}
	raw := m.Get(kSettings)
	if raw == nil {
		return st, nil
	}
	if err := decodeRecord("settings", raw, &st); err != nil {
		return st, err
	}
	if st.AnnualTargets == nil {
		st.AnnualTargets = map[int]model.Money{}
	}
	if st.MonthTargets == nil {
		st.MonthTargets = map[string]model.Money{}
	}
	return st, nil
}

// putSettings stores the settings and recomputes client follow-up dates
// when a cadence changed.
func putSettings(tx *bolt.Tx, st model.Settings) error {
	old, err := readSettings(tx)
	if err != nil {
		return err
	}
	raw, err := encodeRecord(st)
	if err != nil {
		return err
	}
	if err := rb(tx, bMeta).Put(kSettings, raw); err != nil {
		return fmt.Errorf("store settings: %w", err)
	}
	if old.KeyCadenceDays != st.KeyCadenceDays || old.RegularCadenceDays != st.RegularCadenceDays {
		return refreshAllClientDue(tx)
	}
	return nil
}

// Settings returns the settings (defaults for fields never set).
func (s *Store) Settings() (st model.Settings, err error) {
	err = s.view(func(tx *bolt.Tx) error { st, err = readSettings(tx); return err })
	return st, err
}

// UpdateSettings changes the settings in one transaction: fn edits a copy
// of the current settings; an error from fn changes nothing.
func (s *Store) UpdateSettings(fn func(*model.Settings) error) error {
	return s.act(ActSettings, func(r *recorder) error {
		st, err := readSettings(r.tx)
		if err != nil {
			return err
		}
		if err := fn(&st); err != nil {
			return err
		}
		if err := validateSettings(&st); err != nil {
			return err
		}
		return r.putSettings(st)
	})
}

// validateSettings checks the settings (model.Settings.Validate).
func validateSettings(st *model.Settings) error { return st.Validate() }
