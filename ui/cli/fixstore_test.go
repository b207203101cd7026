package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// projectsAtLimit is an exchange document with n projects of value 10^13
// (the limit), all signed on 2026-12-01, and a year target of 10^13.
func projectsAtLimit(n int) string {
	var b strings.Builder
	b.WriteString(`{"format":"salesplan","version":2,"settings":{"annual_targets":{"2026":10000000000000}},` +
		`"clients":[{"id":1,"name":"X","tier":"key","created_on":"2026-11-01"}],"projects":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d,"name":"P%d","client_id":1,"value":10000000000000,"stage":"contract",`+
			`"signed_on":"2026-12-01","stage_history":[{"stage":"contract","on":"2026-12-01"}]}`, i+1, i)
	}
	b.WriteString(`]}`)
	return b.String()
}

// Signed sums of many projects at the money limit: the percentage is the
// true one, and a sum past the int64 range is shown as "at least".
func TestSignedSumsAtTheLimit(t *testing.T) {
	for _, tt := range []struct {
		n         int
		report    string // in report month's Signed row
		atLeast   bool
		jsonValue string
	}{
		{100, "$1,000,000,000,000,000 of $833,333,333,333.34 (120000%)", false, "1000000000000000"},
		{1000, "$10,000,000,000,000,000 of $833,333,333,333.34 (1200000%)", false, "10000000000000000"},
		{12000, "≥$92,233,720,368,547,758.07 of $833,333,333,333.34 (≥11068046%)", true, "92233720368547758.07"},
	} {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			h := newHarness(t)
			h.env["SALESPLAN_TODAY"] = "2026-12-02"
			h.ok("import", h.write("p.json", projectsAtLimit(tt.n)))
			if out := h.ok("report", "month"); !strings.Contains(out, "| Signed | "+tt.report+" |") {
				t.Errorf("report month: want %q in\n%s", tt.report, firstLines(out, 12))
			}
			today := h.ok("today")
			if got := strings.Contains(today, "Signed this month ≥$"); got != tt.atLeast {
				t.Errorf("today says at least = %v, want %v:\n%s", got, tt.atLeast, firstLines(today, 3))
			}
			if got := strings.Contains(h.ok("target", "show"), "signed ≥$"); got != tt.atLeast {
				t.Errorf("target show says at least = %v, want %v", got, tt.atLeast)
			}
			var month struct {
				Signed struct {
					Value        json.Number `json:"value"`
					ValueAtLeast bool        `json:"value_at_least"`
				} `json:"signed"`
			}
			dec := json.NewDecoder(strings.NewReader(h.ok("month", "--json")))
			dec.UseNumber()
			if err := dec.Decode(&month); err != nil {
				t.Fatal(err)
			}
			if string(month.Signed.Value) != tt.jsonValue || month.Signed.ValueAtLeast != tt.atLeast {
				t.Errorf("month --json signed = %s (at least %v), want %s (%v)", month.Signed.Value, month.Signed.ValueAtLeast, tt.jsonValue, tt.atLeast)
			}
		})
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// Bytes that are not UTF-8 are refused with one line naming the field, on
// the command line and in an import, and nothing is stored (before, the
// record kept U+FFFD and the name index the raw bytes: check said damaged).
func TestInvalidUTF8Refused(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "X")
	h.ok("project", "add", "P1", "--client", "X")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"client", "add", "\xff\xfe"}, "the name is not valid UTF-8 text"},
		{[]string{"client", "edit", "X", "--phone", "1\xff"}, "the phone is not valid UTF-8 text"},
		{[]string{"project", "add", "P\xff", "--client", "X"}, "the name is not valid UTF-8 text"},
		{[]string{"add", "call \xfe"}, "the title is not valid UTF-8 text"},
		{[]string{"note", "X", "\xfe"}, "the text is not valid UTF-8"},
		{[]string{"promise", "X", "send \xff", "--due", "tomorrow"}, "the text is not valid UTF-8"},
	} {
		before := h.dbBytes()
		r := h.run(tt.args...)
		if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 1 and one line with %q", tt.args, r.code, r.err, tt.want)
		}
		if !bytesEqual(before, h.dbBytes()) {
			t.Errorf("%q changed the database", tt.args)
		}
	}
	if out := h.ok("check"); strings.Contains(out, "differs") {
		t.Errorf("check: %s", out)
	}
	for _, doc := range []struct{ json, want string }{
		{`{"format":"salesplan","version":2,"clients":[{"id":1,"name":"A` + "\xff" + `","tier":"key","created_on":"2026-11-01"}]}`,
			"clients[0]: name: not valid UTF-8 text"},
		{`{"format":"salesplan","version":2,"clients":[{"id":1,"name":"A","created_on":"2026-11-01"}],` +
			`"projects":[{"id":1,"name":"P","client_id":1,"owner":"` + "\xfe" + `","stage_history":[{"stage":"lead","on":"2026-11-01"}]}]}`,
			"projects[0]: owner: not valid UTF-8 text"},
	} {
		h2 := newHarness(t)
		r := h2.run("import", h2.write("bad.json", doc.json))
		if r.code != 1 || !strings.Contains(r.err, doc.want) || h2.dbBytes() != nil && strings.Contains(h2.ok("client", "list"), "A") {
			t.Errorf("import: exit %d, stderr %q; want exit 1 with %q and nothing imported", r.code, r.err, doc.want)
		}
	}
}

