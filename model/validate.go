package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// One validation per kind of record (DESIGN.md §2, §7): every command, the
// planner, import and repeat generation go through these, so the same
// record gets the same answer on every path. Each Validate normalises the
// record in place (trims text, cleans names, fills enum defaults, derives
// the slot from the time) and returns the first problem as a *Problem whose
// Field names the field as the exchange format spells it; nil when the
// record is good. What needs the database (that a referenced client
// exists, that a name is unique) or the clock (defaults such as "made
// today") is storage's; the rules themselves are here.
//
// To add a rule, add a check to the kind's Validate: it then holds for the
// operations and for import alike.

// checks keeps the first problem found.
type checks struct{ p *Problem }

func (c *checks) add(p *Problem) {
	if c.p == nil && p != nil {
		c.p = p
	}
}

func (c *checks) err() error {
	if c.p == nil {
		return nil // never a nil *Problem in an error
	}
	return c.p
}

// Validate normalises and checks a client: a name that shows as something,
// a known tier (default regular), a cadence of 0 (the tier's) to 3650
// days, a created date in range, every text within MaxTextBytes.
func (c *Client) Validate() error {
	var v checks
	v.add(checkName("name", &c.Name))
	if c.Tier == "" {
		c.Tier = TierRegular
	}
	if c.Tier != TierKey && c.Tier != TierRegular {
		v.add(Errf("bad_tier", "tier %q is not key or regular", string(c.Tier)).In("tier"))
	}
	if c.CadenceDays < 0 || c.CadenceDays > 3650 {
		v.add(Errf("bad_cadence", "cadence %d days is out of range (0–3650)", c.CadenceDays).In("cadence_days"))
	}
	v.add(checkDate("created_on", c.CreatedOn, true))
	v.add(limit("", c.CheckLimits())) // the text limits (limits.go); each names its field
	return v.err()
}

// Validate normalises and checks a task: a title, a known kind (default
// todo) and slot (from the time when one is given, else default any), a
// time only with a date, a repeat rule in canonical form only with a date,
// dates in range; done_on follows done (the task's date when missing,
// cleared when not done).
func (t *Task) Validate() error {
	var v checks
	t.Title = strings.TrimSpace(t.Title)
	if Blank(t.Title) {
		v.add(Errf("empty_title", "a task needs a title").In("title"))
	}
	v.add(limit("title", t.CheckLimits()))
	if t.Kind == "" {
		t.Kind = TaskTodo
	}
	if !t.Kind.Valid() {
		v.add(Errf("bad_kind", "task kind %q is not call, visit, meeting or todo", string(t.Kind)).In("kind"))
	}
	if t.Time < 0 || t.Time.Minutes() >= 24*60 {
		v.add(Errf("bad_time", "%q is not a time (want HH:MM)", fmt.Sprint(int(t.Time))).In("time"))
		t.Time = NoClock
	}
	if t.Time.Valid() {
		t.Slot = SlotOf(t.Time)
	} else if t.Slot == "" {
		t.Slot = SlotAny
	}
	if !t.Slot.Valid() {
		v.add(Errf("bad_slot", "slot %q is not morning, afternoon, evening or any", string(t.Slot)).In("slot"))
	}
	v.add(checkDate("date", t.Date, false))
	if t.Time.Valid() && !t.Date.Valid() {
		v.add(Errf("time_needs_date", "a task with a time needs a date").In("time"))
	}
	if t.Repeat != "" {
		r, err := ParseRepeat(string(t.Repeat))
		if err != nil {
			v.add(ProblemOf(err).In("repeat"))
		} else {
			t.Repeat = r
		}
	}
	if t.Repeat != "" && !t.Date.Valid() {
		v.add(Errf("repeat_needs_date", "a repeating task needs a date").In("repeat"))
	}
	if t.Done {
		if !t.DoneOn.Valid() {
			t.DoneOn = t.Date
		}
	} else {
		t.DoneOn = NoDate
	}
	v.add(checkDate("done_on", t.DoneOn, false))
	return v.err()
}

// Validate normalises and checks a journal entry: a known kind, a client
// unless it is a prospect call (DESIGN.md §2 v2: a call with no client,
// whose text says who, about no project), text for a note, a moment whose
// date is in range, text within MaxTextBytes.
func (e *JournalEntry) Validate() error {
	var v checks
	e.Text = strings.TrimSpace(e.Text)
	if !e.Kind.Valid() {
		v.add(Errf("bad_kind", "entry kind %q is not note, call, visit or meeting", string(e.Kind)).In("kind"))
	}
	if e.ClientID == 0 && e.Kind.Valid() {
		if err := e.CheckClient(); err != nil {
			v.add(ProblemOf(err).In("client_id"))
		} else if Blank(e.Text) {
			v.add(Errf("prospect_needs_text", "a prospect call needs text saying who it was with").In("text"))
		} else if e.ProjectID != 0 {
			v.add(Errf("prospect_project", "a prospect call has no project").In("project_id"))
		}
	}
	if e.Kind == EntryNote && Blank(e.Text) {
		v.add(Errf("empty_text", "a note needs text").In("text"))
	}
	v.add(limit("text", e.CheckLimits()))
	if e.At.IsZero() {
		v.add(Errf("missing_date", "a date is needed").In("at"))
	} else {
		v.add(checkDate("at", e.On(), true))
	}
	return v.err()
}

