package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// ID identifies a record of one kind. 0 means "none".
type ID uint64

// Money is an amount in minor units (cents, fen).
type Money int64

// MoneyFromMain converts main units (e.g. 120000.5) to Money, rounding to the cent.
func MoneyFromMain(v float64) Money { return Money(math.Round(v * 100)) }

// Main returns the amount in main units.
func (m Money) Main() float64 { return float64(m) / 100 }

// MarshalJSON writes main units as a JSON number (DESIGN.md §3), exactly
// to the cent from the integer (through a float64, a sum past 2^53 cents
// would be rounded): "120000.5", "92233720368547758.07".
func (m Money) MarshalJSON() ([]byte, error) {
	u := uint64(m)
	var b []byte
	if m < 0 {
		b, u = append(b, '-'), -u
	}
	b = strconv.AppendUint(b, u/100, 10)
	switch c := u % 100; {
	case c%10 != 0:
		b = append(b, '.', byte('0'+c/10), byte('0'+c%10))
	case c != 0:
		b = append(b, '.', byte('0'+c/10))
	}
	return b, nil
}

// UnmarshalJSON reads main units.
func (m *Money) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*m = 0
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return fmt.Errorf("money must be a number in main units: %w", err)
	}
	// Beyond MaxMoney (either sign) the value is refused here, before the
	// conversion to cents could overflow; Validate names the field.
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > MaxMoney.Main() {
		return Errf("amount_too_large", "%s is more than salesplan keeps (at most 10000000000000)", string(b))
	}
	// Exactly, from the JSON number's digits: 0.001 is refused, not rounded.
	r, ok := new(big.Rat).SetString(string(b))
	if !ok {
		return fmt.Errorf("money must be a number in main units: %s", b)
	}
	neg := r.Sign() < 0
	v, err := exactMinor(r.Abs(r), string(b))
	if neg {
		v = -v
	}
	*m = v
	return err
}

// groupsThousands reports whether the commas of t group thousands: 1 to
// 3 digits, then groups of a comma and exactly 3 digits, then nothing, or
// a point, a unit or a suffix with no comma in it. (A function, not a
// regexp: compiling one costs every start of the program.)
func groupsThousands(t string) bool {
	digits := func(s string) int {
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		return n
	}
	n := digits(t)
	if n < 1 || n > 3 {
		return false
	}
	t = t[n:]
	groups := 0
	for strings.HasPrefix(t, ",") {
		if digits(t[1:]) != 3 {
			return false
		}
		t, groups = t[4:], groups+1
	}
	return groups > 0 && !strings.Contains(t, ",")
}

// ParseMoney reads a user-typed amount in main units: "500000", "1,200,000.50",
// "50万" (ten thousands) and "1.2m" / "300k" are accepted. A bad amount is a
// Problem ("bad_amount"), so a form can show it as it comes.
func ParseMoney(s string) (Money, error) {
	t := strings.TrimLeft(strings.TrimSpace(s), "¥$€£")
	if strings.Contains(t, ",") {
		if !groupsThousands(t) {
			// "1,5" is a decimal comma where a point is meant: dropping
			// the comma would read a hundred times the amount.
			return 0, Errf("amount_bad_comma", "%q: a comma only separates thousands (1,000,000); write decimals with a point (1.5)", strings.TrimSpace(s))
		}
		t = strings.ReplaceAll(t, ",", "")
	}
	mult := 1.0
	switch {
	case strings.HasSuffix(t, "万"):
		mult, t = 1e4, strings.TrimSuffix(t, "万")
	case strings.HasSuffix(t, "亿"):
		mult, t = 1e8, strings.TrimSuffix(t, "亿")
	case strings.HasSuffix(strings.ToLower(t), "k"):
		mult, t = 1e3, t[:len(t)-1]
	case strings.HasSuffix(strings.ToLower(t), "m"):
		mult, t = 1e6, t[:len(t)-1]
	}
	f, err := strconv.ParseFloat(t, 64)
	// "1e400" is a number, far over the limit: said so below, not "not an amount".
	overflow := errors.Is(err, strconv.ErrRange) && f > 0
	if !overflow && (err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0) {
		return 0, Errf("bad_amount", "%q is not an amount (e.g. 500000 or 50万)", s)
	}
	if overflow || f*mult > 2*MaxMoney.Main() { // (and no huge exponent reaches big.Rat below)
		return 0, Errf("amount_too_large", "%s is more than salesplan keeps (at most 10000000000000)", strings.TrimSpace(s))
	}
	// The float only says whether t is a number; the amount is computed
	// exactly, as a fraction, so that nothing is rounded unseen.
	r, isRat := new(big.Rat).SetString(t)
	if !isRat || strings.Contains(t, "/") {
		return 0, Errf("bad_amount", "%q is not an amount (e.g. 500000 or 50万)", s)
	}
	return exactMinor(r.Mul(r, new(big.Rat).SetFloat64(mult)), strings.TrimSpace(s))
}

