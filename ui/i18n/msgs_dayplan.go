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
		"key.filter_hint":    {"filter? ctrl+f searches", "筛选？用 ctrl+f 搜索"},
		"key.confirm":        {"confirm", "确认"},
		"key.check_file":     {"check the file", "检查文件"},
		"key.move_all":       {"move all carried over", "顺延任务全部改期"},
		"key.kept_today":     {"kept today", "今天已兑现"},
		"key.choose":         {"choose", "选择"},
		"key.close":          {"close", "关闭"},
		"key.start_planning": {"start planning", "开始安排"},
		"key.yes":            {"yes", "是"},
		"key.no":             {"no", "否"},

		// Dialogs (ui/form).
		"form.key.tab_date":      {"tab date", "tab 日期"},
		"form.key.enter_choose":  {"enter choose", "enter 选择"},
		"form.key.enter_confirm": {"enter confirm", "enter 确认"},
		"form.key.enter_open":    {"enter open", "enter 打开"},
		"form.key.enter_check":   {"enter check the file", "enter 检查文件"},
		"form.key.enter_yes":     {"enter/y yes", "enter/y 是"},
		"form.key.esc_no":        {"esc/n no", "esc/n 否"},

		// The Day: the client card, carried-over tasks, the attention list.
		"day.carried_more":         {"%d more carried over · enter shows them · R moves them all", "还有 %d 个顺延任务 · enter 显示 · R 全部改期"},
		"day.carried_none":         {"Nothing is carried over.", "没有顺延的任务。"},
		"day.move_all.title":       {"Move all %d carried-over tasks to…", "把 %d 个顺延任务全部改到…"},
		"day.move_all.title_one":   {"Move the %d carried-over task to…", "把 %d 个顺延任务改到…"},
		"day.move_all.placeholder": {"today, tomorrow, mon, 12/1", "今天、明天、周一、12/1"},
		"day.status.moved_all":     {"Moved %d tasks to %s (u undoes)", "已把 %d 个任务改到 %s（u 撤销）"},
		"day.status.moved_all_one": {"Moved %d task to %s (u undoes)", "已把 %d 个任务改到 %s（u 撤销）"},
		"day.att.above":            {"· ↑%d", "· ↑%d"},
		"day.att.below":            {"· ↓%d more", "· ↓还有%d项"},
		"day.att.one_day_overdue":  {"1 day overdue", "逾期1天"},
		"day.att.not_promise":      {"Only promises can be kept: enter opens it, t makes a task.", "只有承诺可以标记兑现：enter 打开此项，t 设为今天的任务。"},
		"err.promise_changed":      {"this promise was changed elsewhere since it was shown: read it again, then press x", "这条承诺在显示后被别处改过：请再看一遍，然后按 x"},

		// Quick-add naming a client not known yet.
		"day.qa.new_client":       {"%s is not a client yet: enter offers to add them", "%s 还不是客户：按 enter 可以新建"},
		"day.qa.create_client":    {"%s is not a client yet. Add %[1]s as a new client, then the task?", "%s 还不是客户。新建客户%[1]s并添加这个任务吗？"},
		"day.status.added_client": {"Added client %s and the task: %s (%s)", "已新建客户%s并添加任务：%s（%s）"},

		// Clients: a filter that finds no client points at search.
		"clients.try_search": {"ctrl+f searches notes, tasks, promises and projects too.", "ctrl+f 还能搜索笔记、任务、承诺和项目。"},

		// Search (ctrl+f).
		"search.title":       {"Search", "搜索"},
		"search.placeholder": {"words from a note, a name, a phone number…", "笔记里的词、名字、电话号码……"},
		"search.hint":        {"Type to search clients, notes, tasks, promises and projects · Chinese is found inside sentences", "输入词语，搜索客户、笔记、任务、承诺和项目 · 中文句子中间的词也能找到"},
		"search.type_word":   {"Type a word.", "请输入词语。"},
		"search.searching":   {"searching…", "搜索中……"},
		"search.none":        {"Nothing matches %q.", "没有与 %q 匹配的内容。"},
		"search.found":       {"%d found · newest first · enter opens", "找到 %d 条 · 最新的在前 · enter 打开"},
		"search.more":        {"The newest %d · more match: add a word", "最新的 %d 条 · 还有更多：再加一个词"},
		"search.in_field":    {"%s: ", "%s："},

		// The first-run screen of an empty database.
		"first.title":           {"Welcome to salesplan", "欢迎使用 salesplan"},
		"first.intro":           {"This database is empty. Three things get the planner working for you — or start planning right away:", "这个数据库还是空的。做好下面三件事，计划就能用起来——也可以直接开始安排："},
		"first.step.targets":    {"Targets and quotas", "目标和指标"},
		"first.step.import":     {"Import clients from a spreadsheet (CSV)", "从表格（CSV）导入客户"},
		"first.step.client":     {"Add your first client", "添加第一个客户"},
		"first.step.start":      {"Start planning: the Day", "开始安排：今天"},
		"first.hint.targets":    {"the year's sales target, calls a day, visits a week", "年度销售目标、每天电话数、每周拜访数"},
		"first.hint.import":     {"a file with a name column (phone, area, tier… too)", "含名称列的文件（也可有电话、区域、级别等）"},
		"first.hint.client":     {"name, phone, area", "名称、电话、区域"},
		"first.demo":            {"To look around first with a demo rep's year of data, quit (q) and run:", "想先看看一位示例销售一年的数据，请退出（q）后运行："},
		"first.demo_after":      {"It opens a demo database of its own; this one stays as it is.", "它会打开单独的示例数据库，不会改动这个数据库。"},
		"first.no_target":       {"no sales target", "未设销售目标"},
		"first.target":          {"%s in %d", "%[2]d年 %[1]s"},
		"first.done.targets":    {"%s · %s · %s", "%s · %s · %s"},
		"first.done.calls":      {"%d calls a day", "每天 %d 个电话"},
		"first.done.calls_one":  {"%d call a day", "每天 %d 个电话"},
		"first.done.visits":     {"%d visits a week", "每周 %d 次拜访"},
		"first.done.visits_one": {"%d visit a week", "每周 %d 次拜访"},
		"first.done.import":     {"%d clients imported", "已导入 %d 个客户"},
		"first.done.import_one": {"%d client imported", "已导入 %d 个客户"},
		"first.done.client":     {"%s added", "已添加 %s"},

		"first.targets.title":      {"Targets and quotas", "目标和指标"},
		"first.targets.sales":      {"Sales target %d", "%d年销售目标"},
		"first.targets.sales_hint": {"e.g. 1000000 or 100万", "例如 1000000 或 100万"},
		"first.targets.calls":      {"Calls per day", "每天电话数"},
		"first.targets.visits":     {"Visits per week", "每周拜访数"},
		"first.status.targets":     {"Targets saved", "目标已保存"},

		"first.import.title":          {"Import clients from a CSV file", "从 CSV 文件导入客户"},
		"first.import.placeholder":    {"path of the file, e.g. ~/clients.csv", "文件路径，例如 ~/clients.csv"},
		"first.import.columns":        {"Columns by their header: name (required), company, tier, area, phone, business, needs, decision maker, interests, referred by, cadence — in English or Chinese (客户, 电话, 区域…).", "按表头识别列：名称（必填）、公司、级别、区域、电话、主营业务、需求、决策人、兴趣、介绍人、跟进周期——中英文表头均可（客户、电话、区域……）。"},
		"first.import.nothing":        {"Nothing to add: all %d clients in the file are here already.", "没有可添加的：文件里的 %d 个客户都已存在。"},
		"first.import.nothing_one":    {"Nothing to add: the one client in the file is here already.", "没有可添加的：文件里的客户已存在。"},
		"first.import.would_add":      {"%d clients to add (%s).", "将添加 %d 个客户（%s）。"},
		"first.import.would_add_one":  {"%d client to add (%s).", "将添加 %d 个客户（%s）。"},
		"first.import.would_skip":     {"%d rows skipped, already here: %s.", "跳过 %d 行（已存在）：%s。"},
		"first.import.would_skip_one": {"%d row skipped, already here: %s.", "跳过 %d 行（已存在）：%s。"},
		"first.import.skipped_row":    {"line %d %s", "第%d行 %s"},
		"first.import.ask":            {"Import them?", "导入吗？"},
		"first.list_sep":              {", ", "、"},
		"first.sentences":             {"%s %s", "%s%s"},
		"first.status.imported":       {"Imported %d clients (%d skipped)", "已导入 %d 个客户（跳过 %d 个）"},
		"first.status.imported_one":   {"Imported %d client (%d skipped)", "已导入 %d 个客户（跳过 %d 个）"},
		"err.csv_not_file":            {"%s is not a file", "%s 不是文件"},
		"err.csv_no_file":             {"there is no file %s", "没有这个文件：%s"},
		"err.csv_no_permission":       {"%s may not be read (permission denied)", "没有权限读取 %s"},
		"err.csv_too_big":             {"%s is %d MB: a client list is far smaller", "%s 有 %d MB：客户列表不会这么大"},
		"err.bad_count":               {"%q is not a number from 0 to 1000", "%q 不是 0 到 1000 之间的数"},
		"first.client.title":          {"Your first client", "第一个客户"},

		// Undo of the new actions.
		"undo.book_visit":            {"booking a visit", "约拜访"},
		"undo.move_tasks":            {"moving tasks", "任务改期"},
		"undo.add_task_new_client":   {"adding a task and its new client", "添加任务及新客户"},
		"err.bad_booking":            {"a booking is a visit and a call with one client", "约拜访需要同一客户的一次拜访和一通电话"},
		"undone.move_tasks":          {"moving %s tasks to %s (each is back on its day)", "把 %s 个任务改到 %s（都已改回原来的日期）"},
		"undone.move_tasks_one":      {"moving %s task to %s (it is back on its day)", "把 %s 个任务改到 %s（已改回原来的日期）"},
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
