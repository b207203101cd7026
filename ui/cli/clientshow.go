package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
)

// clientShowCmd is `client show CLIENT [--last N] [--json]`: the profile
// with the phone, the latest journal entries, open promises, projects and
// the tasks ahead — what a rep reads before calling.
func (a *app) clientShowCmd() *cobra.Command {
	var asJSON bool
	var last int
	c := &cobra.Command{
		Use:   "show CLIENT",
		Short: a.t("cli.short.client_show"),
		Args:  exactArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		if last < 0 {
			return &usageError{key: "cli.err.bad_count", args: []any{"--last", last}} // a bad flag value: bad usage
		}
		cl, err := a.findClient(st, args[0])
		if err != nil {
			return err
		}
		det, err := st.ClientDetail(cl.ID, a.today, last)
		if err != nil {
			return failWith(err, "cli.err.read_view", a.t("cli.view.client"))
		}
		set, err := st.Settings()
		if err != nil {
			return failWith(err, "cli.err.read_settings")
		}
		var open []model.Promise
		for _, p := range det.Promises {
			if p.Status == model.PromiseOpen {
				open = append(open, p)
			}
		}
		if asJSON {
			return a.writeJSON(a.clientShowJSON(det, open, set))
		}
		a.printClient(det, open, set)
		return nil
	})
	c.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	c.Flags().IntVar(&last, "last", 5, a.t("cli.flag.last_entries"))
	return c
}

func (a *app) printClient(det storage.ClientDetail, open []model.Promise, set model.Settings) {
	w := a.stdout
	cal := set.Calendar()
	c := det.Row.Client
	head := a.t("cli.show.head", clean(c.Name), c.ID, a.t("tier."+string(c.Tier)))
	if c.Archived {
		head += " · " + a.t("cli.show.archived")
	}
	fmt.Fprintln(w, head)
	var profile table
	for _, f := range []struct{ key, value string }{
		{"phone", c.Phone}, {"company", c.Company}, {"area", c.Area}, {"business", c.Business},
		{"needs", c.Needs}, {"decision_maker", c.DecisionMaker}, {"interests", c.Interests},
		{"referred_by", c.ReferredBy},
	} {
		if f.value != "" {
			profile.add(a.t("cli.field."+f.key), clean(f.value))
		}
	}
	fu := det.Row.FollowUp
	next := dateCell(fu.Due)
	switch {
	case fu.IsDue && fu.DaysOverdue > 0:
		next += " " + a.n("cli.client.overdue", fu.DaysOverdue, fu.DaysOverdue)
	case fu.IsDue:
		next += " " + a.t("cli.client.due")
	case fu.Scheduled:
		next += " " + a.t("cli.client.scheduled")
	}
	profile.add(a.t("cli.field.followup"), a.n("cli.show.followup", set.ClientCadence(c), set.ClientCadence(c), dateCell(det.Row.LastContact), next))
	profile.write(w, "  ")

	fmt.Fprintln(w)
	if len(det.Journal) == 0 {
		fmt.Fprintln(w, a.t("cli.show.no_journal"))
	} else {
		fmt.Fprintln(w, a.t("cli.show.journal", len(det.Journal)))
		var tb table
		for _, e := range det.Journal {
			tb.add(e.At.In(time.Local).Format("2006-01-02 15:04"), a.t("kind."+string(e.Kind)), fmt.Sprintf("#%d", e.ID),
				clean(e.Text))
		}
		tb.write(w, "  ")
	}

	fmt.Fprintln(w)
	if len(open) == 0 {
		fmt.Fprintln(w, a.t("cli.show.no_promises"))
	} else {
		fmt.Fprintln(w, a.t("cli.show.promises", len(open)))
		var tb table
		for _, p := range open {
			tb.add(fmt.Sprintf("#%d", p.ID), a.t("cli.att.due", p.Due), a.promiseStatus(p, cal), clean(p.Text))
		}
		tb.write(w, "  ")
	}

	fmt.Fprintln(w)
	if len(det.Projects) == 0 {
		fmt.Fprintln(w, a.t("cli.show.no_projects"))
	} else {
		fmt.Fprintln(w, a.t("cli.show.projects", len(det.Projects)))
		tb := table{right: []bool{false, false, false, true}}
		cur := a.currency(set)
		for _, p := range det.Projects {
			bid := ""
			if p.BidDate.Valid() {
				bid = a.t("cli.att.bid_on", p.BidDate)
			}
			tb.add(fmt.Sprintf("#%d", p.ID), clean(p.Name), a.stageName(p.Stage), a.lang.MoneyExact(p.Value, cur), bid)
		}
		tb.write(w, "  ")
	}

	fmt.Fprintln(w)
	if len(det.Tasks) == 0 {
		fmt.Fprintln(w, a.t("cli.show.no_tasks"))
	} else {
		fmt.Fprintln(w, a.t("cli.show.tasks", len(det.Tasks)))
		var tb table
		for _, t := range det.Tasks {
			when := a.t("cli.task.inbox")
			if t.Date.Valid() {
				when = t.Date.String()
				if t.Time.Valid() {
					when += " " + t.Time.String()
				}
			}
			tb.add(fmt.Sprintf("#%d", t.ID), when, a.mark(t), a.t("kind."+string(t.Kind)), clean(t.Title))
		}
		tb.write(w, "  ")
	}
}

