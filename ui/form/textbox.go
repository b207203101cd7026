package form

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
)

// textBox is a multi-line text that holds a field's whole value: the note
// box's text and a form's multi-line field. enter starts a new line; a
// paste keeps its line breaks and is stored as it came (made inert only
// where it is shown); no character or line is cut (the store refuses more
// than a field holds, naming the limit), and a paste that would pass the
// text area's own line cap is refused whole, with a word.
type textBox struct {
	ta textarea.Model
	// pastes remember what each paste really was: the box shows it inert
	// (and the text area turns tabs into spaces), but the text is stored
	// as the user gave it (DESIGN.md §6), its line breaks made LF, unless
	// they edited inside it.
	pastes []pasted
	// above and below are the text's lines outside the text area's window
	// (see reframe): the text area draws and measures all of its text on
	// every key, so it holds only the lines around the cursor.
	above, below []string
	height       int // the box's text lines
	// rawLines are the starting text's lines that the box shows otherwise
	// than they are (a tab, which the text area turns into four spaces;
	// an escape sequence), by how they show: a line nobody edited comes
	// back as it was even when another line of the text was edited.
	rawLines map[string]string
}

// windowRunes is about how many characters the text area holds on each
// side of the cursor's line; a window always holds whole lines, and at
// least the box's height of them on each side, so what is shown is never
// missing a line.
const windowRunes = 1000

// noteMaxLines is the text area's own cap on lines (bubbles' textarea
// drops the lines of a paste beyond it): a paste that would pass it is
// refused whole, with a word, rather than cut.
const noteMaxLines = 10000

// pasted is one paste: as the box holds it, and as it came.
type pasted struct{ shown, raw string }

// newTextBox makes a focused text box of the given number of text lines
// holding value, the cursor at its end.
func newTextBox(placeholder, value string, lines int) textBox {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.Placeholder = placeholder
	// The whole text: no character cut (the store refuses more than 64
	// KiB, naming the limit) and no line cap on typing.
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ts := ta.Styles()
	ts.Cursor.Blink = false // see steadyCursor
	ta.SetStyles(ts)
	ta.SetHeight(max(lines, 1))
	ta.Focus()
	b := textBox{ta: ta, height: max(lines, 1)}
	b.setValue(value)
	return b
}

// setValue replaces the text and puts the cursor at its end, as the text
// area does. The box shows the text inert (and the text area turns tabs
// into spaces); it is remembered as it was, like a paste, so that a field
// nobody typed in comes back byte for byte.
func (b *textBox) setValue(value string) {
	b.pastes, b.rawLines = nil, nil
	all := strings.Split(cleanPaste(value, false), "\n")
	b.frame(all, len(all)-1, endOfLine, -1)
	shown := b.text()
	if shown == value || shown == "" {
		return
	}
	b.pastes = append(b.pastes, pasted{shown: shown, raw: value})
	raw, lines := strings.Split(Newlines(value), "\n"), strings.Split(shown, "\n")
	if len(raw) != len(lines) {
		return
	}
	plain := map[string]bool{} // lines that are what they show: never replaced
	for i, ln := range lines {
		if ln == raw[i] {
			plain[ln] = true
		}
	}
	for i, ln := range lines {
		if ln != raw[i] && !plain[ln] {
			if b.rawLines == nil {
				b.rawLines = map[string]string{}
			}
			b.rawLines[ln] = raw[i]
		}
	}
}

// endOfLine puts the cursor at the end of its line (SetCursorColumn
// clamps): the text area's line may be longer than the text's (a tab is
// four spaces there).
const endOfLine = 1 << 30

// text is the whole text as the box holds it.
func (b *textBox) text() string {
	if len(b.above) == 0 && len(b.below) == 0 {
		return b.ta.Value()
	}
	parts := make([]string, 0, len(b.above)+1+len(b.below))
	parts = append(append(append(parts, b.above...), b.ta.Value()), b.below...)
	return strings.Join(parts, "\n")
}

