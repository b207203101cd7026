package report

import (
	"strconv"
	"strings"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/theme"
)

// The month's review (DESIGN.md §1, §2 v2): the month's numbers against its
// targets and its quarter to date, promises (kept, late, overdue and every
// cancellation with its reason), stage moves, what was signed, the funnel
// and win rate. `salesplan report month` and the planner's month report.

func monthTitle(r storage.MonthReview, l i18n.Lang) string {
	return l.T("report.month.title", l.MonthYear(r.Month.Month))
}

// quarterLabel says "Q4 to date (1 Oct – 30 Nov)".
func quarterLabel(r storage.MonthReview, l i18n.Lang) string {
	return l.T("report.quarter", r.Quarter.Number, l.DayMonth(r.Quarter.From), l.DayMonth(r.Quarter.To))
}

// monthSections builds the month review's sections after its numbers.
func monthSections(r storage.MonthReview, l i18n.Lang, currency string) []section {
	var out []section
	m := r.Month
	late := m.Promises.Kept - m.Promises.KeptOnTime
	ps := section{title: l.T("review.h.promises")}
	ps.items = append(ps.items, newItem(l, false, "report.promises.summary",
		m.Promises.Made, m.Promises.Kept, m.Promises.KeptOnTime, late, m.Promises.Overdue, m.Promises.Cancelled))
	ps.items = append(ps.items, promiseItems(r.Kept, r.Overdue, r.Cancelled, r.Today, m.Month.Last(), l)...)
	out = append(out, ps)
	out = append(out, movesSection(m.StageMoves, l))

	sg := section{title: l.T("review.h.signed")}
	sg.items = append(sg.items, newItem(l, false, "review.signed.total", SignedCount(l, m.Signed, currency)))
	for _, p := range r.Signed {
		sg.items = append(sg.items, newItem(l, false, "review.signed.item", userText(p.Project), l.Money(p.Value, currency), l.DayMonth(p.On)))
	}
	sg.items = append(sg.items, newItem(l, false, "report.quarter.signed", quarterLabel(r, l), SignedCount(l, r.Quarter.Signed, currency)))
	out = append(out, sg)

	f := r.Funnel
	fn := section{title: l.T("review.h.funnel")}
	fn.items = append(fn.items, newItem(l, false, "review.funnel", f.Contacts, f.NewProjects, f.Bids, f.Wins))
	if f.Wins+f.Lost > 0 {
		fn.items = append(fn.items, newItem(l, false, "review.winrate", int(f.WinRate*100+0.5), f.Wins, f.Lost))
	} else {
		fn.items = append(fn.items, newItem(l, false, "report.winrate_none_month"))
	}
	out = append(out, fn)
	return out
}

// promiseItems lists kept promises (on time or late), the overdue ones (as
// of asOf: the period's end or today, whichever is first) and every
// cancellation with its reason (不能有隐瞒: cancelling never hides a promise).
func promiseItems(kept, overdue, cancelled []storage.PromiseRow, today, end model.Date, l i18n.Lang) []item {
	var out []item
	for _, p := range kept {
		if p.KeptOnTime() {
			out = append(out, newItem(l, false, "review.promise.on_time",
				userText(p.Client), userText(p.Text), l.DayMonth(p.Due), l.DayMonth(p.KeptOn)))
		} else {
			out = append(out, newItem(l, true, "review.promise.late",
				userText(p.Client), userText(p.Text), l.DayMonth(p.Due), l.DayMonth(p.KeptOn), days(l, p.KeptOn.Sub(p.Due))))
		}
	}
	asOf := end.AddDays(1)
	if today.Valid() {
		asOf = min(asOf, today)
	}
	for _, p := range overdue {
		out = append(out, newItem(l, true, "review.promise.overdue",
			userText(p.Client), userText(p.Text), l.DayMonth(p.Due), days(l, asOf.Sub(p.Due))))
	}
	for _, p := range cancelled {
		out = append(out, cancelItem(l, p.Promise, p.Client))
	}
	return out
}

// movesSection lists stage moves (shared by the week and the month).
func movesSection(moves []model.StageMove, l i18n.Lang) section {
	mv := section{title: l.T("review.h.moves")}
	for _, m := range moves {
		if m.From == "" {
			mv.items = append(mv.items, newItem(l, false, "review.move_new", userText(m.Project), stageName(l, m.To), l.DayMonth(m.On)))
			continue
		}
		mv.items = append(mv.items, newItem(l, m.To == model.StageLost, "review.move",
			userText(m.Project), stageName(l, m.From), stageName(l, m.To), l.DayMonth(m.On)))
	}
	if len(mv.items) == 0 {
		mv.items = append(mv.items, newItem(l, false, "review.none"))
	}
	return mv
}

// MonthMarkdown returns the month's review as Markdown fit to send.
func MonthMarkdown(r storage.MonthReview, l i18n.Lang, currency string) string {
	var b strings.Builder
	m := r.Month
	line := func(s ...string) {
		b.WriteString(strings.Join(s, ""))
		b.WriteByte('\n')
	}
	line("# ", monthTitle(r, l))
	line()
	line("## ", l.T("report.h.month_numbers"))
	line()
	line("| ", l.T("review.col.what"), " | ", l.T("review.col.result"), " |")
	line("|---|---:|")
	line("| ", l.T("review.calls"), " | ", Count(l, m.Calls), " |")
	line("| ", l.T("report.visits_clients"), " | ", VisitCount(l, m.Visits), " |")
	line("| ", l.T("review.meetings"), " | ", strconv.Itoa(r.Meetings), " |")
	line("| ", l.T("review.signed"), " | ", SignedCount(l, m.Signed, currency), " |")
	line("| ", quarterLabel(r, l), " | ", SignedCount(l, r.Quarter.Signed, currency), " |")
	writeBlocksMD(&b, l, monthSections(r, l, currency))
	return b.String()
}

// MonthLines returns the month's review as a pane draws it: every line
// exactly w cells wide (styled).
func MonthLines(r storage.MonthReview, l i18n.Lang, currency string, st *theme.Styles, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	add := func(s string) { out = append(out, common.PadRight(s, w)) }
	head := func(s string) { add(st.Title.Render(common.PadRight(s, w))) }
	m := r.Month
	head(monthTitle(r, l))
	add("")
	head(l.T("report.h.month_numbers"))
	q := quarterLabel(r, l)
	lw := common.Width(q)
	for _, k := range []string{"review.calls", "report.visits_clients", "review.meetings", "review.signed"} {
		lw = max(lw, common.Width(l.T(k)))
	}
	num := func(label, v string) { add("  " + st.Muted.Render(common.PadRight(label, lw)) + "  " + v) }
	num(l.T("review.calls"), Count(l, m.Calls))
	num(l.T("report.visits_clients"), VisitCount(l, m.Visits))
	num(l.T("review.meetings"), strconv.Itoa(r.Meetings))
	num(l.T("review.signed"), SignedCount(l, m.Signed, currency))
	num(q, SignedCount(l, r.Quarter.Signed, currency))
	out = append(out, blockLines(l, monthSections(r, l, currency), st, w)...)
	return out
}
