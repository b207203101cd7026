package ui

import (
	"strings"
	"testing"

	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// esc goes back where the user came from: an attention item opened in the
// Clients pane, and a day opened from the Month, come back on esc.
func TestEscGoesBack(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	m := New(uitest.Env(st, i18n.EN), Options{NoColor: true}).sized(120, 40)
	uitest.Run(m, m.start())

	uitest.Press(m, "right", "enter") // the attention list's first item: 王总's promise
	if m.Active() != common.PaneClients || !strings.Contains(screen(m), "王总") {
		t.Fatalf("enter on the attention item did not open the client:\n%s", screen(m))
	}
	uitest.Press(m, "esc")
	if m.Active() != common.PaneDay {
		t.Fatalf("esc from the client opened from the Day left the planner on tab %d", m.Active())
	}

	uitest.Press(m, "3", "enter") // the Month's selected day
	if m.Active() != common.PaneDay {
		t.Fatalf("enter in the Month went to tab %d", m.Active())
	}
	uitest.Press(m, "left") // leave the attention list
	uitest.Press(m, "esc")
	if m.Active() != common.PaneMonth {
		t.Errorf("esc from the day opened from the Month went to tab %d", m.Active())
	}
	uitest.Press(m, "esc")
	if m.Active() != common.PaneMonth {
		t.Errorf("esc with nowhere to go back to moved to tab %d", m.Active())
	}
}

// "," opens the one settings screen over any tab; the pane under it gets
// no keys but still hears that data changed; esc over typed text asks
// first; a pane typing into a form keeps its commas.
func TestSettingsOverAnyTab(t *testing.T) {
	p := &probe{}
	env := testEnv(t, i18n.EN)
	uitest.SeedWeeks(t, env.Store)
	m := New(env, Options{Panes: probePanes(p)}).sized(80, 24)
	uitest.Run(m, m.start())
	uitest.Press(m, ",")
	if !m.topIs(common.ScreenSettings) || !strings.Contains(screen(m), "Calls per day") {
		t.Fatalf(", did not open the settings:\n%s", screen(m))
	}
	uitest.Press(m, "j")
	if len(p.keys) != 0 {
		t.Errorf("the pane got %v while the settings were open", p.keys)
	}
	m.Update(common.DataChangedMsg{})
	if p.changes == 0 {
		t.Error("DataChangedMsg did not reach the pane under the settings")
	}
	uitest.Press(m, "esc") // "j" was typed: esc asks first
	if !m.topIs(common.ScreenSettings) {
		t.Fatal("esc over typed text closed the settings without asking")
	}
	uitest.Press(m, "y")
	if len(m.screens) != 0 || !strings.Contains(screen(m), "probe") {
		t.Errorf("esc, y did not close the settings:\n%s", screen(m))
	}
	p.capturing = true
	uitest.Press(m, ",")
	if len(m.screens) != 0 || strings.Join(p.keys, "") != "," {
		t.Errorf(", while the pane captures: screens %d, pane keys %q", len(m.screens), p.keys)
	}
}

// The call sheet opens over the Clients tab from any tab, n jots a note
// for the client on it (the note flow floats over the sheet), and esc
// goes back to the tab it was opened from.
func TestCallSheetOverTheClientsTab(t *testing.T) {
	st := uitest.OpenStore(t)
	ids := uitest.SeedClients(t, st)
	m := New(uitest.EnvAt(st, i18n.EN, uitest.Morning), Options{NoColor: true}).sized(100, 30)
	uitest.Run(m, m.start())
	uitest.Press(m, "2", "C")
	if m.Active() != common.PaneClients || !strings.Contains(screen(m), "Call sheet · 1 of 3") {
		t.Fatalf("C from the Week: tab %d\n%s", m.Active(), screen(m))
	}
	uitest.Press(m, "n")
	if !strings.Contains(screen(m), "Note on 王总") || !strings.Contains(screen(m), "Call sheet · 1 of 3") {
		t.Fatalf("n on the sheet:\n%s", screen(m))
	}
	uitest.Type(m, "prefers mornings")
	uitest.Press(m, "ctrl+s")
	if d, _ := st.ClientDetail(ids.Wang, uitest.Today, 1); len(d.Journal) == 0 || d.Journal[0].Text != "prefers mornings" {
		t.Errorf("the note was not saved for 王总: %+v", d.Journal)
	}
	if !m.topIs(common.ScreenCallSheet) {
		t.Fatal("the note closed the sheet")
	}
	uitest.Press(m, "esc")
	if len(m.screens) != 0 || m.Active() != common.PaneWeek {
		t.Errorf("esc left %d screens, tab %d; want the Week", len(m.screens), m.Active())
	}
}

// The agenda is read once per write: after a task is added, the top line
// and the Day pane both reload it, from one Store.Today.
func TestAgendaOncePerWrite(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	env := uitest.Env(st, i18n.EN)
	env.Agendas = &common.Agendas{}
	m := New(env, Options{NoColor: true}).sized(120, 40)
	uitest.Run(m, m.start())
	if asked, computed := env.Agendas.Readings(); asked != 2 || computed != 1 {
		t.Fatalf("opening the planner: the agenda asked for %d times, read %d; want 2 and 1", asked, computed)
	}
	uitest.Press(m, "a")
	uitest.Type(m, "call 王总 tomorrow")
	uitest.Press(m, "enter")
	uitest.Press(m, "x") // a to-do done: a second write
	if asked, computed := env.Agendas.Readings(); asked != 6 || computed != 3 {
		t.Errorf("after two writes: the agenda asked for %d times, read %d; want 6 and 3", asked, computed)
	}
	if got := m.agenda.Attention; len(got) == 0 || !strings.Contains(screen(m), "Attention · 3") {
		t.Errorf("the top line and the Day disagree:\n%s", screen(m))
	}
}
