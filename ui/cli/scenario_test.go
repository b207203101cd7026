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
			for _, view := range []string{"today", "week", "month"} {
				got := h.ok(view, "--json")
				golden := filepath.Join(dir, view+".json")
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
					t.Errorf("%s --json differs from %s\n--- got\n%s\n--- want\n%s", view, golden, got, want)
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
