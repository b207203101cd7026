package storage

// Projects: validation, the record, its index entries (project_stage,
// project_client, project_name, project_label, project_live, stage_move,
// bid_date), the project operations and views.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// stageByte is the stage's pipeline position; 0xff for none.
func stageByte(s model.Stage) byte {
	if i := s.Index(); i >= 0 {
		return byte(i)
	}
	return 0xff
}

func byteStage(b byte) model.Stage {
	if int(b) < len(model.Stages) {
		return model.Stages[b]
	}
	return ""
}

// validateProject normalises and checks a project (model.Project.Validate)
// and that its client exists.
func validateProject(tx *bolt.Tx, p *model.Project) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return checkRefs(tx, p.ClientID, 0)
}

func getProject(tx *bolt.Tx, id model.ID) (p model.Project, err error) {
	err = getRecord(tx, bProjects, "project", id, &p)
	return p, err
}

// Stage move index value: [from stage byte or 0xff][to stage byte][1 if this
// is the project's first entry into contract, else 0].
func projectIndex(tx *bolt.Tx, p *model.Project, add bool) error {
	id := idKey(p.ID)
	ops := []ixOp{
		{ixProjectStage, cat([]byte{stageByte(p.Stage)}, id), empty},
		{ixProjectClient, cat(idKey(p.ClientID), id), empty},
	}
	ops = append(ops, ixOp{ixProjectLabel, id, []byte(p.Name)})
	if p.Stage.Live() {
		ops = append(ops, ixOp{ixProjectLive, id, liveValue(tx, p)})
	}
	if p.BidDate.Valid() {
		ops = append(ops, ixOp{ixBidDate, cat(dateBytes(p.BidDate), id), []byte{stageByte(p.Stage)}})
	}
	if on, ok := p.Signed(); ok && on.Valid() {
		// project_signed: date|project → value(8), what signed sales sum
		// without decoding the project.
		ops = append(ops, ixOp{ixProjectSigned, cat(dateBytes(on), id), u64(uint64(p.Value))})
	}
	signed := false
	for i, h := range p.StageHistory {
		from := byte(0xff)
		if i > 0 {
			from = stageByte(p.StageHistory[i-1].Stage)
		}
		first := byte(0)
		if h.Stage == model.StageContract && !signed {
			first, signed = 1, true
		}
		seq := []byte{byte(i >> 8), byte(i)}
		ops = append(ops, ixOp{ixStageMove, cat(dateBytes(h.On), id, seq), []byte{from, stageByte(h.Stage), first}})
	}
	return apply(tx, ops, add)
}

// Live project summary (project_live value): [stage][stage since 4]
// [bid date 4][client id 8][value 8][client name length 2][client name]
// [project name]. Today reads the live projects from it without decoding
// them or their clients.
func liveValue(tx *bolt.Tx, p *model.Project) []byte {
	client := ix(tx, ixClientLabel).Get(idKey(p.ClientID))
	v := make([]byte, 0, 27+len(client)+len(p.Name))
	v = append(v, stageByte(p.Stage))
	v = append(v, dateBytes(p.StageSince())...)
	v = append(v, dateBytes(p.BidDate)...)
	v = append(v, idKey(p.ClientID)...)
	v = append(v, u64(uint64(p.Value))...)
	v = binary.BigEndian.AppendUint16(v, uint16(min(len(client), 65535)))
	v = append(v, client[:min(len(client), 65535)]...)
	return append(v, p.Name...)
}

// liveState decodes a project_live entry into the ProjectState it
// summarises. Its Project carries ID, Name, ClientID, Value, Stage, BidDate
// and a one-entry StageHistory (the current stage and its date): what the
// follow-up and attention rules read.
func liveState(k, v []byte) (model.ProjectState, bool) {
	if len(k) != 8 || len(v) < 27 {
		return model.ProjectState{}, false
	}
	n := int(binary.BigEndian.Uint16(v[25:27]))
	if len(v) < 27+n {
		return model.ProjectState{}, false
	}
	st := byteStage(v[0])
	p := model.Project{ID: keyID(k), Stage: st, BidDate: readDate(v[5:9]), ClientID: keyID(v[9:17]),
		Value: model.Money(binary.BigEndian.Uint64(v[17:25])), Name: string(v[27+n:]),
		StageHistory: []model.StageEntry{{Stage: st, On: readDate(v[1:5])}}}
	return model.ProjectState{Project: p, ClientName: string(v[27 : 27+n])}, true
}

