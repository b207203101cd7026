// Package search is the search screen (ctrl+f, from any pane; DESIGN.md §6
// "(v2) Search"): one line of words, and under it every client, journal
// entry, task, promise and project whose text has them all, newest first
// — Chinese found inside a sentence — each with its kind, client, date and
// the snippet with the match highlighted. enter opens the hit in its pane:
// a client in the Clients detail, a journal entry in its client's detail,
// a task on its day in the Day, a promise in the Promises pane, a project
// in the Projects detail. esc from there comes back here (the shell's back
// stack reopens the screen with the words and the hit); esc here goes back
// to where ctrl+f was pressed.
//
// The results follow the typing: each change waits debounce for the next
// key, then searches (Store.Search, one read transaction: under a
// millisecond on the ten-year database, storage/doc.go); an answer to an
// older request is dropped. enter before the answer came waits for it.
package search

import (
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// Debounce is how long the results wait for the next key: long enough
// that a burst of typing (or an input method committing a phrase) makes
// one search, short enough to feel immediate. A search costs under 1 ms on
// the ten-year database and drawing the results about as much
// (BenchmarkKeystroke), so the wait is for calm, not for speed.
const Debounce = 80 * time.Millisecond

// Limit is how many hits a search shows; more say so.
const Limit = 100

// Screen is the search screen.
type Screen struct {
	env    common.Env
	lang   i18n.Lang
	km     keys.KeyMap
	in     textinput.Model
	width  int
	height int
	closed bool

	loads   common.Loads // searches; an older answer is dropped
	asked   string       // the words the latest search was for
	shown   string       // the words the hits are for
	hits    []storage.SearchHit
	more    bool
	err     error
	list    common.List
	at      int  // the hit to select when the first answer comes (reopened)
	opening bool // enter came before the answer: open the first hit it brings

	kindW, clientW int
	dateW          int // "11-24", or "2025-11-24" when a hit is from another year
}

type (
	// tickMsg ends the wait after a change: search if nothing changed since.
	tickMsg struct {
		owner *Screen
		seq   uint64
		query string
	}
	// resultMsg is a search's answer.
	resultMsg struct {
		owner *Screen
		seq   uint64
		query string
		res   storage.SearchResult
		err   error
	}
)

// New opens the search, with msg's words and hit when it is reopened.
func New(env common.Env, msg common.OpenScreenMsg) (*Screen, tea.Cmd) {
	s := &Screen{env: env, lang: env.Lang, km: env.Keys, width: 80, height: 20, at: msg.At}
	s.in = textinput.New()
	s.in.Prompt = "› "
	s.in.Placeholder = env.T("search.placeholder")
	s.in.CharLimit = 0
	st := s.in.Styles()
	st.Cursor.Blink = false // a steady cursor: no redraws for nothing
	s.in.SetStyles(st)
	s.in.SetValue(model.InertLine(msg.Query))
	s.in.CursorEnd()
	s.in.Focus()
	for _, k := range []string{"note", "call", "visit", "meeting"} {
		s.kindW = max(s.kindW, ansi.StringWidth(env.T("kind."+k)))
	}
	for _, k := range storage.SearchKinds {
		s.kindW = max(s.kindW, ansi.StringWidth(env.T("word."+string(k))))
	}
	s.SetSize(80, 20)
	if strings.TrimSpace(msg.Query) == "" {
		return s, nil
	}
	return s, s.search(s.in.Value())
}

// Reopen is how the shell brings the search back as it was: esc from the
// hit it opened.
func (s *Screen) Reopen() common.OpenScreenMsg {
	return common.OpenScreenMsg{ID: common.ScreenSearch, Query: s.in.Value(), At: s.list.Cursor}
}

// SetSize sets the area the screen fills.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = max(w, 1), max(h, 1)
	s.in.SetWidth(max(s.width-ansi.StringWidth(s.title())-5, 4))
	s.clientW = 14
	if s.width < 100 {
		s.clientW = 10
	}
	s.list.SetHeight(s.rows())
}

// rows is how many hits show: the area less the input, the line under it
// and the blank between.
func (s *Screen) rows() int { return max(s.height-3, 1) }

// Closed reports that esc left the search.
func (s *Screen) Closed() bool { return s.closed }

// Capturing: the words are typed here, so every key is the screen's.
func (s *Screen) Capturing() bool { return true }

// Busy is true while enter waits for the answer to the words typed.
func (s *Screen) Busy() bool { return s.opening }

// ShortHelp lists the screen's keys.
func (s *Screen) ShortHelp() []key.Binding { return s.km.ShortHelp(keys.PlaceSearch) }

