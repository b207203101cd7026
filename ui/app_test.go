package ui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
	"salesplan/ui/uitest"
)

var testToday = model.MakeDate(2026, time.November, 27)

// testEnv opens a fresh database in a temporary directory, as the planner
// does, with the date fixed.
func testEnv(t *testing.T, l i18n.Lang) common.Env {
	t.Helper()
	return common.Env{Store: uitest.OpenStore(t), Lang: l, TodayOverride: testToday}
}

func startShell(t *testing.T, env common.Env, opts Options, w, h int) *teatest.TestModel {
	t.Helper()
	if opts.Panes == nil {
		opts.Panes = Placeholders
	}
	return uitest.Start(t, New(env, opts), w, h)
}

// finish quits and returns the final model.
func finish(t *testing.T, tm *teatest.TestModel) *Model {
	t.Helper()
	return uitest.Finish(t, tm).(*Model)
}

// screen is the model's view as plain text, one string per line.
func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// The shell with placeholder panes, read by eye in testdata/*.golden
// (regenerate with go test ./ui -run TestGolden -update).
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 80, 24}, {i18n.EN, 120, 40}, {i18n.ZH, 80, 24}, {i18n.ZH, 120, 40}} {
		t.Run(fmt.Sprintf("%s_%dx%d", tt.lang, tt.w, tt.h), func(t *testing.T) {
			env := testEnv(t, tt.lang)
			tm := startShell(t, env, Options{}, tt.w, tt.h)
			uitest.WaitFor(t, tm, tt.lang.T("top.attention", 0))
			m := finish(t, tm)
			uitest.CheckSize(t, m.View().Content, tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
	}
}

func TestGoldenHelpOverlay(t *testing.T) {
	env := testEnv(t, i18n.EN)
	tm := startShell(t, env, Options{}, 100, 30)
	uitest.WaitFor(t, tm, "Attention 0")
	tm.Type("?")
	uitest.WaitFor(t, tm, "closes this help")
	m := finish(t, tm)
	if !m.showing(common.ScreenHelp) {
		t.Fatal("? did not open the help")
	}
	uitest.CheckSize(t, m.View().Content, 100, 30)
	golden.RequireEqual(t, screen(m))
}

func TestTooSmall(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(l), func(t *testing.T) {
			env := testEnv(t, l)
			tm := startShell(t, env, Options{}, 59, 20)
			want := l.T("screen.too_small", 59, 20, MinWidth, MinHeight)
			uitest.WaitFor(t, tm, strings.Fields(want)[0])
			tm.Type("2") // tabs do not switch on a screen too small to show them
			m := finish(t, tm)
			if got := screen(m); !strings.Contains(strings.Join(strings.Fields(got), " "), strings.Join(strings.Fields(want), " ")) {
				t.Errorf("too-small screen does not say %q:\n%s", want, got)
			}
			if m.Active() != common.PaneDay {
				t.Errorf("active = %d", m.Active())
			}
			uitest.CheckSize(t, m.View().Content, 59, 20)
		})
	}
}

func TestTabSwitchingByKey(t *testing.T) {
	tests := []struct {
		name string
		keys []tea.KeyPressMsg
		want common.PaneID
	}{
		{"digit", []tea.KeyPressMsg{{Code: '4', Text: "4"}}, common.PaneClients},
		{"tab", []tea.KeyPressMsg{{Code: tea.KeyTab}, {Code: tea.KeyTab}}, common.PaneMonth},
		{"shift+tab wraps", []tea.KeyPressMsg{{Code: tea.KeyTab, Mod: tea.ModShift}}, common.PanePromises},
		{"digit then tab wraps", []tea.KeyPressMsg{{Code: '6', Text: "6"}, {Code: tea.KeyTab}}, common.PaneDay},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := testEnv(t, i18n.EN)
			tm := startShell(t, env, Options{}, 80, 24)
			uitest.WaitFor(t, tm, "Attention 0")
			for _, k := range tt.keys {
				tm.Send(k)
			}
			m := finish(t, tm) // messages are handled in order: the keys before the quit
			if m.Active() != tt.want {
				t.Errorf("active = %d, want %d", m.Active(), tt.want)
			}
			if !strings.Contains(screen(m), "Coming: "+env.Lang.T(keys.TabNames[tt.want])) {
				t.Errorf("screen does not show the pane:\n%s", screen(m))
			}
		})
	}
}

