package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"salesplan/model"
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
			return failWith(err, "cli.err.read_view", a.t("cli.view.review"))
		}
		if _, err := fmt.Fprint(a.stdout, report.Markdown(r, a.lang, a.currency(r.Settings))); err != nil {
			return fmt.Errorf("write review: %w", err)
		}
		return nil
	})
	c.Flags().StringVar(&weekArg, "week", "", a.t("cli.flag.week"))
	return c
}

// reportCmd is `salesplan report day|week|month [--on DATE]` (DESIGN.md §3
// v2): the day's record (日报), the weekly review (the same as `review`)
// and the month's review with its quarter to date, as Markdown. The text
// comes from package ui/report, which the planner shows too.
func (a *app) reportCmd() *cobra.Command {
	sub := func(name string, write func(st *storage.Store, day model.Date) (string, error)) *cobra.Command {
		var onArg string
		c := &cobra.Command{
			Use:   name,
			Short: a.t("cli.short.report_" + name),
			Args:  noArgs,
		}
		c.RunE = a.run(func(st *storage.Store, _ []string) error {
			day := a.today
			if onArg != "" {
				d, err := a.parseDate(onArg)
				if err != nil {
					return err
				}
				day = d
			}
			md, err := write(st, day)
			if err != nil {
				return failWith(err, "cli.err.read_view", a.t("cli.view.report_"+name))
			}
			if _, err := fmt.Fprint(a.stdout, md); err != nil {
				return fmt.Errorf("write report: %w", err)
			}
			return nil
		})
		c.Flags().StringVar(&onArg, "on", "", a.t("cli.flag.report_on"))
		return c
	}
	day := sub("day", func(st *storage.Store, day model.Date) (string, error) {
		r, err := st.DayRecord(day)
		if err != nil {
			return "", err
		}
		r.AsOf = a.today
		return report.DayMarkdown(r, a.lang), nil
	})
	week := sub("week", func(st *storage.Store, day model.Date) (string, error) {
		r, err := st.Review(day, a.today)
		if err != nil {
			return "", err
		}
		return report.Markdown(r, a.lang, a.currency(r.Settings)), nil
	})
	month := sub("month", func(st *storage.Store, day model.Date) (string, error) {
		r, err := st.MonthReview(model.MonthOf(day), a.today)
		if err != nil {
			return "", err
		}
		return report.MonthMarkdown(r, a.lang, a.currency(r.Settings)), nil
	})
	return a.group("report", a.t("cli.short.report"), day, week, month)
}