// Text that shows as nothing once made inert is refused where text is
// required, with one line, and nothing is stored.
func TestInertlyEmptyTextRefused(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "王总")
	h.ok("add", "call 王总 tomorrow")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "\x1b[31m"}, "the task needs a title"},
		{[]string{"task", "edit", "1", "--title", "\u200b\u200b"}, "the task needs a title"},
		{[]string{"promise", "王总", "\u200b", "--due", "tomorrow"}, "the text is empty"},
		{[]string{"log", "call", "--prospect", "\x1b[0m"}, "a prospect call needs text saying who it was with"},
		{[]string{"note", "王总", "\u202e"}, "the text is empty"},
		{[]string{"client", "add", "\x1b[1m\u200b"}, "a name is needed"},
	} {
		before := h.dbBytes()
		r := h.run(tt.args...)
		if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 1 and one line with %q", tt.args, r.code, r.err, tt.want)
		}
		if !bytesEqual(before, h.dbBytes()) {
			t.Errorf("%q changed the database", tt.args)
		}
	}
}

// An amount finer than a cent is refused with one line naming the cent,
// not rounded (0.001 was stored as 0, 9999999999999.999 as 10^13).
func TestAmountFinerThanACentRefused(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "X")
	for _, v := range []string{"0.001", "9999999999999.999"} {
		r := h.run("project", "add", "P", "--client", "X", "--value", v)
		if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, v+" is finer than a cent") {
			t.Errorf("--value %s: exit %d, stderr %q", v, r.code, r.err)
		}
		if r := h.run("target", "set", "--year", "2026", "--sales", v); r.code != 1 || !strings.Contains(r.err, "finer than a cent") {
			t.Errorf("target --sales %s: exit %d, stderr %q", v, r.code, r.err)
		}
	}
	if out := h.ok("project", "list"); strings.Contains(out, "P ") {
		t.Errorf("a project was added:\n%s", out)
	}
	h.ok("project", "add", "P", "--client", "X", "--value", "0.01")
}

// A database the user made read-only (chmod 444) is not given back its
// write bit: the mode becomes 0400 and a change is refused with one line.
func TestReadOnlyDatabaseRefusesWrites(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "A")
	if err := os.Chmod(h.db, 0o444); err != nil {
		t.Fatal(err)
	}
	before := h.dbBytes()
	if out := h.ok("client", "list"); !strings.Contains(out, "A") {
		t.Errorf("client list on a read-only database:\n%s", out)
	}
	r := h.run("client", "add", "B")
	if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, "is read-only (mode 0400); nothing was changed") {
		t.Errorf("client add: exit %d, stderr %q", r.code, r.err)
	}
	if fi, _ := os.Stat(h.db); fi.Mode().Perm() != 0o400 {
		t.Errorf("mode = %04o, want 0400 (never given the write bit back)", fi.Mode().Perm())
	}
	if !bytesEqual(before, h.dbBytes()) {
		t.Error("the read-only database was written")
	}
}

