// Command salesplan is a terminal planner for a field salesperson: the
// full-screen planner when run alone, a scriptable command line otherwise
// (DESIGN.md §3). This file is only the page: package ui/cli parses the
// line and opens the store, then runs a command or hands over to the
// planner (package ui).
package main

import (
	"os"
	"os/signal"
	"syscall"

	"salesplan/ui"
	"salesplan/ui/cli"
	"salesplan/ui/common"
)

func main() {
	// `salesplan --demo today | head` must not be killed by SIGPIPE before
	// it removes its throwaway database: a closed pipe becomes a write error.
	signal.Ignore(syscall.SIGPIPE)
	c := cli.Config{Planner: planner}
	os.Exit(c.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// planner opens the full-screen planner on the store the command line
// opened (the real database, or the throwaway one of --demo).
func planner(p cli.PlannerArgs) error {
	env := common.Env{Store: p.Store, Lang: p.Lang, Currency: p.Currency}
	if p.Fixed {
		env.TodayOverride = p.Today
	}
	return ui.Run(env, ui.RunOptions{})
}
