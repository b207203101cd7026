package day

import (
	"os"
	"testing"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// The Day must stay fast on a big database: ten years of heavy use
// (uitest.BigStore: 100k tasks, 5k clients, 50k journal entries).

func TestMain(m *testing.M) {
	code := m.Run()
	uitest.RemoveBig()
	os.Exit(code)
}

// BenchmarkDayKeypress is one j press: Update and the frame it draws.
func BenchmarkDayKeypress(b *testing.B) {
	st := uitest.BigStore(b)
	m := newModel(uitest.Env(st, i18n.ZH))
	m.SetSize(120, 40)
	uitest.Run(m, m.Init())
	b.Logf("the day lists %d tasks, %d attention items", len(m.tasks), len(m.attention))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		k := "j"
		if i/50%2 == 1 {
			k = "k" // walk back and forth through the first rows and the carried-over ones
		}
		m.Update(uitest.Key(k))
		_ = m.View()
	}
}

// BenchmarkDayFirstFrame is opening the pane: the store reads (today's
// agenda and the clients shown) and the first frame.
func BenchmarkDayFirstFrame(b *testing.B) {
	st := uitest.BigStore(b)
	for b.Loop() {
		m := newModel(uitest.Env(st, i18n.ZH))
		m.SetSize(120, 40)
		uitest.Run(m, m.Init())
		_ = m.View()
	}
}

// BenchmarkDayKeypressHugeDay is a j press on a day listing 100k tasks (a
// database whose every task was carried over): only the visible rows are
// drawn, so a frame costs what a small day's does.
func BenchmarkDayKeypressHugeDay(b *testing.B) {
	m := newModel(uitest.Env(nil, i18n.ZH))
	m.SetSize(120, 40)
	m.loaded = true
	m.tasks = make([]model.AgendaTask, 100_000)
	for i := range m.tasks {
		m.tasks[i] = model.AgendaTask{Task: model.Task{ID: model.ID(i + 1), Title: "拜访客户，核对投标清单",
			Date: uitest.Today - model.Date(i%400) - 1, Kind: model.TaskVisit, ClientID: model.ID(i%50 + 1)},
			ClientName: "王总", CarriedOver: true}
	}
	m.rebuild(0)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.Update(uitest.Key("j"))
		_ = m.View()
	}
}
