package model

import (
	"slices"
	"testing"
	"time"
)

func TestCheckPromiseDates(t *testing.T) {
	today := d("2026-11-27")
	p := func(made, due, kept, cancelled string) Promise {
		return Promise{MadeOn: od(made), Due: od(due), KeptOn: od(kept), CancelledOn: od(cancelled)}
	}
	tests := []struct {
		name string
		p    Promise
		code string
	}{
		{"due the day it was made", p("2026-11-20", "2026-11-20", "", ""), ""},
		{"due before it was made", p("2026-11-20", "2026-11-19", "", ""), "promise_due_before_made"},
		{"kept the day it was made", p("2026-11-20", "2026-11-25", "2026-11-20", ""), ""},
		{"kept today", p("2026-11-20", "2026-11-25", "2026-11-27", ""), ""},
		{"kept before it was made", p("2026-11-20", "2026-11-25", "2026-11-19", ""), "promise_kept_before_made"},
		{"kept tomorrow", p("2026-11-20", "2026-11-25", "2026-11-28", ""), "promise_kept_after_today"},
		{"cancelled before it was made", p("2026-11-20", "2026-11-25", "", "2026-11-10"), "promise_cancelled_before_made"},
		{"cancelled after today", p("2026-11-20", "2026-11-25", "", "2026-12-01"), "promise_cancelled_after_today"},
		{"cancelled after due (allowed, counts as broken)", p("2026-11-20", "2026-11-25", "", "2026-11-26"), ""},
		{"no made date (old data) checks the rest", p("", "2026-11-25", "2026-11-28", ""), "promise_kept_after_today"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPromiseDates(tt.p, today)
			code := ""
			if pr, ok := err.(*Problem); ok {
				code = pr.Code
			} else if err != nil {
				t.Fatalf("error %v is not a *Problem", err)
			}
			if code != tt.code {
				t.Errorf("CheckPromiseDates = %v, want code %q", err, tt.code)
			}
		})
	}
	// Without a today (nothing known), the future is not checked.
	if err := CheckPromiseDates(p("2026-11-20", "2026-11-25", "2030-01-01", ""), NoDate); err != nil {
		t.Errorf("no today: %v", err)
	}
}

func TestCountVisits(t *testing.T) {
	v := func(client ID, kind EntryKind) JournalEntry { return JournalEntry{ClientID: client, Kind: kind} }
	tests := []struct {
		name            string
		es              []JournalEntry
		clients, visits int
	}{
		{"none", nil, 0, 0},
		{"one client seen twice is one client", []JournalEntry{v(1, EntryVisit), v(1, EntryVisit)}, 1, 2},
		{"calls and meetings do not count", []JournalEntry{v(1, EntryCall), v(2, EntryMeeting), v(3, EntryNote), v(4, EntryVisit)}, 1, 1},
		{"three clients, five visits", []JournalEntry{v(1, EntryVisit), v(2, EntryVisit), v(1, EntryVisit), v(3, EntryVisit), v(2, EntryVisit)}, 3, 5},
	}
	for _, tt := range tests {
		c, n := CountVisits(tt.es)
		if c != tt.clients || n != tt.visits {
			t.Errorf("%s: CountVisits = %d clients, %d visits; want %d, %d", tt.name, c, n, tt.clients, tt.visits)
		}
	}
}

