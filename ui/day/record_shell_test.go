package day_test

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// The day's record inside the real planner, in Chinese: r on the Day
// shows it, h goes back a day under it, a call logged from the command
// line meanwhile shows, esc closes it and the tasks are back; on the Month
// r shows the month's review.
func TestRecordInsideThePlanner(t *testing.T) {
	st := uitest.OpenStore(t)
	uitest.SeedWeeks(t, st)
	tm := uitest.Start(t, ui.New(uitest.Env(st, i18n.ZH), ui.Options{NoColor: true, PollInterval: 50 * time.Millisecond}), 120, 40)
	uitest.WaitScreen(t, tm, "提醒")
	tm.Type("r")
	uitest.WaitScreen(t, tm, "日报 · 2026年11月27日 周五")
	uitest.WaitScreen(t, tm, "关闭报告")
	c, err := st.FindClient("李经理")
	if err != nil {
		t.Fatal(err)
	}
	// Another process (the command line) logs a call: the open record
	// shows it once the planner notices the change.
	if _, err := st.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: uitest.Now, Text: "约了下周二看现场"}); err != nil {
		t.Fatal(err)
	}
	uitest.WaitScreen(t, tm, "约了下周二看现场")
	tm.Type("h")
	uitest.WaitScreen(t, tm, "日报 · 2026年11月26日 周四")
	uitest.WaitScreen(t, tm, "未完成的重要任务（按现在的标记和日期）")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	uitest.WaitScreen(t, tm, "2026年11月26日 周四 · 昨天")
	tm.Type("3")
	uitest.WaitScreen(t, tm, "2026年11月")
	tm.Type("r")
	uitest.WaitScreen(t, tm, "月回顾 · 2026年11月")
	uitest.WaitScreen(t, tm, "第4季度至今")
	uitest.Finish(t, tm)
}
