package settings

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
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
	st := uitest.OpenStore(t)
	uitest.SeedWeeks(t, st)
	inner := &stub{}
	o := Overlay(uitest.Env(st, i18n.EN), inner)
	o.SetSize(80, 21)
	uitest.Run(o, func() tea.Cmd { _, c := o.Update(uitest.Key(",")); return c }())
	if !o.Capturing() || !strings.Contains(ansi.Strip(o.View()), "Calls per day") {
		t.Fatalf(", did not open the settings:\n%s", ansi.Strip(o.View()))
	}
	o.Update(uitest.Key("j"))
	for _, m := range inner.got {
		if k, ok := m.(tea.KeyPressMsg); ok {
			t.Errorf("the pane got %v while the settings were open", k)
		}
	}
	o.Update(common.DataChangedMsg{})
	if len(inner.got) != 1 {
		t.Errorf("DataChangedMsg did not reach the pane: %#v", inner.got)
	}
	o.Update(uitest.Key("esc")) // "j" was typed: esc asks first
	o.Update(uitest.Key("y"))
	if o.Capturing() || o.View() != "the pane" {
		t.Errorf("esc, y did not close the settings:\n%s", o.View())
	}

	// A pane with a text input keeps its commas.
	inner.capturing = true
	o.Update(uitest.Key(","))
	if v := o.View(); v != "the pane" {
		t.Errorf(", while the pane captures opened the settings")
	}
}
