package clients

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func TestMouse(t *testing.T) {
	m, _, ids := open(t, i18n.EN, 100, 30)
	click := func(y int) {
		_, cmd := m.Update(tea.MouseClickMsg{X: 10, Y: y, Button: tea.MouseLeft})
		uitest.Run(m, cmd)
	}
	click(4) // the third row: ACME Ltd
	if r, _ := m.selected(); r.ID != ids.Acme || m.screen != screenList {
		t.Fatalf("first click selected %q", r.Name)
	}
	click(4)
	if m.screen != screenDetail || m.det.id != ids.Acme {
		t.Fatalf("second click did not open ACME")
	}
}

func TestLongJournalScrolls(t *testing.T) {
	m, st, ids := open(t, i18n.EN, 80, 24)
	for i := range 40 {
		_, err := st.AddEntry(model.JournalEntry{ClientID: ids.Wang, Kind: model.EntryCall,
			At: uitest.Morning.Add(-time.Duration(i) * time.Hour), Text: fmt.Sprintf("call number %d", i)})
		if err != nil {
			t.Fatal(err)
		}
	}
	uitest.Press(m, "enter")
	v := plain(m)
	if !strings.Contains(v, "more") || strings.Contains(v, "call number 39") {
		t.Fatalf("the first screen:\n%s", v)
	}
	for range 60 {
		uitest.Press(m, "j")
	}
	v = plain(m)
	if !strings.Contains(v, "call number 39") || !strings.Contains(v, "现场踏勘冷站") {
		t.Errorf("scrolled to the end:\n%s", v)
	}
	uitest.CheckSize(t, m.View(), 80, 24)
	uitest.Press(m, "home")
	if !strings.Contains(plain(m), "Phone") {
		t.Errorf("home did not go back up")
	}
}

func TestStaleListIsDropped(t *testing.T) {
	m, _, _ := open(t, i18n.EN, 100, 30)
	old := m.loads.Latest()
	cmd := m.reload() // a newer request
	m.Update(listMsg{seq: old})
	if len(m.rows) == 0 {
		t.Fatal("an old answer replaced the list")
	}
	uitest.Run(m, cmd)
	if len(m.rows) != 6 {
		t.Errorf("%d rows after the newer answer", len(m.rows))
	}
}

// A client card opened again starts at its top (phone, profile, open
// promises), not where it was scrolled to the last time it was open: from
// the list (enter) and from another pane (a promise, an attention item).
func TestReopenedDetailStartsAtTop(t *testing.T) {
	for _, how := range []string{"enter", "from another pane"} {
		m, st, ids := open(t, i18n.EN, 80, 24)
		for i := range 40 {
			_, err := st.AddEntry(model.JournalEntry{ClientID: ids.Wang, Kind: model.EntryCall,
				At: uitest.Morning.Add(-time.Duration(i) * time.Hour), Text: fmt.Sprintf("call number %d", i)})
			if err != nil {
				t.Fatal(err)
			}
		}
		uitest.Send(m, common.DataChangedMsg{})
		m.selectID(ids.Wang)
		uitest.Press(m, "enter")
		for range 30 {
			uitest.Press(m, "j")
		}
		if strings.Contains(plain(m), "Phone") {
			t.Fatalf("%s: 30 j did not scroll the card:\n%s", how, plain(m))
		}
		uitest.Press(m, "esc")
		switch how {
		case "enter":
			uitest.Press(m, "enter")
		default:
			uitest.Send(m, commonOpen(ids.Wang))
		}
		if v := plain(m); !strings.Contains(v, "Phone") {
			t.Errorf("%s: the card opened again where it was scrolled to:\n%s", how, v)
		}
	}
}

