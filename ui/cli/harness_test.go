package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// harness runs the command line in-process against a database in a
// temporary directory, with an injected environment.
type harness struct {
	t   *testing.T
	dir string
	db  string
	env map[string]string
	now time.Time
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	dir := t.TempDir()
	return &harness{t: t, dir: dir, db: filepath.Join(dir, "data", "salesplan.db"),
		env: map[string]string{
			"SALESPLAN_TODAY": "2026-11-27",
			"LANG":            "C",
			"HOME":            dir,
		},
		now: time.Date(2026, 11, 27, 9, 30, 0, 0, time.Local)}
}

type result struct {
	code     int
	out, err string
}

// run runs salesplan with args (the --db flag is added) and returns the
// exit code and both outputs.
func (h *harness) run(args ...string) result {
	h.t.Helper()
	var out, errb bytes.Buffer
	cfg := Config{Now: func() time.Time { return h.now }}
	all := append([]string{"--db", h.db}, args...)
	code := cfg.Main(all, strings.NewReader(""), &out, &errb, func(k string) string { return h.env[k] })
	return result{code: code, out: out.String(), err: errb.String()}
}

// ok runs a command that must succeed and returns its stdout.
func (h *harness) ok(args ...string) string {
	h.t.Helper()
	r := h.run(args...)
	if r.code != 0 {
		h.t.Fatalf("salesplan %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.out, r.err)
	}
	return r.out
}

// write puts a file in the harness directory and returns its path.
func (h *harness) write(name, content string) string {
	h.t.Helper()
	p := filepath.Join(h.dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		h.t.Fatal(err)
	}
	return p
}

// dbBytes returns the database file's bytes (nil if it does not exist).
func (h *harness) dbBytes() []byte {
	h.t.Helper()
	b, err := os.ReadFile(h.db)
	if err != nil && !os.IsNotExist(err) {
		h.t.Fatal(err)
	}
	return b
}

// stderrLines splits stderr into its non-empty lines.
func stderrLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}