// FullHelp lists the screen's keys.
func (s *Screen) FullHelp() [][]key.Binding { return s.km.FullHelp(keys.PlaceSearch) }

// wait starts the pause after a change; the search runs if no key came.
func (s *Screen) wait(query string) tea.Cmd {
	seq := s.loads.Next()
	return tea.Tick(Debounce, func(time.Time) tea.Msg { return tickMsg{owner: s, seq: seq, query: query} })
}

// search asks the store now.
func (s *Screen) search(query string) tea.Cmd {
	seq, st := s.loads.Next(), s.env.Store
	s.asked = query
	return func() tea.Msg {
		if st == nil {
			return resultMsg{owner: s, seq: seq, query: query, err: common.ErrNoStore}
		}
		res, err := st.Search(query, "", Limit)
		return resultMsg{owner: s, seq: seq, query: query, res: res, err: err}
	}
}

// searchable reports whether the words have something to look up.
func searchable(q string) bool { return len(model.SearchTerms(q)) > 0 }

// Update handles the answers and the keys.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tickMsg:
		if msg.owner != s || !s.loads.Answer(msg.seq) {
			return nil
		}
		if !searchable(msg.query) {
			s.show(msg.query, storage.SearchResult{}, nil)
			return nil
		}
		return s.search(msg.query)
	case resultMsg:
		if msg.owner != s || !s.loads.Answer(msg.seq) {
			return nil
		}
		s.show(msg.query, msg.res, msg.err)
		if s.opening {
			s.opening = false
			return s.open()
		}
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.PasteMsg:
		return s.typed(tea.PasteMsg{Content: strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ").Replace(model.Inert(msg.Content))})
	case tea.MouseClickMsg:
		if i, ok := s.list.RowAt(msg.Mouse().Y - 3); ok {
			if i == s.list.Cursor {
				return s.open()
			}
			s.list.Select(i)
		}
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			s.list.Scroll(-3)
		} else {
			s.list.Scroll(3)
		}
	}
	return nil
}

// show takes a search's answer.
func (s *Screen) show(query string, res storage.SearchResult, err error) {
	s.shown, s.hits, s.more, s.err = query, res.Hits, res.More, err
	s.dateW = 5
	for _, h := range s.hits {
		if h.Date.Valid() && h.Date.Year() != s.env.Today().Year() {
			s.dateW = 10
		}
	}
	at := 0
	if s.at > 0 {
		at, s.at = s.at, 0
	}
	s.list.Show(len(s.hits), s.rows(), at)
}

func (s *Screen) key(msg tea.KeyPressMsg) tea.Cmd {
	km := s.km
	switch {
	case key.Matches(msg, km.Back):
		s.closed = true
		return nil
	case key.Matches(msg, km.ResultUp):
		s.list.Move(-1)
		return nil
	case key.Matches(msg, km.ResultDown):
		s.list.Move(1)
		return nil
	case key.Matches(msg, km.PageUp):
		s.list.Move(-max(s.rows()-1, 1))
		return nil
	case key.Matches(msg, km.PageDown) && msg.String() != "space":
		s.list.Move(max(s.rows()-1, 1))
		return nil
	case key.Matches(msg, km.Open):
		if s.in.Value() != s.shown && searchable(s.in.Value()) {
			s.opening = true // the words changed: open what they find
			return s.search(s.in.Value())
		}
		return s.open()
	}
	return s.typed(msg)
}

// typed hands a key or a paste to the input and, when the words changed,
// starts the wait before the search.
func (s *Screen) typed(msg tea.Msg) tea.Cmd {
	before := s.in.Value()
	var cmd tea.Cmd
	s.in, cmd = s.in.Update(msg)
	if s.in.Value() == before {
		return cmd
	}
	return tea.Batch(cmd, s.wait(s.in.Value()))
}

// open opens the selected hit in its pane; the shell closes the screen
// and keeps how to reopen it for esc.
func (s *Screen) open() tea.Cmd {
	if s.list.Cursor >= len(s.hits) {
		return nil
	}
	h := s.hits[s.list.Cursor]
	var msg tea.Msg
	switch h.Kind {
	case storage.SearchClient:
		msg = common.OpenClientMsg{ID: h.ID}
	case storage.SearchNote:
		if h.ClientID == 0 { // a prospect call: its day
			msg = common.GotoDateMsg{Date: h.Date}
		} else {
			msg = common.OpenClientMsg{ID: h.ClientID, Entry: h.ID} // scrolled to the entry
		}
	case storage.SearchTask:
		day := h.Date
		if !day.Valid() {
			day = s.env.Today() // the inbox: today's Day lists it
		}
		msg = common.GotoDateMsg{Date: day, Task: h.ID}
	case storage.SearchPromise:
		msg = common.OpenPromiseMsg{ID: h.ID}
	case storage.SearchProject:
		msg = common.OpenProjectMsg{ID: h.ID}
	default:
		return nil
	}
	return func() tea.Msg { return msg }
}

