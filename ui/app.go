// Package ui is the planner: a root model that draws the top line, the tab
// bar and the footer, and routes messages to six panes (ui/day, ui/week, …)
// built against the contract in ui/common. The root is a router: a pane's
// logic lives in the pane, the parts panes share in ui/components.
//
// The root owns what stands above the panes: the modal screens (help,
// settings, the note flow, the call sheet — a registry in screens.go, so a
// new screen is one entry), the back stack that esc walks, and the input
// queue: keys, pastes and clicks that arrive while the screen in front is
// busy (a save or a load on its way) wait and are handed on in order once
// it is not (input.go). Each pane's and screen's command answers come back
// to it alone (route.go).
//
// Files: app.go the model and its messages, input.go keys and the mouse,
// screens.go the screens and the back stack, route.go the addressing,
// shell_view.go the drawing.
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
	"salesplan/ui/components/dialog"
	"salesplan/ui/day"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
	"salesplan/ui/month"
	"salesplan/ui/projects"
	"salesplan/ui/promises"
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
	// FirstRun opens the first-run screen over the Day when the database
	// is empty (the planner does; most tests start on an empty one and
	// want the panes).
	FirstRun bool
}

// Model is the planner's root model.
type Model struct {
	env     common.Env
	noColor bool
	panes   [common.PaneCount]common.Pane
	active  common.PaneID
	poll    time.Duration
	// firstRun: look, at the start, whether the database is empty.
	firstRun bool

	width, height int
	help          help.Model // the footer's short help
	// screens are the modal screens open over the panes, the last on top.
	screens []frame
	// trail is where esc goes back to: the panes that opened a record in
	// another pane (Day's attention list opening a client), and the
	// screens that did (a search hit), latest last.
	trail []crumb
	// host holds the input typed while the screen in front is busy.
	host dialog.Host

	today     model.Date
	agenda    model.Agenda
	haveAgend bool
	agendas   common.Loads // answers to older requests are dropped

	status      common.StatusMsg
	rev         uint64
	haveRev     bool
	lastPollErr string // a failing poll reports its error once, not every second

	sync syncState // S and the top line's sync (sync.go)
}

type tabSpan struct {
	id       common.PaneID
	from, to int // cells [from, to) on the tab row
}

// Messages private to the shell.
type (
	agendaMsg struct {
		seq    uint64
		agenda model.Agenda
		err    error
	}
	tickMsg struct{}
	// waitMsg checks, a while after input began to wait, whether it still
	// does.
	waitMsg struct{}
	revMsg  struct {
		rev uint64
		err error
	}
	// emptyMsg says the database has no records yet: the first run.
	emptyMsg struct{}
	// prefsMsg carries the settings every pane draws with, read after a
	// change of the data (a save in the settings, or the command line's).
	prefsMsg struct{ currency string }
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
	if env.Agendas == nil {
		env.Agendas = &common.Agendas{}
	}
	if env.Prefs == nil {
		env.Prefs = common.NewPrefs(env.Currency)
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
		env:      env,
		noColor:  opts.NoColor,
		panes:    build(env),
		poll:     opts.PollInterval,
		firstRun: opts.FirstRun,
		help:     help.New(),
		today:    env.Today(),
		host:     dialog.New(env.Lang),
	}
	if m.poll <= 0 {
		m.poll = pollInterval
	}
	for i, p := range m.panes {
		if p == nil {
			m.panes[i] = Placeholder(env, common.PaneID(i))
		}
	}
	m.help.Styles = env.Styles.Help()
	return m
}

// Env returns the environment the panes were built with.
func (m *Model) Env() common.Env { return m.env }

// Active returns the tab shown.
func (m *Model) Active() common.PaneID { return m.active }

// Agenda returns the day the top line shows: its quotas (tests compare
// them with `today --json`).
func (m *Model) Agenda() model.Agenda { return m.agenda }

// Init asks for the background colour, starts every pane, loads the top
// line and starts polling the revision counter.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.readRev(), m.start(), m.syncTick())
}

