package clients

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// flowHost runs a NoteFlow the way a pane or the shell hosts it.
type flowHost struct {
	f    *NoteFlow
	done bool
}

func (h *flowHost) Update(msg tea.Msg) (commonPane, tea.Cmd) {
	done, cmd := h.f.Update(msg)
	h.done = h.done || done
	return nil, cmd
}

func TestNoteFlow(t *testing.T) {
	t.Run("picker first, then the note", func(t *testing.T) {
		st := uitest.OpenStore(t)
		ids := uitest.SeedClients(t, st)
		env := uitest.EnvAt(st, i18n.ZH, uitest.Morning)
		f, cmd := NewNoteFlow(env, form.DefaultStyles(true), 0)
		h := &flowHost{f: f}
		uitest.Run(h, cmd)
		if !strings.Contains(f.View(), "给哪个客户记笔记") || strings.Contains(f.View(), "旧客户") {
			t.Fatalf("picker:\n%s", f.View())
		}
		uitest.Type(h, "acm")
		uitest.Press(h, "enter")
		if f.Client() != ids.Acme || !strings.Contains(f.View(), "ACME Ltd的笔记") {
			t.Fatalf("picked %d:\n%s", f.Client(), f.View())
		}
		uitest.Type(h, "wants a second quote")
		msgs := uitest.Press(h, "ctrl+s")
		if !h.done {
			t.Fatal("the flow did not finish")
		}
		d, _ := st.ClientDetail(ids.Acme, uitest.Today, 1)
		if len(d.Journal) != 1 || d.Journal[0].Text != "wants a second quote" || d.Journal[0].Kind != model.EntryNote {
			t.Errorf("journal %+v", d.Journal)
		}
		if s := uitest.Statuses(msgs); len(s) != 1 || s[0] != "已为ACME Ltd记笔记" {
			t.Errorf("statuses %v", s)
		}
	})
	t.Run("no match, then esc", func(t *testing.T) {
		st := uitest.OpenStore(t)
		uitest.SeedClients(t, st)
		f, cmd := NewNoteFlow(uitest.EnvAt(st, i18n.EN, uitest.Morning), form.DefaultStyles(true), 0)
		h := &flowHost{f: f}
		uitest.Run(h, cmd)
		uitest.Type(h, "zzz")
		uitest.Press(h, "enter")
		if h.done || !strings.Contains(f.View(), "No client matches") {
			t.Fatalf("enter on no match:\n%s", f.View())
		}
		uitest.Press(h, "esc")
		if !h.done {
			t.Error("esc did not end the flow")
		}
	})
	t.Run("a client in context skips the picker; an empty note is refused", func(t *testing.T) {
		st := uitest.OpenStore(t)
		ids := uitest.SeedClients(t, st)
		f, cmd := NewNoteFlow(uitest.EnvAt(st, i18n.EN, uitest.Morning), form.DefaultStyles(true), ids.Li)
		h := &flowHost{f: f}
		uitest.Run(h, cmd)
		if !strings.Contains(f.View(), "Note on 李经理") {
			t.Fatalf("view:\n%s", f.View())
		}
		uitest.Press(h, "ctrl+s")
		if h.done {
			t.Fatal("an empty note was saved")
		}
		uitest.Type(h, "x")
		uitest.Press(h, "esc")
		if h.done {
			t.Fatal("esc with text closed without asking")
		}
		uitest.Press(h, "y")
		if !h.done {
			t.Fatal("y did not discard")
		}
	})
}

func TestMouse(t *testing.T) {
	m, _, ids := open(t, i18n.EN, 100, 30)
	click := func(y int) {
		_, cmd := m.Update(tea.MouseClickMsg{X: 10, Y: y, Button: tea.MouseLeft})
		uitest.Run(m, cmd)
	}
	click(4) // the third row: ACME Ltd
	if r, _ := m.selected(); r.ID != ids.Acme || m.screen != screenList {
		t.Fatalf("first click selected %q", r.Name)
	}
	click(4)
	if m.screen != screenDetail || m.det.id != ids.Acme {
		t.Fatalf("second click did not open ACME")
	}
}

func TestLongJournalScrolls(t *testing.T) {
	m, st, ids := open(t, i18n.EN, 80, 24)
	for i := range 40 {
		_, err := st.AddEntry(model.JournalEntry{ClientID: ids.Wang, Kind: model.EntryCall,
			At: uitest.Morning.Add(-time.Duration(i) * time.Hour), Text: fmt.Sprintf("call number %d", i)})
		if err != nil {
			t.Fatal(err)
		}
	}
	uitest.Press(m, "enter")
	v := plain(m)
	if !strings.Contains(v, "more") || strings.Contains(v, "call number 39") {
		t.Fatalf("the first screen:\n%s", v)
	}
	for range 60 {
		uitest.Press(m, "j")
	}
	v = plain(m)
	if !strings.Contains(v, "call number 39") || !strings.Contains(v, "现场踏勘冷站") {
		t.Errorf("scrolled to the end:\n%s", v)
	}
	uitest.CheckSize(t, m.View(), 80, 24)
	uitest.Press(m, "home")
	if !strings.Contains(plain(m), "Phone") {
		t.Errorf("home did not go back up")
	}
}

func TestStaleListIsDropped(t *testing.T) {
	m, _, _ := open(t, i18n.EN, 100, 30)
	old := m.seq
	cmd := m.reload() // a newer request
	m.Update(listMsg{seq: old, rows: nil})
	if len(m.rows) == 0 {
		t.Fatal("an old answer replaced the list")
	}
	uitest.Run(m, cmd)
	if len(m.rows) != 6 {
		t.Errorf("%d rows after the newer answer", len(m.rows))
	}
}