// Recording a call on the client card: tab to the date and type
// "yesterday" records it yesterday (the date line used to hold the word
// "today", so what was typed read "todayyesterday" and was refused).
func TestCallDateTypedReplacesToday(t *testing.T) {
	m, st, ids := open(t, i18n.EN, 100, 30)
	m.selectID(ids.Wang)
	uitest.Press(m, "enter", "c")
	uitest.Type(m, "talked about the price")
	uitest.Press(m, "tab")
	uitest.Type(m, "yesterday")
	uitest.Press(m, "ctrl+s")
	if m.Capturing() {
		t.Fatalf("the dialog stayed open:\n%s", plain(m))
	}
	d, err := st.ClientDetail(ids.Wang, uitest.Today, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range d.Journal {
		if e.Text == "talked about the price" {
			found = true
			if e.On() != uitest.D(time.November, 26) {
				t.Errorf("recorded on %s, want yesterday", e.On())
			}
		}
	}
	if !found {
		t.Errorf("the call was not recorded")
	}
}

// On the client list, e, c, v, m and p act on the selected row as they do
// on its card: a rep going down the due list records a call without
// opening each client (they did nothing on the list).
func TestRowKeysAsOnTheCard(t *testing.T) {
	m, st, ids := open(t, i18n.EN, 100, 30)
	m.selectID(ids.Wang)
	uitest.Press(m, "c")
	uitest.Type(m, "asked about the quote")
	uitest.Press(m, "ctrl+s")
	if m.Capturing() || m.screen != screenList {
		t.Fatalf("c on the row: a dialog stayed open or the list was left:\n%s", plain(m))
	}
	d, err := st.ClientDetail(ids.Wang, uitest.Today, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Journal) == 0 || d.Journal[0].Text != "asked about the quote" || d.Journal[0].Kind != model.EntryCall {
		t.Errorf("the call was not recorded for 王总: %+v", d.Journal)
	}
	for _, k := range []string{"e", "v", "m", "p"} {
		m.selectID(ids.Wang)
		uitest.Press(m, k)
		if !m.Capturing() || !strings.Contains(plain(m), "王总") {
			t.Errorf("%s on the row opened nothing for 王总:\n%s", k, plain(m))
		}
		uitest.Press(m, "esc")
		if m.Capturing() {
			uitest.Press(m, "y")
		}
	}
}

// In the pre-visit brief a needs field of several lines keeps them under
// its first line's text, and a long note wraps under its own indent: the
// brief reads as blocks, not as lines starting at the frame.
func TestBriefIndentsContinuations(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, st, ids := open(t, l, 80, 40)
		c, err := st.Client(ids.Wang)
		if err != nil {
			t.Fatal(err)
		}
		edited := c
		edited.Needs = "需求一：冷水机组两台\n需求二：预算200万"
		if _, err := st.EditClient(c, edited); err != nil {
			t.Fatal(err)
		}
		long := "Talked through the whole pump schedule with procurement; they want the revised offer and the VSD option priced separately by Friday"
		if _, err := st.AddEntry(model.JournalEntry{ClientID: ids.Wang, Kind: model.EntryCall, At: uitest.Morning, Text: long}); err != nil {
			t.Fatal(err)
		}
		uitest.Send(m, common.DataChangedMsg{})
		m.selectID(ids.Wang)
		uitest.Press(m, "b")
		lines := strings.Split(plain(m), "\n")
		first := l.T("clients.brief.field", l.T("clients.f.needs"), "需求一")
		var col1, col2 int = -1, -1
		for _, line := range lines {
			if i := strings.Index(line, first); i >= 0 {
				col1 = ansi.StringWidth(line[:i]) + ansi.StringWidth(first) - ansi.StringWidth("需求一")
			}
			if i := strings.Index(line, "需求二"); i >= 0 {
				col2 = ansi.StringWidth(line[:i])
			}
		}
		if col1 < 0 || col1 != col2 {
			t.Errorf("%s: the needs' second line starts in column %d, its first line's text in %d:\n%s", l, col2, col1, plain(m))
		}
		for i, line := range lines {
			if strings.Contains(line, "Talked through") && i+1 < len(lines) {
				next := lines[i+1]
				if j := strings.Index(next, "│"); j >= 0 {
					next = next[j+len("│"):]
				}
				if !strings.HasPrefix(next, "   ") { // the frame's space and the note's two
					t.Errorf("%s: the long note wraps out of its indent:\n%s\n%s", l, line, lines[i+1])
				}
			}
		}
	}
}

