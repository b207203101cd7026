package report

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/theme"
)

// The day's record (日报, DESIGN.md §2 v2): `salesplan report day` and the
// planner's day report. One model.DayRecord in, Markdown or the lines a pane
// draws out; both say the same things through the same catalog keys.

// block is a list item of every report (the day's record, the weekly and
// monthly reviews) whose text may run over several lines (a journal entry
// or a cancellation's reason as typed): head is the first line's lead
// ("09:30 Call · ACME Ltd"), body the user's text with its line breaks.
type block struct {
	head   string // plain (inert)
	headMD string // Markdown
	body   string // the user's text, not yet made inert
	warn   bool
}

type blockSection struct {
	title string
	items []block
}

// entryHead says "09:30 call · ACME Ltd (Tower)" for a journal entry; a
// prospect call says "prospect" instead of a client.
func entryHead(l i18n.Lang, e model.RecordEntry) (plain, md string) {
	who := userText(e.Client)
	if e.ClientID == 0 {
		who = userText(l.T("report.prospect"))
	}
	kind := l.T("kind." + string(e.Kind))
	clock := model.ClockOf(e.At.Local()).String()
	if e.Project != "" {
		return say(l, "report.entry.project", clock, kind, who, userText(e.Project))
	}
	return say(l, "report.entry", clock, kind, who)
}

// taskLine says "10:00 Call ACME · ACME Ltd" for a task: time (or slot),
// title, client.
func taskLine(l i18n.Lang, t model.AgendaTask, withDate bool) (string, string) {
	when := t.Time.String()
	if when == "" {
		when = l.T("slot." + string(t.EffectiveSlot()))
	}
	if withDate {
		when = l.DayMonth(t.Date)
	}
	star := ""
	if t.Important {
		star = "! "
	}
	if t.ClientName != "" {
		return say(l, "report.task.client", when, star, userText(t.Title), userText(t.ClientName))
	}
	return say(l, "report.task", when, star, userText(t.Title))
}

func promiseItem(l i18n.Lang, key string, p model.RecordPromise, args ...any) block {
	all := append([]any{userText(p.Client), userText(p.Text), l.DayMonth(p.Due)}, args...)
	t, m := say(l, key, all...)
	return block{head: t, headMD: m}
}

// daySections builds every section of the day's record after its numbers.
func daySections(r model.DayRecord, l i18n.Lang) []blockSection {
	var out []blockSection
	none := func(s *blockSection, key string) {
		if len(s.items) == 0 {
			t, m := say(l, key)
			s.items = append(s.items, block{head: t, headMD: m})
		}
	}

	contacts := blockSection{title: l.T("report.h.contacts")}
	for _, e := range r.Contacts {
		t, m := entryHead(l, e)
		contacts.items = append(contacts.items, block{head: t, headMD: m, body: e.Text})
	}
	none(&contacts, "report.none.contacts")
	out = append(out, contacts)

	notes := blockSection{title: l.T("report.h.notes")}
	for _, e := range r.Notes {
		t, m := entryHead(l, e)
		notes.items = append(notes.items, block{head: t, headMD: m, body: e.Text})
	}
	none(&notes, "report.none.notes")
	out = append(out, notes)

	ps := blockSection{title: l.T("report.h.promises")}
	for _, p := range r.Made {
		ps.items = append(ps.items, promiseItem(l, "report.promise.made", p))
	}
	for _, p := range r.Kept {
		key := "report.promise.kept"
		if !p.KeptOnTime() {
			key = "report.promise.kept_late"
		}
		it := promiseItem(l, key, p)
		it.warn = !p.KeptOnTime()
		ps.items = append(ps.items, it)
	}
	for _, p := range r.Cancelled {
		it := cancelItem(l, p.Promise, p.Client)
		ps.items = append(ps.items, it)
	}
	none(&ps, "report.none.promises")
	out = append(out, ps)

	done := blockSection{title: l.T("report.h.done")}
	for _, t := range r.Done {
		a, b := taskLine(l, t, false)
		done.items = append(done.items, block{head: a, headMD: b})
	}
	none(&done, "report.none.done")
	out = append(out, done)

	undoneTitle := l.T("report.h.undone")
	if r.Past() {
		undoneTitle = l.T("report.h.undone_past") // see model.DayRecord.AsOf
	}
	undone := blockSection{title: undoneTitle}
	for _, t := range r.Undone {
		a, b := taskLine(l, t, true)
		undone.items = append(undone.items, block{head: a, headMD: b, warn: true})
	}
	none(&undone, "report.none.undone")
	out = append(out, undone)

	plan := blockSection{title: l.T("report.h.plan", l.ShortDate(r.Next))}
	for _, t := range r.Plan {
		a, b := taskLine(l, t, false)
		plan.items = append(plan.items, block{head: a, headMD: b})
	}
	none(&plan, "report.none.plan")
	out = append(out, plan)
	return out
}

