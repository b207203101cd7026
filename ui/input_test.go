package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func ansiWidth(s string) int { return ansi.StringWidth(s) }

// titles lists the titles of today's tasks, and how many are done.
func titles(t *testing.T, env common.Env) (all []string, done int) {
	t.Helper()
	ts, err := env.Store.TasksOn(uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range ts {
		all = append(all, tk.Title)
		if tk.Done {
			done++
		}
	}
	return all, done
}

// Keys typed faster than a save wait for it and then apply in order:
// "atodo one⏎atodo two⏎" sent in one burst adds both tasks and nothing
// else (before, the keys after the first ⏎ were dropped or ran as commands
// on the pane: t went to today, d deleted a task).
func TestBurstOfQuickAdds(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(l), func(t *testing.T) {
			st := uitest.OpenStore(t)
			uitest.SeedDay(t, st)
			env := uitest.Env(st, l)
			before, doneBefore := titles(t, env)
			tm := uitest.Start(t, New(env, Options{NoColor: true}), 120, 40)
			uitest.WaitFor(t, tm, l.T("day.sec.carried", 2))
			uitest.SendAll(tm, uitest.Typing("atodo one\natodo two\n"))
			uitest.Eventually(t, "both tasks", func() bool {
				all, _ := titles(t, env)
				return len(all) >= len(before)+2
			})
			time.Sleep(100 * time.Millisecond) // anything else the keys set off would land by now
			m := uitest.Finish(t, tm).(*Model)
			all, done := titles(t, env)
			if len(all) != len(before)+2 || done != doneBefore {
				t.Errorf("after the burst: %d tasks (%d done), want %d (%d done):\n%s",
					len(all), done, len(before)+2, doneBefore, strings.Join(all, "\n"))
			}
			for _, want := range []string{"todo one", "todo two"} {
				if !strings.Contains(strings.Join(all, "\n"), want) {
					t.Errorf("%q was not added: %q", want, all)
				}
			}
			if m.captures() || m.Active() != common.PaneDay || m.host.Holding() {
				t.Errorf("after the burst: typing %v, pane %d, keys held %v", m.captures(), m.Active(), m.host.Holding())
			}
		})
	}
}

// A note pasted with CR line breaks (what most terminals send) keeps them,
// saved as LF, its tab kept.
func TestPastedNoteKeepsLineBreaks(t *testing.T) {
	st := uitest.OpenStore(t)
	ids := uitest.SeedClients(t, st)
	env := uitest.EnvAt(st, i18n.EN, uitest.Morning)
	tm := uitest.Start(t, New(env, Options{NoColor: true}), 100, 30)
	tm.Type("4")
	uitest.WaitScreen(t, tm, "王总")
	tm.Type("n")
	uitest.WaitScreen(t, tm, "Note on 王总")
	tm.Send(tea.PasteMsg{Content: "first line\rsecond line\r\tindented\r\nlast"})
	tm.Send(uitest.Key("ctrl+s"))
	want := "first line\nsecond line\n\tindented\nlast"
	uitest.Eventually(t, "the note", func() bool {
		d, err := st.ClientDetail(ids.Wang, uitest.Today, 1)
		return err == nil && len(d.Journal) > 0 && d.Journal[0].Kind == model.EntryNote && d.Journal[0].Text == want
	})
	uitest.Finish(t, tm)
}

// ctrl+c (and q from another tab) over a typed, unsaved note asks before
// quitting: n goes back to the note, y quits.
func TestQuitOverTypedTextAsks(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedClients(t, st)
	env := uitest.EnvAt(st, i18n.EN, uitest.Morning)
	tm := uitest.Start(t, New(env, Options{NoColor: true}), 100, 30)
	tm.Type("4")
	uitest.WaitScreen(t, tm, "王总")
	tm.Type("n")
	uitest.WaitScreen(t, tm, "Note on 王总")
	tm.Type("call back at 3")
	tm.Send(uitest.Key("ctrl+c"))
	uitest.WaitScreen(t, tm, "What you typed is not saved. Quit anyway?")
	tm.Type("n")
	tm.Type(", after lunch")
	uitest.WaitScreen(t, tm, "call back at 3, after lunch")
	tm.Send(uitest.Key("ctrl+c"))
	uitest.WaitScreen(t, tm, "Quit anyway?")
	tm.Type("y")
	tm.WaitFinished(t)
}

// q with nothing typed quits at once; with a quick-add line typed in the
// Day (left open when a click switched tabs), it asks.
func TestQuitAsksOnlyOverTypedText(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	m := New(uitest.Env(st, i18n.EN), Options{NoColor: true}).sized(120, 40)
	uitest.Run(m, m.start())
	if _, cmd := m.Update(uitest.Key("q")); cmd == nil {
		t.Fatal("q did nothing")
	} else if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("q with nothing typed did not quit")
	}
	uitest.Send(m, uitest.Key("a"))
	uitest.Type(m, "call 王总")
	m.Update(tea.MouseClickMsg{X: 10, Y: 1, Button: tea.MouseLeft}) // the Week's tab
	uitest.Send(m, uitest.Key("q"))
	if !m.topIs(screenQuit) || !strings.Contains(screen(m), "Quit anyway?") {
		t.Fatalf("q over a typed line in another tab did not ask:\n%s", screen(m))
	}
	uitest.Send(m, uitest.Key("esc"))
	if len(m.screens) != 0 {
		t.Error("esc did not take the question away")
	}
}

// The brief opened over the Day's Chinese rows at 120x40 in English keeps
// straight borders: a wide character under the dialog's edge is replaced
// by a space, so both edges are in one column on every line (read by eye
// in testdata/TestBriefOverChineseRows.golden).
func TestBriefOverChineseRows(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedDay(t, st)
	tm := uitest.Start(t, New(uitest.Env(st, i18n.EN), Options{NoColor: true}), 120, 40)
	uitest.WaitFor(t, tm, "Carried over · 2")
	tm.Type("jj") // 确认预付款到账时间, a call with 王总
	tm.Type("b")
	uitest.WaitScreen(t, tm, "Brief: 王总")
	m := uitest.Finish(t, tm).(*Model)
	view := screen(m)
	uitest.CheckSize(t, m.View().Content, 120, 40)
	left, right, in := -1, -1, false
	for i, line := range strings.Split(view, "\n") {
		in = in || strings.Contains(line, "╭")
		if !in {
			continue
		}
		l := strings.IndexAny(line, "╭│╰")
		r := strings.LastIndexAny(line, "╮│╯")
		lc, rc := ansiWidth(line[:l]), ansiWidth(line[:r])
		if left < 0 {
			left, right = lc, rc
		}
		if lc != left || rc != right {
			t.Errorf("line %d: the borders are at cells %d and %d, not %d and %d:\n%s", i, lc, rc, left, right, line)
		}
		if strings.Contains(line, "╰") {
			break
		}
	}
	if left < 0 {
		t.Fatalf("no brief on screen:\n%s", view)
	}
	golden.RequireEqual(t, view)
}
