package day

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
)

// Every read and write runs in a tea.Cmd and comes back as one of these
// messages; Update alone changes the pane. Loads carry a request id so an
// answer that arrives after a newer request was made is dropped.

// loadedMsg is the answer to load.
type loadedMsg struct {
	seq        uint64
	date       model.Date
	tasks      []model.AgendaTask
	withAtt    bool
	attention  []model.AttentionItem
	regularDue int
	err        error
}

// savedMsg is the answer to a write: the status line to show and whether
// other panes should reload.
type savedMsg struct {
	status string
	err    error
	// selectID moves the cursor to this task after the reload (a new task).
	selectID model.ID
}

// briefMsg is the answer to brief.
type briefMsg struct {
	detail storage.ClientDetail
	err    error
}

// editFailedMsg keeps the edit form open with the error beside a field.
type editFailedMsg struct {
	field string
	err   error
}

// load reads the tasks of date and, when withAtt, today's attention list.
// Today's tasks and attention come from one Store.Today; another day reads
// its tasks through the date index only.
func load(st *storage.Store, seq uint64, date, today model.Date, withAtt bool) tea.Cmd {
	return func() tea.Msg {
		msg := loadedMsg{seq: seq, date: date, withAtt: withAtt}
		if date == today || withAtt {
			ag, err := st.Today(today)
			if err != nil {
				msg.err = fmt.Errorf("reading today's agenda: %w", err)
				return msg
			}
			msg.attention, msg.regularDue = ag.Attention, ag.RegularDue
			msg.withAtt = true
			if date == today {
				msg.tasks = ag.Tasks
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
		// from an index), so no client is read here.
		model.SortTasks(msg.tasks)
		return msg
	}
}

// write runs one store action and reports the status to show.
func write(status string, fn func() error) tea.Cmd {
	return func() tea.Msg {
		if err := fn(); err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: status}
	}
}

func addTask(st *storage.Store, t model.Task, status func(model.Task) string) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return savedMsg{err: common.ErrNoStore}
		}
		saved, err := st.AddTask(t)
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: status(saved), selectID: saved.ID}
	}
}

// complete marks a task done; the status names the next occurrence of a
// repeating task, which the rep would otherwise have to go and look for.
func complete(st *storage.Store, id model.ID, on model.Date, at time.Time, outcome string, status func(next model.Date) string) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return savedMsg{err: common.ErrNoStore}
		}
		res, err := st.CompleteTask(id, on, at, outcome)
		if err != nil {
			return savedMsg{err: err}
		}
		next := model.NoDate
		if res.Next != nil {
			next = res.Next.Date
		}
		return savedMsg{status: status(next)}
	}
}

func loadBrief(st *storage.Store, client model.ID, today model.Date) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return briefMsg{err: common.ErrNoStore}
		}
		d, err := st.ClientDetail(client, today, 3)
		return briefMsg{detail: d, err: err}
	}
}

// editTask resolves the client name typed in the edit form, then saves.
func editTask(st *storage.Store, t model.Task, clientName string, clientChanged bool, status string) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return editFailedMsg{err: common.ErrNoStore}
		}
		if clientChanged {
			if clientName == "" {
				t.ClientID = 0
			} else {
				c, err := st.FindClient(clientName)
				if err != nil {
					return editFailedMsg{field: "client", err: err}
				}
				t.ClientID = c.ID
			}
		}
		if err := st.UpdateTask(t); err != nil {
			return editFailedMsg{err: err}
		}
		return savedMsg{status: status}
	}
}

// namesMsg carries the client names the edit form completes.
type namesMsg struct{ names []string }

// writeTask runs a shared task action as a write.
func writeTask(w TaskWrite) tea.Cmd { return write(w.Status, w.Do) }
