package projects

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// selectProject puts the pipeline's cursor on a project.
func selectProject(t *testing.T, m *Model, id model.ID) {
	t.Helper()
	for i, ri := range m.shown {
		if m.rows[ri].ID == id {
			m.cur = i
			return
		}
	}
	t.Fatalf("project %d is not in the pipeline", id)
}

// c, v and n record a call, a visit and a note linked to the selected
// project, with its client; the call resets the project's follow-up.
func TestLogLinkedToProject(t *testing.T) {
	m, st, s := open(t, i18n.EN, 80, 24)
	selectProject(t, m, s.Fab)
	press(m, "c")
	uitest.Type(m, "result next week")
	statuses := press(m, "ctrl+s")
	press(m, "v", "ctrl+s") // a visit without words is fine
	press(m, "n", "ctrl+s") // a note needs words: nothing saved
	if m.host.Dialog() == nil {
		t.Fatal("an empty note was accepted")
	}
	press(m, "esc")
	j, err := st.ProjectJournal(s.Fab, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(j) != 2 || j[0].ClientID != s.Acme || j[1].Kind != model.EntryCall || j[1].Text != "result next week" {
		t.Fatalf("journal = %+v, want the call and the visit for ACME", j)
	}
	if len(statuses) == 0 || !strings.Contains(statuses[0], "Call recorded for ACME Fab 2 cooling") {
		t.Errorf("statuses = %q", statuses)
	}
	r, _ := m.selected()
	if r.ID != s.Fab || r.FollowUp.IsDue || r.FollowUp.Due != uitest.Today.AddDays(14) {
		t.Errorf("after the call the follow-up is %+v, want due in 14 days", r.FollowUp)
	}
}

// fillAdd opens the add form and types its fields (the stage stays lead).
func fillAdd(m *Model, name, client, owner, value, bid string) {
	press(m, "a")
	for i, v := range []string{name, client, owner, value, "", bid} {
		if i > 0 {
			press(m, "tab")
		}
		uitest.Type(m, v)
	}
}

// The add form names the field at fault — a bad amount, a bad date, an
// unknown client, a name already taken — and saves nothing until all is
// right.
func TestAddFormErrors(t *testing.T) {
	for _, tt := range []struct {
		name, client, value, bid string
		want                     []string
	}{
		{"New job", "ACME", "lots", "someday", []string{`"lots" is not an amount`, `"someday" is not a date`}},
		{"New job", "Nobody", "5万", "fri", []string{`Nobody is not a client yet.`}},
		{"ACME Fab 2 cooling", "ACME", "", "", []string{`already a project named "ACME Fab 2 cooling"`}},
		{"", "", "", "", []string{"a name is needed", "a client is needed"}},
	} {
		t.Run(tt.name+"/"+tt.client, func(t *testing.T) {
			m, st, _ := open(t, i18n.EN, 100, 30)
			before, _ := st.Projects(uitest.Today, true)
			fillAdd(m, tt.name, tt.client, "", tt.value, tt.bid)
			press(m, "ctrl+s")
			v := screen(m)
			for _, want := range tt.want {
				if !strings.Contains(v, want) {
					t.Errorf("form lacks %q:\n%s", want, v)
				}
			}
			if m.host.Dialog() == nil {
				t.Fatal("the form closed on an error")
			}
			if after, _ := st.Projects(uitest.Today, true); len(after) != len(before) {
				t.Fatalf("a project was saved from a wrong form")
			}
		})
	}
}

// A good form saves, resolving the client by a unique prefix, reading 万
// and date words; the new project is selected.
func TestAddProject(t *testing.T) {
	m, st, s := open(t, i18n.ZH, 80, 24)
	fillAdd(m, "朝阳医院 冷站", "王", "朝阳医院", "1.5亿", "下周一")
	statuses := press(m, "enter")
	p, err := st.FindProject("朝阳医院 冷站")
	if err != nil {
		t.Fatalf("not saved (%q): %v\n%s", statuses, err, screen(m))
	}
	if p.ClientID != s.Wang || p.Value != model.MoneyFromMain(1.5e8) || p.BidDate != uitest.D(11, 30) || p.Owner != "朝阳医院" {
		t.Errorf("saved %+v", p)
	}
	if r, _ := m.selected(); r.ID != p.ID {
		t.Errorf("the new project is not selected: %+v", r)
	}
}

// e edits the fields but never the stage; a changed client is resolved.
func TestEditProject(t *testing.T) {
	m, st, s := open(t, i18n.EN, 80, 24)
	selectProject(t, m, s.School)
	press(m, "e")
	press(m, "tab")
	for range 3 {
		press(m, "backspace")
	}
	uitest.Type(m, "ACME")
	press(m, "ctrl+s")
	p, err := st.Project(s.School)
	if err != nil {
		t.Fatal(err)
	}
	if p.ClientID != s.Acme || p.Stage != model.StageContract || p.Value != model.MoneyFromMain(180000) {
		t.Errorf("after edit %+v: want client ACME, still contract, value kept", p)
	}
}

// A stage move dated before the current stage was entered is refused
// beside the date; < on a lost project reopens it where it was lost.
func TestMoveDateAndReopen(t *testing.T) {
	m, st, s := open(t, i18n.EN, 80, 24)
	selectProject(t, m, s.School) // contract since 25 Nov
	press(m, ">")
	for range 5 {
		press(m, "backspace")
	}
	uitest.Type(m, "2026-11-20")
	press(m, "enter")
	if v := screen(m); !strings.Contains(v, "entered its current stage on 2026-11-25") {
		t.Fatalf("no error beside the date:\n%s", v)
	}
	press(m, "esc", "y")
	if p, _ := st.Project(s.School); p.Stage != model.StageContract {
		t.Fatalf("moved anyway: %s", p.Stage)
	}

	press(m, "f")
	selectProject(t, m, s.Lost)
	press(m, ">")
	if m.host.Dialog() != nil {
		t.Fatal("> on a lost project opened a dialog")
	}
	press(m, "<", "enter")
	p, _ := st.Project(s.Lost)
	if p.Stage != model.StageBidding {
		t.Fatalf("reopened to %s, want bidding", p.Stage)
	}
}

// L asks for the reason first: what the rep types right away is the
// reason, and enter marks the project lost today with that reason in its
// journal. It leaves the live pipeline.
func TestMarkLost(t *testing.T) {
	for _, tt := range []struct {
		name   string
		lang   i18n.Lang
		reason string
	}{
		{"en", i18n.EN, "competitor cheaper"},
		{"zh", i18n.ZH, "价格太高，对手便宜15%"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, st, s := open(t, tt.lang, 80, 24)
			run(m, m.openDetail(s.Fab))
			press(m, "L")
			uitest.Type(m, tt.reason)
			press(m, "enter")
			if m.host.Dialog() != nil {
				t.Fatalf("enter did not save:\n%s", screen(m))
			}
			p, _ := st.Project(s.Fab)
			j, _ := st.ProjectJournal(s.Fab, 1)
			if p.Stage != model.StageLost || p.StageSince() != uitest.Today {
				t.Fatalf("stage %s since %s, want lost today", p.Stage, p.StageSince())
			}
			if len(j) != 1 || j[0].Text != tt.reason || model.DateOf(j[0].At) != uitest.Today {
				t.Fatalf("journal %+v, want the reason today", j)
			}
			press(m, "esc")
			if strings.Contains(screen(m), "ACME Fab 2 cooling") {
				t.Error("the lost project still shows in the live pipeline")
			}
		})
	}
}

