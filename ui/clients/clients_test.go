package clients

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// open builds a loaded pane over the seeded store.
func open(t *testing.T, l i18n.Lang, w, h int) (*Model, *storage.Store, uitest.IDs) {
	t.Helper()
	st := uitest.OpenStore(t)
	ids := uitest.SeedClients(t, st)
	m := newModel(uitest.EnvAt(st, l, uitest.Morning))
	m.SetSize(w, h)
	uitest.Run(m, m.Init())
	if !m.loaded {
		t.Fatal("the list did not load")
	}
	return m, st, ids
}

func plain(m *Model) string { return ansi.Strip(m.View()) }

func names(m *Model) []string {
	var out []string
	for _, i := range m.shown {
		out = append(out, m.rows[i].Name)
	}
	return out
}

func contains(t *testing.T, view string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(view, w) {
			t.Errorf("screen lacks %q:\n%s", w, view)
		}
	}
}

// The pane's screens at two sizes in both languages, read by eye in
// testdata/ (regenerate: go test ./ui/clients -run TestGolden -update).
func TestGolden(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"detail", []string{"enter"}},
		{"brief", []string{"b"}},
		{"journal", []string{"enter", "J", "j"}},
		{"entry", []string{"enter", "J", "j", "e"}},
	}
	for _, sc := range screens {
		for _, tt := range []struct {
			lang i18n.Lang
			w, h int
		}{{i18n.EN, 80, 24}, {i18n.EN, 120, 40}, {i18n.ZH, 80, 24}, {i18n.ZH, 120, 40}} {
			t.Run(fmt.Sprintf("%s_%s_%dx%d", sc.name, tt.lang, tt.w, tt.h), func(t *testing.T) {
				m, _, _ := open(t, tt.lang, tt.w, tt.h)
				uitest.Press(m, sc.keys...)
				uitest.CheckSize(t, m.View(), tt.w, tt.h)
				golden.RequireEqual(t, plain(m))
			})
		}
	}
}

func TestListOrderSortAndFilter(t *testing.T) {
	m, _, _ := open(t, i18n.EN, 100, 30)
	// Due first (key before regular, most overdue first), the scheduled
	// 陈工 after the due ones, the archived client nowhere.
	want := "王总 李经理 ACME Ltd"
	if got := strings.Join(names(m)[:3], " "); got != want {
		t.Errorf("due sort starts %q, want %q", got, want)
	}
	for _, n := range names(m) {
		if n == "旧客户" {
			t.Error("the archived client is listed")
		}
	}
	v := plain(m)
	contains(t, v, "10 days overdue", "scheduled", "never", "★ 王总")

	// By name: Latin first, any case, then Chinese by pinyin (chen, li,
	// wang, zhao), not by code point (李 王 赵 陈).
	uitest.Press(m, "s")
	if got := strings.Join(names(m), " "); got != "ACME Ltd Lisa Wang 陈工 李经理 王总 赵总" {
		t.Errorf("name sort %q", got)
	}
	// By area, by pinyin too (chaoyang, dongcheng, fengtai, haidian,
	// xicheng), then by name.
	uitest.Press(m, "s")
	var areas []string
	for _, i := range m.shown {
		areas = append(areas, m.rows[i].Area+":"+m.rows[i].Name)
	}
	if got := strings.Join(areas, " "); got != "朝阳:李经理 朝阳:王总 东城:陈工 丰台:赵总 海淀:ACME Ltd 西城:Lisa Wang" {
		t.Errorf("area sort %q", got)
	}

	uitest.Press(m, "f") // key clients
	if got := strings.Join(names(m), " "); strings.Contains(got, "ACME") || len(m.shown) != 3 {
		t.Errorf("key filter shows %q", got)
	}
	uitest.Press(m, "f") // due
	if len(m.shown) != 3 {
		t.Errorf("due filter shows %v", names(m))
	}
	uitest.Press(m, "f") // all again
	if len(m.shown) != 6 {
		t.Errorf("all shows %v", names(m))
	}
}

