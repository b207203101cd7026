// Package davtest runs a real CalDAV server (Radicale, from Debian's
// packages) for the sync's tests: on 127.0.0.1 on a free port, with a
// temporary htpasswd file and storage folder, stopped at the end. It is
// not a mock: the tests talk to the server a phone would talk to.
//
// Tests that need it skip when radicale is not installed; .ci/run
// installs it, so in CI they run.
package davtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// User and Password are the account of every server this package starts.
const (
	User     = "rep"
	Password = "s3cret-Ω-密码"
)

// Server is a running Radicale.
type Server struct {
	Base string // http://127.0.0.1:PORT
	dir  string
	cmd  *exec.Cmd
	log  *bytes.Buffer
	mu   sync.Mutex
	n    int
}

// Available reports whether radicale is installed.
func Available() bool {
	_, err := exec.LookPath("radicale")
	return err == nil
}

// Start starts a Radicale in a new temporary folder (removed by Stop).
func Start() (*Server, error) {
	bin, err := exec.LookPath("radicale")
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "salesplan-radicale-")
	if err != nil {
		return nil, err
	}
	htpasswd := filepath.Join(dir, "users")
	// Debian's radicale reads plain and bcrypt htpasswd files; bcrypt needs
	// python3-bcrypt, which is not a dependency, so the file is plain.
	if err := os.WriteFile(htpasswd, []byte(User+":"+Password+"\n"), 0o600); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	// An empty config file keeps /etc/radicale/config out of it.
	cfg := filepath.Join(dir, "config")
	if err := os.WriteFile(cfg, nil, 0o600); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s := &Server{Base: fmt.Sprintf("http://127.0.0.1:%d", port), dir: dir, log: &bytes.Buffer{}}
	s.cmd = exec.Command(bin, "--config", cfg,
		"--server-hosts", fmt.Sprintf("127.0.0.1:%d", port),
		"--auth-type", "htpasswd", "--auth-htpasswd-filename", htpasswd, "--auth-htpasswd-encryption", "plain",
		"--auth-delay", "0",
		"--rights-type", "owner_only",
		"--storage-filesystem-folder", filepath.Join(dir, "collections"),
		"--web-type", "none",
		"--logging-level", "warning")
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), 200*time.Millisecond)
		if err == nil {
			c.Close()
			return s, nil
		}
		if time.Now().After(deadline) {
			s.Stop()
			return nil, fmt.Errorf("radicale did not start on port %d: %s", port, s.log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop stops the server and removes its folder.
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
	}
	os.RemoveAll(s.dir)
}

// Shared is one server for a test binary: Start it in TestMain with
// StartShared and Stop it there.
var shared struct {
	once sync.Once
	srv  *Server
	err  error
}

// SharedServer starts (once) the package's server, or skips the test when
// radicale is not installed.
func SharedServer(t testing.TB) *Server {
	t.Helper()
	if !Available() {
		t.Skip("radicale is not installed (apt-get install -y radicale)")
	}
	shared.once.Do(func() { shared.srv, shared.err = Start() })
	if shared.err != nil {
		t.Fatalf("start radicale: %v", shared.err)
	}
	return shared.srv
}

// StopShared stops the shared server if one was started (call from TestMain).
func StopShared() {
	if shared.srv != nil {
		shared.srv.Stop()
	}
}

// NewCalendar creates a new empty calendar (MKCALENDAR) and returns its URL.
func (s *Server) NewCalendar(t testing.TB) string {
	t.Helper()
	s.mu.Lock()
	s.n++
	name := fmt.Sprintf("cal%d", s.n)
	s.mu.Unlock()
	u := s.Base + "/" + User + "/" + name + "/"
	res := s.Do(t, "MKCALENDAR", u, "", nil)
	if res.Status != http.StatusCreated {
		t.Fatalf("MKCALENDAR %s: %d %s", u, res.Status, res.Body)
	}
	return u
}

// Response is what Do got back.
type Response struct {
	Status int
	Body   string
	ETag   string
}

// Do sends one request as the server's user.
func (s *Server) Do(t testing.TB, method, url, body string, header map[string]string) Response {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(User, Password)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return Response{Status: resp.StatusCode, Body: string(b), ETag: resp.Header.Get("ETag")}
}

// Get returns an object's text ("" when it is not there).
func (s *Server) Get(t testing.TB, url string) string {
	t.Helper()
	r := s.Do(t, http.MethodGet, url, "", nil)
	if r.Status == http.StatusNotFound {
		return ""
	}
	if r.Status != http.StatusOK {
		t.Fatalf("GET %s: %d", url, r.Status)
	}
	return r.Body
}

// Put writes an object's text as a phone would (no precondition).
func (s *Server) Put(t testing.TB, url, body string) {
	t.Helper()
	r := s.Do(t, http.MethodPut, url, body, map[string]string{"Content-Type": "text/calendar; charset=utf-8"})
	if r.Status/100 != 2 {
		t.Fatalf("PUT %s: %d %s", url, r.Status, r.Body)
	}
}

// Files lists the object files of a calendar (names only), read from the
// server's storage folder: what is there, whatever the protocol says.
func (s *Server) Files(t testing.TB, calURL string) []string {
	t.Helper()
	rel := strings.TrimPrefix(calURL, s.Base)
	dir := filepath.Join(s.dir, "collections", "collection-root", filepath.FromSlash(strings.Trim(rel, "/")))
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read %s: %v", dir, err)
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".ics") {
			out = append(out, e.Name())
		}
	}
	return out
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	addr, ok := l.Addr().(*net.TCPAddr)
	if !ok {
		return 0, errors.New("no TCP port")
	}
	return addr.Port, nil
}
