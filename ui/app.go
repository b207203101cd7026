// Package ui is the planner: a root model that draws the top line, the tab
// bar and the footer, and routes messages to six panes (ui/day, ui/week, …)
// built against the contract in ui/common. The root is a router: a pane's
// logic lives in the pane.
package ui

import (
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/clients"
	"salesplan/ui/common"
	"salesplan/ui/day"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
	"salesplan/ui/month"
	"salesplan/ui/projects"
	"salesplan/ui/promises"
	"salesplan/ui/settings"
	"salesplan/ui/theme"
	"salesplan/ui/week"
)

// DefaultPanes builds the six tabs in order. To plug a pane in, replace its
// placeholder with the pane's constructor: one line each.
func DefaultPanes(env common.Env) [common.PaneCount]common.Pane {
	return [common.PaneCount]common.Pane{
		common.PaneDay:      day.New(env),
		common.PaneWeek:     week.New(env),
		common.PaneMonth:    month.New(env),
		common.PaneClients:  clients.New(env),
		common.PaneProjects: projects.New(env),
		common.PanePromises: promises.New(env),
	}
}

// Placeholders builds six placeholder panes (tests, and panes not built).
func Placeholders(env common.Env) [common.PaneCount]common.Pane {
	var out [common.PaneCount]common.Pane
	for i := range out {
		out[i] = Placeholder(env, common.PaneID(i))
	}
	return out
}

// The smallest terminal the planner draws in; below it, it says so.
const (
	MinWidth  = 60
	MinHeight = 16
)

// Rows the shell takes: the top line, the tab bar and the footer.
const (
	topRows    = 2 // top line + tab bar; the pane starts at this row
	footerRows = 1
)

// pollInterval is how often the revision counter is read, so that changes
// made by the command line show within two seconds (DESIGN.md §5).
const pollInterval = time.Second

// Options configure the root model.
type Options struct {
	NoColor bool // NO_COLOR: no colours, attributes only
	// Panes builds the tabs from the prepared Env; nil = DefaultPanes.
	Panes func(common.Env) [common.PaneCount]common.Pane
	// PollInterval overrides pollInterval (tests); 0 = one second.
	PollInterval time.Duration
}

// Model is the planner's root model.
type Model struct {
	env     common.Env
	noColor bool
	panes   [common.PaneCount]common.Pane
	active  common.PaneID
	poll    time.Duration

	width, height int
	help          help.Model
	showHelp      bool
	// note is the note flow n opened over a pane that had no use for n
	// (notes.go); while open it takes the keys.
	note *clients.NoteFlow

	today     model.Date
	agenda    model.Agenda
	haveAgend bool
	agendaSeq int // answers to older requests are dropped

	status      common.StatusMsg
	rev         uint64
	haveRev     bool
	lastPollErr string // a failing poll reports its error once, not every second
}

type tabSpan struct {
	id       common.PaneID
	from, to int // cells [from, to) on the tab row
}

// Messages private to the shell.
type (
	agendaMsg struct {
		seq    int
		agenda model.Agenda
		err    error
	}
	tickMsg struct{}
	revMsg  struct {
		rev uint64
		err error
	}
)

// New prepares env (language, key map, styles) and builds the root model
// with its panes.
func New(env common.Env, opts Options) *Model {
	if env.Lang == "" {
		env.Lang = i18n.EN
	}
	if len(env.Keys.Quit.Keys()) == 0 {
		env.Keys = keys.New(env.Lang)
	}
	if env.Styles == nil {
		// Dark until the terminal answers the background query.
		s := theme.New(true, opts.NoColor)
		env.Styles = &s
	}
	build := opts.Panes
	if build == nil {
		build = DefaultPanes
	}
	m := &Model{
		env:     env,
		noColor: opts.NoColor,
		panes:   build(env),
		poll:    opts.PollInterval,
		help:    help.New(),
		today:   env.Today(),
	}
	if m.poll <= 0 {
		m.poll = pollInterval
	}
	for i, p := range m.panes {
		if p == nil {
			p = Placeholder(env, common.PaneID(i))
		}
		m.panes[i] = settings.Overlay(env, p) // `,` opens the settings over any tab
	}
	m.help.Styles = env.Styles.Help()
	return m
}

// Env returns the environment the panes were built with.
func (m *Model) Env() common.Env { return m.env }

// Active returns the tab shown.
func (m *Model) Active() common.PaneID { return m.active }

// Init asks for the background colour, starts every pane, loads the top
// line and starts polling the revision counter.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.loadAgenda(), m.readRev()}
	for i, p := range m.panes {
		cmds = append(cmds, address(common.PaneID(i), p.Init()))
	}
	return tea.Batch(cmds...)
}