func TestFilterTyping(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"朝阳", []string{"王总", "李经理"}},  // area
		{"钓鱼", []string{"王总"}},         // interests (the profile's notes)
		{"acme", []string{"ACME Ltd"}}, // any case
		{"semiconductor", []string{"ACME Ltd"}},
		{"望京 冷冻", []string{"王总"}}, // every term must match
		{"nobody", nil},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			m, _, _ := open(t, i18n.ZH, 100, 30)
			uitest.Press(m, "/")
			uitest.Type(m, tc.query)
			if got := names(m); strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("typing %q shows %v, want %v", tc.query, got, tc.want)
			}
			uitest.Press(m, "enter")
			if m.Capturing() {
				t.Fatal("enter did not close the filter")
			}
			if tc.want == nil && !strings.Contains(plain(m), "没有匹配的客户") {
				t.Errorf("no 'none match' line:\n%s", plain(m))
			}
			uitest.Press(m, "esc")
			if len(m.shown) != 6 {
				t.Errorf("esc left %d rows", len(m.shown))
			}
		})
	}
}

// "by name" sorts Chinese names by pinyin, as the rep reads them, not by
// code point (孙总, 张工, 新客户, 李经理, 王总, 赵总); Latin ones, any case,
// come first.
func TestSortByNamePinyin(t *testing.T) {
	st := uitest.OpenStore(t)
	for _, n := range []string{"孙总", "张工", "新客户", "李经理", "王总", "赵总", "bright co", "ACME Ltd"} {
		if _, err := st.AddClient(model.Client{Name: n}, uitest.Today); err != nil {
			t.Fatal(err)
		}
	}
	m := newModel(uitest.EnvAt(st, i18n.ZH, uitest.Morning))
	m.SetSize(80, 24)
	uitest.Run(m, m.Init())
	uitest.Press(m, "s")
	if m.sort != sortName {
		t.Fatalf("s gave sort %d", m.sort)
	}
	if got, want := strings.Join(names(m), " "), "ACME Ltd bright co 李经理 孙总 王总 新客户 张工 赵总"; got != want {
		t.Errorf("by name: %q, want %q", got, want)
	}
}

// A name already taken is refused beside the name, naming the client as
// stored ("ACME Ltd", not the "acme ltd" typed); once the name is edited
// the refusal goes, in both languages.
func TestDuplicateNameError(t *testing.T) {
	for _, tt := range []struct {
		lang      i18n.Lang
		want, not string
	}{
		{i18n.EN, `there is already a client named "ACME Ltd"`, `"acme ltd"`},
		{i18n.ZH, "已有名为“ACME Ltd”的客户", "“acme ltd”"},
	} {
		m, _, _ := open(t, tt.lang, 100, 30)
		uitest.Press(m, "a")
		uitest.Type(m, "acme ltd")
		uitest.Press(m, "ctrl+s")
		if v := plain(m); !strings.Contains(v, tt.want) || strings.Contains(v, tt.not) {
			t.Fatalf("%s: want %q beside the name, not %q:\n%s", tt.lang, tt.want, tt.not, v)
		}
		uitest.Type(m, " Beijing")
		if v := plain(m); strings.Contains(v, tt.want) {
			t.Errorf("%s: the refusal stays under the name edited:\n%s", tt.lang, v)
		}
	}
}

func TestAddClient(t *testing.T) {
	m, st, _ := open(t, i18n.EN, 100, 30)
	uitest.Press(m, "a")
	uitest.Press(m, "ctrl+s")
	if !strings.Contains(plain(m), "a name is needed") {
		t.Fatalf("empty name accepted:\n%s", plain(m))
	}
	uitest.Type(m, "王总") // a duplicate
	uitest.Press(m, "ctrl+s")
	if !strings.Contains(plain(m), "already a client named") {
		t.Fatalf("duplicate not shown beside the name:\n%s", plain(m))
	}
	for range 2 {
		uitest.Press(m, "backspace")
	}
	m.Update(uitest.Key("backspace"))
	uitest.Type(m, "孙工")
	uitest.Press(m, "tab")
	uitest.Type(m, "东城区改造项目部")
	uitest.Press(m, "tab", "right", "tab") // tier: key
	uitest.Type(m, "东城")
	for range 7 {
		uitest.Press(m, "tab")
	}
	uitest.Type(m, "x")
	uitest.Press(m, "ctrl+s")
	if !strings.Contains(plain(m), "out of range") {
		t.Fatalf("bad cadence accepted:\n%s", plain(m))
	}
	m.Update(uitest.Key("backspace"))
	uitest.Type(m, "14")
	msgs := uitest.Press(m, "ctrl+s")
	if m.Capturing() {
		t.Fatalf("the form stayed open: %v\n%s", uitest.Statuses(msgs), plain(m))
	}
	c, err := st.FindClient("孙工")
	if err != nil {
		t.Fatal(err)
	}
	if c.Company != "东城区改造项目部" || c.Tier != model.TierKey || c.Area != "东城" || c.CadenceDays != 14 || c.CreatedOn != uitest.Today {
		t.Errorf("saved %+v", c)
	}
	if m.screen != screenDetail || m.det.id != c.ID {
		t.Errorf("the new client's detail is not open")
	}
	contains(t, plain(m), "孙工", "14 days")
}

