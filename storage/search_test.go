package storage

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// RemoveAfterTests removes dir when the test binary ends (for the
// benchmarks of package storage_test, which build the ten-year database
// with package demo).
func RemoveAfterTests(dir string) { benchDirs = append(benchDirs, dir) }

// hitIDs lists hits as "kind id" for comparisons.
func hitIDs(hits []SearchHit) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, fmt.Sprintf("%s %d", h.Kind, h.ID))
	}
	return out
}

func mustSearch(t *testing.T, s *Store, q string, kind SearchKind, limit int) SearchResult {
	t.Helper()
	res, err := s.Search(q, kind, limit)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return res
}

// searchFixture: a key client whose note says his daughter sits the
// gaokao, a few more records of every kind.
func searchFixture(t *testing.T) (*Store, map[string]model.ID) {
	t.Helper()
	s := newStore(t)
	ids := map[string]model.ID{}
	wang, err := s.AddClient(model.Client{Name: "王总", Tier: model.TierKey, Company: "北京宏达机电", Area: "朝阳",
		Phone: "138 0000 1234", Interests: "钓鱼, golf"}, d("2020-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	acme, err := s.AddClient(model.Client{Name: "ACME Trading Ltd", Area: "Haidian", Needs: "Chillers for the new plant"}, d("2021-05-10"))
	if err != nil {
		t.Fatal(err)
	}
	ids["wang"], ids["acme"] = wang.ID, acme.ID
	ids["gaokao"] = mustEntry(t, s, model.JournalEntry{ClientID: wang.ID, Kind: model.EntryNote,
		At: at("2026-03-02", 10), Text: "王总女儿明年高考，别约周末"}).ID
	ids["call"] = mustEntry(t, s, model.JournalEntry{ClientID: acme.ID, Kind: model.EntryCall,
		At: at("2026-11-20", 9), Text: "Discussed the revised Quotation; they compare suppliers."}).ID
	ids["decoy"] = mustEntry(t, s, model.JournalEntry{ClientID: wang.ID, Kind: model.EntryVisit,
		At: at("2026-10-01", 15), Text: "明年去年高考的事都聊了"}).ID
	ids["task"] = mustTask(t, s, model.Task{Title: "给王总送报价单", Kind: model.TaskVisit, ClientID: wang.ID, Date: d("2026-11-30")}).ID
	ids["inbox"] = mustTask(t, s, model.Task{Title: "整理报价模板"}).ID
	p, err := s.AddPromise(model.Promise{ClientID: wang.ID, Text: "发报价单和样本", Due: d("2026-11-28")}, d("2026-11-25"))
	if err != nil {
		t.Fatal(err)
	}
	ids["promise"] = p.ID
	pj, err := s.AddProject(model.Project{Name: "朝阳医院冷站改造", ClientID: wang.ID, Owner: "朝阳医院", Stage: model.StageDesign}, d("2026-09-15"))
	if err != nil {
		t.Fatal(err)
	}
	ids["project"] = pj.ID
	return s, ids
}

func TestSearchFindsChineseInsideASentence(t *testing.T) {
	s, ids := searchFixture(t)
	res := mustSearch(t, s, "高考", "", 0)
	want := []string{fmt.Sprintf("note %d", ids["decoy"]), fmt.Sprintf("note %d", ids["gaokao"])}
	if got := hitIDs(res.Hits); !slices.Equal(got, want) {
		t.Fatalf("高考: %v, want %v (newest first)", got, want)
	}
	h := res.Hits[1]
	if h.Client != "王总" || h.ClientID != ids["wang"] || h.Entry != model.EntryNote || h.Date != d("2026-03-02") || h.Field != "text" ||
		h.Title != "" {
		t.Errorf("hit: %+v", h)
	}
	if h.Snippet != "王总女儿明年高考，别约周末" || h.Snippet[h.MatchStart:h.MatchEnd] != "高考" {
		t.Errorf("snippet %q match %q", h.Snippet, h.Snippet[h.MatchStart:h.MatchEnd])
	}
	// Four characters: only where they stand together.
	res = mustSearch(t, s, "明年高考", "", 0)
	if got := hitIDs(res.Hits); !slices.Equal(got, []string{fmt.Sprintf("note %d", ids["gaokao"])}) {
		t.Errorf("明年高考: %v (the decoy has every pair, not the phrase)", got)
	}
}

func TestSearchTable(t *testing.T) {
	s, ids := searchFixture(t)
	id := func(kind, name string) string { return fmt.Sprintf("%s %d", kind, ids[name]) }
	for _, tc := range []struct {
		query string
		kind  SearchKind
		want  []string
	}{
		{"王", "", []string{id("task", "task"), id("note", "gaokao"), id("client", "wang")}},
		{"acme", "", []string{id("client", "acme")}},
		{"ＡＣＭＥ", "", []string{id("client", "acme")}}, // full-width
		{"Acm", "", []string{id("client", "acme")}},
		{"quot", "", []string{id("note", "call")}},
		{"QUOTATION", "", []string{id("note", "call")}},
		{"uot", "", nil}, // words are found from their start
		{"chill", "", []string{id("client", "acme")}},
		{"报价", "", []string{id("task", "inbox"), id("task", "task"), id("promise", "promise")}},
		{"报价", SearchTask, []string{id("task", "inbox"), id("task", "task")}},
		{"报价", SearchPromise, []string{id("promise", "promise")}},
		{"报价", SearchNote, nil},
		{"王总 朝阳", "", []string{id("client", "wang")}}, // terms in different fields
		{"朝阳", SearchProject, []string{id("project", "project")}},
		{"冷站", "", []string{id("project", "project")}},
		{"golf", "", []string{id("client", "wang")}},
		{"13800001234", "", []string{id("client", "wang")}},
		{"1234", "", []string{id("client", "wang")}},
		{"宏达", SearchClient, []string{id("client", "wang")}},
		{"高考 golf", "", nil},
		{"nothing-like-this", "", nil},
	} {
		res := mustSearch(t, s, tc.query, tc.kind, 0)
		if got := hitIDs(res.Hits); !slices.Equal(got, append([]string{}, tc.want...)) {
			t.Errorf("Search(%q, %q) = %v, want %v", tc.query, tc.kind, got, tc.want)
		}
		for _, h := range res.Hits {
			if h.MatchStart < 0 || h.MatchEnd > len(h.Snippet) || h.MatchStart > h.MatchEnd {
				t.Errorf("Search(%q): bad match offsets %+v", tc.query, h)
			}
		}
	}
}

func TestSearchHitTitles(t *testing.T) {
	s, ids := searchFixture(t)
	for _, tc := range []struct {
		query, title string
		kind         SearchKind
	}{
		{"golf", "王总", SearchClient},
		{"报价单", "给王总送报价单", SearchTask},
		{"报价单", "发报价单和样本", SearchPromise},
		{"朝阳医院", "朝阳医院冷站改造", SearchProject},
	} {
		res := mustSearch(t, s, tc.query, tc.kind, 0)
		if len(res.Hits) != 1 || res.Hits[0].Title != tc.title {
			t.Errorf("Search(%q, %s): %+v, want title %q", tc.query, tc.kind, res.Hits, tc.title)
		}
	}
	long := strings.Repeat("长", 300)
	if _, err := s.AddPromise(model.Promise{ClientID: ids["wang"], Text: "寄资料" + long, Due: d("2026-12-01")}, d("2026-11-26")); err != nil {
		t.Fatal(err)
	}
	h := mustSearch(t, s, "寄资料", "", 0).Hits[0]
	if n := len([]rune(h.Title)); n != maxTitleRunes || !strings.HasSuffix(h.Title, "…") {
		t.Errorf("a long promise's title has %d runes: %q", n, h.Title)
	}
}

func TestSearchPhoneDigitsShowTheNumberAsWritten(t *testing.T) {
	s, _ := searchFixture(t)
	res := mustSearch(t, s, "13800001234", "", 0)
	if len(res.Hits) != 1 || res.Hits[0].Field != "phone" || res.Hits[0].Snippet != "138 0000 1234" {
		t.Fatalf("phone hit: %+v", res.Hits)
	}
}

func TestSearchLimitAndMore(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "李工", model.TierRegular, d("2026-01-01"))
	for i := range 30 {
		mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: at("2026-01-01", 9).AddDate(0, 0, i),
			Text: fmt.Sprintf("第%d次电话，问报价", i+1)})
	}
	res := mustSearch(t, s, "报价", "", 5)
	if len(res.Hits) != 5 || !res.More {
		t.Fatalf("limit 5: %d hits, more %v", len(res.Hits), res.More)
	}
	for i, h := range res.Hits {
		if want := d("2026-01-30").AddDays(-i); h.Date != want {
			t.Errorf("hit %d on %v, want %v (newest first)", i, h.Date, want)
		}
	}
	if res := mustSearch(t, s, "报价", "", 30); len(res.Hits) != 30 || res.More {
		t.Errorf("limit 30: %d hits, more %v", len(res.Hits), res.More)
	}
	if res := mustSearch(t, s, "报价", "", 0); len(res.Hits) != 20 || !res.More {
		t.Errorf("default limit: %d hits, more %v", len(res.Hits), res.More)
	}
}

