package storage

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// followUpByRule is what Today must show of the clients, worked out the
// long way: every non-archived client's row (Clients decodes each record
// and applies model.ClientFollowUp), the key ones that are due by id, the
// regular ones that are due counted.
func followUpByRule(t *testing.T, s *Store, today model.Date) (key map[model.ID]model.FollowUp, regular int) {
	t.Helper()
	rows, err := s.Clients(today, false)
	if err != nil {
		t.Fatal(err)
	}
	key = map[model.ID]model.FollowUp{}
	for _, r := range rows {
		if !r.FollowUp.IsDue {
			continue
		}
		if r.Tier == model.TierKey {
			key[r.ID] = r.FollowUp
		} else {
			regular++
		}
	}
	return key, regular
}

// assertTodayFollowUps compares Today's client follow-ups (read from the
// summary: client_due_key, client_due_count and the booked regular
// clients) with the rule applied to every client.
func assertTodayFollowUps(t *testing.T, s *Store, today model.Date, what string) {
	t.Helper()
	ag, err := s.Today(today)
	if err != nil {
		t.Fatalf("%s: Today: %v", what, err)
	}
	wantKey, wantRegular := followUpByRule(t, s, today)
	if ag.RegularDue != wantRegular {
		t.Errorf("%s, %s: %d regular clients due, the rule says %d", what, today, ag.RegularDue, wantRegular)
	}
	got := map[model.ID]model.AttentionItem{}
	for _, it := range ag.Attention {
		if it.Type == model.AttClientFollowUp {
			got[it.ClientID] = it
		}
	}
	for id, f := range wantKey {
		it, ok := got[id]
		switch {
		case !ok:
			t.Errorf("%s, %s: key client %d is due (%+v) but not in the attention list", what, today, id, f)
		case it.Due != f.Due || it.DaysOverdue != f.DaysOverdue || it.Booked != f.Booked:
			t.Errorf("%s, %s: key client %d: attention %s/%d/%s, rule %s/%d/%s", what, today, id,
				it.Due, it.DaysOverdue, it.Booked, f.Due, f.DaysOverdue, f.Booked)
		}
	}
	for id := range got {
		if _, ok := wantKey[id]; !ok {
			t.Errorf("%s, %s: key client %d in the attention list, but the rule says it is not due", what, today, id)
		}
	}
	assertDueClients(t, s, today, what)
}

