package i18n

// Messages of the Day pane (ui/day) and of the dialogs every pane shares
// (ui/form).

func init() {
	Register(map[string]Msg{
		// Dialogs (ui/form).
		"form.key.enter_save": {"enter save", "enter 保存"},
		"form.key.ctrls_save": {"ctrl+s save", "ctrl+s 保存"},
		"form.key.esc_cancel": {"esc cancel", "esc 取消"},
		"form.key.esc_close":  {"esc close", "esc 关闭"},
		"form.key.tab_next":   {"tab next field", "tab 下一项"},
		"form.key.jk_scroll":  {"j/k scroll", "j/k 滚动"},
		"form.key.y_yes":      {"y yes", "y 是"},
		"form.key.n_no":       {"n no", "n 否"},
		"form.discard":        {"Discard what you typed?", "放弃已输入的内容？"},
		"form.required":       {"Type something first.", "请先输入内容。"},

		// The Day pane (ui/day).
		"day.sec.carried":   {"Carried over · %d", "顺延 · %d"},
		"day.sec.morning":   {"Morning · %d", "上午 · %d"},
		"day.sec.afternoon": {"Afternoon · %d", "下午 · %d"},
		"day.sec.evening":   {"Evening · %d", "晚上 · %d"},
		"day.sec.any":       {"Any time · %d", "随时 · %d"},
		"day.area":          {"Visits in %s · %d", "%s 拜访 · %d"},
		"day.area_none":     {"Visits, no area · %d", "未填区域的拜访 · %d"},
		"day.empty":         {"Nothing planned. Press a to add a task.", "没有安排。按 a 添加任务。"},
		"day.now":           {"now %s", "现在 %s"},
		"day.more":          {" ↓%d more", " ↓还有%d行"},
		"day.loading":       {"loading…", "加载中…"},
		"day.no_task":       {"No task selected.", "没有选中的任务。"},
		"day.no_client":     {"This task has no client.", "这个任务没有关联客户。"},
		"day.already_done":  {"Already done.", "已经完成了。"},
		"day.yes":           {"yes", "是"},
		"day.no":            {"no", "否"},

		// The Day's Inbox: open tasks with no date, on today's list.
		"day.sec.inbox":          {"Inbox · %d", "收件箱 · %d"},
		"day.inbox_more":         {"%d more in the inbox · enter shows them", "收件箱还有 %d 个任务 · enter 显示"},
		"day.inbox_more_one":     {"%d more in the inbox · enter shows it", "收件箱还有 %d 个任务 · enter 显示"},
		"day.status.saved_inbox": {"Saved: %s · no date: in the Inbox on today's Day", "已保存：%s · 无日期：在今天的收件箱里"},
		"day.status.saved_on":    {"Saved: %s · now on %s", "已保存：%s · 改到 %s"},

		"day.kind.call":    {"call", "电话"},
		"day.kind.visit":   {"visit", "拜访"},
		"day.kind.meeting": {"meet", "会议"},
		"day.kind.todo":    {"to-do", "待办"},

		"day.key.attention": {"attention list", "提醒列表"},
		"day.key.tasks":     {"back to tasks", "回到任务"},

		"day.att.title":       {"Attention · %d", "提醒 · %d"},
		"day.att.none":        {"Nothing needs attention.", "没有需要提醒的事项。"},
		"day.att.due":         {"due %s", "%s到期"},
		"day.att.bid":         {"bid %s", "投标 %s"},
		"day.att.regular_due": {"Regular clients due for follow-up: %d", "该跟进的一般客户：%d"},

		// Titles of tasks made from attention items (t).
		"day.mk.promise":    {"Keep promise: %s", "兑现承诺：%s"},
		"day.mk.client":     {"Call %s (follow-up)", "给%s打电话（跟进）"},
		"day.mk.project":    {"Follow up project %s", "跟进项目：%s"},
		"day.mk.bid_prep":   {"Prepare bid documents: %s", "准备投标文件：%s"},
		"day.mk.bid_result": {"Ask for the bid result: %s", "询问投标结果：%s"},

		"day.status.added":           {"Added: %s (%s)", "已添加：%s（%s）"},
		"day.status.planned_already": {"Already on today's list: %s", "今天的任务里已经有了：%s"},
		"day.status.done":            {"Done: %s", "已完成：%s"},
		"day.status.done_next":       {"Done: %s (next: %s)", "已完成：%s（下次：%s）"},
		"day.status.deleted":         {"Deleted: %s (u undoes)", "已删除：%s（按 u 撤销）"},
		"day.status.postponed":       {"Moved %s to %s", "已将 %s 推迟到 %s"},
		"day.status.important":       {"Marked important: %s", "已标为重要：%s"},
		"day.status.not_important":   {"No longer important: %s", "已取消重要：%s"},
		"day.status.saved":           {"Saved: %s", "已保存：%s"},
		"day.status.promised":        {"Promise to %s due %s", "已记下对%s的承诺，%s到期"},
		"day.status.logged.call":     {"Call with %s recorded", "已记录与%s的电话"},
		"day.status.logged.visit":    {"Visit to %s recorded", "已记录对%s的拜访"},
		"day.status.logged.meeting":  {"Meeting with %s recorded", "已记录与%s的会议"},
		"day.status.logged.note":     {"Note on %s saved", "已保存%s的笔记"},

		"day.qa.title":       {"Add a task", "添加任务"},
		"day.qa.placeholder": {"call @王总 tomorrow 10:00 about the quote !", "电话 @王总 明天10点 报价 !"},
		"day.qa.help":        {"@client #project ! today/tomorrow/mon/+3d 10:00/3pm/am/pm every mon", "@客户 #项目 ! 今天/明天/周一/+3d 10:00/下午3点 每周一"},
		"day.qa.important":   {"important", "重要"},
		"day.qa.repeat":      {"repeats %s", "重复：%s"},

		"day.repeat.daily":     {"daily", "每天"},
		"day.repeat.weekdays":  {"every weekday", "每个工作日"},
		"day.repeat.weekly":    {"weekly", "每周"},
		"day.repeat.monthly":   {"monthly", "每月"},
		"day.repeat.days":      {"every %d days", "每%d天"},
		"day.repeat.days_one":  {"every day", "每天"},
		"day.repeat.weeks":     {"every %d weeks", "每%d周"},
		"day.repeat.weeks_one": {"every week", "每周"},

		"day.filter.title":       {"Filter the day's tasks (enter keeps it, esc clears it)", "筛选当天的任务（enter 保留，esc 清除）"},
		"day.filter.placeholder": {"title, client or project", "标题、客户或项目"},
		"day.filtered":           {"filter “%s”", "筛选“%s”"},
		"day.no_match":           {"No task matches “%s”.", "没有任务包含“%s”。"},
		"day.goto.title":         {"Go to date", "跳转到日期"},
		"day.goto.placeholder":   {"2026-12-01, tomorrow, fri, next mon, +3d", "2026-12-01、明天、周五、下周一、+3d"},

		"day.outcome.title":       {"Done: %s with %s. Outcome? (optional)", "已完成与%[2]s的%[1]s。结果如何？（可不填）"},
		"day.outcome.placeholder": {"what was agreed, next step", "谈了什么、下一步"},

		"day.log.title.call":    {"Record a call with %s", "记录与%s的电话"},
		"day.log.title.visit":   {"Record a visit to %s", "记录对%s的拜访"},
		"day.log.title.meeting": {"Record a meeting with %s", "记录与%s的会议"},
		"day.log.title.note":    {"Note on %s", "%s的笔记"},
		"day.log.placeholder":   {"what was said (optional)", "谈了什么（可不填）"},

		"day.promise.title":    {"Promise to %s", "对%s的承诺"},
		"day.promise.text":     {"Promise", "承诺内容"},
		"day.promise.due":      {"Due", "到期"},
		"day.promise.due_hint": {"fri, +3d, 12-01", "周五、+3d、12-01"},

		"day.edit.title":       {"Edit task", "编辑任务"},
		"day.edit.f.title":     {"Title", "标题"},
		"day.edit.f.date":      {"Date", "日期"},
		"day.edit.f.time":      {"Time", "时间"},
		"day.edit.f.kind":      {"Kind", "类型"},
		"day.edit.f.client":    {"Client", "客户"},
		"day.edit.f.project":   {"Project", "项目"},
		"day.edit.f.important": {"Important", "重要"},
		"day.edit.f.repeat":    {"Repeat", "重复"},
		"day.edit.date_hint":   {"empty: no date", "留空：不定日期"},
		"day.edit.time_hint":   {"10:00, 3pm, am, pm", "10:00、下午3点、上午、下午"},
		"day.edit.repeat_hint": {"daily, weekdays, every mon, every 2 weeks", "每天、每个工作日、每周一、每2周"},
	})
}