func TestTabSwitchingByClick(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(l), func(t *testing.T) {
			env := testEnv(t, l)
			tm := startShell(t, env, Options{}, 80, 24)
			uitest.WaitFor(t, tm, l.T("top.attention", 0))
			// Find "5 Projects" on the tab row in cells, as the user sees it.
			label := "5 " + l.T("tab.projects")
			row := strings.Split(screen(New(env, Options{Panes: Placeholders}).sized(80, 24)), "\n")[1]
			i := strings.Index(row, label)
			if i < 0 {
				t.Fatalf("tab row %q has no %q", row, label)
			}
			x := ansi.StringWidth(row[:i]) + 1
			tm.Send(tea.MouseClickMsg{X: x, Y: 1, Button: tea.MouseLeft})
			m := finish(t, tm)
			if m.Active() != common.PaneProjects {
				t.Errorf("active = %d after clicking %q at x=%d", m.Active(), label, x)
			}
			if !strings.Contains(screen(m), l.T("placeholder.projects")) {
				t.Errorf("screen does not show the Projects pane:\n%s", screen(m))
			}
		})
	}
}

// sized applies a window size directly (tests that need a layout without a
// program).
func (m *Model) sized(w, h int) *Model {
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// probe is a pane that records what reaches it. The program runs it on its
// own goroutine while the test reads it, hence the mutex.
type probe struct {
	mu        sync.Mutex
	w, h      int
	capturing bool
	keys      []string
	mouse     []tea.Mouse
	changes   int
	gotos     []model.Date
}

func (p *probe) Init() tea.Cmd { return nil }
func (p *probe) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		p.keys = append(p.keys, msg.String())
	case tea.MouseMsg:
		p.mouse = append(p.mouse, msg.Mouse())
	case common.DataChangedMsg:
		p.changes++
	case common.GotoDateMsg:
		p.gotos = append(p.gotos, msg.Date)
	}
	return p, nil
}
func (p *probe) View() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return fmt.Sprintf("probe keys=%s changes=%d mouse=%d", strings.Join(p.keys, ","), p.changes, len(p.mouse))
}
func (p *probe) SetSize(w, h int)          { p.mu.Lock(); p.w, p.h = w, h; p.mu.Unlock() }
func (p *probe) ShortHelp() []key.Binding  { return nil }
func (p *probe) FullHelp() [][]key.Binding { return nil }
func (p *probe) Capturing() bool           { return p.capturing }

