package storage

import (
	"sort"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// ProjectDetail is everything the project detail view shows.
type ProjectDetail struct {
	Row      ProjectRow
	Journal  []model.JournalEntry // entries linked to the project, newest first
	Promises []model.Promise      // linked to the project: open first by due, then the rest newest first
	Tasks    []model.Task         // undone tasks linked to the project, by date, undated last
	Cadence  int                  // days between follow-ups in the current stage (the settings'); 0 when not live
}

// ProjectDetail returns the project detail view; journalLimit 0 = all.
// It reads through the indexes: the journal by project, the promises of
// the project's client plus every open promise (a promise may be made to
// another client about the project), and the undone tasks of the project's
// client plus the undone tasks without a client (#project quick-adds).
func (s *Store) ProjectDetail(id model.ID, today model.Date, journalLimit int) (ProjectDetail, error) {
	var d ProjectDetail
	err := s.view(func(tx *bolt.Tx) error {
		p, err := getProject(tx, id)
		if err != nil {
			return err
		}
		st, err := readSettings(tx)
		if err != nil {
			return err
		}
		n := newNamer(tx)
		d.Row = ProjectRow{Project: p, Client: n.client(p.ClientID), LastContact: lastContact(tx, ixContactProject, p.ID)}
		d.Cadence = st.StageCadence(p.Stage)
		d.Row.FollowUp = projectFollowUp(model.ProjectState{Project: p, ClientName: d.Row.Client, LastContact: d.Row.LastContact}, st, today)
		if d.Journal, err = entriesNewestFirst(tx, ixJournalProject, id, journalLimit); err != nil {
			return err
		}
		if d.Promises, err = projectPromises(tx, p); err != nil {
			return err
		}
		d.Tasks, err = projectTasks(tx, p)
		return err
	})
	return d, err
}

func projectPromises(tx *bolt.Tx, p model.Project) ([]model.Promise, error) {
	seen := map[model.ID]bool{}
	var open, rest []model.Promise
	add := func(pid model.ID) error {
		if seen[pid] {
			return nil
		}
		seen[pid] = true
		pr, err := getPromise(tx, pid)
		if err != nil {
			return err
		}
		switch {
		case pr.ProjectID != p.ID:
		case pr.Status == model.PromiseOpen:
			open = append(open, pr)
		default:
			rest = append(rest, pr)
		}
		return nil
	}
	err := seekPrefix(ix(tx, ixPromiseClient), idKey(p.ClientID), func(k, _ []byte) error { return add(keyID(k[8:])) })
	if err != nil {
		return nil, err
	}
	err = seekPrefix(ix(tx, ixPromiseStatus), []byte{'o'}, func(k, _ []byte) error { return add(keyID(k[5:])) })
	if err != nil {
		return nil, err
	}
	sort.SliceStable(open, func(i, j int) bool {
		if open[i].Due != open[j].Due {
			return open[i].Due < open[j].Due
		}
		return open[i].ID < open[j].ID
	})
	sort.SliceStable(rest, func(i, j int) bool {
		if rest[i].MadeOn != rest[j].MadeOn {
			return rest[i].MadeOn > rest[j].MadeOn
		}
		return rest[i].ID > rest[j].ID
	})
	return append(open, rest...), nil
}

func projectTasks(tx *bolt.Tx, p model.Project) ([]model.Task, error) {
	var dated, undated []model.Task
	add := func(tid model.ID) error {
		t, err := getTask(tx, tid)
		if err != nil || t.ProjectID != p.ID || t.Done {
			return err
		}
		if t.Date.Valid() {
			dated = append(dated, t)
		} else {
			undated = append(undated, t)
		}
		return nil
	}
	// task_client: client|date|id, undone tasks with a client.
	err := seekPrefix(ix(tx, ixTaskClient), idKey(p.ClientID), func(k, _ []byte) error { return add(keyID(k[12:])) })
	if err != nil {
		return nil, err
	}
	// task_open: date|id → kind|client; only those without a client are
	// decoded (the ones with the project's client were read above).
	err = ix(tx, ixTaskOpen).ForEach(func(k, v []byte) error {
		if len(v) == 9 && keyID(v[1:]) == 0 && len(k) == 12 {
			return add(keyID(k[4:]))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(dated, func(i, j int) bool {
		if dated[i].Date != dated[j].Date {
			return dated[i].Date < dated[j].Date
		}
		return dated[i].ID < dated[j].ID
	})
	return append(dated, undated...), nil
}
