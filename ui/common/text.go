package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
)

// Hanging writes head then the user's text wrapped to w cells, later lines
// indented under the text; a head wider than half the line goes on a line
// of its own, the text indented under it.
func Hanging(head, text string, w int) []string {
	hw := ansi.StringWidth(head)
	if hw > w/2 {
		out := []string{Truncate(strings.TrimRight(head, " "), w)}
		for _, p := range WrapText(text, max(w-4, 10)) {
			out = append(out, "    "+p)
		}
		return out
	}
	parts := WrapText(text, max(w-hw, 10))
	out := make([]string, 0, len(parts))
	for i, p := range parts {
		if i == 0 {
			out = append(out, Truncate(head+p, w))
		} else {
			out = append(out, strings.Repeat(" ", hw)+p)
		}
	}
	if len(out) == 0 {
		out = append(out, Truncate(head, w))
	}
	return out
}

// WrapText makes user text inert and wraps it to w cells: its own line
// breaks are kept, tabs become spaces (a tab would move the terminal's
// cursor past the layout), words longer than a line are broken.
func WrapText(text string, w int) []string {
	text = strings.ReplaceAll(model.Inert(text), "\t", "    ")
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line == "" {
			out = append(out, "")
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(line, max(w, 1), " "), "\n")...)
	}
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}
