package proof

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
)

// hostile is text a user might paste, or an imported file might carry,
// that would drive the terminal if printed as it is: SGR colour, an OSC 8
// link, an OSC 52 clipboard write, DCS and APC strings, a carriage return
// that overwrites the amount, BEL, backspaces, the 8-bit CSI (U+009B),
// bidi overrides and isolates. (Invalid UTF-8 is refused at the door, in
// every text field: hostileDB proves that, and then leaves it out.)
const hostile = "A\x1b[31mRED\x1b[0m \x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ " +
	"\x1b]52;c;ZXZpbA==\x07 \x1bPq#0;2;0;0;0\x1b\\ \x1b_apc\x1b\\ " +
	"transfer $10\rtransfer $99 bell\x07 back\x08\x08 \u009b31m c1 " +
	"\u202eevil\u202c \u2066iso\u2069 Z"

// stored is what the store keeps of s: records are JSON, which turns each
// invalid byte into U+FFFD; everything else is kept as typed (names lose
// their zero-width and bidi characters: see keepName).
func stored(s string) string {
	b, _ := json.Marshal(s)
	var out string
	_ = json.Unmarshal(b, &out)
	return out
}

// hostileDB fills a new database with hostile text in every text field a
// user can type, dated so that everything shows today, this week and this
// month, and returns the store and what was written.
func hostileDB(t *testing.T) (*storage.Store, map[string]string) {
	t.Helper()
	path := filepath.Join(tempDir(t), "data", "salesplan.db")
	st, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := func(field string) string { return field + ":" + hostile }
	if _, err := st.AddClient(model.Client{Name: h("Name") + " \xff\xfe"}, testToday.AddDays(-30)); model.ProblemOf(err) == nil ||
		model.ProblemOf(err).Code != "not_utf8_name" {
		t.Fatalf("a name with invalid UTF-8: %v, want not_utf8_name", err)
	}
	written := map[string]string{}
	keep := func(field, v string) string { written[field] = v; return v }
	// Names are kept without zero-width and bidi characters (DESIGN.md §2):
	// the rest of the name as typed.
	keepName := func(field, v string) string { written[field] = model.CleanName(v); return v }
	c, err := st.AddClient(model.Client{
		Name: keepName("client.name", h("Name")), Company: keep("client.company", h("Company")),
		Tier: model.TierKey, Area: keep("client.area", h("Area")), Phone: keep("client.phone", h("Phone")),
		Business: keep("client.business", h("Business")), Needs: keep("client.needs", h("Needs")),
		DecisionMaker: keep("client.decision_maker", h("DM")), Interests: keep("client.interests", h("Interests")),
		ReferredBy: keep("client.referred_by", h("Ref")),
	}, testToday.AddDays(-60))
	if err != nil {
		t.Fatalf("add client: %v", err)
	}
	p, err := st.AddProject(model.Project{Name: keepName("project.name", h("Project")), ClientID: c.ID,
		Owner: keep("project.owner", h("Owner")), Value: 12345600, Stage: model.StageBidding,
		BidDate: testToday.AddDays(2)}, testToday.AddDays(-30))
	if err != nil {
		t.Fatalf("add project: %v", err)
	}
	lost, err := st.AddProject(model.Project{Name: keepName("project.name2", h("Lost")), ClientID: c.ID,
		Stage: model.StageDesign}, testToday.AddDays(-30))
	if err != nil {
		t.Fatalf("add project: %v", err)
	}
	if _, err := st.SetStage(lost.ID, model.StageLost, testToday.AddDays(-1), nil, keep("lost.reason", h("Reason"))); err != nil {
		t.Fatalf("lose project: %v", err)
	}
	for i, day := range []model.Date{testToday, testToday.AddDays(1), testToday.AddDays(-2)} {
		field := fmt.Sprintf("task.title%d", i)
		if _, err := st.AddTask(model.Task{Title: keep(field, h(fmt.Sprintf("Task%d", i))), Date: day,
			Kind: model.TaskCall, ClientID: c.ID, ProjectID: p.ID, Important: i == 0,
			Time: model.ClockAt(10, 30)}); err != nil {
			t.Fatalf("add task: %v", err)
		}
	}
	for i, kind := range []model.EntryKind{model.EntryCall, model.EntryVisit, model.EntryNote} {
		at := time.Date(2026, 11, 26-i, 15, 0, 0, 0, time.Local)
		field := fmt.Sprintf("journal.text%d", i)
		if _, err := st.AddEntry(model.JournalEntry{ClientID: c.ID, ProjectID: p.ID, Kind: kind, At: at,
			Text: keep(field, h(fmt.Sprintf("Entry%d", i)))}); err != nil {
			t.Fatalf("add entry: %v", err)
		}
	}
	for i, due := range []model.Date{testToday.AddDays(-3), testToday, testToday.AddDays(5)} {
		field := fmt.Sprintf("promise.text%d", i)
		if _, err := st.AddPromise(model.Promise{ClientID: c.ID, ProjectID: p.ID,
			Text: keep(field, h(fmt.Sprintf("Promise%d", i))), MadeOn: testToday.AddDays(-7), Due: due},
			testToday.AddDays(-7)); err != nil {
			t.Fatalf("add promise: %v", err)
		}
	}
	if err := st.UpdateSettings(func(s *model.Settings) error {
		s.Currency = keep("settings.currency", "\x1b[31m¥\u202e")
		s.AnnualTargets = map[int]model.Money{2026: 100000000}
		return nil
	}); err != nil {
		t.Logf("a hostile currency is refused: %v", err)
		delete(written, "settings.currency")
	}
	return st, written
}