type jsonClientShow struct {
	ID            model.ID   `json:"id"`
	Name          string     `json:"name"`
	Tier          string     `json:"tier"`
	Company       *string    `json:"company"`
	Area          *string    `json:"area"`
	Phone         *string    `json:"phone"`
	Business      *string    `json:"business"`
	Needs         *string    `json:"needs"`
	DecisionMaker *string    `json:"decision_maker"`
	Interests     *string    `json:"interests"`
	ReferredBy    *string    `json:"referred_by"`
	CadenceDays   int        `json:"cadence_days"`
	CreatedOn     model.Date `json:"created_on"`
	Archived      bool       `json:"archived"`
	LastContact   model.Date `json:"last_contact"`
	NextFollowUp  model.Date `json:"next_followup"`
	Due           bool       `json:"due"`
	Scheduled     bool       `json:"scheduled"`
	DaysOverdue   int        `json:"days_overdue"`

	Journal  []jsonEntry          `json:"journal"`
	Promises []jsonPromise        `json:"promises"`
	Projects []jsonClientProject  `json:"projects"`
	Tasks    []jsonClientShowTask `json:"tasks"`
}

type jsonClientProject struct {
	ID         model.ID    `json:"id"`
	Name       string      `json:"name"`
	Stage      string      `json:"stage"`
	StageSince model.Date  `json:"stage_since"`
	Value      model.Money `json:"value"`
	BidDate    model.Date  `json:"bid_date"`
}

type jsonClientShowTask struct {
	ID        model.ID    `json:"id"`
	Title     string      `json:"title"`
	Kind      string      `json:"kind"`
	Date      model.Date  `json:"date"`
	Time      model.Clock `json:"time"`
	Important bool        `json:"important"`
}

func (a *app) clientShowJSON(det storage.ClientDetail, open []model.Promise, set model.Settings) jsonClientShow {
	c, fu := det.Row.Client, det.Row.FollowUp
	out := jsonClientShow{ID: c.ID, Name: model.Inert(c.Name), Tier: string(c.Tier), Company: str(c.Company),
		Area: str(c.Area), Phone: str(c.Phone), Business: str(c.Business), Needs: str(c.Needs),
		DecisionMaker: str(c.DecisionMaker), Interests: str(c.Interests), ReferredBy: str(c.ReferredBy),
		CadenceDays: set.ClientCadence(c), CreatedOn: c.CreatedOn, Archived: c.Archived,
		LastContact: det.Row.LastContact, NextFollowUp: fu.Due, Due: fu.IsDue, Scheduled: fu.Scheduled,
		DaysOverdue: fu.DaysOverdue,
		Journal:     []jsonEntry{}, Promises: []jsonPromise{}, Projects: []jsonClientProject{}, Tasks: []jsonClientShowTask{}}
	projects := map[model.ID]string{} // names for the entries and promises linked to them
	for _, p := range det.Projects {
		projects[p.ID] = p.Name
		out.Projects = append(out.Projects, jsonClientProject{ID: p.ID, Name: model.Inert(p.Name), Stage: string(p.Stage),
			StageSince: p.StageSince(), Value: p.Value, BidDate: p.BidDate})
	}
	for _, e := range det.Journal {
		out.Journal = append(out.Journal, entryJSON(storage.JournalRow{JournalEntry: e, Client: c.Name, Project: projects[e.ProjectID]}))
	}
	for _, p := range open {
		out.Promises = append(out.Promises, promiseJSON(storage.PromiseRow{Promise: p, Client: c.Name, Project: projects[p.ProjectID]},
			a.today, set.Calendar()))
	}
	for _, t := range det.Tasks {
		out.Tasks = append(out.Tasks, jsonClientShowTask{ID: t.ID, Title: model.Inert(t.Title), Kind: string(t.Kind),
			Date: t.Date, Time: t.Time, Important: t.Important})
	}
	return out
}
