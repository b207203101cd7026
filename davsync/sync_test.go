package davsync

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"salesplan/davsync/davtest"
	"salesplan/model"
	"salesplan/storage"
)

func TestMain(m *testing.M) {
	// The product is used at +08:00: civil times must survive the trip
	// through the UTC times on the server, whatever the machine's zone.
	time.Local = time.FixedZone("CST", 8*3600)
	if os.Getenv(envKillChild) != "" {
		os.Exit(killChild())
	}
	code := m.Run()
	davtest.StopShared()
	os.Exit(code)
}

var today = model.MakeDate(2026, 11, 27)

// fixture is a database with a little of everything, and a calendar.
type fixture struct {
	t       *testing.T
	srv     *davtest.Server
	st      *storage.Store
	db      string
	cal     string
	client  model.Client // 王总, key client
	timed   model.Task   // visit 王总 on 12-02 14:00
	allDay  model.Task   // call on 11-30, no time
	done    model.Task   // done 11-20 (in the window)
	old     model.Task   // done, 2026-09-01: before the window
	noDate  model.Task   // inbox
	promise model.Promise
	kept    model.Promise
	project model.Project // bidding, bid 2026-12-07 (a Monday)
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv := davtest.SharedServer(t)
	f := &fixture{t: t, srv: srv, db: filepath.Join(t.TempDir(), "salesplan.db")}
	st, err := storage.Open(f.db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.st = st
	f.cal = srv.NewCalendar(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	f.client, err = st.AddClient(model.Client{Name: "王总", Tier: model.TierKey, Phone: "138 0000 0000", Area: "朝阳"}, today.AddDays(-100))
	must(err)
	f.project, err = st.AddProject(model.Project{Name: "望京冷站改造", ClientID: f.client.ID, Stage: model.StageBidding,
		BidDate: model.MakeDate(2026, 12, 7)}, today.AddDays(-20))
	must(err)
	f.timed, err = st.AddTask(model.Task{Title: "拜访王总，带样品", Kind: model.TaskVisit, ClientID: f.client.ID,
		Date: model.MakeDate(2026, 12, 2), Time: model.ClockAt(14, 0)})
	must(err)
	f.allDay, err = st.AddTask(model.Task{Title: "Call \x1b]8;;http://evil\x07back\x1b]8;;\x07 ACME\r", Kind: model.TaskCall,
		Date: model.MakeDate(2026, 11, 30)})
	must(err)
	f.done, err = st.AddTask(model.Task{Title: "Send the quote", Date: model.MakeDate(2026, 11, 20), Done: true, DoneOn: model.MakeDate(2026, 11, 20)})
	must(err)
	f.old, err = st.AddTask(model.Task{Title: "Old call", Kind: model.TaskCall, Date: model.MakeDate(2026, 9, 1),
		Done: true, DoneOn: model.MakeDate(2026, 9, 1)})
	must(err)
	f.noDate, err = st.AddTask(model.Task{Title: "Someday"})
	must(err)
	f.promise, err = st.AddPromise(model.Promise{ClientID: f.client.ID, Text: "发报价单; 含税, 12 个月质保", Due: model.MakeDate(2026, 11, 30)}, today.AddDays(-3))
	must(err)
	f.kept, err = st.AddPromise(model.Promise{ClientID: f.client.ID, Text: "Brochure", Due: today}, today.AddDays(-5))
	must(err)
	_, err = st.KeepPromise(f.kept.ID, today.AddDays(-1))
	must(err)
	must(st.SetSyncConfig(func(c *storage.SyncConfig) error { c.URL, c.User = f.cal, davtest.User; return nil }))
	return f
}

func (f *fixture) options() Options {
	return Options{Store: f.st, DBPath: f.db, Password: davtest.Password, PasswordSet: true, Today: today}
}

func (f *fixture) sync() Report {
	f.t.Helper()
	rep, err := Run(context.Background(), f.options())
	if err != nil {
		f.t.Fatalf("sync: %v", err)
	}
	return rep
}

// href is the server URL of an item.
func (f *fixture) href(k storage.SyncKey) string {
	f.t.Helper()
	m, err := f.st.SyncMeta()
	if err != nil {
		f.t.Fatal(err)
	}
	return f.cal + storage.SyncUID(m.DBID, k) + ".ics"
}

func taskKey(t model.Task) storage.SyncKey { return storage.SyncKey{Kind: storage.SyncTask, ID: t.ID} }
func promiseKey(p model.Promise) storage.SyncKey {
	return storage.SyncKey{Kind: storage.SyncPromise, ID: p.ID}
}

func TestPublish(t *testing.T) {
	f := newFixture(t)
	rep := f.sync()
	// timed, all-day, done (in the window), the open promise, bid, papers.
	if rep.Published != 6 || rep.Created != 6 || rep.Updated != 0 || rep.Removed != 0 {
		t.Fatalf("report %+v, want 6 published and created", rep)
	}
	if got := len(f.srv.Files(t, f.cal)); got != 6 {
		t.Fatalf("%d files on the server, want 6", got)
	}
	for _, absent := range []model.Task{f.old, f.noDate} {
		if body := f.srv.Get(t, f.href(taskKey(absent))); body != "" {
			t.Errorf("task %q published:\n%s", absent.Title, body)
		}
	}
	if f.srv.Get(t, f.href(promiseKey(f.kept))) != "" {
		t.Error("a kept promise was published")
	}

	timed := unfold(f.srv.Get(t, f.href(taskKey(f.timed))))
	loc := time.Local
	start := time.Date(2026, 12, 2, 14, 0, 0, 0, loc).UTC()
	for _, want := range []string{
		"BEGIN:VEVENT", "SUMMARY:拜访王总，带样品", "DTSTART:" + start.Format("20060102T150405Z"),
		"DTEND:" + start.Add(time.Hour).Format("20060102T150405Z"), "TRIGGER:-PT15M", "LOCATION:朝阳",
		"138 0000 0000", "BEGIN:VALARM",
	} {
		if !strings.Contains(timed, want) {
			t.Errorf("timed task lacks %q:\n%s", want, timed)
		}
	}
	allDay := unfold(f.srv.Get(t, f.href(taskKey(f.allDay))))
	for _, want := range []string{"DTSTART;VALUE=DATE:20261130", "DTEND;VALUE=DATE:20261201", "TRIGGER:PT9H", "SUMMARY:Call back ACME"} {
		if !strings.Contains(allDay, want) {
			t.Errorf("all-day task lacks %q:\n%s", want, allDay)
		}
	}
	if strings.ContainsAny(allDay, "\x1b\x07") || strings.Contains(allDay, "evil") {
		t.Errorf("escape sequences reached the calendar:\n%q", allDay)
	}
	done := unfold(f.srv.Get(t, f.href(taskKey(f.done))))
	if !strings.Contains(done, "SUMMARY:✓ Send the quote") || strings.Contains(done, "VALARM") {
		t.Errorf("a done task is marked and has no alarm:\n%s", done)
	}
	promise := unfold(f.srv.Get(t, f.href(promiseKey(f.promise))))
	nineBefore := time.Date(2026, 11, 29, 9, 0, 0, 0, loc).UTC().Format("20060102T150405Z")
	nineOn := time.Date(2026, 11, 30, 9, 0, 0, 0, loc).UTC().Format("20060102T150405Z")
	for _, want := range []string{"BEGIN:VTODO", "DUE;VALUE=DATE:20261130", "STATUS:NEEDS-ACTION",
		"SUMMARY:Promise to 王总: 发报价单\\; 含税\\, 12 个月质保", "TRIGGER;VALUE=DATE-TIME:" + nineBefore, "TRIGGER;VALUE=DATE-TIME:" + nineOn} {
		if !strings.Contains(promise, want) {
			t.Errorf("promise lacks %q:\n%s", want, promise)
		}
	}
	bid := unfold(f.srv.Get(t, f.href(storage.SyncKey{Kind: storage.SyncBid, ID: f.project.ID})))
	papers := unfold(f.srv.Get(t, f.href(storage.SyncKey{Kind: storage.SyncPapers, ID: f.project.ID})))
	// A Monday bid: papers due the Thursday before (DESIGN.md §2).
	for name, c := range map[string][]string{
		bid:    {"DTSTART;VALUE=DATE:20261207", "SUMMARY:Bid: 望京冷站改造", "TRIGGER:-PT15H", "TRIGGER:PT9H"},
		papers: {"DTSTART;VALUE=DATE:20261203", "SUMMARY:Bid papers due: 望京冷站改造 (bid 2026-12-07)", "TRIGGER:-PT15H", "TRIGGER:PT9H"},
	} {
		for _, want := range c {
			if !strings.Contains(name, want) {
				t.Errorf("bid item lacks %q:\n%s", want, name)
			}
		}
	}
	// Stable UIDs: the same item keeps its UID from sync to sync.
	uid := regexp.MustCompile(`UID:(\S+)`).FindStringSubmatch(timed)
	if len(uid) != 2 || !strings.HasSuffix(uid[1], "-task-"+itoa(f.timed.ID)) {
		t.Fatalf("uid %v", uid)
	}
}

func itoa(id model.ID) string { return strconv.FormatUint(uint64(id), 10) }

// unfold undoes iCalendar line folding (Radicale re-folds what it stores).
func unfold(s string) string {
	return strings.NewReplacer("\r\n ", "", "\r\n\t", "", "\r\n", "\n").Replace(s)
}

// TestOpenTaskOfAnyAgePublished: an open task older than the window is
// still something the rep must do: it goes to the phone however old, and
// stays there as today moves on; done, it keeps the window (WindowDays) and
// leaves the phone. The fixture's done task of 2026-09-01 stays away.
func TestOpenTaskOfAnyAgePublished(t *testing.T) {
	f := newFixture(t)
	overdue, err := f.st.AddTask(model.Task{Title: "Call back 李经理 about the pump curves", Kind: model.TaskCall,
		ClientID: f.client.ID, Date: model.MakeDate(2026, 9, 1), Time: model.ClockAt(10, 0), Important: true})
	if err != nil {
		t.Fatal(err)
	}
	ancient, err := f.st.AddTask(model.Task{Title: "Send the 2023 catalogue", Date: model.MakeDate(2023, 3, 6)})
	if err != nil {
		t.Fatal(err)
	}
	rep := f.sync()
	// The fixture's six, and the two open tasks older than the window.
	if rep.Published != 8 || rep.Created != 8 {
		t.Fatalf("report %+v, want 8 published", rep)
	}
	body := unfold(f.srv.Get(t, f.href(taskKey(overdue))))
	start := time.Date(2026, 9, 1, 10, 0, 0, 0, time.Local).UTC().Format("20060102T150405Z")
	for _, want := range []string{"BEGIN:VEVENT", "SUMMARY:Call back 李经理 about the pump curves", "DTSTART:" + start} {
		if !strings.Contains(body, want) {
			t.Errorf("the overdue open task lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "✓") {
		t.Errorf("an open task is marked done:\n%s", body)
	}
	if body := unfold(f.srv.Get(t, f.href(taskKey(ancient)))); !strings.Contains(body, "DTSTART;VALUE=DATE:20230306") {
		t.Errorf("the three-year-old open task is not on the phone:\n%s", body)
	}
	if f.srv.Get(t, f.href(taskKey(f.old))) != "" {
		t.Error("a done task older than the window was published")
	}

	// Months later the open ones are still there; nothing changed, nothing sent.
	o := f.options()
	o.Today = today.AddDays(90)
	if rep, err := Run(context.Background(), o); err != nil || f.srv.Get(t, f.href(taskKey(ancient))) == "" {
		t.Fatalf("90 days on: %+v %v; the open task left the phone", rep, err)
	}

	// Done, an old task is outside the window: it leaves the phone.
	if _, err := f.st.CompleteTask(overdue.ID, today, time.Time{}, ""); err != nil {
		t.Fatal(err)
	}
	if rep := f.sync(); rep.Removed != 1 || f.srv.Get(t, f.href(taskKey(overdue))) != "" {
		t.Fatalf("report %+v; the old task, done, is still on the phone", rep)
	}
	if f.srv.Get(t, f.href(taskKey(ancient))) == "" {
		t.Error("the other open task left the phone")
	}
}

func TestSecondSyncSendsNothing(t *testing.T) {
	f := newFixture(t)
	f.sync()
	rev, _ := f.st.Revision()
	rep := f.sync()
	if rep.Created+rep.Updated+rep.Removed != 0 || len(rep.Back) != 0 {
		t.Fatalf("second sync did something: %+v", rep)
	}
	// One sync-collection REPORT: what changed since the last sync (nothing).
	if rep.Requests != 1 || rep.ByMethod["REPORT"] != 1 {
		t.Fatalf("second sync made %d requests %v, want one REPORT", rep.Requests, rep.ByMethod)
	}
	if m, _ := f.st.SyncMeta(); m.SyncToken == "" {
		t.Fatal("no sync token kept")
	}
	if after, _ := f.st.Revision(); after != rev {
		t.Errorf("a sync that took nothing back bumped the revision %d → %d", rev, after)
	}
	// One change here: one PUT, with If-Match (the If-Match path works).
	task := f.timed
	task.Title = "拜访王总，带样品和合同"
	if err := f.st.UpdateTask(task); err != nil {
		t.Fatal(err)
	}
	rep = f.sync()
	if rep.Updated != 1 || rep.Created != 0 || rep.Requests != 2 || rep.ByMethod["PUT"] != 1 {
		t.Fatalf("after one edit: %+v, want 1 update in 2 requests", rep)
	}
	if body := unfold(f.srv.Get(t, f.href(taskKey(f.timed)))); !strings.Contains(body, "带样品和合同") {
		t.Errorf("the edit did not reach the server:\n%s", body)
	}
}

// phoneEdit rewrites an object on the server as a phone would: replace
// lines, add LAST-MODIFIED.
func (f *fixture) phoneEdit(k storage.SyncKey, lastModified time.Time, replace ...string) {
	f.t.Helper()
	url := f.href(k)
	body := unfold(f.srv.Get(f.t, url))
	if body == "" {
		f.t.Fatalf("no object at %s", url)
	}
	for i := 0; i+1 < len(replace); i += 2 {
		re := regexp.MustCompile(`(?m)^` + replace[i] + `.*$`)
		if !re.MatchString(body) {
			f.t.Fatalf("no %q line in\n%s", replace[i], body)
		}
		body = re.ReplaceAllLiteralString(body, replace[i+1])
	}
	body = regexp.MustCompile(`(?m)^LAST-MODIFIED:.*\n`).ReplaceAllString(body, "")
	body = strings.Replace(body, "\nBEGIN:VALARM", "\nLAST-MODIFIED:"+lastModified.UTC().Format("20060102T150405Z")+"\nBEGIN:VALARM", 1)
	if !strings.Contains(body, "LAST-MODIFIED") {
		body = strings.Replace(body, "\nEND:VEVENT", "\nLAST-MODIFIED:"+lastModified.UTC().Format("20060102T150405Z")+"\nEND:VEVENT", 1)
		body = strings.Replace(body, "\nEND:VTODO", "\nLAST-MODIFIED:"+lastModified.UTC().Format("20060102T150405Z")+"\nEND:VTODO", 1)
	}
	f.srv.Put(f.t, url, strings.ReplaceAll(body, "\n", "\r\n"))
}

func TestCompletedOnPhoneIsKept(t *testing.T) {
	f := newFixture(t)
	f.sync()
	k := promiseKey(f.promise)
	f.phoneEdit(k, time.Now(), "STATUS:", "STATUS:COMPLETED\nCOMPLETED:20261126T020000Z")
	rep := f.sync()
	if len(rep.Back) != 1 || rep.Back[0].Action != storage.SyncKept || rep.Back[0].Conflict {
		t.Fatalf("outcomes %+v, want one kept", rep.Back)
	}
	rows, err := f.st.Promises(true)
	if err != nil {
		t.Fatal(err)
	}
	want := model.DateOf(time.Date(2026, 11, 26, 2, 0, 0, 0, time.UTC).In(time.Local))
	for _, r := range rows {
		if r.ID == f.promise.ID && (r.Status != model.PromiseKept || r.KeptOn != want) {
			t.Fatalf("promise is %s on %s, want kept on %s", r.Status, r.KeptOn, want)
		}
	}
	// Kept here: it ended, so it is removed there.
	if rep.Removed != 1 || f.srv.Get(t, f.href(k)) != "" {
		t.Fatalf("the kept promise's to-do is still on the server (%+v)", rep)
	}
	// And the next sync has nothing to do.
	if rep := f.sync(); rep.Requests != 1 || len(rep.Back) != 0 {
		t.Fatalf("after take-back: %+v", rep)
	}
}

func TestMovedOnPhoneMovesTask(t *testing.T) {
	f := newFixture(t)
	f.sync()
	// Moved to 12-03 10:30 local time, as a phone writes it (with a TZID-less UTC time).
	start := time.Date(2026, 12, 3, 10, 30, 0, 0, time.Local).UTC()
	f.phoneEdit(taskKey(f.timed), time.Now(),
		"DTSTART", "DTSTART:"+start.Format("20060102T150405Z"),
		"DTEND", "DTEND:"+start.Add(time.Hour).Format("20060102T150405Z"))
	// The all-day one moved to another day, still all day.
	f.phoneEdit(taskKey(f.allDay), time.Now(), "DTSTART", "DTSTART;VALUE=DATE:20261201", "DTEND", "DTEND;VALUE=DATE:20261202")
	rep := f.sync()
	if len(rep.Back) != 2 {
		t.Fatalf("outcomes %+v, want two moves", rep.Back)
	}
	got, err := f.st.Task(f.timed.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != model.MakeDate(2026, 12, 3) || got.Time != model.ClockAt(10, 30) || got.Title != f.timed.Title {
		t.Fatalf("task is %s %s %q, want 2026-12-03 10:30", got.Date, got.Time, got.Title)
	}
	if got, _ := f.st.Task(f.allDay.ID); got.Date != model.MakeDate(2026, 12, 1) || got.Time.Valid() {
		t.Fatalf("all-day task is %s %s, want 2026-12-01 all day", got.Date, got.Time)
	}
	// salesplan's version goes back up (alarm and marker kept), once.
	body := unfold(f.srv.Get(t, f.href(taskKey(f.timed))))
	if !strings.Contains(body, markerProp+":2026-12-03T10:30") || !strings.Contains(body, "TRIGGER:-PT15M") {
		t.Errorf("server copy after the move:\n%s", body)
	}
	if rep := f.sync(); rep.Requests != 1 || len(rep.Back) != 0 {
		t.Fatalf("after the move the next sync did %+v", rep)
	}
	// The take-back is one undoable step.
	if code, err := f.st.Undo(); err != nil || code != storage.ActSync {
		t.Fatalf("undo = %q, %v; want the sync", code, err)
	}
	if got, _ := f.st.Task(f.timed.ID); got.Date != f.timed.Date || got.Time != f.timed.Time {
		t.Fatalf("undo left the task at %s %s", got.Date, got.Time)
	}
}

func TestConflictLaterChangeWins(t *testing.T) {
	phoneStart := time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local).UTC()
	phoneMove := []string{"DTSTART", "DTSTART:" + phoneStart.Format("20060102T150405Z"),
		"DTEND", "DTEND:" + phoneStart.Add(time.Hour).Format("20060102T150405Z")}
	here := model.MakeDate(2026, 12, 4)

	t.Run("phone later", func(t *testing.T) {
		f := newFixture(t)
		f.sync()
		task := f.timed
		task.Date = here
		if err := f.st.UpdateTask(task); err != nil {
			t.Fatal(err)
		}
		f.phoneEdit(taskKey(f.timed), time.Now().Add(time.Hour), phoneMove...)
		rep := f.sync()
		if len(rep.Back) != 1 || rep.Back[0].Action != storage.SyncPhoneWon || !rep.Back[0].Conflict || !rep.Back[0].Noted {
			t.Fatalf("outcomes %+v, want the phone's move to win", rep.Back)
		}
		got, _ := f.st.Task(f.timed.ID)
		if got.Date != model.MakeDate(2026, 12, 3) || got.Time != model.ClockAt(10, 0) {
			t.Fatalf("task at %s %s, want the phone's 2026-12-03 10:00", got.Date, got.Time)
		}
		f.wantNote(t, "2026-12-03 10:00", "2026-12-04 14:00")
	})
	t.Run("here later", func(t *testing.T) {
		f := newFixture(t)
		f.sync()
		f.phoneEdit(taskKey(f.timed), time.Now().Add(-time.Hour), phoneMove...)
		task := f.timed
		task.Date = here
		if err := f.st.UpdateTask(task); err != nil {
			t.Fatal(err)
		}
		rep := f.sync()
		if len(rep.Back) != 1 || rep.Back[0].Action != storage.SyncHereWon || !rep.Back[0].Conflict {
			t.Fatalf("outcomes %+v, want the change here to win", rep.Back)
		}
		got, _ := f.st.Task(f.timed.ID)
		if got.Date != here || got.Time != f.timed.Time {
			t.Fatalf("task at %s %s, want 2026-12-04 14:00", got.Date, got.Time)
		}
		f.wantNote(t, "2026-12-03 10:00", "2026-12-04 14:00")
		// The server has salesplan's date again.
		body := unfold(f.srv.Get(t, f.href(taskKey(f.timed))))
		if !strings.Contains(body, markerProp+":2026-12-04T14:00") {
			t.Errorf("server copy:\n%s", body)
		}
	})
	t.Run("cancelled here, completed later on the phone", func(t *testing.T) {
		f := newFixture(t)
		f.sync()
		if _, err := f.st.CancelPromise(f.promise.ID, today, "client changed supplier", today); err != nil {
			t.Fatal(err)
		}
		f.phoneEdit(promiseKey(f.promise), time.Now().Add(time.Hour), "STATUS:", "STATUS:COMPLETED")
		rep := f.sync()
		if len(rep.Back) != 1 || rep.Back[0].Action != storage.SyncPhoneWon {
			t.Fatalf("outcomes %+v", rep.Back)
		}
		rows, _ := f.st.Promises(true)
		for _, r := range rows {
			if r.ID == f.promise.ID && r.Status != model.PromiseKept {
				t.Fatalf("promise is %s, want kept", r.Status)
			}
		}
		f.wantNote(t, "cancelled here")
	})
}

// wantNote checks that the client's journal has a sync note with all parts.
func (f *fixture) wantNote(t *testing.T, parts ...string) {
	t.Helper()
	d, err := f.st.ClientDetail(f.client.ID, today, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Journal {
		ok := e.Kind == model.EntryNote && strings.HasPrefix(e.Text, "Sync:")
		for _, p := range parts {
			ok = ok && strings.Contains(e.Text, p)
		}
		if ok {
			return
		}
	}
	t.Fatalf("no journal note with %q in %+v", parts, d.Journal)
}

func TestEndedHereRemovedThere(t *testing.T) {
	f := newFixture(t)
	f.sync()
	if err := f.st.DeleteTask(f.allDay.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.KeepPromise(f.promise.ID, today); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.SetStage(f.project.ID, model.StageContract, today, nil, ""); err != nil {
		t.Fatal(err)
	}
	rep := f.sync()
	// the task, the promise, the bid and its papers.
	if rep.Removed != 4 || rep.Created+rep.Updated != 0 {
		t.Fatalf("report %+v, want 4 removed", rep)
	}
	if n := len(f.srv.Files(t, f.cal)); n != 2 {
		t.Fatalf("%d files left, want 2", n)
	}
	// A task that leaves the window (today moves on) is removed too.
	o := f.options()
	o.Today = today.AddDays(35) // the window starts on 12-02: the visit stays
	if rep, err := Run(context.Background(), o); err != nil || rep.Removed != 1 {
		t.Fatalf("window moved: %+v %v, want the done task removed", rep, err)
	}
}

func TestOthersItemsUntouched(t *testing.T) {
	f := newFixture(t)
	mine := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:phone\r\nBEGIN:VEVENT\r\nUID:dentist-1\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261128\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	f.srv.Put(t, f.cal+"dentist-1.ics", mine)
	f.sync()
	// A second database syncing to the same calendar leaves the first's alone.
	other := &fixture{t: t, srv: f.srv, db: filepath.Join(t.TempDir(), "other.db"), cal: f.cal}
	st, err := storage.Open(other.db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	other.st = st
	if err := st.SetSyncConfig(func(c *storage.SyncConfig) error { c.URL, c.User = f.cal, davtest.User; return nil }); err != nil {
		t.Fatal(err)
	}
	if rep := other.sync(); rep.Removed != 0 || rep.Published != 0 {
		t.Fatalf("an empty database's sync: %+v", rep)
	}
	if f.srv.Get(t, f.cal+"dentist-1.ics") == "" {
		t.Fatal("the phone's own event was removed")
	}
	if n := len(f.srv.Files(t, f.cal)); n != 7 {
		t.Fatalf("%d files, want the 6 published and the dentist", n)
	}
}

// dbUnchanged returns a check that the database file is byte for byte as now.
func dbUnchanged(t *testing.T, path string) func() {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		after, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(before, after) {
			t.Error("the database changed")
		}
	}
}

func problemCode(err error) string {
	var p *model.Problem
	if errors.As(err, &p) {
		return p.Code
	}
	return ""
}

func TestFaultsLeaveDatabaseUnchanged(t *testing.T) {
	f := newFixture(t)
	f.sync()
	f.phoneEdit(promiseKey(f.promise), time.Now(), "STATUS:", "STATUS:COMPLETED") // would be taken back

	down, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	downURL := "http://" + down.Addr().String() + "/rep/cal/"
	down.Close() // nothing listens there now

	garbage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html><body>Welcome to our router</body></html>"))
	}))
	defer garbage.Close()
	badXML := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusMultiStatus)
		_, _ = w.Write([]byte("<multistatus xmlns=\"DAV:\"><response><href>/x"))
	}))
	defer badXML.Close()

	for _, tc := range []struct {
		name, url, password, code string
	}{
		{"server down", downURL, davtest.Password, "sync_unreachable"},
		{"wrong password", f.cal, "wrong", "sync_auth"},
		{"garbage", garbage.URL + "/rep/cal/", davtest.Password, "sync_garbage"},
		{"bad xml", badXML.URL + "/rep/cal/", davtest.Password, "sync_garbage"},
		{"no such calendar", f.srv.Base + "/" + davtest.User + "/nope/", davtest.Password, "sync_no_calendar"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := f.st.SetSyncConfig(func(c *storage.SyncConfig) error { c.URL = tc.url; return nil }); err != nil {
				t.Fatal(err)
			}
			check := dbUnchanged(t, f.db)
			o := f.options()
			o.Password = tc.password
			_, err := Run(context.Background(), o)
			if code := problemCode(err); code != tc.code {
				t.Fatalf("error %v (code %q), want %s", err, code, tc.code)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || strings.Contains(msg, tc.password) || strings.Contains(msg, davtest.Password) {
				t.Errorf("message %q: one line, no password", msg)
			}
			check()
		})
	}
	// Back to the real calendar: the completion is taken back now.
	if err := f.st.SetSyncConfig(func(c *storage.SyncConfig) error { c.URL = f.cal; return nil }); err != nil {
		t.Fatal(err)
	}
	if rep := f.sync(); len(rep.Back) != 1 {
		t.Fatalf("after the faults: %+v", rep)
	}
}

