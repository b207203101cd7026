package cli

import (
	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
)

// clientEditFlags are the flags of `client edit`: every field of `client
// add`, the tier both ways, and archived.
var clientEditFlags = []string{"name", "key", "regular", "company", "area", "phone", "cadence", "business",
	"needs", "decision-maker", "interests", "referred-by", "archived"}

// clientEditCmd is `client edit CLIENT [--name S] [--key|--regular]
// [--company S] [--area S] [--phone S] [--cadence N] [--business S]
// [--needs S] [--decision-maker S] [--interests S] [--referred-by S]
// [--archived=true|false]`. CLIENT is matched like everywhere (exact name,
// then a unique prefix), archived clients included.
func (a *app) clientEditCmd() *cobra.Command {
	var name string
	var key, regular, archived bool
	var cadence int
	var v model.Client // the text fields' flags
	c := &cobra.Command{
		Use:   "edit CLIENT",
		Short: a.t("cli.short.client_edit"),
		Long:  a.t("cli.long.client_edit"),
		Args: func(c *cobra.Command, args []string) error {
			if c.Flags().Changed("key") && c.Flags().Changed("regular") {
				return &usageError{key: "cli.usage.key_regular", args: []any{cmdName(c)}}
			}
			return a.editArgs(clientEditFlags...)(c, args)
		},
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		f := c.Flags()
		seen, err := a.findClient(st, args[0])
		if err != nil {
			return err
		}
		edited := seen
		list := changeList{a: a}
		if f.Changed("name") {
			// Zero-width and bidi characters are not a name (model.CleanName).
			edited.Name = model.CleanName(name)
			if edited.Name == "" {
				return fail("cli.err.empty_name")
			}
		}
		switch {
		case f.Changed("key") && key, f.Changed("regular") && !regular:
			edited.Tier = model.TierKey
		case f.Changed("key"), f.Changed("regular"):
			edited.Tier = model.TierRegular
		}
		if f.Changed("cadence") {
			if cadence < 0 {
				return fail("cli.err.bad_cadence", cadence)
			}
			edited.CadenceDays = cadence
		}
		if f.Changed("archived") {
			edited.Archived = archived
		}
		if edited.Name != seen.Name {
			list.field("name")
		}
		if edited.Tier != seen.Tier {
			list.value("tier", a.t("tier."+string(edited.Tier)))
		}
		// Each text field: the value typed, and where it goes in edited
		// (which holds the stored value until then).
		for _, t := range []struct {
			flag, field, typed string
			to                 *string
		}{
			{"company", "company", v.Company, &edited.Company},
			{"area", "area", v.Area, &edited.Area},
			{"phone", "phone", v.Phone, &edited.Phone},
			{"business", "business", v.Business, &edited.Business},
			{"needs", "needs", v.Needs, &edited.Needs},
			{"decision-maker", "decision_maker", v.DecisionMaker, &edited.DecisionMaker},
			{"interests", "interests", v.Interests, &edited.Interests},
			{"referred-by", "referred_by", v.ReferredBy, &edited.ReferredBy},
		} {
			if f.Changed(t.flag) && *t.to != t.typed {
				*t.to = t.typed
				list.field(t.field)
			}
		}
		if edited.CadenceDays != seen.CadenceDays {
			days := a.t("cli.changed.cadence_default")
			if edited.CadenceDays > 0 {
				days = a.n("cli.changed.cadence", edited.CadenceDays, edited.CadenceDays)
			}
			list.value("cadence", days)
		}
		if edited.Archived != seen.Archived {
			list.value("archived", a.yesNo(edited.Archived))
		}
		if list.empty() {
			a.say("cli.client.unchanged", clean(seen.Name), seen.ID)
			return nil
		}
		out, err := st.EditClient(seen, edited)
		if err != nil {
			return a.editFailed(err, "client", seen.ID, "cli.err.client_edit", seen.Name)
		}
		a.wrote = true
		a.say("cli.client.edited", clean(out.Name), out.ID, list.String())
		return nil
	})
	fl := c.Flags()
	fl.StringVar(&name, "name", "", a.t("cli.flag.new_name"))
	fl.BoolVar(&key, "key", false, a.t("cli.flag.key"))
	fl.BoolVar(&regular, "regular", false, a.t("cli.flag.regular"))
	fl.StringVar(&v.Company, "company", "", a.t("cli.flag.company"))
	fl.StringVar(&v.Area, "area", "", a.t("cli.flag.area"))
	fl.StringVar(&v.Phone, "phone", "", a.t("cli.flag.phone"))
	fl.IntVar(&cadence, "cadence", 0, a.t("cli.flag.cadence"))
	fl.StringVar(&v.Business, "business", "", a.t("cli.flag.business"))
	fl.StringVar(&v.Needs, "needs", "", a.t("cli.flag.needs"))
	fl.StringVar(&v.DecisionMaker, "decision-maker", "", a.t("cli.flag.decision_maker"))
	fl.StringVar(&v.Interests, "interests", "", a.t("cli.flag.interests"))
	fl.StringVar(&v.ReferredBy, "referred-by", "", a.t("cli.flag.referred_by"))
	fl.BoolVar(&archived, "archived", false, a.t("cli.flag.archived"))
	return c
}
