package i18n

// Messages of the weekly review (ui/report, `salesplan review`, `r` on Week).

func init() {
	Register(map[string]Msg{
		"review.title":      {"Weekly review · %s (%s – %s)", "周回顾 · %s（%s – %s）"},
		"review.h.numbers":  {"The week against its targets", "本周与目标"},
		"review.h.days":     {"Calls and visits per day", "每天的电话与拜访"},
		"review.h.promises": {"Promises", "承诺"},
		"review.h.moves":    {"Stage moves", "阶段变化"},
		"review.h.signed":   {"Signed", "签约"},
		"review.h.funnel":   {"Funnel and win rate", "漏斗与赢单率"},
		"review.h.quiet":    {"Key clients not contacted this week", "本周未联系的大客户"},
		"review.h.next":     {"Next week", "下周"},

		"review.col.what":   {"What", "项目"},
		"review.col.result": {"Done / target", "完成 / 目标"},
		"review.col.day":    {"Day", "日期"},
		"review.calls":      {"Calls", "电话"},
		"review.visits":     {"Visits", "拜访"},
		"review.meetings":   {"Meetings", "会议"},
		"review.signed":     {"Signed", "签约"},

		"review.count": {"%d/%d", "%d/%d"},
		"review.pct":   {" (%d%%)", "（%d%%）"},
		// A percentage of a sum too large to count exactly (model.Money.Saturated).
		"review.pct_at_least": {" (≥%d%%)", "（≥%d%%）"},
		"review.money_of":     {"%s of %s", "%s / %s"},
		// Signed in a period with no sales target set: not "¥0 of ¥0".
		"review.money_no_target": {"%s (no target set)", "%s（未设目标）"},

		"review.promises.summary": {"%d made · %d kept (%d on time, %d late) · %d overdue",
			"新增 %d · 兑现 %d（按时 %d，迟了 %d）· 逾期 %d"},
		"review.promise.on_time": {"Kept on time: %s, %s (due %s, kept %s)", "按时兑现：%s，%s（%s 到期，%s 兑现）"},
		"review.promise.late":    {"Kept late: %s, %s (due %s, kept %s, %s late)", "迟了兑现：%s，%s（%s 到期，%s 兑现，迟了 %s）"},
		"review.promise.overdue": {"Overdue: %s, %s (due %s, %s overdue)", "逾期：%s，%s（%s 到期，逾期 %s）"},
		"review.days_one":        {"%d day", "%d 天"},
		"review.days":            {"%d days", "%d 天"},

		"review.move":     {"%s: %s → %s (%s)", "%s：%s → %s（%s）"},
		"review.move_new": {"%s: new project, %s (%s)", "%s：新项目，%s（%s）"},
		"review.none":     {"None.", "无。"},

		"review.signed.total": {"Signed %s", "签约 %s"},
		"review.signed.item":  {"%s: %s (%s)", "%s：%s（%s）"},

		"review.funnel":        {"Contacts %d → new projects %d → bids %d → wins %d", "联系 %d → 新项目 %d → 投标 %d → 签约 %d"},
		"review.winrate":       {"Win rate %d%% (%d won, %d lost)", "赢单率 %d%%（签约 %d，丢单 %d）"},
		"review.winrate_none":  {"Win rate: no project was won or lost this week.", "赢单率：本周没有签约或丢单的项目。"},
		"review.quiet.item":    {"%s, last contact %s", "%s，上次联系 %s"},
		"review.quiet.never":   {"%s, never contacted", "%s，从未联系"},
		"review.all_contacted": {"Every key client was contacted.", "所有大客户都已联系。"},
		"review.next.bid":      {"%s bid: %s (%s)", "%s 投标：%s（%s）"},
		"review.next.promise":  {"%s promise due: %s, %s", "%s 承诺到期：%s，%s"},
		"review.nothing_next":  {"Nothing known yet.", "暂无已知安排。"},

		"review.loading":   {"Reading the review…", "正在读取周回顾…"},
		"review.key.close": {"close the review", "关闭周回顾"},
		"help.key.close":   {"close the help", "关闭帮助"},

		"cli.short.review": {"The weekly review as Markdown", "以 Markdown 输出周回顾"},
	})
}
