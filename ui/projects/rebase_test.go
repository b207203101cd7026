package projects

import (
	"strings"
	"testing"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// A project edit refused as changed elsewhere (the command line changed
// the value the form also changed) keeps what was typed and redraws the
// fields not typed in with the project as stored now — the owner and the
// bid date set meanwhile — as the other forms do; saving again applies
// what was typed over that, and what changed elsewhere stays.
func TestEditRefusedRedrawsUntouchedFields(t *testing.T) {
	m, st, s := open(t, i18n.EN, 100, 30)
	selectProject(t, m, s.School)
	press(m, "e")
	uitest.Type(m, " (phase 2)")  // the name
	press(m, "tab", "tab", "tab") // client, owner → value
	for range 10 {
		press(m, "backspace")
	}
	uitest.Type(m, "200000")

	seen, err := st.Project(s.School)
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := seen
	elsewhere.Owner, elsewhere.Value, elsewhere.BidDate = "市教委", model.MoneyFromMain(190000), uitest.D(12, 15)
	if _, err := st.EditProject(seen, elsewhere); err != nil {
		t.Fatal(err)
	}

	statuses := press(m, "ctrl+s")
	v := screen(m)
	if !m.host.IsOpen() {
		t.Fatalf("the refused save closed the form (%q)", statuses)
	}
	for _, want := range []string{"(phase 2)", "200000", "市教委", "2026-12-15", "now 190000 elsewhere"} {
		if !strings.Contains(v, want) {
			t.Errorf("the form lacks %q after the refused save:\n%s", want, v)
		}
	}
	if len(statuses) == 0 || !strings.Contains(statuses[len(statuses)-1], "elsewhere") {
		t.Errorf("statuses %q", statuses)
	}
	press(m, "ctrl+s")
	p, err := st.Project(s.School)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(p.Name, " (phase 2)") || p.Value != model.MoneyFromMain(200000) ||
		p.Owner != "市教委" || p.BidDate != uitest.D(12, 15) {
		t.Errorf("after saving again: %+v", p)
	}
	if m.host.IsOpen() {
		t.Error("the second save left the form open")
	}
}
