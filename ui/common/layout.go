package common

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
)

// Widths here are terminal cells (Chinese characters take two), measured
// with x/ansi so that styled text measures as what it shows.

// Ellipsis marks text cut by Truncate.
const Ellipsis = "…"

// Width returns the width of s in cells (the widest line).
func Width(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		if lw := ansi.StringWidth(line); lw > w {
			w = lw
		}
	}
	return w
}

// Truncate cuts one line of (possibly styled) text to at most w cells,
// ending in "…" when it was cut. A wide character that would straddle the
// edge is dropped, never split.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, Ellipsis)
}

// PadRight cuts or pads one line to exactly w cells.
func PadRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = Truncate(s, w)
	if n := w - ansi.StringWidth(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

// PadLeft cuts or pads one line to exactly w cells, aligned right (numbers).
func PadLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = Truncate(s, w)
	if n := w - ansi.StringWidth(s); n > 0 {
		s = strings.Repeat(" ", n) + s
	}
	return s
}

// Center cuts or pads one line to exactly w cells, centred.
func Center(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = Truncate(s, w)
	n := w - ansi.StringWidth(s)
	if n <= 0 {
		return s
	}
	return strings.Repeat(" ", n/2) + s + strings.Repeat(" ", n-n/2)
}

// Fit makes a block exactly w cells wide and h lines high: long lines are
// cut, short ones padded, missing lines added, extra lines dropped. The
// shell fits every pane's View with it, so a pane that miscounts cannot
// break the layout.
func Fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = PadRight(l, w)
	}
	return strings.Join(lines, "\n")
}

// Cell makes user text safe and fits it in a cell of w cells: escape and
// control sequences removed (model.InertLine), then PadRight.
func Cell(userText string, w int) string {
	return PadRight(model.InertLine(userText), w)
}

// ShiftMouse returns a mouse message moved by (-dx, -dy), so that a child
// drawn at (dx, dy) receives coordinates relative to its own top-left
// corner. Other messages come back unchanged.
func ShiftMouse(msg tea.Msg, dx, dy int) tea.Msg {
	switch m := msg.(type) {
	case tea.MouseClickMsg:
		m.X, m.Y = m.X-dx, m.Y-dy
		return m
	case tea.MouseReleaseMsg:
		m.X, m.Y = m.X-dx, m.Y-dy
		return m
	case tea.MouseWheelMsg:
		m.X, m.Y = m.X-dx, m.Y-dy
		return m
	case tea.MouseMotionMsg:
		m.X, m.Y = m.X-dx, m.Y-dy
		return m
	}
	return msg
}