// inertProblem describes the first control in s a terminal would act on,
// or "" when s is inert. allowSGR lets the styling sequences through (the
// planner's bold and reverse video); crlf lets "\r\n" line ends through
// (iCalendar).
func inertProblem(s string, allowSGR, crlf bool) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	if crlf {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	var state byte
	p := ansi.GetParser()
	defer ansi.PutParser(p)
	for len(s) > 0 {
		seq, _, n, newState := ansi.DecodeSequence(s, state, p)
		state = newState
		if n == 0 {
			break
		}
		switch {
		case seq[0] == 0x1b || seq[0] == 0x9b && len(seq) == 1:
			if allowSGR && ansi.HasCsiPrefix(seq) && seq[len(seq)-1] == 'm' && !strings.ContainsAny(seq[2:], "\x1b\x07") {
				break
			}
			return fmt.Sprintf("escape sequence %q", seq)
		default:
			for _, r := range seq {
				if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
					(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c {
					return fmt.Sprintf("control %U in %q", r, seq)
				}
			}
		}
		s = s[n:]
	}
	return ""
}

// jsonStrings calls fn with every string in a JSON document.
func jsonStrings(v any, fn func(string)) {
	switch v := v.(type) {
	case string:
		fn(v)
	case []any:
		for _, e := range v {
			jsonStrings(e, fn)
		}
	case map[string]any:
		for k, e := range v {
			fn(k)
			jsonStrings(e, fn)
		}
	}
}

// The hostile text reaches every output of the command line inert, and
// the store keeps it as typed.
func TestHostileTextCommandLine(t *testing.T) {
	st, written := hostileDB(t)
	db := st.Path()
	dir := filepath.Dir(db)
	// Text outputs: the visible part of the text is there, made inert.
	text := [][]string{
		{"today"}, {"week"}, {"month"}, {"client", "list"}, {"client", "list", "--due"},
		{"promise", "list", "--all"}, {"project", "list"}, {"review"}, {"config", "get"},
		{"export", "--format", "csv", "--kind", "clients"}, {"export", "--format", "csv", "--kind", "tasks"},
		{"export", "--format", "csv", "--kind", "journal"}, {"export", "--format", "csv", "--kind", "promises"},
		{"export", "--format", "csv", "--kind", "projects"}, {"export", "--format", "ics"},
	}
	quiet := map[string]bool{"month": true, "config get": true, "client list --due": true}
	for _, args := range text {
		name := strings.Join(args, " ")
		t.Run(name, func(t *testing.T) {
			r := inProcess(append([]string{"--db", db, "--today", today}, args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.err)
			}
			if p := inertProblem(r.out, false, args[0] == "export" && args[2] == "ics"); p != "" {
				t.Errorf("output holds %s", p)
			}
			if p := inertProblem(r.err, false, false); p != "" {
				t.Errorf("stderr holds %s", p)
			}
			// Month, config and the due list (nobody is due) name no one.
			if !quiet[name] && !strings.Contains(r.out, "RED") {
				t.Errorf("the hostile text is not in the output at all (the test proves nothing):\n%.500s", r.out)
			}
		})
	}
	// The list commands' JSON: valid, and every string in it inert (the
	// command line's choice, ui/cli/doc.go: "names and texts are made inert").
	for _, args := range [][]string{{"today"}, {"week"}, {"month"}, {"client", "list"}, {"promise", "list", "--all"},
		{"project", "list"}, {"config", "get"}} {
		name := strings.Join(args, " ") + " --json"
		t.Run(name, func(t *testing.T) {
			r := inProcess(append(append([]string{"--db", db, "--today", today}, args...), "--json")...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.err)
			}
			var v any
			if err := json.Unmarshal([]byte(r.out), &v); err != nil {
				t.Fatalf("not JSON: %v\n%.300s", err, r.out)
			}
			if p := inertProblem(r.out, false, false); p != "" {
				t.Errorf("raw output holds %s", p)
			}
			jsonStrings(v, func(s string) {
				if p := inertProblem(s, false, false); p != "" {
					t.Errorf("a string holds %s once decoded: %q", p, s)
				}
			})
		})
	}
	// The exchange document keeps the text exactly (export → import →
	// export is exact), escaped: no raw control byte, valid JSON.
	t.Run("export json", func(t *testing.T) {
		r := inProcess("--db", db, "--today", today, "export", "--format", "json")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.err)
		}
		// Printed to the terminal when there is no -o: the bytes must be
		// inert although the strings they encode are not.
		if p := inertProblem(r.out, false, false); p != "" {
			t.Errorf("the document's bytes hold %s", p)
		}
		var doc storage.Document
		if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		all := map[string]bool{}
		collect(reflect.ValueOf(doc), all)
		for field, v := range written {
			if !all[stored(v)] {
				t.Errorf("%s is not exported as stored", field)
			}
		}
		// Imported again elsewhere: the same document.
		again := filepath.Join(dir, "again.db")
		in := filepath.Join(dir, "doc.json")
		write(t, in, []byte(r.out))
		if r := inProcess("--db", again, "--today", today, "import", in); r.code != 0 {
			t.Fatalf("import: exit %d: %s", r.code, r.err)
		}
		if r2 := inProcess("--db", again, "--today", today, "export", "--format", "json"); r2.out != r.out {
			t.Errorf("export → import → export differs")
		}
	})
	// The store kept every field as typed (invalid bytes aside, as JSON).
	t.Run("read back", func(t *testing.T) {
		doc, err := st.Document()
		if err != nil {
			t.Fatal(err)
		}
		all := map[string]bool{}
		collect(reflect.ValueOf(*doc), all)
		for field, v := range written {
			if !all[stored(v)] {
				t.Errorf("%s was not stored as typed", field)
			}
		}
		d, err := st.ClientDetail(1, testToday, 10)
		if err != nil {
			t.Fatal(err)
		}
		if d.Row.Name != stored(written["client.name"]) {
			t.Errorf("ClientDetail changed the name: %q", d.Row.Name)
		}
		// Found by text, not position: the lost project's reason is a
		// journal entry of the same day at the clock's time of day, so it
		// sorts before or after Entry0 depending on when the test runs.
		found := false
		for _, e := range d.Journal {
			found = found || e.Text == stored(written["journal.text0"])
		}
		if !found {
			t.Errorf("ClientDetail changed the journal text: %d entries, none is Entry0 as written", len(d.Journal))
		}
	})
}