// dropAfter lets n requests through, then sends the rest to the server but
// loses their answers: a sync killed after the server did the work and
// before the state was saved.
type dropAfter struct {
	n    int64
	seen atomic.Int64
}

func (d *dropAfter) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if d.seen.Add(1) > d.n {
		if err == nil {
			resp.Body.Close()
		}
		return nil, errors.New("connection lost")
	}
	return resp, err
}

func TestInterruptedSyncIsCompleted(t *testing.T) {
	f := newFixture(t)
	// More items than one state batch, so part is saved and part is not.
	for i := range 150 {
		if _, err := f.st.AddTask(model.Task{Title: "批量任务 " + itoa(model.ID(i+1)), Date: today.AddDays(i % 20)}); err != nil {
			t.Fatal(err)
		}
	}
	o := f.options()
	o.Workers = 1
	o.HTTP = &http.Client{Transport: &dropAfter{n: 120}} // check, list, then 118 uploads
	if _, err := Run(context.Background(), o); problemCode(err) != "sync_unreachable" {
		t.Fatalf("interrupted sync: %v", err)
	}
	rep := f.sync()
	if rep.Published != 156 {
		t.Fatalf("published %d, want 156", rep.Published)
	}
	if n := len(f.srv.Files(t, f.cal)); n != 156 {
		t.Fatalf("%d files on the server, want 156 (no duplicates, none missing)", n)
	}
	if rep := f.sync(); rep.Requests != 1 {
		t.Fatalf("third sync: %+v, want nothing left to do", rep)
	}
}

