package common

import (
	"strings"
	"unicode/utf8"

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
		out = append(out, noLeadingPunct(strings.Split(ansi.Wrap(line, max(w, 1), " "), "\n"), max(w, 1))...)
	}
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// noLeadingPunct keeps Chinese punctuation that closes a phrase (、，。）
// and the like) off the start of a wrapped line, as Chinese typesetting
// does: the character before it comes down with it, and what that pushes
// past w cells moves on to the next line. lines are one paragraph's,
// wrapped to w and inert.
func noLeadingPunct(lines []string, w int) []string {
	for i := 1; i < len(lines); i++ {
		r, _ := utf8.DecodeRuneInString(lines[i])
		prev := []rune(lines[i-1])
		if !strings.ContainsRune(closingPunct, r) || len(prev) < 2 {
			continue
		}
		// The character before it comes down; a Latin word before it comes
		// down whole, unless it is all the line holds.
		k := len(prev) - 1
		for prev[k] < utf8.RuneSelf && k > 0 && prev[k-1] < utf8.RuneSelf && prev[k-1] != ' ' {
			k--
		}
		if k == 0 {
			continue
		}
		lines[i-1] = strings.TrimRight(string(prev[:k]), " ")
		lines[i] = string(prev[k:]) + lines[i]
		for j := i; j < len(lines) && ansi.StringWidth(lines[j]) > w; j++ {
			for rs := []rune(lines[j]); len(rs) > 1 && ansi.StringWidth(string(rs)) > w; rs = rs[:len(rs)-1] {
				if j+1 == len(lines) {
					lines = append(lines, "")
				}
				lines[j] = string(rs[:len(rs)-1])
				lines[j+1] = string(rs[len(rs)-1]) + lines[j+1]
			}
		}
	}
	return lines
}

// closingPunct are the characters a Chinese line does not start with.
const closingPunct = "、，。：；！？）》」』】〉〕］｝…"
