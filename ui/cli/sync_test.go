package cli

import (
	"bytes"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"salesplan/davsync/davtest"
)

// syncHarness is a harness with the demo data and a Radicale calendar set up.
func syncHarness(t *testing.T) (*harness, *davtest.Server, string) {
	t.Helper()
	srv := davtest.SharedServer(t)
	h := newHarness(t)
	h.ok("demo")
	cal := srv.NewCalendar(t)
	h.ok("config", "set", "caldav.url", cal)
	h.ok("config", "set", "caldav.user", davtest.User)
	return h, srv, cal
}

func TestSyncCommand(t *testing.T) {
	h, srv, cal := syncHarness(t)
	h.env["SALESPLAN_CALDAV_PASSWORD"] = davtest.Password
	out := h.ok("sync", "--dry-run")
	if !strings.Contains(out, "Dry run") || len(srv.Files(t, cal)) != 0 {
		t.Fatalf("dry run: %q, %d files", out, len(srv.Files(t, cal)))
	}
	out = h.ok("sync")
	if !strings.HasPrefix(out, "Synced with "+cal+": ") {
		t.Fatalf("sync printed %q", out)
	}
	n := len(srv.Files(t, cal))
	if n < 50 {
		t.Fatalf("only %d items published from the demo", n)
	}
	out = h.ok("--lang", "zh", "sync")
	if !strings.Contains(out, "已与") || strings.Contains(out, "!sync") {
		t.Fatalf("zh sync printed %q", out)
	}
	// The words on the phone follow the language: Chinese labels now.
	var zhBid bool
	for _, name := range srv.Files(t, cal) {
		if strings.Contains(name, "-bid-") && strings.Contains(srv.Get(t, cal+name), "投标") {
			zhBid = true
		}
	}
	if !zhBid {
		t.Error("no bid item carries the Chinese label after a zh sync")
	}
	out = h.ok("--lang", "zh", "sync")
	if !strings.Contains(out, "发送 0 项") || !strings.Contains(out, "请求 1 次") {
		t.Fatalf("a sync with nothing to do printed %q", out)
	}
	if got := h.ok("config", "get", "caldav.url"); strings.TrimSpace(got) != cal {
		t.Fatalf("config get caldav.url = %q", got)
	}
	if all := h.ok("config", "get"); !strings.Contains(all, "caldav.user") || !strings.Contains(all, cal) {
		t.Fatalf("config get lists no caldav settings:\n%s", all)
	}
}

func TestSyncFailsInOneLine(t *testing.T) {
	h, _, _ := syncHarness(t)
	before := h.dbBytes()
	for _, tc := range []struct {
		name string
		env  string
		want string
	}{
		{"no password", "", "no password for the calendar"},
		{"wrong password", "not-it", "refused user \"rep\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.env["SALESPLAN_CALDAV_PASSWORD"] = tc.env
			r := h.run("sync")
			if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, tc.want) {
				t.Fatalf("exit %d, stderr %q; want one line with %q", r.code, r.err, tc.want)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Error("the database changed")
			}
		})
	}
	h.ok("config", "set", "caldav.url", "")
	r := h.run("sync")
	if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, "config set caldav.url") {
		t.Fatalf("no URL: exit %d %q", r.code, r.err)
	}
}

