package cli

import (
	"fmt"
	"strings"

	"salesplan/model"
)

// printStatus writes `today --status`: one short line for a shell prompt or
// a tmux status bar, no colour, e.g.
// "calls 3/30 · visits 12/20 · overdue 2 · attention 13". The overdue
// promises and the attention count are left out when there are none, so
// a quiet day is a short line.
func (a *app) printStatus(ag model.Agenda) {
	parts := []string{
		a.t("cli.status.calls", ag.Calls.Done, ag.Calls.Target),
		a.t("cli.status.visits", ag.VisitsWeek.Done, ag.VisitsWeek.Target),
	}
	overdue := 0
	for _, it := range ag.Attention {
		if it.Type == model.AttPromiseOverdue {
			overdue++
		}
	}
	if overdue > 0 {
		parts = append(parts, a.t("cli.status.overdue", overdue))
	}
	if n := len(ag.Attention); n > 0 {
		parts = append(parts, a.t("cli.status.attention", n))
	}
	fmt.Fprintln(a.stdout, strings.Join(parts, a.t("cli.status.sep")))
}
