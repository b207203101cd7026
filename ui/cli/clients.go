package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/model/collation"
	"salesplan/storage"
)

func (a *app) clientCmd() *cobra.Command {
	return a.group("client", a.t("cli.short.client"), a.clientAddCmd(), a.clientListCmd(), a.clientShowCmd(), a.clientEditCmd())
}

func (a *app) clientAddCmd() *cobra.Command {
	var c model.Client
	var key bool
	c2 := &cobra.Command{
		Use:   "add NAME",
		Short: a.t("cli.short.client_add"),
		Args:  exactArgs(1),
	}
	c2.RunE = a.run(func(st *storage.Store, args []string) error {
		c.Name = strings.TrimSpace(args[0])
		if c.Name == "" {
			return fail("cli.err.empty_name")
		}
		if c.CadenceDays < 0 {
			return fail("cli.err.bad_cadence", c.CadenceDays)
		}
		c.Tier = model.TierRegular
		if key {
			c.Tier = model.TierKey
		}
		added, err := st.AddClient(c, a.today)
		if err != nil {
			return failWith(err, "cli.err.client_add", c.Name)
		}
		a.wrote = true
		a.say("cli.client.added", clean(added.Name), a.t("tier."+string(added.Tier)), added.ID)
		return nil
	})
	f := c2.Flags()
	f.BoolVar(&key, "key", false, a.t("cli.flag.key"))
	f.StringVar(&c.Company, "company", "", a.t("cli.flag.company"))
	f.StringVar(&c.Area, "area", "", a.t("cli.flag.area"))
	f.StringVar(&c.Phone, "phone", "", a.t("cli.flag.phone"))
	f.IntVar(&c.CadenceDays, "cadence", 0, a.t("cli.flag.cadence"))
	f.StringVar(&c.Business, "business", "", a.t("cli.flag.business"))
	f.StringVar(&c.Needs, "needs", "", a.t("cli.flag.needs"))
	f.StringVar(&c.DecisionMaker, "decision-maker", "", a.t("cli.flag.decision_maker"))
	f.StringVar(&c.Interests, "interests", "", a.t("cli.flag.interests"))
	f.StringVar(&c.ReferredBy, "referred-by", "", a.t("cli.flag.referred_by"))
	return c2
}

func (a *app) clientListCmd() *cobra.Command {
	var asJSON, dueOnly, all bool
	c := &cobra.Command{
		Use:   "list",
		Short: a.t("cli.short.client_list"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		var rows []storage.ClientRow
		var err error
		if dueOnly {
			// From the follow-up index: thousands of due clients are not
			// decoded for a table (archived clients are never due).
			rows, err = st.DueClients(a.today, asJSON)
		} else {
			rows, err = st.Clients(a.today, all)
		}
		if err != nil {
			return failWith(err, "cli.err.read_view", a.t("cli.view.clients"))
		}
		// By name as the planner's Clients pane sorts it: pinyin for
		// Chinese, any case for Latin.
		collation.Sort(rows, func(r storage.ClientRow) string { return r.Name })
		set, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		if asJSON {
			out := []jsonClient{}
			for _, r := range rows {
				out = append(out, clientJSON(r, set))
			}
			return a.writeJSON(out)
		}
		if len(rows) == 0 {
			a.say("cli.client.none")
			return nil
		}
		tb := table{right: []bool{true, false, false, false, false, false, true}}
		tb.add("#", a.t("cli.col.name"), a.t("cli.col.tier"), a.t("cli.col.area"), a.t("cli.col.last_contact"),
			a.t("cli.col.next_followup"), a.t("cli.col.open_promises"))
		for _, r := range rows {
			next := dateCell(r.FollowUp.Due)
			switch {
			case r.FollowUp.IsDue && r.FollowUp.DaysOverdue > 0:
				next += " " + a.n("cli.client.overdue", r.FollowUp.DaysOverdue, r.FollowUp.DaysOverdue)
			case r.FollowUp.IsDue:
				next += " " + a.t("cli.client.due")
			case r.FollowUp.Scheduled:
				next += " " + a.t("cli.client.scheduled")
			}
			tb.add(fmt.Sprint(r.ID), clean(r.Name), a.t("tier."+string(r.Tier)), orDash(clean(r.Area)),
				dateCell(r.LastContact), next, fmt.Sprint(r.OpenPromises))
		}
		tb.write(a.stdout, "")
		return nil
	})
	c.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	c.Flags().BoolVar(&dueOnly, "due", false, a.t("cli.flag.due_only"))
	c.Flags().BoolVar(&all, "all", false, a.t("cli.flag.all_clients"))
	return c
}