// collect gathers every string field reachable from v.
func collect(v reflect.Value, out map[string]bool) {
	switch v.Kind() {
	case reflect.String:
		out[v.String()] = true
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				collect(v.Field(i), out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			collect(v.Index(i), out)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collect(v.Elem(), out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			collect(k, out)
			collect(v.MapIndex(k), out)
		}
	}
}

// pumpIdle is how long pump waits for the next answer before it calls the
// planner idle: loads answer in milliseconds, while ticks and poll timers
// would answer only after their interval and are dropped.
var pumpIdle = 150 * time.Millisecond

// pump runs the planner's commands, each in its own goroutine as Bubble Tea
// does, and feeds every answer back to Update (whose commands run in turn)
// until no command is left or none answers for pumpIdle.
func pump(t testing.TB, m tea.Model, cmd tea.Cmd) tea.Model {
	t.Helper()
	return pumpWith(t, m, cmd, pumpIdle)
}

// pumpWith is pump with its own idle wait.
func pumpWith(t testing.TB, m tea.Model, cmd tea.Cmd, idle time.Duration) tea.Model {
	t.Helper()
	// Buffered so that a late answer (after pump returned) never blocks.
	answers := make(chan tea.Msg, 1024)
	running := 0
	start := func(c tea.Cmd) {
		if c != nil {
			running++
			go func() { answers <- c() }()
		}
	}
	start(cmd)
	for steps := 0; steps < 5000; steps++ {
		if running == 0 {
			return m
		}
		var msg tea.Msg
		select {
		case msg = <-answers:
			running--
		case <-time.After(idle):
			return m
		}
		if msg == nil {
			continue
		}
		if rv := reflect.ValueOf(msg); rv.Kind() == reflect.Slice && rv.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range rv.Len() { // tea.BatchMsg and the sequence message
				start(rv.Index(i).Interface().(tea.Cmd))
			}
			continue
		}
		if _, quit := msg.(tea.QuitMsg); quit {
			continue
		}
		var next tea.Cmd
		m, next = m.Update(msg)
		start(next)
	}
	t.Fatal("the planner never went idle")
	return m
}

