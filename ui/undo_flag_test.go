package ui

import (
	"strings"
	"testing"

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
