package callsheet

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/components/note"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func open(t *testing.T, l i18n.Lang, w, h int) (*Sheet, *storage.Store, uitest.IDs) {
	t.Helper()
	st := uitest.OpenStore(t)
	ids := uitest.SeedClients(t, st)
	m, cmd := New(uitest.EnvAt(st, l, uitest.Morning))
	m.SetSize(w, h)
	uitest.Run(m, cmd)
	if !m.ready {
		t.Fatal("the call sheet did not load")
	}
	return m, st, ids
}

func plain(m *Sheet) string { return uitest.Plain(m.View()) }

// The sheet at two sizes in both languages, read by eye in testdata/
// (regenerate: go test ./ui/screens/callsheet -run TestGolden -update).
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 80, 24}, {i18n.EN, 120, 40}, {i18n.ZH, 80, 24}, {i18n.ZH, 120, 40}} {
		t.Run(fmt.Sprintf("%s_%dx%d", tt.lang, tt.w, tt.h), func(t *testing.T) {
			m, _, _ := open(t, tt.lang, tt.w, tt.h)
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, plain(m))
		})
	}
}

func TestCallSheet(t *testing.T) {
	m, st, ids := open(t, i18n.EN, 100, 30)
	if len(m.queue) != 3 {
		t.Fatalf("sheet with %d clients", len(m.queue))
	}
	v := plain(m)
	uitest.Contains(t, v, "Call sheet · 1 of 3", "王总", "138 0000 1111", "王总本人", "钓鱼", "要报价单", "发报价单给采购部",
		"also near 朝阳: 李经理")

	// 王总: called, with the outcome.
	uitest.Press(m, "c")
	uitest.Type(m, "will send the quote today")
	uitest.Press(m, "enter")
	uitest.Contains(t, plain(m), "Call sheet · 2 of 3", "李经理", "called 1", "also near 朝阳: 王总")
	d, _ := st.ClientDetail(ids.Wang, uitest.Today, 1)
	if d.Journal[0].Kind != model.EntryCall || d.Journal[0].Text != "will send the quote today" {
		t.Errorf("call not recorded: %+v", d.Journal[0])
	}

	// 李经理: a note (the shell's note flow, for the sheet's client; the
	// sheet stays), then book a visit for tomorrow (moves on).
	f, cmd := note.New(uitest.EnvAt(st, i18n.EN, uitest.Morning), m.ContextClient())
	uitest.Run(f, cmd)
	uitest.Type(f, "prefers mornings")
	for _, msg := range uitest.Press(f, "ctrl+s") {
		uitest.Send(m, msg) // the shell hands data changed to the screens
	}
	if c, _ := m.current(); c.ID != ids.Li || !f.Closed() {
		t.Fatalf("the note moved the sheet on (or was not saved)")
	}
	uitest.Press(m, "b")
	uitest.Contains(t, plain(m), "also near 朝阳: 王总")
	uitest.Type(m, "tomorrow")
	uitest.Press(m, "enter")
	tasks, _ := st.TasksOn(uitest.D(time.November, 28))
	booked := false
	for _, tk := range tasks {
		if tk.ClientID == ids.Li && tk.Kind == model.TaskVisit {
			booked = true
		}
	}
	if !booked {
		t.Errorf("no visit booked for 李经理 tomorrow: %+v", tasks)
	}
	// The visit was booked on a call: the call is recorded with it.
	calls := 0
	rows, _ := st.JournalOn(uitest.Today, ids.Li)
	for _, r := range rows {
		if r.Kind == model.EntryCall {
			calls++
		}
	}
	if calls != 1 {
		t.Errorf("the call that booked the visit: %+v", rows)
	}

	// ACME: a promise (stays), then skip.
	uitest.Contains(t, plain(m), "Call sheet · 3 of 3", "ACME Ltd", "+86 10 5555 0100")
	uitest.Press(m, "p")
	uitest.Type(m, "Call back with the price")
	uitest.Press(m, "tab")
	uitest.Type(m, "+2d")
	uitest.Press(m, "enter")
	uitest.Press(m, "s")
	uitest.Contains(t, plain(m), "Done: all 3 clients", "called 2 · skipped 1 · visits booked 1")
	if d, _ := st.ClientDetail(ids.Acme, uitest.Today, 0); len(d.Promises) != 2 {
		t.Errorf("ACME's promise not saved: %+v", d.Promises)
	}
	uitest.Press(m, "esc")
	if !m.Closed() {
		t.Error("esc did not leave the sheet")
	}
}

