// Package month is the planner's Month pane (DESIGN.md §5): a calendar
// grid, Monday first, with each day's task count and done state, markers
// for bid dates, promises due and today, and the month's signed sales,
// calls and visits against target — the numbers of `salesplan month
// --json`, read through the same Store.Month. `y` turns it into the year
// view: the twelve months' signed sales against target as a bar chart.
//
// Keys: h/l and [/] go to the previous/next month (the shell's "previous /
// next" everywhere); the arrows move the selected day (a week up or down,
// a day left or right, across month ends), j/k move it a week like ↓/↑;
// enter opens the selected day in the Day pane; t comes back to today; g
// goes to a date. In the year view (keys.PlaceYear, which its footer and
// help list) ←/→ (and k/j) select a month, h/l change the year, t and g
// work as on the month, enter, y or esc open the month selected.
package month

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/gotodate"
	"salesplan/ui/components/reader"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// Model is the Month pane.
type Model struct {
	env  common.Env
	lang i18n.Lang
	km   keys.KeyMap
	fst  form.Styles

	width, height int

	sel     model.Date // the selected day; its month is shown
	month   model.MonthSummary
	set     model.Settings
	loaded  bool
	failed  error // the month's last load, when it failed
	loads   common.Loads
	yearOn  bool
	year    [12]model.MoneyQuota
	yearOf  int // the year loaded in year
	yearLds common.Loads

	host dialog.Host // the go-to-date input, when open

	// The month's review (r), shown instead of the calendar while open
	// (report.go).
	report      reader.Reader
	reportLoads common.Loads
}

// dlgGoto is the Month's one dialog: a date to go to.
type dlgKind int

const dlgGoto dlgKind = 1

// Messages.
type (
	loadedMsg struct {
		seq uint64
		ms  model.MonthSummary
		set model.Settings
		err error
	}
	yearMsg struct {
		seq  uint64
		year int
		q    [12]model.MoneyQuota
		err  error
	}
)

// New builds the Month pane showing this month.
func New(env common.Env) common.Pane { return newModel(env) }

// linesBelow is the report's mark for n lines below the screen.
func (m *Model) linesBelow(n int) string {
	return m.env.Styles.Muted.Render(common.LinesBelow(m.lang, n))
}

func newModel(env common.Env) *Model {
	m := &Model{env: env, lang: env.Lang, km: env.Keys, sel: env.Today(), host: dialog.New(env.Lang), report: reader.New(env.Keys.For(keys.PlaceMonth))}
	m.restyle()
	m.SetSize(80, 20)
	return m
}

func (m *Model) restyle() {
	if m.env.Styles != nil {
		m.fst = form.ThemeStyles(*m.env.Styles)
	} else {
		m.fst = form.DefaultStyles(true)
	}
}

// Init loads this month.
func (m *Model) Init() tea.Cmd { return m.reload() }

// SetSize sets the pane's size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.host.SetSize(m.width, m.height)
	m.report.SetSize(m.width, m.height)
}

// Capturing is true while the go-to-date input is open.
func (m *Model) Capturing() bool { return m.host.IsOpen() }

// Busy is true while the month (or the year) shown is being read: keys
// typed meanwhile wait for it.
func (m *Model) Busy() bool {
	return m.host.Busy() || m.loads.Pending() || (m.yearOn && m.yearLds.Pending()) ||
		(m.report.IsOpen() && m.reportLoads.Pending())
}

// Dirty is true while the go-to-date input holds typed text (never worth
// asking about: a date to go to is scratch).
func (m *Model) Dirty() bool { return m.host.Dirty() }

// ShortHelp lists the keys of the current place.
func (m *Model) ShortHelp() []key.Binding {
	if m.host.IsOpen() {
		return m.km.ShortHelp(m.host.Place())
	}
	if m.report.IsOpen() {
		return m.report.ShortHelp()
	}
	if m.yearOn {
		return m.km.ShortHelp(keys.PlaceYear)
	}
	return append(m.km.ShortHelp(keys.PlaceMonth), m.km.Year)
}

// FullHelp lists every key of the current place.
func (m *Model) FullHelp() [][]key.Binding {
	if m.host.IsOpen() {
		return m.km.FullHelp(m.host.Place())
	}
	if m.report.IsOpen() {
		return m.report.FullHelp()
	}
	if m.yearOn {
		return m.km.FullHelp(keys.PlaceYear)
	}
	return append(m.km.FullHelp(keys.PlaceMonth), []key.Binding{m.km.Year})
}

// Month returns the summary shown (tests compare it with Store.Month).
func (m *Model) Month() model.MonthSummary { return m.month }

func (m *Model) shown() model.Month { return model.MonthOf(m.sel) }

func (m *Model) reload() tea.Cmd {
	st := m.env.Store
	if st == nil {
		return nil
	}
	seq, mo, today := m.loads.Next(), m.shown(), m.env.Today()
	cmds := []tea.Cmd{func() tea.Msg {
		ms, err := st.Month(mo, today)
		if err != nil {
			return loadedMsg{seq: seq, err: fmt.Errorf("reading %s: %w", mo, err)}
		}
		set, err := st.Settings()
		if err != nil {
			return loadedMsg{seq: seq, err: fmt.Errorf("reading the settings: %w", err)}
		}
		return loadedMsg{seq: seq, ms: ms, set: set}
	}}
	if m.yearOn {
		cmds = append(cmds, m.reloadYear())
	}
	cmds = append(cmds, m.reloadReport())
	return tea.Batch(cmds...)
}

