package dialog

import (
	"errors"

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
	// Fresh is the record as stored now when the save was refused as
	// changed elsewhere since the form opened (storage.ConflictError):
	// the owner shows it in the form (Host.Rebase), keeping what was typed.
	Fresh any
}

// Refused fills a refused save's answer: Fresh is the record as stored
// now when err says it changed elsewhere.
func Refused(err error) SavedMsg {
	msg := SavedMsg{Err: err}
	var ce *storage.ConflictError
	if errors.As(err, &ce) {
		msg.Fresh = ce.Fresh
	}
	return msg
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
			return Refused(err)
		}
		return SavedMsg{Status: status}
	})
}

// Landed takes a write's answer (see Saved) and, when it landed, says so
// in the footer and tells the shell the data changed (every pane reloads,
// this one too, which ends its busy time with Fresh). A save refused as
// changed elsewhere also reloads: the record changed.
func (h *Host) Landed(msg SavedMsg) tea.Cmd {
	changed := func() tea.Msg { return common.DataChangedMsg{} }
	if cmd := h.Saved(msg.Err, msg.Field); msg.Err != nil {
		if msg.Fresh != nil {
			return tea.Batch(cmd, changed)
		}
		return cmd
	}
	return tea.Batch(common.Status(msg.Status), changed)
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