// The lost dialog refuses an empty reason, keeps the date behind tab, reads
// it back in time, and refuses a day after today with a hint made of past
// words.
func TestMarkLostDate(t *testing.T) {
	m, st, s := open(t, i18n.EN, 80, 24)
	selectProject(t, m, s.Fab) // bidding since 2 Nov
	press(m, "L", "enter")
	if v := screen(m); !strings.Contains(v, "say why the project was lost") {
		t.Fatalf("a lost project without a reason was accepted:\n%s", v)
	}
	uitest.Type(m, "budget cut")
	press(m, "tab", "ctrl+u")
	for _, tt := range []struct{ typed, want, not string }{
		{"tomorrow", "is after today", ""},
		{"someday", "yesterday, fri, last mon", "tomorrow,"},
	} {
		uitest.Type(m, tt.typed)
		press(m, "enter")
		v := screen(m)
		if m.host.Dialog() == nil || !strings.Contains(v, tt.want) || tt.not != "" && strings.Contains(v, tt.not) {
			t.Fatalf("lost on %q: want %q beside the date, not %q:\n%s", tt.typed, tt.want, tt.not, v)
		}
		press(m, "ctrl+u")
	}
	uitest.Type(m, "mon") // the last Monday: 23 Nov
	press(m, "enter")
	p, _ := st.Project(s.Fab)
	if p.Stage != model.StageLost || p.StageSince() != uitest.D(time.November, 23) {
		t.Fatalf("stage %s since %s, want lost on 23 Nov", p.Stage, p.StageSince())
	}
}

