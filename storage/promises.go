package storage

// Promises: validation, the record, its index entries (promise_status,
// promise_client, promise_made, promise_kept), the promise operations and
// views.

import (
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

func statusByte(s model.PromiseStatus) byte {
	switch s {
	case model.PromiseKept:
		return 'k'
	case model.PromiseCancelled:
		return 'x'
	}
	return 'o'
}

// validatePromise normalises and checks a promise (model.Promise.Validate)
// and that its client and project exist.
func validatePromise(tx *bolt.Tx, p *model.Promise) error {
	// Due on or after made on; kept and cancelled between made on and
	// today: model checks the order, the operations that know today check
	// that half (closePromise).
	if err := p.Validate(); err != nil {
		return err
	}
	return checkRefs(tx, p.ClientID, p.ProjectID)
}

func getPromise(tx *bolt.Tx, id model.ID) (p model.Promise, err error) {
	err = getRecord(tx, bPromises, "promise", id, &p)
	return p, err
}

func promiseIndex(tx *bolt.Tx, p *model.Promise, add bool) error {
	id, st := idKey(p.ID), []byte{statusByte(p.Status)}
	ops := []ixOp{
		{ixPromiseStatus, cat(st, dateBytes(p.Due), id), empty},
		{ixPromiseClient, cat(idKey(p.ClientID), id), st},
		{ixPromiseMade, cat(dateBytes(p.MadeOn), id), empty},
	}
	if p.Status == model.PromiseKept {
		ops = append(ops, ixOp{ixPromiseKept, cat(dateBytes(p.KeptOn), id), empty})
	}
	if p.Status == model.PromiseCancelled && p.CancelledOn.Valid() {
		ops = append(ops, ixOp{ixPromiseCancelled, cat(dateBytes(p.CancelledOn), id), empty})
	}
	return apply(tx, ops, add)
}

// promiseSearch is what search finds a promise by: its text and the
// reason it was cancelled; its date is the day it was made.
func promiseSearch(p *model.Promise) *searchDoc {
	return &searchDoc{kind: skPromise, id: p.ID, date: p.MadeOn,
		fields: []searchField{{"text", p.Text}, {"cancel_reason", p.CancelReason}}}
}

// putPromise stores a promise and its index entries.
func putPromise(tx *bolt.Tx, p *model.Promise) error {
	prev, err := putRaw(rb(tx, bPromises), &p.ID, p)
	if err != nil {
		return fmt.Errorf("store promise %d: %w", p.ID, err)
	}
	var oldSearch *searchDoc
	if prev != nil {
		var old model.Promise
		if err := decodeRecordOf("promise", p.ID, prev, &old); err != nil {
			return err
		}
		if err := promiseIndex(tx, &old, false); err != nil {
			return err
		}
		oldSearch = promiseSearch(&old)
	}
	if err := promiseIndex(tx, p, true); err != nil {
		return err
	}
	return searchReplace(tx, oldSearch, promiseSearch(p))
}

// deletePromise removes a promise and its index entries.
func deletePromise(tx *bolt.Tx, id model.ID) error {
	p, err := getPromise(tx, id)
	if err != nil {
		return err
	}
	if err := promiseIndex(tx, &p, false); err != nil {
		return err
	}
	if err := searchReplace(tx, promiseSearch(&p), nil); err != nil {
		return err
	}
	return rb(tx, bPromises).Delete(idKey(id))
}

// reindexPromises rebuilds every promise's index entries (for reindex).
func reindexPromises(tx *bolt.Tx) error {
	return rb(tx, bPromises).ForEach(func(k, v []byte) error {
		var p model.Promise
		if err := decodeRecordOf("promise", keyID(k), v, &p); err != nil {
			return err
		}
		return promiseIndex(tx, &p, true)
	})
}

// AddPromise stores a promise (client, text and due required; MadeOn defaults to today).
func (s *Store) AddPromise(p model.Promise, today model.Date) (model.Promise, error) {
	p.ID = 0
	if !p.MadeOn.Valid() {
		p.MadeOn = today
	}
	if p.Status == "" {
		p.Status = model.PromiseOpen
	}
	err := s.act(ActAddPromise, func(r *recorder) error {
		if err := validatePromise(r.tx, &p); err != nil {
			return err
		}
		return r.putPromise(&p)
	})
	return p, err
}

// UpdatePromise replaces a promise's fields, if the promise is still the
// one p was read as (same revision); otherwise a *ConflictError (see
// UpdateTask; editors use EditPromise).
func (s *Store) UpdatePromise(p model.Promise) error {
	return s.act(ActEditPromise, func(r *recorder) error {
		old, err := getPromise(r.tx, p.ID)
		if err != nil {
			return err
		}
		if old.Rev != p.Rev {
			return conflict("promise", p.ID, nil, old)
		}
		if err := validatePromise(r.tx, &p); err != nil {
			return err
		}
		return r.putPromise(&p)
	})
}

// EditPromise applies an edit to the promise as stored now (see EditTask):
// a promise kept or cancelled elsewhere meanwhile stays so when the form
// changed only its text or due date. A field changed both here and
// elsewhere is a *ConflictError carrying the stored promise.
func (s *Store) EditPromise(seen, edited model.Promise) (model.Promise, error) {
	var out model.Promise
	edited.ID = seen.ID
	err := s.act(ActEditPromise, func(r *recorder) error {
		stored, err := getPromise(r.tx, seen.ID)
		if err != nil {
			return err
		}
		merged, conflicts, changed, err := mergeEdit(seen, edited, stored)
		if err != nil {
			return err
		}
		if len(conflicts) > 0 {
			return conflict("promise", seen.ID, conflicts, stored)
		}
		out = stored
		if !changed {
			return nil
		}
		merged.ID = seen.ID
		if err := validatePromise(r.tx, &merged); err != nil {
			return err
		}
		if err := r.putPromise(&merged); err != nil {
			return err
		}
		out = merged
		return nil
	})
	return out, err
}

// KeepPromise marks an open promise kept on the given date (not before it
// was made).
func (s *Store) KeepPromise(id model.ID, on model.Date) (model.Promise, error) {
	return s.closePromise(ActKeepPromise, id, model.PromiseKept, on, "", model.NoDate)
}

// KeepPromiseSeen keeps a promise as the planner showed it (x on an
// attention item): rev is the revision it was read with. A promise changed
// since — its text or due date edited, kept or cancelled elsewhere — is
// not kept: a *ConflictError carries it as stored now, for the planner to
// show before the rep decides again.
func (s *Store) KeepPromiseSeen(id model.ID, rev uint64, on model.Date) (model.Promise, error) {
	var p model.Promise
	err := s.act(ActKeepPromise, func(r *recorder) error {
		stored, err := getPromise(r.tx, id)
		if err != nil {
			return err
		}
		if stored.Rev != rev {
			return conflict("promise", id, nil, stored)
		}
		p, err = closePromise(r, id, model.PromiseKept, on, "", model.NoDate)
		return err
	})
	return p, err
}

// CancelPromise marks an open promise cancelled on a date (default
// today) for a reason (DESIGN.md §2 v2): the date tells a promise dropped
// in time from one broken first (cancelled after its due date, it still
// counts as broken), and the review lists the reason.
func (s *Store) CancelPromise(id model.ID, on model.Date, reason string, today model.Date) (model.Promise, error) {
	if !on.Valid() {
		on = today
	}
	reason = strings.TrimSpace(reason)
	if model.Blank(reason) { // nothing but escapes or invisible characters is no reason either
		return model.Promise{}, model.Errf("missing_cancel_reason", "say why the promise is cancelled")
	}
	return s.closePromise(ActCancelPromise, id, model.PromiseCancelled, on, reason, today)
}

func (s *Store) closePromise(code string, id model.ID, status model.PromiseStatus, on model.Date, reason string, today model.Date) (p model.Promise, err error) {
	err = s.act(code, func(r *recorder) error {
		p, err = closePromise(r, id, status, on, reason, today)
		return err
	})
	return p, err
}

// closePromise is KeepPromise / CancelPromise inside the caller's action
// (sync keeps a promise completed on the phone with it).
func closePromise(r *recorder, id model.ID, status model.PromiseStatus, on model.Date, reason string, today model.Date) (model.Promise, error) {
	p, err := getPromise(r.tx, id)
	if err != nil {
		return p, err
	}
	if p.Status != model.PromiseOpen {
		return p, model.Errf("promise_not_open", "promise %d is already %s", id, model.Errf("promise_status_"+string(p.Status), string(p.Status)))
	}
	if status == model.PromiseKept && !on.Valid() {
		return p, model.Errf("missing_kept_on", "a kept promise needs the date it was kept")
	}
	p.Status = status
	if status == model.PromiseKept {
		p.KeptOn = on
	} else {
		p.CancelledOn, p.CancelReason = on, reason
	}
	if err := model.CheckPromiseDates(p, today); err != nil {
		return p, err
	}
	return p, r.putPromise(&p)
}

// Promises lists open promises by due date, or all (open first, then the
// rest newest first) when all is set.
func (s *Store) Promises(all bool) ([]PromiseRow, error) {
	out := []PromiseRow{} // empty, not nil: lists marshal as []
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		n := newNamer(tx)
		row := func(p model.Promise) PromiseRow {
			return PromiseRow{Promise: p, Client: n.client(p.ClientID), Project: n.project(p.ProjectID)}
		}
		err := seekPrefix(ix(tx, ixPromiseStatus), []byte{'o'}, func(k, _ []byte) error {
			p, err := getPromise(tx, keyID(k[5:]))
			if err == nil {
				out = append(out, row(p))
			}
			return err
		})
		if err != nil || !all {
			return err
		}
		var rest []PromiseRow
		for _, st := range []byte{'k', 'x'} {
			err := seekPrefix(ix(tx, ixPromiseStatus), []byte{st}, func(k, _ []byte) error {
				p, err := getPromise(tx, keyID(k[5:]))
				if err == nil {
					rest = append(rest, row(p))
				}
				return err
			})
			if err != nil {
				return err
			}
		}
		sort.SliceStable(rest, func(i, j int) bool {
			if rest[i].MadeOn != rest[j].MadeOn {
				return rest[i].MadeOn > rest[j].MadeOn
			}
			return rest[i].ID > rest[j].ID
		})
		out = append(out, rest...)
		return nil
	})
	return out, err
}

// Reliability returns the share of promises kept on time (DESIGN.md §2,
// model.Reliability) and how many promises it is computed over; it reads
// only the promises due in the window, through the status index.
func (s *Store) Reliability(today model.Date) (float64, int, error) {
	var ps []model.Promise
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		// Cancelled ones too: one cancelled after its due date counts as
		// broken (model.Reliability leaves out the others).
		for _, st := range []byte{'o', 'k', 'x'} {
			from := cat([]byte{st}, dateBytes(today.AddDays(-90)))
			to := cat([]byte{st}, dateBytes(today))
			err := seekRange(ix(tx, ixPromiseStatus), from, to, func(k, _ []byte) error {
				p, err := getPromise(tx, keyID(k[5:]))
				if err == nil {
					ps = append(ps, p)
				}
				return err
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	share, n := model.Reliability(ps, today)
	return share, n, nil
}
