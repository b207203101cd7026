package storage

import (
	"errors"
	"fmt"
	"strings"

	"salesplan/model"
)

// Dates outside this range are typing errors, not plans.
var (
	minDate = model.MakeDate(1900, 1, 1)
	maxDate = model.MakeDate(2200, 12, 31)
)

func checkDate(d model.Date, required bool) string {
	switch {
	case d == model.NoDate && required:
		return "required"
	case d == model.NoDate:
		return ""
	case d < minDate || d > maxDate:
		return fmt.Sprintf("%s is out of range (1900–2200)", d)
	}
	return ""
}

// validator collects the first problem found.
type validator struct{ err *ValidationError }

func (v *validator) fail(record, field, format string, args ...any) {
	if v.err == nil {
		v.err = &ValidationError{Record: record, Field: field, Msg: fmt.Sprintf(format, args...)}
	}
}

func (v *validator) date(record, field string, d model.Date, required bool) {
	if msg := checkDate(d, required); msg != "" {
		v.fail(record, field, "%s", msg)
	}
}

// id checks a record's id: present, below maxImportID, not used by an
// earlier record of its kind (seen, which it joins).
func (v *validator) id(record string, id model.ID, seen map[model.ID]bool) {
	switch {
	case id == 0:
		v.fail(record, "id", "required (a positive number)")
	case uint64(id) > maxImportID:
		v.fail(record, "id", "%d is too large (at most %d)", id, uint64(maxImportID))
	case seen[id]:
		v.fail(record, "id", "id %d is used twice", id)
	}
	seen[id] = true
}

// uniqueName checks that name, the i-th of kind ("clients"), is not the
// name of an earlier record in any case (seen maps the folded name to its
// index, and the name joins it).
func (v *validator) uniqueName(record, kind, name string, i int, seen map[string]int) {
	k := string(nameKey(name))
	if j, dup := seen[k]; dup && strings.TrimSpace(name) != "" {
		v.fail(record, "name", "%q is also the name of %s[%d] (names are unique, any case)", name, kind, j)
	}
	seen[k] = i
}

func (v *validator) text(record, field, s string, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		v.fail(record, field, "required")
	case len(s) > maxTextBytes:
		v.fail(record, field, "longer than %d bytes", maxTextBytes)
	}
}

// limits reports a text longer than model's limits (CheckLimits of the
// record's kind, the same check the operations make) as its field at fault.
func (v *validator) limits(record string, err error) {
	var p *model.Problem
	if errors.As(err, &p) {
		v.fail(record, strings.TrimPrefix(p.Code, "too_long_"), "%s", p.Error())
	}
}

// maxImportID bounds imported ids: JSON readers in other languages hold
// integers exactly only up to 2^53, and the id sequence must never wrap.
const maxImportID = 1 << 53

// maxTextBytes bounds one text field (model's limit).
const maxTextBytes = model.MaxTextBytes

