package storage

import (
	"fmt"

	"salesplan/model"
)

// invalid is the error for a record of a document (or a line of a CSV
// file) at fault: the record named as a JSON path does, the Problem saying
// what is wrong with which field.
func invalid(record string, p *model.Problem) *ValidationError {
	return &ValidationError{Record: record, Field: p.Field, Msg: p.Error(), Why: p}
}

// formatProblem and versionProblem are the refusals of a document that is
// not a salesplan export of a version this build reads.
func formatProblem(got string) *model.Problem {
	return model.Errf("doc_bad_format", "must be \"salesplan\" (got %s): not a salesplan export", got).In("format")
}

func versionProblem(got string) *model.Problem {
	return model.Errf("doc_bad_version", "version %s is not supported (this salesplan reads versions %d to %d)",
		got, MinDocumentVersion, DocumentVersion).In("version")
}

// Validate checks a document whole, through each kind's model Validate —
// the rules every operation applies, so that import gives the same answer
// as the operations for the same record — and what only a document has:
// ids present, unique and within 1…2^53-1, names unique (look-alikes
// included), every reference to a record of the document. Like the
// operations it normalises the records (clean names, enum defaults, the
// slot from the time). It returns the first problem as a *ValidationError
// naming the record and field, or nil.
func (d *Document) Validate() error { return d.ValidateOn(model.NoDate) }

// ValidateOn is Validate that also refuses, as the operations do, a record
// saying something happened after today (model's CheckHappened: created,
// done, recorded, made, kept, cancelled, a stage entered, signed); today
// NoDate skips that check.
func (d *Document) ValidateOn(today model.Date) error {
	if d.Format != DocumentFormat {
		return invalid(RecordDocument, formatProblem(fmt.Sprintf("%q", d.Format)))
	}
	if d.Version < MinDocumentVersion || d.Version > DocumentVersion {
		return invalid(RecordDocument, versionProblem(fmt.Sprint(d.Version)))
	}
	if err := d.Settings.Validate(); err != nil {
		return invalid("settings", model.ProblemOf(err))
	}
	clients, projects := map[model.ID]bool{}, map[model.ID]bool{}
	names := map[string]int{}
	for i := range d.Clients {
		c := &d.Clients[i]
		rec := fmt.Sprintf("clients[%d]", i)
		if err := firstOf(checkDocID(c.ID, clients), c.Validate(), c.CheckHappened(today), uniqueName("clients", c.Name, i, names)); err != nil {
			return invalid(rec, model.ProblemOf(err))
		}
	}
	names = map[string]int{}
	for i := range d.Projects {
		p := &d.Projects[i]
		rec := fmt.Sprintf("projects[%d]", i)
		if err := firstOf(checkDocID(p.ID, projects), p.Validate(), p.CheckHappened(today), uniqueName("projects", p.Name, i, names),
			docRef("client_id", p.ClientID, clients, "client")); err != nil {
			return invalid(rec, model.ProblemOf(err))
		}
	}
	tasks := map[model.ID]bool{}
	for i := range d.Tasks {
		t := &d.Tasks[i]
		rec := fmt.Sprintf("tasks[%d]", i)
		if err := firstOf(checkDocID(t.ID, tasks), t.Validate(), t.CheckHappened(today), docRef("client_id", t.ClientID, clients, "client"),
			docRef("project_id", t.ProjectID, projects, "project")); err != nil {
			return invalid(rec, model.ProblemOf(err))
		}
	}
	ids := map[model.ID]bool{}
	for i := range d.Journal {
		e := &d.Journal[i]
		rec := fmt.Sprintf("journal[%d]", i)
		if err := firstOf(checkDocID(e.ID, ids), e.Validate(), e.CheckHappened(today), docRef("client_id", e.ClientID, clients, "client"),
			docRef("project_id", e.ProjectID, projects, "project"), docRef("task_id", e.TaskID, tasks, "task")); err != nil {
			return invalid(rec, model.ProblemOf(err))
		}
	}
	ids = map[model.ID]bool{}
	for i := range d.Promises {
		p := &d.Promises[i]
		rec := fmt.Sprintf("promises[%d]", i)
		if err := firstOf(checkDocID(p.ID, ids), p.Validate(), p.CheckHappened(today), docRef("client_id", p.ClientID, clients, "client"),
			docRef("project_id", p.ProjectID, projects, "project")); err != nil {
			return invalid(rec, model.ProblemOf(err))
		}
	}
	return nil
}

// firstOf returns the first non-nil error (a nil *Problem counts as nil).
func firstOf(errs ...error) error {
	for _, err := range errs {
		if p, ok := err.(*model.Problem); ok && p == nil {
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// checkDocID checks a record's id: within 1…MaxID and not used by an
// earlier record of its kind (seen, which it joins).
func checkDocID(id model.ID, seen map[model.ID]bool) error {
	if p := model.CheckID("id", id); p != nil {
		return p
	}
	if seen[id] {
		return model.Errf("duplicate_id", "id %d is used twice", uint64(id)).In("id")
	}
	seen[id] = true
	return nil
}

// uniqueName checks that name, the i-th of kind ("clients"), is not the
// name of an earlier record, look-alikes included (seen maps the name key
// to its index, and the name joins it).
func uniqueName(kind, name string, i int, seen map[string]int) error {
	k := string(nameKey(name))
	if j, dup := seen[k]; dup && k != "" {
		return model.Errf("duplicate_in_document", "%q is also the name of %s (names are unique, any case)",
			name, fmt.Sprintf("%s[%d]", kind, j)).In("name")
	}
	seen[k] = i
	return nil
}

// docRef checks a reference to a record of the document (0 = none).
func docRef(field string, id model.ID, set map[model.ID]bool, kind string) error {
	if id == 0 || set[id] {
		return nil
	}
	return model.Errf("unknown_"+kind+"_id", "there is no "+kind+" %d", uint64(id)).In(field)
}
