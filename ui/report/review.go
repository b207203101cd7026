// Package report renders the weekly review (DESIGN.md §1, §5): the week's
// numbers against target, calls and visits per day against quota as text
// bars, promises kept on time and late, stage moves, signed sales, the
// funnel and win rate, the key clients nobody contacted, and next week's
// known dates. It is pure: one storage.Review in, (a) Markdown fit to send
// to a manager (`salesplan review`) or (b) the lines the Week pane shows on
// `r`. Both say the same things through the same catalog keys.
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

// DayQuotas returns the calls and visits quota of each day of the week
// starting on start's Monday: calls per day on a working day, and the
// weekly visits target spread over the working days in whole visits (the
// days sum to the weekly target: 20 over 5 days is 4 a day, 20 over 6 is
// 3,3,4,3,3,4; model.DayVisitsTarget).
func DayQuotas(st model.Settings, start model.Date) (calls, visits [7]int) {
	start = start.WeekStart()
	for i := range 7 {
		d := start.AddDays(i)
		calls[i] = st.CallsTarget(d)
		visits[i] = model.DayVisitsTarget(st, d)
	}
	return calls, visits
}

// Pct is done as a whole percentage of target (rounded half up, never
// overflowing: model.Percent); ok is false when there is no target.
func Pct(done, target int64) (int64, bool) { return model.Percent(done, target) }

// Count says "12 of 30 (40%)" / "12 / 30（40%）".
func Count(l i18n.Lang, q model.Quota) string {
	s := l.T("review.count", q.Done, q.Target)
	if p, ok := Pct(int64(q.Done), int64(q.Target)); ok {
		s += l.T("review.pct", p)
	}
	return s
}

// SignedCount says signed sales against their target, the same in the
// planner's panes (Week, Month, the year view) and the reports: "¥12,000 of
// ¥23,077 (52%)", or "¥12,000 (no target set)" for a period without a sales
// target, never "of ¥0".
func SignedCount(l i18n.Lang, q model.MoneyQuota, currency string) string {
	if q.Target == 0 {
		return l.T("review.money_no_target", l.Money(q.Value, currency))
	}
	s := l.T("review.money_of", l.Money(q.Value, currency), l.Money(q.Target, currency))
	if p, ok := Pct(int64(q.Value), int64(q.Target)); ok {
		key := "review.pct"
		if q.Value.Saturated() {
			key = "review.pct_at_least" // the sum is a lower bound: so is its share
		}
		s += l.T(key, p)
	}
	return s
}

// Bar is a text bar of w cells filled in proportion to done/target, with
// fill and empty runes; a day without a target shows only its count.
func Bar(done, target, w int, fill, empty string) (filled, rest string) {
	if w <= 0 {
		return "", ""
	}
	n := 0
	switch {
	case target > 0:
		n = min(done, target) * w / target
		if done > 0 && n == 0 {
			n = 1 // something was done: show it
		}
	case done > 0:
		n = w
	}
	return strings.Repeat(fill, n), strings.Repeat(empty, w-n)
}

// ---- what the review says, shared by both renderers

// item is one entry of a section: the day's record's block (day.go), so
// that every report draws a user's text — a cancellation's reason, a
// call's outcome — the same way, its line breaks kept.
type item = block

type section = blockSection

func inert(s string) string { return model.InertLine(s) }