// Validate checks a document whole: formats, enums, dates, unique ids and
// names, and that every reference points to a record of the document. It
// returns the first problem as a *ValidationError, or nil.
func (d *Document) Validate() error {
	v := &validator{}
	if d.Format != DocumentFormat {
		v.fail("document", "format", "must be %q (got %q)", DocumentFormat, d.Format)
	}
	if d.Version < MinDocumentVersion || d.Version > DocumentVersion {
		v.fail("document", "version", "version %d is not supported (this salesplan reads versions %d to %d)", d.Version, MinDocumentVersion, DocumentVersion)
	}
	d.validateSettings(v)

	clients := map[model.ID]bool{}
	names := map[string]int{}
	for i, c := range d.Clients {
		rec := fmt.Sprintf("clients[%d]", i)
		v.id(rec, c.ID, clients)
		v.text(rec, "name", c.Name, true)
		v.uniqueName(rec, "clients", c.Name, i, names)
		if c.Tier != "" && c.Tier != model.TierKey && c.Tier != model.TierRegular {
			v.fail(rec, "tier", "%q is not a tier (key or regular)", c.Tier)
		}
		for _, f := range []struct{ name, val string }{{"company", c.Company}, {"area", c.Area}, {"phone", c.Phone},
			{"business", c.Business}, {"needs", c.Needs}, {"decision_maker", c.DecisionMaker},
			{"interests", c.Interests}, {"referred_by", c.ReferredBy}} {
			v.text(rec, f.name, f.val, false)
		}
		if c.CadenceDays < 0 || c.CadenceDays > 3650 {
			v.fail(rec, "cadence_days", "%d is not a number of days (0 = the tier's default, up to 3650)", c.CadenceDays)
		}
		v.date(rec, "created_on", c.CreatedOn, true)
		v.limits(rec, c.CheckLimits())
	}

	projects := map[model.ID]bool{}
	pnames := map[string]int{}
	for i, p := range d.Projects {
		rec := fmt.Sprintf("projects[%d]", i)
		v.id(rec, p.ID, projects)
		v.text(rec, "name", p.Name, true)
		v.uniqueName(rec, "projects", p.Name, i, pnames)
		switch {
		case p.ClientID == 0:
			v.fail(rec, "client_id", "required")
		case !clients[p.ClientID]:
			v.fail(rec, "client_id", "no client %d", p.ClientID)
		}
		v.text(rec, "owner", p.Owner, false)
		if p.Value < 0 {
			v.fail(rec, "value", "must not be negative")
		}
		if !p.Stage.Valid() {
			v.fail(rec, "stage", "%q is not a stage", p.Stage)
		}
		v.date(rec, "bid_date", p.BidDate, false)
		v.limits(rec, p.CheckLimits())
		if len(p.StageHistory) == 0 {
			v.fail(rec, "stage_history", "empty: it must end with the current stage %q", p.Stage)
		}
		for j, h := range p.StageHistory {
			field := fmt.Sprintf("stage_history[%d]", j)
			if !h.Stage.Valid() {
				v.fail(rec, field+".stage", "%q is not a stage", h.Stage)
			}
			v.date(rec, field+".on", h.On, true)
			if j > 0 && h.On < p.StageHistory[j-1].On {
				v.fail(rec, field+".on", "%s is before the previous entry's %s (history is in date order)", h.On, p.StageHistory[j-1].On)
			}
		}
		if n := len(p.StageHistory); n > 0 && p.StageHistory[n-1].Stage != p.Stage {
			v.fail(rec, "stage_history", "ends with %q but the current stage is %q", p.StageHistory[n-1].Stage, p.Stage)
		}
		v.date(rec, "signed_on", p.SignedOn, false)
	}

	ref := func(rec, field string, id model.ID, set map[model.ID]bool, kind string, required bool) {
		if id == 0 {
			if required {
				v.fail(rec, field, "required")
			}
			return
		}
		if !set[id] {
			v.fail(rec, field, "no %s %d", kind, id)
		}
	}

	ids := map[model.ID]bool{}
	for i, t := range d.Tasks {
		rec := fmt.Sprintf("tasks[%d]", i)
		v.id(rec, t.ID, ids)
		v.text(rec, "title", t.Title, true)
		v.limits(rec, t.CheckLimits())
		v.date(rec, "date", t.Date, false)
		if t.Time.Valid() && t.Time.Minutes() >= 24*60 {
			v.fail(rec, "time", "out of range")
		}
		if t.Slot != "" && !t.Slot.Valid() {
			v.fail(rec, "slot", "%q is not a slot (morning, afternoon, evening, any)", t.Slot)
		} else if t.Time.Valid() && t.Slot != "" && t.Slot != model.SlotOf(t.Time) {
			v.fail(rec, "slot", "%q does not match the time %s (%s)", t.Slot, t.Time, model.SlotOf(t.Time))
		}
		if t.Kind != "" && !t.Kind.Valid() {
			v.fail(rec, "kind", "%q is not a task kind (call, visit, meeting, todo)", t.Kind)
		}
		ref(rec, "client_id", t.ClientID, clients, "client", false)
		ref(rec, "project_id", t.ProjectID, projects, "project", false)
		v.date(rec, "done_on", t.DoneOn, false)
		if t.DoneOn.Valid() && !t.Done {
			v.fail(rec, "done_on", "set on a task that is not done")
		}
		if !t.Repeat.Valid() {
			v.fail(rec, "repeat", "%q is not a repeat rule (daily, weekdays, weekly, monthly, every N days, every N weeks)", t.Repeat)
		} else if t.Repeat != "" && !t.Date.Valid() {
			v.fail(rec, "repeat", "a repeating task needs a date")
		}
		if t.Time.Valid() && !t.Date.Valid() {
			v.fail(rec, "time", "a task with a time needs a date")
		}
	}

	tasks := ids
	ids = map[model.ID]bool{}
	for i, e := range d.Journal {
		rec := fmt.Sprintf("journal[%d]", i)
		v.id(rec, e.ID, ids)
		// A call may have no client: a prospect call (v2), about no project.
		ref(rec, "client_id", e.ClientID, clients, "client", e.Kind != model.EntryCall)
		ref(rec, "project_id", e.ProjectID, projects, "project", false)
		ref(rec, "task_id", e.TaskID, tasks, "task", false)
		if e.ClientID == 0 && e.Kind == model.EntryCall {
			if e.ProjectID != 0 {
				v.fail(rec, "project_id", "a prospect call (no client) has no project")
			}
			v.text(rec, "text", e.Text, true)
		}
		if !e.Kind.Valid() {
			v.fail(rec, "kind", "%q is not a journal kind (note, call, visit, meeting)", e.Kind)
		}
		if e.At.IsZero() {
			v.fail(rec, "at", "required")
		} else {
			v.date(rec, "at", e.On(), true)
		}
		v.text(rec, "text", e.Text, e.Kind == model.EntryNote)
		v.limits(rec, e.CheckLimits())
	}

	ids = map[model.ID]bool{}
	for i, p := range d.Promises {
		rec := fmt.Sprintf("promises[%d]", i)
		v.id(rec, p.ID, ids)
		ref(rec, "client_id", p.ClientID, clients, "client", true)
		ref(rec, "project_id", p.ProjectID, projects, "project", false)
		v.text(rec, "text", p.Text, true)
		v.limits(rec, p.CheckLimits())
		v.date(rec, "made_on", p.MadeOn, false)
		v.date(rec, "due", p.Due, true)
		if !p.Status.Valid() {
			v.fail(rec, "status", "%q is not a status (open, kept, cancelled)", p.Status)
		}
		v.date(rec, "kept_on", p.KeptOn, p.Status == model.PromiseKept)
		if p.KeptOn.Valid() && p.Status != model.PromiseKept {
			v.fail(rec, "kept_on", "set on a promise that is %s", p.Status)
		}
		// cancelled_on is optional even on a cancelled promise: version 1
		// kept no date (such a cancellation counts as in time).
		v.date(rec, "cancelled_on", p.CancelledOn, false)
		if p.CancelledOn.Valid() && p.Status != model.PromiseCancelled {
			v.fail(rec, "cancelled_on", "set on a promise that is %s", p.Status)
		}
		if p.CancelReason != "" && p.Status != model.PromiseCancelled {
			v.fail(rec, "cancel_reason", "set on a promise that is %s", p.Status)
		}
		v.text(rec, "cancel_reason", p.CancelReason, false)
		// The dates' order (due ≥ made on ≤ kept/cancelled); "not after
		// today" is the operations' to check: a document has no today.
		if err := model.CheckPromiseDates(p, model.NoDate); err != nil {
			field := "due"
			if pr, ok := err.(*model.Problem); ok && strings.HasPrefix(pr.Code, "promise_kept") {
				field = "kept_on"
			} else if ok && strings.HasPrefix(pr.Code, "promise_cancelled") {
				field = "cancelled_on"
			}
			v.fail(rec, field, "%s", err.Error())
		}
	}
	if v.err != nil {
		return v.err
	}
	return nil
}