func TestDetailActions(t *testing.T) {
	m, st, ids := open(t, i18n.EN, 100, 30)
	uitest.Press(m, "enter")
	if m.det.id != ids.Wang {
		t.Fatalf("enter opened %d", m.det.id)
	}
	v := plain(m)
	contains(t, v, "王总 · 望京华建 · 朝阳", "Decision maker", "王总本人", "Open promises · 1", "2 days overdue",
		"[望京华建大厦] 发报价单给采购部", "Upcoming tasks · 1", "准备投标文件", "望京华建大厦 · bidding", "Journal · 3")
	// Newest first.
	if a, b := strings.Index(v, "王总说下个月预算批下来"), strings.Index(v, "现场踏勘冷站"); a < 0 || b < 0 || a > b {
		t.Errorf("journal not newest first:\n%s", v)
	}

	// c records a call with its text.
	uitest.Press(m, "c")
	uitest.Type(m, "约好周一看样")
	uitest.Press(m, "ctrl+s")
	d, err := st.ClientDetail(ids.Wang, uitest.Today, 0)
	if err != nil {
		t.Fatal(err)
	}
	if d.Journal[0].Kind != model.EntryCall || d.Journal[0].Text != "约好周一看样" || d.Row.LastContact != uitest.Today {
		t.Errorf("call not recorded: %+v", d.Journal[0])
	}

	// p records a promise due on a date word.
	uitest.Press(m, "p")
	uitest.Type(m, "寄样品")
	uitest.Press(m, "tab")
	uitest.Type(m, "mon")
	uitest.Press(m, "ctrl+s")
	d, _ = st.ClientDetail(ids.Wang, uitest.Today, 0)
	found := false
	for _, p := range d.Promises {
		if p.Text == "寄样品" && p.Due == uitest.D(time.November, 30) && p.Status == model.PromiseOpen {
			found = true
		}
	}
	if !found {
		t.Errorf("promise not saved: %+v", d.Promises)
	}
	contains(t, plain(m), "Open promises · 2", "寄样品")

	// * makes 王总 a regular client, and back.
	uitest.Press(m, "*")
	if c, _ := st.Client(ids.Wang); c.Tier != model.TierRegular {
		t.Errorf("tier %s after *", c.Tier)
	}
	uitest.Press(m, "*")
	if c, _ := st.Client(ids.Wang); c.Tier != model.TierKey {
		t.Errorf("tier %s after * *", c.Tier)
	}

	// e edits every field; the name stays unique.
	uitest.Press(m, "e")
	for range 5 {
		uitest.Press(m, "tab")
	}
	uitest.Type(m, "；新厂房")
	uitest.Press(m, "ctrl+s")
	if c, _ := st.Client(ids.Wang); c.Business != "机电总包；新厂房" {
		t.Errorf("business %q after edit", c.Business)
	}

	// d archives, back to the list; u (the shell's undo) brings it back.
	msgs := uitest.Press(m, "d")
	if m.screen != screenList {
		t.Error("archive did not go back to the list")
	}
	if c, _ := st.Client(ids.Wang); !c.Archived {
		t.Error("not archived")
	}
	for _, n := range names(m) {
		if n == "王总" {
			t.Error("the archived client is still listed")
		}
	}
	if s := uitest.Statuses(msgs); len(s) == 0 || !strings.Contains(s[0], "Archived 王总") {
		t.Errorf("statuses %v", s)
	}
	if _, err := st.Undo(); err != nil {
		t.Fatal(err)
	}
	if c, _ := st.Client(ids.Wang); c.Archived {
		t.Error("undo did not bring the client back")
	}
	if d, _ := st.ClientDetail(ids.Wang, uitest.Today, 0); len(d.Journal) != 4 {
		t.Errorf("history lost: %d entries", len(d.Journal))
	}
}

