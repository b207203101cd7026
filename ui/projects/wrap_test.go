package projects

import (
	"strings"
	"testing"
	"time"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// The project detail is the project's tracking sheet: what was said at the
// bid opening, a promise's whole text, a task's title are read there
// whole — long ones wrap under their text column, lines of a multi-line
// entry all show — never cut at the edge.
func TestDetailWrapsLongTexts(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, st, s := open(t, l, 80, 60)
		entry := "Bid opening: second lowest on price, first on technical score.\n" +
			"They will decide next week; David wants a revised offer with the VSD pumps by Friday."
		if _, err := st.AddEntry(model.JournalEntry{ClientID: s.Li, ProjectID: s.School, Kind: model.EntryMeeting,
			At: time.Date(2026, 11, 26, 15, 0, 0, 0, time.Local), Text: entry}); err != nil {
			t.Fatal(err)
		}
		promise := "Send the pump curves, the control panel wiring diagram and the energy-saving calculation"
		if _, err := st.AddPromise(model.Promise{ClientID: s.Li, ProjectID: s.School, Text: promise,
			MadeOn: uitest.D(time.November, 26), Due: uitest.D(time.December, 2)}, uitest.Today); err != nil {
			t.Fatal(err)
		}
		task := "Walk the utility corridor with David Chen and measure the riser for the new pumps"
		if _, err := st.AddTask(model.Task{Title: task, Date: uitest.D(time.December, 3), Kind: model.TaskVisit,
			ClientID: s.Li, ProjectID: s.School}); err != nil {
			t.Fatal(err)
		}
		run(m, m.openDetail(s.School))
		v := screen(m)
		uitest.CheckSize(t, m.View(), 80, 60)
		flat := strings.Join(strings.Fields(v), " ")
		for _, want := range []string{entry, promise, task} {
			if !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%s: the detail does not show the whole of %q:\n%s", l, want, v)
			}
		}
		if strings.Contains(v, "…") {
			t.Errorf("%s: a text is cut:\n%s", l, v)
		}
	}
}

// A stage move's date starts empty, "today" shown faintly: a date typed
// straight away is that date (the field held the word "today", so it read
// "today2026-11-30" and was refused), and enter alone moves it today.
func TestMoveDateTypedReplacesToday(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, st, s := open(t, l, 80, 24)
		selectProject(t, m, s.School) // contract since 25 Nov
		press(m, ">")
		if v := screen(m); !strings.Contains(v, l.T("rel.today")) {
			t.Errorf("%s: the move does not say it happens today:\n%s", l, v)
		}
		uitest.Type(m, "2026-11-26")
		press(m, "ctrl+s")
		if m.host.Is(dlgChecklist) {
			press(m, "enter") // the stage's checklist: move and add it
		}
		p, _ := st.Project(s.School)
		if p.Stage != model.StageDelivery || p.StageSince() != uitest.D(time.November, 26) {
			t.Errorf("%s: stage %s since %s, want delivery since 26 Nov:\n%s", l, p.Stage, p.StageSince(), screen(m))
		}
	}
}

// A project for a contractor not on file yet: saving asks whether to add
// the client with it. Yes adds both in one step (u undoes both) and
// selects the project; no goes back to the form as typed, saying why.
// Before, the form only said "client not found", and the rep had to
// leave it, add the client in the Clients pane and start again.
func TestAddProjectWithNewClient(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, st, _ := open(t, l, 100, 30)
		fillAdd(m, "朝阳医院 冷站", "中建三局", "朝阳医院", "120万", "")
		press(m, "ctrl+s")
		ask := strings.SplitN(l.T("projects.new_client.ask", "中建三局"), ".", 2)[0] // its first words
		ask = strings.SplitN(ask, "。", 2)[0]
		if v := screen(m); !m.host.Is(dlgNewClient) || !strings.Contains(v, ask) {
			t.Fatalf("%s: no question about the new client:\n%s", l, v)
		}
		press(m, "n") // no: the form, as typed
		if v := screen(m); !m.host.Is(dlgAdd) || !strings.Contains(v, "中建三局") || !strings.Contains(v, "朝阳医院 冷站") {
			t.Fatalf("%s: no went elsewhere than the form as typed:\n%s", l, v)
		}
		if _, err := st.FindClient("中建三局"); err == nil {
			t.Fatalf("%s: no added the client", l)
		}
		press(m, "ctrl+s", "y")
		c, err := st.FindClient("中建三局")
		if err != nil {
			t.Fatalf("%s: yes did not add the client:\n%s", l, screen(m))
		}
		p, err := st.FindProject("朝阳医院 冷站")
		if err != nil || p.ClientID != c.ID || p.Value != model.MoneyFromMain(1.2e6) || p.Owner != "朝阳医院" {
			t.Fatalf("%s: project %+v, %v", l, p, err)
		}
		if m.host.IsOpen() {
			t.Errorf("%s: a dialog stayed open:\n%s", l, screen(m))
		}
		if r, _ := m.selected(); r.ID != p.ID {
			t.Errorf("%s: the new project is not selected", l)
		}
		u, err := st.UndoLast()
		if err != nil || l.Undone(u.Action, u.What, u.Client, u.On) != l.T("undone.add_project_new_client", "中建三局") {
			t.Errorf("%s: undo = %+v, %v", l, u, err)
		}
		if _, err := st.FindClient("中建三局"); err == nil {
			t.Errorf("%s: undo left the client", l)
		}
	}
}

// At 60 columns the rule behind the next follow-up ("every 7 days in
// this stage · last contact Thu 26 Nov") wraps under the values instead of
// being cut at the edge.
func TestCadenceLineWrapsAt60(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, _, s := open(t, l, 60, 40)
		run(m, m.openDetail(s.School))
		v := screen(m)
		uitest.CheckSize(t, m.View(), 60, 40)
		want := l.T("projects.d.last_contact", l.ShortDate(uitest.D(time.November, 26)))
		if !strings.Contains(strings.Join(strings.Fields(v), ""), strings.Join(strings.Fields(want), "")) || strings.Contains(v, "…") {
			t.Errorf("%s: %q is cut:\n%s", l, want, v)
		}
	}
}
