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

// ScheduleWindow is how far ahead a booked call, visit or meeting makes a
// client "scheduled" rather than due, in days (today through today+7).
const ScheduleWindow = 7

// ClientFollowUp returns c's follow-up state: due on (lastContact, or the
// date c was created when never contacted) + cadence; due when that date is
// today or earlier, unless a call, visit or meeting is booked within
// ScheduleWindow days. next is the date of c's next undone call, visit or
// meeting task dated today or later (NoDate if none): a booking further out
// does not hide a due client, it shows as Booked (DESIGN.md §2, v2). An
// archived client is never due. A client with neither a contact nor a
// created date (only possible in hand-edited data) is due today.
func ClientFollowUp(c Client, lastContact, next Date, s Settings, today Date) FollowUp {
	base := lastContact
	if !base.Valid() {
		base = c.CreatedOn
	}
	due := today
	if base.Valid() {
		due = base.AddDays(s.ClientCadence(c))
	}
	scheduled := Scheduled(next, today)
	f := followUp(due, scheduled, !c.Archived, today)
	if !scheduled && next.Valid() && next > today {
		f.Booked = next
	}
	return f
}

// Scheduled reports whether a contact booked on next (NoDate: none) makes a
// client scheduled today: booked from today through ScheduleWindow days
// ahead.
func Scheduled(next, today Date) bool {
	return next.Valid() && next >= today && next <= today.AddDays(ScheduleWindow)
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

// PreparesBid reports whether a project in stage st works toward a bid:
// lead, design and bidding (DESIGN.md §2, v2: a lead's bid date counts too).
func PreparesBid(st Stage) bool {
	return st == StageLead || st == StageDesign || st == StageBidding
}

// PapersDue returns the date the bid papers for a bid on bid must be ready
// (DESIGN.md §2, v2): the second working day before the bid. A Monday bid
// has its papers due the Thursday before; a Saturday bid too.
func PapersDue(bid Date, cal Calendar) Date {
	if !bid.Valid() {
		return NoDate
	}
	return cal.AddWorkdays(bid, -2)
}

// BidPrepFrom returns the first day "prepare bid documents" shows for a bid
// on bid: the third working day before the papers are due.
func BidPrepFrom(bid Date, cal Calendar) Date {
	if !bid.Valid() {
		return NoDate
	}
	return cal.AddWorkdays(PapersDue(bid, cal), -3)
}

// BidPrep reports whether p shows "prepare bid documents" today: a project
// in lead, design or bidding with a bid date D, from BidPrepFrom(D) through
// D itself.
func BidPrep(p Project, today Date, cal Calendar) bool {
	if !PreparesBid(p.Stage) || !p.BidDate.Valid() {
		return false
	}
	return today >= BidPrepFrom(p.BidDate, cal) && today <= p.BidDate
}

// BidPrepUrgent reports whether the bid papers of p are due today or were
// due before (from P through the bid, the item is urgent).
func BidPrepUrgent(p Project, today Date, cal Calendar) bool {
	return BidPrep(p, today, cal) && today >= PapersDue(p.BidDate, cal)
}

// BidResult reports whether p shows "ask for the bid result" today: still
// in lead, design or bidding on D+1 or later.
func BidResult(p Project, today Date) bool {
	return PreparesBid(p.Stage) && p.BidDate.Valid() && today > p.BidDate
}

// positiveOr returns v, or def when v is not positive (a zero or negative
// cadence would make everything due every day).
func positiveOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
