package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"salesplan/ui/i18n"
)

// longNote is a note of about n characters as a rep writes one: paragraphs
// of Chinese and English sentences, a few hundred characters each.
func longNote(n int) string {
	para := strings.Repeat("王总说下周三之前要看到冷水机组的报价，顺便带上选型手册。", 4) + "\n" +
		strings.Repeat("Called back about the chiller plant; wants the pump curves by Friday. ", 3) + "\n\n"
	var b strings.Builder
	for b.Len() < n*2 { // bytes, roughly: half the characters are three bytes
		b.WriteString(para)
	}
	r := []rune(b.String())
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// benchNoteTyping times one typed key at the end of a note of n characters,
// with the box drawn after it, as the planner does for every key.
func benchNoteTyping(b *testing.B, n int) {
	d := NewNote(i18n.EN, DefaultStyles(true), "note", "", longNote(n), 8)
	d.SetWidth(80)
	d.Update(tea.KeyPressMsg{Code: tea.KeyEnd, Mod: tea.ModCtrl}) // to the end of the text
	_ = d.View()
	keys := []rune("回访ok ")
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		r := keys[i%len(keys)]
		i++
		d.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		_ = d.View()
	}
}

func BenchmarkNoteTyping2k(b *testing.B)  { benchNoteTyping(b, 2_000) }
func BenchmarkNoteTyping20k(b *testing.B) { benchNoteTyping(b, 20_000) }