// eventually waits up to d for cond, read under the probe's lock.
func (p *probe) eventually(t *testing.T, d time.Duration, what string, cond func(p *probe) bool) time.Duration {
	t.Helper()
	start := time.Now()
	for time.Since(start) < d {
		p.mu.Lock()
		ok := cond(p)
		p.mu.Unlock()
		if ok {
			return time.Since(start)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s: not within %v", what, d)
	return d
}

func probePanes(p *probe) func(common.Env) [common.PaneCount]common.Pane {
	return func(env common.Env) [common.PaneCount]common.Pane {
		ps := Placeholders(env)
		ps[common.PaneDay] = p
		return ps
	}
}

// A pane typing into a form gets q, digits and tab; the shell must not quit
// or switch tabs.
func TestCapturingPaneGetsKeys(t *testing.T) {
	p := &probe{capturing: true}
	env := testEnv(t, i18n.EN)
	tm := startShell(t, env, Options{Panes: probePanes(p)}, 80, 24)
	tm.Type("q2?u")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	m := finish(t, tm)
	if got := strings.Join(p.keys, ","); got != "q,2,?,u,tab" {
		t.Errorf("pane got keys %q", got)
	}
	if m.Active() != common.PaneDay || len(m.screens) > 0 {
		t.Errorf("shell acted on keys meant for the form: active %d help %v", m.Active(), len(m.screens) > 0)
	}
}

// Clicks and the wheel in the pane area reach the pane relative to its
// top-left corner; clicks on the top line do not.
func TestMouseReachesPaneRelative(t *testing.T) {
	p := &probe{}
	env := testEnv(t, i18n.EN)
	tm := startShell(t, env, Options{Panes: probePanes(p)}, 80, 24)
	tm.Send(tea.MouseClickMsg{X: 3, Y: 0, Button: tea.MouseLeft}) // top line
	tm.Send(tea.MouseClickMsg{X: 10, Y: 5, Button: tea.MouseLeft})
	tm.Send(tea.MouseWheelMsg{X: 4, Y: 2, Button: tea.MouseWheelDown})
	tm.Send(tea.MouseClickMsg{X: 1, Y: 23, Button: tea.MouseLeft}) // footer
	finish(t, tm)
	want := []tea.Mouse{{X: 10, Y: 3, Button: tea.MouseLeft}, {X: 4, Y: 0, Button: tea.MouseWheelDown}}
	if len(p.mouse) != 2 || p.mouse[0] != want[0] || p.mouse[1] != want[1] {
		t.Errorf("pane got %+v, want %+v", p.mouse, want)
	}
}

// A change made by another process (the command line) reaches every pane
// within two seconds.
func TestCommandLineChangesAppear(t *testing.T) {
	p := &probe{}
	env := testEnv(t, i18n.EN)
	tm := startShell(t, env, Options{Panes: probePanes(p), PollInterval: 100 * time.Millisecond}, 80, 24)
	uitest.WaitFor(t, tm, "Attention 0")
	time.Sleep(300 * time.Millisecond) // the first revision is read
	other, err := storage.Open(env.Store.Path(), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := other.AddClient(model.Client{Name: "王总", Tier: model.TierKey}, testToday); err != nil {
		t.Fatalf("add client from the other side: %v", err)
	}
	p.eventually(t, 2*time.Second, "the pane hears of the change", func(p *probe) bool { return p.changes > 0 })
	t.Logf("change seen after %v", time.Since(start))
	finish(t, tm)
}

func TestUndo(t *testing.T) {
	p := &probe{}
	env := testEnv(t, i18n.ZH)
	tm := startShell(t, env, Options{Panes: probePanes(p)}, 80, 24)
	uitest.WaitFor(t, tm, "提醒 0")
	tm.Type("u")
	uitest.WaitFor(t, tm, "没有可撤销的操作")
	if _, err := env.Store.AddClient(model.Client{Name: "ACME"}, testToday); err != nil {
		t.Fatalf("add client: %v", err)
	}
	p.mu.Lock()
	before := p.changes
	p.mu.Unlock()
	tm.Type("u")
	p.eventually(t, 3*time.Second, "panes reload after undo", func(p *probe) bool { return p.changes > before })
	m := finish(t, tm)
	if m.status.Text != "已撤销：添加客户ACME" { // names what was undone
		t.Errorf("status after undo = %q", m.status.Text)
	}
	if rows, err := env.Store.Clients(testToday, true); err != nil || len(rows) != 0 {
		t.Errorf("after undo: %d clients, err %v", len(rows), err)
	}
	if m.status.IsErr {
		t.Errorf("status is an error: %q", m.status.Text)
	}
}

// Without a working store the shell says so in the footer, in the user's
// language, and keeps running.
func TestStoreErrorInFooter(t *testing.T) {
	env := common.Env{Lang: i18n.ZH, TodayOverride: testToday}
	tm := startShell(t, env, Options{}, 80, 24)
	uitest.WaitFor(t, tm, "没有打开数据库")
	tm.Type("3")
	m := finish(t, tm)
	if !strings.Contains(screen(m), "即将推出：本月") {
		t.Errorf("tabs stopped working without a store:\n%s", screen(m))
	}
	lines := strings.Split(screen(m), "\n")
	if !strings.Contains(lines[0], "2026年11月27日 周五") {
		t.Errorf("top line without the date: %q", lines[0])
	}
}

func TestGotoDateSwitchesToDay(t *testing.T) {
	p := &probe{}
	env := testEnv(t, i18n.EN)
	m := New(env, Options{Panes: probePanes(p)}).sized(80, 24)
	m.Update(common.SwitchPaneMsg{Pane: common.PaneMonth})
	m.Update(common.GotoDateMsg{Date: testToday.AddDays(3)})
	if m.Active() != common.PaneDay || len(p.gotos) != 1 || p.gotos[0] != testToday.AddDays(3) {
		t.Errorf("active %d, day pane got %v", m.Active(), p.gotos)
	}
}

// t and g work in the panes without a date of their own (DESIGN.md §5,
// "everywhere"): t shows today's Day; g asks the date over the pane (the
// Day gets nothing until a date is given: esc stays on the pane); in the
// Week and Month they stay with the pane.
func TestTodayAndGoToFromUndatedPanes(t *testing.T) {
	tests := []struct {
		name      string
		from      common.PaneID
		key       tea.KeyPressMsg
		want      common.PaneID
		wantGotos []model.Date
		wantKeys  string
	}{
		{"t in Projects", common.PaneProjects, tea.KeyPressMsg{Code: 't', Text: "t"}, common.PaneDay, []model.Date{testToday}, ""},
		{"g in Clients", common.PaneClients, tea.KeyPressMsg{Code: 'g', Text: "g"}, common.PaneClients, nil, ""},
		{"t in Promises", common.PanePromises, tea.KeyPressMsg{Code: 't', Text: "t"}, common.PaneDay, []model.Date{testToday}, ""},
		{"t in Month stays", common.PaneMonth, tea.KeyPressMsg{Code: 't', Text: "t"}, common.PaneMonth, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &probe{}
			m := New(testEnv(t, i18n.EN), Options{Panes: probePanes(p)}).sized(80, 24)
			m.Update(common.SwitchPaneMsg{Pane: tt.from})
			m.Update(tt.key)
			if m.Active() != tt.want {
				t.Errorf("active %d, want %d", m.Active(), tt.want)
			}
			if fmt.Sprint(p.gotos) != fmt.Sprint(tt.wantGotos) || strings.Join(p.keys, ",") != tt.wantKeys {
				t.Errorf("day pane got dates %v keys %q, want %v %q", p.gotos, p.keys, tt.wantGotos, tt.wantKeys)
			}
			if asks := m.topIs(screenGoto); asks != (tt.key.Code == 'g') {
				t.Errorf("the go-to-date input open: %v", asks)
			}
		})
	}
}

// The view is exactly the terminal's size at every size from 1×1 up, and
// nothing panics however fast the sizes change.
func TestResizeStorm(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		env := testEnv(t, l)
		m := New(env, Options{Panes: Placeholders})
		// A loaded top line with big numbers, so the bars have to shrink.
		m.agenda = model.Agenda{Calls: model.Quota{Done: 31, Target: 30}, VisitsWeek: model.VisitQuota{Done: 7, Visits: 7, Target: 20},
			SignedMonth: model.MoneyQuota{Value: 123456789, Target: 999999999},
			Attention:   make([]model.AttentionItem, 12)}
		m.haveAgend = true
		m.status = common.StatusMsg{Text: "一个很长的状态消息 with mixed widths", IsErr: true}
		r := rand.New(rand.NewPCG(1, 2))
		for i := 0; i < 2000; i++ {
			w, h := 1+r.IntN(220), 1+r.IntN(70)
			if i < 200 {
				w, h = 1+i%40, 1+i/40 // every small size
			}
			m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			if i%7 == 0 {
				m.Update(tea.KeyPressMsg{Code: '?', Text: "?"})
			}
			if i%5 == 0 {
				m.Update(tea.KeyPressMsg{Code: tea.KeyTab})
			}
			uitest.CheckSize(t, m.View().Content, w, h)
		}
	}
	// And through a running program.
	env := testEnv(t, i18n.EN)
	tm := startShell(t, env, Options{}, 80, 24)
	for i := 0; i < 300; i++ {
		tm.Send(tea.WindowSizeMsg{Width: 1 + i%150, Height: 1 + i%50})
	}
	tm.Send(tea.WindowSizeMsg{Width: 90, Height: 30})
	uitest.WaitFor(t, tm, "Attention 0")
	m := finish(t, tm)
	uitest.CheckSize(t, m.View().Content, 90, 30)
}

// The top line keeps the numbers and drops bar cells first, then segments
// from the right, as the terminal narrows.
func TestTopLineFits(t *testing.T) {
	env := testEnv(t, i18n.EN)
	m := New(env, Options{Panes: Placeholders})
	m.agenda = model.Agenda{Calls: model.Quota{Done: 12, Target: 30}, VisitsWeek: model.VisitQuota{Done: 20, Visits: 20, Target: 20},
		SignedMonth: model.MoneyQuota{Value: 12000000, Target: 50000000}, Attention: make([]model.AttentionItem, 3)}
	m.haveAgend = true
	tests := []struct {
		w       int
		want    []string
		notWant []string
	}{
		{160, []string{"Fri 27 Nov 2026", "Calls ▰▰▰▰▱▱▱▱▱▱ 12/30", "Visited ▰▰▰▰▰▰▰▰▰▰ 20/20 (20 visits)", "Signed ▰▰▱▱▱▱▱▱▱▱ $120k/$500k", "Attention 3"}, nil},
		{80, []string{"12/30", "Visited", "20/20", "$120k/$500k", "Attention 3"}, []string{"▰▰▰▰▰▰▰▰▰▰", "(20 visits)"}},
		{60, []string{"27 Nov", "Calls 12/30", "Visited 20/20"}, []string{"▰", "Attention"}},
	}
	for _, tt := range tests {
		m.sized(tt.w, 30)
		top := ansi.Strip(m.renderTop())
		if ansi.StringWidth(top) != tt.w {
			t.Errorf("width %d: top line is %d cells", tt.w, ansi.StringWidth(top))
		}
		for _, s := range tt.want {
			if !strings.Contains(top, s) {
				t.Errorf("width %d: %q lacks %q", tt.w, top, s)
			}
		}
		for _, s := range tt.notWant {
			if strings.Contains(top, s) {
				t.Errorf("width %d: %q has %q", tt.w, top, s)
			}
		}
	}
}

// With NO_COLOR the screen carries no colour, and the active tab is still
// marked (reverse video).
func TestNoColorShell(t *testing.T) {
	env := testEnv(t, i18n.EN)
	m := New(env, Options{Panes: Placeholders, NoColor: true}).sized(80, 24)
	m.Update(tea.BackgroundColorMsg{Color: lipgloss.Color("#ffffff")}) // a light terminal answers
	view := m.View().Content
	for _, seq := range []string{"\x1b[38;", "\x1b[48;", ";38;", ";48;"} {
		if strings.Contains(view, seq) {
			t.Fatalf("colour sequence %q in a NO_COLOR screen", seq)
		}
	}
	tabs := strings.Split(view, "\n")[1]
	if !strings.Contains(tabs, "7m") && !strings.Contains(tabs, ";7") {
		t.Errorf("active tab is not reversed: %q", tabs)
	}
}

// On a screen too small to show the form, keys are not typed into it
// blind, and q does not throw the typed text away.
func TestCapturingPaneTooSmall(t *testing.T) {
	p := &probe{capturing: true}
	env := testEnv(t, i18n.EN)
	m := New(env, Options{Panes: probePanes(p)}).sized(40, 10)
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Error("q quit while a form was open")
		}
	}
	if len(p.keys) != 0 {
		t.Errorf("keys reached the hidden form: %v", p.keys)
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}); cmd == nil {
		t.Error("ctrl+c must always quit")
	} else if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Error("ctrl+c must always quit")
	}
}