// TestSyncPasswordNeverShown: a server that echoes the credentials back
// (in an error page, in garbage) never gets them onto the screen; they are
// not in the database, its export or the configuration either.
func TestSyncPasswordNeverShown(t *testing.T) {
	const user, pw = "rep", "Tr0ub4dor&3-口令"
	encoded := base64.StdEncoding.EncodeToString([]byte(user + ":" + pw))
	echo := func(status int, ctype string) *httptest.Server {
		return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u, p, _ := r.BasicAuth()
			w.Header().Set("Content-Type", ctype)
			w.WriteHeader(status)
			_, _ = io.WriteString(w, "<error>auth "+r.Header.Get("Authorization")+" user "+u+" password "+p+"</error>")
		}))
	}
	servers := map[string]*httptest.Server{
		"500 text":    echo(http.StatusInternalServerError, "text/plain"),
		"401 text":    echo(http.StatusUnauthorized, "text/plain"),
		"207 garbage": echo(http.StatusMultiStatus, "application/xml"),
		"200 html":    echo(http.StatusOK, "text/html"),
	}
	for name, srv := range servers {
		defer srv.Close()
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			h.ok("demo")
			h.ok("config", "set", "caldav.url", srv.URL+"/dav/rep/cal/")
			h.ok("config", "set", "caldav.user", user)
			h.env["SALESPLAN_CALDAV_PASSWORD"] = pw
			r := h.run("sync")
			if r.code != 1 || len(stderrLines(r.err)) != 1 {
				t.Fatalf("exit %d, stderr %q", r.code, r.err)
			}
			for _, out := range []string{r.out, r.err, h.ok("config", "get"), h.ok("export"), string(h.dbBytes())} {
				for _, secret := range []string{pw, encoded, "Tr0ub4dor"} {
					if strings.Contains(out, secret) {
						t.Fatalf("the password shows in %q", out[:min(len(out), 300)])
					}
				}
			}
		})
	}
}

func TestSyncPasswordFile(t *testing.T) {
	h, _, _ := syncHarness(t)
	file := filepath.Join(filepath.Dir(h.db), "salesplan.caldav-password")
	if err := os.WriteFile(file, []byte(davtest.Password+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := h.run("sync")
	if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, "chmod 600 "+file) || strings.Contains(r.err, davtest.Password) {
		t.Fatalf("a 0644 password file: exit %d %q", r.code, r.err)
	}
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	if out := h.ok("sync"); !strings.HasPrefix(out, "Synced with") {
		t.Fatalf("with a 0600 file: %q", out)
	}
}

func TestConfigCaldavURL(t *testing.T) {
	h := newHarness(t)
	for _, bad := range []string{"https://rep:hunter2@dav.example.com/cal/", "ftp://example.com/", "not a url"} {
		r := h.run("config", "set", "caldav.url", bad)
		if r.code != 1 || len(stderrLines(r.err)) != 1 || strings.Contains(r.err, "hunter2") {
			t.Errorf("caldav.url %q: exit %d %q", bad, r.code, r.err)
		}
	}
	if out := h.ok("config", "set", "caldav.url", "https://dav.example.com/cal/me/work"); !strings.Contains(out, "https://dav.example.com/cal/me/work/") {
		t.Fatalf("set printed %q", out)
	}
	r := h.run("config", "set", "caldav.user", "rep\x1b[31m")
	if r.code != 1 {
		t.Errorf("a user name with an escape sequence was taken: %q", r.out)
	}
	r = h.run("config", "set", "caldav.password", "x")
	if r.code != 1 || !strings.Contains(r.err, "caldav.url") {
		t.Errorf("caldav.password is not a setting: exit %d %q", r.code, r.err)
	}
}

// TestConfigRefusalsShowTheInputInert: a user name or a currency symbol
// with an escape or an invisible character is refused quoting what was
// typed with its escapes visible — recognisable, and inert — not the text
// cleaned (which read `"" is not a user name`), in both languages.
func TestConfigRefusalsShowTheInputInert(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "王总")
	tests := []struct {
		key, val, want string
	}{
		{"caldav.user", "\x1b]0;x\a", `"\x1b]0;x\a"`},
		{"caldav.user", "rep\x1b[31m", `"rep\x1b[31m"`},
		{"currency", "\x1b[31mX", `"\x1b[31mX"`},
		{"currency", "\u200b$", `"\u200b$"`},
	}
	for _, tc := range tests {
		for _, lang := range []string{"en", "zh"} {
			before := h.dbBytes()
			r := h.run("--lang", lang, "config", "set", tc.key, tc.val)
			if r.code != ExitFail || !strings.Contains(r.err, tc.want) || strings.ContainsAny(r.err, "\x1b\a\u200b") {
				t.Errorf("%s %q (%s): exit %d, stderr %q; want 1 and %s", tc.key, tc.val, lang, r.code, r.err, tc.want)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Errorf("%s: the database changed", tc.key)
			}
		}
	}
}
