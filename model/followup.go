package model

// Follow-up rules (DESIGN.md §2), all evaluated for "today".

// ClientCadence returns c's follow-up cadence in days: its own override, else
// its tier's default from the settings (key 7, regular 30 out of the box).
func (s Settings) ClientCadence(c Client) int {
	if c.CadenceDays > 0 {
		return c.CadenceDays
	}
	if c.Tier == TierKey {
		return positiveOr(s.KeyCadenceDays, 7)
	}
	return positiveOr(s.RegularCadenceDays, 30)
}

// ClientFollowUp returns c's follow-up state: due on (lastContact, or the
// date c was created when never contacted) + cadence; due when that date is
// today or earlier, unless a call, visit or meeting is already scheduled.
// An archived client is never due. A client with neither a contact nor a
// created date (only possible in hand-edited data) is due today.
func ClientFollowUp(c Client, lastContact Date, scheduled bool, s Settings, today Date) FollowUp {
	base := lastContact
	if !base.Valid() {
		base = c.CreatedOn
	}
	due := today
	if base.Valid() {
		due = base.AddDays(s.ClientCadence(c))
	}
	return followUp(due, scheduled, !c.Archived, today)
}

// StageCadence returns the follow-up cadence in days of a project in stage
// st: lead 30, design 7, every other live stage 14 (from the settings);
// 0 for closed and lost projects, which are not followed up.
func (s Settings) StageCadence(st Stage) int {
	switch {
	case !st.Live():
		return 0
	case st == StageLead:
		return positiveOr(s.LeadCadenceDays, 30)
	case st == StageDesign:
		return positiveOr(s.DesignCadenceDays, 7)
	}
	return positiveOr(s.StageCadenceDays, 14)
}

// ProjectFollowUp returns p's follow-up state: due on max(last contact linked
// to p, date its current stage was entered) + the stage's cadence. Closed and
// lost projects are never due (Due is NoDate). A live project with neither
// date (hand-edited data) is due today.
func ProjectFollowUp(p Project, lastContact Date, s Settings, today Date) FollowUp {
	if !p.Stage.Live() {
		return FollowUp{}
	}
	base := max(lastContact, p.StageSince())
	due := today
	if base.Valid() {
		due = base.AddDays(s.StageCadence(p.Stage))
	}
	return followUp(due, false, true, today)
}

// followUp fills a FollowUp for a due date.
func followUp(due Date, scheduled, active bool, today Date) FollowUp {
	f := FollowUp{Due: due, Scheduled: scheduled}
	if active && !scheduled && due <= today {
		f.IsDue = true
		f.DaysOverdue = today.Sub(due)
	}
	return f
}

// BidPrep reports whether p shows "prepare bid documents" today: a project in
// design or bidding with a bid date D, on D−2, D−1 and D.
func BidPrep(p Project, today Date) bool {
	if p.Stage != StageDesign && p.Stage != StageBidding || !p.BidDate.Valid() {
		return false
	}
	return today >= p.BidDate.AddDays(-2) && today <= p.BidDate
}

// BidResult reports whether p shows "ask for the bid result" today: still in
// bidding on D+1 or later.
func BidResult(p Project, today Date) bool {
	return p.Stage == StageBidding && p.BidDate.Valid() && today > p.BidDate
}

// positiveOr returns v, or def when v is not positive (a zero or negative
// cadence would make everything due every day).
func positiveOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