// Keys typed into a form while the terminal is too small to show it (a
// resize storm: the size can arrive before keys typed earlier) wait, and
// reach the form in order once it shows again; before, they were dropped.
func TestKeysTypedWhileTooSmallWait(t *testing.T) {
	p := &probe{capturing: true}
	env := testEnv(t, i18n.EN)
	m := New(env, Options{Panes: probePanes(p)}).sized(100, 30)
	m.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
	m.sized(40, 10)
	m.Update(tea.KeyPressMsg{Code: 'b', Text: "b"})
	m.Update(tea.PasteMsg{Content: "pasted"})
	m.Update(tea.KeyPressMsg{Code: 'c', Text: "c"})
	if got := strings.Join(p.keys, ","); got != "a" {
		t.Fatalf("keys reached the hidden form: %s", got)
	}
	m.sized(30, 8) // still too small
	m.sized(100, 30)
	if got := strings.Join(p.keys, ","); got != "a,b,c" {
		t.Errorf("keys typed while too small: the form got %q, want a,b,c", got)
	}
	if m.host.Holding() {
		t.Error("input still held after the terminal grew")
	}
}

// At midnight the planner moves to the new day by itself: the top line's
// date changes and every pane is told to reload.
func TestNewDayReloads(t *testing.T) {
	p := &probe{}
	now := time.Date(2026, 11, 27, 23, 59, 30, 0, time.Local)
	env := testEnv(t, i18n.EN)
	env.TodayOverride = model.NoDate
	env.Clock = func() time.Time { return now }
	m := New(env, Options{Panes: probePanes(p)}).sized(100, 30)
	if cmd := m.gotRev(revMsg{rev: 5}); cmd != nil {
		t.Fatal("first revision read must not reload")
	}
	if cmd := m.gotRev(revMsg{rev: 5}); cmd != nil {
		t.Fatal("same revision, same day: no reload")
	}
	now = now.Add(time.Minute) // 00:00:30 on the 28th
	cmd := m.gotRev(revMsg{rev: 5})
	if cmd == nil {
		t.Fatal("a new day must reload")
	}
	m.Update(cmd())
	if p.changes != 1 || !strings.Contains(screen(m), "Sat 28 Nov 2026") {
		t.Errorf("after midnight: %d reloads, top line %q", p.changes, strings.Split(screen(m), "\n")[0])
	}
}

func BenchmarkShellView(b *testing.B) {
	env := common.Env{Lang: i18n.ZH, TodayOverride: testToday}
	m := New(env, Options{Panes: Placeholders}).sized(200, 60)
	m.agenda = model.Agenda{Calls: model.Quota{Done: 12, Target: 30}, VisitsWeek: model.VisitQuota{Done: 7, Visits: 7, Target: 20},
		SignedMonth: model.MoneyQuota{Value: 12000000, Target: 50000000}}
	m.haveAgend = true
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}
