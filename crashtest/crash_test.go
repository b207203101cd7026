package crashtest

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"salesplan/model"
	"salesplan/storage"
)

var (
	kills   = flag.Int("kills", 20, "how many times to kill the writer")
	imports = flag.Int("imports", 20, "how many times to kill the demo import")
	seed    = flag.Uint64("seed", 0, "random seed for the kill moments (0: from the clock)")
)

// Environment of the re-executed writer.
const (
	envChild = "SALESPLAN_CRASH_CHILD"
	envDB    = "SALESPLAN_CRASH_DB"
	envRound = "SALESPLAN_CRASH_ROUND"
)

// day is the date of every task the writer adds.
var day = model.MakeDate(2026, 11, 27)

func TestMain(m *testing.M) {
	switch os.Getenv(envChild) {
	case "1":
		os.Exit(writer())
	case "import":
		os.Exit(importer())
	}
	os.Exit(m.Run())
}

// writer adds tasks "crash-R-N" (R = $SALESPLAN_CRASH_ROUND, N = 1, 2, …)
// until it is killed, and completes every third one, which has a client (a
// task, a journal entry and their indexes in one transaction). It prints
// "ack ID TITLE" only after AddTask returned, and "done ID" only after
// CompleteTask returned.
func writer() int {
	st, err := storage.Open(os.Getenv(envDB), storage.Options{LockTimeout: 10 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer: open:", err)
		return 3
	}
	round := os.Getenv(envRound)
	client, err := st.FindClient("王总")
	if err != nil {
		if client, err = st.AddClient(model.Client{Name: "王总", Tier: model.TierKey}, day); err != nil {
			fmt.Fprintln(os.Stderr, "writer: add client:", err)
			return 3
		}
	}
	for n := 1; ; n++ {
		t := model.Task{Title: fmt.Sprintf("crash-%s-%d", round, n), Date: day, Kind: model.TaskCall, ClientID: client.ID}
		t, err := st.AddTask(t)
		if err != nil {
			fmt.Fprintln(os.Stderr, "writer: add:", err)
			continue
		}
		fmt.Printf("ack %d %s\n", t.ID, t.Title) // os.Stdout is unbuffered: one write per line
		if n%3 != 0 {
			continue
		}
		if _, err := st.CompleteTask(t.ID, day, time.Now(), "crash test"); err != nil {
			fmt.Fprintln(os.Stderr, "writer: complete:", err)
			continue
		}
		fmt.Printf("done %d\n", t.ID)
	}
}

// acks is what the writer acknowledged: task id by title, and the ids it
// completed.
type acks struct {
	added map[string]model.ID
	done  map[model.ID]bool
}

func (a *acks) read(line string) error {
	f := strings.Fields(line)
	switch {
	case len(f) == 3 && f[0] == "ack":
		id, err := strconv.ParseUint(f[1], 10, 64)
		if err != nil || !strings.HasPrefix(f[2], "crash-") {
			return fmt.Errorf("bad line %q", line)
		}
		a.added[f[2]] = model.ID(id)
	case len(f) == 2 && f[0] == "done":
		id, err := strconv.ParseUint(f[1], 10, 64)
		if err != nil {
			return fmt.Errorf("bad line %q", line)
		}
		a.done[model.ID(id)] = true
	default:
		return fmt.Errorf("bad line %q", line)
	}
	return nil
}

// round runs the writer once and kills it at a random moment: most rounds
// after a random number of acknowledged writes plus a random delay, some
// while it is still starting (opening the file, creating the buckets).
func round(t *testing.T, r *rand.Rand, db string, a *acks, i int) (acked int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChild+"=1", envDB+"="+db, envRound+"="+strconv.Itoa(i))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	kill := func() { _ = cmd.Process.Signal(syscall.SIGKILL) }
	var timer <-chan time.Time // nil: not armed
	if r.IntN(5) == 0 {
		timer = time.After(time.Duration(r.IntN(30_000)) * time.Microsecond)
	}
	wantAcks := 1 + r.IntN(40)
	deadline := time.After(30 * time.Second)
	killed := false
	for open := true; open; {
		select {
		case line, ok := <-lines:
			if !ok {
				open = false
				break
			}
			if err := a.read(line); err != nil {
				kill()
				t.Fatal(err)
			}
			acked++
			if !killed && timer == nil && acked >= wantAcks {
				timer = time.After(time.Duration(r.IntN(5_000)) * time.Microsecond)
			}
		case <-timer:
			kill()
			killed, timer = true, nil
		case <-deadline:
			kill()
			t.Fatalf("the writer made no progress in 30 s; stderr: %s", stderr.String())
		}
	}
	// The pipe is closed: the writer is dead.
	err = cmd.Wait()
	if !killed {
		t.Fatalf("the writer stopped on its own: %v; stderr: %s", err, stderr.String())
	}
	return acked
}

