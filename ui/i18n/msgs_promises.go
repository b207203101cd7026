package i18n

// Messages of the Promises pane (ui/promises).

func init() {
	Register(map[string]Msg{
		"promises.title":       {"Promises · %d open", "承诺 · %d 项待兑现"},
		"promises.overdue_n":   {"%d overdue", "%d 项逾期"},
		"promises.rel":         {"kept on time %s (%d due in 90 days)", "按时兑现率 %s（近90天到期 %d 项）"},
		"promises.rel.none":    {"kept on time: none due in 90 days", "按时兑现率：近90天没有到期的承诺"},
		"promises.loading":     {"loading…", "加载中…"},
		"promises.col.due":     {"Due", "到期"},
		"promises.col.state":   {"State", "状态"},
		"promises.col.client":  {"Client", "客户"},
		"promises.col.project": {"Project", "项目"},
		"promises.col.text":    {"Promise", "承诺内容"},
		"promises.kept_on":     {"kept %s", "%s兑现"},
		"promises.kept_late":   {"kept late %s", "%s逾期兑现"},
		"promises.more":        {"↓ %d more", "↓ 还有 %d 项"},

		"promises.filter.open":    {"open", "待兑现"},
		"promises.filter.overdue": {"overdue", "已逾期"},
		"promises.filter.all":     {"all", "全部"},
		"promises.empty.open":     {"No open promise. a makes one.", "没有待兑现的承诺。按 a 新建。"},
		"promises.empty.overdue":  {"No overdue promise.", "没有逾期的承诺。"},
		"promises.empty.all":      {"No promise yet. a makes one.", "还没有承诺。按 a 新建。"},
		"promises.none_match":     {"No promise matches. esc clears the filter, f changes what is shown.", "没有匹配的承诺。esc 清除筛选，f 切换显示范围。"},
		// The filter (/): client, project or what was promised.
		"promises.filter.title":       {"Filter promises (enter keeps it, esc clears it)", "筛选承诺（enter 保留，esc 清除）"},
		"promises.filter.placeholder": {"client, project or what was promised", "客户、项目或承诺内容"},
		"promises.filtered":           {"filter “%s”", "筛选“%s”"},

		"promises.none_selected": {"No promise selected.", "没有选中的承诺。"},
		"promises.not_open":      {"This promise is already %s.", "这项承诺已是%s状态。"},
		"promises.pick":          {"Promise to which client?", "对哪个客户的承诺？"},
		"promises.new.title":     {"Promise to %s", "对%s的承诺"},
		"promises.edit.title":    {"Edit the promise to %s", "编辑对%s的承诺"},
		"promises.kept.title":    {"Kept on which day? %s", "哪天兑现的？%s"},
		"promises.kept.hint":     {"today, yesterday, mon, 11/25", "今天、昨天、周一、11/25"},

		"promises.status.showing":   {"Showing %s promises", "显示：%s"},
		"promises.status.kept":      {"Kept: %s (%s)", "已兑现：%s（%s）"},
		"promises.status.cancelled": {"Cancelled: %s (u undoes)", "已取消：%s（按 u 撤销）"},
		"promises.status.added":     {"Promised %s by %s", "已承诺%s，%s前兑现"},
		"promises.status.saved":     {"Saved: %s", "已保存：%s"},
		// A keep or cancel that found the promise closed elsewhere meanwhile.
		"promises.status.closed_elsewhere": {"Already %s elsewhere, nothing changed: %s", "这项承诺已在别处%s，未作改动：%s"},
	})
}
