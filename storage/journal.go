package storage

// Journal entries: validation, the record, its index entries
// (journal_client, journal_date, journal_project, contact_client,
// contact_project), last contact and the journal operations.

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// Journal kinds as one byte.
func kindByte(k model.EntryKind) byte {
	switch k {
	case model.EntryCall:
		return 'c'
	case model.EntryVisit:
		return 'v'
	case model.EntryMeeting:
		return 'm'
	}
	return 'n'
}

func byteKind(b byte) model.EntryKind {
	switch b {
	case 'c':
		return model.EntryCall
	case 'v':
		return model.EntryVisit
	case 'm':
		return model.EntryMeeting
	}
	return model.EntryNote
}

// validateEntry normalises and checks a journal entry
// (model.JournalEntry.Validate; a missing moment is now) and that its
// client and project exist.
func validateEntry(tx *bolt.Tx, e *model.JournalEntry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	if err := e.Validate(); err != nil {
		return err
	}
	return checkRefs(tx, e.ClientID, e.ProjectID)
}

func getEntry(tx *bolt.Tx, id model.ID) (e model.JournalEntry, err error) {
	err = getRecord(tx, bJournal, "entry", id, &e)
	return e, err
}

func entryIndex(tx *bolt.Tx, e *model.JournalEntry, add bool) error {
	id, at, d, kind := idKey(e.ID), timeBytes(e.At), dateBytes(e.On()), []byte{kindByte(e.Kind)}
	// Every entry is in journal_date (a prospect call too, with client 0:
	// it counts toward the calls quota); only an entry with a client is in
	// that client's timeline and resets its clock.
	ops := []ixOp{{ixJournalDate, cat(d, at, id), cat(kind, idKey(e.ClientID), idKey(e.ProjectID))}}
	if e.ClientID != 0 {
		ops = append(ops, ixOp{ixJournalClient, cat(idKey(e.ClientID), at, id), kind})
	}
	if e.ProjectID != 0 {
		ops = append(ops, ixOp{ixJournalProject, cat(idKey(e.ProjectID), at, id), kind})
	}
	if e.Kind.IsContact() && e.ClientID != 0 {
		ops = append(ops, ixOp{ixContactClient, cat(idKey(e.ClientID), d, id), empty})
		if e.ProjectID != 0 {
			ops = append(ops, ixOp{ixContactProject, cat(idKey(e.ProjectID), d, id), empty})
		}
	}
	return apply(tx, ops, add)
}

// entrySearch is what search finds a journal entry by: its text; its date
// is the entry's day.
func entrySearch(e *model.JournalEntry) *searchDoc {
	return &searchDoc{kind: skNote, id: e.ID, date: e.On(), fields: []searchField{{"text", e.Text}}}
}

// putEntry stores a journal entry and its index entries, and refreshes the
// follow-up of the client(s) it belongs to.
func putEntry(tx *bolt.Tx, e *model.JournalEntry) error {
	prev, err := putRaw(rb(tx, bJournal), &e.ID, e)
	if err != nil {
		return fmt.Errorf("store journal entry %d: %w", e.ID, err)
	}
	var oldSearch *searchDoc
	if prev != nil {
		var old model.JournalEntry
		if err := decodeRecordOf("entry", e.ID, prev, &old); err != nil {
			return err
		}
		if err := entryIndex(tx, &old, false); err != nil {
			return err
		}
		oldSearch = entrySearch(&old)
		if old.ClientID != e.ClientID && old.Kind.IsContact() {
			if err := refreshClientDue(tx, old.ClientID, nil); err != nil {
				return err
			}
		}
	}
	if err := entryIndex(tx, e, true); err != nil {
		return err
	}
	if err := searchReplace(tx, oldSearch, entrySearch(e)); err != nil {
		return err
	}
	return refreshClientDue(tx, e.ClientID, nil)
}

// deleteEntry removes a journal entry and its index entries.
func deleteEntry(tx *bolt.Tx, id model.ID) error {
	e, err := getEntry(tx, id)
	if err != nil {
		return err
	}
	if err := entryIndex(tx, &e, false); err != nil {
		return err
	}
	if err := searchReplace(tx, entrySearch(&e), nil); err != nil {
		return err
	}
	if err := rb(tx, bJournal).Delete(idKey(id)); err != nil {
		return err
	}
	return refreshClientDue(tx, e.ClientID, nil)
}

// reindexJournal rebuilds every journal entry's index entries (for reindex).
func reindexJournal(tx *bolt.Tx) error {
	return rb(tx, bJournal).ForEach(func(k, v []byte) error {
		var e model.JournalEntry
		if err := decodeRecordOf("entry", keyID(k), v, &e); err != nil {
			return err
		}
		return entryIndex(tx, &e, true)
	})
}

// lastContact returns the date of the newest contact under the id prefix of
// contact_client or contact_project (reverse seek), or NoDate.
func lastContact(tx *bolt.Tx, index []byte, id model.ID) model.Date {
	k := lastUnder(ix(tx, index).Cursor(), id)
	if len(k) < 12 {
		return model.NoDate
	}
	return readDate(k[8:12])
}

