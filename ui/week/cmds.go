package week

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/day"
)

// Every read and write runs in a tea.Cmd and comes back as one of these
// messages; Update alone changes the pane. Loads carry a request id so that
// an answer overtaken by a newer request is dropped.

// loadedMsg is the answer to load.
type loadedMsg struct {
	seq  uint64
	week model.WeekSummary
	set  model.Settings
	err  error
}

// reviewMsg is the answer to loadReview.
type reviewMsg struct {
	seq uint64
	r   storage.Review
	err error
}

// savedMsg is the answer to a write: the status line to show.
type savedMsg struct {
	status string
	err    error
}

// editFailedMsg keeps a form open with the error beside a field.
type editFailedMsg struct {
	field string
	err   error
}

// briefMsg is the answer to brief: the client for the pre-visit brief.
type briefMsg struct {
	detail storage.ClientDetail
	err    error
}

// brief reads a client for the pre-visit brief (drawn by the Clients
// pane's BriefPopup). It answers with this pane's own message, so that no
// other pane opens the brief too.
func loadBrief(st *storage.Store, client model.ID, today model.Date) tea.Cmd {
	return func() tea.Msg {
		d, err := st.ClientDetail(client, today, 3)
		if err != nil {
			err = fmt.Errorf("reading the client for the brief: %w", err)
		}
		return briefMsg{detail: d, err: err}
	}
}

// load reads the week starting on start (the same Store.Week as `week
// --json`) and the settings its quotas come from.
func load(st *storage.Store, seq uint64, start, today model.Date) tea.Cmd {
	return func() tea.Msg {
		msg := loadedMsg{seq: seq}
		w, err := st.Week(start, today)
		if err != nil {
			msg.err = fmt.Errorf("reading the week of %s: %w", start, err)
			return msg
		}
		set, err := st.Settings()
		if err != nil {
			msg.err = fmt.Errorf("reading the settings: %w", err)
			return msg
		}
		msg.week, msg.set = w, set
		return msg
	}
}

func loadReview(st *storage.Store, seq uint64, start, today model.Date) tea.Cmd {
	return func() tea.Msg {
		r, err := st.Review(start, today)
		if err != nil {
			err = fmt.Errorf("reading the review of the week of %s: %w", start, err)
		}
		return reviewMsg{seq: seq, r: r, err: err}
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

func complete(st *storage.Store, id model.ID, on model.Date, at time.Time, outcome, status string) tea.Cmd {
	return write(status, func() error {
		_, err := st.CompleteTask(id, on, at, outcome)
		return err
	})
}

// editTask resolves the client name typed in the edit form, then saves
// (as the Day pane does).
func editTask(st *storage.Store, t model.Task, clientName string, clientChanged bool, status string) tea.Cmd {
	return func() tea.Msg {
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

// writeTask runs a shared task action as a write.
func writeTask(w day.TaskWrite) tea.Cmd { return write(w.Status, w.Do) }
