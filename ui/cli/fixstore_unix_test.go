//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO given as import input is refused at once (opening it waited
// forever for a writer), JSON and CSV alike, and nothing changes.
func TestImportRefusesFIFO(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "A")
	fifo := filepath.Join(h.dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	before := h.dbBytes()
	for _, args := range [][]string{{"import", fifo}, {"import", "--merge", fifo}, {"import", "--format", "csv", "--kind", "clients", fifo}} {
		done := make(chan result, 1)
		go func() { done <- h.run(args...) }()
		select {
		case r := <-done:
			if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, "a FIFO (named pipe), not a file") {
				t.Errorf("%q: exit %d, stderr %q", args, r.code, r.err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%q still waiting on the FIFO after 10s", args)
		}
	}
	if !bytesEqual(before, h.dbBytes()) {
		t.Error("the database changed")
	}
}
