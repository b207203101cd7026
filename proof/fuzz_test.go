package proof

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
)

// The seed corpora are in testdata/fuzz/<FuzzName>/; go test runs them as
// regression inputs every time, bench/fuzz.sh explores from them.

var (
	templateOnce sync.Once
	templateDB   []byte
	templateErr  error
)

// demoCopy puts a copy of a demo database (made once per process) in a new
// temporary directory: a fresh file per input costs a copy, not a demo.
func demoCopy(t *testing.T) string {
	t.Helper()
	templateOnce.Do(func() {
		dir, err := os.MkdirTemp("", "salesplan-fuzz-")
		if err != nil {
			templateErr = err
			return
		}
		defer os.RemoveAll(dir)
		path := demoDB(t, dir, false)
		templateDB, templateErr = os.ReadFile(path)
	})
	if templateErr != nil {
		t.Fatal(templateErr)
	}
	path := filepath.Join(t.TempDir(), "salesplan.db")
	if err := os.WriteFile(path, templateDB, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// unsafeArgs reports arguments a fuzzed command line must not get: paths
// (backup, export -o and restore would write wherever they point),
// commands that write files beside the test, other databases, and demo
// (it builds its data set before refusing a non-empty database: seconds).
func unsafeArgs(args []string) bool {
	for _, a := range args {
		if strings.ContainsAny(a, `/\`) {
			return true
		}
		for _, bad := range []string{"backup", "restore", "demo", "--db", "--demo", "completion", "-o", "--output", "--o"} {
			if a == bad || strings.HasPrefix(a, bad+"=") || (bad == "-o" && strings.HasPrefix(a, "-o")) {
				return true
			}
		}
		if strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.Contains(a, "o") {
			return true // -o glued to other short flags
		}
	}
	return false
}

// FuzzCommandLine runs the command line on any arguments (tab-separated)
// against a demo database: the exit code is 0, 1 or 2; a failure is one
// line on stderr and never an internal error (a recovered panic); nothing
// the command prints can drive the terminal.
func FuzzCommandLine(f *testing.F) {
	for _, s := range []string{
		"today", "week\t--week\tnext mon", "month\t--month\t2026-13", "client\tlist\t--due\t--json",
		"add\tcall @王总 tomorrow 10:00 !", "add\t\x1b]52;c;eA==\x07 @ACME", "done\t92\t--note\tok",
		"note\t王\t\x1b[31mred", "log\tvisit\tACME\t--on\t下周三", "promise\tlist\t--all",
		"promise\t王总\tsend quote\t--due\t+3d", "promise\tkeep\t999", "project\tstage\t望京\tcontract",
		"project\tadd\tTower\t--client\tA\t--value\t12万", "target\tset\t--year\t2026\t--sales\t-5",
		"config\tset\tcurrency\t\u202e$", "review\t--week\t2026-02-30", "import\t-", "check", "--lang\tzh\ttoday",
		"export\t--format\tcsv\t--kind\tnope", "client\tadd\t\xff\xfe\t--cadence\t-1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Split(line, "\t")
		if unsafeArgs(args) || len(args) > 12 {
			t.Skip()
		}
		path := demoCopy(t)
		r := inProcess(append([]string{"--db", path, "--today", today}, args...)...)
		switch r.code {
		case 0:
		case 1:
			oneLine(t, line, r.err)
		case 2:
			if r.err == "" {
				t.Errorf("%q: bad usage without a word on stderr", line)
			}
		default:
			t.Fatalf("%q: exit %d", line, r.code)
		}
		if strings.Contains(r.err, "internal error") {
			t.Fatalf("%q: %s", line, r.err)
		}
		for _, out := range []string{r.out, r.err} {
			if p := inertProblem(out, false, strings.Contains(line, "ics")); p != "" {
				t.Fatalf("%q prints %s:\n%q", line, p, out)
			}
		}
	})
}

// FuzzTextOutputs stores any text in every text field, then reads it
// through the command line's text, JSON, CSV and iCalendar outputs and the
// planner's Day and Clients tabs: all inert, the JSON valid, and the store
// keeps the text as typed.
func FuzzTextOutputs(f *testing.F) {
	for _, s := range []string{
		hostile, "王总", "=cmd|' /C calc'!A0", "a\nb\tc", "\x1b", "\u009b", "\x1bP", "\x1b]8;;",
		"transfer $10\rtransfer $99", "\u2066\u202e", "👍🏽", "\"quoted, with comma\"", "BEGIN:VEVENT\r\nX:1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if strings.TrimSpace(model.Inert(text)) == "" || len(text) > 400 {
			t.Skip() // a name must show something; long inputs add nothing
		}
		st, err := storage.Open(filepath.Join(t.TempDir(), "f.db"), storage.Options{})
		if err != nil {
			t.Fatal(err)
		}
		c, err := st.AddClient(model.Client{Name: text, Company: text, Area: text, Needs: text, Tier: model.TierKey}, testToday.AddDays(-30))
		if err != nil {
			t.Skip() // refused as a name (validation): nothing to show
		}
		p, err := st.AddProject(model.Project{Name: text, ClientID: c.ID, Owner: text, Stage: model.StageBidding,
			BidDate: testToday.AddDays(1)}, testToday.AddDays(-3))
		if err != nil {
			p = model.Project{}
		}
		steps := []error{
			func() error {
				_, err := st.AddTask(model.Task{Title: text, Date: testToday, Kind: model.TaskCall, ClientID: c.ID, ProjectID: p.ID})
				return err
			}(),
			func() error {
				_, err := st.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall,
					At: time.Date(2026, 11, 26, 10, 0, 0, 0, time.Local), Text: text})
				return err
			}(),
			func() error {
				_, err := st.AddPromise(model.Promise{ClientID: c.ID, Text: text, MadeOn: testToday.AddDays(-2), Due: testToday},
					testToday.AddDays(-2))
				return err
			}(),
		}
		for _, err := range steps {
			if err != nil {
				t.Fatalf("a text accepted as a client name is refused elsewhere: %v", err)
			}
		}
		got, err := st.Client(c.ID)
		// Names are trimmed and lose zero-width and bidi characters;
		// otherwise the text is kept as typed.
		if want := stored(model.CleanName(text)); err != nil || got.Name != want || got.Needs != stored(text) {
			t.Fatalf("stored name %q, needs %q; want %q, %q (%v)", got.Name, got.Needs, want, stored(text), err)
		}
		db := st.Path()
		for _, args := range [][]string{{"today"}, {"client", "list"}, {"promise", "list"}, {"project", "list"}, {"review"},
			{"export", "--format", "csv", "--kind", "clients"}, {"export", "--format", "csv", "--kind", "tasks"},
			{"export", "--format", "ics"}, {"export", "--format", "json"}} {
			r := inProcess(append([]string{"--db", db, "--today", today}, args...)...)
			if r.code != 0 {
				t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
			}
			if p := inertProblem(r.out, false, args[0] == "export" && args[2] == "ics"); p != "" {
				t.Fatalf("%v prints %s", args, p)
			}
		}
		for _, args := range [][]string{{"today"}, {"client", "list"}, {"promise", "list"}, {"project", "list"}} {
			r := inProcess(append(append([]string{"--db", db, "--today", today}, args...), "--json")...)
			var v any
			if r.code != 0 || json.Unmarshal([]byte(r.out), &v) != nil {
				t.Fatalf("%v --json: exit %d, not JSON: %.200s", args, r.code, r.out)
			}
			if p := inertProblem(r.out, false, false); p != "" {
				t.Fatalf("%v --json prints %s", args, p)
			}
		}
		env := common.Env{Store: st, Lang: i18n.ZH, TodayOverride: testToday}
		var m tea.Model = ui.New(env, ui.Options{NoColor: true, PollInterval: time.Hour})
		// A short idle wait: the loads answer in milliseconds, and a tick
		// left running would cost the whole wait on every input.
		m = pumpWith(t, m, m.Init(), 30*time.Millisecond)
		m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		for _, tab := range []int{1, 4} {
			m = switchTab(t, m, tab)
			view := m.View().Content
			if p := inertProblem(view, true, false); p != "" {
				t.Fatalf("tab %d shows %s", tab, p)
			}
			if !utf8.ValidString(view) {
				t.Fatalf("tab %d is not valid UTF-8", tab)
			}
		}
	})
}