// mdEscape escapes the characters that Markdown would read as markup in
// text the user typed, after making it inert.
func mdEscape(s string) string {
	s = model.InertLine(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()<>#+-.!|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// say formats a catalog message twice: with the user's text made inert
// (the TUI) and escaped for Markdown.
func say(l i18n.Lang, key string, args ...any) (string, string) {
	plain := make([]any, len(args))
	md := make([]any, len(args))
	for i, a := range args {
		if u, ok := a.(userText); ok {
			plain[i] = inert(string(u))
			md[i] = mdEscape(string(u))
			continue
		}
		plain[i], md[i] = a, a
	}
	return l.T(key, plain...), l.T(key, md...)
}

// userText marks an argument as typed by the user.
type userText string

func newItem(l i18n.Lang, warn bool, key string, args ...any) item {
	t, m := say(l, key, args...)
	return item{head: t, headMD: m, warn: warn}
}

// days says "1 day" / "3 days".
func days(l i18n.Lang, n int) string {
	return l.N("review.days", n, n)
}

func stageName(l i18n.Lang, s model.Stage) string { return l.T("stage." + string(s)) }

// sections builds every section after the numbers and the day chart.
func sections(r storage.Review, l i18n.Lang, currency string) []section {
	var out []section
	w := r.Week

	// Promises, cancellations with their reasons included.
	late := w.Promises.Kept - w.Promises.KeptOnTime
	ps := section{title: l.T("review.h.promises")}
	ps.items = append(ps.items, newItem(l, false, "report.promises.summary",
		w.Promises.Made, w.Promises.Kept, w.Promises.KeptOnTime, late, w.Promises.Overdue, w.Promises.Cancelled))
	ps.items = append(ps.items, promiseItems(r.Kept, r.Overdue, r.Cancelled, r.Today, r.Week.End, l)...)
	out = append(out, ps)
	out = append(out, movesSection(w.StageMoves, l))

	// Signed.
	sg := section{title: l.T("review.h.signed")}
	sg.items = append(sg.items, newItem(l, false, "review.signed.total", SignedCount(l, w.Signed, currency)))
	for _, p := range r.Signed {
		sg.items = append(sg.items, newItem(l, false, "review.signed.item", userText(p.Project), l.Money(p.Value, currency), l.DayMonth(p.On)))
	}
	out = append(out, sg)

	// Funnel and win rate.
	f := r.Funnel
	fn := section{title: l.T("review.h.funnel")}
	fn.items = append(fn.items, newItem(l, false, "review.funnel", f.Contacts, f.NewProjects, f.Bids, f.Wins))
	if f.Wins+f.Lost > 0 {
		fn.items = append(fn.items, newItem(l, false, "review.winrate", int(f.WinRate*100+0.5), f.Wins, f.Lost))
	} else {
		fn.items = append(fn.items, newItem(l, false, "review.winrate_none"))
	}
	out = append(out, fn)

	// Key clients not contacted.
	q := section{title: l.T("review.h.quiet")}
	for _, c := range r.Quiet {
		if c.LastContact.Valid() {
			q.items = append(q.items, newItem(l, true, "review.quiet.item", userText(c.Name), l.DayMonth(c.LastContact)))
		} else {
			q.items = append(q.items, newItem(l, true, "review.quiet.never", userText(c.Name)))
		}
	}
	if len(q.items) == 0 {
		q.items = append(q.items, newItem(l, false, "review.all_contacted"))
	}
	out = append(out, q)

	// Next week.
	nx := section{title: l.T("review.h.next")}
	for _, u := range r.Next {
		day := l.ShortDate(u.Date)
		switch u.Kind {
		case storage.UpcomingBid:
			nx.items = append(nx.items, newItem(l, false, "review.next.bid", day, userText(u.Project), userText(u.Client)))
		case storage.UpcomingPapers:
			nx.items = append(nx.items, newItem(l, false, "report.next.papers", day, userText(u.Project), userText(u.Client)))
		default:
			nx.items = append(nx.items, newItem(l, false, "review.next.promise", day, userText(u.Client), userText(u.Text)))
		}
	}
	if len(nx.items) == 0 {
		nx.items = append(nx.items, newItem(l, false, "review.nothing_next"))
	}
	out = append(out, nx)
	return out
}

func title(r storage.Review, l i18n.Lang) string {
	return l.T("review.title", r.Week.Start.ISOWeek(), l.DayMonth(r.Week.Start), l.DayMonth(r.Week.End))
}

// ---- Markdown

// Markdown returns the review as a Markdown document fit to send: headings,
// a table of the numbers, a table of the days with text bars, and lists.
func Markdown(r storage.Review, l i18n.Lang, currency string) string {
	var b strings.Builder
	w := r.Week
	line := func(s ...string) {
		b.WriteString(strings.Join(s, ""))
		b.WriteByte('\n')
	}
	line("# ", title(r, l))
	line()
	line("## ", l.T("review.h.numbers"))
	line()
	line("| ", l.T("review.col.what"), " | ", l.T("review.col.result"), " |")
	line("|---|---:|")
	line("| ", l.T("review.calls"), " | ", Count(l, w.Calls), " |")
	line("| ", l.T("report.visits_clients"), " | ", VisitCount(l, w.Visits), " |")
	line("| ", l.T("review.meetings"), " | ", strconv.Itoa(r.Meetings), " |")
	line("| ", l.T("review.signed"), " | ", SignedCount(l, w.Signed, currency), " |")
	line()
	line("## ", l.T("review.h.days"))
	line()
	line("| ", l.T("review.col.day"), " | ", l.T("review.calls"), " | ", l.T("review.visits"), " |")
	line("|---|---|---|")
	calls, visits := DayQuotas(r.Settings, w.Start)
	for i, d := range w.Days {
		cf, ce := Bar(d.Calls, calls[i], 10, "█", "░")
		vf, ve := Bar(d.Visits, visits[i], 10, "█", "░")
		line("| ", l.ShortDate(d.Date), " | `", cf, ce, "` ", l.T("review.count", d.Calls, calls[i]),
			" | `", vf, ve, "` ", l.T("review.count", d.Visits, visits[i]), " |")
	}
	writeBlocksMD(&b, l, sections(r, l, currency))
	return b.String()
}

// ---- the planner's view

// Lines returns the review as the Week pane draws it: every line exactly w
// cells wide (styled), to be scrolled by the pane.
func Lines(r storage.Review, l i18n.Lang, currency string, st *theme.Styles, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	add := func(s string) { out = append(out, common.PadRight(s, w)) }
	head := func(s string) { add(st.Title.Render(common.PadRight(s, w))) }
	wk := r.Week

	head(title(r, l))
	add("")
	head(l.T("review.h.numbers"))
	lw := 0
	for _, k := range []string{"review.calls", "report.visits_clients", "review.meetings", "review.signed"} {
		lw = max(lw, common.Width(l.T(k)))
	}
	num := func(k, v string) { add("  " + st.Muted.Render(common.PadRight(l.T(k), lw)) + "  " + v) }
	num("review.calls", Count(l, wk.Calls))
	num("report.visits_clients", VisitCount(l, wk.Visits))
	num("review.meetings", strconv.Itoa(r.Meetings))
	num("review.signed", SignedCount(l, wk.Signed, currency))
	add("")

	// The chart: one line per day, calls and visits side by side.
	head(l.T("review.h.days"))
	calls, visits := DayQuotas(r.Settings, wk.Start)
	dayW := 0
	for _, d := range wk.Days {
		dayW = max(dayW, common.Width(l.ShortDate(d.Date)))
	}
	cntW := 7 // "123/150"
	callLbl, visitLbl := l.T("review.calls"), l.T("review.visits")
	fixed := 2 + dayW + 2 + common.Width(callLbl) + 1 + 1 + cntW + 2 + common.Width(visitLbl) + 1 + 1 + cntW
	barW := max(min((w-fixed)/2, 20), 3)
	bar := func(done, target int) string {
		f, e := Bar(done, target, barW, "▰", "▱")
		fill := st.BarFill
		if target > 0 && done >= target {
			fill = st.BarMet
		}
		return fill.Render(f) + st.BarEmpty.Render(e)
	}
	for i, d := range wk.Days {
		name := common.PadRight(l.ShortDate(d.Date), dayW)
		if !r.Settings.IsWorkday(d.Date) {
			name = st.Muted.Render(name)
		}
		add("  " + name + "  " + st.Muted.Render(callLbl) + " " + bar(d.Calls, calls[i]) + " " +
			common.PadRight(l.T("review.count", d.Calls, calls[i]), cntW) + "  " +
			st.Muted.Render(visitLbl) + " " + bar(d.Visits, visits[i]) + " " + l.T("review.count", d.Visits, visits[i]))
	}
	return append(out, blockLines(l, sections(r, l, currency), st, w)...)
}
