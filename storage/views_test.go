package storage

import (
	"errors"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// agendaWorld builds a small database around Friday 2026-11-27.
type agendaWorld struct {
	s                                   *Store
	key, sched, regular, fresh, archive model.Client
	today, carried, doneOld, future     model.Task
	overdue, soon, later                model.Promise
	project                             model.Project
}

func newAgendaWorld(t *testing.T) agendaWorld {
	t.Helper()
	s := newStore(t)
	w := agendaWorld{s: s}
	w.key = mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))         // due 11-08
	w.sched = mustClient(t, s, "Sched Co", model.TierKey, d("2026-11-01")) // due, but a call is planned
	w.regular = mustClient(t, s, "Regular", model.TierRegular, d("2026-10-01"))
	w.fresh = mustClient(t, s, "Fresh", model.TierRegular, d("2026-11-20"))
	w.archive = mustClient(t, s, "Gone", model.TierKey, d("2026-01-01"))
	w.archive.Archived = true
	if err := s.UpdateClient(w.archive); err != nil {
		t.Fatal(err)
	}
	w.today = mustTask(t, s, model.Task{Title: "today", Date: d("2026-11-27"), Time: model.ClockAt(10, 0)})
	w.carried = mustTask(t, s, model.Task{Title: "carried", Date: d("2026-11-20"), Important: true})
	w.doneOld = mustTask(t, s, model.Task{Title: "done old", Date: d("2026-11-20")})
	if _, err := s.CompleteTask(w.doneOld.ID, d("2026-11-20"), at("2026-11-20", 9), ""); err != nil {
		t.Fatal(err)
	}
	w.future = mustTask(t, s, model.Task{Title: "call Sched", Kind: model.TaskCall, ClientID: w.sched.ID, Date: d("2026-11-30")})
	for _, e := range []model.JournalEntry{
		{ClientID: w.fresh.ID, Kind: model.EntryCall, At: at("2026-11-27", 9)},
		{ClientID: w.fresh.ID, Kind: model.EntryCall, At: at("2026-11-27", 23)},
		{ClientID: w.fresh.ID, Kind: model.EntryCall, At: at("2026-11-26", 9)},
		{ClientID: w.fresh.ID, Kind: model.EntryVisit, At: at("2026-11-24", 14)},
		{ClientID: w.fresh.ID, Kind: model.EntryVisit, At: at("2026-11-22", 14)}, // Sunday before: last week
		{ClientID: w.fresh.ID, Kind: model.EntryNote, At: at("2026-11-27", 8), Text: "note"},
	} {
		mustEntry(t, s, e)
	}
	var err error
	add := func(due model.Date) model.Promise {
		p, err := s.AddPromise(model.Promise{ClientID: w.key.ID, Text: "p " + due.String(), Due: due}, d("2026-11-20"))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	w.overdue, w.soon, w.later = add(d("2026-11-25")), add(d("2026-11-29")), add(d("2026-11-30"))
	w.project, err = s.AddProject(model.Project{Name: "Tower", ClientID: w.fresh.ID, Value: 10000, BidDate: d("2026-11-28"), Stage: model.StageBidding}, d("2026-11-02"))
	if err != nil {
		t.Fatal(err)
	}
	won, _ := s.AddProject(model.Project{Name: "Won", ClientID: w.fresh.ID, Value: 70000, Stage: model.StageDetailing}, d("2026-10-01"))
	if _, err := s.SetStage(won.ID, model.StageContract, d("2026-11-05"), nil, ""); err != nil {
		t.Fatal(err)
	}
	return w
}