// Update routes a message: the shell's own first, keys through the global
// shortcuts unless the pane is capturing, mouse by position, and anything
// else to every pane (a pane's load result must reach it even when another
// tab is showing).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil

	case tea.BackgroundColorMsg:
		*m.env.Styles = theme.New(msg.IsDark(), m.noColor)
		m.help.Styles = m.env.Styles.Help()
		return m, m.broadcast(common.ThemeChangedMsg{})

	case tea.KeyPressMsg:
		return m, m.key(msg)

	case paneMsg:
		if forShell(msg.msg) {
			return m.Update(msg.msg)
		}
		return m, m.toPane(msg.id, msg.msg)

	case tea.MouseClickMsg:
		if m.note != nil {
			return m, nil // the note box is modal
		}
		return m, m.click(msg)
	case tea.MouseWheelMsg, tea.MouseReleaseMsg, tea.MouseMotionMsg:
		if m.note != nil {
			return m, nil
		}
		return m, m.mouseToPane(msg.(tea.MouseMsg))

	case tea.PasteMsg, tea.PasteStartMsg, tea.PasteEndMsg:
		if m.note != nil {
			return m, m.updateNote(msg)
		}
		return m, m.toActive(msg)

	case common.StatusMsg:
		m.status = common.StatusMsg{Text: model.InertLine(msg.Text), IsErr: msg.IsErr}
		return m, nil

	case common.DataChangedMsg:
		if msg.Rev != 0 {
			m.rev, m.haveRev = msg.Rev, true
		}
		return m, tea.Batch(m.broadcast(msg), m.loadAgenda())

	case common.UndoneMsg:
		if msg.Err != nil {
			if errors.Is(msg.Err, storage.ErrNothingToUndo) {
				m.status = common.StatusMsg{Text: m.env.T("status.nothing_undo")}
			} else {
				m.status = common.StatusMsg{Text: m.env.T("status.error", m.env.Lang.Err(msg.Err)), IsErr: true}
			}
			return m, nil
		}
		m.status = common.StatusMsg{Text: m.env.T("status.undone", m.undoneWhat(msg.What))}
		return m, func() tea.Msg { return common.DataChangedMsg{} }

	case common.SwitchPaneMsg:
		m.switchTo(msg.Pane)
		return m, nil
	case common.GotoDateMsg:
		m.switchTo(common.PaneDay)
		return m, m.toActive(msg)
	case common.OpenClientMsg:
		m.switchTo(common.PaneClients)
		return m, m.toActive(msg)
	case common.OpenProjectMsg:
		m.switchTo(common.PaneProjects)
		return m, m.toActive(msg)

	case agendaMsg:
		if msg.seq != m.agendaSeq {
			return m, nil
		}
		if msg.err != nil {
			m.haveAgend = false
			m.status = common.StatusMsg{Text: m.env.T("status.error", m.env.Lang.Err(msg.err)), IsErr: true}
			return m, nil
		}
		m.agenda, m.haveAgend = msg.agenda, true
		return m, nil

	case tickMsg:
		return m, m.readRev()

	case revMsg:
		return m, tea.Batch(m.gotRev(msg), m.tick())
	}
	return m, tea.Batch(m.broadcast(msg), m.updateNote(msg))
}

// undoneWhat words the store's action code ("add_client") for the footer;
// an unknown code is shown as it is.
func (m *Model) undoneWhat(code string) string {
	if i18n.Has("undo." + code) {
		return m.env.T("undo." + code)
	}
	return model.InertLine(code)
}

// key handles a key press: ctrl+c always quits; the help overlay takes
// keys while open; a capturing pane gets every other key; otherwise the
// global shortcuts go first and the rest to the pane.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	km := m.env.Keys
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	if m.note != nil {
		if m.tooSmall() {
			return nil
		}
		return m.updateNote(msg)
	}
	if !m.showHelp && m.panes[m.active].Capturing() {
		if m.tooSmall() {
			return nil // the form is hidden: typing into it blind would be worse
		}
		return m.toActive(msg)
	}
	m.status = common.StatusMsg{}
	switch {
	case key.Matches(msg, km.Quit):
		return tea.Quit
	case m.tooSmall():
		return nil
	case m.showHelp:
		if key.Matches(msg, km.Help, km.Back) {
			m.showHelp = false
		}
		return nil
	case key.Matches(msg, km.Help):
		m.showHelp = true
		return nil
	case key.Matches(msg, km.NextPane):
		m.switchTo((m.active + 1) % common.PaneCount)
		return nil
	case key.Matches(msg, km.PrevPane):
		m.switchTo((m.active + common.PaneCount - 1) % common.PaneCount)
		return nil
	case key.Matches(msg, km.Undo):
		m.status = common.StatusMsg{Text: m.env.T("status.undoing")}
		return common.UndoCmd(m.env)
	}
	for i, b := range km.Pane {
		if key.Matches(msg, b) {
			m.switchTo(common.PaneID(i))
			return nil
		}
	}
	if m.active > common.PaneMonth && key.Matches(msg, km.Today, km.GoTo) {
		return m.toDay(msg)
	}
	switch {
	case key.Matches(msg, km.CallSheet): // from anywhere, on the Clients pane
		m.switchTo(common.PaneClients)
		return m.toActive(clients.OpenCallSheetMsg{})
	case key.Matches(msg, km.Note):
		return m.noteKey(msg)
	}
	return m.toActive(msg)
}

