package i18n

// Messages of the rep's-workday commands (issue 15): search, client show,
// journal list and today --status (ui/cli), and the search problems.

func init() {
	Register(map[string]Msg{
		// search
		"cli.short.search": {"Search clients, journal, tasks, promises and projects", "搜索客户、记录、任务、承诺和项目"},
		"cli.long.search": {"Search every client profile, journal entry, task, promise and project for all the words given, newest first. Chinese is found inside sentences (高考 finds 王总女儿明年高考); Latin words are found from their beginning, in any case (quot finds Quotation); a phone number with or without its spaces.",
			"在所有客户资料、记录、任务、承诺和项目中搜索同时含有所给词语的内容，最新的在前。中文可在句子中间找到（“高考”能找到“王总女儿明年高考”）；英文词按开头匹配，不分大小写（quot 能找到 Quotation）；电话号码带不带空格都能找到。"},
		"cli.flag.search_kind":  {"only this kind: client, note (any journal entry), task, promise or project", "只搜这一类：client（客户）、note（记录：笔记、电话、拜访、会议）、task（任务）、promise（承诺）或 project（项目）"},
		"cli.flag.search_limit": {"at most this many hits (1–1000)", "最多显示这么多条（1–1000）"},
		"cli.err.search":        {"cannot search for %q", "无法搜索 %q"},
		"cli.err.search_empty":  {"there is nothing to search for in %q: give a word", "%q 里没有可搜索的内容：请输入词语"},
		"cli.err.search_kind":   {"--kind %q is not one of %s", "--kind %q 不是以下之一：%s"},
		"cli.err.search_limit":  {"--limit %d must be between 1 and 1000", "--limit %d 必须在 1 到 1000 之间"},
		"cli.err.bad_count":     {"%s %d must be 0 or more", "%s %d 必须是 0 或更大的数"},
		"cli.search.none":       {"Nothing matches %q.", "没有与 %q 匹配的内容。"},
		"cli.search.more":       {"Showing the newest %d; there are more (narrow the search or raise --limit).", "只显示最新的 %d 条，还有更多（请缩小搜索或加大 --limit）。"},
		"cli.search.in_field":   {"%s: %s", "%s：%s"},
		"err.empty_search":      {"there is nothing to search for in %q: type a word", "%q 里没有可搜索的内容：请输入词语"},
		"err.bad_search_kind":   {"%q is not one of client, note, task, promise, project", "%q 不是客户、笔记、任务、承诺、项目之一"},

		// Field names (search hits, client show).
		"cli.field.phone":          {"Phone", "电话号码"},
		"cli.field.company":        {"Company", "公司"},
		"cli.field.area":           {"Area", "区域"},
		"cli.field.business":       {"Business", "主营业务"},
		"cli.field.needs":          {"Needs", "潜在需求"},
		"cli.field.decision_maker": {"Decision maker", "决策人"},
		"cli.field.interests":      {"Interests", "兴趣话题"},
		"cli.field.referred_by":    {"Referred by", "介绍人"},
		"cli.field.owner":          {"Owner", "业主"},
		"cli.field.cancel_reason":  {"Cancelled because", "取消原因"},
		"cli.field.followup":       {"Follow-up", "跟进"},

		// client show
		"cli.short.client_show":  {"Show a client: profile, phone, last notes, open promises, projects, tasks", "查看客户：资料、电话、最近记录、待兑现承诺、项目、任务"},
		"cli.flag.last_entries":  {"how many of the latest journal entries to show (0: all)", "显示最近多少条记录（0：全部）"},
		"cli.show.head":          {"%s (#%d) · %s", "%s（#%d）· %s"},
		"cli.show.archived":      {"archived", "已归档"},
		"cli.show.followup":      {"every %d days · last contact %s · next %s", "每 %d 天 · 上次联系 %s · 下次 %s"},
		"cli.show.followup_one":  {"every day · last contact %[2]s · next %[3]s", "每天 · 上次联系 %[2]s · 下次 %[3]s"},
		"cli.show.journal":       {"Latest journal (%d)", "最近跟进记录（%d）"},
		"cli.show.no_journal":    {"No journal entries yet.", "还没有跟进记录。"},
		"cli.show.promises":      {"Open promises (%d)", "待兑现承诺（%d）"},
		"cli.show.no_promises":   {"No open promises.", "没有待兑现的承诺。"},
		"cli.show.projects":      {"Projects (%d)", "项目（%d）"},
		"cli.show.no_projects":   {"No projects.", "没有项目。"},
		"cli.show.tasks":         {"Tasks ahead (%d)", "待办任务（%d）"},
		"cli.show.no_tasks":      {"No tasks ahead.", "没有待办任务。"},
		"cli.short.journal":      {"List, correct or delete journal entries", "列出、修改或删除记录"},
		"cli.short.journal_list": {"List the journal: a client's newest first, or a day's (default today)", "列出记录：某客户的（最新在前），或某天的（默认今天）"},
		"cli.long.journal_list": {"With CLIENT, that client's journal, newest first. With --on DATE (or with no CLIENT: today), that day's entries in the order they happened, only CLIENT's when one is given.",
			"给出客户时，列出该客户的记录，最新的在前。加 --on 日期时（或不给客户时：今天），按发生顺序列出当天的记录；同时给出客户则只列该客户的。"},
		"cli.flag.journal_on":    {"only this day's entries (YYYY-MM-DD or a date word)", "只列这一天的记录（YYYY-MM-DD 或日期词）"},
		"cli.flag.journal_limit": {"at most this many entries (0: all)", "最多列出这么多条（0：全部）"},
		"cli.journal.none":       {"No journal entries.", "没有记录。"},

		// today --status
		"cli.flag.status":      {"one short line for a shell prompt or a tmux status bar", "一行简短状态，用于 shell 提示符或 tmux 状态栏"},
		"cli.status.calls":     {"calls %d/%d", "电话 %d/%d"},
		"cli.status.visits":    {"visits %d/%d", "拜访 %d/%d"},
		"cli.status.overdue":   {"overdue %d", "逾期承诺 %d"},
		"cli.status.attention": {"attention %d", "提醒 %d"},
		"cli.status.sep":       {" · ", " · "},
	})
}
