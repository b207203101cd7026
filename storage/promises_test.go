package storage

import (
	"errors"
	"math"
	"testing"

	"salesplan/model"
)

func TestPromiseLifecycle(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	for _, tc := range []struct {
		name string
		p    model.Promise
		code string
	}{
		{"no client", model.Promise{Text: "x", Due: d("2026-12-01")}, "missing_client"},
		{"unknown client", model.Promise{ClientID: 77, Text: "x", Due: d("2026-12-01")}, "unknown_client_id"},
		{"no text", model.Promise{ClientID: c.ID, Due: d("2026-12-01")}, "empty_text"},
		{"no due", model.Promise{ClientID: c.ID, Text: "x"}, "missing_due"},
	} {
		if _, err := s.AddPromise(tc.p, d("2026-11-27")); problemCode(err) != tc.code {
			t.Errorf("%s: AddPromise = %v, want %s", tc.name, err, tc.code)
		}
	}
	p, err := s.AddPromise(model.Promise{ClientID: c.ID, Text: "send the quote", Due: d("2026-11-30")}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Status != model.PromiseOpen || p.MadeOn != d("2026-11-27") {
		t.Errorf("defaults: %+v", p)
	}
	q, _ := s.AddPromise(model.Promise{ClientID: c.ID, Text: "samples", Due: d("2026-11-28")}, d("2026-11-27"))
	rows, err := s.Promises(false)
	if err != nil || len(rows) != 2 || rows[0].ID != q.ID || rows[0].Client != "王总" {
		t.Fatalf("open promises by due = %+v, %v", rows, err)
	}
	kept, err := s.KeepPromise(p.ID, d("2026-11-29"))
	if err != nil || kept.Status != model.PromiseKept || kept.KeptOn != d("2026-11-29") {
		t.Fatalf("KeepPromise = %+v, %v", kept, err)
	}
	if _, err := s.KeepPromise(p.ID, d("2026-11-29")); problemCode(err) != "promise_not_open" {
		t.Errorf("keep twice = %v", err)
	}
	if _, err := s.CancelPromise(q.ID, 0, "  ", d("2026-11-27")); problemCode(err) != "missing_cancel_reason" {
		t.Errorf("cancel without a reason = %v", err)
	}
	if _, err := s.CancelPromise(q.ID, d("2026-11-26"), "the client changed plans", d("2026-11-27")); problemCode(err) != "promise_cancelled_before_made" {
		t.Errorf("cancel before it was made = %v", err)
	}
	if _, err := s.CancelPromise(q.ID, d("2026-11-28"), "the client changed plans", d("2026-11-27")); problemCode(err) != "promise_cancelled_after_today" {
		t.Errorf("cancel after today = %v", err)
	}
	cancelled, err := s.CancelPromise(q.ID, 0, " the client changed plans ", d("2026-11-27"))
	if err != nil || cancelled.CancelledOn != d("2026-11-27") || cancelled.CancelReason != "the client changed plans" || !cancelled.CancelledInTime() {
		t.Fatalf("CancelPromise = %+v, %v", cancelled, err)
	}
	if rows, _ := s.Promises(false); len(rows) != 0 {
		t.Errorf("open promises after keep and cancel = %v", rows)
	}
	if rows, _ := s.Promises(true); len(rows) != 2 {
		t.Errorf("all promises = %v", rows)
	}
}

func TestReliabilityWindow(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	c := mustClient(t, s, "王总", model.TierKey, d("2020-01-01"))
	add := func(due, kept model.Date, cancelOn model.Date) {
		p, err := s.AddPromise(model.Promise{ClientID: c.ID, Text: "p", Due: due}, due.AddDays(-5))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case cancelOn.Valid():
			_, err = s.CancelPromise(p.ID, cancelOn, "no longer needed", today)
		case kept.Valid():
			_, err = s.KeepPromise(p.ID, kept)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	add(today.AddDays(-90), today.AddDays(-91), 0) // in the window, kept early: on time
	add(today.AddDays(-1), today.AddDays(-1), 0)   // on time, on the due day
	add(today.AddDays(-10), today.AddDays(-9), 0)  // kept late
	add(today.AddDays(-5), 0, 0)                   // still open, overdue
	add(today.AddDays(-6), 0, today.AddDays(-6))   // cancelled on its due date: not counted
	add(today.AddDays(-7), 0, today.AddDays(-2))   // cancelled after its due date: broken
	add(today.AddDays(-91), today.AddDays(-95), 0) // before the window
	add(today, today, 0)                           // due today: excluded
	share, n, err := s.Reliability(today)
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 || math.Abs(share-0.4) > 1e-9 {
		t.Errorf("Reliability = %v over %d, want 0.4 over 5 (a late cancellation is broken)", share, n)
	}
	if share, n, _ := s.Reliability(d("2000-01-01")); n != 0 || share != 0 {
		t.Errorf("no promises: %v over %d", share, n)
	}
}

func TestUpdatePromise(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	a, _ := s.AddPromise(model.Promise{ClientID: c.ID, Text: "a", Due: d("2026-11-28")}, d("2026-11-27"))
	b, _ := s.AddPromise(model.Promise{ClientID: c.ID, Text: "b", Due: d("2026-11-29")}, d("2026-11-27"))
	edited := a
	edited.Due, edited.Text = d("2026-12-05"), "a, later"
	a2, err := s.EditPromise(a, edited)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := s.Promises(false)
	if len(rows) != 2 || rows[0].ID != b.ID || rows[1].Text != "a, later" || a2.Rev <= a.Rev {
		t.Errorf("after moving a's due date: %+v (revision %d, was %d)", rows, a2.Rev, a.Rev)
	}
	cleared := a2
	cleared.Due = 0
	if _, err := s.EditPromise(a2, cleared); problemCode(err) != "missing_due" {
		t.Errorf("clearing the due date = %v", err)
	}
	// A whole-record save from the copy read before the edit is refused.
	a.Text = "stale"
	if err := s.UpdatePromise(a); !errors.Is(err, ErrConflict) {
		t.Errorf("UpdatePromise from a stale copy = %v, want ErrConflict", err)
	}
	missing := model.Promise{ID: 99, ClientID: c.ID, Text: "x", Due: d("2026-12-01")}
	if _, err := s.EditPromise(missing, missing); problemCode(err) != "unknown_promise_id" {
		t.Errorf("updating a missing promise = %v", err)
	}
	if code, err := s.Undo(); err != nil || code != ActEditPromise {
		t.Fatalf("Undo = %q, %v", code, err)
	}
	if got, _ := s.Promises(false); got[0].ID != a.ID {
		t.Errorf("undo did not move a back first: %+v", got)
	}
}
