package ui

import (
	"strings"
	"testing"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// ! then u on the Day: the undo names the flag and the task ("Undone:
// important flag on “…”"), not "editing task"; the same for taking it off.
// In both languages.
func TestUndoOfImportantSaysSo(t *testing.T) {
	for _, tc := range []struct {
		lang                i18n.Lang
		offUndone, onUndone string
		notEditing          string
	}{
		{i18n.EN, "Undone: taking the important flag off “给王总发备品备件清单”", "Undone: important flag on “Update the price list”", "editing task"},
		{i18n.ZH, "已撤销：取消“给王总发备品备件清单”的重要标记", "已撤销：将“Update the price list”标为重要", "编辑任务"},
	} {
		st := uitest.OpenStore(t)
		uitest.SeedDay(t, st)
		m := New(uitest.Env(st, tc.lang), Options{NoColor: true}).sized(120, 40)
		uitest.Run(m, m.start())
		// The first row: 给王总发备品备件清单, carried over and important.
		uitest.Press(m, "!")
		uitest.Press(m, "u")
		if s := screen(m); !strings.Contains(s, tc.offUndone) || strings.Contains(s, tc.notEditing) {
			t.Errorf("%s: undo of ! (off):\n%s", tc.lang, footer(m))
		}
		uitest.Press(m, "j") // Update the price list, not important
		uitest.Press(m, "!")
		uitest.Press(m, "u")
		if s := screen(m); !strings.Contains(s, tc.onUndone) || strings.Contains(s, tc.notEditing) {
			t.Errorf("%s: undo of ! (on):\n%s", tc.lang, footer(m))
		}
	}
}

// After u on the Day the cursor is on the task the undo put back, so the
// next key acts on it: a call completed with c (then the cursor moved on),
// or a task deleted with d (the cursor went to its neighbour). x after the
// undo completes that task, not another.
func TestUndoSelectsTheTaskPutBack(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string // on "Pump lead time", the 10:30 call
	}{
		{"call completed, cursor moved", []string{"c", "enter", "j", "j"}},
		{"task deleted", []string{"d", "y"}},
	} {
		st := uitest.OpenStore(t)
		uitest.SeedDay(t, st)
		var pump model.ID
		on, err := st.TasksOn(uitest.Today)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range on {
			if a.Title == "Pump lead time" {
				pump = a.ID
			}
		}
		m := New(uitest.Env(st, i18n.EN), Options{NoColor: true}).sized(120, 30)
		uitest.Run(m, m.start())
		uitest.Press(m, "j", "j", "j") // past the two carried over and the 09:00 call
		if !strings.Contains(screen(m), "›  10:30 call  Pump lead time") {
			t.Fatalf("%s: the fixture moved; the cursor is not on the 10:30 call:\n%s", tc.name, screen(m))
		}
		uitest.Press(m, tc.keys...)
		uitest.Press(m, "u")
		if !strings.Contains(footer(m), "Undone") {
			t.Fatalf("%s: nothing undone: %q", tc.name, footer(m))
		}
		uitest.Press(m, "x", "enter") // a call with a client: x asks its outcome
		if tk := taskOf(t, st, pump); !tk.Done {
			t.Errorf("%s: x after the undo did not complete the task put back:\n%s", tc.name, screen(m))
		}
	}
}
