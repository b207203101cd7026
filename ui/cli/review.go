package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"salesplan/storage"
	"salesplan/ui/report"
)

// reviewCmd is `salesplan review [--week DATE]`: the weekly review of the
// week containing DATE (default today) as Markdown, fit to send to a
// manager. The text comes from package ui/report, the same words the
// planner shows on `r` in the Week pane.
func (a *app) reviewCmd() *cobra.Command {
	var weekArg string
	c := &cobra.Command{
		Use:   "review",
		Short: a.t("cli.short.review"),
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
		r, err := st.Review(day, a.today)
		if err != nil {
			return failWith(err, "cli.err.read_view", "review")
		}
		if _, err := fmt.Fprint(a.stdout, report.Markdown(r, a.lang, a.currency(r.Settings))); err != nil {
			return fmt.Errorf("write review: %w", err)
		}
		return nil
	})
	c.Flags().StringVar(&weekArg, "week", "", a.t("cli.flag.week"))
	return c
}