// exactMinor converts an amount in main units to minor units: refused when
// it is above MaxMoney ("amount_too_large") or finer than the minor unit,
// a cent ("amount_too_precise": 0.001 would be stored as 0, never said).
func exactMinor(main *big.Rat, typed string) (Money, error) {
	cents := new(big.Rat).Mul(main, big.NewRat(100, 1))
	if cents.Cmp(new(big.Rat).SetInt64(int64(MaxMoney))) > 0 {
		return 0, Errf("amount_too_large", "%s is more than salesplan keeps (at most 10000000000000)", typed)
	}
	if !cents.IsInt() {
		return 0, Errf("amount_too_precise", "%s is finer than a cent: amounts are kept to 0.01, the currency's smallest unit", typed)
	}
	return Money(cents.Num().Int64()), nil
}

// Tier is a client's tier.
type Tier string

// Tiers.
const (
	TierKey     Tier = "key"
	TierRegular Tier = "regular"
)

// Client is a person the rep sells to.
type Client struct {
	ID            ID     `json:"id"`
	Rev           uint64 `json:"-"` // the revision it was stored with (storage sets it; an edit sends it back); not in the JSON
	Name          string `json:"name"`
	Company       string `json:"company"`
	Tier          Tier   `json:"tier"`
	Area          string `json:"area"`
	Phone         string `json:"phone"`
	Business      string `json:"business"`
	Needs         string `json:"needs"`
	DecisionMaker string `json:"decision_maker"`
	Interests     string `json:"interests"`
	ReferredBy    string `json:"referred_by"`
	CadenceDays   int    `json:"cadence_days"` // 0: the tier's default
	CreatedOn     Date   `json:"created_on"`
	Archived      bool   `json:"archived"`
}

// EntryKind is the kind of a journal entry.
type EntryKind string

// Journal entry kinds. Calls, visits and meetings are contacts; notes are not.
const (
	EntryNote    EntryKind = "note"
	EntryCall    EntryKind = "call"
	EntryVisit   EntryKind = "visit"
	EntryMeeting EntryKind = "meeting"
)

// IsContact reports whether an entry of this kind counts toward quotas and
// resets follow-up clocks.
func (k EntryKind) IsContact() bool {
	return k == EntryCall || k == EntryVisit || k == EntryMeeting
}

// Valid reports whether k is a known kind.
func (k EntryKind) Valid() bool { return k == EntryNote || k.IsContact() }

// JournalEntry is a dated line in a client's history.
type JournalEntry struct {
	ID        ID        `json:"id"`
	Rev       uint64    `json:"-"` // the revision it was stored with (storage sets it; an edit sends it back); not in the JSON
	ClientID  ID        `json:"client_id"`
	ProjectID ID        `json:"project_id"`
	TaskID    ID        `json:"task_id"` // the task whose completion recorded it (0: none)
	Kind      EntryKind `json:"kind"`
	At        time.Time `json:"at"`
	Text      string    `json:"text"`
}

// On returns the civil date of the entry.
func (e JournalEntry) On() Date { return DateOf(e.At) }

// IsProspect reports whether e is a prospect call: a call with no client
// (DESIGN.md §2, v2). It counts toward the calls quota and resets no clock.
func (e JournalEntry) IsProspect() bool { return e.ClientID == 0 && e.Kind == EntryCall }

// CheckClient refuses an entry without a client unless it is a call: only
// a prospect call stands alone.
func (e JournalEntry) CheckClient() error {
	if e.ClientID == 0 && e.Kind != EntryCall {
		return Errf("entry_needs_client", "a %s needs a client; only a call can be with a prospect", string(e.Kind))
	}
	return nil
}

// LogCompletes reports whether recording a contact of kind with t's
// client, from t, completes t instead (DESIGN.md §2 v2: c/v/m on a task of
// the same kind with that client completes the task): an undone call, visit
// or meeting task with a client, of that kind.
func LogCompletes(t Task, kind EntryKind) bool {
	return !t.Done && t.ClientID != 0 && t.Kind.IsContact() && t.Kind.EntryKind() == kind
}

