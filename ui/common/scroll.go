package common

import "salesplan/ui/i18n"

// List is the cursor and scroll offset of a list that renders only its
// visible rows (DESIGN.md §6: drawing 10k rows and letting the terminal
// clip them costs 100 ms a frame; drawing the visible ones costs 2 ms).
// Every list of the planner is one: the Day's tasks and attention items,
// the Week's days, the clients, projects and promises.
//
//	l.SetLen(len(rows)); l.SetHeight(h)
//	from, to := l.Visible()
//	for i := from; i < to; i++ { draw(rows[i], i == l.Cursor) }
//
// A list with headings among its rows says which they are: Skip rows the
// cursor never rests on (moves step over them), Lead rows kept in view
// above the cursor (a section's heading over its first row); Lead
// defaults to Skip.
//
// The zero List is an empty list. All methods keep Cursor within
// [0, Len) (or 0 when empty), on a row it may rest on when there is one,
// and on screen.
type List struct {
	Cursor int
	Offset int // first visible row
	Len    int
	Height int // visible rows

	Skip func(i int) bool
	Lead func(i int) bool
}

// CursorMark marks the selected row of every list, in its first cell (the
// Day's tasks, Projects, Clients, Promises), beside the selection's
// background: a terminal without colour, or a reader who cannot tell the
// colours apart, still sees which row the keys act on.
const CursorMark = "›"

// RowLead is the two cells a list row starts with: "› " on the selected
// row, "  " on the others (the column heads start with "  " too).
func RowLead(selected bool) string {
	if selected {
		return CursorMark + " "
	}
	return "  "
}

// SetLen changes the number of rows (after a reload), keeping the cursor
// on a valid row.
func (l *List) SetLen(n int) {
	if n < 0 {
		n = 0
	}
	l.Len = n
	l.clamp(1)
}

// SetHeight changes the number of visible rows.
func (l *List) SetHeight(h int) {
	if h < 0 {
		h = 0
	}
	l.Height = h
	l.clamp(1)
}

// Show lays the list out afresh — n rows, height of them visible, the
// cursor on row cursor — keeping the offset where it was when the cursor
// shows there. (SetLen then Select would scroll twice: once for the old
// cursor, once for the new.)
func (l *List) Show(n, height, cursor int) {
	l.Len, l.Height, l.Cursor = max(n, 0), max(height, 0), cursor
	l.clamp(1)
}

// Move moves the cursor by delta rows (negative = up), scrolling as
// needed; with Skip, by delta rows the cursor may rest on, stopping at
// the last one.
func (l *List) Move(delta int) {
	if l.Skip == nil {
		l.Cursor += delta
		l.clamp(sign(delta))
		return
	}
	dir := sign(delta)
	for n := delta * dir; n > 0; n-- {
		next := l.find(l.Cursor+dir, dir)
		if next < 0 {
			break
		}
		l.Cursor = next
	}
	l.clamp(dir)
}

// Select puts the cursor on row i (or the nearest row it may rest on).
func (l *List) Select(i int) {
	l.Cursor = i
	l.clamp(1)
}

// Top and Bottom jump to the first and the last row.
func (l *List) Top()    { l.Select(0) }
func (l *List) Bottom() { l.Cursor = l.Len - 1; l.clamp(-1) }

// Scroll moves the view by delta rows without leaving the cursor off
// screen (the mouse wheel).
func (l *List) Scroll(delta int) {
	l.Offset = min(max(l.Offset+delta, 0), l.maxOffset())
	if l.Height > 0 {
		l.Cursor = min(max(l.Cursor, l.Offset), l.Offset+l.Height-1)
	}
	l.clamp(sign(delta))
}

// Selectable reports whether the cursor may rest on row i.
func (l List) Selectable(i int) bool {
	return i >= 0 && i < l.Len && (l.Skip == nil || !l.Skip(i))
}

// maxOffset is the offset that shows the last row at the bottom.
func (l List) maxOffset() int { return max(l.Len-l.Height, 0) }

// Visible returns the rows to draw: [from, to).
func (l List) Visible() (from, to int) {
	from = l.Offset
	to = from + l.Height
	if to > l.Len {
		to = l.Len
	}
	if from > to {
		from = to
	}
	return from, to
}

// RowAt returns the row drawn on screen line y (0 = the first visible row),
// for mouse clicks.
func (l List) RowAt(y int) (int, bool) {
	if y < 0 || y >= l.Height {
		return 0, false
	}
	i := l.Offset + y
	return i, i < l.Len
}

// find returns the first row from i on, going dir, the cursor may rest
// on; -1 when there is none.
func (l List) find(i, dir int) int {
	for ; i >= 0 && i < l.Len; i += dir {
		if l.Selectable(i) {
			return i
		}
	}
	return -1
}

// clamp keeps the cursor on a row (looking dir first, then back for one
// it may rest on) and on screen, its leading rows too when they fit.
func (l *List) clamp(dir int) {
	l.Cursor = max(min(l.Cursor, l.Len-1), 0)
	if l.Skip != nil && !l.Selectable(l.Cursor) {
		if dir == 0 {
			dir = 1
		}
		if i := l.find(l.Cursor, dir); i >= 0 {
			l.Cursor = i
		} else if i := l.find(l.Cursor, -dir); i >= 0 {
			l.Cursor = i
		}
	}
	if l.Height > 0 {
		lead := l.Lead
		if lead == nil {
			lead = l.Skip
		}
		if l.Cursor < l.Offset {
			l.Offset = l.Cursor
			for lead != nil && l.Offset > 0 && lead(l.Offset-1) && l.Cursor-l.Offset+1 < l.Height {
				l.Offset--
			}
		}
		if l.Cursor >= l.Offset+l.Height {
			l.Offset = l.Cursor - l.Height + 1
		}
		// The first row the cursor may rest on shows what is above it.
		if l.Skip != nil && l.Cursor < l.Height && l.find(0, 1) == l.Cursor {
			l.Offset = 0
		}
	}
	l.Offset = min(max(l.Offset, 0), l.maxOffset())
}

func sign(n int) int {
	if n < 0 {
		return -1
	}
	return 1
}

// LinesBelow is the mark on the last line of a scrolled text (a report,
// the weekly review) saying how many lines are below it: "  ↓ 12 more
// lines" / "  ↓ 下方还有 12 行".
func LinesBelow(l i18n.Lang, n int) string { return "  " + l.N("form.lines_below", n, n) }

// FollowLines is the offset that shows lines [top, end) of a body of
// total lines in h rows, starting from offset: unchanged when they show,
// else the least scroll that shows them (their first line, under the line
// before it, when they are taller than the view). While lines remain
// below, a "↓N more" mark takes the view's last row, so the lines must
// fit above it.
func FollowLines(offset, top, end, total, h int) int {
	if end < total {
		h = max(h-1, 1)
	}
	if end > offset+h {
		offset = end - h
	}
	if top < offset || end-top > h {
		offset = max(top-1, 0)
	}
	return offset
}
