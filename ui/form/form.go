// Package form holds the planner's dialogs: a one-line input, a note box, a
// field form and a confirmation, plus a read-only popup. Panes keep one
// Dialog open at a time, pass it every message while it is open and act on
// the Result it answers (the shape of crush's dialogs: the dialog decides
// what a key means, the pane decides what saving does).
//
// Every dialog measures in terminal cells, so Chinese lines up, and every
// paste goes through model.Inert before it reaches a field, so escape and
// control sequences never reach the terminal. Keys follow DESIGN.md §5:
// enter saves a one-line input, ctrl+s saves forms and note boxes, esc
// cancels and asks first when something was typed.
package form

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
	"salesplan/ui/theme"
)

// Result is what a dialog answers after a message.
type Result int

// Results.
const (
	// Open: the dialog is still open; keep sending it messages.
	Open Result = iota
	// Submitted: the user saved; read the dialog's values.
	Submitted
	// Cancelled: the user backed out; drop the dialog.
	Cancelled
)

// Dialog is any of this package's dialogs.
type Dialog interface {
	// Update handles a message and says whether the dialog is done.
	Update(msg tea.Msg) (Result, tea.Cmd)
	// View renders the dialog in at most its width.
	View() string
	// SetWidth sets the dialog's whole width in cells, border included.
	SetWidth(w int)
}

// Styles are the looks shared by every dialog.
type Styles struct {
	Box     lipgloss.Style // the frame around a dialog
	Title   lipgloss.Style
	Label   lipgloss.Style // a field's label
	Focused lipgloss.Style // the focused field's label
	Hint    lipgloss.Style // the key hints at the bottom, previews
	Error   lipgloss.Style
	Choice  lipgloss.Style // the chosen value of a choice field
}

// DefaultStyles returns styles for a dark or light terminal.
func DefaultStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A56E0"), lipgloss.Color("#7D79F6"))
	faint := ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#7A7A7A"))
	red := ld(lipgloss.Color("#C62828"), lipgloss.Color("#FF6B6B"))
	return StylesFrom(accent, faint, red)
}

// StylesFrom builds the dialog styles from three colour tokens, so a theme
// can hand its own palette over.
func StylesFrom(accent, faint, errColor color.Color) Styles {
	return Styles{
		Box:     lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Title:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Label:   lipgloss.NewStyle().Foreground(faint),
		Focused: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Hint:    lipgloss.NewStyle().Foreground(faint),
		Error:   lipgloss.NewStyle().Foreground(errColor),
		Choice:  lipgloss.NewStyle().Bold(true),
	}
}

// minWidth is the narrowest a dialog gets; below it nothing useful fits.
const minWidth = 20

// inner returns the width left for content inside the box.
func (s Styles) inner(width int) int {
	w := max(width, minWidth) - s.Box.GetHorizontalFrameSize()
	return max(w, 1)
}

// frame draws lines inside the box at the given whole width. Every line is
// cut to the inner width first, so a long Chinese line can never push the
// border out of place.
func (s Styles) frame(width int, lines ...string) string {
	in := s.inner(width)
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		for _, part := range strings.Split(l, "\n") {
			out = append(out, fit(part, in))
		}
	}
	return s.Box.Width(max(width, minWidth)).Render(strings.Join(out, "\n"))
}

// wrapped breaks plain text (an error, a question) into lines of at most
// w cells, each in style: a reason a save was refused is read whole, never
// cut at the dialog's edge. Words wrap at spaces; a long run without one
// (Chinese, a path) breaks at the edge, a wide character never split.
func (s Styles) wrapped(style lipgloss.Style, text string, w int) []string {
	var out []string
	for _, l := range strings.Split(ansi.Wrap(text, max(w, 1), " "), "\n") {
		out = append(out, style.Render(strings.TrimRight(l, " ")))
	}
	return out
}

