package cli

import (
	"fmt"

	"salesplan/model"
)

// printShort writes `today --short`: one line for a status bar (tmux,
// polybar, a shell prompt), e.g.
// "Fri 27 Nov · calls 3/30 · visits 12/20 · tasks 2/15 · attention 13 (2 overdue)".
func (a *app) printShort(ag model.Agenda) {
	done, overdue := 0, 0
	for _, t := range ag.Tasks {
		if t.Done {
			done++
		}
	}
	for _, it := range ag.Attention {
		if it.Type == model.AttPromiseOverdue {
			overdue++
		}
	}
	fmt.Fprintln(a.stdout, a.t("cli.today.short", a.lang.ShortDate(ag.Date),
		ag.Calls.Done, ag.Calls.Target, ag.VisitsWeek.Done, ag.VisitsWeek.Target,
		done, len(ag.Tasks), len(ag.Attention), overdue))
}

// helpTopics are the subjects of `salesplan help TOPIC` beyond the commands.
var helpTopics = []string{"quickadd", "dates", "exchange"}

// helpTopic prints a help topic and reports whether name was one.
func (a *app) helpTopic(name string) bool {
	for _, t := range helpTopics {
		if name == t {
			fmt.Fprintln(a.stdout, a.t("cli.help.topic."+t))
			return true
		}
	}
	return false
}
