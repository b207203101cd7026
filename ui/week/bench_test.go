package week

import (
	"fmt"
	"os"
	"testing"

	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	uitest.RemoveBig()
	os.Exit(code)
}

// BenchmarkWeekView is one frame of this week on the 100k-task database,
// with a key press (j) before it.
func BenchmarkWeekView(b *testing.B) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			m := newModel(uitest.Env(uitest.BigStore(b), i18n.ZH))
			m.SetSize(size[0], size[1])
			uitest.Run(m, m.Init())
			n := 0
			for _, d := range m.week.Days {
				n += len(d.Tasks)
			}
			b.Logf("the week has %d tasks", n)
			for b.Loop() {
				m.Update(uitest.Key("j"))
				_ = m.View()
			}
		})
	}
}

// BenchmarkWeekLoad is opening the pane: Store.Week, the settings and the
// first frame.
func BenchmarkWeekLoad(b *testing.B) {
	st := uitest.BigStore(b)
	for b.Loop() {
		m := newModel(uitest.Env(st, i18n.ZH))
		m.SetSize(120, 40)
		uitest.Run(m, m.Init())
		_ = m.View()
	}
}

// BenchmarkReview is r: Store.Review and the review's first frame.
func BenchmarkReview(b *testing.B) {
	st := uitest.BigStore(b)
	m := newModel(uitest.Env(st, i18n.ZH))
	m.SetSize(120, 40)
	uitest.Run(m, m.Init())
	for b.Loop() {
		uitest.Press(m, "r")
		_ = m.View()
		uitest.Press(m, "r")
	}
}