func TestTodayGathersThroughIndexes(t *testing.T) {
	w := newAgendaWorld(t)
	a, err := w.s.Today(d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []model.ID
	for _, at := range a.Tasks {
		ids = append(ids, at.ID)
	}
	if want := []model.ID{w.carried.ID, w.today.ID}; !slices.Equal(ids, want) {
		t.Errorf("tasks = %v, want carried then today %v", ids, want)
	}
	if !a.Tasks[0].CarriedOver || a.Tasks[1].CarriedOver {
		t.Errorf("carried-over flags wrong: %+v", a.Tasks)
	}
	if a.Calls.Done != 2 || a.VisitsWeek.Done != 1 {
		t.Errorf("calls today %d (want 2), visits this week %d (want 1)", a.Calls.Done, a.VisitsWeek.Done)
	}
	if a.SignedMonth.Value != 70000 {
		t.Errorf("signed this month = %v, want 70000", a.SignedMonth.Value)
	}
	if a.RegularDue != 1 {
		t.Errorf("regular due = %d, want 1", a.RegularDue)
	}
	got := map[model.AttentionType][]string{}
	for _, it := range a.Attention {
		got[it.Type] = append(got[it.Type], it.Client+"|"+it.Project+"|"+it.Text)
	}
	want := map[model.AttentionType][]string{
		model.AttPromiseOverdue:  {"王总||p 2026-11-25"},
		model.AttPromiseDue:      {"王总||p 2026-11-29", "王总||p 2026-11-30"}, // Friday: due soon reaches Tuesday
		model.AttClientFollowUp:  {"王总||"},                                 // not Sched Co (scheduled), not Gone (archived)
		model.AttProjectFollowUp: {"Fresh|Tower|", "Fresh|Won|"},           // due 11-16, 11-19
		model.AttBidPrep:         {"Fresh|Tower|"},
	}
	for typ, items := range want {
		if !slices.Equal(got[typ], items) {
			t.Errorf("attention %s = %v, want %v", typ, got[typ], items)
		}
	}
	// A meeting with 王总 today takes the key client off the list.
	mustEntry(t, w.s, model.JournalEntry{ClientID: w.key.ID, Kind: model.EntryMeeting, At: at("2026-11-27", 11)})
	a, _ = w.s.Today(d("2026-11-27"))
	for _, it := range a.Attention {
		if it.Type == model.AttClientFollowUp {
			t.Errorf("client still due after a meeting today: %+v", it)
		}
	}
}

func TestWeekAndMonth(t *testing.T) {
	w := newAgendaWorld(t)
	wk, err := w.s.Week(d("2026-11-25"), d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if wk.Start != d("2026-11-23") || wk.End != d("2026-11-29") || len(wk.Days) != 7 {
		t.Fatalf("week = %v..%v, %d days", wk.Start, wk.End, len(wk.Days))
	}
	if wk.Calls.Done != 3 || wk.Visits.Done != 1 {
		t.Errorf("week calls %d (want 3), visits %d (want 1)", wk.Calls.Done, wk.Visits.Done)
	}
	if wk.Days[4].Calls != 2 || wk.Days[4].TasksTotal != 1 {
		t.Errorf("Friday = %+v", wk.Days[4])
	}
	if wk.Promises.Overdue != 1 {
		t.Errorf("week promises = %+v, want 1 overdue", wk.Promises)
	}
	m, err := w.s.Month(model.Month{Year: 2026, Month: 11}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	// Two visits to one client: one client visited, two visits.
	if m.Signed.Value != 70000 || len(m.Days) != 30 || m.Calls.Done != 3 || m.Visits != (model.VisitQuota{Done: 1, Visits: 2, Target: 84}) {
		t.Errorf("month signed %v calls %d visits %+v days %d", m.Signed.Value, m.Calls.Done, m.Visits, len(m.Days))
	}
	if mk := m.Days[27].Markers; !slices.Contains(mk, "bid") {
		t.Errorf("11-28 markers = %v, want bid", mk)
	}
	if mk := m.Days[28].Markers; !slices.Contains(mk, "promise_due") {
		t.Errorf("11-29 markers = %v, want promise_due", mk)
	}
}

func TestClientDetail(t *testing.T) {
	w := newAgendaWorld(t)
	det, err := w.s.ClientDetail(w.fresh.ID, d("2026-11-27"), 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(det.Journal) != 3 || det.Journal[0].Kind != model.EntryCall || det.Journal[0].At.Hour() != 23 {
		t.Errorf("journal newest first, limited to 3: %+v", det.Journal)
	}
	if det.Row.LastContact != d("2026-11-27") || len(det.Projects) != 2 {
		t.Errorf("row %+v projects %d", det.Row, len(det.Projects))
	}
	det, _ = w.s.ClientDetail(w.key.ID, d("2026-11-27"), 0)
	if len(det.Promises) != 3 || det.Promises[0].ID != w.overdue.ID || det.Row.OpenPromises != 3 {
		t.Errorf("promises %+v open %d", det.Promises, det.Row.OpenPromises)
	}
	det, _ = w.s.ClientDetail(w.sched.ID, d("2026-11-27"), 0)
	if len(det.Tasks) != 1 || det.Tasks[0].ID != w.future.ID || !det.Row.FollowUp.Scheduled || det.Row.FollowUp.IsDue {
		t.Errorf("scheduled client: tasks %+v follow-up %+v", det.Tasks, det.Row.FollowUp)
	}
}

// Renaming a client or project shows in Today's attention list at once
// (the live-project summaries carry both names).
func TestTodayFollowsRenames(t *testing.T) {
	w := newAgendaWorld(t)
	c := w.fresh
	c.Name = "Fresh Renamed"
	if err := w.s.UpdateClient(c); err != nil {
		t.Fatal(err)
	}
	p := w.project
	p.Name = "Tower B"
	if err := w.s.UpdateProject(p); err != nil {
		t.Fatal(err)
	}
	a, err := w.s.Today(d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range a.Attention {
		if it.Type == model.AttBidPrep {
			found = true
			if it.Client != "Fresh Renamed" || it.Project != "Tower B" {
				t.Errorf("bid prep item names %q / %q, want the new names", it.Client, it.Project)
			}
		}
	}
	if !found {
		t.Error("no bid prep item")
	}
}

// A contact recorded in another time zone counts on its own civil day in
// the week view, like in the client's history.
func TestWeekCountsContactsOnTheirOwnDay(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	for _, zone := range []*time.Location{time.FixedZone("CST", 8*3600), time.FixedZone("PST", -8*3600), time.Local} {
		y, m, dd := d("2026-11-27").YMD()
		for _, h := range []int{0, 23} {
			mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: time.Date(y, m, dd, h, 30, 0, 0, zone)})
		}
	}
	w, err := s.Week(d("2026-11-27"), d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if w.Days[4].Calls != 6 || w.Calls.Done != 6 {
		t.Errorf("Friday calls %d, week %d; want all 6 on Friday", w.Days[4].Calls, w.Calls.Done)
	}
}

// A day's tasks carry their client's tier and area (the Day pane's star and
// visits by area) from the client_card index: kept up to date by edits,
// present for archived clients, rebuilt for a database made before it.
func TestAgendaTasksCarryClientCard(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	key, err := s.AddClient(model.Client{Name: "王总", Tier: model.TierKey, Area: "朝阳"}, today)
	if err != nil {
		t.Fatal(err)
	}
	reg := mustClient(t, s, "Li", model.TierRegular, today)
	mustTask(t, s, model.Task{Title: "visit", Kind: model.TaskVisit, ClientID: key.ID, Date: today})
	mustTask(t, s, model.Task{Title: "call", Kind: model.TaskCall, ClientID: reg.ID, Date: today})
	mustTask(t, s, model.Task{Title: "todo", Date: today})
	type card struct {
		tier model.Tier
		area string
	}
	check := func(when string, want map[string]card) {
		t.Helper()
		ag, err := s.Today(today)
		if err != nil {
			t.Fatal(err)
		}
		on, err := s.TasksOn(today)
		if err != nil {
			t.Fatal(err)
		}
		for name, list := range map[string][]model.AgendaTask{"Today": ag.Tasks, "TasksOn": on} {
			if len(list) != len(want) {
				t.Fatalf("%s, %s: %d tasks, want %d", when, name, len(list), len(want))
			}
			for _, at := range list {
				if got := (card{at.ClientTier, at.ClientArea}); got != want[at.Title] {
					t.Errorf("%s, %s: task %q has client card %+v, want %+v", when, name, at.Title, got, want[at.Title])
				}
			}
		}
	}
	check("new", map[string]card{"visit": {model.TierKey, "朝阳"}, "call": {model.TierRegular, ""}, "todo": {}})

	key.Tier, key.Area, key.Archived = model.TierRegular, "海淀", true
	reg.Tier, reg.Area = model.TierKey, "东城"
	if err := errors.Join(s.UpdateClient(key), s.UpdateClient(reg)); err != nil {
		t.Fatal(err)
	}
	after := map[string]card{"visit": {model.TierRegular, "海淀"}, "call": {model.TierKey, "东城"}, "todo": {}}
	check("after edits", after)

	// A database from before the index: Open rebuilds it.
	if err := s.write(func(tx *bolt.Tx) error { return tx.Bucket(bIndex).DeleteBucket(ixClientCard) }, false); err != nil {
		t.Fatal(err)
	}
	if s, err = Open(s.Path(), Options{}); err != nil {
		t.Fatal(err)
	}
	check("reopened without the index", after)
}