// An archived client opened from a promise or a search shows its card,
// marked archived, and d brings it back; before, the card closed at once
// and the rep saw the list with no sign of the client. A client archived
// elsewhere while its card is shown still closes it.
func TestArchivedClientOpens(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, st, ids := open(t, l, 100, 30)
		uitest.Send(m, commonOpen(ids.Old))
		if v := plain(m); m.screen != screenDetail || !strings.Contains(v, "旧客户") || !strings.Contains(v, l.T("clients.detail.archived")) {
			t.Fatalf("%s: the archived client's card did not show, marked:\n%s", l, v)
		}
		uitest.Press(m, "d")
		if c, _ := st.Client(ids.Old); c.Archived {
			t.Fatalf("%s: d did not bring the client back", l)
		}
		if v := plain(m); m.screen != screenDetail || strings.Contains(v, l.T("clients.detail.archived")) {
			t.Errorf("%s: after d the card is gone or still marked archived:\n%s", l, v)
		}
		uitest.Press(m, "esc")
		if !strings.Contains(strings.Join(names(m), "|"), "旧客户") {
			t.Errorf("%s: the client brought back is not listed: %v", l, names(m))
		}
		// Archived elsewhere while shown: the card closes.
		uitest.Send(m, commonOpen(ids.Wang))
		if _, err := st.ArchiveClient(ids.Wang); err != nil {
			t.Fatal(err)
		}
		uitest.Send(m, common.DataChangedMsg{})
		if m.screen != screenList {
			t.Errorf("%s: a client archived elsewhere kept its card open", l)
		}
	}
}

// Undoing the add of the client whose card is open goes back to the list
// and leaves the undo's words in the footer; the card's reload said
// "there is no client #31" over them.
func TestUndoAddWithCardOpen(t *testing.T) {
	m, st, _ := open(t, i18n.EN, 100, 30)
	uitest.Press(m, "a")
	uitest.Type(m, "临时客户")
	uitest.Press(m, "ctrl+s")
	if m.screen != screenDetail {
		t.Fatalf("the new client's card is not open:\n%s", plain(m))
	}
	if _, err := st.Undo(); err != nil {
		t.Fatal(err)
	}
	msgs := uitest.Send(m, common.DataChangedMsg{})
	if m.screen != screenList {
		t.Errorf("the card of a client undone stayed open:\n%s", plain(m))
	}
	for _, msg := range msgs {
		if s, ok := msg.(common.StatusMsg); ok && s.IsErr {
			t.Errorf("an error was said: %q", s.Text)
		}
	}
}

// The journal cursor moved down a long journal keeps its entry on screen;
// an entry whose date is edited back moves down the journal, and the card
// follows it there.
func TestJournalCursorFollowed(t *testing.T) {
	m, st, ids := open(t, i18n.EN, 80, 24)
	for i := range 40 {
		_, err := st.AddEntry(model.JournalEntry{ClientID: ids.Wang, Kind: model.EntryCall,
			At: uitest.Morning.Add(-time.Duration(i) * time.Hour), Text: fmt.Sprintf("call number %d", i)})
		if err != nil {
			t.Fatal(err)
		}
	}
	uitest.Press(m, "enter", "J")
	contains(t, plain(m), "› 2026-11-27  call     call number 0")
	for range 30 {
		uitest.Press(m, "j")
	}
	contains(t, plain(m), "call number 30")
	uitest.Press(m, "e", "tab", "ctrl+u")
	uitest.Type(m, "2026-11-01")
	uitest.Press(m, "ctrl+s")
	if e := m.det.d.Journal[len(m.det.d.Journal)-1]; e.Text != "call number 30" {
		t.Fatalf("the entry did not move to the end: the last is %q", e.Text)
	}
	contains(t, plain(m), "› 2026-11-01  call     call number 30")
	uitest.CheckSize(t, m.View(), 80, 24)
}