// fit cuts a styled line to w cells, ending with … when it was longer.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// cleanPaste turns pasted text into something safe to keep in a field.
// Line breaks come as CR, CRLF or LF depending on the terminal; they are
// made LF first, since the sanitizer drops a lone CR with the other C0
// controls. Then the model's sanitizer (escapes, C0/C1 and bidi controls
// out), and, for one-line fields, line breaks and tabs become spaces.
func cleanPaste(s string, oneLine bool) string {
	s = model.Inert(Newlines(s))
	if oneLine {
		s = strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
	}
	return s
}

// Newlines makes every line break LF: a terminal's paste may send CR
// (most do, for the Enter key in the pasted text) or CRLF.
func Newlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
}

// asking is the question a dialog asks before esc throws typed text away:
// "Discard what you typed? y yes · n no".
type asking bool

// answer takes the key pressed while the question shows: y (or enter)
// cancels the dialog, n (or esc) goes back to the text.
func (a *asking) answer(msg tea.Msg) Result {
	switch {
	case isKey(msg, dk.Yes):
		return Cancelled
	case isKey(msg, dk.No):
		*a = false
	}
	return Open
}

// line is the question as the dialog shows it.
func (a asking) line(st Styles, lang i18n.Lang) string {
	return st.Error.Render(lang.T("form.discard") + " " + hints(lang, "form.key.y_yes", "form.key.n_no"))
}

// Failer is a dialog that can say, inside its frame, why its save was
// refused, keeping everything typed; the line goes at the next edit.
type Failer interface {
	Fail(msg string)
}

// Dirtier is a dialog holding typed text that is not saved: quitting asks
// first.
type Dirtier interface {
	Dirty() bool
}

// hints joins key hints ("enter save · esc cancel").
func hints(lang i18n.Lang, keys ...string) string {
	return strings.Join(keysT(lang, keys), " · ")
}

// hintLines are the key hints in lines of at most w cells, broken between
// two hints, never inside one: at 60 columns a form's "enter new line ·
// tab next field · ctrl+s save · esc cancel" takes two lines, read whole.
func (s Styles) hintLines(lang i18n.Lang, w int, keys ...string) []string {
	var out []string
	line := ""
	for _, h := range keysT(lang, keys) {
		switch {
		case line == "":
			line = h
		case ansi.StringWidth(line+" · "+h) > w:
			out = append(out, s.Hint.Render(line))
			line = h
		default:
			line += " · " + h
		}
	}
	return append(out, s.Hint.Render(line))
}

func keysT(lang i18n.Lang, keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = lang.T(k)
	}
	return out
}

// dk are the dialogs' keys, from the planner's one key map.
var dk = keys.Dialog

// isKey reports whether msg is a key press of one of the bindings.
func isKey(msg tea.Msg, bindings ...key.Binding) bool {
	k, ok := msg.(tea.KeyPressMsg)
	return ok && key.Matches(k, bindings...)
}

// ThemeStyles builds the dialog styles from the planner's theme, so dialogs
// follow its palette and its no-colour mode.
func ThemeStyles(t theme.Styles) Styles {
	return Styles{
		Box:     t.Overlay,
		Title:   t.Title,
		Label:   t.Label,
		Focused: t.Title,
		Hint:    t.Muted,
		Error:   t.Error,
		Choice:  t.Base.Bold(true),
	}
}

// steadyCursor stops a text input's cursor from blinking: a blink redraws
// the screen twice a second for nothing (over SSH too), and a steady
// cursor keeps the screen still for tests and screen readers.
func steadyCursor(ti *textinput.Model) {
	s := ti.Styles()
	s.Cursor.Blink = false
	ti.SetStyles(s)
}

// noNUL drops the NUL bytes bubbles' text inputs pad a wide-character
// placeholder with (v2.2.1): they are zero cells wide to the width
// functions but still reach the terminal.
func noNUL(s string) string { return strings.ReplaceAll(s, "\x00", "") }
