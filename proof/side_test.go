package proof

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"salesplan/storage"
	"salesplan/ui"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
)

var (
	sideWrites  = flag.Int("side-writes", 500, "command-line writes in TestSideBySide")
	sideWriters = flag.Int("side-writers", 4, "command-line processes writing at once in TestSideBySide")
)

// The command line writes while the planner is open, reloading on every
// change and switching tabs: no write is lost, the planner's last reload
// shows them all, and no command waits 2 s for the file.
func TestSideBySide(t *testing.T) {
	if testing.Short() {
		t.Skip("500 processes")
	}
	dir := tempDir(t)
	path := demoDB(t, dir, false)
	st, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before, err := st.Today(testToday)
	if err != nil {
		t.Fatal(err)
	}
	clients := []string{"王总", "ACME", "Harbour", "李"}

	// The planner: the real panes on the demo data, polling as it does
	// for the user (once a second).
	env := common.Env{Store: st, Lang: i18n.EN, TodayOverride: testToday}
	rec := &recorder{inner: ui.New(env, ui.Options{NoColor: true})}
	tm := teatest.NewTestModel(t, rec,
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	go drain(tm)
	if first := fmt.Sprintf("%d/%d", before.Calls.Done, before.Calls.Target); !rec.waitFor(first, 10*time.Second) {
		t.Fatalf("the planner never drew %s", first)
	}

	// Someone at the keyboard: every pane in turn.
	stop := make(chan struct{})
	var keys sync.WaitGroup
	keys.Add(1)
	go func() {
		defer keys.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(40 * time.Millisecond):
			}
			tm.Send(tea.KeyPressMsg{Code: rune('1' + i%6), Text: string(rune('1' + i%6))})
		}
	}()

	n, writers := *sideWrites, *sideWriters
	if raceOn && n > 100 {
		n = 100 // each child is race-instrumented too
	}
	walls := make([]time.Duration, n)
	failures := make(chan string, n)
	var wg sync.WaitGroup
	next := make(chan int)
	start := time.Now()
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r := salesplan(t, proc{}, "--db", path, "--today", today,
					"log", "call", clients[i%len(clients)], fmt.Sprintf("side-by-side %d", i))
				walls[i] = r.wall
				if r.code != 0 {
					failures <- fmt.Sprintf("write %d: exit %d: %s", i, r.code, strings.TrimSpace(r.err))
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	close(failures)
	for f := range failures {
		t.Error(f)
	}

	// The planner's last reload shows every call within two seconds.
	want := fmt.Sprintf("%d/%d", before.Calls.Done+n, before.Calls.Target)
	seenAt := time.Now()
	if !rec.waitFor(want, 2*time.Second) {
		t.Errorf("2 s after the last write the planner does not show %s:\n%s", want, rec.screen())
	}
	seen := time.Since(seenAt)
	close(stop)
	keys.Wait()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	// Every write is in the store, once.
	doc, err := st.Document()
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range doc.Journal {
		if strings.HasPrefix(e.Text, "side-by-side ") {
			count[e.Text]++
		}
	}
	for i := range n {
		if c := count[fmt.Sprintf("side-by-side %d", i)]; c != 1 {
			t.Errorf("write %d is stored %d times", i, c)
		}
	}
	if problems, err := st.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}

	sorted := slices.Clone(walls)
	slices.Sort(sorted)
	p := func(q float64) time.Duration { return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))] }
	t.Logf("%d writes by %d processes at once in %v (%.0f writes/s) beside the planner: wall per command p50 %v, p99 %v, max %v; the planner showed %s %v after the last write",
		n, writers, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(),
		p(0.5).Round(time.Millisecond), p(0.99).Round(time.Millisecond), sorted[len(sorted)-1].Round(time.Millisecond),
		want, seen.Round(time.Millisecond))
	if worst := sorted[len(sorted)-1]; worst >= 2*time.Second {
		t.Errorf("a command took %v (the lock wait is bounded at 2 s)", worst)
	}
	if report := os.Getenv("PROOF_REPORT"); report != "" {
		line := fmt.Sprintf("side-by-side: %d writes, %d writers, p50 %v, p99 %v, max %v, planner caught up in %v\n",
			n, writers, p(0.5).Round(time.Millisecond), p(0.99).Round(time.Millisecond), sorted[len(sorted)-1].Round(time.Millisecond), seen.Round(time.Millisecond))
		_ = os.WriteFile(filepath.Clean(report), []byte(line), 0o600)
	}
}

// recorder wraps the planner and keeps its latest screen (as plain text)
// after every message, so that the test can read what is shown while the
// program runs: the output stream holds only the cells that changed.
type recorder struct {
	inner tea.Model
	mu    sync.Mutex
	last  string
}

func (r *recorder) Init() tea.Cmd { return r.inner.Init() }

func (r *recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := r.inner.Update(msg)
	r.inner = m
	view := ansi.Strip(m.View().Content)
	r.mu.Lock()
	r.last = view
	r.mu.Unlock()
	return r, cmd
}

func (r *recorder) View() tea.View { return r.inner.View() }

func (r *recorder) screen() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last
}

// waitFor reports whether the screen shows text within the time.
func (r *recorder) waitFor(text string, within time.Duration) bool {
	deadline := time.Now().Add(within)
	for {
		if strings.Contains(r.screen(), text) {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// drain discards the program's output as it comes, so that the buffer
// teatest keeps it in does not grow for the whole run.
func drain(tm *teatest.TestModel) {
	for {
		if n, _ := io.Copy(io.Discard, tm.Output()); n == 0 {
			time.Sleep(20 * time.Millisecond)
		}
	}
}
