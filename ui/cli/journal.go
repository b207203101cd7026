package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
)

// journalCmd groups the journal commands: list, edit, delete.
func (a *app) journalCmd() *cobra.Command {
	return a.group("journal", a.t("cli.short.journal"), a.journalListCmd(), a.journalEditCmd(), a.journalDeleteCmd())
}

// journalListCmd is `journal list [CLIENT] [--on DATE] [--limit N] [--json]`:
// a client's journal newest first; with --on (or without a client: today)
// one day's entries in the order they happened.
func (a *app) journalListCmd() *cobra.Command {
	var asJSON bool
	var onArg string
	var limit int
	c := &cobra.Command{
		Use:   "list [CLIENT]",
		Short: a.t("cli.short.journal_list"),
		Long:  a.t("cli.long.journal_list"),
		Args:  rangeArgs(0, 1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		if limit < 0 {
			return &usageError{key: "cli.err.bad_count", args: []any{"--limit", limit}} // a bad flag value: bad usage
		}
		day := model.NoDate
		if onArg != "" {
			d, err := a.parseDate(onArg)
			if err != nil {
				return err
			}
			day = d
		}
		var client model.Client
		if len(args) == 1 {
			cl, err := a.findClient(st, args[0])
			if err != nil {
				return err
			}
			client = cl
		} else if !day.Valid() {
			day = a.today
		}
		var rows []storage.JournalRow
		var err error
		if day.Valid() {
			rows, err = st.JournalOn(day, client.ID)
			if err == nil && limit > 0 && len(rows) > limit {
				rows = rows[:limit]
			}
		} else {
			rows, err = st.JournalOf(client.ID, limit)
		}
		if err != nil {
			return failWith(err, "cli.err.read_view", a.t("cli.view.journal"))
		}
		if asJSON {
			out := []jsonEntry{}
			for _, r := range rows {
				out = append(out, entryJSON(r))
			}
			return a.writeJSON(out)
		}
		if len(rows) == 0 {
			a.say("cli.journal.none")
			return nil
		}
		projects := false // the project column only when an entry has one
		for _, r := range rows {
			projects = projects || r.Project != ""
		}
		tb := table{right: []bool{false, false, true}}
		for _, r := range rows {
			cells := []string{r.At.In(time.Local).Format("2006-01-02 15:04"), a.t("kind." + string(r.Kind)),
				fmt.Sprintf("#%d", r.ID), orDash(clean(r.Client))}
			if projects {
				cells = append(cells, orDash(clean(r.Project)))
			}
			tb.add(append(cells, orDash(clean(r.Text)))...)
		}
		tb.write(a.stdout, "")
		return nil
	})
	f := c.Flags()
	f.BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	f.StringVar(&onArg, "on", "", a.t("cli.flag.journal_on"))
	f.IntVar(&limit, "limit", 0, a.t("cli.flag.journal_limit"))
	return c
}

// jsonEntry is a journal entry in the list commands' JSON.
type jsonEntry struct {
	ID       model.ID   `json:"id"`
	Kind     string     `json:"kind"`
	Date     model.Date `json:"date"`
	At       string     `json:"at"`
	ClientID model.ID   `json:"client_id"`
	Client   *string    `json:"client"`
	Project  *string    `json:"project"`
	Text     string     `json:"text"`
}

func entryJSON(r storage.JournalRow) jsonEntry {
	return jsonEntry{ID: r.ID, Kind: string(r.Kind), Date: r.On(), At: r.At.Format(time.RFC3339),
		ClientID: r.ClientID, Client: str(r.Client), Project: str(r.Project), Text: model.Inert(r.Text)}
}
