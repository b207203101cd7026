package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
)

func (a *app) projectCmd() *cobra.Command {
	return a.group("project", a.t("cli.short.project"), a.projectAddCmd(), a.projectStageCmd(), a.projectListCmd())
}

func (a *app) projectAddCmd() *cobra.Command {
	var clientArg, stageArg, valueArg, bidArg, owner, onArg, signedArg string
	c := &cobra.Command{
		Use:   "add NAME --client C",
		Short: a.t("cli.short.project_add"),
		Args:  exactArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		if clientArg == "" {
			return &usageError{key: "cli.usage.missing_flag", args: []any{"--client", useLineOf{c}}}
		}
		p := model.Project{Name: strings.TrimSpace(args[0]), Owner: owner, Stage: model.StageLead}
		if p.Name == "" {
			return fail("cli.err.empty_name")
		}
		if stageArg != "" {
			s, err := a.parseStage(stageArg)
			if err != nil {
				return err
			}
			p.Stage = s
		}
		if valueArg != "" {
			v, err := parseMoney(valueArg)
			if err != nil {
				return err
			}
			p.Value = v
		}
		if bidArg != "" {
			d, err := a.parseDate(bidArg)
			if err != nil {
				return err
			}
			p.BidDate = d
		}
		cl, err := a.findClient(st, clientArg)
		if err != nil {
			return err
		}
		p.ClientID = cl.ID
		// --on: the day it entered its current stage (onboarding a year of
		// existing projects puts each in its own week and month).
		on, err := a.happenedOn("--on", onArg)
		if err != nil {
			return err
		}
		p.StageHistory = []model.StageEntry{{Stage: p.Stage, On: on}}
		if signedArg != "" {
			if !model.SignedStage(p.Stage) {
				return fail("cli.err.signed_on_stage", a.stageName(p.Stage))
			}
			d, err := a.happenedOn("--signed-on", signedArg)
			if err != nil {
				return err
			}
			p.SignedOn = d
		} // else storage gives a project added at contract or later its stage date

		added, err := st.AddProject(p, a.today)
		if err != nil {
			return failWith(err, "cli.err.project_add", p.Name)
		}
		a.wrote = true
		a.say("cli.project.added", clean(added.Name), added.ID, clean(cl.Name), a.stageName(added.Stage))
		return nil
	})
	f := c.Flags()
	f.StringVar(&clientArg, "client", "", a.t("cli.flag.client"))
	f.StringVar(&stageArg, "stage", "", a.t("cli.flag.stage"))
	f.StringVar(&valueArg, "value", "", a.t("cli.flag.value"))
	f.StringVar(&bidArg, "bid-date", "", a.t("cli.flag.bid_date"))
	f.StringVar(&owner, "owner", "", a.t("cli.flag.owner"))
	f.StringVar(&onArg, "on", "", a.t("cli.flag.stage_on"))
	f.StringVar(&signedArg, "signed-on", "", a.t("cli.flag.signed_on"))
	return c
}

func (a *app) projectStageCmd() *cobra.Command {
	var onArg, reason string
	c := &cobra.Command{
		Use:   "stage PROJECT STAGE",
		Short: a.t("cli.short.project_stage"),
		Args:  exactArgs(2),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		stage, err := a.parseStage(args[1])
		if err != nil {
			return err
		}
		on, err := a.happenedOn("--on", onArg)
		if err != nil {
			return err
		}
		p, err := a.findProject(st, args[0])
		if err != nil {
			return err
		}
		if p.Stage == stage {
			return fail("cli.err.same_stage", clean(p.Name), a.stageName(stage))
		}
		if since := p.StageSince(); since.Valid() && on < since {
			return fail("cli.err.stage_before", on, since)
		}
		checklist := a.checklist(p, stage, on)
		moved, err := st.SetStage(p.ID, stage, on, checklist, reason)
		if err != nil {
			return failWith(err, "cli.err.project_stage", clean(p.Name))
		}
		a.wrote = true
		a.say("cli.project.moved", clean(moved.Name), a.stageName(p.Stage), a.stageName(moved.Stage), on)
		if len(checklist) > 0 {
			a.sayN("cli.project.checklist", len(checklist), len(checklist))
		}
		return nil
	})
	c.Flags().StringVar(&onArg, "on", "", a.t("cli.flag.on"))
	c.Flags().StringVar(&reason, "reason", "", a.t("cli.flag.reason"))
	return c
}

func (a *app) projectListCmd() *cobra.Command {
	var asJSON, all bool
	c := &cobra.Command{
		Use:   "list",
		Short: a.t("cli.short.project_list"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		rows, err := st.Projects(a.today, all)
		if err != nil {
			return failWith(err, "cli.err.read_view", a.t("cli.view.projects"))
		}
		if asJSON {
			out := []jsonProject{}
			for _, p := range rows {
				out = append(out, projectJSON(p))
			}
			return a.writeJSON(out)
		}
		if len(rows) == 0 {
			a.say("cli.project.none")
			return nil
		}
		set, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		cur := a.currency(set)
		tb := table{right: []bool{true, false, false, false, true}}
		tb.add("#", a.t("cli.col.project"), a.t("cli.col.client"), a.t("cli.col.stage"), a.t("cli.col.value"),
			a.t("cli.col.bid_date"), a.t("cli.col.next_followup"))
		for _, p := range rows {
			next := dateCell(p.FollowUp.Due)
			if p.FollowUp.IsDue {
				next += " " + a.t("cli.client.due")
			}
			if !p.Stage.Live() {
				next = "-"
			}
			tb.add(fmt.Sprint(p.ID), clean(p.Name), clean(p.Client), a.stageName(p.Stage),
				a.lang.MoneyExact(p.Value, cur), dateCell(p.BidDate), next)
		}
		tb.write(a.stdout, "")
		return nil
	})
	c.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	c.Flags().BoolVar(&all, "all", false, a.t("cli.flag.all_projects"))
	return c
}
