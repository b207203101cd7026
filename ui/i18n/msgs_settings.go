package i18n

// Messages of the settings screen (ui/settings, `,` in the planner).

func init() {
	Register(map[string]Msg{
		"settings.title":      {"Settings", "设置"},
		"settings.loading":    {"Reading the settings…", "正在读取设置…"},
		"settings.saved":      {"Settings saved", "设置已保存"},
		"settings.saved_lang": {"Settings saved; the language changes when salesplan next starts", "设置已保存；语言在下次启动 salesplan 时生效"},

		"settings.f.year":            {"Target year", "目标年份"},
		"settings.f.annual":          {"Annual target", "年度目标"},
		"settings.f.months":          {"Month targets", "月度目标"},
		"settings.f.calls":           {"Calls per day", "每天电话"},
		"settings.f.visits":          {"Visits per week", "每周拜访"},
		"settings.f.workdays":        {"Working days", "工作日"},
		"settings.f.key_cadence":     {"Key client follow-up (days)", "大客户跟进（天）"},
		"settings.f.regular_cadence": {"Regular client follow-up (days)", "一般客户跟进（天）"},
		"settings.f.lead_cadence":    {"Lead follow-up (days)", "线索跟进（天）"},
		"settings.f.design_cadence":  {"Design follow-up (days)", "前期设计跟进（天）"},
		"settings.f.stage_cadence":   {"Other stages follow-up (days)", "其他阶段跟进（天）"},
		"settings.f.language":        {"Language", "语言"},
		"settings.f.currency":        {"Currency", "货币"},

		"settings.h.annual":   {"empty: no target; 1200000 or 120万", "留空：无目标；1200000 或 120万"},
		"settings.h.months":   {"2026-12=200000 (others: annual ÷ 12)", "2026-12=200000（其余月份：年度 ÷ 12）"},
		"settings.h.workdays": {"mon,tue,wed,thu,fri", "周一,周二,周三,周四,周五"},
		"settings.h.currency": {"empty: by language", "留空：随语言"},
		"settings.lang.auto":  {"from the system", "跟随系统"},

		"err.settings_int":         {"%q is not a whole number from %d to %d", "“%v”不是 %d 到 %d 之间的整数"},
		"err.settings_year":        {"%q is not a year", "“%v”不是年份"},
		"err.settings_months":      {"%q is not YYYY-MM=amount", "“%v”不是 YYYY-MM=金额"},
		"err.settings_workdays":    {"%q is not a weekday", "“%v”不是星期几"},
		"err.settings_no_workdays": {"name at least one working day", "至少要有一个工作日"},
	})
}
