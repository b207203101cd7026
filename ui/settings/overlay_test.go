package settings

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/common"
	"salesplan/ui/i18n"
	rt "salesplan/ui/report/reporttest"
)

// stub is a pane that records what reaches it.
type stub struct {
	capturing bool
	got       []tea.Msg
}

func (s *stub) Init() tea.Cmd                             { return nil }
func (s *stub) Update(msg tea.Msg) (common.Pane, tea.Cmd) { s.got = append(s.got, msg); return s, nil }
func (s *stub) View() string                              { return "the pane" }
func (s *stub) SetSize(int, int)                          {}
func (s *stub) ShortHelp() []key.Binding                  { return nil }
func (s *stub) FullHelp() [][]key.Binding                 { return nil }
func (s *stub) Capturing() bool                           { return s.capturing }

func TestOverlayOpensOnComma(t *testing.T) {
	st := rt.OpenStore(t)
	rt.Seed(t, st)
	inner := &stub{}
	o := Overlay(rt.EnvFor(st, i18n.EN), inner)
	o.SetSize(80, 21)
	rt.Run(o, func() tea.Cmd { _, c := o.Update(rt.Key(",")); return c }())
	if !o.Capturing() || !strings.Contains(ansi.Strip(o.View()), "Calls per day") {
		t.Fatalf(", did not open the settings:\n%s", ansi.Strip(o.View()))
	}
	o.Update(rt.Key("j"))
	for _, m := range inner.got {
		if k, ok := m.(tea.KeyPressMsg); ok {
			t.Errorf("the pane got %v while the settings were open", k)
		}
	}
	o.Update(common.DataChangedMsg{})
	if len(inner.got) != 1 {
		t.Errorf("DataChangedMsg did not reach the pane: %#v", inner.got)
	}
	o.Update(rt.Key("esc")) // "j" was typed: esc asks first
	o.Update(rt.Key("y"))
	if o.Capturing() || o.View() != "the pane" {
		t.Errorf("esc, y did not close the settings:\n%s", o.View())
	}

	// A pane with a text input keeps its commas.
	inner.capturing = true
	o.Update(rt.Key(","))
	if v := o.View(); v != "the pane" {
		t.Errorf(", while the pane captures opened the settings")
	}
}
