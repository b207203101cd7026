package i18n

// Messages of the planner parts finished on the floor of issue 11: the
// day's record and the month's review on screen (issue 14), sync from the
// planner (issue 17), multi-line form fields (issue 12).

func init() {
	Register(map[string]Msg{
		// The top line: the visits made beside the clients visited.
		"top.visits_total":     {" (%d visits)", "（共%d次）"},
		"top.visits_total_one": {" (%d visit)", "（共%d次）"},

		// The top line's word on the sync, the footer's after S.
		"sync.top.running":           {"Syncing…", "同步中…"},
		"sync.top.never":             {"Not synced", "未同步"},
		"sync.top.ok":                {"Synced %s", "已同步 %s"},
		"sync.top.failed":            {"Sync failed %s", "同步失败 %s"},
		"sync.top.ok_short":          {"✓ %s", "✓ %s"},
		"sync.top.failed_short":      {"✗ %s", "✗ %s"},
		"sync.status.running":        {"Syncing with %s…", "正在与 %s 同步…"},
		"sync.status.already":        {"A sync is already on its way.", "同步已在进行中。"},
		"sync.status.not_set":        {"Sync is not set up: give the calendar's address in the settings (,).", "尚未设置同步：请在设置（,）中填写日历地址。"},
		"sync.status.done":           {"Synced: %d sent, %d removed, %d taken back.", "已同步：发送 %d 项，删除 %d 项，取回 %d 项。"},
		"sync.status.done_conflicts": {"Synced: %d sent, %d removed, %d taken back; %d changed on both sides, noted in the journal.", "已同步：发送 %d 项，删除 %d 项，取回 %d 项；%d 项两边都改过，另一方的改动已记入客户记录。"},
		"sync.status.failed":         {"Sync failed: %s", "同步失败：%s"},

		// Sync from the planner (S), and its settings.
		"key.sync":               {"sync now", "立即同步"},
		"settings.f.caldav_url":  {"Calendar (CalDAV)", "同步日历（CalDAV）"},
		"settings.h.caldav_url":  {"https://…; empty: no sync", "https://…；留空则不同步"},
		"settings.f.caldav_user": {"Calendar user", "日历用户名"},
		"settings.password.env":  {"Password: from %s (never saved in the database)", "密码：取自 %s（从不存入数据库）"},
		"settings.password.file": {"Password: from %s beside the database (never saved in it)", "密码：取自数据库旁的 %s（从不存入数据库）"},
		"settings.password.none": {"Password: none found; set %s or put it in %s beside the database (chmod 600)", "密码：未找到；请设置 %s，或写入数据库旁的 %s（chmod 600）"},

		// Multi-line fields in forms, and forms taller than the screen.
		"form.key.enter_newline": {"enter new line", "enter 换行"},
		"form.more_lines":        {"(+%d lines)", "（另 %d 行）"},
		"form.more_lines_one":    {"(+%d line)", "（另 %d 行）"},
		"form.lines_above":       {"↑ %d more lines", "↑ 上方还有 %d 行"},
		"form.lines_above_one":   {"↑ %d more line", "↑ 上方还有 %d 行"},
		"form.lines_below":       {"↓ %d more lines", "↓ 下方还有 %d 行"},
		"form.lines_below_one":   {"↓ %d more line", "↓ 下方还有 %d 行"},

		// A due client with a call, visit or meeting booked beyond the week.
		"clients.booked": {"booked %s", "已约 %s"},

		// The reports on screen (r on the Day and the Month).
		"day.key.record":       {"day's record", "日报"},
		"month.key.report":     {"month review", "月回顾"},
		"report.key.close":     {"close the report", "关闭报告"},
		"day.record.loading":   {"Reading the day's record…", "正在读取日报…"},
		"month.report.loading": {"Reading the month's review…", "正在读取月回顾…"},
		// A past day's record reads the tasks as they are now: whether a
		// task was important that day, or dated then, is not kept.
		"report.h.undone_past": {"Important, not done (as flagged and dated now)", "未完成的重要任务（按现在的标记和日期）"},
	})
}
