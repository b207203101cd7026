package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
)

func (a *app) todayCmd() *cobra.Command {
	var asJSON, short, status, all bool
	c := &cobra.Command{
		Use:   "today",
		Short: a.t("cli.short.today"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		if err := exclusive(c, "json", "short", "status"); err != nil {
			return err
		}
		// The text shows the first model.CarriedShown carried-over tasks
		// and model.InboxShown inbox tasks: only those are read (the JSON,
		// --short and --status count all).
		carried := -1
		if !asJSON && !short && !status && !all {
			carried = model.CarriedShown
		}
		ag, err := st.TodayTop(a.today, carried)
		if err != nil {
			return failWith(err, "cli.err.read_view", a.t("cli.view.today"))
		}
		if asJSON {
			return a.writeJSON(todayJSON(ag))
		}
		if short {
			a.printShort(ag)
			return nil
		}
		if status {
			a.printStatus(ag)
			return nil
		}
		set, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		return a.printAgenda(ag, set, all)
	})
	c.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	c.Flags().BoolVar(&all, "all", false, a.t("cli.flag.all_carried"))
	c.Flags().BoolVar(&short, "short", false, a.t("cli.flag.short"))
	c.Flags().BoolVar(&status, "status", false, a.t("cli.flag.status"))
	return c
}

func (a *app) weekCmd() *cobra.Command {
	var asJSON bool
	var weekArg string
	c := &cobra.Command{
		Use:   "week",
		Short: a.t("cli.short.week"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		day := a.today
		if weekArg != "" {
			d, err := a.parseDate(weekArg)
			if err != nil {
				return err
			}
			day = d
		}
		w, err := st.Week(day, a.today)
		if err != nil {
			return failWith(err, "cli.err.read_view", a.t("cli.view.week"))
		}
		if asJSON {
			return a.writeJSON(weekJSON(w))
		}
		set, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		a.printWeek(w, set)
		return nil
	})
	c.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	c.Flags().StringVar(&weekArg, "week", "", a.t("cli.flag.week"))
	return c
}

func (a *app) monthCmd() *cobra.Command {
	var asJSON bool
	var monthArg string
	c := &cobra.Command{
		Use:   "month",
		Short: a.t("cli.short.month"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		m := model.MonthOf(a.today)
		if monthArg != "" {
			v, err := parseMonth(monthArg)
			if err != nil {
				return err
			}
			m = v
		}
		ms, err := st.Month(m, a.today)
		if err != nil {
			return failWith(err, "cli.err.read_view", a.t("cli.view.month"))
		}
		if asJSON {
			return a.writeJSON(monthJSON(ms))
		}
		set, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		a.printMonth(ms, set)
		return nil
	})
	c.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	c.Flags().StringVar(&monthArg, "month", "", a.t("cli.flag.month"))
	return c
}

// weekday is the short localized weekday name of d.
func (a *app) weekday(d model.Date) string { return a.lang.Weekday(d.Weekday()) }

func (a *app) printAgenda(ag model.Agenda, set model.Settings, all bool) error {
	w := a.stdout
	cur := a.currency(set)
	fmt.Fprintln(w, a.t("cli.today.title", a.weekday(ag.Date), ag.Date))
	fmt.Fprintln(w, a.t("cli.today.quotas", ag.Calls.Done, ag.Calls.Target,
		ag.VisitsWeek.Done, ag.VisitsWeek.Target, a.n("cli.visits_made", ag.VisitsWeek.Visits, ag.VisitsWeek.Visits),
		a.lang.MoneyExact(ag.SignedMonth.Value, cur), a.lang.MoneyExact(ag.SignedMonth.Target, cur)))
	fmt.Fprintln(w)
	if len(ag.Tasks) == 0 && ag.CarriedUnread == 0 {
		fmt.Fprintln(w, a.t("cli.today.no_tasks"))
	} else {
		fmt.Fprintln(w, a.t("cli.today.tasks", len(ag.Tasks)+ag.CarriedUnread))
		// The 20 most important carried-over tasks, as the planner shows
		// them (DESIGN.md §5, v2); --all lists every one.
		limit := model.CarriedShown
		if all {
			limit = -1
		}
		shown, more := model.ShownTasks(ag.Tasks, limit)
		more += ag.CarriedUnread
		var tb table
		for _, t := range shown {
			tb.add("#"+strconv.FormatUint(uint64(t.ID), 10), a.when(t), a.mark(t.Task), a.t("kind."+string(t.Kind)),
				clean(t.Title), orDash(clean(t.ClientName)), orDash(clean(t.ProjectName)))
		}
		tb.write(w, "  ")
		if more > 0 {
			fmt.Fprintln(w, "  "+a.n("cli.today.more_carried", more, more))
		}
	}
	a.printInbox(ag, all)
	fmt.Fprintln(w)
	if len(ag.Attention) == 0 {
		fmt.Fprintln(w, a.t("cli.today.no_attention"))
	} else {
		fmt.Fprintln(w, a.t("cli.today.attention", len(ag.Attention)))
		var tb table
		for _, it := range ag.Attention {
			tb.add(a.t("att."+string(it.Type)), orDash(clean(it.Client)), orDash(clean(it.Project)),
				orDash(clean(it.Text)), a.attDue(it))
		}
		tb.write(w, "  ")
	}
	if ag.RegularDue > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, a.t("cli.today.regular_due", ag.RegularDue))
	}
	return nil
}

