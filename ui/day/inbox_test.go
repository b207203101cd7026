package day_test

import (
	"strings"
	"testing"

	"salesplan/model"
	"salesplan/ui"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// A task whose date is cleared in the edit form (e, tab to Date, clear,
// ctrl+s) shows in the Inbox on today's Day, after the carried-over tasks;
// e there gives it a date, and it moves to that day. In both languages.
func TestInboxFlow(t *testing.T) {
	for _, tc := range []struct {
		lang                                   i18n.Lang
		carried, inbox1, inbox2, any, tomorrow string
		cleared, moved                         string
	}{
		{i18n.EN, "Carried over · 1", "Inbox · 1", "Inbox · 2", "Any time · 1", "Sat 28 Nov 2026",
			"Saved: Write the idea down · no date: in the Inbox on today's Day", "Saved: Write the idea down · now on Sat 28 Nov"},
		{i18n.ZH, "顺延 · 1", "收件箱 · 1", "收件箱 · 2", "随时 · 1", "2026年11月28日",
			"已保存：Write the idea down · 无日期：在今天的收件箱里", "已保存：Write the idea down · 改到 11月28日"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			st := uitest.OpenStore(t)
			mk := func(tk model.Task) model.Task {
				t.Helper()
				tk.Kind = model.TaskTodo
				saved, err := st.AddTask(tk)
				if err != nil {
					t.Fatal(err)
				}
				return saved
			}
			idea := mk(model.Task{Title: "Write the idea down", Date: uitest.D(11, 26), Important: true})
			mk(model.Task{Title: "Old chore", Date: uitest.D(11, 25)})
			mk(model.Task{Title: "Lunch with the team", Date: uitest.Today})
			mk(model.Task{Title: "Brochure text"}) // in the inbox from the start

			tm := uitest.Start(t, ui.New(uitest.Env(st, tc.lang), ui.Options{NoColor: true}), 120, 40)
			uitest.WaitFor(t, tm, tc.inbox1)
			// The cursor is on the first row: the important carried-over idea.
			tm.Type("e")
			tm.Send(uitest.Key("tab")) // Title → Date
			for range len("2026-11-26") {
				tm.Send(uitest.Key("backspace"))
			}
			tm.Send(uitest.Key("ctrl+s"))
			uitest.Eventually(t, "the date cleared", func() bool {
				tk, err := st.Task(idea.ID)
				return err == nil && !tk.Date.Valid()
			})
			uitest.WaitScreen(t, tm, tc.cleared)
			uitest.WaitScreen(t, tm, tc.inbox2)

			// e on it (still selected, in the Inbox) gives it a date.
			tm.Type("e")
			tm.Send(uitest.Key("tab"))
			tm.Type("2026-11-28")
			tm.Send(uitest.Key("ctrl+s"))
			uitest.Eventually(t, "the date given", func() bool {
				tk, err := st.Task(idea.ID)
				return err == nil && tk.Date == uitest.D(11, 28)
			})
			uitest.WaitScreen(t, tm, tc.moved)
			uitest.WaitScreen(t, tm, tc.inbox1)
			tm.Type("l")
			uitest.WaitScreen(t, tm, tc.tomorrow)
			uitest.WaitScreen(t, tm, "Write the idea down")
			tm.Type("t")
			uitest.WaitScreen(t, tm, tc.inbox1)

			final := uitest.Plain(uitest.Finish(t, tm).(*ui.Model).View().Content)
			order := []string{tc.carried, "Old chore", tc.inbox1, "Brochure text", tc.any, "Lunch with the team"}
			at := 0
			for _, s := range order {
				i := strings.Index(final[at:], s)
				if i < 0 {
					t.Fatalf("today's Day lacks %q after %d (want %q in order):\n%s", s, at, order, final)
				}
				at += i + len(s)
			}
			if strings.Contains(final, "Write the idea down") {
				t.Errorf("the task given a date is still on today's Day:\n%s", final)
			}
		})
	}
}
