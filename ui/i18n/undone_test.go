package i18n

import (
	"strings"
	"testing"

	"salesplan/model"
)

func TestUndoneNamesWhatWasUndone(t *testing.T) {
	dec2 := model.MakeDate(2026, 12, 2)
	tests := []struct {
		lang                 Lang
		action, what, client string
		on                   model.Date
		want                 string
	}{
		{EN, "add_entry", "call", "王总", dec2, "call with 王总, 2 Dec"},
		{ZH, "add_entry", "call", "王总", dec2, "与王总的电话，12月2日"},
		{EN, "add_entry", "call", "", dec2, "call, 2 Dec"},
		{EN, "edit_entry", "visit", "ACME", dec2, "editing the visit to ACME, 2 Dec"},
		{EN, "delete_entry", "call", "王总", dec2, "deleting the call with 王总, 2 Dec"},
		{ZH, "delete_entry", "note", "王总", dec2, "删除王总的笔记，12月2日"},
		{EN, "delete_entry", "call", "", dec2, "deleting the call, 2 Dec"},
		{EN, "complete_task", "Call 王总 about the price", "王总", dec2, "completing “Call 王总 about the price”"},
		{EN, "move_task", "Call", "", dec2, "moving “Call” (back to 2 Dec)"},
		{EN, "move_task", "Call", "", model.NoDate, "moving “Call” (back in the inbox, no date)"},
		{EN, "move_tasks", "1", "", dec2, "moving 1 task to 2 Dec (it is back on its day)"},
		{EN, "move_tasks", "3", "", dec2, "moving 3 tasks to 2 Dec (each is back on its day)"},
		{EN, "keep_promise", "send the quote", "王总", dec2, "keeping the promise to 王总: “send the quote”"},
		{ZH, "set_stage", "万达广场", "王总", dec2, "项目万达广场的阶段变更"},
		{EN, "settings", "", "", model.NoDate, "changing the settings"},
		{EN, "something_new", "", "", model.NoDate, "something_new"},
		{EN, "add_task", "\x1b[31mred\x1b[0m", "", model.NoDate, "adding task “red”"},
		{EN, "mark_important", "Call 王总", "王总", dec2, "important flag on “Call 王总”"},
		{ZH, "mark_important", "给王总打电话", "王总", dec2, "将“给王总打电话”标为重要"},
		{EN, "unmark_important", "Call 王总", "王总", dec2, "taking the important flag off “Call 王总”"},
		{ZH, "unmark_important", "给王总打电话", "王总", dec2, "取消“给王总打电话”的重要标记"},
	}
	for _, tt := range tests {
		if got := tt.lang.Undone(tt.action, tt.what, tt.client, tt.on); got != tt.want {
			t.Errorf("%s Undone(%s, %q) = %q, want %q", tt.lang, tt.action, tt.what, got, tt.want)
		}
	}
	long := EN.Undone("add_task", strings.Repeat("长", 500), "", model.NoDate)
	if n := len([]rune(long)); n > 60 {
		t.Errorf("a 500-character title makes a %d-character undo line: %q", n, long)
	}
}
