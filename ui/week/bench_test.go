package week

import (
	"fmt"
	"os"
	"testing"

	"salesplan/ui/i18n"
	rt "salesplan/ui/report/reporttest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	rt.RemoveBig()
	os.Exit(code)
}

// BenchmarkWeekView is one frame of this week on the 100k-task database,
// with a key press (j) before it.
func BenchmarkWeekView(b *testing.B) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			m := newModel(rt.EnvFor(rt.BigStore(b), i18n.ZH))
			m.SetSize(size[0], size[1])
			rt.Run(m, m.Init())
			n := 0
			for _, d := range m.week.Days {
				n += len(d.Tasks)
			}
			b.Logf("the week has %d tasks", n)
			for b.Loop() {
				m.Update(rt.Key("j"))
				_ = m.View()
			}
		})
	}
}

// BenchmarkWeekLoad is opening the pane: Store.Week, the settings and the
// first frame.
func BenchmarkWeekLoad(b *testing.B) {
	st := rt.BigStore(b)
	for b.Loop() {
		m := newModel(rt.EnvFor(st, i18n.ZH))
		m.SetSize(120, 40)
		rt.Run(m, m.Init())
		_ = m.View()
	}
}

// BenchmarkReview is r: Store.Review and the review's first frame.
func BenchmarkReview(b *testing.B) {
	st := rt.BigStore(b)
	m := newModel(rt.EnvFor(st, i18n.ZH))
	m.SetSize(120, 40)
	rt.Run(m, m.Init())
	for b.Loop() {
		rt.Press(m, "r")
		_ = m.View()
		rt.Press(m, "r")
	}
}
