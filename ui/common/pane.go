// Package common is the contract between the planner's shell (package ui)
// and its panes (ui/day, ui/week, ui/clients, …) and screens: the Pane and
// Screen interfaces and their optional faces (busy, dirty, capturing,
// floating), the Env every pane is built with, the messages every pane may
// receive, and small helpers for cell-exact layout, the one list model,
// request ids, the shared agenda and store commands. It is a leaf: panes
// and the components under them import it, and the shell imports the
// panes.
package common

import (
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
	"salesplan/ui/theme"
)

// Pane is one tab of the planner. It has the face of a bubbles component:
// the shell sizes it, routes messages to it and draws it below the tab bar.
type Pane interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (Pane, tea.Cmd)
	// View returns exactly the size given by the last SetSize: h lines of
	// w cells each (the shell pads or cuts it otherwise, see Fit).
	View() string
	SetSize(w, h int)
	// ShortHelp and FullHelp list the pane's keys for the current place
	// (keys.KeyMap.ShortHelp/FullHelp); the shell adds its own.
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Capturing is true while a text input or form has focus: the shell
	// then passes every key to the pane and does not treat q, u, 1–6, tab
	// or ? as shortcuts (ctrl+c still quits).
	Capturing() bool
}

// PaneID names a tab, in tab order.
type PaneID int

// The six tabs (DESIGN.md §5).
const (
	PaneDay PaneID = iota
	PaneWeek
	PaneMonth
	PaneClients
	PaneProjects
	PanePromises
)

// PaneCount is the number of tabs.
const PaneCount = 6

// Env is what every pane is built with. Read and write the store only in a
// tea.Cmd (DESIGN.md §7). Styles is shared by pointer: the shell replaces
// its value when the terminal reports its background colour and then sends
// ThemeChangedMsg, so panes that cache derived styles can rebuild them.
type Env struct {
	Store  *storage.Store
	Lang   i18n.Lang
	Styles *theme.Styles
	Keys   keys.KeyMap
	// Currency is the currency symbol the planner starts with ("" = the
	// language's default, i18n.Lang.DefaultCurrency); Prefs holds it from
	// then on (CurrencySymbol reads it).
	Currency string
	// Prefs are the settings drawn with that a save can change while the
	// planner runs, shared by pointer like Styles; the shell makes it.
	Prefs *Prefs

	// TodayOverride replaces the real date everywhere (--today,
	// SALESPLAN_TODAY); model.NoDate = the real date.
	TodayOverride model.Date
	// Clock returns the current time; nil = time.Now. Tests fix it.
	Clock func() time.Time
	// Agendas shares today's agenda between the top line and the Day pane
	// (one reading per write); the shell makes it, nil computes each time.
	Agendas *Agendas
	// Getenv reads the environment (sync's password,
	// SALESPLAN_CALDAV_PASSWORD); nil = os.Getenv. Tests set their own.
	Getenv func(string) string
}

// Now returns the current time; with TodayOverride, the current time of day
// on that date (so a call logged "now" lands on the overridden day).
func (e Env) Now() time.Time {
	now := time.Now()
	if e.Clock != nil {
		now = e.Clock()
	}
	if e.TodayOverride.Valid() {
		y, m, d := e.TodayOverride.YMD()
		return time.Date(y, m, d, now.Hour(), now.Minute(), now.Second(), now.Nanosecond(), now.Location())
	}
	return now
}

// Today returns today's date (TodayOverride when set).
func (e Env) Today() model.Date {
	if e.TodayOverride.Valid() {
		return e.TodayOverride
	}
	return model.DateOf(e.Now())
}

// T is a shortcut for e.Lang.T.
func (e Env) T(key string, args ...any) string { return e.Lang.T(key, args...) }

// CurrencySymbol is the user's currency as set now: the settings as last
// read (Prefs), else the one the planner started with.
func (e Env) CurrencySymbol() string {
	if e.Prefs != nil {
		return e.Prefs.Currency()
	}
	return e.Currency
}

// Money writes an amount in the user's language and currency.
func (e Env) Money(m model.Money) string { return e.Lang.Money(m, e.CurrencySymbol()) }

// Prefs are the settings every pane draws with that a save — in the
// settings screen, or `salesplan config set` in another process — can
// change while the planner runs (the currency). Env holds them by
// pointer, so one change reaches every pane's next View at once: the
// shell reads the settings after each change of the data and calls Set,
// then sends PrefsChangedMsg so panes drop what they drew with the old
// values. Safe to read from commands.
type Prefs struct {
	currency atomic.Pointer[string]
}

// NewPrefs holds the starting values.
func NewPrefs(currency string) *Prefs {
	p := &Prefs{}
	p.Set(currency)
	return p
}

