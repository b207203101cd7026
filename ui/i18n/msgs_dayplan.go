package i18n

// Messages of the planner's half of the rep's workday (issue 15): the date
// of a contact, the attention list's keys, the client card from a task,
// quick-add's new client, search (ctrl+f), the first-run screen, the
// carried-over tasks moved at once, and the keys that came with them.

func init() {
	Register(map[string]Msg{
		// Keys.
		"key.search":         {"search everything", "搜索全部"},
		"key.client_card":    {"client card", "客户卡片"},
		"key.move_all":       {"move all carried over", "顺延任务全部改期"},
		"key.kept_today":     {"kept today", "今天已兑现"},
		"key.choose":         {"choose", "选择"},
		"key.close":          {"close", "关闭"},
		"key.start_planning": {"start planning", "开始安排"},

		// Dialogs (ui/form).
		"form.key.tab_date":     {"tab date", "tab 日期"},
		"form.key.enter_choose": {"enter choose", "enter 选择"},
		"form.key.enter_open":   {"enter open", "enter 打开"},

		// The Day: the client card, carried-over tasks, the attention list.
		"day.carried_more":         {"%d more carried over · enter shows them · R moves them all", "还有 %d 个顺延任务 · enter 显示 · R 全部改期"},
		"day.carried_none":         {"Nothing is carried over.", "没有顺延的任务。"},
		"day.move_all.title":       {"Move all %d carried-over tasks to…", "把 %d 个顺延任务全部改到…"},
		"day.move_all.placeholder": {"today, tomorrow, mon, 12/1", "今天、明天、周一、12/1"},
		"day.status.moved_all":     {"Moved %d tasks to %s (u undoes)", "已把 %d 个任务改到 %s（u 撤销）"},
		"day.att.above":            {"· ↑%d", "· ↑%d"},
		"day.att.not_promise":      {"Only a promise can be kept: enter opens this item, t makes it a task.", "只有承诺可以标记兑现：enter 打开此项，t 设为今天的任务。"},
		"err.promise_changed":      {"this promise was changed elsewhere since it was shown: read it again, then press x", "这条承诺在显示后被别处改过：请再看一遍，然后按 x"},

		// Undo of the new actions.
		"undo.book_visit":            {"booking a visit", "约拜访"},
		"undo.move_tasks":            {"moving tasks", "任务改期"},
		"undo.add_task_new_client":   {"adding a task and its new client", "添加任务及新客户"},
		"err.bad_booking":            {"a booking is a visit and a call with one client", "约拜访需要同一客户的一次拜访和一通电话"},
		"undone.move_tasks":          {"moving %s tasks to %s (each is back on its day)", "把 %s 个任务改到 %s（都已改回原来的日期）"},
		"undone.book_visit":          {"booking the visit to %s on %s, with its call", "约%s在 %s 拜访及那通电话"},
		"undone.add_task_new_client": {"new client %s and its task", "新客户%s及其任务"},

		// The call sheet's b: the visit and the call that booked it.
		"clients.sheet.booked_call":    {"Booked a visit for %s", "约好 %s 拜访"},
		"clients.status.booked_called": {"Call with %s recorded, visit booked for %s", "已记录与%s的电话，约好 %s 拜访"},

		// The day a contact happened (c/v/m, x on a contact task, the call sheet).
		"contact.date":         {"Date", "日期"},
		"err.contact_future":   {"%s is after today: record a call, visit or meeting on the day it happened", "%s 在今天之后：电话、拜访和会议要记在发生的那天"},
		"contact.status.on":    {"%s (%s)", "%s（%s）"},
		"day.status.done_on":   {"Done: %s (on %s)", "已完成：%s（%s）"},
		"day.outcome.title_on": {"How did the %s with %s go?", "%[2]s的%[1]s结果如何？"},
	})
}