// value returns the text with outer blank space trimmed, each paste left
// untouched since it came back as it was pasted, and each line of the
// starting text nobody edited as it was.
func (b *textBox) value() string {
	v := b.text()
	for _, p := range b.pastes {
		if i := strings.Index(v, p.shown); i >= 0 {
			v = v[:i] + p.raw + v[i+len(p.shown):]
		}
	}
	if len(b.rawLines) > 0 {
		lines := strings.Split(v, "\n")
		for i, ln := range lines {
			if raw, ok := b.rawLines[ln]; ok {
				lines[i] = raw
			}
		}
		v = strings.Join(lines, "\n")
	}
	return strings.TrimSpace(v)
}

// setWidth sets the text's width in cells. The text area would keep the
// scroll it had at the old width (a long line takes fewer rows at a wider
// one, and the view could then be past the text, the field looking empty):
// the text is framed again, the cursor where it was; at the text's end
// (where a field starts) the view ends on its row, as when it was set.
func (b *textBox) setWidth(w int) {
	b.ta.SetWidth(max(w, 1))
	all, row, col := b.lines(), b.line(), b.ta.Column()
	b.frame(all, row, col, -1)
	if row == len(all)-1 && col >= utf8.RuneCountInString(all[row]) {
		b.ta.MoveToEnd()
	}
	b.scrollToCursor()
}

// setHeight sets how many text lines the box shows.
func (b *textBox) setHeight(h int) {
	h = max(h, 1)
	if h == b.height {
		return
	}
	b.height = h
	b.ta.SetHeight(h)
	b.reframe()
	b.scrollToCursor()
}

// focus and blur show or hide the cursor. Focused, the box shows the
// cursor's line.
func (b *textBox) focus() {
	b.ta.Focus()
	b.scrollToCursor()
}
func (b *textBox) blur() { b.ta.Blur() }

// scrollToCursor scrolls the text area's view to the cursor: it scrolls
// only within the text it last drew, which a box never drawn (a form's
// field out of focus) has none of.
func (b *textBox) scrollToCursor() {
	_ = b.ta.View()
	b.ta.SetHeight(b.height)
}

// line is the line of the whole text the cursor is on; lineCount how many
// lines it has.
func (b *textBox) line() int      { return len(b.above) + b.ta.Line() }
func (b *textBox) lineCount() int { return len(b.above) + b.ta.LineCount() + len(b.below) }

// reframe moves the text area's window when the cursor came within the
// box's height of an edge with more lines beyond it, or the window grew
// past twice its size; the cursor keeps its line, column and row on screen.
func (b *textBox) reframe() {
	row, n := b.ta.Line(), b.ta.LineCount()
	near := (len(b.above) > 0 && row < b.height) || (len(b.below) > 0 && n-1-row < b.height)
	if !near && n <= 4*b.height+2*windowRunes/40 {
		return
	}
	all := b.lines()
	b.frame(all, len(b.above)+row, b.ta.Column(), b.screenRow())
}

// lines is the whole text, a line each.
func (b *textBox) lines() []string {
	win := strings.Split(b.ta.Value(), "\n")
	all := make([]string, 0, len(b.above)+len(win)+len(b.below))
	return append(append(append(all, b.above...), win...), b.below...)
}

