package common

// List is the cursor and scroll offset of a list that renders only its
// visible rows (DESIGN.md §6: drawing 10k rows and letting the terminal
// clip them costs 100 ms a frame; drawing the visible ones costs 2 ms).
//
//	l.SetLen(len(rows)); l.SetHeight(h)
//	from, to := l.Visible()
//	for i := from; i < to; i++ { draw(rows[i], i == l.Cursor) }
//
// The zero List is an empty list. All methods keep Cursor within
// [0, Len) (or 0 when empty) and the cursor row on screen.
type List struct {
	Cursor int
	Offset int // first visible row
	Len    int
	Height int // visible rows
}

// SetLen changes the number of rows (after a reload), keeping the cursor
// on a valid row.
func (l *List) SetLen(n int) {
	if n < 0 {
		n = 0
	}
	l.Len = n
	l.clamp()
}

// SetHeight changes the number of visible rows.
func (l *List) SetHeight(h int) {
	if h < 0 {
		h = 0
	}
	l.Height = h
	l.clamp()
}

// Move moves the cursor by delta rows (negative = up), scrolling as needed.
func (l *List) Move(delta int) {
	l.Cursor += delta
	l.clamp()
}

// Select puts the cursor on row i.
func (l *List) Select(i int) {
	l.Cursor = i
	l.clamp()
}

// Top and Bottom jump to the first and the last row.
func (l *List) Top()    { l.Select(0) }
func (l *List) Bottom() { l.Select(l.Len - 1) }

// Scroll moves the view by delta rows without leaving the cursor off
// screen (the mouse wheel).
func (l *List) Scroll(delta int) {
	l.Offset = min(max(l.Offset+delta, 0), l.maxOffset())
	if l.Height > 0 {
		l.Cursor = min(max(l.Cursor, l.Offset), l.Offset+l.Height-1)
	}
	l.clamp()
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

func (l *List) clamp() {
	l.Cursor = max(min(l.Cursor, l.Len-1), 0)
	if l.Height > 0 {
		l.Offset = min(max(l.Offset, l.Cursor-l.Height+1), l.Cursor)
	}
	l.Offset = min(max(l.Offset, 0), l.maxOffset())
}
