package week

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/components/tasks"
)

// Every read runs in a tea.Cmd and comes back as one of these messages
// (the writes are the task component's); Update alone changes the pane.
// Loads carry a request id so that an answer overtaken by a newer request
// is dropped.

// loadedMsg is the answer to load.
type loadedMsg struct {
	seq    uint64
	week   model.WeekSummary
	set    model.Settings
	phones map[model.ID]string // the call tasks' clients' numbers
	err    error
}

// reviewMsg is the answer to loadReview.
type reviewMsg struct {
	seq uint64
	r   storage.Review
	err error
}

// load reads the week starting on start (the same Store.Week as `week
// --json`), the settings its quotas come from and the phones of its
// calls' clients.
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
		var all []model.AgendaTask
		for _, d := range w.Days {
			all = append(all, d.Tasks...)
		}
		phones, err := tasks.Phones(st, all)
		if err != nil {
			msg.err = fmt.Errorf("reading the phone numbers of the week's calls: %w", err)
			return msg
		}
		msg.week, msg.set, msg.phones = w, set, phones
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