// ContactToLink returns the entry that completing task t on day on should
// link instead of recording another contact (DESIGN.md §2, v2: one
// contact, once): among es, an entry of t's contact kind with t's client,
// dated on, linked to no task — the earliest, so that the one logged
// first is the one kept. false when there is none (record a new entry) or
// t records no contact.
func ContactToLink(t Task, on Date, es []JournalEntry) (JournalEntry, bool) {
	if !t.Kind.IsContact() || t.ClientID == 0 {
		return JournalEntry{}, false
	}
	var best JournalEntry
	found := false
	for _, e := range es {
		if e.ClientID != t.ClientID || e.Kind != t.Kind.EntryKind() || e.TaskID != 0 || e.On() != on {
			continue
		}
		if !found || e.At.Before(best.At) || e.At.Equal(best.At) && e.ID < best.ID {
			best, found = e, true
		}
	}
	return best, found
}

// Slot is a part of the day.
type Slot string

// Slots.
const (
	SlotMorning   Slot = "morning"
	SlotAfternoon Slot = "afternoon"
	SlotEvening   Slot = "evening"
	SlotAny       Slot = "any"
)

// SlotOf derives the slot from a time: before 12:00 morning, before 18:00
// afternoon, else evening.
func SlotOf(c Clock) Slot {
	switch {
	case !c.Valid():
		return SlotAny
	case c.Hour() < 12:
		return SlotMorning
	case c.Hour() < 18:
		return SlotAfternoon
	default:
		return SlotEvening
	}
}

// Valid reports whether s is a known slot.
func (s Slot) Valid() bool {
	return s == SlotMorning || s == SlotAfternoon || s == SlotEvening || s == SlotAny
}

// TaskKind is what a task is.
type TaskKind string

// Task kinds.
const (
	TaskCall    TaskKind = "call"
	TaskVisit   TaskKind = "visit"
	TaskMeeting TaskKind = "meeting"
	TaskTodo    TaskKind = "todo"
)

// Valid reports whether k is a known kind.
func (k TaskKind) Valid() bool {
	return k == TaskCall || k == TaskVisit || k == TaskMeeting || k == TaskTodo
}

// IsContact reports whether completing a task of this kind with a client
// records a contact.
func (k TaskKind) IsContact() bool { return k == TaskCall || k == TaskVisit || k == TaskMeeting }

// EntryKind returns the journal kind recorded when such a task is done.
func (k TaskKind) EntryKind() EntryKind {
	switch k {
	case TaskCall:
		return EntryCall
	case TaskVisit:
		return EntryVisit
	case TaskMeeting:
		return EntryMeeting
	}
	return EntryNote
}

// Task is something to do, on a date or in the inbox (no date).
type Task struct {
	ID        ID       `json:"id"`
	Rev       uint64   `json:"-"` // the revision it was stored with (storage sets it; an edit sends it back); not in the JSON
	Title     string   `json:"title"`
	Date      Date     `json:"date"`
	Time      Clock    `json:"time"`
	Slot      Slot     `json:"slot"`
	Kind      TaskKind `json:"kind"`
	ClientID  ID       `json:"client_id"`
	ProjectID ID       `json:"project_id"`
	Important bool     `json:"important"`
	Done      bool     `json:"done"`
	DoneOn    Date     `json:"done_on"`
	Repeat    Repeat   `json:"repeat"`
}

// EffectiveSlot returns the slot from the time when one is set.
func (t Task) EffectiveSlot() Slot {
	if t.Time.Valid() {
		return SlotOf(t.Time)
	}
	if t.Slot == "" {
		return SlotAny
	}
	return t.Slot
}

// CarriedOver reports whether t is undone and dated before today.
func (t Task) CarriedOver(today Date) bool {
	return !t.Done && t.Date.Valid() && t.Date < today
}

// PromiseStatus is the state of a promise.
type PromiseStatus string

// Promise statuses.
const (
	PromiseOpen      PromiseStatus = "open"
	PromiseKept      PromiseStatus = "kept"
	PromiseCancelled PromiseStatus = "cancelled"
)

// Valid reports whether s is a known status.
func (s PromiseStatus) Valid() bool {
	return s == PromiseOpen || s == PromiseKept || s == PromiseCancelled
}

// Promise is something the rep told a client they would do.
type Promise struct {
	ID        ID            `json:"id"`
	Rev       uint64        `json:"-"` // the revision it was stored with (storage sets it; an edit sends it back); not in the JSON
	ClientID  ID            `json:"client_id"`
	ProjectID ID            `json:"project_id"`
	Text      string        `json:"text"`
	MadeOn    Date          `json:"made_on"`
	Due       Date          `json:"due"`
	Status    PromiseStatus `json:"status"`
	KeptOn    Date          `json:"kept_on"`
	// CancelledOn and CancelReason record a cancellation (v2): when and
	// why. A cancellation from before they existed has neither.
	CancelledOn  Date   `json:"cancelled_on"`
	CancelReason string `json:"cancel_reason"`
}