func (d *Document) validateSettings(v *validator) {
	st := d.Settings
	v.limits("settings", st.CheckLimits())
	for y, m := range st.AnnualTargets {
		if y < 1900 || y > 2200 {
			v.fail("settings", "annual_targets", "%d is not a year", y)
		}
		if m < 0 {
			v.fail("settings", "annual_targets", "%d: a target must not be negative", y)
		}
	}
	for k, m := range st.MonthTargets {
		if mo, err := model.ParseMonth(k); err != nil || mo.String() != k {
			v.fail("settings", "month_targets", "%q is not a month (YYYY-MM)", k)
		}
		if m < 0 {
			v.fail("settings", "month_targets", "%s: a target must not be negative", k)
		}
	}
	for _, f := range []struct {
		name     string
		val, min int
	}{{"calls_per_day", st.CallsPerDay, 0}, {"visits_per_week", st.VisitsPerWeek, 0},
		{"key_cadence_days", st.KeyCadenceDays, 1}, {"regular_cadence_days", st.RegularCadenceDays, 1},
		{"lead_cadence_days", st.LeadCadenceDays, 1}, {"design_cadence_days", st.DesignCadenceDays, 1},
		{"stage_cadence_days", st.StageCadenceDays, 1}} {
		if f.val < f.min || f.val > 10000 {
			v.fail("settings", f.name, "%d is out of range (%d–10000)", f.val, f.min)
		}
	}
	switch st.Language {
	case "", "en", "zh":
	default:
		v.fail("settings", "language", "%q is not a language (en, zh)", st.Language)
	}
	v.text("settings", "currency", st.Currency, false)
	switch st.Holidays {
	case "", model.HolidaysCN, model.HolidaysNone:
	default:
		v.fail("settings", "holidays", "%q is not a holiday calendar (cn, none)", st.Holidays)
	}
	for i, d := range st.DaysOff {
		v.date("settings", fmt.Sprintf("days_off[%d]", i), d, true)
	}
	for i, d := range st.ExtraWorkdays {
		v.date("settings", fmt.Sprintf("extra_workdays[%d]", i), d, true)
	}
	if err := st.CheckCalendar(); err != nil {
		v.fail("settings", "days_off", "%s", err.Error())
	}
	if err := st.CheckTargets(); err != nil {
		v.fail("settings", "month_targets", "%s", err.Error())
	}
}
