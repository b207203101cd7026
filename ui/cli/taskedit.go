package cli

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
)

// taskCmd groups the task corrections: edit, delete, postpone (each one
// undoable with `salesplan undo`, which names it).
func (a *app) taskCmd() *cobra.Command {
	return a.group("task", a.t("cli.short.task"), a.taskEditCmd(), a.taskDeleteCmd(), a.taskPostponeCmd())
}

// taskEditFlags are the flags of `task edit`, in the order help lists them.
var taskEditFlags = []string{"title", "date", "time", "kind", "client", "project", "important", "repeat"}

// taskEditCmd is `task edit ID [--title S] [--date D] [--time HH:MM]
// [--kind K] [--client C] [--project P] [--important=true|false]
// [--repeat R]`.
func (a *app) taskEditCmd() *cobra.Command {
	var title, dateArg, timeArg, kindArg, clientArg, projectArg, repeatArg string
	var important bool
	c := &cobra.Command{
		Use:   "edit ID",
		Short: a.t("cli.short.task_edit"),
		Long:  a.t("cli.long.task_edit"),
		Args:  a.editArgs(taskEditFlags...),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		id, err := parseID(a.t("word.task"), args[0])
		if err != nil {
			return err
		}
		seen, err := st.Task(id)
		if err != nil {
			return notFound(err, "task", id)
		}
		f := c.Flags()
		edited := seen
		clientName, projectName := "", ""
		if f.Changed("title") {
			edited.Title = strings.TrimSpace(title)
			if edited.Title == "" {
				return fail("cli.err.empty_title")
			}
		}
		if f.Changed("date") {
			edited.Date = model.NoDate
			if !isNone(dateArg) {
				if edited.Date, err = a.parseDate(dateArg); err != nil {
					return err
				}
			}
		}
		if f.Changed("time") {
			edited.Time = model.NoClock
			if !isNone(timeArg) {
				if edited.Time, err = model.ParseClock(timeArg); err != nil {
					return fail("cli.err.bad_time", timeArg)
				}
			}
			// The slot follows a time (storage derives it); a task whose
			// time is cleared keeps the part of the day it was in.
		}
		if f.Changed("kind") {
			if edited.Kind, err = a.parseTaskKind(kindArg); err != nil {
				return err
			}
		}
		if f.Changed("client") {
			edited.ClientID = 0
			if clientArg != "" {
				cl, err := a.findClient(st, clientArg)
				if err != nil {
					return err
				}
				edited.ClientID, clientName = cl.ID, cl.Name
			}
		}
		if f.Changed("project") {
			edited.ProjectID = 0
			if projectArg != "" {
				p, err := a.findProject(st, projectArg)
				if err != nil {
					return err
				}
				edited.ProjectID, projectName = p.ID, p.Name
			}
		}
		if f.Changed("important") {
			edited.Important = important
		}
		if f.Changed("repeat") {
			rule, err := quickadd.ParseRepeat(repeatArg)
			if err != nil {
				return err
			}
			edited.Repeat = rule.Repeat
			if rule.HasWeekday {
				// "every mon" puts the task on a Monday: the date typed
				// must be one; else the first Monday from its date (from
				// today for a task carried over or in the inbox).
				switch {
				case f.Changed("date") && edited.Date.Valid() && edited.Date.Weekday() != rule.Weekday:
					return fail("cli.err.repeat_weekday", repeatArg, a.lang.Weekday(rule.Weekday),
						edited.Date, a.weekday(edited.Date))
				case !f.Changed("date"):
					edited.Date = rule.OnOrAfter(max(edited.Date, a.today))
				}
			}
		}

		list := changeList{a: a}
		if edited.Title != seen.Title {
			list.field("title")
		}
		if edited.Date != seen.Date {
			when := a.t("cli.changed.inbox")
			if edited.Date.Valid() {
				when = a.dayText(edited.Date)
			}
			list.value("date", when)
		}
		if edited.Time != seen.Time {
			list.value("time", a.orNone(edited.Time.String()))
		}
		if edited.Kind != seen.Kind {
			list.value("kind", a.t("kind."+string(edited.Kind)))
		}
		if edited.ClientID != seen.ClientID {
			list.value("client", a.orNone(clientName))
		}
		if edited.ProjectID != seen.ProjectID {
			list.value("project", a.orNone(projectName))
		}
		if edited.Important != seen.Important {
			list.value("important", a.yesNo(edited.Important))
		}
		if edited.Repeat != seen.Repeat {
			list.value("repeat", a.repeatText(edited.Repeat))
		}
		if list.empty() {
			a.say("cli.task.unchanged", seen.ID, clean(seen.Title))
			return nil
		}
		out, err := st.EditTask(seen, edited)
		var p *model.Problem
		if errors.As(err, &p) && (p.Code == "time_needs_date" || p.Code == "repeat_needs_date") {
			// The model's rule, with the flags that satisfy it.
			return fail("cli.err.task_"+p.Code, id)
		}
		if err != nil {
			return a.editFailed(err, "task", id, "cli.err.task_edit", id)
		}
		a.wrote = true
		a.say("cli.task.edited", out.ID, clean(out.Title), list.String())
		return nil
	})
	fl := c.Flags()
	fl.StringVar(&title, "title", "", a.t("cli.flag.title"))
	fl.StringVar(&dateArg, "date", "", a.t("cli.flag.task_date"))
	fl.StringVar(&timeArg, "time", "", a.t("cli.flag.task_time"))
	fl.StringVar(&kindArg, "kind", "", a.t("cli.flag.task_kind"))
	fl.StringVar(&clientArg, "client", "", a.t("cli.flag.set_client"))
	fl.StringVar(&projectArg, "project", "", a.t("cli.flag.set_project"))
	fl.BoolVar(&important, "important", false, a.t("cli.flag.important"))
	fl.StringVar(&repeatArg, "repeat", "", a.t("cli.flag.repeat"))
	return c
}