// Overdue reports whether p is open and due before today.
func (p Promise) Overdue(today Date) bool { return p.Status == PromiseOpen && p.Due < today }

// DueSoonDays is how many working days after today "due soon" reaches.
const DueSoonDays = 2

// DueSoonUntil returns the last day a promise due then is "due soon"
// today: the end of the second working day after today (on a Friday that
// reaches Tuesday).
func DueSoonUntil(today Date, cal Calendar) Date { return cal.AddWorkdays(today, DueSoonDays) }

// DueSoon reports whether p is open and due today or by the end of the
// second working day after today (DESIGN.md §2, v2).
func (p Promise) DueSoon(today Date, cal Calendar) bool {
	return p.Status == PromiseOpen && p.Due >= today && p.Due <= DueSoonUntil(today, cal)
}

// CancelledInTime reports whether p was cancelled on or before its due
// date: such a promise leaves the reliability figure. One cancelled after
// its due date was broken first and counts as broken. A cancellation with
// no date (recorded before dates were kept) counts as in time.
func (p Promise) CancelledInTime() bool {
	return p.Status == PromiseCancelled && (!p.CancelledOn.Valid() || p.CancelledOn <= p.Due)
}

// KeptOnTime reports whether p was kept on or before its due date.
func (p Promise) KeptOnTime() bool {
	return p.Status == PromiseKept && p.KeptOn.Valid() && p.KeptOn <= p.Due
}

// Stage is a project's stage.
type Stage string

// Stages in order, then lost.
const (
	StageLead          Stage = "lead"
	StageDesign        Stage = "design"
	StageBidding       Stage = "bidding"
	StageDetailing     Stage = "detailing"
	StageContract      Stage = "contract"
	StageDelivery      Stage = "delivery"
	StageCommissioning Stage = "commissioning"
	StageAcceptance    Stage = "acceptance"
	StageClosed        Stage = "closed"
	StageLost          Stage = "lost"
)

// Stages lists the stages in pipeline order; lost comes last.
var Stages = []Stage{StageLead, StageDesign, StageBidding, StageDetailing, StageContract,
	StageDelivery, StageCommissioning, StageAcceptance, StageClosed, StageLost}

// Index returns the position of s in Stages, or -1.
func (s Stage) Index() int {
	for i, v := range Stages {
		if v == s {
			return i
		}
	}
	return -1
}

// Valid reports whether s is a known stage.
func (s Stage) Valid() bool { return s.Index() >= 0 }

// Live reports whether a project in this stage is still being worked.
func (s Stage) Live() bool { return s.Valid() && s != StageClosed && s != StageLost }

// Next returns the stage after s in the pipeline (closed stays closed; lost has none).
func (s Stage) Next() (Stage, bool) {
	i := s.Index()
	if i < 0 || s == StageClosed || s == StageLost {
		return s, false
	}
	return Stages[i+1], true
}

// Prev returns the stage before s (lead has none; lost has none).
func (s Stage) Prev() (Stage, bool) {
	i := s.Index()
	if i <= 0 || s == StageLost {
		return s, false
	}
	return Stages[i-1], true
}

// StageEntry records the date a project entered a stage.
type StageEntry struct {
	Stage Stage `json:"stage"`
	On    Date  `json:"on"`
}

// Project is a sales project tracked through its stages.
type Project struct {
	ID           ID           `json:"id"`
	Rev          uint64       `json:"-"` // the revision it was stored with (storage sets it; an edit sends it back); not in the JSON
	Name         string       `json:"name"`
	ClientID     ID           `json:"client_id"`
	Owner        string       `json:"owner"`
	Value        Money        `json:"value"`
	Stage        Stage        `json:"stage"`
	BidDate      Date         `json:"bid_date"`
	SignedOn     Date         `json:"signed_on"` // v2: signed date of a project added or imported at contract or later (see Signed)
	StageHistory []StageEntry `json:"stage_history"`
}

// StageSince returns the date the current stage was entered.
func (p Project) StageSince() Date {
	if n := len(p.StageHistory); n > 0 {
		return p.StageHistory[n-1].On
	}
	return NoDate
}

// Signed returns the date the project's value counts as signed: its
// SignedOn when it was added or imported already signed, else the date it
// first entered contract; false when it has not been signed.
func (p Project) Signed() (Date, bool) {
	if p.SignedOn.Valid() {
		return p.SignedOn, true
	}
	for _, h := range p.StageHistory {
		if h.Stage == StageContract {
			return h.On, true
		}
	}
	return NoDate, false
}

