package crashtest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"salesplan/demo"
	"salesplan/storage"
)

// importer creates a new database and writes the demo month into it in one
// import, as `salesplan demo` does, then prints "imported".
func importer() int {
	st, err := storage.Open(os.Getenv(envDB), storage.Options{LockTimeout: 10 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, "importer: open:", err)
		return 3
	}
	if err := demo.Write(st, day); err != nil {
		fmt.Fprintln(os.Stderr, "importer:", err)
		return 3
	}
	fmt.Println("imported")
	return 0
}

// runImporter runs the importer on db and kills it after delay (never when
// delay < 0). It reports whether the importer said it finished.
func runImporter(t *testing.T, db string, delay time.Duration) (finished bool, took time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	// GORACE: under -race the runtime sleeps a second at exit, which would
	// make most kills land after the import.
	cmd.Env = append(os.Environ(), envChild+"=import", envDB+"="+db, "GORACE=atexit_sleep_ms=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if delay >= 0 {
		timer := time.AfterFunc(delay, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		defer timer.Stop()
	}
	err := cmd.Wait()
	took = time.Since(start)
	finished = strings.Contains(stdout.String(), "imported")
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); err != nil && !(ok && ws.Signaled()) {
		t.Fatalf("the importer failed on its own: %v; stderr: %s", err, stderr.String())
	}
	return finished, took
}

func export(t *testing.T, st *storage.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := st.ExportJSON(&b); err != nil {
		t.Fatalf("export: %v", err)
	}
	return b.Bytes()
}

// A user who kills `salesplan demo` (or `import`) at any moment — even while
// the file is being created — finds either nothing or the whole demo, never
// a part of it, and can run it again.
func TestKilledImportLeavesNothingOrEverything(t *testing.T) {
	dir := t.TempDir()
	// Reference: one import left alone, to know what "everything" is and
	// how long the window to kill in is.
	ref := filepath.Join(dir, "ref", "salesplan.db")
	finished, took := runImporter(t, ref, -1)
	if !finished {
		t.Fatal("the reference import did not finish")
	}
	st, err := storage.Open(ref, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := export(t, st)

	n := *imports
	s := *seed
	if s == 0 {
		s = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d, %d kills, an import takes %v", s, n, took.Round(time.Millisecond))
	r := rand.New(rand.NewPCG(s, 9))
	var nothing, everything, missing int
	for i := range n {
		db := filepath.Join(dir, fmt.Sprint(i), "salesplan.db")
		finished, _ := runImporter(t, db, time.Duration(r.Int64N(int64(took)*6/5+1)))
		if _, err := os.Stat(db); os.IsNotExist(err) {
			missing++
			continue
		}
		st, err := storage.Open(db, storage.Options{})
		if err != nil {
			t.Fatalf("kill %d: the database cannot be opened after the kill: %v", i+1, err)
		}
		problems, err := st.Check()
		if err != nil || len(problems) > 0 {
			t.Fatalf("kill %d: check: %v %v", i+1, problems, err)
		}
		empty, err := st.IsEmpty()
		if err != nil {
			t.Fatalf("kill %d: %v", i+1, err)
		}
		switch {
		case empty && finished:
			t.Fatalf("kill %d: the import said it finished, but the database is empty", i+1)
		case empty:
			nothing++
			// The user runs it again, and it works.
			if err := demo.Write(st, day); err != nil {
				t.Fatalf("kill %d: writing the demo again: %v", i+1, err)
			}
			if !bytes.Equal(export(t, st), want) {
				t.Fatalf("kill %d: the demo written again differs from the reference", i+1)
			}
		case !bytes.Equal(export(t, st), want):
			t.Fatalf("kill %d: the database holds part of the demo", i+1)
		default:
			everything++
		}
	}
	t.Logf("after %d kills: %d no file yet, %d empty, %d complete", n, missing, nothing, everything)
}