// printInbox lists the inbox (open tasks with no date) after the day's
// tasks, as the planner's Day does today: the first model.InboxShown
// (important first, then the oldest) unless all, then how many more.
// Nothing when the inbox is empty.
func (a *app) printInbox(ag model.Agenda, all bool) {
	n := len(ag.Inbox) + ag.InboxUnread
	if n == 0 {
		return
	}
	w := a.stdout
	fmt.Fprintln(w)
	fmt.Fprintln(w, a.t("cli.today.inbox", n))
	shown := ag.Inbox
	if !all && len(shown) > model.InboxShown {
		shown = shown[:model.InboxShown]
	}
	var tb table
	for _, t := range shown {
		tb.add("#"+strconv.FormatUint(uint64(t.ID), 10), a.when(t), a.mark(t.Task), a.t("kind."+string(t.Kind)),
			clean(t.Title), orDash(clean(t.ClientName)), orDash(clean(t.ProjectName)))
	}
	tb.write(w, "  ")
	if more := n - len(shown); more > 0 {
		fmt.Fprintln(w, "  "+a.n("cli.today.more_inbox", more, more))
	}
}

// when is a task's time, slot, or the day it was carried over from ("-"
// for an untimed task in the inbox).
func (a *app) when(t model.AgendaTask) string {
	switch {
	case !t.Date.Valid() && !t.Time.Valid():
		return "-"
	case t.CarriedOver:
		return a.t("cli.task.carried", t.Date)
	case t.Time.Valid():
		return t.Time.String()
	}
	return a.t("slot." + string(t.EffectiveSlot()))
}

// mark shows done and important: "[x]!" .
func (a *app) mark(t model.Task) string {
	s := "[ ]"
	if t.Done {
		s = "[x]"
	}
	if t.Important {
		s += "!"
	}
	return s
}

func (a *app) attDue(it model.AttentionItem) string {
	switch it.Type {
	case model.AttBidPrep:
		return a.t("cli.att.papers_due", it.PapersDue, it.Bid)
	case model.AttBidResult:
		return a.t("cli.att.bid_on", it.Bid)
	}
	s := a.t("cli.att.due", it.Due)
	if it.DaysOverdue > 0 {
		s = a.n("cli.att.overdue", it.DaysOverdue, it.Due, it.DaysOverdue)
	}
	if it.Booked.Valid() {
		s += a.t("cli.att.booked", it.Booked)
	}
	return s
}

func (a *app) printWeek(wk model.WeekSummary, set model.Settings) {
	w := a.stdout
	cur := a.currency(set)
	fmt.Fprintln(w, a.t("cli.week.title", wk.Start.ISOWeek(), wk.Start, wk.End))
	fmt.Fprintln(w, a.t("cli.week.totals", wk.Calls.Done, wk.Calls.Target, wk.Visits.Done, wk.Visits.Target, a.n("cli.visits_made", wk.Visits.Visits, wk.Visits.Visits),
		a.lang.MoneyExact(wk.Signed.Value, cur), a.lang.MoneyExact(wk.Signed.Target, cur)))
	fmt.Fprintln(w, a.t("cli.week.promises", wk.Promises.Made, wk.Promises.Kept, wk.Promises.KeptOnTime,
		wk.Promises.Overdue))
	fmt.Fprintln(w)
	tb := table{right: []bool{false, false, true, true, true}}
	tb.add(a.t("cli.col.day"), "", a.t("cli.col.calls"), a.t("cli.col.visits"), a.t("cli.col.tasks"))
	for _, d := range wk.Days {
		tb.add(d.Date.String(), a.weekday(d.Date), fmt.Sprint(d.Calls), fmt.Sprint(d.Visits),
			fmt.Sprintf("%d/%d", d.TasksDone, d.TasksTotal))
	}
	tb.write(w, "  ")
	if len(wk.StageMoves) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, a.t("cli.week.moves"))
		var mv table
		for _, m := range wk.StageMoves {
			from := "-"
			if m.From != "" {
				from = a.stageName(m.From)
			}
			mv.add(m.On.String(), clean(m.Project), from+" → "+a.stageName(m.To))
		}
		mv.write(w, "  ")
	}
}

func (a *app) printMonth(ms model.MonthSummary, set model.Settings) {
	w := a.stdout
	cur := a.currency(set)
	fmt.Fprintln(w, a.t("cli.month.title", ms.Month))
	fmt.Fprintln(w, a.t("cli.month.totals", ms.Calls.Done, ms.Calls.Target, ms.Visits.Done, ms.Visits.Target, a.n("cli.visits_made", ms.Visits.Visits, ms.Visits.Visits),
		a.lang.MoneyExact(ms.Signed.Value, cur), a.lang.MoneyExact(ms.Signed.Target, cur)))
	fmt.Fprintln(w)
	tb := table{right: []bool{false, false, true, true, true}}
	tb.add(a.t("cli.col.day"), "", a.t("cli.col.calls"), a.t("cli.col.visits"), a.t("cli.col.tasks"), a.t("cli.col.markers"))
	for _, d := range ms.Days {
		var mk []string
		for _, m := range d.Markers {
			mk = append(mk, a.t("cli.marker."+m))
		}
		tb.add(d.Date.String(), a.weekday(d.Date), fmt.Sprint(d.Calls), fmt.Sprint(d.Visits),
			fmt.Sprintf("%d/%d", d.TasksDone, d.TasksTotal), strings.Join(mk, ", "))
	}
	tb.write(w, "  ")
}

// stageName is a stage in the run's language.
func (a *app) stageName(s model.Stage) string { return a.t("stage." + string(s)) }