func key(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return tea.KeyPressMsg{Code: r, Text: s}
}

// Every tab of the planner, its detail views and its help draw the hostile
// text inert: with NO_COLOR, the only escape sequences left on the screen
// are the planner's own SGR attributes.
func TestHostileTextPlanner(t *testing.T) {
	st, _ := hostileDB(t)
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		env := common.Env{Store: st, Lang: lang, TodayOverride: testToday}
		var m tea.Model = ui.New(env, ui.Options{NoColor: true, PollInterval: time.Hour})
		m = pump(t, m, m.Init())
		m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		shown := 0
		check := func(what string) {
			view := m.View().Content
			if p := inertProblem(view, true, false); p != "" {
				t.Errorf("%s %s: the screen holds %s", lang, what, p)
			}
			if strings.Contains(ansi.Strip(view), "RED") {
				shown++
			}
		}
		for tab := 1; tab <= 6; tab++ {
			tk := fmt.Sprint(tab)
			m = switchTab(t, m, tab)
			check("tab " + tk)
			for _, k := range []string{"enter", "b", "esc", "esc", "j", "enter", "esc", "esc", "?", "?"} {
				m = pump(t, m, func() tea.Msg { return key(k) })
				check("tab " + tk + " after " + k)
			}
		}
		if shown == 0 {
			t.Errorf("%s: the hostile text is on no screen (the test proves nothing)", lang)
		}
		t.Logf("%s: %d screens show the hostile text", lang, shown)
	}
}