// taskDeleteCmd is `task delete ID`.
func (a *app) taskDeleteCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "delete ID",
		Short: a.t("cli.short.task_delete"),
		Long:  a.t("cli.long.task_delete"),
		Args:  exactArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		id, err := parseID(a.t("word.task"), args[0])
		if err != nil {
			return err
		}
		t, err := st.Task(id)
		if err != nil {
			return notFound(err, "task", id)
		}
		if err := st.DeleteTask(id); err != nil {
			return a.editFailed(err, "task", id, "cli.err.task_delete", id)
		}
		a.wrote = true
		a.say("cli.task.deleted", t.ID, clean(t.Title))
		return nil
	})
	return c
}

// taskPostponeCmd is `task postpone ID [--to DATE]`: a day past the later
// of its date and today (the planner's `>` on today's list), or to DATE.
func (a *app) taskPostponeCmd() *cobra.Command {
	var toArg string
	c := &cobra.Command{
		Use:   "postpone ID",
		Short: a.t("cli.short.task_postpone"),
		Long:  a.t("cli.long.task_postpone"),
		Args:  exactArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		id, err := parseID(a.t("word.task"), args[0])
		if err != nil {
			return err
		}
		to := model.NoDate
		if c.Flags().Changed("to") {
			if to, err = a.parseDate(toArg); err != nil {
				return err
			}
			if to < a.today {
				return fail("cli.err.postpone_past", toArg, a.today)
			}
		}
		t, err := st.Task(id)
		if err != nil {
			return notFound(err, "task", id)
		}
		if t.Done {
			return fail("cli.err.postpone_done", id, t.DoneOn)
		}
		var out model.Task
		switch {
		case !to.Valid():
			out, err = st.PostponeTask(id, a.today)
		case to == t.Date:
			a.say("cli.task.unchanged", t.ID, clean(t.Title))
			return nil
		default:
			moved := t
			moved.Date = to
			out, err = st.EditTask(t, moved)
		}
		if err != nil {
			return a.editFailed(err, "task", id, "cli.err.task_postpone", id)
		}
		a.wrote = true
		a.say("cli.task.postponed", out.ID, clean(out.Title), a.dayText(out.Date))
		return nil
	})
	c.Flags().StringVar(&toArg, "to", "", a.t("cli.flag.postpone_to"))
	return c
}