// Validate normalises and checks a promise: a client, text, a due date, a
// known status (default open), a kept date exactly when kept and a
// cancellation's date and reason only when cancelled (cleared otherwise),
// dates in range and in order (CheckPromiseDates without today: the
// operations that know today check that half).
func (p *Promise) Validate() error {
	var v checks
	p.Text = strings.TrimSpace(p.Text)
	if p.ClientID == 0 {
		v.add(Errf("missing_client", "a promise needs a client").In("client_id"))
	}
	if Blank(p.Text) {
		v.add(Errf("empty_text", "a promise needs text").In("text"))
	}
	v.add(limit("text", p.CheckLimits()))
	if !p.Due.Valid() {
		v.add(Errf("missing_due", "a promise needs a due date").In("due"))
	}
	v.add(checkDate("due", p.Due, false))
	v.add(checkDate("made_on", p.MadeOn, false))
	if p.Status == "" {
		p.Status = PromiseOpen
	}
	if !p.Status.Valid() {
		v.add(Errf("bad_status", "promise status %q is not open, kept or cancelled", string(p.Status)).In("status"))
	}
	if p.Status == PromiseKept && !p.KeptOn.Valid() {
		v.add(Errf("missing_kept_on", "a kept promise needs the date it was kept").In("kept_on"))
	}
	if p.Status != PromiseKept {
		p.KeptOn = NoDate
	}
	if p.Status != PromiseCancelled {
		p.CancelledOn, p.CancelReason = NoDate, ""
	}
	p.CancelReason = strings.TrimSpace(p.CancelReason)
	v.add(limit("cancel_reason", CheckText(FieldReason, p.CancelReason)))
	v.add(checkDate("kept_on", p.KeptOn, false))
	// A cancellation recorded before dates were kept has none.
	v.add(checkDate("cancelled_on", p.CancelledOn, false))
	if v.p == nil {
		if err := CheckPromiseDates(*p, NoDate); err != nil {
			pr := ProblemOf(err)
			field := "due"
			switch {
			case strings.HasPrefix(pr.Code, "promise_kept"):
				field = "kept_on"
			case strings.HasPrefix(pr.Code, "promise_cancelled"):
				field = "cancelled_on"
			}
			v.add(pr.In(field))
		}
	}
	return v.err()
}

// stageList is the stages as a problem names them.
const stageList = "lead, design, bidding, detailing, contract, delivery, commissioning, acceptance, closed, lost"

// BadStage is the problem with a stage that is not one.
func BadStage(s Stage) *Problem {
	return Errf("bad_stage", "stage %q is not one of "+stageList, string(s)).In("stage")
}

// Validate normalises and checks a project: a name that shows as
// something, a client, a known stage (default lead), a value from 0 to
// MaxMoney, dates in range, and a stage history in date order that ends
// with the current stage.
func (p *Project) Validate() error {
	var v checks
	v.add(checkName("name", &p.Name))
	if p.ClientID == 0 {
		v.add(Errf("missing_client", "a project needs a client").In("client_id"))
	}
	if p.Stage == "" {
		p.Stage = StageLead
	}
	if !p.Stage.Valid() {
		v.add(BadStage(p.Stage))
	}
	if p.Value < 0 {
		v.add(Errf("bad_value", "a project's value cannot be negative").In("value"))
	}
	v.add(checkMoney("value", p.Value))
	v.add(limit("owner", CheckText(FieldOwner, p.Owner)))
	v.add(checkDate("bid_date", p.BidDate, false))
	v.add(checkDate("signed_on", p.SignedOn, false))
	for i, h := range p.StageHistory {
		field := fmt.Sprintf("stage_history[%d]", i)
		if !h.Stage.Valid() || !h.On.Valid() {
			v.add(Errf("bad_stage_history_entry", "stage history entry %d needs a known stage and a date", i+1).In(field))
		}
		v.add(checkDate("on", h.On, false).inOrNil(field))
		if i > 0 && h.On < p.StageHistory[i-1].On {
			v.add(Errf("bad_stage_history_order", "the stage history must be in date order").In(field + ".on"))
		}
	}
	if n := len(p.StageHistory); n == 0 || p.StageHistory[n-1].Stage != p.Stage {
		v.add(Errf("bad_stage_history", "the stage history must end with the current stage %s", string(p.Stage)).In("stage_history"))
	}
	return v.err()
}