// The "↓N more" marker of a long client card sits on its own line: the
// last visible line above it is shown whole, at every scroll position.
func TestMoreMarkerHidesNoText(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 60, 16}, {i18n.EN, 80, 24}, {i18n.ZH, 80, 24}} {
		m, st, ids := open(t, tt.lang, tt.w, tt.h)
		for i := range 30 {
			_, err := st.AddEntry(model.JournalEntry{ClientID: ids.Wang, Kind: model.EntryCall,
				At: uitest.Morning.Add(-time.Duration(i) * time.Hour), Text: fmt.Sprintf("call %d %s end%d", i, strings.Repeat("word ", 30), i)})
			if err != nil {
				t.Fatal(err)
			}
		}
		uitest.Press(m, "enter")
		body := map[string]bool{}
		for _, l := range m.detailLines() {
			body[strings.TrimRight(ansi.Strip(l), " ")] = true
		}
		marked := 0
		for range 80 {
			lines := strings.Split(plain(m), "\n")
			for _, l := range lines[2:] {
				l = strings.TrimRight(l, " ")
				switch {
				case strings.Contains(l, "↓"):
					marked++
					if !strings.HasPrefix(strings.TrimSpace(l), "↓") {
						t.Fatalf("%s %dx%d: the marker shares its line with text: %q", tt.lang, tt.w, tt.h, l)
					}
				case !body[l]:
					t.Fatalf("%s %dx%d: a body line is cut: %q\n%s", tt.lang, tt.w, tt.h, l, plain(m))
				}
			}
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			uitest.Press(m, "j")
		}
		if marked == 0 {
			t.Errorf("%s %dx%d: no marker shown", tt.lang, tt.w, tt.h)
		}
	}
}

// A client gone by a change made in another process while its card is
// open (salesplan undo on the command line, an older backup restored)
// closes the card and the footer says why, by name; before, the card
// closed to the list without a word. Undone here, nothing is added to the
// undo's own words (TestUndoAddWithCardOpen).
func TestCardOfClientGoneElsewhere(t *testing.T) {
	for _, tc := range []struct {
		lang i18n.Lang
		want string
	}{
		{i18n.EN, "临时客户 is no longer in the database (changed elsewhere)"},
		{i18n.ZH, "临时客户 已不在数据库中（在别处被改动）"},
	} {
		m, st, _ := open(t, tc.lang, 80, 24)
		c, err := st.AddClient(model.Client{Name: "临时客户"}, uitest.Today)
		if err != nil {
			t.Fatal(err)
		}
		uitest.Send(m, commonOpen(c.ID))
		if m.screen != screenDetail {
			t.Fatalf("%s: the card did not open:\n%s", tc.lang, plain(m))
		}
		if _, err := st.Undo(); err != nil { // the command line's undo
			t.Fatal(err)
		}
		msgs := uitest.Send(m, common.DataChangedMsg{Rev: 99})
		if m.screen != screenList {
			t.Errorf("%s: the card of a client gone elsewhere stayed open:\n%s", tc.lang, plain(m))
		}
		if s := uitest.Statuses(msgs); len(s) != 1 || s[0] != tc.want {
			t.Errorf("%s: statuses %q, want %q", tc.lang, s, tc.want)
		}
	}
}

// J (or enter) on a card with nothing in its journal says how to record
// something; the key did nothing at all, and the card's own "Nothing
// recorded yet" was below the screen.
func TestJournalKeyOnEmptyJournal(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, st, _ := open(t, l, 60, 16)
		c, err := st.AddClient(model.Client{Name: "新客户"}, uitest.Today)
		if err != nil {
			t.Fatal(err)
		}
		uitest.Send(m, commonOpen(c.ID))
		for _, k := range []string{"J", "enter"} {
			s := uitest.Statuses(uitest.Press(m, k))
			if want := l.T("clients.detail.no_journal"); len(s) != 1 || s[0] != want {
				t.Errorf("%s: %s on an empty journal: statuses %q, want %q", l, k, s, want)
			}
			if m.screen != screenDetail || m.det.journal {
				t.Errorf("%s: %s on an empty journal left the card or took a cursor", l, k)
			}
		}
	}
}

// squeeze drops every space and line break, so that a message wrapped
// over several lines can be looked for whole.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// A filter that matches no client says so whole, wrapped, at 60 columns:
// the line was cut at the edge ("f changes what is…"), the keys it names
// lost.
func TestNoMatchWrapped(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, _, _ := open(t, l, 60, 16)
		uitest.Press(m, "/")
		uitest.Type(m, "zzzq")
		uitest.Press(m, "enter")
		want := l.T("clients.none_match") + " " + l.T("clients.try_search")
		if v := plain(m); !strings.Contains(squeeze(v), squeeze(want)) {
			t.Errorf("%s: %q not said whole:\n%s", l, want, v)
		}
	}
}