// switchTab closes whatever is open (a form captures digits) and shows
// tab (1–6), failing when the planner does not get there.
func switchTab(t testing.TB, m tea.Model, tab int) tea.Model {
	t.Helper()
	discard := m.(*ui.Model).Env().T("form.discard")
	for range 4 {
		m = pump(t, m, func() tea.Msg { return key("esc") })
		if strings.Contains(ansi.Strip(m.View().Content), discard) {
			m = pump(t, m, func() tea.Msg { return key("y") })
		}
	}
	tk := fmt.Sprint(tab)
	m = pump(t, m, func() tea.Msg { return key(tk) })
	if got := m.(*ui.Model).Active(); got != common.PaneID(tab-1) {
		t.Fatalf("pressed %d, the planner shows tab %d", tab, got+1)
	}
	return m
}

// A paste of hostile text into every form the panes open (a, n, e, …)
// shows inert while it is typed; pasted into quick-add and saved, it makes
// a task.
func TestHostilePaste(t *testing.T) {
	st, _ := hostileDB(t)
	env := common.Env{Store: st, Lang: i18n.EN, TodayOverride: testToday}
	var m tea.Model = ui.New(env, ui.Options{NoColor: true, PollInterval: time.Hour})
	m = pump(t, m, m.Init())
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	paste := func() tea.Msg { return tea.PasteMsg{Content: "Pasted " + hostile} }
	forms := 0
	for tab := 1; tab <= 6; tab++ {
		for _, k := range []string{"a", "n", "e", "c", "p", "/"} {
			m = switchTab(t, m, tab)
			m = pump(t, m, func() tea.Msg { return key(k) })
			m = pump(t, m, paste)
			view := m.View().Content
			if p := inertProblem(view, true, false); p != "" {
				t.Errorf("tab %d, %s then a paste: the screen holds %s", tab, k, p)
			}
			if strings.Contains(ansi.Strip(view), "Pasted") {
				forms++
			}
		}
	}
	t.Logf("%d forms showed the paste", forms)
	if forms == 0 {
		t.Fatal("no form showed the paste (the test proves nothing)")
	}
	// Quick-add on the Day tab, saved.
	m = switchTab(t, m, 1)
	m = pump(t, m, func() tea.Msg { return key("a") })
	m = pump(t, m, paste)
	m = pump(t, m, func() tea.Msg { return key("enter") })
	if p := inertProblem(m.View().Content, true, false); p != "" {
		t.Errorf("after saving the paste the screen holds %s", p)
	}
	doc, err := st.Document()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, task := range doc.Tasks {
		found = found || strings.HasPrefix(task.Title, "Pasted A")
	}
	if !found {
		t.Errorf("the pasted quick-add made no task")
	}
}

// A name made only of control and escape sequences would show as nothing
// everywhere (every output makes it inert): it is refused like an empty
// name, with one line.
func TestInvisibleNameRefused(t *testing.T) {
	dir := tempDir(t)
	db := filepath.Join(dir, "salesplan.db")
	for _, args := range [][]string{
		{"client", "add", "\x1b[31m"},
		{"client", "add", "\u202e\u2066\x07 \x08"},
		{"project", "add", "\x1b]8;;http://x\x1b\\", "--client", "ACME"},
	} {
		if r := inProcess("--db", db, "--today", today, "client", "add", "ACME"); r.code != 0 && !strings.Contains(r.err, "ACME") {
			t.Fatalf("add ACME: %s", r.err)
		}
		r := inProcess(append([]string{"--db", db, "--today", today}, args...)...)
		if r.code != 1 {
			t.Errorf("%q: exit %d, want 1 (stdout %q)", args, r.code, r.out)
			continue
		}
		oneLine(t, fmt.Sprintf("%q", args), r.err)
	}
}
