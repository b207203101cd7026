package day

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"salesplan/demo"
	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
)

// The Day must stay fast on a big database: ten years of heavy use
// (demo.WriteScaled: 100k tasks, 5k clients, 50k journal entries).

var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

func bigStore(b *testing.B) *storage.Store {
	b.Helper()
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "salesplan-bench-")
		if err != nil {
			bigErr = err
			return
		}
		bigPath = filepath.Join(dir, "big.db")
		st, err := storage.Open(bigPath, storage.Options{})
		if err != nil {
			bigErr = err
			return
		}
		bigErr = demo.WriteScaled(st, Today, 1)
	})
	if bigErr != nil {
		b.Fatalf("building the 100k-task database: %v", bigErr)
	}
	st, err := storage.Open(bigPath, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return st
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigPath != "" {
		os.RemoveAll(filepath.Dir(bigPath))
	}
	os.Exit(code)
}

// BenchmarkDayKeypress is one j press: Update and the frame it draws.
func BenchmarkDayKeypress(b *testing.B) {
	st := bigStore(b)
	m := newModel(EnvFor(st, i18n.ZH))
	m.SetSize(120, 40)
	run(m, m.Init())
	b.Logf("the day lists %d tasks, %d attention items", len(m.tasks), len(m.attention))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		k := "j"
		if i/50%2 == 1 {
			k = "k" // walk back and forth through the first rows and the carried-over ones
		}
		m.Update(keyMsg(k))
		_ = m.View()
	}
}

// BenchmarkDayFirstFrame is opening the pane: the store reads (today's
// agenda and the clients shown) and the first frame.
func BenchmarkDayFirstFrame(b *testing.B) {
	st := bigStore(b)
	for b.Loop() {
		m := newModel(EnvFor(st, i18n.ZH))
		m.SetSize(120, 40)
		run(m, m.Init())
		_ = m.View()
	}
}

// BenchmarkDayKeypressHugeDay is a j press on a day listing 100k tasks (a
// database whose every task was carried over): only the visible rows are
// drawn, so a frame costs what a small day's does.
func BenchmarkDayKeypressHugeDay(b *testing.B) {
	m := newModel(EnvFor(nil, i18n.ZH))
	m.SetSize(120, 40)
	m.loaded = true
	m.tasks = make([]model.AgendaTask, 100_000)
	for i := range m.tasks {
		m.tasks[i] = model.AgendaTask{Task: model.Task{ID: model.ID(i + 1), Title: "拜访客户，核对投标清单",
			Date: Today - model.Date(i%400) - 1, Kind: model.TaskVisit, ClientID: model.ID(i%50 + 1)},
			ClientName: "王总", CarriedOver: true}
	}
	m.rebuild(0)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.Update(keyMsg("j"))
		_ = m.View()
	}
}