func TestContactToLink(t *testing.T) {
	day := d("2026-11-27")
	at := func(h int) time.Time { return day.Time(time.Local).Add(time.Duration(h) * time.Hour) }
	visit := Task{ID: 9, Kind: TaskVisit, ClientID: 1, Date: day}
	es := []JournalEntry{
		{ID: 1, ClientID: 1, Kind: EntryCall, At: at(9)},                             // another kind
		{ID: 2, ClientID: 2, Kind: EntryVisit, At: at(9)},                            // another client
		{ID: 3, ClientID: 1, Kind: EntryVisit, At: at(11), TaskID: 5},                // linked to another task
		{ID: 4, ClientID: 1, Kind: EntryVisit, At: d("2026-11-26").Time(time.Local)}, // another day
		{ID: 5, ClientID: 1, Kind: EntryVisit, At: at(15)},
		{ID: 6, ClientID: 1, Kind: EntryVisit, At: at(10)}, // the earliest unlinked: this one
	}
	got, ok := ContactToLink(visit, day, es)
	if !ok || got.ID != 6 {
		t.Errorf("ContactToLink = %d, %v; want entry 6", got.ID, ok)
	}
	if _, ok := ContactToLink(visit, day, es[:5]); ok {
		// es[:5] still holds entry 5: recheck that it is found when 6 is gone.
		if got, _ := ContactToLink(visit, day, es[:5]); got.ID != 5 {
			t.Errorf("without 6, linked %d, want 5", got.ID)
		}
	}
	if _, ok := ContactToLink(visit, day, es[:4]); ok {
		t.Errorf("linked an entry of another kind, client, day or task")
	}
	if _, ok := ContactToLink(Task{Kind: TaskTodo, ClientID: 1}, day, es); ok {
		t.Errorf("a to-do links a contact")
	}
	if _, ok := ContactToLink(Task{Kind: TaskVisit}, day, es); ok {
		t.Errorf("a visit with no client links a contact")
	}
}

func TestEntryClient(t *testing.T) {
	if err := (JournalEntry{Kind: EntryCall}).CheckClient(); err != nil {
		t.Errorf("a prospect call is refused: %v", err)
	}
	for _, k := range []EntryKind{EntryVisit, EntryMeeting, EntryNote} {
		if err := (JournalEntry{Kind: k}).CheckClient(); err == nil {
			t.Errorf("a %s without a client is accepted", k)
		}
	}
	if !(JournalEntry{Kind: EntryCall}).IsProspect() || (JournalEntry{Kind: EntryCall, ClientID: 1}).IsProspect() {
		t.Errorf("IsProspect is wrong")
	}
}

func TestChecklistOnce(t *testing.T) {
	fresh := Project{Stage: StageDetailing, StageHistory: []StageEntry{{StageDesign, d("2026-10-01")}, {StageDetailing, d("2026-11-01")}}}
	if got := ChecklistFor(fresh, StageContract); len(got) != 3 {
		t.Errorf("first entry into contract: %d items, want 3", len(got))
	}
	// Moved into contract, back to detailing, and into contract again.
	again := fresh
	again.StageHistory = append(slices.Clone(fresh.StageHistory), StageEntry{StageContract, d("2026-11-10")}, StageEntry{StageDetailing, d("2026-11-12")})
	if got := ChecklistFor(again, StageContract); got != nil {
		t.Errorf("re-entering contract adds %v, want nothing", got)
	}
	if got := ChecklistFor(again, StageDelivery); len(got) != 2 {
		t.Errorf("first entry into delivery: %d items, want 2", len(got))
	}
	if got := ChecklistFor(fresh, StageBidding); got != nil {
		t.Errorf("a stage without a checklist gives %v", got)
	}
}