// entriesNewestFirst reads journal entries under an id prefix of
// journal_client or journal_project, newest first; limit 0 = all.
func entriesNewestFirst(tx *bolt.Tx, index []byte, id model.ID, limit int) ([]model.JournalEntry, error) {
	out := []model.JournalEntry{}
	c := ix(tx, index).Cursor()
	prefix := idKey(id)
	for k := lastUnder(c, id); hasPrefix(k, prefix); k, _ = c.Prev() {
		if limit > 0 && len(out) >= limit {
			break
		}
		e, err := getEntry(tx, keyID(k[16:]))
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
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

// EditEntry applies an edit to a journal entry as stored now (see
// EditTask): its text, kind, moment or project as edited changes them from
// seen; the other fields keep their stored values. A field changed both
// here and elsewhere is a *ConflictError carrying the stored entry.
func (s *Store) EditEntry(seen, edited model.JournalEntry) (model.JournalEntry, error) {
	var out model.JournalEntry
	edited.ID = seen.ID
	err := s.act(ActEditEntry, func(r *recorder) error {
		stored, err := getEntry(r.tx, seen.ID)
		if err != nil {
			return err
		}
		merged, conflicts, changed, err := mergeEdit(seen, edited, stored)
		if err != nil {
			return err
		}
		if len(conflicts) > 0 {
			return conflict("entry", seen.ID, conflicts, stored)
		}
		out = stored
		if !changed {
			return nil
		}
		merged.ID = seen.ID
		if err := validateEntry(r.tx, &merged); err != nil {
			return err
		}
		if err := r.putEntry(&merged); err != nil {
			return err
		}
		out = merged
		return nil
	})
	return out, err
}

// Entry returns one journal entry with its client's and project's names.
func (s *Store) Entry(id model.ID) (JournalRow, error) {
	var row JournalRow
	err := s.view(func(tx *bolt.Tx) error {
		e, err := getEntry(tx, id)
		if err != nil {
			return err
		}
		row = journalRow(newNamer(tx), e)
		return nil
	})
	return row, err
}

// DeleteEntry removes a journal entry in one transaction: the record, its
// index entries and its words in the search index; the client's follow-up
// is worked out again (a deleted contact no longer resets its clock).
// Undoable as "delete_entry". A task whose completion recorded the entry
// stays done: the entry is the record of a contact, the completion is the
// task's own (deleting a duplicate call must not reopen the task). It
// returns the entry as it was, with its names.
func (s *Store) DeleteEntry(id model.ID) (JournalRow, error) {
	var row JournalRow
	err := s.act(ActDeleteEntry, func(r *recorder) error {
		e, err := getEntry(r.tx, id)
		if err != nil {
			return err
		}
		row = journalRow(newNamer(r.tx), e)
		return r.deleteEntry(id)
	})
	return row, err
}

func journalRow(names *namer, e model.JournalEntry) JournalRow {
	return JournalRow{JournalEntry: e, Client: names.client(e.ClientID), Project: names.project(e.ProjectID)}
}

// ProjectJournal lists entries linked to a project, newest first; limit 0 = all.
func (s *Store) ProjectJournal(projectID model.ID, limit int) (out []model.JournalEntry, err error) {
	err = s.viewIndexed(func(tx *bolt.Tx) error {
		out, err = entriesNewestFirst(tx, ixJournalProject, projectID, limit)
		return err
	})
	return out, err
}

// entriesOfClientOn reads a client's journal entries dated day (the
// client's timeline, journal_client, from the day's first instant).
func entriesOfClientOn(tx *bolt.Tx, client model.ID, day model.Date) ([]model.JournalEntry, error) {
	var out []model.JournalEntry
	from := cat(idKey(client), timeBytes(day.Time(time.Local).AddDate(0, 0, -1)))
	to := cat(idKey(client), timeBytes(day.AddDays(2).Time(time.Local)))
	err := seekRange(ix(tx, ixJournalClient), from, to, func(k, _ []byte) error {
		if len(k) != 24 {
			return model.Errf("corrupt_index", "a journal client index entry is damaged; run salesplan check")
		}
		e, err := getEntry(tx, keyID(k[16:]))
		if err == nil && e.On() == day {
			out = append(out, e)
		}
		return err
	})
	return out, err
}

// JournalRow is a journal entry with its client's and project's names.
type JournalRow struct {
	model.JournalEntry
	Client  string // "" for none (a prospect call)
	Project string
}

// JournalOf lists a client's journal, newest first; limit 0 = all. It reads
// the client's entries through journal_client, none of anyone else's.
func (s *Store) JournalOf(client model.ID, limit int) ([]JournalRow, error) {
	out := []JournalRow{}
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		if _, err := getClient(tx, client); err != nil {
			return askedFor{err}
		}
		es, err := entriesNewestFirst(tx, ixJournalClient, client, limit)
		if err != nil {
			return err
		}
		names := newNamer(tx)
		for _, e := range es {
			out = append(out, JournalRow{JournalEntry: e, Client: names.client(e.ClientID), Project: names.project(e.ProjectID)})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("journal of client %d: %w", client, err)
	}
	return out, nil
}

// JournalOn lists the entries of one day in the order they happened;
// client 0 = everyone's, else only that client's (read from journal_date,
// whose values name the client: only the day's entries are decoded).
func (s *Store) JournalOn(day model.Date, client model.ID) ([]JournalRow, error) {
	out := []JournalRow{}
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		if client != 0 {
			if _, err := getClient(tx, client); err != nil {
				return askedFor{err}
			}
		}
		names := newNamer(tx)
		return seekRange(ix(tx, ixJournalDate), dateBytes(day), dateBytes(day+1), func(k, v []byte) error {
			if client != 0 && (len(v) < 9 || keyID(v[1:9]) != client) {
				return nil
			}
			e, err := getEntry(tx, keyID(k[12:]))
			if err != nil {
				return err
			}
			out = append(out, JournalRow{JournalEntry: e, Client: names.client(e.ClientID), Project: names.project(e.ProjectID)})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("journal of %s: %w", day, err)
	}
	return out, nil
}
