package theme

import (
	"strings"
	"testing"
)

// With NO_COLOR no style may emit a colour, but the selection and the active
// tab must still stand out (reverse video).
func TestNoColor(t *testing.T) {
	s := New(true, true)
	for name, st := range map[string]string{
		"base": s.Base.Render("x"), "selected": s.Selected.Render("x"), "tab": s.TabActive.Render("x"),
		"overdue": s.Overdue.Render("x"), "due soon": s.DueSoon.Render("x"), "done": s.Done.Render("x"),
		"key": s.KeyClient.Render(KeyStar), "bar": s.BarFill.Render("█"), "panel": s.Panel.Render("x"),
		"status err": s.StatusErr.Render("x"), "help key": s.Help().ShortKey.Render("x"),
	} {
		if hasColourParam(st) {
			t.Errorf("%s: colour sequence in %q", name, st)
		}
	}
	if !strings.Contains(s.Selected.Render("x"), "7") || !strings.Contains(s.TabActive.Render("x"), "7") {
		t.Errorf("selection and active tab must use reverse video without colour: %q %q",
			s.Selected.Render("x"), s.TabActive.Render("x"))
	}
}

// hasColourParam reports whether any SGR sequence in s sets a colour.
func hasColourParam(s string) bool {
	for _, part := range strings.Split(s, "\x1b[")[1:] {
		end := strings.IndexByte(part, 'm')
		if end < 0 {
			continue
		}
		for _, p := range strings.Split(part[:end], ";") {
			switch {
			case p == "38" || p == "48":
				return true
			case len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] >= '0' && p[1] <= '7':
				return true
			}
		}
	}
	return false
}

// Light and dark themes must differ (the background query matters), and
// urgency must be coloured differently from plain text.
func TestColours(t *testing.T) {
	dark, light := New(true, false), New(false, false)
	if dark.Palette.Fg == light.Palette.Fg {
		t.Error("light and dark foregrounds are the same")
	}
	for _, s := range []Styles{dark, light} {
		if s.Palette.Red == s.Palette.Fg || s.Palette.Amber == s.Palette.Fg || s.Palette.Red == s.Palette.Amber {
			t.Error("overdue, due soon and body text must be distinguishable")
		}
		if !hasColourParam(s.Overdue.Render("x")) {
			t.Errorf("overdue renders without colour: %q", s.Overdue.Render("x"))
		}
	}
}
