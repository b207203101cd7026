package tasks

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/components/dialog"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

func TestParseRepeat(t *testing.T) {
	tests := []struct {
		in   string
		want model.Repeat
		ok   bool
	}{
		{"weekly", "weekly", true},
		{"every 2 weeks", "every 2 weeks", true},
		{"每天", "daily", true},
		{"every weekday", "weekdays", true},
		{"sometimes", "", false},
	}
	for _, tc := range tests {
		got, err := parseRepeat(tc.in, uitest.Today)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("%q: %q %v", tc.in, got, err)
		}
	}
}

// harness runs the component the way a pane does: every message to Update.
type harness struct{ t *Tasks }

func (h harness) Update(msg tea.Msg) tea.Cmd {
	_, cmd := h.t.Update(msg)
	return cmd
}

// An edit saved after the task's title was changed elsewhere is refused:
// the form stays open with what was typed, says beside the title what it
// is now, and a second save applies what was typed over it.
func TestEditRefusedKeepsTheTypedText(t *testing.T) {
	st := uitest.OpenStore(t)
	c, err := st.AddClient(model.Client{Name: "王总"}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	task, err := st.AddTask(model.Task{Title: "Call about the price", Kind: model.TaskCall, ClientID: c.ID, Date: uitest.Today})
	if err != nil {
		t.Fatal(err)
	}
	env := uitest.Env(st, i18n.EN)
	host := dialog.New(env.Lang)
	host.SetSize(100, 30)
	tc := New(env, &host)
	h := harness{tc}
	seen := model.AgendaTask{Task: task, ClientName: "王总"}
	_, cmd := tc.Key(uitest.Key("e"), At{Task: seen, Selected: true, Shown: uitest.Today})
	uitest.Run(h, cmd)
	uitest.Type(h, " list")
	elsewhere := task
	elsewhere.Title = "Call about the new price"
	if _, err := st.EditTask(task, elsewhere); err != nil {
		t.Fatal(err)
	}
	msgs := uitest.Press(h, "ctrl+s")
	v := uitest.Plain(host.View(""))
	if !host.IsOpen() || !strings.Contains(v, "Call about the price list") || !strings.Contains(v, "now Call about the new price elsewhere") {
		t.Fatalf("the refused save lost the typed text or the new title:\n%s", v)
	}
	if s := uitest.Statuses(msgs); len(s) != 1 || !strings.Contains(s[0], "elsewhere") {
		t.Errorf("footer %q", s)
	}
	uitest.Press(h, "ctrl+s")
	if host.IsOpen() {
		t.Fatalf("the second save did not land:\n%s", uitest.Plain(host.View("")))
	}
	if got, _ := st.Task(task.ID); got.Title != "Call about the price list" {
		t.Errorf("stored title %q", got.Title)
	}
}
