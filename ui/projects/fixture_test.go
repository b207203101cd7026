package projects

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// run feeds a command's messages back into the pane, as the program
// would; the footer statuses are returned.
func run(p common.Pane, cmd tea.Cmd) []string { return uitest.Statuses(uitest.Run(p, cmd)) }

// press sends keys one after the other, running what each starts.
func press(p common.Pane, ks ...string) []string { return uitest.Statuses(uitest.Press(p, ks...)) }

// open builds a loaded Projects pane over a seeded store.
func open(t *testing.T, l i18n.Lang, w, h int) (*Model, *storage.Store, uitest.Pipeline) {
	t.Helper()
	st := uitest.OpenStore(t)
	s := uitest.SeedPipeline(t, st)
	m := newModel(uitest.Env(st, l))
	m.SetSize(w, h)
	run(m, m.Init())
	if !m.loaded {
		t.Fatal("the pipeline did not load")
	}
	return m, st, s
}

func screen(p common.Pane) string { return ansi.Strip(p.View()) }
