package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
)

// promiseCmd is both "promise CLIENT TEXT… --due DATE" and the group of
// keep, cancel and list.
func (a *app) promiseCmd() *cobra.Command {
	var dueArg, onArg, projectArg string
	c := &cobra.Command{
		Use:   "promise CLIENT TEXT… --due DATE",
		Short: a.t("cli.short.promise"),
		Args:  minArgs(2),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		if dueArg == "" {
			return &usageError{key: "cli.usage.missing_flag", args: []any{"--due", useLineOf{c}}}
		}
		text := strings.TrimSpace(strings.Join(args[1:], " "))
		if text == "" {
			return fail("cli.err.empty_promise")
		}
		due, err := a.parseDate(dueArg)
		if err != nil {
			return err
		}
		made, err := a.happenedOn("--on", onArg)
		if err != nil {
			return err
		}
		cl, err := a.findClient(st, args[0])
		if err != nil {
			return err
		}
		p := model.Promise{ClientID: cl.ID, Text: text, MadeOn: made, Due: due, Status: model.PromiseOpen}
		if projectArg != "" {
			pr, err := a.findProject(st, projectArg)
			if err != nil {
				return err
			}
			p.ProjectID = pr.ID
		}
		added, err := st.AddPromise(p, a.today)
		if err != nil {
			return failWith(err, "cli.err.promise_add")
		}
		a.wrote = true
		a.say("cli.promise.added", added.ID, clean(cl.Name), added.Due)
		return nil
	})
	f := c.Flags()
	f.StringVar(&dueArg, "due", "", a.t("cli.flag.due"))
	f.StringVar(&onArg, "on", "", a.t("cli.flag.made_on"))
	f.StringVar(&projectArg, "project", "", a.t("cli.flag.project"))
	c.AddCommand(a.promiseKeepCmd(), a.promiseCancelCmd(), a.promiseListCmd())
	return c
}

func (a *app) promiseKeepCmd() *cobra.Command {
	var onArg string
	c := &cobra.Command{
		Use:   "keep ID",
		Short: a.t("cli.short.promise_keep"),
		Args:  exactArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		id, err := parseID(a.t("word.promise"), args[0])
		if err != nil {
			return err
		}
		on, err := a.happenedOn("--on", onArg)
		if err != nil {
			return err
		}
		p, err := st.KeepPromise(id, on)
		if err != nil {
			return notFound(err, "promise", id)
		}
		a.wrote = true
		if p.KeptOnTime() {
			a.say("cli.promise.kept", p.ID, p.KeptOn)
		} else {
			a.sayN("cli.promise.kept_late", p.KeptOn.Sub(p.Due), p.ID, p.KeptOn, p.KeptOn.Sub(p.Due))
		}
		return nil
	})
	c.Flags().StringVar(&onArg, "on", "", a.t("cli.flag.kept_on"))
	return c
}

// promiseCancelCmd is `promise cancel ID --reason TEXT [--on DATE]`: a
// cancellation keeps its date and reason (DESIGN.md §2 v2), so a promise
// cancelled after its due date still counts as broken and the review can
// say why.
func (a *app) promiseCancelCmd() *cobra.Command {
	var reason, onArg string
	c := &cobra.Command{
		Use:   "cancel ID --reason TEXT",
		Short: a.t("cli.short.promise_cancel"),
		Args:  exactArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		id, err := parseID(a.t("word.promise"), args[0])
		if err != nil {
			return err
		}
		reason = strings.TrimSpace(reason)
		if reason == "" {
			return &usageError{key: "cli.usage.missing_flag", args: []any{"--reason", useLineOf{c}}}
		}
		on, err := a.happenedOn("--on", onArg)
		if err != nil {
			return err
		}
		p, err := st.CancelPromise(id, on, reason, a.today)
		if err != nil {
			return notFound(err, "promise", id)
		}
		a.wrote = true
		if p.CancelledInTime() {
			a.say("cli.promise.cancelled", p.ID)
		} else {
			a.sayN("cli.promise.cancelled_late", p.CancelledOn.Sub(p.Due), p.ID, p.CancelledOn.Sub(p.Due))
		}
		return nil
	})
	c.Flags().StringVar(&reason, "reason", "", a.t("cli.flag.cancel_reason"))
	c.Flags().StringVar(&onArg, "on", "", a.t("cli.flag.cancelled_on"))
	return c
}

func (a *app) promiseListCmd() *cobra.Command {
	var asJSON, all bool
	c := &cobra.Command{
		Use:   "list",
		Short: a.t("cli.short.promise_list"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		rows, err := st.Promises(all)
		if err != nil {
			return failWith(err, "cli.err.read_view", a.t("cli.view.promises"))
		}
		set, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		cal := set.Calendar()
		if asJSON {
			out := []jsonPromise{}
			for _, p := range rows {
				out = append(out, promiseJSON(p, a.today, cal))
			}
			return a.writeJSON(out)
		}
		rel, n, err := st.Reliability(a.today)
		if err != nil {
			return failWith(err, "cli.err.read_view", a.t("cli.view.reliability"))
		}
		if n > 0 {
			a.sayN("cli.promise.reliability", n, int(rel*100+0.5), n)
		}
		if len(rows) == 0 {
			a.say("cli.promise.none")
			return nil
		}
		tb := table{right: []bool{true}}
		tb.add("#", a.t("cli.col.due"), a.t("cli.col.status"), a.t("cli.col.client"), a.t("cli.col.promise"),
			a.t("cli.col.project"))
		for _, p := range rows {
			tb.add(fmt.Sprint(p.ID), p.Due.String(), a.promiseStatus(p.Promise, cal), clean(p.Client), clean(p.Text),
				orDash(clean(p.Project)))
		}
		tb.write(a.stdout, "")
		return nil
	})
	c.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	c.Flags().BoolVar(&all, "all", false, a.t("cli.flag.all_promises"))
	return c
}

// promiseStatus words a promise's state for today: overdue and due soon
// stand out from plain open.
func (a *app) promiseStatus(p model.Promise, cal model.Calendar) string {
	switch {
	case p.Overdue(a.today):
		return a.n("rel.days_overdue", a.today.Sub(p.Due), a.today.Sub(p.Due))
	case p.DueSoon(a.today, cal):
		return a.t("promise.due_soon")
	case p.Status == model.PromiseKept:
		return a.t("promise.kept") + " " + p.KeptOn.String()
	case p.Status == model.PromiseCancelled && p.CancelledOn.Valid():
		s := a.t("promise.cancelled") + " " + p.CancelledOn.String()
		if !p.CancelledInTime() {
			s += " " + a.t("cli.promise.broken")
		}
		return s
	}
	return a.t("promise." + string(p.Status))
}
