package i18n

// Messages of the CalDAV sync (package davsync, `salesplan sync`, the
// caldav.* settings): what sync prints, the words it puts on the phone,
// the journal notes a conflict leaves, and its problems.

func init() {
	Register(map[string]Msg{
		"cli.short.sync":        {"Sync with a CalDAV calendar (your phone): tasks, promises, bids", "与 CalDAV 日历（手机）同步：任务、承诺、投标"},
		"cli.long.sync":         {"Publish every open dated task (overdue ones too) and the done ones dated from 30 days ago on, open promises, bid dates and papers-due dates to the calendar at caldav.url, with reminders; take back what the phone did (a promise completed, an event moved). The password comes from SALESPLAN_CALDAV_PASSWORD or a file beside the database (mode 0600).", "将所有未完成的有日期任务（含逾期的）与日期在 30 天内的已完成任务、待兑现的承诺、投标日与投标文件截止日发布到 caldav.url 的日历并设闹钟；取回手机上的改动（承诺完成、日程移动）。密码来自 SALESPLAN_CALDAV_PASSWORD 或数据库旁的文件（权限 0600）。"},
		"cli.flag.dry_run_sync": {"show what would be sent and taken back, change nothing", "只显示将发送与取回的内容，不做改动"},
		"cli.err.sync":          {"the sync failed", "同步失败"},

		"cli.sync.done":          {"Synced with %s: %d sent (%d new), %d removed, %d taken back, %s; %s in %s", "已与 %s 同步：发送 %d 项（新 %d 项），删除 %d 项，取回 %d 项，%s；%s，用时 %s"},
		"cli.sync.dry":           {"Dry run with %s, nothing changed: would send %d (%d new), remove %d, take back %d (%s); %s", "试运行 %s，未做改动：将发送 %d 项（新 %d 项），删除 %d 项，取回 %d 项（%s）；%s"},
		"cli.sync.conflicts":     {"%d conflicts", "冲突 %d 项"},
		"cli.sync.conflicts_one": {"%d conflict", "冲突 %d 项"},
		"cli.sync.requests":      {"%d requests", "请求 %d 次"},
		"cli.sync.requests_one":  {"%d request", "请求 %d 次"},
		"cli.sync.skipped":       {"%d changed on the server during the sync; the next sync takes them", "%d 项在同步期间于服务器上被改动；下次同步处理"},
		"cli.sync.skipped_one":   {"%d changed on the server during the sync; the next sync takes it", "%d 项在同步期间于服务器上被改动；下次同步处理"},
		"cli.sync.moved":         {"  moved: “%s” to %s", "  已移动：“%s”到 %s"},
		"cli.sync.kept":          {"  kept: “%s” on %s", "  已兑现：“%s”，%s"},
		"cli.sync.phone_won":     {"  conflict: “%s” — the phone's later change (%s) stands", "  冲突：“%s”——以手机上较晚的改动（%s）为准"},
		"cli.sync.here_won":      {"  conflict: “%s” — the later change here (%s) stays", "  冲突：“%s”——保留本机较晚的改动（%s）"},
		"cli.sync.ignored_done":  {"  conflict: “%s” was moved on the phone but is done here; it stays done", "  冲突：“%s”在手机上被移动，但本机已完成；保持完成"},
		"cli.sync.ignored_gone":  {"  conflict: item %d was changed on the phone but no longer exists here", "  冲突：第 %d 项在手机上被改动，但本机已不存在"},
		"cli.sync.ignored_range": {"  ignored: “%s” was moved on the phone to a date outside 1900–2200", "  已忽略：“%s”在手机上被移到 1900–2200 年以外的日期"},
		"cli.sync.noted":         {"    (the other side is written in %s's journal)", "    （另一方的改动已记入 %s 的记录）"},
		"cli.sync.not_noted":     {"    (no client: the other side is in no journal)", "    （无客户：另一方的改动未记入记录）"},

		// Words on the phone.
		"sync.label.promise": {"Promise to %s: %s", "对%s的承诺：%s"},
		"sync.label.bid":     {"Bid: %s", "投标：%s"},
		"sync.label.papers":  {"Bid papers due: %s (bid %s)", "投标文件截止：%s（投标日 %s）"},
		"sync.label.done":    {"✓ ", "✓ "},

		// Journal notes a conflict leaves (title, then dates).
		"sync.note.phone_won":     {"Sync: the phone moved “%s” to %s, later than the change here to %s; the phone's stands.", "同步：手机将“%s”移到 %s，晚于本机改到的 %s；以手机为准。"},
		"sync.note.here_won":      {"Sync: the phone moved “%s” to %s; the change here to %s was later and stays.", "同步：手机将“%s”移到 %s；本机改到的 %s 更晚，予以保留。"},
		"sync.note.moved_done":    {"Sync: the phone moved “%s” to %s, but it is done here; it stays done.", "同步：手机将“%s”移到 %s，但本机已完成；保持完成。"},
		"sync.note.moved_deleted": {"Sync: the phone moved “%s” to %s, but it was deleted here.", "同步：手机将“%s”移到 %s，但本机已删除。"},
		"sync.note.kept_cancel":   {"Sync: “%s” was cancelled here, but the phone marked it done on %s, later; it is kept.", "同步：“%s”在本机已取消，但手机较晚于 %s 标记完成；改为已兑现。"},
		"sync.note.cancel_kept":   {"Sync: the phone marked “%s” done on %s; it was cancelled here later and stays cancelled.", "同步：手机于 %[2]s 标记“%[1]s”完成；本机较晚取消，保持取消。"},

		"undo.sync": {"the sync's changes from the phone", "同步从手机取回的改动"},

		// Problems (model.Problem codes).
		"err.sync_no_url":          {"no calendar to sync with: salesplan config set caldav.url URL (and caldav.user NAME)", "未设置同步日历：salesplan config set caldav.url URL（以及 caldav.user 用户名）"},
		"err.sync_no_password":     {"no password for the calendar: set %s or put it in %s (mode 0600)", "缺少日历密码：设置 %s，或写入 %s（权限 0600）"},
		"err.sync_password_file":   {"cannot read the password file %s: %s", "无法读取密码文件 %s：%s"},
		"err.sync_password_mode":   {"the password file %s can be read by others (mode %04o); run: chmod 600 %s", "密码文件 %s 他人可读（权限 %04o）；请运行：chmod 600 %s"},
		"err.sync_bad_url":         {"%s is not a calendar URL (like https://example.com/dav/calendars/me/work/)", "%s 不是日历地址（例如 https://example.com/dav/calendars/me/work/）"},
		"err.sync_url_password":    {"the calendar URL must not hold a password; put it in %s or the password file instead", "日历地址中不能包含密码；请改用 %s 或密码文件"},
		"err.sync_unreachable":     {"cannot reach the CalDAV server %s: %s", "无法连接 CalDAV 服务器 %s：%s"},
		"err.sync_auth":            {"the CalDAV server %s refused user %q with that password (401); check caldav.user and the password", "CalDAV 服务器 %s 拒绝了用户 %q 的密码（401）；请检查 caldav.user 与密码"},
		"err.sync_forbidden":       {"the CalDAV server %s does not let user %q use %s (403)", "CalDAV 服务器 %s 不允许用户 %q 使用 %s（403）"},
		"err.sync_no_calendar":     {"there is no calendar at %s (404); check caldav.url", "%s 处没有日历（404）；请检查 caldav.url"},
		"err.sync_http":            {"the CalDAV server %s answered %d %s to %s", "CalDAV 服务器 %s 对 %[4]s 的回应是 %[2]d %[3]s"},
		"err.sync_garbage":         {"the CalDAV server %s answered %s with something that is not CalDAV; check caldav.url", "CalDAV 服务器 %s 对 %s 的回应不是 CalDAV；请检查 caldav.url"},
		"err.sync_no_todo":         {"the calendar at %s does not take both events and tasks (to-dos); pick one that does (Radicale, Nextcloud and Fastmail calendars do)", "%s 处的日历不能同时存放日程与待办；请选择可以的日历（Radicale、Nextcloud、Fastmail 均可）"},
		"err.sync_not_calendar_in": {"%s is not a calendar; set caldav.url to one of: %s", "%s 不是日历；请将 caldav.url 设为其中之一：%s"},
		"err.sync_not_calendar":    {"%s is not a calendar; check caldav.url", "%s 不是日历；请检查 caldav.url"},
		"err.sync_lock":            {"cannot lock %s for the sync: %s", "无法锁定 %s 以同步：%s"},
		"err.sync_running":         {"another salesplan sync is running on this database; try again when it is done", "本数据库的另一次同步正在进行；请稍后再试"},
		"err.sync_bad_user":        {"%q is not a user name (one line, at most 256 characters)", "“%v”不是用户名（一行，最多 256 个字符）"},

		// Why the server could not be reached (the last part of sync_unreachable).
		"err.net_unknown_host":  {"unknown host", "找不到该主机"},
		"err.net_tls":           {"TLS failed (is it http or https?)", "TLS 握手失败（地址应是 http 还是 https？）"},
		"err.net_timeout":       {"timed out", "连接超时"},
		"err.net_refused":       {"connection refused", "连接被拒绝"},
		"err.net_cancelled":     {"cancelled", "已取消"},
		"err.net_failed":        {"connection failed", "连接失败"},
		"err.password_too_long": {"longer than a password", "内容过长，不像是密码"},
	})
}