// Currency is the currency symbol ("" = the language's default).
func (p *Prefs) Currency() string {
	if c := p.currency.Load(); c != nil {
		return *c
	}
	return ""
}

// Set takes the currency of the settings just read (made inert) and
// reports whether it changed.
func (p *Prefs) Set(currency string) bool {
	currency = model.InertLine(currency)
	if old := p.currency.Load(); old != nil && *old == currency {
		return false
	}
	p.currency.Store(&currency)
	return true
}

// ---- messages every pane may receive

// DataChangedMsg says the database changed (an action here, undo, or the
// command line in another process): reload what you show. Rev is the
// store's revision after the change (0 when unknown). Task, after an undo,
// is a task it put back (storage.Undone.Task): a pane showing it selects
// it, as the next key acts on the selection.
type DataChangedMsg struct {
	Rev  uint64
	Task model.ID
}

// GotoDateMsg asks to show a date. The shell switches to the Day pane and
// passes the message on to it. Task, when set, is the task to select there
// (a search hit).
type GotoDateMsg struct {
	Date model.Date
	Task model.ID
}

// OpenPromiseMsg asks to show a promise in the Promises pane (a search
// hit). The shell switches there and passes the message on.
type OpenPromiseMsg struct{ ID model.ID }

// OpenClientMsg asks to open a client's detail. The shell switches to the
// Clients pane and passes the message on. Entry, when set, is a journal
// entry of the client's to show (a search hit): the detail scrolls to it
// and highlights it. Edit opens the client's edit form over the detail (e
// in the brief); saving or cancelling it goes back where it was asked.
type OpenClientMsg struct {
	ID    model.ID
	Entry model.ID
	Edit  bool
}

// OpenProjectMsg asks to open a project's detail. The shell switches to the
// Projects pane and passes the message on.
type OpenProjectMsg struct{ ID model.ID }

// SwitchPaneMsg asks the shell to show a tab.
type SwitchPaneMsg struct{ Pane PaneID }

// StatusMsg puts a line in the footer ("Saved", or an error in red) until
// the next key press or status.
type StatusMsg struct {
	Text  string
	IsErr bool
}

// PrefsChangedMsg says Env.Prefs changed (the currency was saved): drop
// anything drawn with the old values.
type PrefsChangedMsg struct{}

// ThemeChangedMsg says *Env.Styles was replaced (the background colour
// arrived): rebuild styles derived from it.
type ThemeChangedMsg struct{}

// UndoneMsg is the result of UndoCmd. The shell turns it into a footer
// status and, when something was undone, a DataChangedMsg to every pane.
type UndoneMsg struct {
	What   string         // the action code of what was undone
	Undone storage.Undone // what was undone, by name (Lang.Undone words it)
	Err    error
}

// ---- commands

// ErrNoStore is what a command answers when the pane was built without a
// database (a shell test): a Problem, so the footer words it in the
// user's language.
var ErrNoStore = model.Errf("no_store", "no database is open")

// UndoCmd undoes the latest action through the store, off the UI loop.
func UndoCmd(env Env) tea.Cmd {
	return func() tea.Msg {
		if env.Store == nil {
			return UndoneMsg{Err: storage.ErrNothingToUndo}
		}
		u, err := env.Store.UndoLast()
		return UndoneMsg{What: u.Action, Undone: u, Err: err}
	}
}

// ClientNamesCmd reads the names of the live clients, off the UI loop, for
// a form's completion; wrap makes the pane's own message of them, so that
// each pane takes only the answers it asked for. A failed read sends
// nothing: completion is a help, not a need, and typing still works.
func ClientNamesCmd(st *storage.Store, wrap func(names []string) tea.Msg) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		list, err := st.ClientNames()
		if err != nil {
			return nil
		}
		names := make([]string, len(list))
		for i, c := range list {
			names[i] = c.Name
		}
		return wrap(names)
	}
}

// Status returns a command that shows text in the footer.
func Status(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}

// StatusErr returns a command that shows err, translated, in the footer;
// nil when err is nil.
func StatusErr(env Env, err error) tea.Cmd {
	if err == nil {
		return nil
	}
	text := env.Lang.Err(err)
	return func() tea.Msg { return StatusMsg{Text: text, IsErr: true} }
}

// LoadFailed is what a pane shows in place of its rows when reading them
// failed: the reason in the person's language, wrapped to w cells, so that
// what to do about it (restore a backup) is read whole — not a "loading…"
// that never ends beside a footer cut at the terminal's edge.
func LoadFailed(env Env, err error, w int) string {
	lines := WrapText(env.T("pane.load_failed", env.Lang.Err(err)), w)
	for i, l := range lines {
		lines[i] = env.Styles.Error.Render(l)
	}
	return strings.Join(lines, "\n")
}
