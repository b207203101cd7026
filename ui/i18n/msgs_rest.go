package i18n

// Messages of the planner parts finished on the floor of issue 11: the
// day's record and the month's review on screen (issue 14), sync from the
// planner (issue 17), multi-line form fields (issue 12).

func init() {
	Register(map[string]Msg{
		// Sync from the planner (S).
		"key.sync": {"sync now", "立即同步"},

		// Multi-line fields in forms, and forms taller than the screen.
		"form.key.enter_newline": {"enter new line", "enter 换行"},
		"form.more_lines":        {"(+%d lines)", "（另 %d 行）"},
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
