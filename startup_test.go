package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Start-up budget (issue 16): every command pays for every package's init,
// so what runs there must be what any command may need. The test builds the
// real binary, runs it with GODEBUG=inittrace=1 and checks what each
// package's init allocated. Bytes and allocations, not times: they are the
// same on a loaded 2-core machine as on a quiet one.
//
// When a package goes over, make its work lazy (sync.OnceValue, build on
// first use) rather than raising the budget; raise one only for work every
// command really needs, and say why beside it.

// initBudget is what one package's init may allocate.
type initBudget struct{ bytes, allocs int }

var (
	// defaultInitBudget holds for every package not named below: a few
	// tables, not a compiled grammar (one regexp.MustCompile of the quick-add
	// grammar was ~15 KB; olebedev/when's rules were 370 KB a language).
	defaultInitBudget = initBudget{bytes: 32 << 10, allocs: 250}
	// ownInitBudget holds for salesplan's own packages.
	ownInitBudget = initBudget{bytes: 16 << 10, allocs: 100}
	initBudgets   = map[string]initBudget{
		// The message tables, a map literal per msgs_<area>.go (87 KB for
		// ~930 messages); room for as many again before this trips.
		"salesplan/ui/i18n": {bytes: 192 << 10, allocs: 200},
		// Bubble Tea's terminal layer: its key and capability tables.
		"github.com/charmbracelet/ultraviolet": {bytes: 64 << 10, allocs: 100},
		// Only `sync` needs it, but it cannot be made lazy from here:
		// go-webdav's CalDAV client is typed on emersion/go-ical, which
		// imports rrule-go, whose init fills fixed month/weekday masks
		// (50 KB, 83 allocs, ~0.1 ms; issue 17).
		"github.com/teambition/rrule-go": {bytes: 64 << 10, allocs: 100},
		// The pinyin order of client names (model/collation): collate's
		// init indexes its CLDR locale tables (26 KB, 296 allocs, ~0.1 ms).
		// Only the client lists need it, but an imported package's init
		// cannot be deferred; the allocation count is what is over.
		"golang.org/x/text/collate": {bytes: 32 << 10, allocs: 400},
	}
	// totalInitBudget bounds all inits together (208 KB and ~620
	// allocations when the test was written; 2.7 MB and 13,700 before
	// issue 16).
	totalInitBudget = initBudget{bytes: 512 << 10, allocs: 2000}
)

// initLine is one line of GODEBUG=inittrace=1 output:
// "init salesplan/ui/i18n @1.2 ms, 0.31 ms clock, 86656 bytes, 49 allocs".
var initLine = regexp.MustCompile(`^init (\S+) @[\d.]+ ms, [\d.]+ ms clock, (\d+) bytes, (\d+) allocs$`)

// initCost is what one package's init allocated.
type initCost struct {
	pkg           string
	bytes, allocs int
}

// parseInitTrace reads the init lines of GODEBUG=inittrace=1 output.
func parseInitTrace(out []byte) ([]initCost, error) {
	var costs []initCost
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "init ") {
			continue
		}
		m := initLine.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("unreadable inittrace line %q", line)
		}
		b, _ := strconv.Atoi(m[2])
		a, _ := strconv.Atoi(m[3])
		costs = append(costs, initCost{pkg: m[1], bytes: b, allocs: a})
	}
	return costs, sc.Err()
}

// overBudget lists the packages whose init goes over their budget, and the
// total when all of them together do.
func overBudget(costs []initCost) []string {
	var over []string
	var total initBudget
	for _, c := range costs {
		total.bytes += c.bytes
		total.allocs += c.allocs
		b, ok := initBudgets[c.pkg]
		switch {
		case ok:
		case c.pkg == "salesplan" || strings.HasPrefix(c.pkg, "salesplan/"):
			b = ownInitBudget
		default:
			b = defaultInitBudget
		}
		if c.bytes > b.bytes || c.allocs > b.allocs {
			over = append(over, fmt.Sprintf("%s: %d bytes, %d allocs at init (budget %d bytes, %d allocs)",
				c.pkg, c.bytes, c.allocs, b.bytes, b.allocs))
		}
	}
	if total.bytes > totalInitBudget.bytes || total.allocs > totalInitBudget.allocs {
		over = append(over, fmt.Sprintf("all packages: %d bytes, %d allocs at init (budget %d bytes, %d allocs)",
			total.bytes, total.allocs, totalInitBudget.bytes, totalInitBudget.allocs))
	}
	return over
}

func TestStartupInitBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the binary with")
	}
	bin := filepath.Join(t.TempDir(), "salesplan")
	build := exec.Command(goCmd, "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOFLAGS=") // a plain build, whatever flags the test run has
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// A fixed, short environment: atotto/clipboard's init looks for its
	// helper programs along PATH, so its cost depends on PATH's length.
	cmd := exec.Command(bin, "--help")
	cmd.Env = []string{"GODEBUG=inittrace=1", "PATH=/usr/bin:/bin", "HOME=" + t.TempDir(), "LANG=C"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("salesplan --help: %v\n%s", err, stderr.Bytes())
	}
	costs, err := parseInitTrace(stderr.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(costs) < 20 {
		t.Fatalf("only %d init lines in the trace; did GODEBUG=inittrace=1 work?\n%s", len(costs), stderr.Bytes())
	}
	var total initBudget
	own := false
	for _, c := range costs {
		total.bytes += c.bytes
		total.allocs += c.allocs
		own = own || c.pkg == "salesplan/ui/i18n"
	}
	if !own {
		t.Fatalf("salesplan/ui/i18n is not in the init trace:\n%s", stderr.Bytes())
	}
	t.Logf("%d packages: %d bytes, %d allocs at init", len(costs), total.bytes, total.allocs)
	for _, o := range overBudget(costs) {
		t.Error(o)
	}
}

// TestInitBudgetCatchesGrowth: the check trips on what issue 16 removed
// (olebedev/when's rules, the grammar compiled at init) and on a total
// that grew in many small steps.
func TestInitBudgetCatchesGrowth(t *testing.T) {
	trace := []byte(`init runtime @0.055 ms, 0.098 ms clock, 0 bytes, 0 allocs
init github.com/olebedev/when/rules/en @2.1 ms, 0.36 ms clock, 372368 bytes, 1794 allocs
init salesplan/model/quickadd @3.8 ms, 0.59 ms clock, 540152 bytes, 3651 allocs
init salesplan/ui/i18n @4.4 ms, 0.30 ms clock, 86656 bytes, 49 allocs
`)
	costs, err := parseInitTrace(trace)
	if err != nil {
		t.Fatal(err)
	}
	over := overBudget(costs)
	want := []string{"github.com/olebedev/when/rules/en:", "salesplan/model/quickadd:", "all packages:"}
	if len(over) != len(want) {
		t.Fatalf("over budget: %q; want %d lines", over, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(over[i], w) {
			t.Errorf("line %d = %q, want it to start %q", i, over[i], w)
		}
	}
	var many []initCost
	for i := range 40 {
		many = append(many, initCost{pkg: fmt.Sprintf("example.com/p%d", i), bytes: 30 << 10, allocs: 10})
	}
	if over := overBudget(many); len(over) != 1 || !strings.HasPrefix(over[0], "all packages:") {
		t.Errorf("40 packages of 30 KB each: %q, want only the total over", over)
	}
	if _, err := parseInitTrace([]byte("init x @1 ms, garbled\n")); err == nil {
		t.Error("a garbled init line was read")
	}
}
