package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
)

// Screen is a modal screen the shell shows over the panes: help, the
// settings, the note flow, the call sheet (and, later, search, the first
// run, a client's card). Screens stack: the one on top gets the keys, esc
// closes it (the screen says so with Closed), and the shell shows what was
// under it again, the tab it was opened from included. Like a pane it
// reads and writes the store only in commands, whose answers the shell
// hands back to it alone.
type Screen interface {
	Update(msg tea.Msg) tea.Cmd
	// View fills the pane area (SetSize), unless the screen floats.
	View() string
	SetSize(w, h int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Closed reports that the screen is done: the shell drops it.
	Closed() bool
}

// Optional faces of a pane or a screen, asked for with a type assertion.
type (
	// Capturer takes every key while a text input has focus (q, 1–6, ?
	// are text then). A pane's Capturing is part of Pane.
	Capturer interface{ Capturing() bool }
	// Busier is busy while a save or a load that the keys act on is on its
	// way: the shell holds the keys typed meanwhile and hands them on, in
	// order, when it is not (DESIGN.md §5 v2: no keystroke lost).
	Busier interface{ Busy() bool }
	// Dirtier holds typed text that is not saved: q and ctrl+c ask first.
	Dirtier interface{ Dirty() bool }
	// Floater is a screen drawn as a dialog over what is under it (the
	// note flow) rather than in place of it.
	Floater interface{ Over(body string) string }
)

// ScreenID names a modal screen. The shell keeps a registry of them
// (ui/screens.go): a key or an OpenScreenMsg opens one.
type ScreenID int

// The screens.
const (
	ScreenHelp ScreenID = iota + 1
	ScreenSettings
	ScreenNote
	ScreenCallSheet
	// Added for the rep's workday (issue 15).
	ScreenSearch
	ScreenFirstRun
)

// OpenScreenMsg asks the shell to open a screen over what is showing.
// Client is the client it is about, for the screens about one (the note
// flow; 0 = ask).
type OpenScreenMsg struct {
	ID     ScreenID
	Client model.ID
	// Query and At reopen the search where it was (esc back from a hit it
	// opened): the words typed and the hit selected.
	Query string
	At    int
}

// Reopener is a screen that closes when it opens a record in a pane (the
// search): the shell keeps how to reopen it, and esc from that record
// brings it back as it was.
type Reopener interface{ Reopen() OpenScreenMsg }

// BackMsg says a pane has nothing left to go back to on esc: the shell
// goes back where the user came from (the pane that opened a record here),
// if anywhere.
type BackMsg struct{}

// Back is the command a pane returns on esc when it has nothing of its own
// to close.
func Back() tea.Msg { return BackMsg{} }
