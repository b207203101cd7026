package i18n

// Messages of the Month pane and its year view (ui/month).

func init() {
	Register(map[string]Msg{
		"month.this":         {"this month", "本月"},
		"month.tasks":        {"tasks %d/%d", "任务 %d/%d"},
		"month.contacts":     {"C%d V%d", "电%d 访%d"},
		"month.mark.bid":     {"B", "标"},
		"month.mark.promise": {"P", "诺"},
		"month.mark.today":   {"T", "今"},
		"month.word.bid":     {"bid date", "投标日"},
		"month.word.promise": {"promise due", "承诺到期"},
		"month.detail":       {"%s · tasks %d/%d done · calls %d · visits %d", "%s · 任务 完成%d/%d · 电话 %d · 拜访 %d"},
		"month.legend":       {"B bid  D bid papers due  P promise due  T today · enter opens the day · y year", "标 投标  书 标书截止  诺 承诺到期  今 今天 · enter 打开当天 · y 全年"},
		"month.key.year":     {"year view", "全年视图"},
		// / on the Month: nothing to filter, the search finds it.
		"month.filter_hint": {"The month has no list to filter: ctrl+f searches everything.", "月视图没有可筛选的列表：按 ctrl+f 搜索全部。"},
		"month.year.title":  {"%d · signed sales against target, month by month", "%d年 · 每月签约与目标"},
		"month.year.total":  {"Year %d: %s", "%d年全年：%s"},
		"month.year.help":   {"←/→ month · h/l year · enter or y back to the month", "←/→ 选月份 · h/l 换年份 · enter 或 y 回到月历"},

		// The year view's keys (its footer and ? help).
		"month.key.year_prev_month": {"previous month", "上个月"},
		"month.key.year_next_month": {"next month", "下个月"},
		"month.key.year_prev":       {"previous year", "上一年"},
		"month.key.year_next":       {"next year", "下一年"},
		"month.key.year_close":      {"back to the month", "回到月历"},
	})
}