// relabelLiveProjects rewrites the live summaries of a client's projects
// after the client's name changed.
func relabelLiveProjects(tx *bolt.Tx, client model.ID) error {
	live := ix(tx, ixProjectLive)
	var keys [][]byte
	_ = seekPrefix(ix(tx, ixProjectClient), idKey(client), func(k, _ []byte) error {
		if live.Get(k[8:]) != nil {
			keys = append(keys, append([]byte(nil), k[8:]...))
		}
		return nil
	})
	for _, k := range keys {
		p, err := getProject(tx, keyID(k))
		if err != nil {
			return err
		}
		if err := live.Put(k, liveValue(tx, &p)); err != nil {
			return err
		}
	}
	return nil
}

// projectSearch is what search finds a project by: its name and owner;
// its date is the day its current stage was entered.
func projectSearch(p *model.Project) *searchDoc {
	return &searchDoc{kind: skProject, id: p.ID, date: p.StageSince(), fields: []searchField{{"name", p.Name}, {"owner", p.Owner}}}
}

// putProject stores a project and its index entries. A name already used by
// another project (any case) is a "duplicate_project" Problem.
func putProject(tx *bolt.Tx, p *model.Project) error {
	names := ix(tx, ixProjectName)
	var old *model.Project
	if raw := getRaw(tx, bProjects, p.ID); raw != nil {
		old = new(model.Project)
		if err := decodeRecordOf("project", p.ID, raw, old); err != nil {
			return err
		}
	}
	// A project that keeps its name keeps its entry (even an old look-alike's).
	renamed := old == nil || !bytes.Equal(nameKey(old.Name), nameKey(p.Name))
	if holder := nameHolder(names, p.Name, p.ID); renamed && holder != 0 {
		taken := p.Name
		if other, err := getProject(tx, holder); err == nil {
			taken = other.Name // as stored, not as typed
		}
		return model.Errf("duplicate_project", "there is already a project named %q", taken).In("name")
	}
	if _, err := putRaw(rb(tx, bProjects), &p.ID, p); err != nil {
		return fmt.Errorf("store project %d: %w", p.ID, err)
	}
	if old != nil {
		if err := projectIndex(tx, old, false); err != nil {
			return err
		}
	}
	if renamed {
		if old != nil {
			if err := deleteName(names, old.Name, p.ID); err != nil {
				return err
			}
		}
		if err := putName(names, p.Name, p.ID); err != nil {
			return err
		}
	}
	var oldSearch *searchDoc
	if old != nil {
		oldSearch = projectSearch(old)
	}
	if err := projectIndex(tx, p, true); err != nil {
		return err
	}
	return searchReplace(tx, oldSearch, projectSearch(p))
}

// deleteProject removes a project and its index entries.
func deleteProject(tx *bolt.Tx, id model.ID) error {
	p, err := getProject(tx, id)
	if err != nil {
		return err
	}
	if err := projectIndex(tx, &p, false); err != nil {
		return err
	}
	if err := searchReplace(tx, projectSearch(&p), nil); err != nil {
		return err
	}
	if err := deleteName(ix(tx, ixProjectName), p.Name, id); err != nil {
		return err
	}
	return rb(tx, bProjects).Delete(idKey(id))
}

// reindexProjects rebuilds every project's index entries (for reindex);
// old look-alike names are entered apart (see reindexClients).
func reindexProjects(tx *bolt.Tx) error {
	return rb(tx, bProjects).ForEach(func(k, v []byte) error {
		var p model.Project
		if err := decodeRecordOf("project", keyID(k), v, &p); err != nil {
			return err
		}
		if err := putName(ix(tx, ixProjectName), p.Name, p.ID); err != nil {
			return err
		}
		return projectIndex(tx, &p, true)
	})
}

// projectFollowUp is model's follow-up rule for a project row.
func projectFollowUp(ps model.ProjectState, st model.Settings, today model.Date) model.FollowUp {
	return model.ProjectFollowUp(ps.Project, ps.LastContact, st, today)
}

// newProjectDefaults fills what a new project leaves out: the lead stage,
// entered today, and for one added at contract or later (onboarding a
// signed project) the signing date, the day it entered that stage unless
// told otherwise (DESIGN.md §2 v2).
func newProjectDefaults(p *model.Project, today model.Date) {
	if p.Stage == "" {
		p.Stage = model.StageLead
	}
	if len(p.StageHistory) == 0 {
		p.StageHistory = []model.StageEntry{{Stage: p.Stage, On: today}}
	}
	if model.SignedStage(p.Stage) && !p.SignedOn.Valid() {
		p.SignedOn = p.StageSince()
	}
}

