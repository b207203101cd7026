package dialog

import (
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
)

// SavedMsg is the answer to a write made with Write or Do. It goes back to
// the pane (or screen) that started the write, which hands it to its host
// (Landed) and reads what else it needs (ID: the record to select; Tag:
// what the write was, for the owner's own bookkeeping).
type SavedMsg struct {
	Status string // the footer line after a write that landed
	Err    error
	Field  string // the form field Err belongs beside, if any
	ID     model.ID
	Tag    any
}

// Write runs a write off the UI loop: do gets the store and says how it
// went. Without a store the answer is common.ErrNoStore, worded in the
// user's language like any other error.
func Write(st *storage.Store, do func(*storage.Store) SavedMsg) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return SavedMsg{Err: common.ErrNoStore}
		}
		return do(st)
	}
}

// Do is Write for a write that either lands, earning status, or fails.
func Do(st *storage.Store, status string, do func(*storage.Store) error) tea.Cmd {
	return Write(st, func(st *storage.Store) SavedMsg {
		if err := do(st); err != nil {
			return SavedMsg{Err: err}
		}
		return SavedMsg{Status: status}
	})
}

// Landed takes a write's answer (see Saved) and, when it landed, says so
// in the footer and tells the shell the data changed (every pane reloads,
// this one too, which ends its busy time with Fresh).
func (h *Host) Landed(msg SavedMsg) tea.Cmd {
	if cmd := h.Saved(msg.Err, msg.Field); msg.Err != nil {
		return cmd
	}
	return tea.Batch(common.Status(msg.Status), func() tea.Msg { return common.DataChangedMsg{} })
}

// Tag marks the answer of a write (Write, Do) with what it was, for its
// owner's bookkeeping when it lands (SavedMsg.Tag).
func Tag(cmd tea.Cmd, tag any) tea.Cmd {
	return func() tea.Msg {
		msg := cmd()
		if s, ok := msg.(SavedMsg); ok {
			s.Tag = tag
			return s
		}
		return msg
	}
}
