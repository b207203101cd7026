package note

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func TestNoteFlow(t *testing.T) {
	t.Run("picker first, then the note", func(t *testing.T) {
		st := uitest.OpenStore(t)
		ids := uitest.SeedClients(t, st)
		env := uitest.EnvAt(st, i18n.ZH, uitest.Morning)
		f, cmd := New(env, 0)
		uitest.Run(f, cmd)
		if !strings.Contains(f.View(), "给哪个客户记笔记") || strings.Contains(f.View(), "旧客户") {
			t.Fatalf("picker:\n%s", f.View())
		}
		uitest.Type(f, "acm")
		uitest.Press(f, "enter")
		if f.Client() != ids.Acme || !strings.Contains(f.View(), "ACME Ltd的笔记") {
			t.Fatalf("picked %d:\n%s", f.Client(), f.View())
		}
		uitest.Type(f, "wants a second quote")
		msgs := uitest.Press(f, "ctrl+s")
		if !f.Closed() {
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
		f, cmd := New(uitest.EnvAt(st, i18n.EN, uitest.Morning), 0)
		uitest.Run(f, cmd)
		uitest.Type(f, "zzz")
		uitest.Press(f, "enter")
		if f.Closed() || !strings.Contains(f.View(), "No client matches") {
			t.Fatalf("enter on no match:\n%s", f.View())
		}
		uitest.Press(f, "esc")
		if !f.Closed() {
			t.Error("esc did not end the flow")
		}
	})
	t.Run("a client in context skips the picker; an empty note is refused", func(t *testing.T) {
		st := uitest.OpenStore(t)
		ids := uitest.SeedClients(t, st)
		f, cmd := New(uitest.EnvAt(st, i18n.EN, uitest.Morning), ids.Li)
		uitest.Run(f, cmd)
		if !strings.Contains(f.View(), "Note on 李经理") {
			t.Fatalf("view:\n%s", f.View())
		}
		uitest.Press(f, "ctrl+s")
		if f.Closed() {
			t.Fatal("an empty note was saved")
		}
		uitest.Type(f, "x")
		uitest.Press(f, "esc")
		if f.Closed() {
			t.Fatal("esc with text closed without asking")
		}
		uitest.Press(f, "y")
		if !f.Closed() {
			t.Fatal("y did not discard")
		}
	})
}

// A note pasted with escape sequences, tabs, a very long line and emoji:
// the note box shows it inert, and the store keeps the paste as it came
// (DESIGN.md §6), its CRLF made LF.
func TestPastedNote(t *testing.T) {
	st := uitest.OpenStore(t)
	ids := uitest.SeedClients(t, st)
	f, cmd := New(uitest.EnvAt(st, i18n.EN, uitest.Morning), ids.Wang)
	f.SetSize(80, 21)
	uitest.Run(f, cmd)
	long := strings.Repeat("很长的一行没有空格", 30)
	paste := "价格\x1b[31m红\x1b[0m ok\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\\ncol\tcol\r\n" + long + "\nthanks 👍🏽 🎉"
	uitest.Send(f, tea.PasteMsg{Content: paste})
	v := f.Over(common.Fit("", 80, 21))
	if strings.ContainsAny(ansi.Strip(v), "\x1b\r\t") || strings.Contains(v, "evil") {
		t.Errorf("the note box shows controls: %q", v)
	}
	uitest.CheckSize(t, v, 80, 21)
	uitest.Press(f, "ctrl+s")
	if !f.Closed() {
		t.Fatalf("ctrl+s did not save:\n%s", f.View())
	}
	d, err := st.ClientDetail(ids.Wang, uitest.Today, 1)
	if err != nil {
		t.Fatal(err)
	}
	// The box showed the paste inert (escape sequences dropped, the tab as
	// spaces); the store holds what was pasted, its CRLF made one LF.
	if got, want := d.Journal[0].Text, strings.Replace(paste, "\r\n", "\n", 1); got != want {
		t.Errorf("stored %q,\nwant   %q", got, want)
	}
	if d.Journal[0].Kind != model.EntryNote {
		t.Errorf("kind %s", d.Journal[0].Kind)
	}
}
