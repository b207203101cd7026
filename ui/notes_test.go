package ui_test

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// n on a pane that does nothing with it (the Month pane) opens the
// shell's note flow: a client picker, then the note box; C from any pane
// opens the call sheet on the Clients pane.
func TestNoteFromAnywhereAndCallSheet(t *testing.T) {
	st := uitest.OpenStore(t)
	ids := uitest.SeedClients(t, st)
	tm := uitest.Start(t, ui.New(uitest.EnvAt(st, i18n.EN, uitest.Morning), ui.Options{NoColor: true}), 100, 30)
	tm.Type("3")
	tm.Type("n")
	uitest.WaitScreen(t, tm, "Note for which client?")
	tm.Type("李")
	uitest.WaitScreen(t, tm, "▸ ★ 李经理")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	uitest.WaitScreen(t, tm, "Note on 李经理")
	tm.Type("q is a letter here, not quit; 1 is not a tab")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	deadline := time.Now().Add(5 * time.Second)
	for {
		d, err := st.ClientDetail(ids.Li, uitest.Today, 1)
		if err == nil && len(d.Journal) == 1 && d.Journal[0].Kind == model.EntryNote &&
			d.Journal[0].Text == "q is a letter here, not quit; 1 is not a tab" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the note was not saved: %+v", d.Journal)
		}
		time.Sleep(10 * time.Millisecond)
	}
	uitest.WaitScreen(t, tm, "Note saved for 李经理")

	tm.Type("1")
	tm.Type("C")
	uitest.WaitScreen(t, tm, "Call sheet · 1 of 3")
	final := uitest.Finish(t, tm).(*ui.Model)
	if final.Active() != 3 {
		t.Errorf("C left the planner on pane %d", final.Active())
	}
}

// contextMonth is the real Month pane with a client in context; it lets n
// pass, so the shell's note hook must find its client through the
// settings overlay that wraps every tab.
type contextMonth struct {
	common.Pane
	client model.ID
}

func (c contextMonth) ContextClient() model.ID { return c.client }

func (c contextMonth) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	p, cmd := c.Pane.Update(msg)
	c.Pane = p
	return c, cmd
}

// n on a pane with a client in context opens the note box for that client
// straight away, with no picker, though the pane sits under the overlay.
func TestNoteFindsClientThroughOverlay(t *testing.T) {
	st := uitest.OpenStore(t)
	ids := uitest.SeedClients(t, st)
	panes := func(env common.Env) [common.PaneCount]common.Pane {
		p := ui.DefaultPanes(env)
		p[common.PaneMonth] = contextMonth{Pane: p[common.PaneMonth], client: ids.Li}
		return p
	}
	tm := uitest.Start(t, ui.New(uitest.EnvAt(st, i18n.EN, uitest.Morning), ui.Options{NoColor: true, Panes: panes}), 100, 30)
	tm.Type("3")
	tm.Type("n")
	uitest.WaitScreen(t, tm, "Note on 李经理")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
}

// C, which the Week and Month help list, opens the call sheet from there
// too (the shell answers it, not the pane).
func TestCallSheetFromWeekAndMonth(t *testing.T) {
	for _, tab := range []string{"2", "3"} {
		t.Run("tab"+tab, func(t *testing.T) {
			st := uitest.OpenStore(t)
			uitest.SeedClients(t, st)
			tm := uitest.Start(t, ui.New(uitest.EnvAt(st, i18n.EN, uitest.Morning), ui.Options{NoColor: true}), 100, 30)
			tm.Type(tab)
			tm.Type("C")
			uitest.WaitScreen(t, tm, "Call sheet · 1 of 3")
			final := uitest.Finish(t, tm).(*ui.Model)
			if final.Active() != 3 {
				t.Errorf("C left the planner on pane %d", final.Active())
			}
		})
	}
}