// frame gives the text area the lines of all around line row, with the
// cursor at row, col; screen is the row of the box it should be on (-1:
// wherever the text area puts it).
func (b *textBox) frame(all []string, row, col, screen int) {
	from, to := row, row+1 // the window is all[from:to]
	for budget := windowRunes; from > 0 && (row-from < b.height || budget > 0); from-- {
		budget -= utf8.RuneCountInString(all[from-1]) + 1
	}
	for budget := windowRunes; to < len(all) && (to-1-row < b.height || budget > 0); to++ {
		budget -= utf8.RuneCountInString(all[to]) + 1
	}
	b.above = append([]string(nil), all[:from]...)
	b.below = append([]string(nil), all[to:]...)
	b.ta.SetValue(strings.Join(all[from:to], "\n"))
	// SetValue leaves the cursor at the end: walk it back to its line. The
	// text area moves by screen rows; from a line's end, the next row is the
	// next line's first (the bound is only a guard).
	b.ta.MoveToBegin()
	for i := 0; b.ta.Line() < row-from && i <= to-from; i++ {
		b.ta.CursorEnd()
		b.ta.CursorDown()
	}
	b.ta.SetCursorColumn(col)
	if screen < 0 {
		return
	}
	// Scroll so the cursor is on the row it was: down then back up scrolls
	// the view under it by as many rows, and the reverse the other way.
	now := b.screenRow()
	for i := 0; i < now-screen; i++ {
		b.ta.CursorDown()
	}
	for i := 0; i < now-screen; i++ {
		b.ta.CursorUp()
	}
	for i := 0; i < screen-now; i++ {
		b.ta.CursorUp()
	}
	for i := 0; i < screen-now; i++ {
		b.ta.CursorDown()
	}
	b.ta.SetCursorColumn(col)
}

// screenRow is the row of the box the cursor is on.
func (b *textBox) screenRow() int {
	ta := b.ta
	ta.SetVirtualCursor(false)
	if c := ta.Cursor(); c != nil {
		return c.Position.Y
	}
	return 0
}

// update hands a key or a paste to the text. tooMany is the number of
// lines of a paste refused because the box would pass noteMaxLines (0
// when nothing was refused).
func (b *textBox) update(msg tea.Msg) (cmd tea.Cmd, tooMany int) {
	if p, ok := msg.(tea.PasteMsg); ok {
		before := b.ta.Value()
		raw := Newlines(p.Content)
		clean := cleanPaste(raw, false)
		if n := strings.Count(clean, "\n"); b.ta.LineCount()+n > noteMaxLines {
			return nil, n + 1
		}
		b.ta, cmd = b.ta.Update(tea.PasteMsg{Content: clean})
		b.remember(before, b.ta.Value(), clean, raw)
		b.reframe()
		return cmd, 0
	}
	// The keys that go to the start or the end of the whole text go there
	// from the window's edge, which is where the text area takes them.
	if k, ok := msg.(tea.KeyPressMsg); ok && len(b.above)+len(b.below) > 0 {
		switch {
		case key.Matches(k, b.ta.KeyMap.InputBegin):
			b.frame(b.lines(), 0, 0, -1)
			return nil, 0
		case key.Matches(k, b.ta.KeyMap.InputEnd):
			all := b.lines()
			b.frame(all, len(all)-1, endOfLine, -1)
			return nil, 0
		}
	}
	b.ta, cmd = b.ta.Update(msg)
	b.reframe()
	return cmd, 0
}

// remember records a paste the box holds otherwise than it came (made
// inert, tabs as spaces) when the box took all of it (a paste cut by the
// character limit is stored as shown, never longer than what was seen).
func (b *textBox) remember(before, after, clean, raw string) {
	if len(after) <= len(before) {
		return
	}
	p := 0
	for p < len(before) && before[p] == after[p] {
		p++
	}
	for p > 0 && !utf8.RuneStart(after[p]) {
		p--
	}
	s := 0
	for s < len(before)-p && before[len(before)-1-s] == after[len(after)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(after[len(after)-s]) {
		s--
	}
	shown := after[p : len(after)-s]
	if shown == raw {
		return // the box holds it as it came
	}
	if strings.Join(strings.Fields(shown), "") != strings.Join(strings.Fields(clean), "") {
		return
	}
	b.pastes = append(b.pastes, pasted{shown: shown, raw: raw})
}

// view draws the box's visible lines.
func (b *textBox) view() string { return noNUL(b.ta.View()) }