// start loads the top line and starts every pane (Init without the
// background query and the polling, which tests run on their own).
func (m *Model) start() tea.Cmd {
	cmds := []tea.Cmd{m.loadAgenda(), m.checkEmpty(), m.loadSync()}
	for i, p := range m.panes {
		cmds = append(cmds, address(common.PaneID(i), p.Init()))
	}
	return tea.Batch(cmds...)
}

// Update routes a message: the shell's own first; input (held while the
// screen in front is busy) to the screen on top or the active tab, through
// the global shortcuts unless it is typing; a pane's or screen's answers
// to it alone; anything else to every pane. Input held earlier is handed
// on as soon as nothing in front is busy.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	return m, tea.Batch(cmd, m.drain())
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return nil

	case tea.BackgroundColorMsg:
		*m.env.Styles = theme.New(msg.IsDark(), m.noColor)
		m.help.Styles = m.env.Styles.Help()
		m.resize(m.width, m.height) // screens lay out again in the new styles
		return m.broadcast(common.ThemeChangedMsg{})

	case tea.KeyPressMsg, tea.PasteMsg, tea.MouseClickMsg, tea.MouseWheelMsg:
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, keys.Dialog.Interrupt) {
			return m.quit() // never held: it must work when something hangs
		}
		if m.busy() || m.host.Holding() || m.blind() {
			first := !m.host.Holding()
			m.host.Hold(msg)
			if first && !m.blind() {
				return m.waitCheck()
			}
			return nil
		}
		return m.input(msg)
	case tea.MouseReleaseMsg, tea.MouseMotionMsg:
		if m.busy() || m.tooSmall() {
			return nil
		}
		return m.mouseToFront(msg.(tea.MouseMsg))

	case paneMsg:
		if forShell(msg.msg) {
			m.navigatedFrom(msg.id, msg.msg)
			return m.update(msg.msg)
		}
		return m.toPane(msg.id, msg.msg)
	case screenMsg:
		if forShell(msg.msg) {
			m.leftScreen(msg.s, msg.msg)
			return m.update(msg.msg)
		}
		return m.toScreen(msg.s, msg.msg)

	case common.StatusMsg:
		m.status = common.StatusMsg{Text: model.InertLine(msg.Text), IsErr: msg.IsErr}
		return nil

	case common.DataChangedMsg:
		if msg.Rev != 0 {
			m.rev, m.haveRev = msg.Rev, true
		}
		m.env.Agendas.Changed() // before anyone reloads: the next reading is fresh
		cmds := []tea.Cmd{m.broadcast(msg), m.loadAgenda(), m.loadSync(), m.loadPrefs()}
		for _, f := range m.screens {
			cmds = append(cmds, m.toScreen(f.s, msg))
		}
		return tea.Batch(cmds...)

	case common.UndoneMsg:
		if msg.Err != nil {
			if errors.Is(msg.Err, storage.ErrNothingToUndo) {
				m.status = common.StatusMsg{Text: m.env.T("status.nothing_undo")}
			} else {
				m.status = common.StatusMsg{Text: m.env.T("status.error", m.env.Lang.Err(msg.Err)), IsErr: true}
			}
			return nil
		}
		u := msg.Undone
		m.status = common.StatusMsg{Text: m.env.T("status.undone", m.env.Lang.Undone(u.Action, u.What, u.Client, u.On))}
		return func() tea.Msg { return common.DataChangedMsg{Task: u.Task} }

	case common.SwitchPaneMsg:
		m.switchTo(msg.Pane)
		return nil
	case common.GotoDateMsg:
		m.show(common.PaneDay)
		return m.toActive(msg)
	case common.OpenClientMsg:
		m.show(common.PaneClients)
		return m.toActive(msg)
	case common.OpenProjectMsg:
		m.show(common.PaneProjects)
		return m.toActive(msg)
	case common.OpenPromiseMsg:
		m.show(common.PanePromises)
		return m.toActive(msg)
	case common.OpenScreenMsg:
		return m.open(msg)
	case common.BackMsg:
		return m.back()

	case agendaMsg:
		if !m.agendas.Answer(msg.seq) {
			return nil
		}
		if msg.err != nil {
			m.haveAgend = false
			m.status = common.StatusMsg{Text: m.env.T("status.error", m.env.Lang.Err(msg.err)), IsErr: true}
			return nil
		}
		m.agenda, m.haveAgend = msg.agenda, true
		return nil

	case tickMsg:
		return m.readRev()
	case waitMsg:
		if m.host.Holding() && m.busy() && m.status.Text == "" {
			m.status = common.StatusMsg{Text: m.env.T("status.waiting")} // keys wait: say why
		}
		return nil

	case revMsg:
		return tea.Batch(m.gotRev(msg), m.tick())
	case emptyMsg:
		return m.open(common.OpenScreenMsg{ID: common.ScreenFirstRun})
	case prefsMsg:
		if !m.env.Prefs.Set(msg.currency) {
			return nil
		}
		// Every pane draws with the new currency from its next View;
		// those that keep drawn lines drop them.
		cmds := []tea.Cmd{m.broadcast(common.PrefsChangedMsg{})}
		for _, f := range m.screens {
			cmds = append(cmds, m.toScreen(f.s, common.PrefsChangedMsg{}))
		}
		return tea.Batch(cmds...)

	case syncInfoMsg:
		return m.gotSync(msg)
	case syncDoneMsg:
		return m.syncDone(msg)
	case syncPollMsg:
		return tea.Batch(m.loadSync(), m.syncTick())
	}
	return m.broadcast(msg)
}

