package storage

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// The work plan's rules (issue 14) as storage keeps them.

// A schema-1 database: a project onboarded at delivery (no contract in its
// history, no signed_on) was never signed; schema 2 gives it the date it
// entered delivery, and the new indexes are built.
func TestMigrateTo2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := mustClient(t, s, "王总", model.TierKey, d("2026-01-01"))
	onboarded, err := s.AddProject(model.Project{Name: "Old Plant", ClientID: c.ID, Stage: model.StageDelivery, Value: 30000000,
		StageHistory: []model.StageEntry{{Stage: model.StageDelivery, On: d("2026-03-10")}}}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	through, err := s.AddProject(model.Project{Name: "Tower", ClientID: c.ID, Stage: model.StageBidding, Value: 10000000}, d("2026-02-01"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStage(through.ID, model.StageContract, d("2026-04-02"), nil, ""); err != nil {
		t.Fatal(err)
	}
	// Lay the file out as schema 1 had it.
	err = s.write(func(tx *bolt.Tx) error {
		p, err := getProject(tx, onboarded.ID)
		if err != nil {
			return err
		}
		p.SignedOn = model.NoDate
		raw, err := encodeRecord(p)
		if err != nil {
			return err
		}
		if err := rb(tx, bProjects).Put(idKey(p.ID), raw); err != nil {
			return err
		}
		for _, name := range [][]byte{ixProjectSigned, ixPromiseCancelled, ixTaskDone} {
			if err := tx.Bucket(bIndex).DeleteBucket(name); err != nil {
				return err
			}
		}
		return rb(tx, bMeta).Put(kSchema, u64(1))
	}, true)
	if err != nil {
		t.Fatal(err)
	}

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("open a schema-1 database: %v", err)
	}
	t.Cleanup(func() { assertNoDrift(t, s) })
	p, err := s.Project(onboarded.ID)
	if err != nil || p.SignedOn != d("2026-03-10") {
		t.Errorf("the onboarded project after migrating: %+v, %v", p, err)
	}
	if q, _ := s.Project(through.ID); q.SignedOn.Valid() {
		t.Errorf("a project that went through contract got a signed_on: %+v", q)
	}
	y, err := s.YearSigned(2026)
	if err != nil || y[2].Value != 30000000 || y[3].Value != 10000000 {
		t.Errorf("signed by month after migrating: %+v, %v", y, err)
	}
	_ = s.view(func(tx *bolt.Tx) error {
		if v := readU64(tx.Bucket(bMeta).Get(kSchema)); v != schemaVersion {
			t.Errorf("schema %d after migrating, want %d", v, schemaVersion)
		}
		return nil
	})
}

// A prospect call counts toward the calls quota, is in the day's journal,
// and touches no client's clock or timeline.
func TestProspectCall(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	key := mustClient(t, s, "Cold Key", model.TierKey, d("2026-10-01"))
	mustEntry(t, s, model.JournalEntry{ClientID: key.ID, Kind: model.EntryCall, At: at("2026-11-10", 10)})
	before, _ := s.ClientDetail(key.ID, today, 0)
	e := mustEntry(t, s, model.JournalEntry{Kind: model.EntryCall, At: at("2026-11-27", 9), Text: "tender site: 张工"})
	a, err := s.Today(today)
	if err != nil {
		t.Fatal(err)
	}
	if a.Calls.Done != 1 {
		t.Errorf("calls today = %d, want the prospect call", a.Calls.Done)
	}
	after, _ := s.ClientDetail(key.ID, today, 0)
	if after.Row.LastContact != before.Row.LastContact || len(after.Journal) != len(before.Journal) {
		t.Errorf("the prospect call reached a client: %+v", after.Row)
	}
	r, err := s.DayRecord(today)
	if err != nil || len(r.Contacts) != 1 || r.Contacts[0].ID != e.ID || r.Contacts[0].Text != "tender site: 张工" || r.Contacts[0].Client != "" {
		t.Errorf("day's record = %+v, %v", r.Contacts, err)
	}
	// Exported and imported whole: a call with client_id null.
	var buf bytes.Buffer
	if err := s.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"client_id":null,"project_id":null,"task_id":null,"kind":"call"`) {
		t.Errorf("the export lacks the prospect call:\n%s", buf.String())
	}
	s2 := newStore(t)
	if err := importJSON(s2, buf.Bytes(), false); err != nil {
		t.Fatalf("import a document with a prospect call: %v", err)
	}
	var again bytes.Buffer
	if err := s2.ExportJSON(&again); err != nil || again.String() != buf.String() {
		t.Errorf("export → import → export changed the document (%v)", err)
	}
}

// Completing a call, visit or meeting task records one contact, linked to
// the task; a contact of that kind with that client logged that day and
// linked to no task is linked instead of a second one; undo unlinks it.
func TestCompleteTaskLinksTheDaysContact(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	c := mustClient(t, s, "Site Client", model.TierKey, d("2026-10-01"))
	other := mustClient(t, s, "Other", model.TierKey, d("2026-10-01"))
	logged := mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryVisit, At: at("2026-11-27", 10), Text: "measured the hall"})
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: at("2026-11-27", 9)})      // another kind
	mustEntry(t, s, model.JournalEntry{ClientID: other.ID, Kind: model.EntryVisit, At: at("2026-11-27", 9)}) // another client
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryVisit, At: at("2026-11-26", 9)})     // another day
	visit, err := s.AddTask(model.Task{Title: "Visit Site Client", Date: today, Kind: model.TaskVisit, ClientID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.CompleteTask(visit.ID, today, at("2026-11-27", 15), "hall is 40 m")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Linked || res.Entry == nil || res.Entry.ID != logged.ID || res.Entry.TaskID != visit.ID || res.Entry.Text != "measured the hall\nhall is 40 m" {
		t.Errorf("complete = %+v entry %+v", res, res.Entry)
	}
	w, _ := s.Week(today, today)
	if w.Visits != (model.VisitQuota{Done: 2, Visits: 3, Target: 20}) {
		t.Errorf("week visits = %+v, want 2 clients, 3 visits (not 4)", w.Visits)
	}
	// A second visit task the same day finds the logged one taken: it
	// records its own entry.
	second, _ := s.AddTask(model.Task{Title: "Visit again", Date: today, Kind: model.TaskVisit, ClientID: c.ID})
	res2, err := s.CompleteTask(second.ID, today, at("2026-11-27", 17), "")
	if err != nil || res2.Linked || res2.Entry == nil || res2.Entry.TaskID != second.ID || res2.Entry.Text != "Visit again" {
		t.Errorf("second = %+v %+v %v", res2, res2.Entry, err)
	}
	// Undo the second completion, its task, and the first completion: the
	// logged visit is as it was, unlinked.
	for range 3 {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	det, _ := s.ClientDetail(c.ID, today, 0)
	for _, e := range det.Journal {
		if e.ID == logged.ID && (e.TaskID != 0 || e.Text != "measured the hall") {
			t.Errorf("after undo the logged visit is %+v", e)
		}
	}
	if len(det.Journal) != 3 {
		t.Errorf("after undo %d entries, want the 3 logged", len(det.Journal))
	}
}

// Signed sales follow model's Project.Signed: a project added at a signed
// stage counts on its stage date or its signed_on, whatever month that is.
func TestSignedOnboarded(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "GC", model.TierRegular, d("2026-01-01"))
	add := func(name string, st model.Stage, on, signed string, value model.Money) model.Project {
		t.Helper()
		p := model.Project{Name: name, ClientID: c.ID, Stage: st, Value: value,
			StageHistory: []model.StageEntry{{Stage: st, On: d(on)}}}
		if signed != "" {
			p.SignedOn = d(signed)
		}
		out, err := s.AddProject(p, d("2026-11-27"))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	a := add("A", model.StageAcceptance, "2026-06-01", "", 100)
	add("B", model.StageDelivery, "2026-06-10", "2026-05-20", 200)
	add("C", model.StageContract, "2026-06-15", "", 400)
	add("D", model.StageDesign, "2026-06-15", "", 800)
	if a.SignedOn != d("2026-06-01") {
		t.Errorf("added at acceptance: signed_on %s, want its stage date", a.SignedOn)
	}
	y, _ := s.YearSigned(2026)
	if y[4].Value != 200 || y[5].Value != 500 {
		t.Errorf("May %d (want 200), June %d (want 100 + 400)", y[4].Value, y[5].Value)
	}
	// An edit that does not send signed_on keeps it.
	a.SignedOn, a.Owner = model.NoDate, "owner"
	if err := s.UpdateProject(a); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Project(a.ID); p.SignedOn != d("2026-06-01") {
		t.Errorf("an edit dropped signed_on: %+v", p)
	}
}

// A stage's checklist is added once per project: re-entering a stage adds
// nothing, even when a face sends the list.
func TestChecklistOncePerStage(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "GC", model.TierRegular, d("2026-01-01"))
	p, err := s.AddProject(model.Project{Name: "P", ClientID: c.ID, Stage: model.StageDetailing}, d("2026-11-01"))
	if err != nil {
		t.Fatal(err)
	}
	list := []model.Task{{Title: "sign the supply contract", Date: d("2026-11-10")}}
	count := func() int {
		n := 0
		for day := d("2026-11-01"); day <= d("2026-11-30"); day++ {
			ts, _ := s.TasksOn(day)
			n += len(ts)
		}
		return n
	}
	for i, step := range []struct {
		stage model.Stage
		on    string
		want  int
	}{
		{model.StageContract, "2026-11-10", 1}, {model.StageDetailing, "2026-11-11", 1}, {model.StageContract, "2026-11-12", 1},
	} {
		if _, err := s.SetStage(p.ID, step.stage, d(step.on), list, ""); err != nil {
			t.Fatal(err)
		}
		if got := count(); got != step.want {
			t.Errorf("step %d: %d checklist tasks, want %d", i, got, step.want)
		}
	}
}

// A version-1 document imports: defaults for what it lacks, and a project
// at a signed stage that never entered contract carries the date it
// entered that stage.
func TestImportVersion1(t *testing.T) {
	s := newStore(t)
	doc := `{"format":"salesplan","version":1,
"settings":{"calls_per_day":25},
"clients":[{"id":1,"name":"王总","company":"","tier":"key","area":"","phone":"","business":"","needs":"","decision_maker":"","interests":"","referred_by":"","cadence_days":0,"created_on":"2026-01-05","archived":false}],
"tasks":[],
"journal":[{"id":1,"client_id":1,"project_id":null,"kind":"call","at":"2026-11-24T10:00:00+08:00","text":"hi"}],
"promises":[{"id":1,"client_id":1,"project_id":null,"text":"x","made_on":"2026-11-01","due":"2026-11-10","status":"cancelled","kept_on":null}],
"projects":[{"id":1,"name":"Closed School","client_id":1,"owner":"","value":80000,"stage":"closed","bid_date":null,"stage_history":[{"stage":"design","on":"2026-02-01"},{"stage":"delivery","on":"2026-09-01"},{"stage":"closed","on":"2026-10-15"}]}]}`
	if err := importJSON(s, []byte(doc), false); err != nil {
		t.Fatal(err)
	}
	p, _ := s.Project(1)
	if p.SignedOn != d("2026-09-01") {
		t.Errorf("signed_on %s, want the first signed stage's date 2026-09-01", p.SignedOn)
	}
	out, err := s.Document()
	if err != nil || out.Version != DocumentVersion || out.Settings.CallsPerDay != 25 || out.Settings.Holidays != "" {
		t.Errorf("export of an imported version 1: version %d settings %+v %v", out.Version, out.Settings, err)
	}
	if pr := out.Promises[0]; pr.CancelledOn.Valid() || !pr.CancelledInTime() {
		t.Errorf("a version-1 cancellation: %+v", pr)
	}
}

// The holiday calendar follows the reader's language when none is set.
func TestSettingsFollowTheLanguage(t *testing.T) {
	s := newStore(t)
	national := d("2026-10-01")
	st, _ := s.Settings()
	if st.Holidays != model.HolidaysNone || !st.IsWorkday(national) {
		t.Errorf("no language: holidays %q", st.Holidays)
	}
	s.SetLanguage("zh")
	st, _ = s.Settings()
	if st.Holidays != model.HolidaysCN || st.IsWorkday(national) {
		t.Errorf("zh: holidays %q", st.Holidays)
	}
	a, _ := s.Today(national)
	if a.Calls.Target != 0 {
		t.Errorf("zh: calls target on National Day = %d", a.Calls.Target)
	}
	if raw, _ := s.StoredSettings(); raw.Holidays != "" {
		t.Errorf("the default was stored: %q", raw.Holidays)
	}
	if err := s.UpdateSettings(func(st *model.Settings) error { st.Holidays = model.HolidaysNone; return nil }); err != nil {
		t.Fatal(err)
	}
	if st, _ = s.Settings(); st.Holidays != model.HolidaysNone {
		t.Errorf("a setting of its own is overridden by the language: %q", st.Holidays)
	}
	for name, f := range map[string]func(*model.Settings){
		"unknown calendar": func(st *model.Settings) { st.Holidays = "us" },
		"a day off and on": func(st *model.Settings) {
			st.DaysOff, st.ExtraWorkdays = []model.Date{national}, []model.Date{national}
		},
		"months over a year": func(st *model.Settings) { st.AnnualTargets[2026] = 100; st.MonthTargets["2026-05"] = 101 },
	} {
		if err := s.UpdateSettings(func(st *model.Settings) error { f(st); return nil }); err == nil {
			t.Errorf("%s: saved", name)
		}
	}
}

// The day's record reads what it needs through the indexes: tasks done
// that day (task_done), promises made, kept and cancelled that day.
func TestDayRecordAndMonthReview(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	c := mustClient(t, s, "王总", model.TierKey, d("2026-10-01"))
	early, _ := s.AddTask(model.Task{Title: "done late", Date: d("2026-11-25"), Kind: model.TaskTodo})
	if _, err := s.CompleteTask(early.ID, today, time.Time{}, ""); err != nil {
		t.Fatal(err)
	}
	imp, _ := s.AddTask(model.Task{Title: "important", Date: d("2026-11-20"), Kind: model.TaskTodo, Important: true})
	plan, _ := s.AddTask(model.Task{Title: "Monday", Date: d("2026-11-30"), Kind: model.TaskCall, ClientID: c.ID})
	p, _ := s.AddPromise(model.Promise{ClientID: c.ID, Text: "quote", Due: d("2026-11-26")}, d("2026-11-20"))
	if _, err := s.CancelPromise(p.ID, today, "they bought elsewhere", today); err != nil {
		t.Fatal(err)
	}
	r, err := s.DayRecord(today)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Done) != 1 || r.Done[0].ID != early.ID || len(r.Undone) != 1 || r.Undone[0].ID != imp.ID ||
		len(r.Plan) != 1 || r.Plan[0].ID != plan.ID || r.Next != d("2026-11-30") ||
		len(r.Cancelled) != 1 || r.Cancelled[0].CancelReason != "they bought elsewhere" || r.Cancelled[0].Client != "王总" {
		t.Errorf("day's record = %+v", r)
	}
	m, err := s.MonthReview(model.Month{Year: 2026, Month: time.November}, today)
	if err != nil || m.Month.Promises.Cancelled != 1 || len(m.Cancelled) != 1 || m.Quarter.Number != 4 {
		t.Errorf("month review = %+v, %v", m, err)
	}
	if share, n, _ := s.Reliability(today); n != 1 || share != 0 {
		t.Errorf("a promise cancelled after its due date: reliability %v of %d, want broken", share, n)
	}
}

// A past day's record lists the important tasks still open at its end,
// those done since included: task_done's value (index version 3) says
// which, without decoding every task done after the day. A file with the
// older index is brought up to it when opened.
func TestDayRecordPastDayUndone(t *testing.T) {
	s := newStore(t)
	mon, tue, wed, fri := d("2026-11-23"), d("2026-11-24"), d("2026-11-25"), d("2026-11-27")
	late, _ := s.AddTask(model.Task{Title: "quote for 王总", Date: mon, Kind: model.TaskTodo, Important: true})
	plain, _ := s.AddTask(model.Task{Title: "tidy the desk", Date: mon, Kind: model.TaskTodo})
	open, _ := s.AddTask(model.Task{Title: "still open", Date: mon, Kind: model.TaskTodo, Important: true})
	ahead, _ := s.AddTask(model.Task{Title: "dated Thursday", Date: d("2026-11-26"), Kind: model.TaskTodo, Important: true})
	for _, id := range []model.ID{late.ID, plain.ID, ahead.ID} {
		if _, err := s.CompleteTask(id, wed, time.Time{}, ""); err != nil {
			t.Fatal(err)
		}
	}
	undone := func(day model.Date) []model.ID {
		t.Helper()
		r, err := s.DayRecord(day)
		if err != nil {
			t.Fatal(err)
		}
		var ids []model.ID
		for _, u := range r.Undone {
			ids = append(ids, u.ID)
		}
		return ids
	}
	want := map[model.Date][]model.ID{
		mon: {late.ID, open.ID},
		tue: {late.ID, open.ID}, // done on Wednesday: still undone at Tuesday's end
		wed: {open.ID},
		fri: {open.ID},
	}
	for day, ids := range want {
		if got := undone(day); !slices.Equal(got, ids) {
			t.Errorf("%s: undone %v, want %v", day, got, ids)
		}
	}
	// An index of version 2 (task_done without values) is rebuilt at open.
	err := s.update(func(tx *bolt.Tx) error {
		b := ix(tx, ixTaskDone)
		var keys [][]byte
		_ = b.ForEach(func(k, _ []byte) error { keys = append(keys, append([]byte(nil), k...)); return nil })
		for _, k := range keys {
			if err := b.Put(k, empty); err != nil {
				return err
			}
		}
		return rb(tx, bMeta).Put(kIndexVersion, u64(2))
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DayRecord(tue); err == nil {
		t.Error("a task_done entry without its value was read as sound")
	}
	if s, err = Open(s.Path(), Options{}); err != nil {
		t.Fatal(err)
	}
	if got := undone(tue); !slices.Equal(got, want[tue]) {
		t.Errorf("after the index upgrade: undone %v, want %v", got, want[tue])
	}
	assertNoDrift(t, s)
}