// assertDueClients compares DueClients (from the follow-up index) with
// Clients filtered by the rule: the same rows in the same order, whole
// with full, the index's fields without.
func assertDueClients(t *testing.T, s *Store, today model.Date, what string) {
	t.Helper()
	all, err := s.Clients(today, true)
	if err != nil {
		t.Fatal(err)
	}
	want := []ClientRow{}
	for _, r := range all {
		if r.FollowUp.IsDue {
			want = append(want, r)
		}
	}
	full, err := s.DueClients(today, true)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(full, want) {
		t.Errorf("%s, %s: DueClients(full):\n%+v\nthe rule over Clients:\n%+v", what, today, full, want)
	}
	short, err := s.DueClients(today, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(short) != len(want) {
		t.Fatalf("%s, %s: DueClients: %d rows, want %d", what, today, len(short), len(want))
	}
	for i, r := range short {
		w := want[i]
		w.Client = model.Client{ID: w.ID, Name: w.Name, Tier: w.Tier, Area: w.Area, CadenceDays: w.CadenceDays, CreatedOn: w.CreatedOn}
		if !reflect.DeepEqual(r, w) {
			t.Errorf("%s, %s: DueClients row %d: %+v, want %+v", what, today, i, r, w)
		}
	}
}

// TestTodayDueSummary drives a database through what changes a client's
// follow-up — contacts, bookings inside and beyond the schedule window,
// completions, tier changes, archiving, cadence settings, undo — and
// checks after each step that Today's follow-ups (from the summary) are
// the rule's, over several days, and that the summary matches one
// rebuilt from the records (newStore's drift check, and here at the end).
func TestTodayDueSummary(t *testing.T) {
	s := newStore(t)
	rng := rand.New(rand.NewPCG(16, 4))
	start := d("2026-11-02")
	days := []model.Date{start, start.AddDays(9), start.AddDays(33), start.AddDays(120)}
	var clients []model.Client
	for i := range 40 {
		tier := model.TierRegular
		if i%4 == 0 {
			tier = model.TierKey
		}
		c := model.Client{Name: fmt.Sprintf("client %02d", i), Tier: tier}
		if i%7 == 3 {
			c.CadenceDays = 3 + rng.IntN(20)
		}
		added, err := s.AddClient(c, start.AddDays(-rng.IntN(90)))
		if err != nil {
			t.Fatal(err)
		}
		clients = append(clients, added)
	}
	pick := func() model.Client { return clients[rng.IntN(len(clients))] }
	check := func(what string) {
		t.Helper()
		for _, day := range days {
			assertTodayFollowUps(t, s, day, what)
		}
	}
	check("clients added")

	kinds := []model.EntryKind{model.EntryCall, model.EntryVisit, model.EntryMeeting, model.EntryNote}
	taskKinds := []model.TaskKind{model.TaskCall, model.TaskVisit, model.TaskMeeting, model.TaskTodo}
	var tasks []model.Task
	var promises []model.Promise
	for step := range 160 {
		var what string
		switch op := rng.IntN(11); op {
		case 9:
			c := pick()
			p, err := s.AddPromise(model.Promise{ClientID: c.ID, Text: "send the quote", Due: start.AddDays(rng.IntN(30))}, start)
			if err != nil && problemCode(err) == "" {
				t.Fatal(err)
			}
			promises = append(promises, p)
			what = fmt.Sprintf("step %d: promise to %s", step, c.Name)
		case 10:
			if len(promises) == 0 {
				continue
			}
			p := promises[rng.IntN(len(promises))]
			if _, err := s.KeepPromise(p.ID, start); err != nil && problemCode(err) == "" {
				t.Fatalf("keep promise %d: %v", p.ID, err)
			}
			what = fmt.Sprintf("step %d: promise %d kept", step, p.ID)
		case 0, 1:
			c := pick()
			k := kinds[rng.IntN(len(kinds))]
			// Undo may have taken a client away again: a Problem then.
			if _, err := s.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: k, Text: "said hello", At: at(start.AddDays(rng.IntN(60)-40).String(), 10)}); err != nil && problemCode(err) == "" {
				t.Fatal(err)
			}
			what = fmt.Sprintf("step %d: %s with %s", step, k, c.Name)
		case 2, 3:
			c := pick()
			k := taskKinds[rng.IntN(len(taskKinds))]
			// Inside and beyond the schedule window of each checked day.
			tk, err := s.AddTask(model.Task{Title: "t", Kind: k, ClientID: c.ID, Date: start.AddDays(rng.IntN(140) - 5)})
			if err != nil && problemCode(err) == "" {
				t.Fatal(err)
			}
			tasks = append(tasks, tk)
			what = fmt.Sprintf("step %d: %s task for %s on %s", step, k, c.Name, tk.Date)
		case 4:
			if len(tasks) == 0 {
				continue
			}
			tk := tasks[rng.IntN(len(tasks))]
			if _, err := s.CompleteTask(tk.ID, tk.Date, at(tk.Date.String(), 11), ""); err != nil && problemCode(err) == "" {
				t.Fatalf("complete task %d: %v", tk.ID, err)
			}
			what = fmt.Sprintf("step %d: task %d done", step, tk.ID)
		case 5:
			c := pick()
			tier := model.TierKey
			if rng.IntN(2) == 0 {
				tier = model.TierRegular
			}
			if _, err := s.SetClientTier(c.ID, tier); err != nil && problemCode(err) == "" {
				t.Fatal(err)
			}
			what = fmt.Sprintf("step %d: %s made %s", step, c.Name, tier)
		case 6:
			c := pick()
			if _, err := s.ArchiveClient(c.ID); err != nil && problemCode(err) == "" {
				t.Fatal(err)
			}
			what = fmt.Sprintf("step %d: %s archived", step, c.Name)
		case 7:
			keyDays, regularDays := 3+rng.IntN(10), 10+rng.IntN(40)
			err := s.UpdateSettings(func(st *model.Settings) error {
				st.KeyCadenceDays, st.RegularCadenceDays = keyDays, regularDays
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			what = fmt.Sprintf("step %d: cadences %d/%d", step, keyDays, regularDays)
		case 8:
			if _, err := s.Undo(); err != nil && problemCode(err) == "" {
				t.Fatalf("undo: %v", err)
			}
			what = fmt.Sprintf("step %d: undo", step)
		}
		if step%10 == 9 || rng.IntN(6) == 0 {
			check(what)
		}
	}
	check("the end")
	assertNoDrift(t, s)
}

// TestMigrateTo4BuildsDueSummary takes a schema-3 file (the summary's
// buckets dropped, the schema set back) and opens it: the migration builds
// the summary from client_due, and Today shows what the rule says.
func TestMigrateTo4BuildsDueSummary(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	for i := range 30 {
		tier := model.TierRegular
		if i%5 == 0 {
			tier = model.TierKey
		}
		c := mustClient(t, s, fmt.Sprintf("c%d", i), tier, today.AddDays(-3*i))
		if i%3 == 0 {
			mustTask(t, s, model.Task{Title: "call", Kind: model.TaskCall, ClientID: c.ID, Date: today.AddDays(i % 10)})
		}
		mustTask(t, s, model.Task{Title: fmt.Sprintf("old %d", i), Date: today.AddDays(-1 - i%4), Important: i%7 == 0})
	}
	want, err := s.Today(today)
	if err != nil {
		t.Fatal(err)
	}
	err = s.write(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{ixClientDueKey, ixClientDueCount} {
			if err := tx.Bucket(bIndex).DeleteBucket(name); err != nil {
				return err
			}
		}
		// Schema 3's task_open values: kind and client, no flags.
		type kv struct{ k, v []byte }
		var old []kv
		_ = ix(tx, ixTaskOpen).ForEach(func(k, v []byte) error {
			old = append(old, kv{append([]byte(nil), k...), append([]byte(nil), v[:9]...)})
			return nil
		})
		for _, e := range old {
			if err := ix(tx, ixTaskOpen).Put(e.k, e.v); err != nil {
				return err
			}
		}
		return tx.Bucket(bMeta).Put(kSchema, u64(3))
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := Open(s.path, Options{})
	if err != nil {
		t.Fatalf("open a schema-3 file: %v", err)
	}
	got, err := s2.Today(today)
	if err != nil {
		t.Fatal(err)
	}
	if got.RegularDue != want.RegularDue || len(got.Attention) != len(want.Attention) {
		t.Errorf("after the migration: %d regular due, %d attention items; before: %d, %d",
			got.RegularDue, len(got.Attention), want.RegularDue, len(want.Attention))
	}
	if want.RegularDue == 0 {
		t.Error("the fixture has no regular client due: the test shows nothing")
	}
	assertTodayFollowUps(t, s2, today, "migrated")
	top, err := s2.TodayTop(today, 3)
	if err != nil {
		t.Fatal(err)
	}
	wantTop, _ := model.ShownTasks(want.Tasks, 3)
	if gotTop, _ := model.ShownTasks(top.Tasks, 3); !reflect.DeepEqual(gotTop, wantTop) {
		t.Errorf("after the migration the first carried-over tasks are %v, want %v", gotTop, wantTop)
	}
	_ = s2.view(func(tx *bolt.Tx) error {
		if v := readU64(tx.Bucket(bMeta).Get(kSchema)); v != schemaVersion {
			t.Errorf("schema %d after the migration, want %d", v, schemaVersion)
		}
		return nil
	})
}

// TestTodayTopShowsWhatTodayShows: the carried-over tasks TodayTop reads
// (from task_open's dates and important flags) give the same first n as
// Today's whole list, and the count of the others adds up, whatever the
// mix of important flags, dates, slots and times; and after an edit that
// toggles important.
func TestTodayTopShowsWhatTodayShows(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	rng := rand.New(rand.NewPCG(20, 26))
	slots := []model.Slot{model.SlotMorning, model.SlotAfternoon, model.SlotEvening, model.SlotAny}
	var ids []model.ID
	for i := range 90 {
		task := model.Task{Title: fmt.Sprintf("old %d", i), Date: today.AddDays(-1 - rng.IntN(12)),
			Important: rng.IntN(4) == 0, Slot: slots[rng.IntN(len(slots))]}
		if rng.IntN(3) == 0 {
			task.Time = model.ClockAt(7+rng.IntN(12), 0)
		}
		ids = append(ids, mustTask(t, s, task).ID)
	}
	mustTask(t, s, model.Task{Title: "today's", Date: today})
	compare := func(what string) {
		t.Helper()
		full, err := s.Today(today)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{0, 1, 7, model.CarriedShown, 89, 90, 500} {
			top, err := s.TodayTop(today, n)
			if err != nil {
				t.Fatal(err)
			}
			want, wantMore := model.ShownTasks(full.Tasks, n)
			got, more := model.ShownTasks(top.Tasks, n)
			if !reflect.DeepEqual(got, want) || more+top.CarriedUnread != wantMore {
				t.Fatalf("%s, n=%d: TodayTop shows %d tasks and %d+%d more, Today %d and %d more",
					what, n, len(got), more, top.CarriedUnread, len(want), wantMore)
			}
			if n <= model.CarriedShown && len(top.Tasks) >= len(full.Tasks) {
				t.Errorf("%s, n=%d: TodayTop read all %d tasks", what, n, len(top.Tasks))
			}
		}
	}
	compare("added")
	for _, id := range ids[:30] {
		task, err := s.Task(id)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.MarkImportant(id, !task.Important); err != nil {
			t.Fatal(err)
		}
	}
	compare("important toggled")
}
