package ui

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"salesplan/davsync"
	"salesplan/davsync/davtest"
	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	davtest.StopShared() // the Radicale of the sync key's tests, if one was started
	os.Exit(code)
}

// syncEnv is a planner's environment on a store set up to sync with url
// as the davtest user, the password given by the environment.
func syncEnv(t *testing.T, l i18n.Lang, url, password string) common.Env {
	t.Helper()
	st := uitest.OpenStore(t)
	if err := st.SetSyncConfig(func(c *storage.SyncConfig) error {
		c.URL, c.User = url, davtest.User
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	env := uitest.Env(st, l)
	env.Getenv = func(k string) string {
		if k == davsync.PasswordEnv {
			return password
		}
		return ""
	}
	return env
}

// The sync key in the real planner against a real CalDAV server
// (Radicale): S publishes today's task and promise, the footer says how
// it went in one line, the top line says when; a wrong password is one
// line and changes nothing here.
func TestSyncKeyWithRadicale(t *testing.T) {
	srv := davtest.SharedServer(t)
	cal := srv.NewCalendar(t)
	env := syncEnv(t, i18n.EN, cal, davtest.Password)
	st := env.Store
	c, err := st.AddClient(model.Client{Name: "王总", Tier: model.TierKey}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddTask(model.Task{Title: "拜访王总 冷站", Kind: model.TaskVisit, ClientID: c.ID, Date: uitest.Today, Time: model.ClockAt(15, 0)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddPromise(model.Promise{ClientID: c.ID, Text: "发报价单", Due: uitest.Today.AddDays(3)}, uitest.Today); err != nil {
		t.Fatal(err)
	}
	tm := uitest.Start(t, New(env, Options{NoColor: true}), 80, 24)
	uitest.WaitScreen(t, tm, "Not synced")
	tm.Type("S")
	uitest.WaitScreen(t, tm, "Synced: 2 sent, 0 removed, 0 taken back.")
	uitest.WaitScreen(t, tm, "Synced ")
	if files := srv.Files(t, cal); len(files) != 2 {
		t.Errorf("the calendar holds %v, want the task and the promise", files)
	}
	meta, err := st.SyncMeta()
	if err != nil || !meta.Last.OK || meta.Last.Sent != 2 {
		t.Errorf("the sync state: %+v, %v", meta.Last, err)
	}
	uitest.Finish(t, tm)

	// The same calendar with a wrong password: one line, the top line
	// says it failed, the database is as it was.
	bad := syncEnv(t, i18n.ZH, cal, "wrong")
	before, _ := bad.Store.Revision()
	tm = uitest.Start(t, New(bad, Options{NoColor: true}), 80, 24)
	uitest.WaitScreen(t, tm, "未同步")
	tm.Type("S")
	uitest.WaitScreen(t, tm, "同步失败：CalDAV 服务器")
	uitest.WaitScreen(t, tm, "401")
	m := uitest.Finish(t, tm).(*Model)
	if !strings.Contains(ansi.Strip(m.renderTop()), "同步失败") {
		t.Errorf("the top line does not say the sync failed: %q", ansi.Strip(m.renderTop()))
	}
	if foot := ansi.Strip(m.renderFooter()); strings.Contains(foot, "wrong") || ansi.StringWidth(foot) != 80 {
		t.Errorf("the failure line: %q", foot)
	}
	if after, _ := bad.Store.Revision(); after != before {
		t.Errorf("a refused sync changed the database (revision %d → %d)", before, after)
	}
}

// A sync waits on the server in its own command: keys go on meanwhile (a
// tab switch, a second S says one is on its way), the top line says
// "Syncing…", and a server that answers garbage is one line at the end.
func TestSyncNeverBlocksTyping(t *testing.T) {
	gate := make(chan struct{}) // closed: the server answers
	var once sync.Once
	release := func() { once.Do(func() { close(gate) }) }
	got := make(chan struct{}, 100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- struct{}{}
		<-gate
		fmt.Fprint(w, "<html>not a calendar</html>")
	}))
	defer srv.Close()
	defer release()
	env := syncEnv(t, i18n.EN, srv.URL+"/cal/", "pw")
	tm := uitest.Start(t, New(env, Options{NoColor: true}), 80, 24)
	uitest.WaitScreen(t, tm, "Not synced")
	tm.Type("S")
	select {
	case <-got:
	case <-time.After(5 * time.Second):
		t.Fatal("the sync never reached the server")
	}
	uitest.WaitScreen(t, tm, "Syncing…")
	tm.Type("2") // the Week, while the sync waits
	uitest.WaitScreen(t, tm, "Week 48")
	tm.Type("S")
	uitest.WaitScreen(t, tm, "A sync is already on its way.")
	tm.Type("1")
	uitest.WaitScreen(t, tm, "Fri 27 Nov 2026 · today")
	release()
	uitest.WaitScreen(t, tm, "Sync failed: the CalDAV server")
	uitest.WaitScreen(t, tm, "Sync failed ")
	uitest.Finish(t, tm)
}

// S where sync is not set up says where to set it up; a server that is
// down is one line.
func TestSyncNotSetUpAndServerDown(t *testing.T) {
	env := testEnv(t, i18n.EN)
	m := New(env, Options{Panes: Placeholders}).sized(80, 24)
	uitest.Run(m, m.start())
	uitest.Press(m, "S")
	if s := ansi.Strip(m.renderFooter()); !strings.Contains(s, "Sync is not set up") {
		t.Errorf("footer %q", s)
	}
	if top := ansi.Strip(m.renderTop()); strings.Contains(top, "ync") {
		t.Errorf("the top line speaks of a sync never set up: %q", top)
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := "http://" + l.Addr().String() + "/cal/"
	l.Close()
	env = syncEnv(t, i18n.EN, down, "pw")
	m = New(env, Options{Panes: Placeholders}).sized(80, 24)
	uitest.Run(m, m.start())
	uitest.Press(m, "S")
	foot := ansi.Strip(m.renderFooter())
	if !strings.Contains(foot, "Sync failed: cannot reach the CalDAV server") || strings.Contains(foot, "\n") {
		t.Errorf("footer %q", foot)
	}
	if top := ansi.Strip(m.renderTop()); !strings.Contains(top, "Sync failed 14:05") && !strings.Contains(top, "Sync failed ") {
		t.Errorf("top %q", top)
	}
}

// The top line with the sync's word in every state, at 80 and 120
// columns, in both languages, read by eye in testdata (regenerate: go test
// ./ui -run TestTopLineSyncGolden -update). The quotas keep their place;
// at 80 columns the bars give way to the sync first.
func TestTopLineSyncGolden(t *testing.T) {
	at := uitest.Now.Add(-3 * time.Minute) // 14:02 today
	states := []struct {
		name string
		set  func(s *syncState)
	}{
		{"not set up", func(s *syncState) {}},
		{"never synced", func(s *syncState) { s.configured = true }},
		{"synced today", func(s *syncState) { s.configured, s.last = true, storage.SyncResult{At: at, OK: true} }},
		{"synced before", func(s *syncState) {
			s.configured, s.last = true, storage.SyncResult{At: at.AddDate(0, 0, -1), OK: true}
		}},
		{"failed part-way", func(s *syncState) {
			s.configured, s.last = true, storage.SyncResult{At: at, OK: false, Problem: "sync_http"}
		}},
		{"failed before the server", func(s *syncState) {
			s.configured, s.last = true, storage.SyncResult{At: at.Add(-time.Hour), OK: true}
			s.tried, s.failed = at, true
		}},
		{"syncing", func(s *syncState) { s.configured, s.running = true, true }},
	}
	var b strings.Builder
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, w := range []int{80, 120} {
			for _, st := range states {
				env := uitest.Env(nil, l)
				m := New(env, Options{Panes: Placeholders})
				m.agenda = model.Agenda{Calls: model.Quota{Done: 12, Target: 30}, VisitsWeek: model.VisitQuota{Done: 4, Visits: 6, Target: 20},
					SignedMonth: model.MoneyQuota{Value: 12000000, Target: 50000000}, Attention: make([]model.AttentionItem, 3)}
				m.haveAgend = true
				st.set(&m.sync)
				m.sized(w, 24)
				top := ansi.Strip(m.renderTop())
				if ansi.StringWidth(top) != w {
					t.Errorf("%s %d %s: %d cells", l, w, st.name, ansi.StringWidth(top))
				}
				for _, want := range []string{"12/30", "4/20", "/$500k", "3"} {
					if l == i18n.EN && !strings.Contains(top, want) {
						t.Errorf("%s %d %s: %q lacks %q", l, w, st.name, top, want)
					}
				}
				fmt.Fprintf(&b, "%s %d %s\n%s|\n", l, w, st.name, top)
			}
		}
	}
	golden.RequireEqual(t, b.String())
}

// A sync run elsewhere (cron's `salesplan sync`) writes its result without
// a revision: the top line picks it up on its own poll.
func TestTopLineFollowsASyncRunElsewhere(t *testing.T) {
	env := syncEnv(t, i18n.EN, "https://dav.example.com/rep/work/", "pw")
	tm := uitest.Start(t, New(env, Options{NoColor: true, PollInterval: 20 * time.Millisecond}), 100, 24)
	uitest.WaitScreen(t, tm, "Not synced")
	at := time.Now().Add(-time.Minute)
	if err := env.Store.SaveSync(storage.SyncSave{Result: &storage.SyncResult{At: at, OK: false, Problem: "sync_http"}}); err != nil {
		t.Fatal(err)
	}
	uitest.WaitScreen(t, tm, "Sync failed ")
	uitest.Finish(t, tm)
}