func TestSearchBadInput(t *testing.T) {
	s, _ := searchFixture(t)
	for _, tc := range []struct {
		q    string
		kind SearchKind
		code string
	}{
		{"", "", "empty_search"},
		{" ，。!! ", "", "empty_search"},
		{"高考", "email", "bad_search_kind"},
	} {
		if _, err := s.Search(tc.q, tc.kind, 0); problemCode(err) != tc.code {
			t.Errorf("Search(%q, %q) = %v, want %s", tc.q, tc.kind, err, tc.code)
		}
	}
}

// Changes reach the index in the same action: an edited title is found
// by its new words only, an undone note is gone, a completed task stays.
func TestSearchFollowsChanges(t *testing.T) {
	s, ids := searchFixture(t)
	task, err := s.Task(ids["task"])
	if err != nil {
		t.Fatal(err)
	}
	task.Title = "给王总送样本"
	task.Date = d("2026-12-02")
	if err := s.UpdateTask(task); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, s, "报价", SearchTask, 0); slices.Contains(hitIDs(res.Hits), fmt.Sprintf("task %d", task.ID)) {
		t.Errorf("the old title still finds the task")
	}
	if res := mustSearch(t, s, "样本", SearchTask, 0); len(res.Hits) != 1 || res.Hits[0].Date != d("2026-12-02") {
		t.Errorf("the new title: %+v", res.Hits)
	}
	if _, err := s.CompleteTask(task.ID, d("2026-12-02"), time.Time{}, "送到了"); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, s, "送到", "", 0); len(res.Hits) != 1 || res.Hits[0].Kind != SearchNote {
		t.Errorf("the visit's outcome: %+v", res.Hits)
	}
	if res := mustSearch(t, s, "样本", SearchTask, 0); len(res.Hits) != 1 {
		t.Errorf("a done task is still found: %+v", res.Hits)
	}
	e := mustEntry(t, s, model.JournalEntry{ClientID: ids["wang"], Kind: model.EntryNote, Text: "下周三去工厂参观"})
	if res := mustSearch(t, s, "参观", "", 0); len(res.Hits) != 1 || res.Hits[0].ID != e.ID {
		t.Fatalf("new note: %+v", res.Hits)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, s, "参观", "", 0); len(res.Hits) != 0 {
		t.Errorf("undone note still found: %+v", res.Hits)
	}
	c, err := s.Client(ids["acme"])
	if err != nil {
		t.Fatal(err)
	}
	c.Name = "Apex Trading"
	if err := s.UpdateClient(c); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, s, "acme", "", 0); len(res.Hits) != 0 {
		t.Errorf("renamed client found by its old name: %+v", res.Hits)
	}
	if res := mustSearch(t, s, "apex", "", 0); len(res.Hits) != 1 {
		t.Errorf("renamed client not found by its new name: %+v", res.Hits)
	}
}

