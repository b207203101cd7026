package storage

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// TestIndexesMatchRecordsAfterRandomActions runs a random mix of every user
// action (and undo) and checks after each batch that the maintained indexes
// equal indexes rebuilt from the records.
func TestIndexesMatchRecordsAfterRandomActions(t *testing.T) {
	s := newStore(t)
	r := rand.New(rand.NewPCG(7, 11))
	base := d("2026-11-01")
	day := func() model.Date { return base.AddDays(r.IntN(60) - 30) }
	var clients, tasks, promises, projects []model.ID
	pick := func(ids []model.ID) model.ID {
		if len(ids) == 0 || r.IntN(8) == 0 {
			return 0
		}
		return ids[r.IntN(len(ids))]
	}
	kinds := []model.TaskKind{model.TaskCall, model.TaskVisit, model.TaskMeeting, model.TaskTodo}
	entryKinds := []model.EntryKind{model.EntryNote, model.EntryCall, model.EntryVisit, model.EntryMeeting}
	repeats := []model.Repeat{"", "", "daily", "weekly", "monthly", "weekdays", "every 3 days"}
	for i := range 600 {
		var err error
		switch op := r.IntN(14); op {
		case 0, 1:
			var c model.Client
			c, err = s.AddClient(model.Client{Name: fmt.Sprintf("Client %d", r.IntN(80)), Tier: []model.Tier{model.TierKey, model.TierRegular}[r.IntN(2)],
				CadenceDays: r.IntN(3) * 5}, day())
			if err == nil {
				clients = append(clients, c.ID)
			}
		case 2:
			if id := pick(clients); id != 0 {
				c, _ := s.Client(id)
				c.Name, c.Archived, c.Tier = fmt.Sprintf("Client %d", r.IntN(80)), r.IntN(5) == 0, model.TierKey
				err = s.UpdateClient(c)
			}
		case 3, 4:
			var task model.Task
			date := day()
			if r.IntN(6) == 0 {
				date = 0
			}
			rep := repeats[r.IntN(len(repeats))]
			if date == 0 {
				rep = ""
			}
			task, err = s.AddTask(model.Task{Title: "t", Date: date, Kind: kinds[r.IntN(4)], ClientID: pick(clients), ProjectID: pick(projects), Repeat: rep})
			if err == nil {
				tasks = append(tasks, task.ID)
			}
		case 5:
			if id := pick(tasks); id != 0 {
				task, e := s.Task(id)
				if e == nil {
					task.Date, task.ClientID, task.Kind = day(), pick(clients), kinds[r.IntN(4)]
					task.Done = r.IntN(3) == 0
					err = s.UpdateTask(task)
				}
			}
		case 6:
			if id := pick(tasks); id != 0 {
				err = s.DeleteTask(id)
			}
		case 7:
			if id := pick(tasks); id != 0 {
				var res CompleteResult
				res, err = s.CompleteTask(id, day(), at("2026-11-01", r.IntN(20)), "")
				if res.Next != nil {
					tasks = append(tasks, res.Next.ID)
				}
			}
		case 8:
			_, err = s.AddEntry(model.JournalEntry{ClientID: pick(clients), ProjectID: pick(projects), Kind: entryKinds[r.IntN(4)],
				At: at(day().String(), r.IntN(24)), Text: "x"})
		case 9:
			var p model.Promise
			p, err = s.AddPromise(model.Promise{ClientID: pick(clients), Text: "p", Due: day()}, day())
			if err == nil {
				promises = append(promises, p.ID)
			}
		case 10:
			if id := pick(promises); id != 0 {
				if r.IntN(2) == 0 {
					_, err = s.KeepPromise(id, day())
				} else {
					_, err = s.CancelPromise(id, day(), "r", day())
				}
			}
		case 11:
			var p model.Project
			p, err = s.AddProject(model.Project{Name: fmt.Sprintf("P%d", r.IntN(40)), ClientID: pick(clients), Value: model.Money(r.IntN(1e6)),
				BidDate: day(), Stage: model.Stages[r.IntN(len(model.Stages))]}, day())
			if err == nil {
				projects = append(projects, p.ID)
			}
		case 12:
			if id := pick(projects); id != 0 {
				_, err = s.SetStage(id, model.Stages[r.IntN(len(model.Stages))], base.AddDays(40+i/10), []model.Task{{Title: "check"}}, "reason")
			}
		case 13:
			if r.IntN(3) == 0 {
				err = s.UpdateSettings(func(st *model.Settings) error { st.KeyCadenceDays = 1 + r.IntN(20); return nil })
			} else {
				_, err = s.Undo()
			}
		}
		var p *model.Problem
		if err != nil && !errors.As(err, &p) && !errors.Is(err, ErrNothingToUndo) && !errors.Is(err, ErrNotFound) {
			t.Fatalf("step %d: %v", i, err)
		}
		if i%100 == 99 {
			assertNoDrift(t, s)
		}
	}
	// The check itself must notice drift: remove one index entry by hand.
	err := s.write(func(tx *bolt.Tx) error {
		k, _ := ix(tx, ixTaskDate).Cursor().First()
		return ix(tx, ixTaskDate).Delete(k)
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	var drift []string
	_ = s.dryRun(func(tx *bolt.Tx) (err error) { drift, err = indexDrift(tx); return err })
	if len(drift) != 1 {
		t.Errorf("drift after removing one entry = %v", drift)
	}
	if err := s.write(reindex, false); err != nil {
		t.Fatal(err)
	}
}

// Re-putting a journal entry under another client (import --merge, check
// repairs) moves both clients' follow-up dates.
func TestPutEntryMovesFollowUp(t *testing.T) {
	s := newStore(t)
	a := mustClient(t, s, "A", model.TierKey, d("2026-11-01"))
	b := mustClient(t, s, "B", model.TierKey, d("2026-11-01"))
	e := mustEntry(t, s, model.JournalEntry{ClientID: a.ID, Kind: model.EntryCall, At: at("2026-11-26", 10)})
	last := func(id model.ID) model.Date {
		det, err := s.ClientDetail(id, d("2026-11-27"), 0)
		if err != nil {
			t.Fatal(err)
		}
		return det.Row.LastContact
	}
	if last(a.ID) != d("2026-11-26") || last(b.ID).Valid() {
		t.Fatal("setup")
	}
	e.ClientID = b.ID
	if err := s.update(func(tx *bolt.Tx) error { return putEntry(tx, &e) }); err != nil {
		t.Fatal(err)
	}
	if last(a.ID).Valid() || last(b.ID) != d("2026-11-26") {
		t.Errorf("after moving the call: A last %v, B last %v", last(a.ID), last(b.ID))
	}
	if err := s.update(func(tx *bolt.Tx) error { return deleteEntry(tx, e.ID) }); err != nil {
		t.Fatal(err)
	}
	if last(b.ID).Valid() {
		t.Error("deleted call still counts")
	}
}