func TestSigned(t *testing.T) {
	hist := func(es ...StageEntry) []StageEntry { return es }
	tests := []struct {
		name       string
		p          Project
		defaultOn  string
		signed     string
		signedOK   bool
		signedStep bool
	}{
		// Its history names contract: it is signed then, nothing to fill in
		// (so that an export without signed_on imports unchanged).
		{"imported at contract", Project{Stage: StageContract, StageHistory: hist(StageEntry{StageContract, d("2026-03-10")})}, "", "2026-03-10", true, true},
		{"onboarded at delivery", Project{Stage: StageDelivery, StageHistory: hist(StageEntry{StageDelivery, d("2026-04-02")})}, "2026-04-02", "", false, true},
		{"onboarded at acceptance with a signed date", Project{Stage: StageAcceptance, SignedOn: d("2026-01-15"), StageHistory: hist(StageEntry{StageAcceptance, d("2026-06-01")})}, "2026-01-15", "2026-01-15", true, true},
		{"imported with history past contract but none at contract", Project{Stage: StageAcceptance, StageHistory: hist(StageEntry{StageDesign, d("2026-01-01")}, StageEntry{StageDelivery, d("2026-03-01")}, StageEntry{StageAcceptance, d("2026-05-01")})}, "2026-03-01", "", false, true},
		{"went through contract here", Project{Stage: StageDelivery, StageHistory: hist(StageEntry{StageBidding, d("2026-01-01")}, StageEntry{StageContract, d("2026-02-01")}, StageEntry{StageDelivery, d("2026-03-01")})}, "", "2026-02-01", true, true},
		{"still bidding", Project{Stage: StageBidding, StageHistory: hist(StageEntry{StageBidding, d("2026-01-01")})}, "", "", false, false},
		{"lost is not signed", Project{Stage: StageLost, StageHistory: hist(StageEntry{StageLost, d("2026-01-01")})}, "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DefaultSignedOn(tt.p); got != od(tt.defaultOn) {
				t.Errorf("DefaultSignedOn = %s, want %q", got, tt.defaultOn)
			}
			on, ok := tt.p.Signed()
			if ok != tt.signedOK || on != od(tt.signed) {
				t.Errorf("Signed = %s, %v; want %q, %v", on, ok, tt.signed, tt.signedOK)
			}
			if SignedStage(tt.p.Stage) != tt.signedStep {
				t.Errorf("SignedStage(%s) = %v", tt.p.Stage, !tt.signedStep)
			}
			// Once the default is filled in, the project counts as signed then.
			p := tt.p
			p.SignedOn = DefaultSignedOn(p)
			if on, ok := p.Signed(); SignedStage(p.Stage) && (!ok || !on.Valid()) {
				t.Errorf("with its default signed date, a %s project is not signed", p.Stage)
			}
		})
	}
}

