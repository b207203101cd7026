package storage

import (
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// validateEntry normalises and checks a journal entry (shared with import):
// a client that exists, a known kind, a note with text.
func validateEntry(tx *bolt.Tx, e *model.JournalEntry) error {
	e.Text = strings.TrimSpace(e.Text)
	if e.ClientID == 0 {
		return model.Errf("missing_client", "a journal entry needs a client")
	}
	if !e.Kind.Valid() {
		return model.Errf("bad_kind", "entry kind %q is not note, call, visit or meeting", string(e.Kind))
	}
	if e.Kind == model.EntryNote && e.Text == "" {
		return model.Errf("empty_text", "a note needs text")
	}
	if e.At.IsZero() {
		e.At = time.Now()
	}
	return checkRefs(tx, e.ClientID, e.ProjectID)
}

// AddEntry records a journal entry (note or contact). At zero = now.
func (s *Store) AddEntry(e model.JournalEntry) (model.JournalEntry, error) {
	e.ID = 0
	err := s.act(ActAddEntry, func(r *recorder) error {
		if err := validateEntry(r.tx, &e); err != nil {
			return err
		}
		return r.putEntry(&e)
	})
	return e, err
}

// ProjectJournal lists entries linked to a project, newest first; limit 0 = all.
func (s *Store) ProjectJournal(projectID model.ID, limit int) (out []model.JournalEntry, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		out, err = entriesNewestFirst(tx, ixJournalProject, projectID, limit)
		return err
	})
	return out, err
}