func (a *app) noteCmd() *cobra.Command {
	var projectArg string
	c := &cobra.Command{
		Use:   "note CLIENT TEXT…",
		Short: a.t("cli.short.note"),
		Args:  minArgs(2),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		return a.record(st, model.EntryNote, args[0], strings.Join(args[1:], " "), "", projectArg)
	})
	c.Flags().StringVar(&projectArg, "project", "", a.t("cli.flag.project"))
	return c
}

func (a *app) logCmd() *cobra.Command {
	var subs []*cobra.Command
	for _, k := range []model.EntryKind{model.EntryCall, model.EntryVisit, model.EntryMeeting} {
		var onArg, projectArg string
		var prospect bool
		c := &cobra.Command{
			Use:   string(k) + " CLIENT [TEXT…]",
			Short: a.t("cli.short.log_" + string(k)),
			Args:  minArgs(1),
		}
		c.RunE = a.run(func(st *storage.Store, args []string) error {
			if prospect {
				if projectArg != "" {
					return &usageError{key: "cli.usage.prospect_project", args: []any{c.CommandPath()}}
				}
				return a.recordProspect(st, strings.Join(args, " "), onArg)
			}
			return a.record(st, k, args[0], strings.Join(args[1:], " "), onArg, projectArg)
		})
		c.Flags().StringVar(&onArg, "on", "", a.t("cli.flag.on"))
		c.Flags().StringVar(&projectArg, "project", "", a.t("cli.flag.project"))
		if k == model.EntryCall {
			// A call with no client (DESIGN.md §2 v2): the words say who.
			c.Use = "call CLIENT [TEXT…] | call --prospect TEXT…"
			c.Flags().BoolVar(&prospect, "prospect", false, a.t("cli.flag.prospect"))
		}
		subs = append(subs, c)
	}
	return a.group("log", a.t("cli.short.log"), subs...)
}

// recordProspect adds a prospect call: a call with no client, whose text
// says who. It counts toward the calls quota and resets no clock.
func (a *app) recordProspect(st *storage.Store, text, onArg string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return fail("cli.err.empty_prospect")
	}
	on, err := a.happenedOn("--on", onArg)
	if err != nil {
		return err
	}
	if _, err := st.AddEntry(model.JournalEntry{Kind: model.EntryCall, At: a.at(on), Text: text}); err != nil {
		return failWith(err, "cli.err.record_prospect")
	}
	a.wrote = true
	a.say("cli.entry.prospect", clean(text), on)
	return nil
}

// record adds a journal entry for a client: a note, or a contact that
// counts toward the quotas and resets the follow-up clocks.
func (a *app) record(st *storage.Store, kind model.EntryKind, clientArg, text, onArg, projectArg string) error {
	text = strings.TrimSpace(text)
	if kind == model.EntryNote && text == "" {
		return fail("cli.err.empty_note")
	}
	on, err := a.happenedOn("--on", onArg)
	if err != nil {
		return err
	}
	cl, err := a.findClient(st, clientArg)
	if err != nil {
		return err
	}
	e := model.JournalEntry{ClientID: cl.ID, Kind: kind, At: a.at(on), Text: text}
	projName := ""
	if projectArg != "" {
		p, err := a.findProject(st, projectArg)
		if err != nil {
			return err
		}
		e.ProjectID, projName = p.ID, p.Name
	}
	if _, err := st.AddEntry(e); err != nil {
		return failWith(err, "cli.err.record", cl.Name)
	}
	a.wrote = true
	what := a.t("kind." + string(kind))
	if projName != "" {
		a.say("cli.entry.added_project", what, clean(cl.Name), clean(projName), on)
	} else {
		a.say("cli.entry.added", what, clean(cl.Name), on)
	}
	return nil
}
