package storage

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// published records items as a sync would after uploading them.
func published(t *testing.T, s *Store, url string, items ...SyncItem) {
	t.Helper()
	if _, _, err := s.ApplySync(SyncApply{Now: time.Now(), DBID: "abc", URL: url, From: 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSync(SyncSave{Put: items, Before: time.Now()}); err != nil {
		t.Fatal(err)
	}
}

func TestSyncUIDRoundTrip(t *testing.T) {
	for _, k := range []SyncKey{{SyncTask, 1}, {SyncPromise, 42}, {SyncBid, 7}, {SyncPapers, 1<<53 - 1}} {
		uid := SyncUID("0a1b2c", k)
		got, ok := ParseSyncUID("0a1b2c", uid)
		if !ok || got != k {
			t.Errorf("%s → %+v %v, want %+v", uid, got, ok, k)
		}
		if _, ok := ParseSyncUID("ffffff", uid); ok {
			t.Errorf("%s parsed as another database's", uid)
		}
	}
	for _, bad := range []string{"salesplan-0a1b2c-task-0", "salesplan-0a1b2c-task-07", "salesplan-0a1b2c-note-3",
		"salesplan-0a1b2c-task-", "salesplan-0a1b2c-task-1x", "dentist-1"} {
		if k, ok := ParseSyncUID("0a1b2c", bad); ok {
			t.Errorf("%q parsed as %+v", bad, k)
		}
	}
}

func TestSyncSnapshotWindow(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	c := mustClient(t, s, "王总", model.TierKey, today.AddDays(-90))
	in := mustTask(t, s, model.Task{Title: "in", Date: today.AddDays(-30), ClientID: c.ID})
	doneIn := mustTask(t, s, model.Task{Title: "done in", Date: today.AddDays(-10), Done: true, DoneOn: today.AddDays(-10)})
	before := mustTask(t, s, model.Task{Title: "open before", Date: today.AddDays(-31)})
	mustTask(t, s, model.Task{Title: "done before", Date: today.AddDays(-31), Done: true, DoneOn: today.AddDays(-31)})
	mustTask(t, s, model.Task{Title: "inbox"})
	open, err := s.AddPromise(model.Promise{ClientID: c.ID, Text: "open", Due: today.AddDays(-200)}, today.AddDays(-300))
	if err != nil {
		t.Fatal(err)
	}
	bid, err := s.AddProject(model.Project{Name: "bid", ClientID: c.ID, Stage: model.StageDesign, BidDate: today.AddDays(3)}, today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddProject(model.Project{Name: "signed", ClientID: c.ID, Stage: model.StageContract, BidDate: today.AddDays(3)}, today); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddProject(model.Project{Name: "past", ClientID: c.ID, Stage: model.StageBidding, BidDate: today.AddDays(-40)}, today.AddDays(-60)); err != nil {
		t.Fatal(err)
	}
	snap, err := s.SyncSnapshot(today.AddDays(-30))
	if err != nil {
		t.Fatal(err)
	}
	// Open tasks however old; done ones from the window's first day on; in
	// date order; never the inbox.
	var got []model.ID
	for _, tk := range snap.Tasks {
		got = append(got, tk.ID)
	}
	if want := []model.ID{before.ID, in.ID, doneIn.ID}; !slices.Equal(got, want) {
		t.Errorf("tasks %+v, want the open one before the window, then the two in it", snap.Tasks)
	}
	if len(snap.Promises) != 1 || snap.Promises[0].ID != open.ID {
		t.Errorf("promises %+v, want the open one however old", snap.Promises)
	}
	if len(snap.Bids) != 1 || snap.Bids[0].ID != bid.ID {
		t.Errorf("bids %+v, want the design project's only", snap.Bids)
	}
	if snap.Clients[c.ID].Name != "王总" || snap.Projects[bid.ID] != "bid" {
		t.Errorf("names %+v %+v", snap.Clients, snap.Projects)
	}
	if snap.Meta.DBID != "" || len(snap.Items) != 0 {
		t.Errorf("a database never synced has state %+v", snap.Meta)
	}
}

// TestSyncChangeTimes: an action on a published task records when it was
// changed here (for conflicts); one on an unpublished task, or the sync's
// own take-back, does not.
func TestSyncChangeTimes(t *testing.T) {
	s := newStore(t)
	pub := mustTask(t, s, model.Task{Title: "published", Date: d("2026-11-27")})
	other := mustTask(t, s, model.Task{Title: "not published", Date: d("2026-11-27")})
	pubKey := SyncKey{SyncTask, pub.ID}
	published(t, s, "http://x/cal/", SyncItem{Key: pubKey, UID: "u", Href: "/cal/u.ics", ETag: "e1", Start: pub.Date})

	changed := func(k SyncKey) time.Time {
		var at time.Time
		_ = s.view(func(tx *bolt.Tx) error { at = changedAt(syncBucket(tx), k); return nil })
		return at
	}
	before := time.Now()
	for _, task := range []model.Task{pub, other} {
		task.Title += "!"
		if err := s.UpdateTask(task); err != nil {
			t.Fatal(err)
		}
	}
	if at := changed(pubKey); at.Before(before) || at.After(time.Now()) {
		t.Errorf("published task changed at %v, want now", at)
	}
	if at := changed(SyncKey{SyncTask, other.ID}); !at.IsZero() {
		t.Errorf("an unpublished task has a change time %v", at)
	}
	// An undo is a change here too.
	mark := changed(pubKey)
	time.Sleep(2 * time.Millisecond)
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if !changed(pubKey).After(mark) {
		t.Error("undo did not record a change")
	}
	// Saving the upload clears a change made before the sync began.
	if err := s.SaveSync(SyncSave{Put: []SyncItem{{Key: pubKey, UID: "u", Href: "/cal/u.ics", ETag: "e2"}}, Before: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if at := changed(pubKey); !at.IsZero() {
		t.Errorf("change time %v kept after it was sent", at)
	}
}

func TestApplySyncMoveAndConflicts(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	c := mustClient(t, s, "王总", model.TierKey, today.AddDays(-90))
	task := mustTask(t, s, model.Task{Title: "拜访", Kind: model.TaskVisit, ClientID: c.ID, Date: today, Time: model.ClockAt(14, 0)})
	key := SyncKey{SyncTask, task.ID}
	url := "http://x/cal/"
	published(t, s, url, SyncItem{Key: key, UID: "u", Href: "/cal/u.ics", ETag: "e1", Start: today, Time: model.ClockAt(14, 0), ClientID: c.ID, What: task.Title})
	notes := SyncNotes{PhoneWon: "P %s %s %s", HereWon: "H %s %s %s", MovedDone: "D %s %s", MovedDeleted: "X %s %s"}
	back := SyncBack{Key: key, Href: "/cal/u.ics", ETag: "e2", UID: "u", Date: today.AddDays(1), Time: model.ClockAt(9, 0),
		SentDate: today, SentTime: model.ClockAt(14, 0)}

	// Dry run: the outcome, nothing written.
	revBefore, _ := s.Revision()
	_, out, err := s.ApplySync(SyncApply{Today: today, From: today, Now: time.Now(), URL: url, Back: []SyncBack{{}}[:0], DryRun: true})
	if err != nil || len(out) != 0 {
		t.Fatal(out, err)
	}
	back.At = time.Now()
	_, out, err = s.ApplySync(SyncApply{Today: today, From: today, Now: time.Now(), NoteAt: time.Now(), URL: url, Back: []SyncBack{back}, Notes: notes, DryRun: true})
	if err != nil || len(out) != 1 || out[0].Action != SyncMoved {
		t.Fatalf("dry run %+v %v", out, err)
	}
	if got, _ := s.Task(task.ID); got.Date != today {
		t.Fatal("the dry run moved the task")
	}
	if rev, _ := s.Revision(); rev != revBefore {
		t.Fatal("the dry run bumped the revision")
	}

	// Moved on the phone, unchanged here: moved.
	snap, out, err := s.ApplySync(SyncApply{Today: today, From: today, Now: time.Now(), NoteAt: time.Now(), URL: url, Back: []SyncBack{back}, Notes: notes})
	if err != nil || len(out) != 1 || out[0].Action != SyncMoved || out[0].Conflict {
		t.Fatalf("move %+v %v", out, err)
	}
	got, _ := s.Task(task.ID)
	if got.Date != today.AddDays(1) || got.Time != model.ClockAt(9, 0) || got.Slot != model.SlotMorning {
		t.Fatalf("task %+v after the move", got)
	}
	if it := snap.Items[key]; it.ETag != "e2" || it.Hash != "" || it.Start != today.AddDays(1) {
		t.Fatalf("state after the move %+v: the new ETag, sent again", it)
	}

	// Both moved; here later: kept here, the phone's start in the journal.
	got.Date = today.AddDays(5)
	if err := s.UpdateTask(got); err != nil {
		t.Fatal(err)
	}
	back2 := back
	back2.ETag, back2.Date, back2.Time = "e3", today.AddDays(2), 0
	back2.SentDate, back2.SentTime = today.AddDays(1), model.ClockAt(9, 0)
	back2.At = time.Now().Add(-time.Hour)
	_, out, err = s.ApplySync(SyncApply{Today: today, From: today, Now: time.Now(), NoteAt: time.Now(), URL: url, Back: []SyncBack{back2}, Notes: notes})
	if err != nil || len(out) != 1 || out[0].Action != SyncHereWon || !out[0].Noted {
		t.Fatalf("conflict %+v %v", out, err)
	}
	if got, _ := s.Task(task.ID); got.Date != today.AddDays(5) {
		t.Fatalf("the later change here was overwritten: %s", got.Date)
	}
	detail, _ := s.ClientDetail(c.ID, today, 0)
	if len(detail.Journal) != 1 || detail.Journal[0].Text != "H 拜访 2026-11-29 2026-12-02 09:00" {
		t.Fatalf("journal %+v", detail.Journal)
	}

	// Done here, moved on the phone: stays done, noted.
	if _, err := s.CompleteTask(task.ID, today, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	back3 := back2
	back3.ETag, back3.SentDate, back3.SentTime, back3.At = "e4", today.AddDays(2), 0, time.Now()
	back3.Date = today.AddDays(3)
	_, out, err = s.ApplySync(SyncApply{Today: today, From: today, Now: time.Now(), NoteAt: time.Now(), URL: url, Back: []SyncBack{back3}, Notes: notes})
	if err != nil || out[0].Action != SyncIgnoredDone {
		t.Fatalf("done %+v %v", out, err)
	}
	if got, _ := s.Task(task.ID); !got.Done || got.Date != today.AddDays(5) {
		t.Fatalf("a done task moved: %+v", got)
	}

	// Another calendar: the state starts over.
	snap, _, err = s.ApplySync(SyncApply{Today: today, From: today, Now: time.Now(), URL: "http://y/cal/"})
	if err != nil || len(snap.Items) != 0 || snap.Meta.DBID != "abc" {
		t.Fatalf("after a URL change: %d items, dbid %q, %v", len(snap.Items), snap.Meta.DBID, err)
	}
}

func TestApplySyncKeepsPromise(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	c := mustClient(t, s, "ACME", model.TierRegular, today.AddDays(-90))
	p, err := s.AddPromise(model.Promise{ClientID: c.ID, Text: "quote", Due: today}, today.AddDays(-2))
	if err != nil {
		t.Fatal(err)
	}
	key := SyncKey{SyncPromise, p.ID}
	published(t, s, "http://x/cal/", SyncItem{Key: key, UID: "u", Href: "/cal/u.ics", ETag: "e1", ClientID: c.ID})
	// Completed "before it was made" and "in the future": clamped to the range.
	for _, on := range []model.Date{today.AddDays(-10), today.AddDays(10)} {
		_, out, err := s.ApplySync(SyncApply{Today: today, From: today, Now: time.Now(), URL: "http://x/cal/",
			Back: []SyncBack{{Key: key, Href: "/cal/u.ics", ETag: "e2", Completed: true, On: on, At: time.Now()}}, DryRun: true})
		if err != nil || out[0].Action != SyncKept || out[0].Date < p.MadeOn || out[0].Date > today {
			t.Fatalf("completed on %s: %+v %v", on, out, err)
		}
	}
	_, out, err := s.ApplySync(SyncApply{Today: today, From: today, Now: time.Now(), URL: "http://x/cal/",
		Back: []SyncBack{{Key: key, Href: "/cal/u.ics", ETag: "e2", Completed: true, On: today.AddDays(-1), At: time.Now()}}})
	if err != nil || out[0].Action != SyncKept {
		t.Fatal(out, err)
	}
	rows, _ := s.Promises(true)
	if rows[0].Status != model.PromiseKept || rows[0].KeptOn != today.AddDays(-1) {
		t.Fatalf("promise %+v", rows[0].Promise)
	}
	if code, err := s.Undo(); err != nil || code != ActSync {
		t.Fatalf("undo %q %v", code, err)
	}
}

// TestSyncStateOutsideExchange: the sync's state and the caldav settings
// are not part of the exchange document, and check accepts a synced file.
func TestSyncStateOutsideExchange(t *testing.T) {
	s := newStore(t)
	if err := s.SetSyncConfig(func(c *SyncConfig) error { c.URL, c.User = "https://dav.example.com/cal/", "rep"; return nil }); err != nil {
		t.Fatal(err)
	}
	published(t, s, "https://dav.example.com/cal/", SyncItem{Key: SyncKey{SyncTask, 1}, UID: "u", ETag: "e"})
	var buf bytes.Buffer
	if err := s.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "dav.example.com") {
		t.Error("the export carries the calendar URL")
	}
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	c, err := s.SyncConfig()
	if err != nil || c.User != "rep" {
		t.Fatalf("config %+v %v", c, err)
	}
}

// The settings screen saves the settings and the calendar in one
// transaction, each only where it changed: a caldav.user set elsewhere
// meanwhile survives a save of the URL, the same key changed both here
// and elsewhere is refused with both as stored now, and a save with the
// calendar only leaves no undo step.
func TestEditSettingsSync(t *testing.T) {
	s := newStore(t)
	set, _ := s.Settings()
	seen := SettingsSync{Settings: set}
	if err := s.SetSyncConfig(func(c *SyncConfig) error { c.User = "rep"; return nil }); err != nil {
		t.Fatal(err)
	}
	edited := seen
	edited.Sync.URL = "https://dav.example.com/rep/work/"
	got, err := s.EditSettingsSync(seen, edited)
	if err != nil || got.Sync != (SyncConfig{URL: "https://dav.example.com/rep/work/", User: "rep"}) {
		t.Fatalf("EditSettingsSync = %+v, %v", got.Sync, err)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("a save of the calendar alone left an undo step (%v)", err)
	}
	// Both at once, one transaction.
	seen2 := got
	edited = seen2
	edited.Settings.CallsPerDay, edited.Sync.User = 25, "rep2"
	if got, err = s.EditSettingsSync(seen2, edited); err != nil || got.Settings.CallsPerDay != 25 || got.Sync.User != "rep2" {
		t.Fatalf("both: %+v, %v", got, err)
	}
	if c, _ := s.SyncConfig(); c.User != "rep2" {
		t.Errorf("stored user %q", c.User)
	}
	// The URL changed elsewhere and here: refused, the fresh state with it.
	if err := s.SetSyncConfig(func(c *SyncConfig) error { c.URL = "https://other.example.com/cal/"; return nil }); err != nil {
		t.Fatal(err)
	}
	edited = got
	edited.Sync.URL = "https://third.example.com/cal/"
	_, err = s.EditSettingsSync(got, edited)
	var ce *ConflictError
	if !errors.As(err, &ce) || !slices.Contains(ce.Fields, "caldav.url") {
		t.Fatalf("conflict = %v", err)
	}
	if fresh, ok := ce.Fresh.(SettingsSync); !ok || fresh.Sync.URL != "https://other.example.com/cal/" || fresh.Settings.CallsPerDay != 25 {
		t.Errorf("fresh = %+v", ce.Fresh)
	}
	if c, _ := s.SyncConfig(); c.URL != "https://other.example.com/cal/" {
		t.Errorf("the refused save wrote the URL: %q", c.URL)
	}
}