// SignedStage reports whether a project at stage st is past its signature:
// contract or a later stage, not lost.
func SignedStage(st Stage) bool {
	return st.Valid() && st != StageLost && st.Index() >= StageContract.Index()
}

// DefaultSignedOn returns the signed date a project added or imported at a
// signed stage carries when none is given (DESIGN.md §2, v2): the date it
// first entered contract or a later stage (for one entered at that stage,
// the date its current stage was entered); NoDate when it is not at a
// signed stage or has entered contract in its history (then the history
// says when it was signed).
func DefaultSignedOn(p Project) Date {
	if p.SignedOn.Valid() || !SignedStage(p.Stage) {
		return p.SignedOn
	}
	for _, h := range p.StageHistory {
		if h.Stage == StageContract {
			return NoDate
		}
	}
	for _, h := range p.StageHistory {
		if SignedStage(h.Stage) {
			return h.On
		}
	}
	return p.StageSince()
}

// Settings are the user's targets, quotas, cadences and preferences.
type Settings struct {
	Rev                uint64           `json:"-"` // revision: see Task.Rev
	AnnualTargets      map[int]Money    `json:"annual_targets"`
	MonthTargets       map[string]Money `json:"month_targets"` // key YYYY-MM
	CallsPerDay        int              `json:"calls_per_day"`
	VisitsPerWeek      int              `json:"visits_per_week"`
	Workdays           Workdays         `json:"workdays"`
	KeyCadenceDays     int              `json:"key_cadence_days"`
	RegularCadenceDays int              `json:"regular_cadence_days"`
	LeadCadenceDays    int              `json:"lead_cadence_days"`
	DesignCadenceDays  int              `json:"design_cadence_days"`
	StageCadenceDays   int              `json:"stage_cadence_days"`
	Language           string           `json:"language"` // "" = from the locale
	Currency           string           `json:"currency"` // "" = by language
	// Holidays is the public-holiday calendar: HolidaysCN, HolidaysNone or
	// "" (cn for a Chinese reader, else none: HolidaysFor).
	Holidays      string `json:"holidays"`
	DaysOff       []Date `json:"days_off"`       // the person's own days off, sorted
	ExtraWorkdays []Date `json:"extra_workdays"` // the person's extra working days, sorted
}

// DefaultSettings returns the settings of a new database.
func DefaultSettings() Settings {
	return Settings{
		AnnualTargets:      map[int]Money{},
		MonthTargets:       map[string]Money{},
		CallsPerDay:        30,
		VisitsPerWeek:      20,
		Workdays:           Workdays{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		KeyCadenceDays:     7,
		RegularCadenceDays: 30,
		LeadCadenceDays:    30,
		DesignCadenceDays:  7,
		StageCadenceDays:   14,
		DaysOff:            []Date{},
		ExtraWorkdays:      []Date{},
	}
}

// Workdays is the set of working weekdays, serialised as ["mon", …].
type Workdays []time.Weekday

var weekdayNames = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// Has reports whether w is a working day.
func (ws Workdays) Has(w time.Weekday) bool {
	for _, v := range ws {
		if v == w {
			return true
		}
	}
	return false
}

// MarshalJSON writes ["mon", …] in week order starting Monday.
func (ws Workdays) MarshalJSON() ([]byte, error) {
	out := []string{}
	for _, w := range []time.Weekday{1, 2, 3, 4, 5, 6, 0} {
		if ws.Has(w) {
			out = append(out, weekdayNames[w])
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads ["mon", …].
func (ws *Workdays) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return fmt.Errorf("workdays must be a list like [\"mon\",\"tue\"]: %w", err)
	}
	out := Workdays{}
	for _, n := range names {
		w, ok := ParseWeekdayName(n)
		if !ok {
			return fmt.Errorf("%q is not a weekday (mon…sun)", n)
		}
		if !out.Has(w) {
			out = append(out, w)
		}
	}
	*ws = out
	return nil
}

// ParseWeekdayName reads "mon"…"sun" (any case, full names too).
func ParseWeekdayName(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 3 {
		return 0, false
	}
	for i, n := range weekdayNames {
		if strings.HasPrefix(s, n) && strings.HasPrefix(strings.ToLower(time.Weekday(i).String()), s) {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// Repeat is a task's repeat rule as the user wrote it in canonical form:
// "" (none), "daily", "weekdays", "weekly", "monthly", "every N days",
// "every N weeks". Parsing and the next occurrence live in repeat.go.
type Repeat string
