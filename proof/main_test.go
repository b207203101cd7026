package proof

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"salesplan/ui/cli"
)

// The child's environment: PROOF_CHILD=1 makes the test binary the command
// line; PROOF_FSIZE=N caps the size of any file it writes (RLIMIT_FSIZE), to
// play a full disk.
const (
	childEnv = "PROOF_CHILD"
	fsizeEnv = "PROOF_FSIZE"
	today    = "2026-11-27"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(child())
	}
	os.Exit(m.Run())
}

// child runs the command line as the salesplan binary does.
func child() int {
	signal.Ignore(syscall.SIGPIPE)
	if s := os.Getenv(fsizeEnv); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return 99
		}
		// Without ignoring SIGXFSZ the kernel kills the process at the
		// limit; ignored, the write returns EFBIG, as a full disk's ENOSPC.
		signal.Ignore(syscall.SIGXFSZ)
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
			return 98
		}
	}
	return cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
}

// run is one salesplan process: its exit code, outputs and wall time.
type run struct {
	code     int
	out, err string
	wall     time.Duration
}

// proc describes how to start a child.
type proc struct {
	exe   string   // the binary; "" = this test binary
	env   []string // added to the environment
	attr  *syscall.SysProcAttr
	stdin string
}

// salesplan runs the command line in a new process with args.
func salesplan(t testing.TB, p proc, args ...string) run {
	t.Helper()
	exe := p.exe
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), childEnv+"=1", "LANG=C", "LC_ALL=", "NO_COLOR=1")
	cmd.Env = append(cmd.Env, p.env...)
	cmd.SysProcAttr = p.attr
	cmd.Stdin = strings.NewReader(p.stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := run{out: out.String(), err: errb.String(), wall: time.Since(start)}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("start salesplan %v: %v", args, err)
		}
		r.code = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			t.Fatalf("salesplan %v died of %v\nstderr: %s", args, ws.Signal(), r.err)
		}
	}
	return r
}

// inProcess runs the command line in this process (faster; for commands
// that cannot crash the process).
func inProcess(args ...string) run {
	var out, errb bytes.Buffer
	env := map[string]string{"LANG": "C", "NO_COLOR": "1"}
	start := time.Now()
	code := cli.Main(args, strings.NewReader(""), &out, &errb, func(k string) string { return env[k] })
	return run{code: code, out: out.String(), err: errb.String(), wall: time.Since(start)}
}

// fileSum is the sha256 of a file ("absent" when it does not exist).
func fileSum(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return "absent"
	}
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// oneLine fails unless s is exactly one non-empty line.
func oneLine(t testing.TB, what, s string) {
	t.Helper()
	if s == "" || strings.Count(s, "\n") != 1 || !strings.HasSuffix(s, "\n") || strings.TrimSpace(s) == "" {
		t.Errorf("%s: stderr is not one line: %q", what, s)
	}
	for _, bad := range []string{"panic", "goroutine ", "runtime error", "internal error", ".go:"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s: stderr shows %q: %q", what, bad, s)
		}
	}
}
