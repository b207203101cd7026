package settings

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"salesplan/davsync"
	"salesplan/storage"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// fieldIndex of the calendar's fields in the form (after the 16 others).
const (
	iCalURL  = 16
	iCalUser = 17
)

func openSync(t *testing.T, l i18n.Lang, env map[string]string) (*Model, *storage.Store) {
	t.Helper()
	st := uitest.OpenStore(t)
	e := uitest.Env(st, l)
	e.Getenv = func(k string) string { return env[k] }
	m := New(e)
	m.SetSize(100, 40)
	run(m, m.Open())
	if m.form == nil {
		t.Fatal("the settings did not open")
	}
	return m, st
}

// The calendar sync publishes to is set on the settings screen like the
// rest: checked as `config set caldav.url` checks it, stored as it
// stores it, only the keys changed — a user set from the command line
// meanwhile stays.
func TestCalendarSettings(t *testing.T) {
	m, st := openSync(t, i18n.EN, nil)
	uitest.Contains(t, ansi.Strip(m.View()), "Calendar (CalDAV)", "Calendar user", "Password: none found")
	if err := st.SetSyncConfig(func(c *storage.SyncConfig) error { c.User = "rep"; return nil }); err != nil {
		t.Fatal(err)
	}
	setField(m, iCalURL, "https://dav.example.com/rep/work")
	press(m, "ctrl+s")
	if m.Active() {
		t.Fatalf("not saved:\n%s", ansi.Strip(m.View()))
	}
	c, _ := st.SyncConfig()
	if c.URL != "https://dav.example.com/rep/work/" || c.User != "rep" {
		t.Errorf("stored %+v: want the URL as config set stores it, the user set meanwhile kept", c)
	}

	// A URL with a password in it, or not http(s), stays in the form with
	// the reason beside it; nothing is written.
	for _, bad := range []string{"https://rep:s3cret@dav.example.com/work/", "ftp://dav.example.com/"} {
		run(m, m.Open())
		setField(m, iCalURL, bad)
		press(m, "ctrl+s")
		v := ansi.Strip(m.View())
		if !m.Active() || strings.Contains(v, "s3cret@") && !strings.Contains(v, "Calendar (CalDAV)") {
			t.Errorf("%s: the form closed or lost the field:\n%s", bad, v)
		}
		if !strings.Contains(v, "password") && !strings.Contains(v, "not a calendar URL") {
			t.Errorf("%s: no reason beside the field:\n%s", bad, v)
		}
		if got, _ := st.SyncConfig(); got != c {
			t.Errorf("%s: stored %+v", bad, got)
		}
		press(m, "esc")
		press(m, "y")
	}

	// The URL changed both here and elsewhere: refused, the typed URL
	// kept, the stored one said beside it; saving again applies it.
	run(m, m.Open())
	setField(m, iCalURL, "https://mine.example.com/cal/")
	if err := st.SetSyncConfig(func(c *storage.SyncConfig) error { c.URL = "https://theirs.example.com/cal/"; return nil }); err != nil {
		t.Fatal(err)
	}
	press(m, "ctrl+s")
	v := ansi.Strip(m.View())
	if !m.Active() || !strings.Contains(v, "mine.example.com") || !strings.Contains(flat(v), "nowhttps://theirs.example.com/cal/elsewhere") {
		t.Fatalf("the conflict:\n%s", v)
	}
	press(m, "ctrl+s")
	if c, _ := st.SyncConfig(); c.URL != "https://mine.example.com/cal/" || m.Active() {
		t.Errorf("saving again: %+v (open %v)", c, m.Active())
	}
}

// The screen says where the password comes from — the environment, the
// file beside the database, or neither — and never shows it; a file
// others can read is refused with the fix named.
func TestPasswordSource(t *testing.T) {
	const secret = "s3cret-Ω-密码"
	m, _ := openSync(t, i18n.EN, map[string]string{davsync.PasswordEnv: secret})
	v := ansi.Strip(m.View())
	uitest.Contains(t, flat(v), "Password:fromSALESPLAN_CALDAV_PASSWORD")
	if strings.Contains(v, secret) {
		t.Errorf("the password is on screen:\n%s", v)
	}

	m, st := openSync(t, i18n.ZH, nil)
	file := davsync.PasswordFile(st.Path())
	if err := os.WriteFile(file, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run(m, m.Open())
	v = ansi.Strip(m.View())
	uitest.Contains(t, flat(v), "密码：取自数据库旁的salesplan.caldav-password")
	if strings.Contains(v, secret) {
		t.Errorf("the password is on screen:\n%s", v)
	}
	if err := os.Chmod(file, 0o644); err != nil {
		t.Fatal(err)
	}
	run(m, m.Open())
	uitest.Contains(t, flat(ansi.Strip(m.View())), "他人可读", "chmod600")
}

// flat is a view's text without spaces and the form's frame, so that a
// hint wrapped over lines reads as one.
func flat(v string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(v, "│", "")), "")
}
