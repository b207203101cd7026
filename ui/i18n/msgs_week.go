package i18n

// Messages of the Week pane (ui/week). Its dialogs and statuses are the Day
// pane's ("day.*"), so a task reads the same on both.

func init() {
	Register(map[string]Msg{
		"week.title":       {"Week %d · %s – %s %d", "%[4]d年第%[1]d周 · %[2]s – %[3]s"},
		"week.this":        {"this week", "本周"},
		"week.last":        {"last week", "上周"},
		"week.next":        {"next week", "下周"},
		"week.weeks_ago":   {"%d weeks ago", "%d周前"},
		"week.weeks_ahead": {"in %d weeks", "%d周后"},
		"week.loading":     {"loading…", "加载中…"},
		// The filter (/): the tasks whose title, client or project match.
		"week.filter.title": {"Filter the week's tasks (enter keeps it, esc clears it)", "筛选周视图中的任务（enter 保留，esc 清除）"},
		"week.filtered":     {"filter “%s”", "筛选“%s”"},

		// A day's calls and visits against its quota, in a column head.
		"week.day_quota":  {"C %d/%d V %d/%d", "电%d/%d 访%d/%d"},
		"week.day_counts": {"C %d V %d", "电%d 访%d"},
		"week.more":       {"+%d more", "还有%d项"},

		// One- or two-cell task kinds for the columns.
		"week.kind.call":    {"C", "电"},
		"week.kind.visit":   {"V", "访"},
		"week.kind.meeting": {"M", "会"},
		"week.kind.todo":    {"T", "办"},

		"week.promises": {"Promises %d made · %d kept (%d on time)", "承诺 新增%d · 兑现%d（按时%d）"},
		"week.overdue":  {"%d overdue", "逾期%d"},
		"week.moves":    {"%d stage moves", "阶段变化%d"},
	})
}