// toDay answers t and g in the panes without a date of their own (Clients,
// Projects, Promises), where DESIGN.md §5 still has them work: t shows
// today's Day, g opens the Day's go-to-date input.
func (m *Model) toDay(msg tea.KeyPressMsg) tea.Cmd {
	m.switchTo(common.PaneDay)
	if key.Matches(msg, m.env.Keys.Today) {
		return m.toActive(common.GotoDateMsg{Date: m.env.Today()})
	}
	if m.panes[common.PaneDay].Capturing() {
		return nil // the Day's own input is open: show it, type nothing into it
	}
	return m.toActive(msg)
}

// click switches tabs from the tab bar and passes clicks in the pane area
// to the pane, relative to its top-left corner.
func (m *Model) click(msg tea.MouseClickMsg) tea.Cmd {
	if m.tooSmall() {
		return nil
	}
	if m.showHelp {
		m.showHelp = false
		return nil
	}
	if msg.Y == 1 && msg.Button == tea.MouseLeft {
		_, spans := m.tabLayout()
		for _, t := range spans {
			if msg.X >= t.from && msg.X < t.to {
				m.switchTo(t.id)
				return nil
			}
		}
		return nil
	}
	return m.mouseToPane(msg)
}

func (m *Model) mouseToPane(msg tea.MouseMsg) tea.Cmd {
	if m.tooSmall() || m.showHelp {
		return nil
	}
	y := msg.Mouse().Y
	if y < topRows || y >= m.height-footerRows {
		return nil
	}
	return m.toActive(common.ShiftMouse(msg, 0, topRows))
}

func (m *Model) switchTo(id common.PaneID) {
	if id < 0 || id >= common.PaneCount {
		return
	}
	m.active = id
	m.showHelp = false
}

func (m *Model) resize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	if m.note != nil {
		m.note.SetWidth(m.noteWidth())
	}
	m.help.SetWidth(max(m.width-1, 0)) // the footer starts one cell in
	pw, ph := m.paneSize()
	for _, p := range m.panes {
		p.SetSize(pw, ph)
	}
}

// paneSize is the pane area: everything but the top line, tab bar and footer.
func (m *Model) paneSize() (int, int) {
	return max(m.width, 0), max(m.height-topRows-footerRows, 0)
}

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// ---- commands: all store access happens here, off the UI loop

func (m *Model) loadAgenda() tea.Cmd {
	m.agendaSeq++
	seq, store, today := m.agendaSeq, m.env.Store, m.env.Today()
	return func() tea.Msg {
		if store == nil {
			return agendaMsg{seq: seq, err: common.ErrNoStore}
		}
		a, err := store.Today(today)
		return agendaMsg{seq: seq, agenda: a, err: err}
	}
}

func (m *Model) readRev() tea.Cmd {
	store := m.env.Store
	return func() tea.Msg {
		if store == nil {
			return revMsg{err: common.ErrNoStore}
		}
		rev, err := store.Revision()
		return revMsg{rev: rev, err: err}
	}
}

func (m *Model) tick() tea.Cmd {
	return tea.Tick(m.poll, func(time.Time) tea.Msg { return tickMsg{} })
}

// gotRev notices a change made elsewhere (the command line) or a new day,
// and tells every pane to reload.
func (m *Model) gotRev(msg revMsg) tea.Cmd {
	if msg.err != nil {
		text := m.env.Lang.Err(msg.err)
		if text != m.lastPollErr {
			m.lastPollErr = text
			m.status = common.StatusMsg{Text: m.env.T("status.error", text), IsErr: true}
		}
		return nil
	}
	m.lastPollErr = ""
	changed := m.haveRev && msg.rev != m.rev
	m.rev, m.haveRev = msg.rev, true
	if today := m.env.Today(); today != m.today {
		m.today, changed = today, true
	}
	if !changed {
		return nil
	}
	return func() tea.Msg { return common.DataChangedMsg{Rev: msg.rev} }
}

func joinLines(lines []string) string { return strings.Join(lines, "\n") }