func (m *Model) resize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.help.SetWidth(max(m.width-1, 0)) // the footer starts one cell in
	pw, ph := m.paneSize()
	for _, p := range m.panes {
		p.SetSize(pw, ph)
	}
	for _, f := range m.screens {
		f.s.SetSize(pw, ph)
	}
}

// paneSize is the pane area: everything but the top line, tab bar and footer.
func (m *Model) paneSize() (int, int) {
	return max(m.width, 0), max(m.height-topRows-footerRows, 0)
}

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// blind reports whether something typing is hidden by a screen too small
// to show it: what is typed then waits for the screen to grow (a resize
// can arrive before keys typed earlier), neither dropped nor typed blind.
func (m *Model) blind() bool { return m.tooSmall() && m.captures() }

// ---- commands: all store access happens here, off the UI loop

func (m *Model) loadAgenda() tea.Cmd {
	seq, store, today, cache := m.agendas.Next(), m.env.Store, m.env.Today(), m.env.Agendas
	return func() tea.Msg {
		if store == nil {
			return agendaMsg{seq: seq, err: common.ErrNoStore}
		}
		a, err := cache.Today(store, today)
		return agendaMsg{seq: seq, agenda: a, err: err}
	}
}

// loadPrefs reads the settings the panes draw with (Env.Prefs): the
// currency, which the settings screen or `config set` may have changed.
// A failed read changes nothing (the panes' own reads say why).
func (m *Model) loadPrefs() tea.Cmd {
	store := m.env.Store
	if store == nil {
		return nil
	}
	return func() tea.Msg {
		s, err := store.Settings()
		if err != nil {
			return nil
		}
		return prefsMsg{currency: s.Currency}
	}
}

// checkEmpty looks, once at the start, whether the database has no
// records: an empty one opens on the first-run screen (DESIGN.md §5 v2).
func (m *Model) checkEmpty() tea.Cmd {
	if !m.firstRun || m.env.Store == nil {
		return nil
	}
	store := m.env.Store
	return func() tea.Msg {
		if empty, err := store.IsEmpty(); err == nil && empty {
			return emptyMsg{}
		}
		return nil
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

// waitAfter is how long input waits unexplained: past it, the footer says
// the planner is waiting for the database (a lock held by a restore, a
// slow disk).
const waitAfter = 2 * time.Second

func (m *Model) waitCheck() tea.Cmd {
	return tea.Tick(waitAfter, func(time.Time) tea.Msg { return waitMsg{} })
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
