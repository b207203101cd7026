package dialog

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Over draws dlg over the bottom of body, an area w cells wide and h lines
// high, centred, the body still showing around it. A dialog taller than h
// keeps its bottom lines, where the input and its hints are.
//
// Cuts are made in cells. A wide character (Chinese, two cells) of the
// body that the dialog's left or right border would cut in half is
// replaced by spaces, so the border stays straight: the dialog starts in
// the same column on every line, whatever script the body shows.
func Over(body, dlg string, w, h int) string {
	if h <= 0 || w <= 0 {
		return ""
	}
	lines := strings.Split(body, "\n")
	for len(lines) < h {
		lines = append(lines, "")
	}
	lines = lines[:h]
	d := strings.Split(dlg, "\n")
	if len(d) > h {
		d = d[len(d)-h:]
	}
	dw := 0
	for _, l := range d {
		dw = max(dw, ansi.StringWidth(l))
	}
	x := max((w-dw)/2, 0)
	top := h - len(d)
	for i, dl := range d {
		if ansi.StringWidth(dl) > w {
			dl = ansi.Truncate(dl, w, "") // an area narrower than the dialog
		}
		// The reset keeps a style open in the cut body from bleeding into
		// the dialog, and the dialog's from bleeding into the body.
		lines[top+i] = cellsBefore(lines[top+i], x) + ansi.ResetStyle + dl + ansi.ResetStyle +
			cellsFrom(lines[top+i], x+ansi.StringWidth(dl), w)
	}
	return strings.Join(lines, "\n")
}

// cellsBefore is s's cells [0, x), padded with spaces to exactly x cells: a
// wide character straddling x is dropped by the cut, and its left half
// becomes a space.
func cellsBefore(s string, x int) string {
	if x <= 0 {
		return ""
	}
	out := ansi.Truncate(s, x, "")
	if n := x - ansi.StringWidth(out); n > 0 {
		out += strings.Repeat(" ", n)
	}
	return out
}

// cellsFrom is s's cells [x, w), exactly w-x cells: a wide character
// straddling x (its right half) becomes a space, a short line is padded.
func cellsFrom(s string, x, w int) string {
	want := w - x
	if want <= 0 {
		return ""
	}
	out := ansi.TruncateLeft(s, x, "")
	if ansi.StringWidth(out) > max(ansi.StringWidth(s)-x, 0) {
		// TruncateLeft kept the character that starts at x-1.
		out = " " + ansi.TruncateLeft(s, x+1, "")
	}
	if ansi.StringWidth(out) > want {
		out = ansi.Truncate(out, want, "")
	}
	if n := want - ansi.StringWidth(out); n > 0 {
		out += strings.Repeat(" ", n)
	}
	return out
}
