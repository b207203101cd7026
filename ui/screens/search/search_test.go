package search

import (
	"os"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	uitest.RemoveBig()
	os.Exit(code)
}

func open(t testing.TB, st *storage.Store, lang i18n.Lang, w, h int) *Screen {
	t.Helper()
	s, cmd := New(uitest.Env(st, lang), common.OpenScreenMsg{ID: common.ScreenSearch})
	s.SetSize(w, h)
	uitest.Run(s, cmd)
	return s
}

// The results follow the typing; a word inside a Chinese sentence is
// found; enter opens the hit in its pane.
func TestSearchAsYouType(t *testing.T) {
	st := uitest.OpenStore(t)
	w := uitest.SeedWorkday(t, st)
	s := open(t, st, i18n.EN, 100, 20)
	if !strings.Contains(uitest.Plain(s.View()), "Type to search") {
		t.Errorf("an empty search says nothing useful:\n%s", uitest.Plain(s.View()))
	}
	uitest.Type(s, "高考")
	v := uitest.Plain(s.View())
	if !strings.Contains(v, "1 found") || !strings.Contains(v, "王总女儿明年高考，别约周末") || !strings.Contains(v, "note") {
		t.Fatalf("高考:\n%s", v)
	}
	msgs := uitest.Press(s, "enter")
	if len(msgs) != 1 || msgs[0] != (common.OpenClientMsg{ID: w.Wang, Entry: w.Note}) {
		t.Errorf("enter on the note opened %#v, want 王总's detail at the note", msgs)
	}
	if r := s.Reopen(); r.Query != "高考" || r.ID != common.ScreenSearch {
		t.Errorf("reopen = %+v", r)
	}
	uitest.Press(s, "ctrl+u")
	uitest.Type(s, "zzzz")
	if !strings.Contains(uitest.Plain(s.View()), `Nothing matches "zzzz"`) {
		t.Errorf("no hits:\n%s", uitest.Plain(s.View()))
	}
	uitest.Press(s, "esc")
	if !s.Closed() {
		t.Error("esc did not close the search")
	}
}

// An answer to words no longer typed is dropped: fast typing never shows
// the hits of a word half typed.
func TestStaleAnswerDropped(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	s := open(t, st, i18n.EN, 100, 20)
	s.in.SetValue("王")
	first := s.search("王")
	s.in.SetValue("王总女儿")
	second := s.search("王总女儿")
	uitest.Send(s, second())
	uitest.Send(s, first()) // arrives late
	if s.shown != "王总女儿" || len(s.hits) != 1 {
		t.Errorf("shown %q with %d hits; want the newest words' one hit", s.shown, len(s.hits))
	}
}

// enter typed before the words' answer came waits for it (the shell holds
// the keys meanwhile) and opens its first hit.
func TestEnterBeforeAnswer(t *testing.T) {
	st := uitest.OpenStore(t)
	w := uitest.SeedWorkday(t, st)
	s := open(t, st, i18n.EN, 100, 20)
	s.in.SetValue("pump curves")
	cmd := s.Update(uitest.Key("enter"))
	if !s.Busy() {
		t.Fatal("enter before the answer is not waited for")
	}
	msgs := uitest.Run(s, cmd)
	if len(msgs) != 1 || msgs[0] != (common.OpenPromiseMsg{ID: w.DueSoon}) {
		t.Errorf("enter opened %#v, want the promise", msgs)
	}
}

// The snippet keeps the match in view however narrow the row, cutting
// what comes before it with … and never splitting a wide character.
func TestSnippetKeepsMatchInView(t *testing.T) {
	s := &Screen{lang: i18n.EN}
	long := strings.Repeat("很长的前文，", 12)
	h := storage.SearchHit{Kind: storage.SearchNote, Snippet: long + "高考" + "，别约周末", Field: "text"}
	h.MatchStart = len(long)
	h.MatchEnd = h.MatchStart + len("高考")
	for _, w := range []int{20, 31, 60} {
		got := s.snippet(h, w, lipgloss.NewStyle())
		if cw := ansi.StringWidth(got); cw > w {
			t.Errorf("width %d: %d cells: %q", w, cw, got)
		}
		if !strings.Contains(got, "高考") || !strings.HasPrefix(got, "…") {
			t.Errorf("width %d: %q lost the match", w, got)
		}
	}
}

// A hit found by another field than its main text says which.
func TestSnippetNamesTheField(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWorkday(t, st)
	s := open(t, st, i18n.ZH, 100, 20)
	uitest.Type(s, "0100")
	v := uitest.Plain(s.View())
	if !strings.Contains(v, "电话号码：138 0100 0001") {
		t.Errorf("a phone hit:\n%s", v)
	}
}

// BenchmarkKeystroke is what one key costs once the wait is over, on the
// ten-year database (100k tasks, 50k journal entries): the search in a
// command (open the file, one read transaction, close), the answer taken,
// the screen drawn. The debounce (80 ms) is for calm, not for speed.
func BenchmarkKeystroke(b *testing.B) {
	st := uitest.BigStore(b)
	env := uitest.Env(st, i18n.ZH)
	for _, q := range []string{"报价", "王", "quot", "确认 报价"} {
		b.Run(q, func(b *testing.B) {
			s, _ := New(env, common.OpenScreenMsg{ID: common.ScreenSearch})
			s.SetSize(120, 40)
			s.in.SetValue(q)
			for b.Loop() {
				msg := s.search(q)()
				s.Update(msg)
				_ = s.View()
			}
			if len(s.hits) == 0 {
				b.Fatalf("%q found nothing", q)
			}
			b.ReportMetric(float64(len(s.hits)), "hits")
		})
	}
}