// A click selects the project drawn under the mouse, in both layouts.
func TestClickSelects(t *testing.T) {
	for _, tt := range []struct {
		w, h, x, y int
		want       string
	}{
		{80, 24, 10, 7, "ACME Fab 2 cooling"},  // the grouped list: title, columns, lead, row, design, row, bidding, row
		{140, 40, 20, 5, "望京华建大厦 冷冻水泵"},        // the second column's first card
		{140, 40, 40, 6, "ACME Fab 2 cooling"}, // the third column, the card's client line
	} {
		m, _, _ := open(t, i18n.EN, tt.w, tt.h)
		m.Update(tea.MouseClickMsg{X: tt.x, Y: tt.y, Button: tea.MouseLeft})
		if r, _ := m.selected(); r.Name != tt.want {
			t.Errorf("%dx%d click at (%d,%d) selects %q, want %q", tt.w, tt.h, tt.x, tt.y, r.Name, tt.want)
		}
	}
}

// A stage column with more cards than fit says how many are hidden and
// scrolls to keep the selected card on screen; so does the grouped list.
func TestLongColumnScrolls(t *testing.T) {
	for _, w := range []int{80, 140} {
		m, st, s := open(t, i18n.EN, w, 24)
		for i := range 12 {
			_, err := st.AddProject(model.Project{Name: "Lead " + string(rune('A'+i)), ClientID: s.Acme}, uitest.Today)
			if err != nil {
				t.Fatal(err)
			}
		}
		run(m, m.reload())
		if w == 140 && !strings.Contains(screen(m), "13 · $320k ↓10") {
			t.Errorf("the lead column does not say 10 are hidden:\n%s", screen(m))
		}
		press(m, "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
		v := screen(m)
		uitest.CheckSize(t, m.View(), w, 24)
		if !strings.Contains(v, "›Lead L") && !strings.Contains(v, "› Lead L") {
			t.Errorf("width %d: the selected last lead is off screen:\n%s", w, v)
		}
	}
}

// u after adding a project from its detail takes the project away and the
// pane goes back to the pipeline without an error.
func TestUndoAddWhileInDetail(t *testing.T) {
	m, st, _ := open(t, i18n.EN, 80, 24)
	fillAdd(m, "Temp", "ACME", "", "", "")
	press(m, "enter")
	p, err := st.FindProject("Temp")
	if err != nil {
		t.Fatal(err)
	}
	press(m, "enter")
	if m.detail == nil || m.detail.id != p.ID {
		t.Fatalf("enter did not open the new project")
	}
	if _, err := st.Undo(); err != nil {
		t.Fatal(err)
	}
	statuses := run(m, func() tea.Msg { return common.DataChangedMsg{} })
	if m.detail != nil || len(statuses) != 0 {
		t.Errorf("after undo: detail %v, statuses %q", m.detail != nil, statuses)
	}
	if strings.Contains(screen(m), "Temp") {
		t.Error("the undone project still shows")
	}
}

// A project gone by a change made in another process while its detail is
// open (salesplan undo on the command line, an older backup restored)
// closes the detail and the footer says why, by name; before, the detail
// closed to the pipeline without a word. Undone here, nothing is added
// to the undo's own words (TestUndoAddWhileInDetail).
func TestDetailOfProjectGoneElsewhere(t *testing.T) {
	for _, tc := range []struct {
		lang i18n.Lang
		want string
	}{
		{i18n.EN, "临时项目 is no longer in the database (changed elsewhere)"},
		{i18n.ZH, "临时项目 已不在数据库中（在别处被改动）"},
	} {
		m, st, s := open(t, tc.lang, 80, 24)
		p, err := st.AddProject(model.Project{Name: "临时项目", ClientID: s.Wang}, uitest.Today)
		if err != nil {
			t.Fatal(err)
		}
		run(m, func() tea.Msg { return common.OpenProjectMsg{ID: p.ID} })
		if m.detail == nil || !m.detail.loaded {
			t.Fatalf("%s: the detail did not open:\n%s", tc.lang, screen(m))
		}
		if _, err := st.Undo(); err != nil { // the command line's undo
			t.Fatal(err)
		}
		statuses := run(m, func() tea.Msg { return common.DataChangedMsg{Rev: 99} })
		if m.detail != nil {
			t.Errorf("%s: the detail of a project gone elsewhere stayed open:\n%s", tc.lang, screen(m))
		}
		if len(statuses) != 1 || statuses[0] != tc.want {
			t.Errorf("%s: statuses %q, want %q", tc.lang, statuses, tc.want)
		}
	}
}
