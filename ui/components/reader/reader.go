// Package reader is a report shown in place of a pane: the Day's record
// (日报) and the Month's review on r (DESIGN.md §2 v2, "reports … on
// screen"). The owner reads the report in a command and hands the reader
// a function that lays it out for a width (ui/report's DayLines,
// MonthLines); the reader keeps the lines for the width shown, scrolls
// them (j/k, ↑/↓, pgup/pgdn, home/end, the wheel) and closes on r or esc.
// It draws only the visible lines.
//
// The reader knows nothing of the period: the owner's h/l and t move the
// day or month and ask for the new report (Reset until it arrives).
package reader

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/ui/keys"
)

// Reader is a scrolling read-only text. The zero Reader is closed.
type Reader struct {
	km            keys.KeyMap
	open          bool
	build         func(w int) []string // nil until the report arrives
	lines         []string             // build(linesW)
	linesW        int
	off           int
	width, height int
}

// New makes a closed reader with the planner's keys.
func New(km keys.KeyMap) Reader { return Reader{km: km, width: 80, height: 20} }

// Open shows the reader from its top; the report shown before stays until
// Reset or Set.
func (r *Reader) Open() { r.open, r.off = true, 0 }

// Close hides it.
func (r *Reader) Close() { r.open = false }

// IsOpen reports whether the reader is shown.
func (r *Reader) IsOpen() bool { return r.open }

// Loaded reports whether it holds a report.
func (r *Reader) Loaded() bool { return r.build != nil }

// Set gives it the report, as a layout for a width; the scroll position
// stays (a reload after a change shows the same place).
func (r *Reader) Set(build func(w int) []string) {
	r.build, r.lines = build, nil
	r.scroll(0)
}

// Reset drops the report (another day or month is on its way): the
// reader shows the loading line and starts from the top.
func (r *Reader) Reset() { r.build, r.lines, r.off = nil, nil, 0 }

// Restyle lays the report out again (the theme changed).
func (r *Reader) Restyle() { r.lines = nil }

// SetSize sets the area the reader fills.
func (r *Reader) SetSize(w, h int) {
	r.width, r.height = max(w, 1), max(h, 1)
	r.scroll(0)
}

// Key scrolls or closes on a key; it reports whether the key was the
// reader's.
func (r *Reader) Key(msg tea.KeyPressMsg) bool {
	km := r.km
	page := max(r.height-2, 1)
	switch {
	case key.Matches(msg, km.CloseReport):
		r.Close()
	case key.Matches(msg, km.Down):
		r.scroll(1)
	case key.Matches(msg, km.Up):
		r.scroll(-1)
	case key.Matches(msg, km.PageDown):
		r.scroll(page)
	case key.Matches(msg, km.PageUp):
		r.scroll(-page)
	case key.Matches(msg, km.Home):
		r.off = 0
	case key.Matches(msg, km.End):
		r.scroll(len(r.layout()))
	default:
		return false
	}
	return true
}

// Wheel scrolls three lines for a turn of the mouse wheel.
func (r *Reader) Wheel(m tea.Mouse) {
	if m.Button == tea.MouseWheelUp {
		r.scroll(-3)
	} else {
		r.scroll(3)
	}
}

// ShortHelp and FullHelp are the reader's keys, with the owner's period
// keys (h/l, t) beside them. The footer names the close key first: on a
// narrow terminal it is the one key that must not fall behind the "…".
func (r *Reader) ShortHelp() []key.Binding {
	return []key.Binding{r.km.CloseReport, r.km.Down, r.km.Up, r.km.Prev, r.km.Next}
}

// FullHelp lists every key the reader and its owner answer.
func (r *Reader) FullHelp() [][]key.Binding {
	return [][]key.Binding{{r.km.Down, r.km.Up, r.km.PageDown, r.km.PageUp, r.km.Home, r.km.End},
		{r.km.Prev, r.km.Next, r.km.Today, r.km.CloseReport}}
}

// Offset is the first line shown (tests).
func (r *Reader) Offset() int { return r.off }

// Lines is the whole report as laid out for the width shown.
func (r *Reader) Lines() []string { return r.layout() }

// View draws the visible lines, or loading (the owner's words) until the
// report arrives. When lines are below the last one, the last line of the
// area says how many, in below's words ("↓ 12 more lines").
func (r *Reader) View(loading string, below func(n int) string) string {
	if r.build == nil {
		return loading
	}
	lines := r.layout()
	r.scroll(0)
	end := min(r.off+r.height, len(lines))
	if end == len(lines) || r.height < 2 {
		return strings.Join(lines[r.off:end], "\n")
	}
	end-- // the mark takes the last line; scrolled to the end, no mark
	return strings.Join(append(lines[r.off:end:end], below(len(lines)-end)), "\n")
}

func (r *Reader) layout() []string {
	if r.build == nil {
		return nil
	}
	if r.lines == nil || r.linesW != r.width {
		r.lines, r.linesW = r.build(r.width), r.width
	}
	return r.lines
}

func (r *Reader) scroll(n int) {
	maxOff := max(len(r.layout())-r.height, 0)
	r.off = min(max(r.off+n, 0), maxOff)
}
