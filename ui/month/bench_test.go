package month

import (
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

// BenchmarkMonthView is one frame of this month on the 100k-task database,
// with a key press (→) before it.
func BenchmarkMonthView(b *testing.B) {
	m := newModel(rt.EnvFor(rt.BigStore(b), i18n.ZH))
	m.SetSize(120, 40)
	rt.Run(m, m.Init())
	n := 0
	for _, d := range m.month.Days {
		n += d.TasksTotal
	}
	b.Logf("the month has %d tasks", n)
	for i := 0; b.Loop(); i++ {
		k := "right"
		if i/10%2 == 1 {
			k = "left" // stay inside the month: no reload
		}
		m.Update(rt.Key(k))
		_ = m.View()
	}
}

// BenchmarkMonthLoad is opening the pane: Store.Month, the settings and
// the first frame.
func BenchmarkMonthLoad(b *testing.B) {
	st := rt.BigStore(b)
	for b.Loop() {
		m := newModel(rt.EnvFor(st, i18n.ZH))
		m.SetSize(120, 40)
		rt.Run(m, m.Init())
		_ = m.View()
	}
}

// BenchmarkYearView is y: the twelve months' signed sales and the frame.
func BenchmarkYearView(b *testing.B) {
	st := rt.BigStore(b)
	m := newModel(rt.EnvFor(st, i18n.ZH))
	m.SetSize(120, 40)
	rt.Run(m, m.Init())
	for b.Loop() {
		rt.Press(m, "y")
		_ = m.View()
		rt.Press(m, "y")
	}
}
