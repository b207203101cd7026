package proof

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"salesplan/storage"
)

var restoreRounds = flag.Int("restore-rounds", 40, "restores in TestRestoreLosesNoAcknowledgedWrite")

// Three command-line processes write notes while a fourth restores the
// same backup again and again. Every note a writer saw acknowledged
// ("Recorded", exit 0) must be in the final database or in one of the
// before-restore copies: a write that waited for the lock on the file a
// restore replaced must land in the new file, and the safety copy is
// taken under the lock, so nothing committed just before the swap is
// missed.
func TestRestoreLosesNoAcknowledgedWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of processes")
	}
	dir := tempDir(t)
	path := demoDB(t, dir, false)
	backup := filepath.Join(dir, "base.db")
	if r := salesplan(t, proc{}, "--db", path, "backup", backup); r.code != 0 {
		t.Fatalf("backup: %s", r.err)
	}
	rounds := *restoreRounds
	if raceOn {
		rounds = max(rounds/4, 5)
	}

	var (
		mu      sync.Mutex
		acked   []string
		refused atomic.Int64
		stop    atomic.Bool
		writers sync.WaitGroup
	)
	for w := range 3 {
		writers.Add(1)
		go func() {
			defer writers.Done()
			for i := 0; !stop.Load(); i++ {
				text := fmt.Sprintf("restore-proof w%d n%d", w, i)
				r := salesplan(t, proc{}, "--db", path, "--today", today, "note", "王总", text)
				switch {
				case r.code == 0:
					mu.Lock()
					acked = append(acked, text)
					mu.Unlock()
				case strings.Contains(r.err, "busy") || strings.Contains(r.err, "replaced"):
					refused.Add(1) // not acknowledged: the lock wait ran out
				default:
					t.Errorf("note %q: exit %d: %s", text, r.code, r.err)
					return
				}
			}
		}()
	}
	start := time.Now()
	ackedNow := func() int { mu.Lock(); defer mu.Unlock(); return len(acked) }
	for i := range rounds {
		// Each restore comes after at least one new acknowledged write (or
		// a second), so the writers and the restores interleave however
		// loaded the machine is.
		for n, wait := ackedNow(), time.Now().Add(time.Second); ackedNow() == n && time.Now().Before(wait); {
			time.Sleep(5 * time.Millisecond)
		}
		r := salesplan(t, proc{}, "--db", path, "restore", backup, "--yes")
		if r.code != 0 {
			t.Errorf("restore %d: exit %d: %s", i, r.code, r.err)
		}
	}
	// A last stretch of writes after the last restore.
	time.Sleep(200 * time.Millisecond)
	stop.Store(true)
	writers.Wait()
	elapsed := time.Since(start)

	// Where the notes can be: the final database and every copy kept
	// before a restore.
	copies, err := filepath.Glob(filepath.Join(storage.BackupDir(path), "salesplan-before-restore-*.db"))
	if err != nil {
		t.Fatal(err)
	}
	if len(copies) != rounds {
		t.Errorf("%d before-restore copies after %d restores", len(copies), rounds)
	}
	found := map[string]bool{}
	for _, db := range append(copies, path) {
		r := salesplan(t, proc{}, "--db", db, "export")
		if r.code != 0 {
			t.Fatalf("export %s: %s", db, r.err)
		}
		var doc struct {
			Journal []struct {
				Text string `json:"text"`
			} `json:"journal"`
		}
		if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
			t.Fatalf("export %s: %v", db, err)
		}
		for _, e := range doc.Journal {
			found[e.Text] = true
		}
	}
	lost := 0
	for _, text := range acked {
		if !found[text] {
			lost++
			if lost <= 10 {
				t.Errorf("acknowledged note %q is in neither the database nor a before-restore copy", text)
			}
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d acknowledged notes lost", lost, len(acked))
	}
	if len(acked) < rounds {
		t.Errorf("only %d notes acknowledged over %d restores: the writers barely ran", len(acked), rounds)
	}
	if r := salesplan(t, proc{}, "--db", path, "check"); r.code != 0 {
		t.Errorf("check after the restores: %s%s", r.out, r.err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".salesplan.db.restore-*"))
	if len(leftovers) > 0 {
		t.Errorf("restore scratch files left: %v", leftovers)
	}
	t.Logf("%d restores with 3 writers in %v: %d notes acknowledged, %d refused as busy, %d before-restore copies, %d lost",
		rounds, elapsed.Round(time.Millisecond), len(acked), refused.Load(), len(copies), lost)
	if report := os.Getenv("PROOF_REPORT"); report != "" {
		line := fmt.Sprintf("restore: %d rounds, 3 writers, %d acknowledged, %d busy, lost %d\n", rounds, len(acked), refused.Load(), lost)
		_ = os.WriteFile(filepath.Clean(report), []byte(line), 0o600)
	}
}
