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