// Text with escape sequences is found by what it shows and shown inert.
func TestSearchSnippetIsInert(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-01-01"))
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at("2026-02-01", 9),
		Text: "\x1b]8;;http://x\x07链接\x1b]8;;\x07 高\x1b[31m考\x1b[0m\r\n第二行 transfer\x08"})
	res := mustSearch(t, s, "高考", "", 0)
	if len(res.Hits) != 1 {
		t.Fatalf("hits: %+v", res.Hits)
	}
	sn := res.Hits[0].Snippet
	if strings.ContainsAny(sn, "\x1b\r\n\x07\x08") || sn[res.Hits[0].MatchStart:res.Hits[0].MatchEnd] != "高考" {
		t.Errorf("snippet not inert or match wrong: %q", sn)
	}
}

func TestSearchSnippetCutsLongText(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-01-01"))
	text := strings.Repeat("很长的一段话。", 100) + "关键字在这里" + strings.Repeat("后面还有很多字。", 100)
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at("2026-02-01", 9), Text: text})
	h := mustSearch(t, s, "关键字", "", 0).Hits[0]
	if !strings.HasPrefix(h.Snippet, "…") || !strings.HasSuffix(h.Snippet, "…") || len([]rune(h.Snippet)) > snippetRunes+2 ||
		h.Snippet[h.MatchStart:h.MatchEnd] != "关键字" {
		t.Errorf("snippet %q (%d runes) match %q", h.Snippet, len([]rune(h.Snippet)), h.Snippet[h.MatchStart:h.MatchEnd])
	}
}

