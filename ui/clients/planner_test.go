package clients_test

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func detailOf(t *testing.T, st *storage.Store, name string) storage.ClientDetail {
	t.Helper()
	c, err := st.FindClient(name)
	if err != nil {
		return storage.ClientDetail{}
	}
	d, err := st.ClientDetail(c.ID, uitest.Today, 0)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The Clients and Promises panes inside the real planner: add a client,
// jot a note, record a promise, mark it kept, go through three clients on
// the call sheet and open a brief.
func TestInsideThePlanner(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedClients(t, st)
	env := uitest.EnvAt(st, i18n.EN, uitest.Morning)
	tm := uitest.Start(t, ui.New(env, ui.Options{NoColor: true}), 120, 40)
	tm.Type("4")
	uitest.WaitScreen(t, tm, "Clients 6/6")

	// Add a client.
	tm.Type("a")
	uitest.WaitScreen(t, tm, "New client")
	tm.Type("孙工")
	tm.Send(uitest.Key("tab"))
	tm.Type("东城区改造项目部")
	tm.Send(uitest.Key("ctrl+s"))
	uitest.Eventually(t, "the new client", func() bool { return detailOf(t, st, "孙工").Row.Company == "东城区改造项目部" })
	uitest.WaitScreen(t, tm, "Added client 孙工")

	// Jot a note on its detail.
	tm.Type("n")
	uitest.WaitScreen(t, tm, "Note on 孙工")
	tm.Type("想要样本，下周再联系")
	tm.Send(uitest.Key("ctrl+s"))
	uitest.Eventually(t, "the note", func() bool {
		j := detailOf(t, st, "孙工").Journal
		return len(j) == 1 && j[0].Kind == model.EntryNote && j[0].Text == "想要样本，下周再联系"
	})
	uitest.WaitScreen(t, tm, "Note saved for 孙工") // the pane has heard back (see below)

	// Record a promise.
	tm.Type("p")
	uitest.WaitScreen(t, tm, "Promise to 孙工")
	tm.Type("Send samples")
	tm.Send(uitest.Key("tab"))
	tm.Type("+10d")
	tm.Send(uitest.Key("ctrl+s"))
	uitest.Eventually(t, "the promise", func() bool {
		ps := detailOf(t, st, "孙工").Promises
		return len(ps) == 1 && ps[0].Due == uitest.Today.AddDays(10)
	})
	uitest.WaitScreen(t, tm, "Promised 孙工")

	// Mark it kept on the Promises pane: it is due last, so the bottom row.
	tm.Type("6")
	uitest.WaitScreen(t, tm, "Send samples")
	for range 6 {
		tm.Type("j")
	}
	tm.Type("x")
	uitest.WaitScreen(t, tm, "Kept on which day? Send samples")
	tm.Send(uitest.Key("enter"))
	uitest.Eventually(t, "the promise kept", func() bool {
		ps := detailOf(t, st, "孙工").Promises
		return len(ps) == 1 && ps[0].Status == model.PromiseKept && ps[0].KeptOn == uitest.Today
	})
	// The store has it before the pane hears back; keys typed meanwhile
	// would wait for it (the shell's key queue), but the screen is read
	// here, so wait for the pane's own word.
	uitest.WaitScreen(t, tm, "Kept: Send samples")

	// The call sheet: three clients due.
	tm.Type("4")
	tm.Send(uitest.Key("esc"))
	uitest.WaitScreen(t, tm, "Clients 7/7")
	tm.Type("C")
	uitest.WaitScreen(t, tm, "Call sheet · 1 of 3")
	tm.Type("c")
	uitest.WaitScreen(t, tm, "Called 王总: outcome?")
	tm.Type("quote by Monday")
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "Call sheet · 2 of 3")
	tm.Type("s")
	uitest.WaitScreen(t, tm, "Call sheet · 3 of 3")
	tm.Type("b")
	uitest.WaitScreen(t, tm, "Visit ACME Ltd on")
	tm.Type("tue")
	tm.Send(uitest.Key("enter"))
	// Booking the visit records the call that booked it (issue 15).
	uitest.WaitScreen(t, tm, "called 2 · skipped 1 · visits booked 1")
	uitest.Eventually(t, "the call and the visit", func() bool {
		w := detailOf(t, st, "王总")
		a := detailOf(t, st, "ACME Ltd")
		booked := false
		for _, tk := range a.Tasks {
			booked = booked || tk.Kind == model.TaskVisit && tk.Date == uitest.D(time.December, 1)
		}
		bookedOnCall := len(a.Journal) > 0 && a.Journal[0].Kind == model.EntryCall && a.Journal[0].On() == uitest.Today
		return w.Journal[0].Text == "quote by Monday" && w.Journal[0].Kind == model.EntryCall && booked && bookedOnCall
	})
	// The top line's call quota moved: both calls.
	uitest.WaitScreen(t, tm, "2/30")

	// A brief from the list.
	tm.Send(uitest.Key("esc"))
	uitest.WaitScreen(t, tm, "Clients 7/7")
	tm.Type("b")
	uitest.WaitScreen(t, tm, "Talking points")

	final := uitest.Finish(t, tm).(*ui.Model)
	lines := strings.Split(final.View().Content, "\n")
	if len(lines) != 40 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 120 {
			t.Errorf("line %d is %d cells: %q", i, w, ansi.Strip(l))
		}
	}
}
