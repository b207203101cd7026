package proof

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/storage"
	"salesplan/ui"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
)

// sizeProblem says how view is not exactly w × h cells, or "".
func sizeProblem(view string, w, h int) string {
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		return fmt.Sprintf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			return fmt.Sprintf("line %d is %d cells, want %d: %q", i, got, w, ansi.Strip(l))
		}
	}
	return ""
}

// Every tab of the real planner on the demo data, in both languages, at
// every size from 1×1 to 300×100 and through rapid random resizes, with
// detail views and help open on the way: no panic, and the frame is the
// terminal's size exactly.
func TestResizeEveryPane(t *testing.T) {
	dir := tempDir(t)
	st, err := storage.Open(demoDB(t, dir, false), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dw, dh, random := 7, 9, 300
	if raceOn {
		dw, dh, random = 29, 23, 40
	}
	sizes := [][2]int{{1, 1}, {300, 100}}
	for w := 1; w <= 300; w += dw {
		for h := 1; h <= 100; h += dh {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	r := rand.New(rand.NewPCG(8, 8))
	for range random {
		sizes = append(sizes, [2]int{1 + r.IntN(300), 1 + r.IntN(100)})
	}
	bad := 0
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		env := common.Env{Store: st, Lang: lang, TodayOverride: testToday}
		var m tea.Model = ui.New(env, ui.Options{PollInterval: time.Hour})
		m = pump(t, m, m.Init())
		for tab := 1; tab <= 6; tab++ {
			m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			m = switchTab(t, m, tab)
			for i, sz := range sizes {
				m, _ = m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				switch i % 50 { // change what is open now and then
				case 10:
					m = pump(t, m, func() tea.Msg { return key("enter") })
				case 20:
					m = pump(t, m, func() tea.Msg { return key("j") })
				case 30:
					m = pump(t, m, func() tea.Msg { return key("?") })
				case 40:
					m = pump(t, m, func() tea.Msg { return key("esc") })
				}
				if p := sizeProblem(m.View().Content, sz[0], sz[1]); p != "" {
					if bad++; bad <= 10 {
						t.Errorf("%s tab %d at %dx%d: %s", lang, tab, sz[0], sz[1], p)
					}
				}
			}
		}
	}
	if bad > 10 {
		t.Errorf("… %d wrong frames in all", bad)
	}
}
