package storage

import (
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// validateProject normalises and checks a project (shared with import): a
// name, a client that exists, a known stage, a value not below zero, and a
// stage history in date order that ends with the current stage.
func validateProject(tx *bolt.Tx, p *model.Project) error {
	p.Name = strings.TrimSpace(p.Name)
	// A name that is only control or escape sequences shows as nothing
	// once made inert (every output does): as good as empty.
	if strings.TrimSpace(model.InertLine(p.Name)) == "" {
		return model.Errf("empty_name", "a project needs a name")
	}
	if p.ClientID == 0 {
		return model.Errf("missing_client", "a project needs a client")
	}
	if p.Stage == "" {
		p.Stage = model.StageLead
	}
	if !p.Stage.Valid() {
		return model.Errf("bad_stage", "stage %q is not one of lead, design, bidding, detailing, contract, delivery, commissioning, acceptance, closed, lost", string(p.Stage))
	}
	if p.Value < 0 {
		return model.Errf("bad_value", "a project's value cannot be negative")
	}
	n := len(p.StageHistory)
	if n == 0 || p.StageHistory[n-1].Stage != p.Stage {
		return model.Errf("bad_stage_history", "the stage history must end with the current stage %s", string(p.Stage))
	}
	for i, h := range p.StageHistory {
		if !h.Stage.Valid() || !h.On.Valid() {
			return model.Errf("bad_stage_history_entry", "stage history entry %d needs a known stage and a date", i+1)
		}
		if i > 0 && h.On < p.StageHistory[i-1].On {
			return model.Errf("bad_stage_history_order", "the stage history must be in date order")
		}
	}
	return checkRefs(tx, p.ClientID, 0)
}

// AddProject stores a project (client required; stage defaults to lead,
// entered on today).
func (s *Store) AddProject(p model.Project, today model.Date) (model.Project, error) {
	p.ID = 0
	if p.Stage == "" {
		p.Stage = model.StageLead
	}
	if len(p.StageHistory) == 0 {
		p.StageHistory = []model.StageEntry{{Stage: p.Stage, On: today}}
	}
	err := s.act(ActAddProject, func(r *recorder) error {
		if err := validateProject(r.tx, &p); err != nil {
			return err
		}
		return r.putProject(&p)
	})
	return p, err
}

// UpdateProject replaces a project's fields other than its stage and stage
// history (SetStage moves stages).
func (s *Store) UpdateProject(p model.Project) error {
	return s.act(ActEditProject, func(r *recorder) error {
		old, err := getProject(r.tx, p.ID)
		if err != nil {
			return err
		}
		p.Stage, p.StageHistory = old.Stage, old.StageHistory
		if err := validateProject(r.tx, &p); err != nil {
			return err
		}
		return r.putProject(&p)
	})
}

// Project returns one project.
func (s *Store) Project(id model.ID) (p model.Project, err error) {
	err = s.view(func(tx *bolt.Tx) error { p, err = getProject(tx, id); return err })
	return p, err
}

// FindProject matches like FindClient (codes "unknown_project",
// "ambiguous_project").
func (s *Store) FindProject(query string) (p model.Project, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		id, err := findName(tx, ixProjectName, "project", query, func(id model.ID) (string, error) {
			p, err := getProject(tx, id)
			return p.Name, err
		})
		if err != nil {
			return err
		}
		p, err = getProject(tx, id)
		return err
	})
	return p, err
}

// SetStage moves a project to a stage on a date, adds the given checklist
// tasks (their client and project default to the project's) and, for lost,
// records the reason as a journal note; one transaction.
func (s *Store) SetStage(id model.ID, stage model.Stage, on model.Date, checklist []model.Task, lostReason string) (model.Project, error) {
	var p model.Project
	err := s.act(ActSetStage, func(r *recorder) error {
		var err error
		if p, err = getProject(r.tx, id); err != nil {
			return err
		}
		if !stage.Valid() {
			return model.Errf("bad_stage", "stage %q is not one of lead, design, bidding, detailing, contract, delivery, commissioning, acceptance, closed, lost", string(stage))
		}
		if stage == p.Stage {
			return model.Errf("same_stage", "project %s is already in stage %s", p.Name, string(stage))
		}
		if !on.Valid() {
			return model.Errf("missing_date", "a stage move needs a date")
		}
		if on < p.StageSince() {
			return model.Errf("stage_date_before", "project %s entered its current stage on %s, after %s", p.Name, p.StageSince().String(), on.String())
		}
		p.Stage = stage
		p.StageHistory = append(append([]model.StageEntry(nil), p.StageHistory...), model.StageEntry{Stage: stage, On: on})
		if err := r.putProject(&p); err != nil {
			return err
		}
		for _, t := range checklist {
			t.ID = 0
			if t.ClientID == 0 {
				t.ClientID = p.ClientID
			}
			if t.ProjectID == 0 {
				t.ProjectID = p.ID
			}
			if err := validateTask(r.tx, &t); err != nil {
				return err
			}
			if err := r.putTask(&t); err != nil {
				return err
			}
		}
		if reason := strings.TrimSpace(lostReason); stage == model.StageLost && reason != "" {
			now := time.Now()
			y, m, d := on.YMD()
			e := model.JournalEntry{ClientID: p.ClientID, ProjectID: p.ID, Kind: model.EntryNote,
				At: time.Date(y, m, d, now.Hour(), now.Minute(), now.Second(), 0, time.Local), Text: reason}
			if err := r.putEntry(&e); err != nil {
				return err
			}
		}
		return nil
	})
	return p, err
}

// Projects lists projects (live only unless all) with follow-up state, in
// pipeline order of stage then by id.
func (s *Store) Projects(today model.Date, all bool) ([]ProjectRow, error) {
	rows := []ProjectRow{} // empty, not nil: lists marshal as []
	err := s.view(func(tx *bolt.Tx) error {
		st, err := readSettings(tx)
		if err != nil {
			return err
		}
		n := newNamer(tx)
		return ix(tx, ixProjectStage).ForEach(func(k, _ []byte) error {
			if !all && !byteStage(k[0]).Live() {
				return nil
			}
			p, err := getProject(tx, keyID(k[1:]))
			if err != nil {
				return err
			}
			row := ProjectRow{Project: p, Client: n.client(p.ClientID), LastContact: lastContact(tx, ixContactProject, p.ID)}
			row.FollowUp = projectFollowUp(model.ProjectState{Project: p, ClientName: row.Client, LastContact: row.LastContact}, st, today)
			rows = append(rows, row)
			return nil
		})
	})
	return rows, err
}