func TestDryRunChangesNothing(t *testing.T) {
	f := newFixture(t)
	f.sync()
	f.phoneEdit(promiseKey(f.promise), time.Now(), "STATUS:", "STATUS:COMPLETED")
	task := f.timed
	task.Title = "changed"
	if err := f.st.UpdateTask(task); err != nil {
		t.Fatal(err)
	}
	check := dbUnchanged(t, f.db)
	before := f.srv.Get(t, f.href(taskKey(f.timed)))
	o := f.options()
	o.DryRun = true
	rep, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	// The promise would be kept (and so removed); the task sent.
	if len(rep.Back) != 1 || rep.Updated != 1 || rep.Removed != 1 {
		t.Fatalf("dry run %+v", rep)
	}
	if rep.ByMethod["PUT"]+rep.ByMethod["DELETE"] != 0 {
		t.Fatalf("dry run wrote to the server: %v", rep.ByMethod)
	}
	check()
	if f.srv.Get(t, f.href(taskKey(f.timed))) != before {
		t.Error("dry run changed the server")
	}
}

func TestPasswordFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "salesplan.db")
	env := func(string) string { return "" }
	if _, found, err := Password(db, env); found || err != nil {
		t.Fatalf("no file: %v %v", found, err)
	}
	file := PasswordFile(db)
	if filepath.Base(file) != "salesplan.caldav-password" {
		t.Fatalf("password file %s", file)
	}
	if err := os.WriteFile(file, []byte("hunter2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := Password(db, env)
	if problemCode(err) != "sync_password_mode" || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("0644 file: %v", err)
	}
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	if pw, found, err := Password(db, env); pw != "hunter2" || !found || err != nil {
		t.Fatalf("0600 file: %q %v %v", pw, found, err)
	}
	envPW := func(k string) string {
		if k == PasswordEnv {
			return "from-env"
		}
		return ""
	}
	if pw, _, _ := Password(db, envPW); pw != "from-env" {
		t.Fatalf("the environment comes first, got %q", pw)
	}
}

