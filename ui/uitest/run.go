package uitest

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/ui/common"
)

// A model under test: a pane (Update returns the pane) or a screen or
// component (Update returns its command).
type (
	paneModel interface {
		Update(tea.Msg) (common.Pane, tea.Cmd)
	}
	screenModel interface{ Update(tea.Msg) tea.Cmd }
)

func step(p any, msg tea.Msg) tea.Cmd {
	switch m := p.(type) {
	case paneModel:
		_, cmd := m.Update(msg)
		return cmd
	case screenModel:
		return m.Update(msg)
	case tea.Model:
		_, cmd := m.Update(msg)
		return cmd
	}
	panic(fmt.Sprintf("uitest: %T has no Update that uitest knows", p))
}

// quick runs a command, giving up on timers (a cursor's blink) that would
// keep a synchronous loop busy forever.
func quick(c tea.Cmd) tea.Msg {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg
	case <-time.After(2 * time.Second):
		return nil
	}
}

// Run feeds a command's messages back into p until none is left, as the
// program would, and returns the messages meant for the shell: footer
// statuses, data changed, going to a date, a pane or a screen, and back.
// The shell passes data changed and the open-a-record messages on to the
// panes, so they are also fed back; the whole planner (a tea.Model) gets
// every message back.
func Run(p any, cmd tea.Cmd) []tea.Msg {
	_, root := p.(tea.Model)
	var out []tea.Msg
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 2000; n++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := quick(c)
		switch msg := msg.(type) {
		case nil:
			continue
		case tea.BatchMsg:
			queue = append(queue, msg...)
			continue
		case common.StatusMsg, common.GotoDateMsg, common.SwitchPaneMsg, common.OpenScreenMsg, common.BackMsg:
			out = append(out, msg)
			if !root {
				continue
			}
		case common.DataChangedMsg, common.OpenClientMsg, common.OpenProjectMsg, common.OpenPromiseMsg:
			out = append(out, msg)
		}
		queue = append(queue, step(p, msg))
	}
	return out
}

// Press sends keys one after the other (by name, see Key), running what
// each starts; it returns the shell's messages (see Run).
func Press(p any, names ...string) []tea.Msg {
	var out []tea.Msg
	for _, n := range names {
		out = append(out, Run(p, step(p, Key(n)))...)
	}
	return out
}

// Type types text one character at a time, running what each starts.
func Type(p any, s string) {
	for _, r := range s {
		Run(p, step(p, tea.KeyPressMsg{Code: r, Text: string(r)}))
	}
}

// Send hands p one message and runs what it starts.
func Send(p any, msg tea.Msg) []tea.Msg { return Run(p, step(p, msg)) }

// Statuses returns the footer texts among msgs.
func Statuses(msgs []tea.Msg) []string {
	var out []string
	for _, m := range msgs {
		if s, ok := m.(common.StatusMsg); ok {
			out = append(out, s.Text)
		}
	}
	return out
}

// Changed reports whether msgs tell the shell the data changed.
func Changed(msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(common.DataChangedMsg); ok {
			return true
		}
	}
	return false
}
