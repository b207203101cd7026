// Package client draws what several screens show of one client — the
// next follow-up, a promise's line, the width of date and kind columns —
// so the Clients pane's list and detail, the call sheet, the brief and the
// Promises pane say it alike.
package client

import (
	"time"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
)

// FollowUp says when the next follow-up is: "scheduled" when a call or
// visit is booked within the week, "due today" / "3 days overdue" in red
// when due — with "booked 15 Dec" after it when a call, visit or meeting
// is booked further out (that does not make the client scheduled,
// DESIGN.md §2 v2) —, else the relative date.
func FollowUp(env common.Env, f model.FollowUp, today model.Date) (string, func(...string) string) {
	text, style := followUp(env, f, today)
	if b := booked(env.Lang, f); b != "" {
		text += " · " + b
	}
	return text, style
}

// FollowUpIn is FollowUp in at most w cells (a list's column): where
// "3 days overdue · booked 15 Dec" does not fit, a due client booked
// beyond the week shows "booked 15 Dec" alone, in the colour of due.
func FollowUpIn(env common.Env, f model.FollowUp, today model.Date, w int) (string, func(...string) string) {
	text, style := FollowUp(env, f, today)
	if b := booked(env.Lang, f); b != "" && ansi.StringWidth(text) > w {
		text = b
	}
	return text, style
}

// booked is "booked 15 Dec" for a due client with a contact booked beyond
// the schedule window, "" otherwise.
func booked(l i18n.Lang, f model.FollowUp) string {
	if !f.IsDue || !f.Booked.Valid() {
		return ""
	}
	return l.T("clients.booked", l.DayMonth(f.Booked))
}

func followUp(env common.Env, f model.FollowUp, today model.Date) (string, func(...string) string) {
	s := env.Styles
	l := env.Lang
	switch {
	case f.Scheduled:
		return l.T("clients.scheduled"), s.Muted.Render
	case f.IsDue && f.DaysOverdue == 0:
		return l.T("clients.due_today"), s.Overdue.Render
	case f.IsDue:
		return OverdueText(l, f.DaysOverdue), s.Overdue.Render
	case !f.Due.Valid():
		return "", nil
	}
	return l.Relative(f.Due, today), nil
}

// OverdueText says "1 day overdue" / "3 days overdue" in l.
func OverdueText(l i18n.Lang, days int) string {
	if days == 1 {
		return l.T("clients.day_overdue")
	}
	return l.T("rel.days_overdue", days)
}

// EntryKindWidth is the widest journal kind word, in cells.
func EntryKindWidth(l i18n.Lang) int {
	w := 0
	for _, k := range []model.EntryKind{model.EntryNote, model.EntryCall, model.EntryVisit, model.EntryMeeting} {
		w = max(w, ansi.StringWidth(l.T("kind."+string(k))))
	}
	return w
}

// PromiseLines draws a promise: due date, state, text (wrapped).
// cal is the working-day calendar "due soon" counts in (the client
// detail's).
func PromiseLines(env common.Env, p model.Promise, projName map[model.ID]string, today model.Date, cal model.Calendar, w int) []string {
	s := env.Styles
	l := env.Lang
	state := ""
	style, colored := s.Base, false
	switch {
	case p.Status == model.PromiseKept && !p.KeptOnTime():
		state = l.T("promises.kept_late", l.DayMonth(p.KeptOn)) // as the Promises pane says it
	case p.Status == model.PromiseKept:
		state = l.T("clients.promise.kept_on", l.DayMonth(p.KeptOn))
	case p.Status == model.PromiseCancelled && !p.CancelledInTime():
		state = l.T("promises.cancelled_late", l.DayMonth(p.CancelledOn))
	case p.Status == model.PromiseCancelled:
		state = l.T("promises.cancelled_on", l.DayMonth(p.CancelledOn))
	case p.Overdue(today):
		state, style, colored = OverdueText(l, today.Sub(p.Due)), s.Overdue, true
	case p.DueSoon(today, cal):
		state, style, colored = l.Relative(p.Due, today), s.DueSoon, true
	default:
		state = l.Relative(p.Due, today)
	}
	head := "  " + common.PadRight(l.ShortDate(p.Due), DateWidth(l)) + "  " + state + "  "
	text := p.Text
	if pn := projName[p.ProjectID]; pn != "" {
		text = "[" + pn + "] " + text
	}
	if p.Status == model.PromiseCancelled && p.CancelReason != "" {
		// Why it was cancelled is read with it (不能有隐瞒).
		text = l.T("promises.why", text, p.CancelReason)
	}
	lines := common.Hanging(head, text, w)
	if colored {
		for i := range lines {
			lines[i] = style.Render(lines[i])
		}
	}
	return lines
}

// DateWidth is the widest short date of l, in cells, so date columns line up.
func DateWidth(l i18n.Lang) int {
	return ansi.StringWidth(l.ShortDate(model.MakeDate(2026, time.December, 30)))
}
