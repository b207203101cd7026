package uitest

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

var named = map[string]tea.KeyPressMsg{
	"enter":     {Code: tea.KeyEnter},
	"esc":       {Code: tea.KeyEscape},
	"tab":       {Code: tea.KeyTab},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
	"space":     {Code: tea.KeySpace, Text: " "},
	"backspace": {Code: tea.KeyBackspace},
	"up":        {Code: tea.KeyUp},
	"down":      {Code: tea.KeyDown},
	"left":      {Code: tea.KeyLeft},
	"right":     {Code: tea.KeyRight},
	"pgup":      {Code: tea.KeyPgUp},
	"pgdown":    {Code: tea.KeyPgDown},
	"home":      {Code: tea.KeyHome},
	"end":       {Code: tea.KeyEnd},
}

// Key builds a key press from its name: "enter", "esc", "tab",
// "shift+tab", "space", "backspace", the arrows, "pgup", "pgdown", "home",
// "end", "ctrl+" and a letter, or the one character typed.
func Key(s string) tea.KeyPressMsg {
	if k, ok := named[s]; ok {
		return k
	}
	if l, ok := strings.CutPrefix(s, "ctrl+"); ok && len(l) == 1 {
		return tea.KeyPressMsg{Code: rune(l[0]), Mod: tea.ModCtrl}
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

// Typing is the key presses that type s, one a character; "\n" is enter.
func Typing(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		if r == '\n' {
			out = append(out, Key("enter"))
			continue
		}
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}