// A journal entry without a client (a prospect call, plan-rules) is found
// and has no client.
func TestSearchEntryWithoutClient(t *testing.T) {
	s := newStore(t)
	err := s.update(func(tx *bolt.Tx) error {
		e := model.JournalEntry{Kind: model.EntryCall, At: at("2026-11-20", 9), Text: "招标网上的号码，问冷水机组"}
		return putEntry(tx, &e)
	})
	if err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, s, "冷水", "", 0)
	if len(res.Hits) != 1 || res.Hits[0].ClientID != 0 || res.Hits[0].Client != "" {
		t.Fatalf("prospect call: %+v", res.Hits)
	}
}

// A database from before search gets its index when it is opened.
func TestSearchIndexBuiltAtOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "salesplan.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := mustClient(t, s, "王总", model.TierKey, d("2026-01-01"))
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at("2026-02-01", 9), Text: "女儿明年高考"})
	// As the previous release left it: no search bucket.
	if err := s.update(func(tx *bolt.Tx) error { return tx.Bucket(bIndex).DeleteBucket(ixSearch) }); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, s2, "高考", "", 0); len(res.Hits) != 1 {
		t.Fatalf("after open: %+v", res.Hits)
	}
	assertNoDrift(t, s2)
	if problems, err := s2.Check(); err != nil || len(problems) != 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

// The index answers as a scan of every record would: random records,
// edits and deletes, random queries; the result must equal the
// brute-force answer, order included.
func TestSearchMatchesBruteForce(t *testing.T) {
	s := newStore(t)
	r := rand.New(rand.NewPCG(15, 6))
	chars := []rune("王李总工报价单高考明年样本冷站电话拜访")
	words := []string{"quote", "quotation", "Quick", "pump", "PUMPS", "chiller", "a", "ab", "abc", "13800"}
	text := func() string {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			if r.IntN(2) == 0 {
				for range 1 + r.IntN(5) {
					b.WriteRune(chars[r.IntN(len(chars))])
				}
			} else {
				b.WriteString(words[r.IntN(len(words))])
			}
			b.WriteString([]string{" ", "，", "", "-"}[r.IntN(4)])
		}
		return b.String()
	}
	day := func() model.Date { return d("2026-01-01").AddDays(r.IntN(200) - 100) }
	var clients []model.Client
	for i := range 12 {
		c, err := s.AddClient(model.Client{Name: fmt.Sprintf("%s%d", text(), i), Business: text()}, day())
		if err != nil {
			t.Fatal(err)
		}
		clients = append(clients, c)
	}
	var tasks []model.Task
	for range 120 {
		task := model.Task{Title: text()}
		if r.IntN(4) != 0 {
			task.Date = day()
		}
		tasks = append(tasks, mustTask(t, s, task))
		mustEntry(t, s, model.JournalEntry{ClientID: clients[r.IntN(len(clients))].ID, Kind: model.EntryNote,
			At: day().Time(time.Local).Add(9 * time.Hour), Text: text()})
	}
	for _, task := range tasks[:40] {
		task.Title = text()
		if r.IntN(2) == 0 {
			task.Date = day()
		}
		if err := s.UpdateTask(task); err != nil {
			t.Fatal(err)
		}
	}
	for _, task := range tasks[40:60] {
		if err := s.DeleteTask(task.ID); err != nil {
			t.Fatal(err)
		}
	}
	// Brute force: every record, checked with the same rules, sorted.
	var all []searchDoc
	err := s.view(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bClients, bTasks, bJournal} {
			err := rb(tx, b).ForEach(func(k, v []byte) error {
				switch string(b) {
				case string(bClients):
					c, _ := getClient(tx, keyID(k))
					all = append(all, *clientSearch(&c))
				case string(bTasks):
					x, _ := getTask(tx, keyID(k))
					all = append(all, *taskSearch(&x))
				default:
					e, _ := getEntry(tx, keyID(k))
					all = append(all, *entrySearch(&e))
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(all, func(a, b searchDoc) int { return cmpPosting(a.posting(), b.posting()) })
	brute := func(q string, kind byte) []string {
		out := []string{}
		terms := model.SearchTerms(q)
	docs:
		for _, doc := range all {
			if kind != 0 && doc.kind != kind {
				continue
			}
			for _, term := range terms {
				found := false
				for _, f := range doc.fields {
					if s, _ := model.SearchFind(model.SearchFoldRunes(f.shown()), term); s >= 0 {
						found = true
						break
					}
				}
				if !found {
					continue docs
				}
			}
			out = append(out, fmt.Sprintf("%s %d", searchKindOf(doc.kind), doc.id))
		}
		return out
	}
	queries := []string{"王", "总", "报价", "报价单", "高考 王", "quot", "QUOTE", "q", "a", "ab", "pump 王", "样本 冷站", "价单高", "1380", "电话拜访"}
	for range 40 {
		queries = append(queries, string(chars[r.IntN(len(chars))])+string(chars[r.IntN(len(chars))]))
	}
	for _, q := range queries {
		for _, kind := range []SearchKind{"", SearchTask, SearchNote, SearchClient} {
			kb, _ := kind.byte()
			want := brute(q, kb)
			res := mustSearch(t, s, q, kind, 1000)
			if got := hitIDs(res.Hits); !slices.Equal(got, want) {
				t.Errorf("Search(%q, %q):\n got %v\nwant %v", q, kind, got, want)
			}
			// A small limit gives the newest ones.
			if res := mustSearch(t, s, q, kind, 3); !slices.Equal(hitIDs(res.Hits), want[:min(3, len(want))]) || res.More != (len(want) > 3) {
				t.Errorf("Search(%q, %q, 3) = %v more %v, want %v", q, kind, hitIDs(res.Hits), res.More, want[:min(3, len(want))])
			}
		}
	}
}

// An index entry whose record is gone (drift, which check reports) is not
// a hit and does not fail the search.
func TestSearchSkipsStaleEntries(t *testing.T) {
	s := openPlain(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-01-01"))
	e := mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at("2026-02-01", 9), Text: "女儿明年高考"})
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at("2026-01-05", 9), Text: "高考以后再约"})
	if err := s.update(func(tx *bolt.Tx) error { return rb(tx, bJournal).Delete(idKey(e.ID)) }); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, s, "高考", "", 0)
	if len(res.Hits) != 1 || res.Hits[0].ID == e.ID {
		t.Errorf("hits: %+v", res.Hits)
	}
}