func TestOpenClientMsg(t *testing.T) {
	m, _, ids := open(t, i18n.EN, 100, 30)
	_, cmd := m.Update(commonOpen(ids.Acme))
	uitest.Run(m, cmd)
	if m.screen != screenDetail || m.det.id != ids.Acme {
		t.Fatalf("OpenClientMsg did not open ACME")
	}
	contains(t, plain(m), "ACME Ltd", "Send the pump curves", "tomorrow")
	uitest.Press(m, "esc")
	if r, _ := m.selected(); m.screen != screenList || r.ID != ids.Acme {
		t.Errorf("esc did not come back to ACME's row")
	}
}

// Text stored by another way than the note box (the command line, an
// import) keeps its escapes in the store and is still shown inert and
// wrapped in the journal.
func TestJournalShownInert(t *testing.T) {
	m, st, ids := open(t, i18n.EN, 80, 24)
	uitest.Press(m, "enter")
	long := strings.Repeat("很长的一行没有空格", 30)
	raw := "raw\x1b[2J\x1b]0;title\x07\t" + long
	if _, err := st.AddEntry(model.JournalEntry{ClientID: ids.Wang, Kind: model.EntryNote, At: uitest.Morning.Add(time.Minute), Text: raw}); err != nil {
		t.Fatal(err)
	}
	uitest.Run(m, m.reload())
	v := m.View()
	uitest.CheckSize(t, v, 80, 24)
	if strings.ContainsAny(ansi.Strip(v), "\x1b\x07\t") || strings.Contains(v, "title") {
		t.Errorf("journal not inert: %q", v)
	}
	if !strings.Contains(plain(m), "很长的一行没有空格很长") {
		t.Errorf("the long line is not shown:\n%s", plain(m))
	}
	if d, _ := st.ClientDetail(ids.Wang, uitest.Today, 1); d.Journal[0].Text != raw {
		t.Errorf("the store changed the text: %q", d.Journal[0].Text)
	}
}

func TestBrief(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, _, _ := open(t, l, 80, 24)
		uitest.Press(m, "b")
		if !m.Capturing() {
			t.Fatal("b did not open the brief")
		}
		v := plain(m)
		uitest.CheckSize(t, m.View(), 80, 24)
		want := []string{"王总本人", "钓鱼", "要报价单", "发报价单给采购部", "望京华建大厦"}
		for _, w := range want {
			if !strings.Contains(v, w) {
				// Below the fold: scroll.
				uitest.Press(m, "space")
				v += plain(m)
			}
		}
		contains(t, v, want...)
		uitest.Press(m, "esc")
		if m.Capturing() {
			t.Error("esc did not close the brief")
		}
	}
}

// e in the Clients pane's own brief (from the list or the detail) opens
// the client's edit form; saving or cancelling it shows the brief again,
// as the client is now.
func TestBriefEditsClient(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, from := range [][]string{nil, {"enter"}} {
			m, st, ids := open(t, l, 80, 24)
			uitest.Press(m, from...)
			uitest.Press(m, "b")
			if !strings.Contains(plain(m), l.T("form.key.e_edit_client")) {
				t.Fatalf("the brief does not offer e:\n%s", plain(m))
			}
			uitest.Press(m, "e")
			if !m.host.Is(dlgEditClient) || !strings.Contains(plain(m), l.T("clients.form.edit", "王总")) {
				t.Fatalf("%s %v: e in the brief did not open the edit form:\n%s", l, from, plain(m))
			}
			uitest.Press(m, "tab")
			uitest.Type(m, "Holdings")
			uitest.Press(m, "ctrl+s")
			if c, _ := st.Client(ids.Wang); !strings.HasSuffix(c.Company, "Holdings") {
				t.Fatalf("company %q not saved", c.Company)
			}
			if !m.host.Is(dlgPopup) || !strings.Contains(plain(m), "Holdings") {
				t.Fatalf("%s %v: after saving, the brief is not back with the change:\n%s", l, from, plain(m))
			}
			uitest.Press(m, "e", "esc")
			if !m.host.Is(dlgPopup) {
				t.Fatalf("%s %v: after esc on the form, the brief is not back:\n%s", l, from, plain(m))
			}
			uitest.Press(m, "esc")
			if m.Capturing() || (m.screen == screenDetail) != (from != nil) {
				t.Errorf("%s %v: esc on the brief left screen %d", l, from, m.screen)
			}
		}
	}
}