// MaxCurrencyChars bounds a currency symbol: it stands beside every amount.
const MaxCurrencyChars = 8

// CheckCurrency is the problem with a currency symbol that cannot stand
// beside an amount: more than MaxCurrencyChars characters, or one that is
// not printable (a control or escape, a tab, a zero-width or bidi
// character: invisible, or rewriting the line it is on). Empty is the
// language's default.
func CheckCurrency(s string) *Problem {
	if InertLine(s) != s || utf8.RuneCountInString(s) > MaxCurrencyChars ||
		strings.IndexFunc(s, func(r rune) bool { return !unicode.IsGraphic(r) }) >= 0 {
		return Errf("bad_currency", "%q is not a currency symbol (at most 8 printable characters)", s).In("currency")
	}
	return nil
}

// inOrNil is In for a problem that may be nil.
func (p *Problem) inOrNil(field string) *Problem {
	if p == nil {
		return nil
	}
	return p.In(field)
}

// Languages the catalog speaks ("" = from the locale).
var Languages = []string{"", "en", "zh"}

// SettingMax is the largest quota or cadence (ten years of days).
const SettingMax = 3650

// Validate checks the settings: quotas and cadences in range, targets for
// years in range and months that are months, amounts from 0 to MaxMoney,
// months set by hand that keep the year whole (CheckTargets), a known
// language, a currency symbol that can stand beside an amount
// (CheckCurrency), working days that are weekdays, and the holiday calendar and
// the person's own days (CheckCalendar; the lists are sorted, without
// repeats). Each problem code takes one set of arguments, so that the
// catalog can translate it.
func (st *Settings) Validate() error {
	var v checks
	for _, f := range []struct {
		name string
		v    int
		min  int
	}{
		{"calls_per_day", st.CallsPerDay, 0}, {"visits_per_week", st.VisitsPerWeek, 0},
		{"key_cadence_days", st.KeyCadenceDays, 1}, {"regular_cadence_days", st.RegularCadenceDays, 1},
		{"lead_cadence_days", st.LeadCadenceDays, 1}, {"design_cadence_days", st.DesignCadenceDays, 1},
		{"stage_cadence_days", st.StageCadenceDays, 1},
	} {
		if f.v < f.min || f.v > SettingMax {
			v.add(Errf("bad_setting", "setting %s = %d is out of range (%d–%d)", f.name, f.v, f.min, SettingMax).In(f.name))
		}
	}
	for _, y := range sortedKeys(st.AnnualTargets) {
		if y < MinDate.Year() || y > MaxDate.Year() {
			v.add(Errf("bad_target_year", "%d is not a year salesplan keeps (1900–2200)", y).In("annual_targets"))
		}
		if st.AnnualTargets[y] < 0 {
			v.add(Errf("bad_annual_target", "the target for %d cannot be negative", y).In("annual_targets"))
		}
		v.add(checkMoney("annual_targets", st.AnnualTargets[y]))
	}
	for _, m := range sortedKeys(st.MonthTargets) {
		mo, err := ParseMonth(m)
		if err != nil || mo.String() != m || !DateInRange(mo.First()) || st.MonthTargets[m] < 0 {
			v.add(Errf("bad_month_target", "month target %s is not a month with an amount of zero or more", m).In("month_targets"))
		}
		v.add(checkMoney("month_targets", st.MonthTargets[m]))
	}
	known := false
	for _, l := range Languages {
		known = known || st.Language == l
	}
	if !known {
		v.add(Errf("bad_language", "%q is not a language (en, zh)", st.Language).In("language"))
	}
	for _, w := range st.Workdays {
		if w < time.Sunday || w > time.Saturday {
			v.add(Errf("bad_workdays", "the working days must be days of the week").In("workdays"))
		}
	}
	v.add(limit("", st.CheckLimits())) // not UTF-8 is said as such, before the symbol's rule
	v.add(CheckCurrency(st.Currency))
	if v.p == nil {
		if err := st.CheckTargets(); err != nil {
			v.add(ProblemOf(err).In("month_targets"))
		}
	}
	if st.DaysOff == nil {
		st.DaysOff = []Date{}
	}
	if st.ExtraWorkdays == nil {
		st.ExtraWorkdays = []Date{}
	}
	slices.Sort(st.DaysOff)
	st.DaysOff = slices.Compact(st.DaysOff)
	slices.Sort(st.ExtraWorkdays)
	st.ExtraWorkdays = slices.Compact(st.ExtraWorkdays)
	if err := st.CheckCalendar(); err != nil {
		field := "days_off"
		if ProblemOf(err).Code == "bad_holidays" {
			field = "holidays"
		}
		v.add(ProblemOf(err).In(field))
	}
	return v.err()
}

// sortedKeys returns a map's keys in order, so that the first problem
// reported is the same every time.
func sortedKeys[K int | string, V any](m map[K]V) []K { return slices.Sorted(maps.Keys(m)) }