// Every working file beside the database is refused as a backup or export
// target, the sync lock and the CalDAV password file as the store's own
// lock and verified record are (overwriting the sync lock let two syncs
// run at once).
func TestWorkingFilesRefusedAsTargets(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "A")
	dir := filepath.Dir(h.db)
	for _, name := range []string{"salesplan.db.sync-lock", "salesplan.caldav-password", "salesplan.db.lock", ".salesplan.db.verified"} {
		target := filepath.Join(dir, name)
		for _, exists := range []bool{false, true} {
			os.Remove(target)
			if exists {
				if err := os.WriteFile(target, []byte("keep"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			for _, args := range [][]string{{"export", "-o", target}, {"backup", target}} {
				r := h.run(args...)
				if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, "is a working file of the database; nothing was written") {
					t.Errorf("%s (exists %v): exit %d, stderr %q", strings.Join(args, " "), exists, r.code, r.err)
				}
				if b, err := os.ReadFile(target); exists && string(b) != "keep" || !exists && err == nil {
					t.Errorf("%s (exists %v) wrote the file", strings.Join(args, " "), exists)
				}
			}
		}
	}
}

// TestOutputOntoReadOnlyFileRefused: export -o and backup onto a file its
// owner made read-only leave it as it was (the rename would replace it
// whatever its mode, and make it 0600).
func TestOutputOntoReadOnlyFileRefused(t *testing.T) {
	h := newHarness(t)
	seed(h)
	target := h.write("kept.txt", "precious\n")
	if err := os.Chmod(target, 0o444); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"export", "-o", target}, {"backup", target}} {
		r := h.run(args...)
		got, _ := os.ReadFile(target)
		fi, _ := os.Stat(target)
		if r.code != ExitFail || !strings.Contains(r.err, "read-only") || string(got) != "precious\n" || fi.Mode().Perm() != 0o444 {
			t.Errorf("%v: exit %d %q; file %q mode %04o; want refused, file kept", args, r.code, r.err, got, fi.Mode().Perm())
		}
	}
}

// TestBlankCancelReasonRefused: a reason that shows as nothing once made
// inert is no reason (the review lists it; DESIGN.md §2 v2).
func TestBlankCancelReasonRefused(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("promise", "王总", "send", "it", "--due", "2026-11-30")
	before := h.dbBytes()
	for _, reason := range []string{"\x1b[31m\x1b[0m", "\u200b"} {
		if r := h.run("promise", "cancel", "1", "--reason", reason); r.code != ExitFail || !strings.Contains(r.err, "say why") || !bytesEqual(before, h.dbBytes()) {
			t.Errorf("cancel with reason %q: exit %d %q; want refused, nothing changed", reason, r.code, r.err)
		}
	}
}

// pipeGone is standard output after the reader went away (| head).
type pipeGone struct{}

func (pipeGone) Write([]byte) (int, error) { return 0, syscall.EPIPE }

// TestClosedPipeIsQuiet: `salesplan export | head` ends quietly, exit 0,
// like every other command whose reader stopped reading.
func TestClosedPipeIsQuiet(t *testing.T) {
	h := newHarness(t)
	seed(h)
	var errb bytes.Buffer
	cfg := Config{Now: func() time.Time { return h.now }}
	code := cfg.Main([]string{"--db", h.db, "export"}, strings.NewReader(""), pipeGone{}, &errb, func(k string) string { return h.env[k] })
	if code != ExitOK || errb.Len() != 0 {
		t.Errorf("export into a closed pipe: exit %d, stderr %q; want 0 and nothing", code, errb.String())
	}
}