// Values at their limits: a 64 KiB note is indexed and found by a phrase
// from its middle; a pasted query of thousands of characters is answered.
func TestSearchAtTheLimits(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-01-01"))
	r := rand.New(rand.NewPCG(1, 2))
	chars := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞")
	var b strings.Builder
	for b.Len() < 64<<10-64 {
		b.WriteRune(chars[r.IntN(len(chars))])
	}
	text := b.String()
	mustEntry(t, s, model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at("2026-02-01", 9), Text: text})
	mid := []rune(text)[5000:5012]
	res := mustSearch(t, s, string(mid), "", 0)
	if len(res.Hits) != 1 || res.Hits[0].Snippet[res.Hits[0].MatchStart:res.Hits[0].MatchEnd] != string(mid) {
		t.Fatalf("phrase from the middle of a 64 KiB note: %+v", res.Hits)
	}
	if res := mustSearch(t, s, text[:30000], "", 0); len(res.Hits) != 1 {
		t.Errorf("a 30 KB query that is the note's beginning: %d hits", len(res.Hits))
	}
	if res := mustSearch(t, s, strings.Repeat("quote ", 5000)+"高考", "", 0); len(res.Hits) != 0 {
		t.Errorf("a long query with a word no record has: %+v", res.Hits)
	}
}

// The command line writes notes while the planner searches the same file:
// every search sees whole notes only (each hit is a note that exists, in
// order), the hits never go down, and at the end all are found.
func TestSearchWhileAnotherStoreWrites(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-01-01"))
	cli, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	const n = 40
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range n {
			if _, err := cli.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall,
				At: at("2026-03-01", 9).AddDate(0, 0, i), Text: fmt.Sprintf("第%d次 报价 quotation", i)}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	seen := 0
	for seen < n {
		res, err := s.Search("报价 quot", "", maxSearchLimit)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) < seen {
			t.Fatalf("hits went down from %d to %d", seen, len(res.Hits))
		}
		for i, h := range res.Hits {
			if want := d("2026-03-01").AddDays(len(res.Hits) - 1 - i); h.Date != want {
				t.Fatalf("hit %d of %d on %v, want %v (newest first, none missing)", i, len(res.Hits), h.Date, want)
			}
		}
		seen = len(res.Hits)
	}
	wg.Wait()
}

// A cancelled promise is found by the reason it was cancelled.
func TestSearchFindsACancelReason(t *testing.T) {
	s, ids := searchFixture(t)
	if _, err := s.CancelPromise(ids["promise"], d("2026-11-26"), "客户改用国产泵", d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, s, "国产泵", "", 0)
	if len(res.Hits) != 1 || res.Hits[0].Kind != SearchPromise || res.Hits[0].Field != "cancel_reason" ||
		res.Hits[0].Title != "发报价单和样本" {
		t.Errorf("hits: %+v", res.Hits)
	}
}