// ---- drawing

func (s *Screen) title() string { return s.lang.T("search.title") }

// View draws the words, a line about the hits, and the hits.
func (s *Screen) View() string {
	st := s.env.Styles
	w := s.width
	lines := []string{common.PadRight(st.Title.Render(s.title())+"  "+strings.ReplaceAll(s.in.View(), "\x00", ""), w)}
	lines = append(lines, st.Muted.Render(common.PadRight(s.summary(), w)), "")
	from, to := s.list.Visible()
	today := s.env.Today()
	for i := from; i < to; i++ {
		lines = append(lines, s.row(s.hits[i], i == s.list.Cursor, today))
	}
	return common.Fit(strings.Join(lines, "\n"), w, s.height)
}

// summary says what the hits are: how to search, nothing found, how many.
func (s *Screen) summary() string {
	q := s.in.Value()
	switch {
	case strings.TrimSpace(q) == "":
		return s.lang.T("search.hint")
	case s.err != nil:
		return s.lang.Err(s.err)
	case !searchable(q):
		return s.lang.T("search.type_word")
	case s.shown != q:
		return s.lang.T("search.searching")
	case len(s.hits) == 0:
		return s.lang.T("search.none", model.InertLine(q))
	case s.more:
		return s.lang.T("search.more", len(s.hits))
	}
	return s.lang.T("search.found", len(s.hits))
}

// row draws one hit: date, kind, client, and the snippet with the match
// highlighted, in exactly the screen's width.
func (s *Screen) row(h storage.SearchHit, selected bool, today model.Date) string {
	st := s.env.Styles
	w := s.width
	date := ""
	if h.Date.Valid() {
		date = h.Date.String()
		if h.Date.Year() == today.Year() {
			date = date[5:]
		}
	}
	kind := s.lang.T("word." + string(h.Kind))
	if h.Kind == storage.SearchNote && h.Entry != "" {
		kind = s.lang.T("kind." + string(h.Entry))
	}
	cursor := " "
	if selected {
		cursor = "›"
	}
	head := cursor + " " + common.PadRight(date, s.dateW) + "  " + common.PadRight(kind, s.kindW) + "  " +
		common.PadRight(model.InertLine(h.Client), s.clientW) + "  "
	rest := max(w-ansi.StringWidth(head), 1)
	hl := st.Warning.Bold(true).Underline(true)
	if selected {
		hl = lipgloss.NewStyle().Bold(true).Underline(true)
	}
	line := head + s.snippet(h, rest, hl)
	line = common.PadRight(line, w)
	if selected {
		return st.Selected.Render(line)
	}
	return line
}

// snippet is the hit's snippet in w cells with the match in hl: a record
// found by another field than its main text says which first ("Phone:",
// a promise's text before its cancel reason), the text before the match
// is shortened with … so the match shows, and the end is cut with ….
func (s *Screen) snippet(h storage.SearchHit, w int, hl lipgloss.Style) string {
	text := h.Snippet
	start, end := h.MatchStart, h.MatchEnd
	if start < 0 || end > len(text) || start > end {
		start, end = 0, 0
	}
	before, match, after := model.InertLine(text[:start]), model.InertLine(text[start:end]), model.InertLine(text[end:])
	prefix := ""
	switch h.Field {
	case "", "name", "title", "text":
	default:
		prefix = s.lang.T("search.in_field", s.lang.T("cli.field."+h.Field))
		if h.Kind != storage.SearchClient && h.Title != "" {
			prefix = model.InertLine(h.Title) + " · " + prefix
		}
	}
	// Keep the match in view: what comes before it is shortened from its
	// start, with …, until prefix, before and match fit with a few cells
	// of what follows.
	room := w - ansi.StringWidth(prefix) - ansi.StringWidth(match) - min(8, w/4)
	if ansi.StringWidth(before) > max(room, 0) {
		before = common.Ellipsis + tail(before, max(room-1, 0))
	}
	out := prefix + before
	left := w - ansi.StringWidth(out)
	if left <= 0 {
		return common.Truncate(out, w)
	}
	if ansi.StringWidth(match) > left {
		return out + hl.Render(common.Truncate(match, left))
	}
	out += hl.Render(match)
	left -= ansi.StringWidth(match)
	return out + common.Truncate(after, left)
}

// tail is the end of s that fits in w cells (whole characters).
func tail(s string, w int) string {
	for ansi.StringWidth(s) > w && s != "" {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}
