package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/scenarios")

func TestMain(m *testing.M) {
	// The fixtures' journal times are written at +08:00, the zone the
	// product is used in; pin the local zone so that dates do not depend on
	// the machine running the tests.
	time.Local = time.FixedZone("CST", 8*3600)
	os.Exit(m.Run())
}

const scenarioDir = "../../testdata/scenarios"

// TestScenarios imports each fixture's input.json into a fresh database,
// fixes today from its args file, and compares `today --json`, `week
// --json` and `month --json` with the golden files. The goldens were
// checked by hand against the rules; testdata/scenarios/README.md says
// what each one is for and which numbers to expect. -update rewrites them.
func TestScenarios(t *testing.T) {
	entries, err := os.ReadDir(scenarioDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		dir := filepath.Join(scenarioDir, e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			args, err := os.ReadFile(filepath.Join(dir, "args"))
			if err != nil {
				t.Fatal(err)
			}
			h := newHarness(t)
			h.env["SALESPLAN_TODAY"] = strings.TrimSpace(string(args))
			input, err := filepath.Abs(filepath.Join(dir, "input.json"))
			if err != nil {
				t.Fatal(err)
			}
			h.ok("import", input)
			runCommands(t, h, filepath.Join(dir, "commands"))
			checks := []scenarioCheck{{"today.json", []string{"today", "--json"}}, {"week.json", []string{"week", "--json"}},
				{"month.json", []string{"month", "--json"}}}
			checks = append(checks, extraChecks(t, filepath.Join(dir, "extra"))...)
			for _, c := range checks {
				got := h.ok(c.args...)
				golden := filepath.Join(dir, c.golden)
				view := strings.Join(c.args, " ")
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./ui/cli -run TestScenarios -update, then check the file by hand)", err)
				}
				if !bytes.Equal(want, []byte(got)) {
					t.Errorf("%s differs from %s\n--- got\n%s\n--- want\n%s", view, golden, got, want)
				}
			}
			// The text form lists today's tasks and attention in the JSON's order.
			today := decode[jsonToday](t, h.ok("today", "--json"))
			text := h.ok("today")
			at := 0
			for _, task := range today.Tasks {
				i := strings.Index(text[at:], task.Title)
				if i < 0 {
					t.Errorf("today text lacks task %q after offset %d:\n%s", task.Title, at, text)
					break
				}
				at += i + len(task.Title)
			}
			for _, it := range today.Attention {
				name := *it.Client
				if it.Project != nil {
					name = *it.Project
				}
				i := strings.Index(text[at:], name)
				if i < 0 {
					t.Errorf("today text lacks attention %s %q in order:\n%s", it.Type, name, text)
					break
				}
				at += i + len(name)
			}
			// The text forms of the same views must run too.
			for _, view := range []string{"today", "week", "month"} {
				if out := h.ok(view); strings.Contains(out, "!cli.") || strings.Contains(out, "!stage.") {
					t.Errorf("%s shows a missing message key:\n%s", view, out)
				}
			}
		})
	}
	if n < 5 {
		t.Errorf("%d scenarios, want at least 5", n)
	}
}

// scenarioCheck is one golden of a scenario: the command whose output it is.
type scenarioCheck struct {
	golden string
	args   []string
}

// runCommands runs a scenario's optional commands file after the import,
// one command line per line (words split as a shell would, with double
// quotes). A line starting with "!" must fail with exit 1 and leave the
// database as it was.
func runCommands(t *testing.T, h *harness, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "!"); ok {
			before := h.dbBytes()
			r := h.run(splitWords(t, rest)...)
			if r.code != 1 || strings.Count(strings.TrimSpace(r.err), "\n") != 0 {
				t.Errorf("salesplan %s: exit %d, stderr %q; want exit 1 with one line", rest, r.code, r.err)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Errorf("salesplan %s failed but changed the database", rest)
			}
			continue
		}
		h.ok(splitWords(t, line)...)
	}
}

// extraChecks reads a scenario's optional extra file: per line, a golden
// file name and the command whose output it holds.
func extraChecks(t *testing.T, path string) []scenarioCheck {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []scenarioCheck
	for _, line := range strings.Split(string(b), "\n") {
		words := splitWords(t, line)
		if len(words) < 2 {
			continue
		}
		out = append(out, scenarioCheck{golden: words[0], args: words[1:]})
	}
	return out
}

// splitWords splits a command line into words: spaces separate, double
// quotes group.
func splitWords(t *testing.T, line string) []string {
	t.Helper()
	var out []string
	var cur strings.Builder
	quoted, inWord := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		t.Fatalf("unclosed quote in %q", line)
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out
}