// AddProject stores a project (client required; stage defaults to lead,
// entered on today).
func (s *Store) AddProject(p model.Project, today model.Date) (model.Project, error) {
	p.ID = 0
	newProjectDefaults(&p, today)
	err := s.act(ActAddProject, func(r *recorder) error {
		if err := validateProject(r.tx, &p); err != nil {
			return err
		}
		return r.putProject(&p)
	})
	return p, err
}

// ActAddProjectNewClient is a project with its client, created with it
// (the planner's add form named a client not known yet).
const ActAddProjectNewClient = "add_project_new_client"

// AddProjectWithClient creates client c and then project p for it, in one
// transaction and one undo step ("new client X and its project"): a rep
// adding a project for a contractor not yet on file does both at once.
// p's defaults are AddProject's.
func (s *Store) AddProjectWithClient(c model.Client, p model.Project, today model.Date) (model.Client, model.Project, error) {
	c.ID, p.ID = 0, 0
	if !c.CreatedOn.Valid() {
		c.CreatedOn = today
	}
	if err := validateClient(&c); err != nil {
		return model.Client{}, model.Project{}, err
	}
	newProjectDefaults(&p, today)
	err := s.act(ActAddProjectNewClient, func(r *recorder) error {
		// The client first: the project needs its id, and the undo step
		// is named after it.
		if err := r.putClient(&c); err != nil {
			return err
		}
		p.ClientID = c.ID
		if err := validateProject(r.tx, &p); err != nil {
			return err
		}
		return r.putProject(&p)
	})
	if err != nil {
		return model.Client{}, model.Project{}, err
	}
	return c, p, nil
}

// UpdateProject replaces a project's fields other than its stage and stage
// history (SetStage moves stages), if the project is still the one p was
// read as (same revision); otherwise a *ConflictError (see UpdateTask;
// editors use EditProject).
func (s *Store) UpdateProject(p model.Project) error {
	return s.act(ActEditProject, func(r *recorder) error {
		old, err := getProject(r.tx, p.ID)
		if err != nil {
			return err
		}
		if old.Rev != p.Rev {
			return conflict("project", p.ID, nil, old)
		}
		p.Stage, p.StageHistory = old.Stage, old.StageHistory
		if !p.SignedOn.Valid() {
			p.SignedOn = old.SignedOn // a form that does not show it keeps it
		}
		if err := validateProject(r.tx, &p); err != nil {
			return err
		}
		return r.putProject(&p)
	})
}