func (m *Model) reloadYear() tea.Cmd {
	st := m.env.Store
	if st == nil {
		return nil
	}
	seq, y := m.yearLds.Next(), m.sel.Year()
	return func() tea.Msg {
		q, err := st.YearSigned(y)
		if err != nil {
			err = fmt.Errorf("reading the year %d: %w", y, err)
		}
		return yearMsg{seq: seq, year: y, q: q, err: err}
	}
}

// Update handles store answers, the shell's messages and keys.
func (m *Model) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if !m.loads.Answer(msg.seq) {
			return m, nil
		}
		m.failed = msg.err
		if msg.err != nil {
			return m, common.StatusErr(m.env, msg.err)
		}
		m.month, m.set, m.loaded = msg.ms, msg.set, true
		return m, nil
	case yearMsg:
		if !m.yearLds.Answer(msg.seq) {
			return m, nil
		}
		if msg.err != nil {
			return m, common.StatusErr(m.env, msg.err)
		}
		m.year, m.yearOf = msg.q, msg.year
		return m, nil
	case reportMsg:
		return m, m.applyReport(msg)
	case common.DataChangedMsg:
		return m, m.reload()
	case common.ThemeChangedMsg:
		m.restyle()
		m.report.Restyle()
		return m, nil
	}
	if m.host.IsOpen() {
		return m, m.updateDialog(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case m.report.IsOpen():
			return m, m.reportKey(msg)
		case m.yearOn:
			return m, m.yearKeyPress(msg)
		}
		return m, m.monthKey(msg)
	case tea.MouseClickMsg:
		if m.report.IsOpen() {
			return m, nil
		}
		return m, m.click(msg.Mouse())
	case tea.MouseWheelMsg:
		if m.report.IsOpen() {
			m.report.Wheel(msg.Mouse())
		}
	}
	return m, nil
}

// selectDay selects d, loading its month when it is another one.
func (m *Model) selectDay(d model.Date) tea.Cmd {
	if !d.Valid() {
		return nil
	}
	other := model.MonthOf(d) != m.shown()
	m.sel = d
	if !other {
		return nil
	}
	m.loaded = false
	m.report.Reset()
	return m.reload() // in the year view this reads the year too; the review when open
}

func (m *Model) monthKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case key.Matches(msg, km.Left):
		return m.selectDay(m.sel.AddDays(-1))
	case key.Matches(msg, km.Right):
		return m.selectDay(m.sel.AddDays(1))
	case key.Matches(msg, km.Up):
		return m.selectDay(m.sel.AddDays(-7))
	case key.Matches(msg, km.Down):
		return m.selectDay(m.sel.AddDays(7))
	case key.Matches(msg, km.Prev):
		return m.selectDay(m.sel.AddMonths(-1))
	case key.Matches(msg, km.Next):
		return m.selectDay(m.sel.AddMonths(1))
	case key.Matches(msg, km.Today):
		return m.selectDay(m.env.Today())
	case key.Matches(msg, km.Open):
		d := m.sel
		return func() tea.Msg { return common.GotoDateMsg{Date: d} }
	case key.Matches(msg, km.GoTo):
		m.host.Open(gotodate.New(m.lang, m.fst), dlgGoto)
	case key.Matches(msg, m.km.Year):
		m.yearOn = true
		return m.reloadYear()
	case key.Matches(msg, km.MonthReport):
		m.report.Open()
		m.report.Reset()
		return m.reloadReport()
	case key.Matches(msg, km.FilterHint):
		// No list to filter here: the search finds what / would.
		return common.Status(m.lang.T("month.filter_hint"))
	case key.Matches(msg, km.Back):
		return common.Back
	}
	return nil
}

func (m *Model) yearKeyPress(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	move := func(n int) tea.Cmd { return m.selectDay(m.sel.AddMonths(n)) }
	// The year view's own bindings (keys.PlaceYear): its footer and help
	// list exactly these.
	switch {
	case key.Matches(msg, km.YearClose):
		m.yearOn = false // back to the month selected
	case key.Matches(msg, km.YearPrevMonth):
		return move(-1)
	case key.Matches(msg, km.YearNextMonth):
		return move(1)
	case key.Matches(msg, km.YearPrev):
		return move(-12)
	case key.Matches(msg, km.YearNext):
		return move(12)
	case key.Matches(msg, km.Today):
		return m.selectDay(m.env.Today())
	case key.Matches(msg, km.GoTo):
		m.host.Open(gotodate.New(m.lang, m.fst), dlgGoto) // its month, in the year view
	case key.Matches(msg, km.FilterHint):
		return common.Status(m.lang.T("month.filter_hint"))
	}
	return nil
}

func (m *Model) updateDialog(msg tea.Msg) tea.Cmd {
	_, cmd := m.host.Handle(msg, func() tea.Cmd {
		in, _ := m.host.Dialog().(*form.Input)
		d, ok := gotodate.Date(m.lang, in, m.env.Today())
		if !ok {
			return nil
		}
		m.host.Close()
		return m.selectDay(d)
	})
	return cmd
}

// click selects the day (or, in the year view, the month) under the mouse.
func (m *Model) click(mo tea.Mouse) tea.Cmd {
	if m.yearOn {
		r := m.yearRows()
		if i := mo.Y - r.top; i >= 0 && i < r.n {
			i += r.first
			return m.selectDay(m.sel.AddMonths(i + 1 - int(m.sel.Month())))
		}
		return nil
	}
	if d, ok := m.grid().dayAt(mo.X, mo.Y); ok {
		return m.selectDay(d)
	}
	return nil
}