func TestKilledWriterLosesNoAcknowledgedWrite(t *testing.T) {
	s := *seed
	if s == 0 {
		s = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (rerun with -seed %d), %d kills", s, s, *kills)
	r := rand.New(rand.NewPCG(s, 8))
	db := filepath.Join(t.TempDir(), "crash.db")
	a := &acks{added: map[string]model.ID{}, done: map[model.ID]bool{}}
	start := time.Now()
	var extra, between int
	for i := range *kills {
		round(t, r, db, a, i+1)
		n := verify(t, db, a, i+1)
		if n > extra {
			between++ // this kill fell after a commit and before its ack
		}
		extra = n
		if testing.Verbose() && (i+1)%50 == 0 {
			t.Logf("%d kills, %d tasks acknowledged, %v", i+1, len(a.added), time.Since(start).Round(time.Millisecond))
		}
	}
	t.Logf("%d kills, %d tasks and %d completions acknowledged and found, %d kills between a commit and its ack, in %v",
		*kills, len(a.added), len(a.done), between, time.Since(start).Round(time.Millisecond))
}

// verify opens the store as the next user would and checks every
// acknowledged write and the store's own consistency check. It returns how
// many stored tasks were never acknowledged.
func verify(t *testing.T, db string, a *acks, i int) int {
	t.Helper()
	if _, err := os.Stat(db); os.IsNotExist(err) {
		if len(a.added) > 0 {
			t.Fatalf("kill %d: the database is gone", i)
		}
		return 0
	}
	st, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatalf("kill %d: open after the kill: %v", i, err)
	}
	// One read of the day's tasks: reading each task on its own would open
	// the file thousands of times per round.
	tasks, err := st.TasksOn(day)
	if err != nil {
		t.Fatalf("kill %d: tasks: %v", i, err)
	}
	byID := make(map[model.ID]model.Task, len(tasks))
	seen := map[string]bool{}
	for _, task := range tasks {
		if seen[task.Title] {
			t.Fatalf("kill %d: %q is there twice", i, task.Title)
		}
		seen[task.Title] = true
		byID[task.ID] = task.Task
	}
	for title, id := range a.added {
		task, ok := byID[id]
		if !ok {
			t.Fatalf("kill %d: acknowledged task %d (%s) is missing", i, id, title)
		}
		if task.Title != title {
			t.Fatalf("kill %d: task %d is %q, want %q", i, id, task.Title, title)
		}
		if a.done[id] && !task.Done {
			t.Fatalf("kill %d: task %d was completed, but is not done", i, id)
		}
	}
	// At most one write per kill may have committed without its ack
	// reaching the parent; more would mean writes appearing from nowhere.
	extra := len(tasks) - len(a.added)
	if extra < 0 || extra > i {
		t.Fatalf("kill %d: %d tasks stored, %d acknowledged", i, len(tasks), len(a.added))
	}
	problems, err := st.Check()
	if err != nil {
		t.Fatalf("kill %d: check: %v", i, err)
	}
	if len(problems) > 0 {
		t.Fatalf("kill %d: check found %d problems: %v", i, len(problems), problems)
	}
	return extra
}
