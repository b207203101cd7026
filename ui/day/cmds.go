package day

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/tasks"
)

// Every read runs in a tea.Cmd and comes back as one of these messages
// (the writes are the task component's); Update alone changes the pane.
// Loads carry a request id so an answer that arrives after a newer
// request was made is dropped.

// loadedMsg is the answer to load.
type loadedMsg struct {
	seq        uint64
	date       model.Date
	tasks      []model.AgendaTask
	withAtt    bool
	attention  []model.AttentionItem
	regularDue int
	phones     map[model.ID]string // the call tasks' clients' numbers
	err        error
}

// load reads the tasks of date and, when withAtt, today's attention list.
// Today's tasks, its inbox (open tasks with no date) and attention come
// from one Store.Today; another day reads its tasks through the date index
// only.
func load(st *storage.Store, agendas *common.Agendas, seq uint64, date, today model.Date, withAtt bool) tea.Cmd {
	return func() tea.Msg {
		msg := loadedMsg{seq: seq, date: date, withAtt: withAtt}
		if date == today || withAtt {
			ag, err := agendas.Today(st, today)
			if err != nil {
				msg.err = fmt.Errorf("reading today's agenda: %w", err)
				return msg
			}
			msg.attention, msg.regularDue = ag.Attention, ag.RegularDue
			msg.withAtt = true
			if date == today {
				msg.tasks = append(ag.Tasks, ag.Inbox...) // the inbox shows on today's list
			}
		}
		if date != today {
			tasks, err := st.TasksOn(date)
			if err != nil {
				msg.err = fmt.Errorf("reading the tasks of %s: %w", date, err)
				return msg
			}
			msg.tasks = tasks
		}
		for i := range msg.tasks {
			msg.tasks[i].CarriedOver = msg.tasks[i].Task.CarriedOver(today)
			if date != today {
				msg.tasks[i].CarriedOver = false // only today lists carried-over tasks
			}
		}
		// Each task carries its client's tier and area (storage reads them
		// from an index); only the call tasks' clients are read, for the
		// phone their rows show.
		model.SortTasks(msg.tasks)
		phones, err := tasks.Phones(st, msg.tasks)
		if err != nil {
			msg.err = fmt.Errorf("reading the phone numbers of the day's calls: %w", err)
			return msg
		}
		msg.phones = phones
		return msg
	}
}