// EditProject applies an edit to the project as stored now (see EditTask).
// Its stage and stage history are not edited here (SetStage and StepStage
// move stages): a move made elsewhere meanwhile stays. A field changed both
// here and elsewhere is a *ConflictError carrying the stored project.
func (s *Store) EditProject(seen, edited model.Project) (model.Project, error) {
	var out model.Project
	edited.ID = seen.ID
	edited.Stage, edited.StageHistory = seen.Stage, seen.StageHistory
	err := s.act(ActEditProject, func(r *recorder) error {
		stored, err := getProject(r.tx, seen.ID)
		if err != nil {
			return err
		}
		merged, conflicts, changed, err := mergeEdit(seen, edited, stored)
		if err != nil {
			return err
		}
		if len(conflicts) > 0 {
			return conflict("project", seen.ID, conflicts, stored)
		}
		out = stored
		if !changed {
			return nil
		}
		merged.ID = seen.ID
		merged.Stage, merged.StageHistory = stored.Stage, stored.StageHistory
		if err := validateProject(r.tx, &merged); err != nil {
			return err
		}
		if err := r.putProject(&merged); err != nil {
			return err
		}
		out = merged
		return nil
	})
	return out, err
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

// ProjectNames lists every project's name in name order (live, closed and
// lost: a task may be about a project that is paid or lost), for the
// suggestions of a form's project field. It reads the name and label
// indexes only: no project is decoded.
func (s *Store) ProjectNames() ([]string, error) {
	out := []string{}
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		labels := ix(tx, ixProjectLabel)
		return ix(tx, ixProjectName).ForEach(func(_, v []byte) error {
			if name := labels.Get(v); name != nil {
				out = append(out, string(name))
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("listing project names: %w", err)
	}
	return out, nil
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
		return setStage(r, &p, stage, on, checklist, lostReason)
	})
	return p, err
}

// StageMove tells what StepStage did.
type StageMove struct {
	Project model.Project // as stored after the move
	From    model.Stage   // the stage it moved from: the one stored, which is not Shown when it moved elsewhere meanwhile
	Shown   model.Stage   // the stage the caller showed
	Tasks   int           // checklist tasks added
}

// StepStage moves a project one stage on (dir > 0, the `>` key) or back
// (dir < 0, `<`; on a lost project: reopened, model.StepStage) from the
// stage stored now, not the one the caller showed: a project the command
// line moved on meanwhile goes one further, never backwards (Moved.From
// says where it really came from). checklist makes the tasks to add for
// the stage actually entered (nil: none); it runs inside the transaction
// and must not touch the store.
func (s *Store) StepStage(id model.ID, dir int, shown model.Stage, on model.Date, checklist func(p model.Project, to model.Stage) []model.Task) (StageMove, error) {
	mv := StageMove{Shown: shown}
	if dir == 0 {
		return mv, errors.New("step stage: no direction (1 or -1)")
	}
	err := s.act(ActSetStage, func(r *recorder) error {
		p, err := getProject(r.tx, id)
		if err != nil {
			return err
		}
		mv.From = p.Stage
		to, err := model.StepStage(p, dir)
		if err != nil {
			return err
		}
		var tasks []model.Task
		if checklist != nil {
			tasks = checklist(p, to)
		}
		if err := setStage(r, &p, to, on, tasks, ""); err != nil {
			return err
		}
		mv.Project, mv.Tasks = p, len(tasks)
		return nil
	})
	return mv, err
}

// setStage moves p (as read in r's transaction) to stage on a date, with
// its checklist tasks and, for lost, the reason as a note.
func setStage(r *recorder, p *model.Project, stage model.Stage, on model.Date, checklist []model.Task, lostReason string) error {
	if !stage.Valid() {
		return model.BadStage(stage)
	}
	if stage == p.Stage {
		return model.Errf("same_stage", "project %s is already in stage %s", p.Name, string(stage))
	}
	if !on.Valid() {
		return model.Errf("missing_date", "a stage move needs a date")
	}
	if err := model.CheckText(model.FieldReason, lostReason); err != nil {
		return err
	}
	if on < p.StageSince() {
		return model.Errf("stage_date_before", "project %s entered its current stage on %s, after %s", p.Name, p.StageSince().String(), on.String())
	}
	if p.HasBeenIn(stage) {
		// A stage's checklist is added once per project (DESIGN.md §2
		// v2): the project as stored decides, whatever the face sent.
		checklist = nil
	}
	p.Stage = stage
	p.StageHistory = append(append([]model.StageEntry(nil), p.StageHistory...), model.StageEntry{Stage: stage, On: on})
	if err := r.putProject(p); err != nil {
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
}

// Projects lists projects (live only unless all) with follow-up state, in
// pipeline order of stage then by id.
func (s *Store) Projects(today model.Date, all bool) ([]ProjectRow, error) {
	rows := []ProjectRow{} // empty, not nil: lists marshal as []
	lang := s.language()
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		st, err := settingsFor(tx, lang)
		if err != nil {
			return err
		}
		cal := st.Calendar()
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
			row.fillBid(cal, today)
			rows = append(rows, row)
			return nil
		})
	})
	return rows, err
}

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
	lang := s.language()
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		p, err := getProject(tx, id)
		if err != nil {
			return askedFor{err} // the id asked about: its not-found is the caller's
		}
		st, err := settingsFor(tx, lang)
		if err != nil {
			return err
		}
		n := newNamer(tx)
		d.Row = ProjectRow{Project: p, Client: n.client(p.ClientID), LastContact: lastContact(tx, ixContactProject, p.ID)}
		d.Cadence = st.StageCadence(p.Stage)
		d.Row.FollowUp = projectFollowUp(model.ProjectState{Project: p, ClientName: d.Row.Client, LastContact: d.Row.LastContact}, st, today)
		d.Row.fillBid(st.Calendar(), today)
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
	// task_open: date|id → kind|client|flags; only those without a client are
	// decoded (the ones with the project's client were read above).
	err = ix(tx, ixTaskOpen).ForEach(func(k, v []byte) error {
		if len(v) >= 9 && keyID(v[1:9]) == 0 && len(k) == 12 {
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

// fillBid sets the row's bid papers date and bid states for today.
func (r *ProjectRow) fillBid(cal model.Calendar, today model.Date) {
	if model.PreparesBid(r.Stage) && r.BidDate.Valid() {
		r.PapersDue = model.PapersDue(r.BidDate, cal)
	}
	r.BidPrep = model.BidPrep(r.Project, today, cal)
	r.BidResult = model.BidResult(r.Project, today)
}
