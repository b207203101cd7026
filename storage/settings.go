package storage

import (
	"fmt"
	"maps"
	"os"
	"slices"

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
	if st.DaysOff == nil {
		st.DaysOff = []model.Date{}
	}
	if st.ExtraWorkdays == nil {
		st.ExtraWorkdays = []model.Date{}
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
	raw, err := encodeRecordRev(st, txRevision(tx))
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

// SetLanguage tells the store the language the person reads ("en", "zh":
// the --lang flag, else the language setting, else the locale). Settings
// that follow the language when the person set none of their own — the
// holiday calendar: cn for a Chinese reader (DESIGN.md §2 v2) — are read
// with it, so the planner and the command line count the same working days.
func (s *Store) SetLanguage(lang string) {
	s.mu.Lock()
	s.lang = lang
	s.mu.Unlock()
}

func (s *Store) language() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lang
}

// settingsFor reads the settings as the rules use them: the holiday
// calendar resolved for the person's language when none is set. Writes
// start from readSettings instead, so that a default is never stored.
func settingsFor(tx *bolt.Tx, lang string) (model.Settings, error) {
	st, err := readSettings(tx)
	st.Holidays = st.HolidaysFor(lang)
	return st, err
}

// Settings returns the settings (defaults for fields never set), the
// holiday calendar resolved for the person's language (SetLanguage).
//
// The settings a read transaction of this Store saw last are kept with
// the file's identity and its meta's transaction id: while both are
// unchanged no transaction has committed since, so they are what a new
// read would find, and Settings answers from them after reading the meta
// alone (a command asks for the settings two or three times; each read
// opened and mapped the file and decoded them again).
func (s *Store) Settings() (st model.Settings, err error) {
	lang := s.language()
	if st, ok := s.knownSettings(); ok {
		st.Holidays = st.HolidaysFor(lang)
		return st, nil
	}
	err = s.view(func(tx *bolt.Tx) error {
		st, err = readSettings(tx)
		if err == nil {
			s.noteSettings(tx, st)
		}
		st.Holidays = st.HolidaysFor(lang)
		return err
	})
	return st, err
}

// settingsIn is settingsFor(tx, lang) for a read transaction of this
// Store, from the settings kept when they are the ones tx reads (its
// transaction id and file are theirs); else read, and kept.
func (s *Store) settingsIn(tx *bolt.Tx, lang string) (model.Settings, error) {
	s.mu.Lock()
	c := s.settings
	s.mu.Unlock()
	if c != nil && !tx.Writable() && uint64(tx.ID()) == c.txid && s.txFile != nil {
		if fi, err := s.txFile.Stat(); err == nil && os.SameFile(fi, c.file) {
			st := cloneSettings(c.st)
			st.Holidays = st.HolidaysFor(lang)
			return st, nil
		}
	}
	st, err := readSettings(tx)
	if err == nil {
		s.noteSettings(tx, st)
	}
	st.Holidays = st.HolidaysFor(lang)
	return st, err
}

// settingsCache is the settings as readSettings returned them in a read
// transaction, the file it read and the file's transaction id then.
type settingsCache struct {
	file os.FileInfo
	txid uint64
	st   model.Settings
}

// noteSettings keeps st as read in tx, a read transaction (a write's
// settings may yet be rolled back, and its id is not committed).
func (s *Store) noteSettings(tx *bolt.Tx, st model.Settings) {
	if tx.Writable() || s.txFile == nil {
		return
	}
	fi, err := s.txFile.Stat()
	if err != nil {
		return
	}
	c := &settingsCache{file: fi, txid: uint64(tx.ID()), st: cloneSettings(st)}
	s.mu.Lock()
	s.settings = c
	s.mu.Unlock()
}

// knownSettings returns the kept settings when the file is the one they
// were read from and no transaction committed since (fileState reads the
// meta bbolt would open on: a commit changes its transaction id, a
// restore the file).
func (s *Store) knownSettings() (model.Settings, bool) {
	s.mu.Lock()
	c := s.settings
	s.mu.Unlock()
	if c == nil {
		return model.Settings{}, false
	}
	fi, m, ok := s.fileState()
	if !ok || fi.Size() == 0 || !os.SameFile(fi, c.file) || m.txid != c.txid {
		return model.Settings{}, false
	}
	return cloneSettings(c.st), true
}

// cloneSettings copies st with its own maps and slices (the caller may
// change them; TestCloneSettingsCopiesEveryReference lists them).
func cloneSettings(st model.Settings) model.Settings {
	st.AnnualTargets = maps.Clone(st.AnnualTargets)
	st.MonthTargets = maps.Clone(st.MonthTargets)
	st.Workdays = slices.Clone(st.Workdays)
	st.DaysOff = slices.Clone(st.DaysOff)
	st.ExtraWorkdays = slices.Clone(st.ExtraWorkdays)
	return st
}

// StoredSettings returns the settings as stored (defaults for fields never
// set), a holiday calendar left to the language as "": what a settings
// form shows and saves back.
func (s *Store) StoredSettings() (st model.Settings, err error) {
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

// EditSettings applies an edit of the settings to the settings as stored
// now (see EditTask): only the settings edited changes from seen are
// saved — a quota or a month target set elsewhere meanwhile survives a save
// of the settings screen, and the month targets merge month by month. A
// setting changed both here and elsewhere is a *ConflictError carrying the
// stored settings. It returns the settings as stored after the edit.
func (s *Store) EditSettings(seen, edited model.Settings) (model.Settings, error) {
	var out model.Settings
	err := s.act(ActSettings, func(r *recorder) error {
		stored, err := readSettings(r.tx)
		if err != nil {
			return err
		}
		merged, conflicts, changed, err := mergeEdit(seen, edited, stored)
		if err != nil {
			return err
		}
		if len(conflicts) > 0 {
			return conflict("settings", 0, conflicts, stored)
		}
		out = stored
		if !changed {
			return nil
		}
		if merged.AnnualTargets == nil {
			merged.AnnualTargets = map[int]model.Money{}
		}
		if merged.MonthTargets == nil {
			merged.MonthTargets = map[string]model.Money{}
		}
		if err := validateSettings(&merged); err != nil {
			return err
		}
		if err := r.putSettings(merged); err != nil {
			return err
		}
		out = merged
		out.Rev = txRevision(r.tx)
		return nil
	})
	return out, err
}

// validateSettings checks the settings (model.Settings.Validate).
func validateSettings(st *model.Settings) error { return st.Validate() }
