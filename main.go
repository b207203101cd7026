// Command salesplan is a terminal planner for a field salesperson: the
// full-screen planner when run alone, a scriptable command line otherwise
// (DESIGN.md §3). This file is only the page: package ui/cli parses the
// line, opens the store and hands over to the planner or a command.
package main

import (
	"os"

	"salesplan/ui/cli"
)

func main() {
	os.Exit(cli.Config{}.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