// The client's card keeps drawn lines; a new currency (Env.Prefs changed
// and PrefsChangedMsg sent, as the shell does after a save) redraws them.
func TestDetailRedrawsInNewCurrency(t *testing.T) {
	st := uitest.OpenStore(t)
	ids := uitest.SeedClients(t, st)
	env := uitest.EnvAt(st, i18n.EN, uitest.Morning)
	env.Prefs = common.NewPrefs("")
	m := newModel(env)
	m.SetSize(120, 40)
	uitest.Run(m, m.Init())
	uitest.Send(m, commonOpen(ids.Wang))
	contains(t, plain(m), "$1,200,000")
	env.Prefs.Set("€")
	uitest.Send(m, common.PrefsChangedMsg{})
	if s := plain(m); !strings.Contains(s, "€1,200,000") || strings.Contains(s, "$") {
		t.Errorf("the card after the currency changed:\n%s", s)
	}
}

// An entry a search found that is older than the journal the card reads
// (the latest 300) is still shown: the whole journal is read, the entry
// scrolled to and highlighted; esc takes the highlight away.
func TestDetailShowsOldEntryFromSearch(t *testing.T) {
	st := uitest.OpenStore(t)
	ids := uitest.SeedClients(t, st)
	old, err := st.AddEntry(model.JournalEntry{ClientID: ids.Wang, Kind: model.EntryNote,
		At: time.Date(2025, 3, 1, 9, 0, 0, 0, time.Local), Text: "女儿明年高考"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range journalLimit + 5 {
		if _, err := st.AddEntry(model.JournalEntry{ClientID: ids.Wang, Kind: model.EntryCall,
			At: time.Date(2025, 4, 1, 9, 0, 0, 0, time.Local).AddDate(0, 0, i), Text: fmt.Sprintf("call %d", i+1)}); err != nil {
			t.Fatal(err)
		}
	}
	m := newModel(uitest.EnvAt(st, i18n.EN, uitest.Morning))
	m.SetSize(100, 30)
	uitest.Run(m, m.Init())
	uitest.Send(m, common.OpenClientMsg{ID: ids.Wang, Entry: old.ID})
	v := plain(m)
	if !strings.Contains(v, "› 2025-03-01  note     女儿明年高考") || strings.Contains(v, "Phone") {
		t.Fatalf("the card does not show the old note, scrolled to and highlighted:\n%s", v)
	}
	uitest.Press(m, "esc")
	uitest.Press(m, "enter")
	if v := plain(m); strings.Contains(v, "›") && strings.Contains(v, "2025-03-01") {
		t.Errorf("the highlight stayed after esc:\n%s", v)
	}
}

// At 80 columns the heads are whole words ("Promises", not "Prom"), in
// both languages; the company, free text, gives up the room. The selected
// client is marked with the lists' cursor mark.
func TestHeadsAndMarkAt80(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, _, _ := open(t, l, 80, 24)
		lines := strings.Split(plain(m), "\n")
		head := lines[1]
		for _, k := range []string{"clients.col.name", "clients.col.company", "clients.col.area", "clients.col.last",
			"clients.col.next", "clients.col.promises"} {
			if !strings.Contains(head, l.T(k)) {
				t.Errorf("%s: the head %q is cut: %q", l, l.T(k), head)
			}
		}
		if !strings.HasPrefix(lines[2], common.CursorMark) || strings.HasPrefix(lines[3], common.CursorMark) {
			t.Errorf("%s: the first row, selected, is not marked (or another is):\n%s", l, plain(m))
		}
		uitest.Press(m, "j")
		lines = strings.Split(plain(m), "\n")
		if strings.HasPrefix(lines[2], common.CursorMark) || !strings.HasPrefix(lines[3], common.CursorMark) {
			t.Errorf("%s: j does not move the mark:\n%s", l, plain(m))
		}
	}
}

// At 60 columns (the smallest terminal the planner supports) every row
// fits: the last contact, then the company, give up their columns rather
// than the name being cut to a few letters and the promises' count to
// "…"; the heads that stay are whole words.
func TestNarrowListKeepsNameAndPromises(t *testing.T) {
	for _, tt := range []struct {
		l       i18n.Lang
		w       int
		gone    []string
		minName int
	}{
		{i18n.EN, 60, []string{"clients.col.last"}, 12},
		{i18n.ZH, 60, []string{"clients.col.last"}, 12},
		{i18n.EN, 66, []string{"clients.col.last"}, 12},
		{i18n.EN, 80, nil, 20},
		{i18n.ZH, 80, nil, 20},
	} {
		m, _, _ := open(t, tt.l, tt.w, 16)
		uitest.CheckSize(t, m.View(), tt.w, 16)
		lines := strings.Split(plain(m), "\n")
		head := lines[1]
		for _, k := range []string{"clients.col.name", "clients.col.area", "clients.col.next", "clients.col.promises"} {
			if !strings.Contains(head, tt.l.T(k)) {
				t.Errorf("%s %d: the head %q is cut or gone: %q", tt.l, tt.w, tt.l.T(k), head)
			}
		}
		for _, k := range tt.gone {
			if strings.Contains(head, tt.l.T(k)) {
				t.Errorf("%s %d: %q still takes a column: %q", tt.l, tt.w, tt.l.T(k), head)
			}
		}
		if c := m.columns(); c.name < tt.minName {
			t.Errorf("%s %d: the name gets %d cells, want at least %d", tt.l, tt.w, c.name, tt.minName)
		}
		for i, idx := range m.shown {
			if i+2 >= len(lines) {
				break
			}
			r, line := m.rows[idx], strings.TrimRight(lines[i+2], " ")
			if r.OpenPromises > 0 && !strings.HasSuffix(line, fmt.Sprint(r.OpenPromises)) {
				t.Errorf("%s %d: %s's row does not end with its %d open promises: %q", tt.l, tt.w, r.Name, r.OpenPromises, line)
			}
			if strings.HasSuffix(line, "…") {
				t.Errorf("%s %d: %s's row is cut at the edge: %q", tt.l, tt.w, r.Name, line)
			}
		}
	}
}

// A search hit on an entry opens the card with that entry selected: e
// edits it, not the client; esc goes back to the search. J on a card
// opened from the list selects the newest entry; esc leaves the journal,
// and e is the client's again.
func TestJournalCursor(t *testing.T) {
	m, st, ids := open(t, i18n.EN, 80, 24)
	d, err := st.ClientDetail(ids.Wang, uitest.Today, 0)
	if err != nil {
		t.Fatal(err)
	}
	oldest := d.Journal[len(d.Journal)-1]
	uitest.Send(m, common.OpenClientMsg{ID: ids.Wang, Entry: oldest.ID})
	contains(t, plain(m), "› 2026-11-05  visit")
	uitest.Press(m, "e")
	contains(t, plain(m), "Edit the visit to 王总, 5 Nov", "现场踏勘冷站")
	uitest.Press(m, "esc")
	msgs := uitest.Press(m, "esc")
	if m.screen != screenList || len(msgs) == 0 {
		t.Errorf("esc on a search hit's entry did not go back (screen %d, %v)", m.screen, msgs)
	}

	uitest.Press(m, "enter", "J")
	contains(t, plain(m), "› 2026-11-12  note")
	uitest.Press(m, "esc")
	if v := plain(m); strings.Contains(v, "›") || m.screen != screenDetail {
		t.Errorf("esc did not leave the journal for the card:\n%s", v)
	}
	uitest.Press(m, "e")
	contains(t, plain(m), "Edit 王总")
}

// The help says what esc does on the journal: leave it, or, on a search
// hit's card, go back.
func TestJournalEscHelp(t *testing.T) {
	m, _, ids := open(t, i18n.EN, 80, 24)
	escSays := func() string {
		for _, b := range m.ShortHelp() {
			if b.Help().Key == "esc" {
				return b.Help().Desc
			}
		}
		return ""
	}
	uitest.Press(m, "enter", "J")
	if got := escSays(); got != "leave journal" {
		t.Errorf("esc on the journal says %q", got)
	}
	uitest.Press(m, "esc", "esc")
	d := m.det.d.Journal
	uitest.Send(m, common.OpenClientMsg{ID: ids.Wang, Entry: d[1].ID})
	if got := escSays(); got != "back" {
		t.Errorf("esc on a search hit's entry says %q", got)
	}
}