// cancelItem says a cancelled promise with its reason, flagged when it was
// cancelled after its due date (it counts as broken). The reason is the
// item's body, as a call's outcome is: a reason over several lines keeps
// them.
func cancelItem(l i18n.Lang, p model.Promise, client string) block {
	key := "report.promise.cancelled"
	late := !p.CancelledInTime()
	if late {
		key = "report.promise.cancelled_late"
	}
	reason := p.CancelReason
	if strings.TrimSpace(reason) == "" {
		reason = l.T("report.no_reason")
	}
	t, m := say(l, key, userText(client), userText(p.Text), l.DayMonth(p.Due), l.DayMonth(p.CancelledOn))
	return block{head: t, headMD: m, body: reason, warn: late}
}

// VisitCount says "1/4 (25%) · 2 visits": clients visited against the
// target, with the visit entries beside them.
func VisitCount(l i18n.Lang, q model.VisitQuota) string {
	return Count(l, model.Quota{Done: q.Done, Target: q.Target}) + l.N("report.visits_entries", q.Visits, q.Visits)
}

// DayMarkdown returns the day's record as Markdown fit to send.
func DayMarkdown(r model.DayRecord, l i18n.Lang) string {
	var b strings.Builder
	line := func(s ...string) {
		b.WriteString(strings.Join(s, ""))
		b.WriteByte('\n')
	}
	line("# ", l.T("report.day.title", l.Date(r.Date)))
	line()
	line("| ", l.T("review.col.what"), " | ", l.T("review.col.result"), " |")
	line("|---|---:|")
	line("| ", l.T("review.calls"), " | ", Count(l, r.Calls), " |")
	line("| ", l.T("report.visits_clients"), " | ", VisitCount(l, r.Visits), " |")
	line("| ", l.T("review.meetings"), " | ", strconv.Itoa(r.Meetings), " |")
	writeBlocksMD(&b, l, daySections(r, l))
	return b.String()
}

// writeBlocksMD writes sections as Markdown lists; a multi-line text runs
// on under its bullet.
func writeBlocksMD(b *strings.Builder, l i18n.Lang, secs []blockSection) {
	sep := l.T("report.body_sep")
	for _, s := range secs {
		b.WriteString("\n## " + s.title + "\n\n")
		for _, it := range s.items {
			b.WriteString("- " + it.headMD)
			for i, para := range bodyLines(it.body) {
				if i == 0 {
					b.WriteString(sep)
				} else {
					b.WriteString("  \n  ")
				}
				b.WriteString(mdEscape(para))
			}
			b.WriteByte('\n')
		}
	}
}

// bodyLines splits a user's text into its lines, made inert, without the
// empty ones at either end.
func bodyLines(s string) []string {
	s = strings.TrimSpace(model.Inert(s))
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		lines[i] = model.InertLine(strings.TrimRight(ln, " "))
	}
	return lines
}

// DayLines returns the day's record as a pane draws it: every line exactly
// w cells wide (styled), to be scrolled by the pane.
func DayLines(r model.DayRecord, l i18n.Lang, st *theme.Styles, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	add := func(s string) { out = append(out, common.PadRight(s, w)) }
	head := func(s string) { add(st.Title.Render(common.PadRight(s, w))) }
	head(l.T("report.day.title", l.Date(r.Date)))
	add("")
	lw := 0
	for _, k := range []string{"review.calls", "report.visits_clients", "review.meetings"} {
		lw = max(lw, common.Width(l.T(k)))
	}
	num := func(k, v string) { add("  " + st.Muted.Render(common.PadRight(l.T(k), lw)) + "  " + v) }
	num("review.calls", Count(l, r.Calls))
	num("report.visits_clients", VisitCount(l, r.Visits))
	num("review.meetings", strconv.Itoa(r.Meetings))
	out = append(out, blockLines(l, daySections(r, l), st, w)...)
	return out
}

// blockLines draws sections as a pane does: a heading, then bullets whose
// text wraps under them; a multi-line text keeps its lines.
func blockLines(l i18n.Lang, secs []blockSection, st *theme.Styles, w int) []string {
	sep := l.T("report.body_sep")
	var out []string
	add := func(s string) { out = append(out, common.PadRight(s, w)) }
	for _, s := range secs {
		add("")
		add(st.Title.Render(common.PadRight(s.title, w)))
		for _, it := range s.items {
			text := it.head
			paras := bodyLines(it.body)
			if len(paras) > 0 {
				text += sep + paras[0]
				paras = paras[1:]
			}
			first := true
			emit := func(p string) {
				for _, ln := range strings.Split(ansi.Wrap(p, max(w-4, 8), ""), "\n") {
					lead := "    "
					if first {
						lead, first = "  • ", false
					}
					if it.warn {
						ln = st.Warning.Render(ln)
					}
					add(lead + ln)
				}
			}
			emit(text)
			for _, p := range paras {
				emit(p)
			}
		}
	}
	return out
}
