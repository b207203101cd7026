package model

import "testing"

func TestEntryKindIsContact(t *testing.T) {
	for k, want := range map[EntryKind]bool{
		EntryNote: false, EntryCall: true, EntryVisit: true, EntryMeeting: true, "email": false, "": false,
	} {
		if got := k.IsContact(); got != want {
			t.Errorf("EntryKind(%q).IsContact() = %v, want %v", k, got, want)
		}
	}
	for k, want := range map[TaskKind]EntryKind{
		TaskCall: EntryCall, TaskVisit: EntryVisit, TaskMeeting: EntryMeeting, TaskTodo: EntryNote,
	} {
		if got := k.EntryKind(); got != want || got.IsContact() != k.IsContact() {
			t.Errorf("TaskKind(%q).EntryKind() = %q, want %q with the same contact-ness", k, got, want)
		}
	}
}

func TestClientCadence(t *testing.T) {
	s := DefaultSettings()
	tests := []struct {
		name string
		c    Client
		s    Settings
		want int
	}{
		{"key default", Client{Tier: TierKey}, s, 7},
		{"regular default", Client{Tier: TierRegular}, s, 30},
		{"per-client override", Client{Tier: TierKey, CadenceDays: 3}, s, 3},
		{"tier default from settings", Client{Tier: TierRegular}, Settings{RegularCadenceDays: 45}, 45},
		{"unset setting falls back", Client{Tier: TierKey}, Settings{}, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.ClientCadence(tt.c); got != tt.want {
				t.Errorf("ClientCadence = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestClientFollowUp(t *testing.T) {
	s := DefaultSettings()
	today := d("2026-11-27")
	key := Client{Tier: TierKey, CreatedOn: d("2026-10-01")}
	regular := Client{Tier: TierRegular, CreatedOn: d("2026-10-01")}
	tests := []struct {
		name      string
		c         Client
		last      string
		next      string // next booked call/visit/meeting
		wantDue   string
		isDue     bool
		overdue   int
		scheduled bool
		booked    string
	}{
		{"key cadence exactly reached is due", key, "2026-11-20", "", "2026-11-27", true, 0, false, ""},
		{"key cadence minus one is not due", key, "2026-11-21", "", "2026-11-28", false, 0, false, ""},
		{"key overdue by three", key, "2026-11-17", "", "2026-11-24", true, 3, false, ""},
		{"a call booked today makes a due client not due", key, "2026-11-17", "2026-11-27", "2026-11-24", false, 0, true, ""},
		{"booked on the seventh day ahead: scheduled", key, "2026-11-17", "2026-12-04", "2026-11-24", false, 0, true, ""},
		{"booked on the eighth day ahead: due, booked shown", key, "2026-11-17", "2026-12-05", "2026-11-24", true, 3, false, "2026-12-05"},
		{"booked months ahead: due, booked shown", key, "2026-11-10", "2027-03-01", "2026-11-17", true, 10, false, "2027-03-01"},
		{"booked far ahead, not yet due: booked still known", key, "2026-11-25", "2027-01-10", "2026-12-02", false, 0, false, "2027-01-10"},
		{"never contacted counts from created", key, "", "", "2026-10-08", true, 50, false, ""},
		{"regular cadence 30 reached", regular, "2026-10-28", "", "2026-11-27", true, 0, false, ""},
		{"regular cadence 29 not due", regular, "2026-10-29", "", "2026-11-28", false, 0, false, ""},
		{"archived is never due", Client{Tier: TierKey, Archived: true}, "2026-11-01", "", "2026-11-08", false, 0, false, ""},
		{"no dates at all is due today", Client{Tier: TierKey}, "", "", "2026-11-27", true, 0, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ClientFollowUp(tt.c, od(tt.last), od(tt.next), s, today)
			if f.Due.String() != tt.wantDue || f.IsDue != tt.isDue || f.DaysOverdue != tt.overdue ||
				f.Scheduled != tt.scheduled || f.Booked.String() != tt.booked {
				t.Errorf("ClientFollowUp = %+v (due %s, booked %s), want due %s isDue %v overdue %d scheduled %v booked %q",
					f, f.Due, f.Booked, tt.wantDue, tt.isDue, tt.overdue, tt.scheduled, tt.booked)
			}
		})
	}
}

// od parses a date, "" being none.
func od(s string) Date {
	if s == "" {
		return NoDate
	}
	return d(s)
}

func TestStageCadence(t *testing.T) {
	s := DefaultSettings()
	for st, want := range map[Stage]int{
		StageLead: 30, StageDesign: 7, StageBidding: 14, StageDetailing: 14, StageContract: 14,
		StageDelivery: 14, StageCommissioning: 14, StageAcceptance: 14, StageClosed: 0, StageLost: 0,
	} {
		if got := s.StageCadence(st); got != want {
			t.Errorf("StageCadence(%s) = %d, want %d", st, got, want)
		}
	}
	s.DesignCadenceDays = 5
	if got := s.StageCadence(StageDesign); got != 5 {
		t.Errorf("StageCadence(design) with setting 5 = %d", got)
	}
}

func project(st Stage, since string, bid string) Project {
	p := Project{Stage: st, StageHistory: []StageEntry{{Stage: st, On: d(since)}}}
	if bid != "" {
		p.BidDate = d(bid)
	}
	return p
}

func TestProjectFollowUp(t *testing.T) {
	s := DefaultSettings()
	today := d("2026-11-27")
	tests := []struct {
		name    string
		p       Project
		last    string
		wantDue string
		isDue   bool
		overdue int
	}{
		{"design 7 days after stage entry is due", project(StageDesign, "2026-11-20", ""), "", "2026-11-27", true, 0},
		{"design 6 days is not due", project(StageDesign, "2026-11-21", ""), "", "2026-11-28", false, 0},
		{"contact after the stage entry counts", project(StageDesign, "2026-11-01", ""), "2026-11-22", "2026-11-29", false, 0},
		{"stage entry after the contact counts", project(StageBidding, "2026-11-10", ""), "2026-11-01", "2026-11-24", true, 3},
		{"lead 30 days", project(StageLead, "2026-10-28", ""), "", "2026-11-27", true, 0},
		{"delivery 14 days", project(StageDelivery, "2026-11-14", ""), "", "2026-11-28", false, 0},
		{"closed never due", project(StageClosed, "2026-01-01", ""), "", "", false, 0},
		{"lost never due", project(StageLost, "2026-01-01", ""), "", "", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var last Date
			if tt.last != "" {
				last = d(tt.last)
			}
			f := ProjectFollowUp(tt.p, last, s, today)
			if f.Due.String() != tt.wantDue || f.IsDue != tt.isDue || f.DaysOverdue != tt.overdue {
				t.Errorf("ProjectFollowUp = %+v (due %s), want due %s isDue %v overdue %d", f, f.Due, tt.wantDue, tt.isDue, tt.overdue)
			}
		})
	}
}

func TestBidPrepAndResult(t *testing.T) {
	cal := DefaultSettings().Calendar() // Monday–Friday, no holidays
	bid := "2026-12-10"                 // a Thursday: papers due Tue 12-08, shown from Thu 12-03
	tests := []struct {
		name         string
		p            Project
		today        string
		prep, result bool
		urgent       bool
	}{
		{"design the day before the window: nothing", project(StageDesign, "2026-11-01", bid), "2026-12-02", false, false, false},
		{"design first day of the window (third working day before P)", project(StageDesign, "2026-11-01", bid), "2026-12-03", true, false, false},
		{"lead with a bid date prepares too", project(StageLead, "2026-11-01", bid), "2026-12-04", true, false, false},
		{"bidding the day before P, not urgent", project(StageBidding, "2026-11-01", bid), "2026-12-07", true, false, false},
		{"bidding on P, urgent", project(StageBidding, "2026-11-01", bid), "2026-12-08", true, false, true},
		{"bidding D-1 urgent", project(StageBidding, "2026-11-01", bid), "2026-12-09", true, false, true},
		{"bidding D urgent", project(StageBidding, "2026-11-01", bid), "2026-12-10", true, false, true},
		{"bidding D+1 result, no prep", project(StageBidding, "2026-11-01", bid), "2026-12-11", false, true, false},
		{"bidding D+20 result", project(StageBidding, "2026-11-01", bid), "2026-12-30", false, true, false},
		{"design D+1 asks for the result", project(StageDesign, "2026-11-01", bid), "2026-12-11", false, true, false},
		{"lead D+1 asks for the result", project(StageLead, "2026-11-01", bid), "2026-12-11", false, true, false},
		{"detailing D+1 no result once moved on", project(StageDetailing, "2026-12-11", bid), "2026-12-11", false, false, false},
		{"detailing D no prep", project(StageDetailing, "2026-11-01", bid), "2026-12-10", false, false, false},
		{"lost with bid date raises nothing on D", project(StageLost, "2026-11-01", bid), "2026-12-10", false, false, false},
		{"lost with bid date raises nothing on D+1", project(StageLost, "2026-11-01", bid), "2026-12-11", false, false, false},
		{"no bid date", project(StageBidding, "2026-11-01", ""), "2026-12-10", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			today := d(tt.today)
			if got := BidPrep(tt.p, today, cal); got != tt.prep {
				t.Errorf("BidPrep = %v, want %v", got, tt.prep)
			}
			if got := BidPrepUrgent(tt.p, today, cal); got != tt.urgent {
				t.Errorf("BidPrepUrgent = %v, want %v", got, tt.urgent)
			}
			if got := BidResult(tt.p, today); got != tt.result {
				t.Errorf("BidResult = %v, want %v", got, tt.result)
			}
		})
	}
}
