package month

import (
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

// BenchmarkMonthView is one frame of this month on the 100k-task database,
// with a key press (→) before it.
func BenchmarkMonthView(b *testing.B) {
	m := newModel(uitest.Env(uitest.BigStore(b), i18n.ZH))
	m.SetSize(120, 40)
	uitest.Run(m, m.Init())
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
		m.Update(uitest.Key(k))
		_ = m.View()
	}
}

// BenchmarkMonthLoad is opening the pane: Store.Month, the settings and
// the first frame.
func BenchmarkMonthLoad(b *testing.B) {
	st := uitest.BigStore(b)
	for b.Loop() {
		m := newModel(uitest.Env(st, i18n.ZH))
		m.SetSize(120, 40)
		uitest.Run(m, m.Init())
		_ = m.View()
	}
}

// BenchmarkYearView is y: the twelve months' signed sales and the frame.
func BenchmarkYearView(b *testing.B) {
	st := uitest.BigStore(b)
	m := newModel(uitest.Env(st, i18n.ZH))
	m.SetSize(120, 40)
	uitest.Run(m, m.Init())
	for b.Loop() {
		uitest.Press(m, "y")
		_ = m.View()
		uitest.Press(m, "y")
	}
}
