// Package overlay draws a pane's open dialog over the pane's body, so the
// Week and Month panes place their dialogs alike.
package overlay

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/common"
)

// Bottom draws a dialog over the bottom of the body, centred, in a w×h
// area; a dialog taller than h loses its top lines.
func Bottom(body, dlg string, w, h int) string {
	lines := strings.Split(body, "\n")
	for len(lines) < h {
		lines = append(lines, "")
	}
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
		base := common.PadRight(lines[top+i], w)
		lines[top+i] = ansi.Cut(base, 0, x) + ansi.ResetStyle + dl + ansi.ResetStyle + ansi.Cut(base, x+ansi.StringWidth(dl), w)
	}
	return strings.Join(lines[:h], "\n")
}
