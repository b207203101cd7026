package projects

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func projectJournal(t *testing.T, st *storage.Store, id model.ID) []model.JournalEntry {
	t.Helper()
	j, err := st.ProjectJournal(id, 0)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// On the project detail, J selects the journal's entry and e corrects it:
// a pasted multi-line text and an earlier date reach storage, the kind and
// the project kept; an edit over a command-line change of the same text is
// refused, the typed text kept in the form; d deletes the entry, saying
// which, and the cursor goes with the last entry.
func TestJournalCorrectedOnTheDetail(t *testing.T) {
	m, st, s := open(t, i18n.EN, 80, 24)
	selectProject(t, m, s.School)
	press(m, "enter", "J")
	if v := screen(m); !strings.Contains(v, "› Thu 26 Nov 10:00 call") {
		t.Fatalf("J did not select the entry:\n%s", v)
	}
	press(m, "e")
	uitest.Send(m, tea.PasteMsg{Content: "\r\n1. 样机\t2台\r\n2. 发票"})
	press(m, "tab", "ctrl+u")
	uitest.Type(m, "2026-11-25")
	statuses := press(m, "ctrl+s")
	j := projectJournal(t, st, s.School)
	want := "合同已盖章，预付款下周到\n1. 样机\t2台\n2. 发票"
	if len(j) != 1 || j[0].Text != want || j[0].On() != uitest.D(11, 25) || j[0].Kind != model.EntryCall || j[0].At.Hour() != 10 {
		t.Fatalf("after the edit: %+v", j)
	}
	if len(statuses) == 0 || statuses[0] != "Saved the call with 李经理, 25 Nov" {
		t.Errorf("statuses %q", statuses)
	}

	// The command line edits the text while the form is open.
	press(m, "e")
	seen := j[0]
	cli := seen
	cli.Text = "合同已盖章"
	if _, err := st.EditEntry(seen, cli); err != nil {
		t.Fatal(err)
	}
	uitest.Type(m, "，已开票")
	press(m, "ctrl+s")
	if !m.host.IsOpen() || !strings.Contains(screen(m), "2. 发票，已开票") || !strings.Contains(screen(m), "elsewhere") {
		t.Fatalf("the refused save did not keep the form as typed:\n%s", screen(m))
	}
	if got := projectJournal(t, st, s.School)[0].Text; got != "合同已盖章" {
		t.Fatalf("the refused save wrote %q", got)
	}
	press(m, "esc", "y")

	statuses = press(m, "d")
	if len(projectJournal(t, st, s.School)) != 0 {
		t.Fatal("d did not delete the entry")
	}
	if len(statuses) == 0 || statuses[0] != "Deleted the call with 李经理, 25 Nov (u undoes)" {
		t.Errorf("statuses %q", statuses)
	}
	if m.detail.journal || strings.Contains(screen(m), "›") {
		t.Errorf("the cursor stayed on an empty journal:\n%s", screen(m))
	}
	press(m, "e") // the project's edit form again
	if !strings.Contains(screen(m), "Edit") || m.host.Is(dlgEditEntry) {
		t.Errorf("e after the journal emptied:\n%s", screen(m))
	}
}

// Moved down a journal longer than the screen, the cursor's entry stays
// in view above the "↓ N more lines" mark (it went under the mark, which
// took the body's last line, and the rep moved a cursor they could not see).
func TestJournalCursorStaysAboveTheMark(t *testing.T) {
	m, st, s := open(t, i18n.EN, 80, 16)
	for i := range 30 {
		if _, err := st.AddEntry(model.JournalEntry{ClientID: s.Li, ProjectID: s.School, Kind: model.EntryCall,
			At: uitest.Morning.Add(-time.Duration(i+1) * 3 * time.Hour), Text: fmt.Sprintf("note %02d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	selectProject(t, m, s.School)
	press(m, "enter", "J")
	for i := range 25 {
		press(m, "j")
		var sel string
		for _, l := range strings.Split(screen(m), "\n") {
			if strings.Contains(l, "›") {
				sel = l
			}
		}
		if sel == "" {
			t.Fatalf("after %d j the selected entry is off screen:\n%s", i+1, screen(m))
		}
	}
}

// J (or enter) on a detail with nothing in its journal says how to record
// something; the key did nothing at all.
func TestJournalKeyOnEmptyJournal(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, st, s := open(t, l, 60, 16)
		p, err := st.AddProject(model.Project{Name: "新项目", ClientID: s.Wang}, uitest.Today)
		if err != nil {
			t.Fatal(err)
		}
		run(m, func() tea.Msg { return common.OpenProjectMsg{ID: p.ID} })
		for _, k := range []string{"J", "enter"} {
			got := press(m, k)
			if want := l.T("projects.d.no_journal"); len(got) != 1 || got[0] != want {
				t.Errorf("%s: %s on an empty journal: statuses %q, want %q", l, k, got, want)
			}
			if m.detail == nil || m.detail.journal {
				t.Errorf("%s: %s on an empty journal left the detail or took a cursor", l, k)
			}
		}
	}
}