func TestBuildDayRecord(t *testing.T) {
	day := d("2026-11-27") // a Friday: tomorrow's plan is Monday's
	at := func(h, m int) time.Time {
		return day.Time(time.Local).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	s := DefaultSettings()
	in := DayRecordInput{
		Day: day, Settings: s,
		Entries: []JournalEntry{
			{ID: 1, ClientID: 1, Kind: EntryVisit, At: at(15, 0), Text: "site visit"},
			{ID: 2, Kind: EntryCall, At: at(9, 0), Text: "tender site: 张工 138…"}, // a prospect call
			{ID: 3, ClientID: 2, Kind: EntryCall, At: at(9, 30), Text: "quote"},
			{ID: 4, ClientID: 1, Kind: EntryNote, At: at(16, 0), Text: "daughter's exam"},
			{ID: 5, ClientID: 1, Kind: EntryVisit, At: at(10, 0), Text: "again"},
			{ID: 6, ClientID: 2, Kind: EntryMeeting, At: at(11, 0)},
			{ID: 7, ClientID: 2, Kind: EntryCall, At: at(9, 0).AddDate(0, 0, -1)}, // yesterday: ignored
		},
		Promises: []Promise{
			{ID: 1, ClientID: 1, MadeOn: day, Due: d("2026-12-01"), Status: PromiseOpen},
			{ID: 2, ClientID: 2, MadeOn: d("2026-11-20"), Due: d("2026-11-26"), Status: PromiseKept, KeptOn: day},
			{ID: 3, ClientID: 2, MadeOn: d("2026-11-20"), Due: d("2026-11-26"), Status: PromiseCancelled, CancelledOn: day, CancelReason: "client changed plans"},
			{ID: 4, ClientID: 2, MadeOn: day, Due: day, Status: PromiseKept, KeptOn: day}, // made and kept today
		},
		Tasks: []AgendaTask{
			task(1, "2026-11-27", "10:00", "", false, true),
			task(2, "2026-11-25", "", SlotAny, true, false),  // important, carried: undone
			task(3, "2026-11-27", "", SlotAny, true, false),  // important today, undone
			task(4, "2026-11-27", "", SlotAny, false, false), // not important: not listed as undone
			task(5, "2026-11-30", "09:00", "", false, false), // Monday: the plan
			task(6, "2026-11-28", "", SlotAny, true, false),  // Saturday: not the next working day
			task(2, "2026-11-25", "", SlotAny, true, false),  // listed twice
			task(8, "2026-11-20", "", SlotAny, true, true),   // important, done before: not undone
		},
		ClientNames: map[ID]string{1: "王总", 2: "ACME Ltd"},
	}
	done8 := in.Tasks[7]
	done8.DoneOn = d("2026-11-21")
	in.Tasks[7] = done8
	done1 := in.Tasks[0]
	done1.DoneOn = day
	in.Tasks[0] = done1
	r := BuildDayRecord(in)
	var contacts []ID
	for _, e := range r.Contacts {
		contacts = append(contacts, e.ID)
	}
	if !slices.Equal(contacts, []ID{2, 3, 5, 6, 1}) {
		t.Errorf("contacts = %v, want in time order [2 3 5 6 1]", contacts)
	}
	if r.Contacts[0].Client != "" || r.Contacts[0].Text != "tender site: 张工 138…" || r.Contacts[1].Client != "ACME Ltd" {
		t.Errorf("names or text lost: %+v", r.Contacts[:2])
	}
	if len(r.Notes) != 1 || r.Notes[0].ID != 4 {
		t.Errorf("notes = %+v", r.Notes)
	}
	if r.Calls != (Quota{Done: 2, Target: 30}) || r.Visits != (VisitQuota{Done: 1, Visits: 2, Target: 4}) || r.Meetings != 1 {
		t.Errorf("calls %+v visits %+v meetings %d", r.Calls, r.Visits, r.Meetings)
	}
	pids := func(ps []RecordPromise) (out []ID) {
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	if !slices.Equal(pids(r.Made), []ID{1, 4}) || !slices.Equal(pids(r.Kept), []ID{2, 4}) || !slices.Equal(pids(r.Cancelled), []ID{3}) {
		t.Errorf("made %v kept %v cancelled %v", pids(r.Made), pids(r.Kept), pids(r.Cancelled))
	}
	if r.Cancelled[0].CancelReason != "client changed plans" {
		t.Errorf("the cancellation's reason is lost")
	}
	if got := ids(r.Done); !slices.Equal(got, []ID{1}) {
		t.Errorf("done = %v", got)
	}
	if got := ids(r.Undone); !slices.Equal(got, []ID{2, 3}) {
		t.Errorf("important undone = %v, want [2 3] oldest first", got)
	}
	if r.Next != d("2026-11-30") || !slices.Equal(ids(r.Plan), []ID{5}) {
		t.Errorf("plan for %s = %v, want Monday's [5]", r.Next, ids(r.Plan))
	}
}

func TestDayVisitsTarget(t *testing.T) {
	s := DefaultSettings()
	var sum int
	for i := range 7 {
		sum += DayVisitsTarget(s, d("2026-11-23").AddDays(i))
	}
	if sum != 20 || DayVisitsTarget(s, d("2026-11-28")) != 0 {
		t.Errorf("a week's day shares sum to %d, want 20 (and 0 on Saturday)", sum)
	}
	cn := cnSettings()
	// The National Day week has three working days: 20 = 6 + 7 + 7.
	got := []int{DayVisitsTarget(cn, d("2026-09-28")), DayVisitsTarget(cn, d("2026-09-29")), DayVisitsTarget(cn, d("2026-09-30")), DayVisitsTarget(cn, d("2026-10-01"))}
	if !slices.Equal(got, []int{6, 7, 7, 0}) {
		t.Errorf("national day week shares = %v", got)
	}
}

func TestLogCompletes(t *testing.T) {
	call := Task{Kind: TaskCall, ClientID: 1}
	for _, tt := range []struct {
		t    Task
		kind EntryKind
		want bool
	}{
		{call, EntryCall, true},
		{call, EntryVisit, false},
		{Task{Kind: TaskCall}, EntryCall, false},                          // no client
		{Task{Kind: TaskCall, ClientID: 1, Done: true}, EntryCall, false}, // already done
		{Task{Kind: TaskTodo, ClientID: 1}, EntryNote, false},
		{Task{Kind: TaskMeeting, ClientID: 1}, EntryMeeting, true},
	} {
		if got := LogCompletes(tt.t, tt.kind); got != tt.want {
			t.Errorf("LogCompletes(%+v, %s) = %v", tt.t, tt.kind, got)
		}
	}
}