// Keys on the call sheet act at once, even while the next client's notes
// are still loading: a quick "s s" skips two clients.
func TestCallSheetKeysBeforeDetailLoads(t *testing.T) {
	m, _, _ := open(t, i18n.EN, 100, 30)
	if !m.loaded {
		t.Fatal("the first client's detail did not load")
	}
	skip := tea.KeyPressMsg{Code: 's', Text: "s"}
	m.Update(skip) // its load command is not run: the detail stays unloaded
	if m.Busy() {
		t.Error("the sheet holds keys while the next client's notes load")
	}
	m.Update(skip)
	if m.i != 2 || m.skipped != 2 {
		t.Errorf("after s s: client %d of the queue, %d skipped; want 2 and 2", m.i, m.skipped)
	}
}

// Every key the sheet lists has help text, and no key does two things.
func TestHelpKeys(t *testing.T) {
	m, _, _ := open(t, i18n.ZH, 100, 30)
	seen := map[string]string{}
	var all []key.Binding
	for _, col := range m.FullHelp() {
		all = append(all, col...)
	}
	all = append(all, m.ShortHelp()...)
	for _, b := range all {
		h := b.Help()
		if h.Key == "" || h.Desc == "" || h.Desc[0] == '!' {
			t.Errorf("binding %v has no help (%q)", b.Keys(), h.Desc)
		}
		for _, k := range b.Keys() {
			if prev, ok := seen[k]; ok && prev != h.Desc {
				t.Errorf("key %q is both %q and %q", k, prev, h.Desc)
			}
			seen[k] = h.Desc
		}
	}
	if !strings.Contains(fmt.Sprint(seen), "s:") {
		t.Errorf("no skip key: %v", seen)
	}
}

// The end of the sheet counts in English that reads: "the one client due"
// for one, "all 3 clients due" for more (TestCallSheet).
func TestDoneWithOneClient(t *testing.T) {
	st := uitest.OpenStore(t)
	if _, err := st.AddClient(model.Client{Name: "王总", Tier: model.TierKey, CreatedOn: uitest.D(time.October, 1)}, uitest.D(time.October, 1)); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang i18n.Lang
		want string
	}{{i18n.EN, "Done: the one client due has had a turn."}, {i18n.ZH, "完成：该跟进的客户已过了一遍。"}} {
		m, cmd := New(uitest.EnvAt(st, tt.lang, uitest.Morning))
		m.SetSize(100, 30)
		uitest.Run(m, cmd)
		if len(m.queue) != 1 {
			t.Fatalf("a sheet of %d clients, want 1", len(m.queue))
		}
		uitest.Press(m, "s")
		if v := plain(m); !strings.Contains(v, tt.want) || strings.Contains(v, "1 clients") {
			t.Errorf("%s: the end of a one-client sheet:\n%s", tt.lang, v)
		}
	}
}

// With no client due the sheet says so, and its footer and help offer only
// what works there — esc back —, not the keys about a client; the same
// once every client due has had a turn. In both languages.
func TestEmptySheetOffersOnlyEsc(t *testing.T) {
	helpKeys := func(m *Sheet) []string {
		var out []string
		for _, b := range m.ShortHelp() {
			out = append(out, b.Help().Key)
		}
		for _, col := range m.FullHelp() {
			for _, b := range col {
				out = append(out, b.Help().Key)
			}
		}
		return out
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		st := uitest.OpenStore(t)
		m, cmd := New(uitest.EnvAt(st, l, uitest.Morning))
		m.SetSize(80, 24)
		uitest.Run(m, cmd)
		if !strings.Contains(plain(m), l.T("clients.sheet.none")) {
			t.Fatalf("%s: the empty sheet:\n%s", l, plain(m))
		}
		if got := helpKeys(m); strings.Join(got, ",") != "esc,esc" {
			t.Errorf("%s: the empty sheet offers %q, want only esc", l, got)
		}

		// Every client due had a turn: again only esc.
		if _, err := st.AddClient(model.Client{Name: "王总", Tier: model.TierKey, CreatedOn: uitest.D(time.October, 1)}, uitest.D(time.October, 1)); err != nil {
			t.Fatal(err)
		}
		m, cmd = New(uitest.EnvAt(st, l, uitest.Morning))
		m.SetSize(80, 24)
		uitest.Run(m, cmd)
		if got := helpKeys(m); len(got) < 6 {
			t.Errorf("%s: a sheet with a client offers only %q", l, got)
		}
		uitest.Press(m, "s")
		if got := helpKeys(m); strings.Join(got, ",") != "esc,esc" {
			t.Errorf("%s: the finished sheet offers %q, want only esc", l, got)
		}
	}
}
