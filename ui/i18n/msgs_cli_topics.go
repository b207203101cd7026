package i18n

// The command line's status line and its help topics (`salesplan help TOPIC`).
func init() {
	Register(map[string]Msg{
		"cli.flag.short": {"one line for a status bar", "一行摘要，适合状态栏"},
		"cli.today.short": {"%s · calls %d/%d · visits %d/%d · tasks %d/%d · attention %d (%d overdue)",
			"%s · 电话 %d/%d · 拜访 %d/%d · 任务 %d/%d · 提醒 %d（%d 项承诺逾期）"},
		"cli.help.topics": {"Help topics: quickadd, dates, exchange (salesplan help TOPIC)",
			"帮助主题：quickadd、dates、exchange（salesplan help 主题）"},
		"cli.help.topic.quickadd": {`Quick-add (the planner's a, and salesplan add TEXT…)

  call @王总 tomorrow 10:00 !            a call with 王总 tomorrow at 10:00, important
  拜访 @李经理 周三 下午                  a visit on Wednesday afternoon
  meet #"Tower B" next mon 3pm every 2w  a meeting on a project, every two weeks

Kind       the first word: call/打电话/电话, visit/拜访, meet/meeting/会议/开会; else a to-do
Client     @name, or @"ACME Ltd" for names with spaces; the name runs to the next space
Project    #name, #"Tower B"
Important  a standalone !
Date       see: salesplan help dates (no date word: today)
Time       10:00, 3pm, 3:30pm, 下午3点, 上午10点半, 晚上8点
Slot       am/morning/上午, pm/afternoon/下午, evening/晚上
Repeat     every day, every weekday, every mon, every 2w, every 3d, weekly, monthly,
           每天, 工作日, 每周一, 每月
Literal    a leading \ keeps a word in the title: \sun cream
What is left is the title. An unknown or ambiguous @client, two dates or an empty
title is an error, never a guess.`,
			`快速添加（计划界面按 a，或 salesplan add 文本…）

  call @王总 tomorrow 10:00 !            明天 10:00 给王总打电话，重要
  拜访 @李经理 周三 下午                  周三下午拜访李经理
  开会 #"Tower B" 下周一 下午3点 每周一   项目会议，每周一重复

类型    第一个词：call/打电话/电话 → 电话，visit/拜访 → 拜访，meet/meeting/会议/开会 → 会议；否则为待办
客户    @名字，名字含空格时用 @"ACME Ltd"；名字到下一个空格为止
项目    #名字，#"Tower B"
重要    单独的 !
日期    见 salesplan help dates（没有日期词：今天）
时间    10:00、3pm、3:30pm、下午3点、上午10点半、晚上8点
时段    上午/am/morning、下午/pm/afternoon、晚上/evening
重复    每天、工作日、每周一、每月、every day、every weekday、every mon、every 2w
原样    词前加 \ 保留在标题里：\sun cream
其余文字即标题。未知或有歧义的 @客户、两个日期、空标题都会报错，绝不猜测。`},
		"cli.help.topic.dates": {`Dates (everywhere a date is typed: --due, --on, --week, forms, quick-add)

  2026-12-01  12-01  12/1      a day (12-01 and 12/1: this year, next year once past)
  today tomorrow               今天 明天 后天
  mon … sun, monday …          周一 … 周日, 星期一 …   (today or later)
  next mon                     下周一                   (Monday of next week)
  +3d  +2w                     three days, two weeks from today
Phrases outside this list ("last friday", "in 3 weeks") are tried with a
natural-date library; anything else is refused with a message.`,
			`日期（凡是输入日期的地方：--due、--on、--week、表单、快速添加）

  2026-12-01  12-01  12/1      某一天（12-01、12/1 指今年，已过则为明年）
  今天 明天 后天               today tomorrow
  周一 … 周日、星期一 …        mon … sun（今天或之后）
  下周一                       next mon（下周的周一）
  +3d  +2w                     三天后、两周后
不在此列的说法（"last friday"、"in 3 weeks"）交给自然日期库尝试；其他输入会被拒绝并说明原因。`},
		"cli.help.topic.exchange": {`The exchange format (salesplan export, salesplan import FILE [--merge])

One JSON document: {"format": "salesplan", "version": 2, "settings": {…},
"clients": […], "tasks": […], "journal": […], "promises": […], "projects": […]}.
Dates are YYYY-MM-DD, journal times RFC 3339, money a number in main units
(120000.5), null or an absent field means none; ids link the records
(client_id, project_id). A project's stage_history is in date order and ends
in its current stage. cadence_days 0 means the tier's default; a settings field
left out keeps its default. Export writes version 2; import reads versions 1 and 2.

Import into an empty database reproduces the document exactly (export, import,
export gives the same document, ids included). A non-empty database needs
--merge: records get new ids and their links are remapped. A bad document is
rejected whole, naming the record and field (tasks[3]: client_id: there is no client #99),
and the database is left as it was.

Also: export --format csv --kind clients|tasks|journal|promises|projects (UTF-8
with a byte-order mark for Excel and WPS), import --format csv --kind clients
FILE [--dry-run], export --format ics (tasks, bids and promises for calendars).`,
			`交换格式（salesplan export，salesplan import 文件 [--merge]）

一个 JSON 文档：{"format": "salesplan", "version": 2, "settings": {…},
"clients": […], "tasks": […], "journal": […], "promises": […], "projects": […]}。
日期为 YYYY-MM-DD，日志时间为 RFC 3339，金额为以元为单位的数字（120000.5），
null 或缺省字段表示"无"；记录之间用 id 关联（client_id、project_id）。
项目的 stage_history 按日期排序，最后一项即当前阶段。cadence_days 为 0 表示按客户级别的默认值；
settings 中缺省的字段保持默认。导出写版本 2；导入读取版本 1 和 2。

导入空数据库会原样重现文档（导出、导入、再导出得到相同的文档，id 也相同）。
非空数据库需要 --merge：记录获得新 id，关联随之改写。有错的文档整体拒绝，
并指出出错的记录和字段（tasks[3] 的字段 client_id：没有编号为 #99 的客户），数据库保持原样。

另有：export --format csv --kind clients|tasks|journal|promises|projects（带 BOM 的
UTF-8，Excel 和 WPS 可直接打开中文），import --format csv --kind clients 文件 [--dry-run]，
export --format ics（任务、投标和承诺，供日历导入）。`},
	})
}