func TestParseURL(t *testing.T) {
	for _, tc := range []struct{ in, want, code string }{
		{"https://dav.example.com/cal/me/work", "https://dav.example.com/cal/me/work/", ""},
		{"http://127.0.0.1:5232/rep/cal/", "http://127.0.0.1:5232/rep/cal/", ""},
		{"https://me:hunter2@dav.example.com/cal/", "", "sync_url_password"},
		{"ftp://example.com/", "", "sync_bad_url"},
		{"dav.example.com/cal", "", "sync_bad_url"},
		{"", "", "sync_bad_url"},
	} {
		u, err := ParseURL(tc.in)
		if code := problemCode(err); code != tc.code {
			t.Errorf("%q: %v, want %q", tc.in, err, tc.code)
			continue
		}
		if err == nil && u.String() != tc.want {
			t.Errorf("%q → %q, want %q", tc.in, u, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%q: the message shows the password: %v", tc.in, err)
		}
	}
}

func TestOneSyncAtATime(t *testing.T) {
	f := newFixture(t)
	unlock, err := lockSync(f.db)
	if err != nil {
		t.Fatal(err)
	}
	check := dbUnchanged(t, f.db)
	_, err = Run(context.Background(), f.options())
	if problemCode(err) != "sync_running" {
		t.Fatalf("a second sync at once: %v", err)
	}
	check()
	unlock()
	if rep := f.sync(); rep.Created != 6 {
		t.Fatalf("after the lock is released: %+v", rep)
	}
}

// envKillChild makes the test binary a sync that TestKilledSyncIsCompleted
// kills with SIGKILL half-way.
const envKillChild = "SALESPLAN_SYNC_KILL_CHILD"

func killChild() int {
	st, err := storage.Open(os.Getenv(envKillChild), storage.Options{})
	if err != nil {
		return 3
	}
	_, err = Run(context.Background(), Options{Store: st, DBPath: os.Getenv(envKillChild), Password: davtest.Password,
		PasswordSet: true, Today: today, Workers: 1})
	if err != nil {
		return 1
	}
	return 0
}

// TestKilledSyncIsCompleted kills a sync process (SIGKILL) while it
// uploads, twice, and checks that the next sync completes it: every item
// once on the server, the database consistent, nothing left to do after.
func TestKilledSyncIsCompleted(t *testing.T) {
	f := newFixture(t)
	for i := range 250 {
		if _, err := f.st.AddTask(model.Task{Title: "批量 " + itoa(model.ID(i+1)), Date: today.AddDays(i % 25), Time: model.ClockAt(8+i%10, 0)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, at := range []int{40, 170} {
		cmd := exec.Command(os.Args[0], "-test.run", "^$")
		cmd.Env = append(os.Environ(), envKillChild+"="+f.db)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(2 * time.Minute)
		for len(f.srv.Files(t, f.cal)) < at && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		if n := len(f.srv.Files(t, f.cal)); n < at || n >= 256 {
			t.Fatalf("killed with %d files on the server, wanted to kill at %d", n, at)
		}
	}
	rep := f.sync()
	if rep.Published != 256 || len(f.srv.Files(t, f.cal)) != 256 {
		t.Fatalf("after two kills: %d published, %d files; want 256", rep.Published, len(f.srv.Files(t, f.cal)))
	}
	if problems, err := f.st.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	if rep := f.sync(); rep.Requests != 1 {
		t.Fatalf("the sync after: %+v, want nothing left", rep)
	}
}

// TestPhoneCannotMoveBids: a bid date moved on the phone is not taken back
// (the project's bid date is salesplan's); the phone gets it back.
func TestPhoneCannotMoveBids(t *testing.T) {
	f := newFixture(t)
	f.sync()
	k := storage.SyncKey{Kind: storage.SyncBid, ID: f.project.ID}
	f.phoneEdit(k, time.Now(), "DTSTART", "DTSTART;VALUE=DATE:20261210", "DTEND", "DTEND;VALUE=DATE:20261211")
	rep := f.sync()
	if len(rep.Back) != 0 || rep.Updated != 1 {
		t.Fatalf("%+v, want the bid sent again and nothing taken back", rep)
	}
	if p, _ := f.st.Project(f.project.ID); p.BidDate != f.project.BidDate {
		t.Fatalf("the bid date moved to %s", p.BidDate)
	}
	if body := unfold(f.srv.Get(t, f.href(k))); !strings.Contains(body, "DTSTART;VALUE=DATE:20261207") {
		t.Fatalf("server copy:\n%s", body)
	}
	// A title edited on the phone is left until salesplan changes the task.
	f.phoneEdit(taskKey(f.timed), time.Now(), "SUMMARY", "SUMMARY:my own words")
	if rep := f.sync(); rep.Updated != 0 || len(rep.Back) != 0 {
		t.Fatalf("a title edited on the phone: %+v", rep)
	}
}

// TestPhoneDeletedItemComesBack: an item deleted on the phone shows in the
// sync token's changes and is put back; a token the server no longer
// knows makes the sync read the whole calendar again, not fail.
func TestPhoneDeletedItemComesBack(t *testing.T) {
	f := newFixture(t)
	f.sync()
	url := f.href(taskKey(f.timed))
	if r := f.srv.Do(t, http.MethodDelete, url, "", nil); r.Status/100 != 2 {
		t.Fatalf("DELETE: %d", r.Status)
	}
	rep := f.sync()
	if rep.Created != 1 || rep.Requests != 2 || f.srv.Get(t, url) == "" {
		t.Fatalf("after a delete on the phone: %+v", rep)
	}
	if err := f.st.SaveSync(storage.SyncSave{Token: "http://radicale.org/ns/sync/0000", SetToken: true, Before: time.Now(),
		Result: &storage.SyncResult{At: time.Now(), OK: true}}); err != nil {
		t.Fatal(err)
	}
	rep = f.sync()
	if rep.Created+rep.Updated+rep.Removed != 0 || rep.ByMethod["REPORT"] != 2 {
		t.Fatalf("with a token the server does not know: %+v", rep)
	}
	if rep := f.sync(); rep.Requests != 1 {
		t.Fatalf("after starting over: %+v", rep)
	}
}

// TestWithoutSyncCollection: a server that has no sync-collection (it
// refuses the REPORT) is listed with PROPFIND instead.
func TestWithoutSyncCollection(t *testing.T) {
	f := newFixture(t)
	var reports atomic.Int64
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "REPORT" {
			body := new(bytes.Buffer)
			_, _ = body.ReadFrom(r.Body)
			if strings.Contains(body.String(), "sync-collection") {
				reports.Add(1)
				http.Error(w, "not implemented", http.StatusNotImplemented)
				return
			}
			r.Body = io.NopCloser(body)
		}
		target := f.srv.Base + r.URL.Path
		req, _ := http.NewRequestWithContext(r.Context(), r.Method, target, r.Body)
		req.Header = r.Header.Clone()
		req.ContentLength = r.ContentLength // Radicale wants a length, not chunks
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	}))
	defer proxy.Close()
	cal := proxy.URL + strings.TrimPrefix(f.cal, f.srv.Base)
	if err := f.st.SetSyncConfig(func(c *storage.SyncConfig) error { c.URL = cal; return nil }); err != nil {
		t.Fatal(err)
	}
	if rep := f.sync(); rep.Created != 6 {
		t.Fatalf("first sync through the proxy: %+v", rep)
	}
	rep := f.sync()
	if rep.Created+rep.Updated != 0 || rep.ByMethod["PROPFIND"] != 1 || reports.Load() != 2 {
		t.Fatalf("second sync: %+v, %d sync-collection reports", rep, reports.Load())
	}
}
