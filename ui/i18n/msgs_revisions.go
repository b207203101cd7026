package i18n

// Messages of edits against the record as stored, text limits and the
// shared undo log (issue 12: no acknowledged or edited write is lost).

func init() {
	Register(map[string]Msg{
		// An edit refused because a field it changes was changed elsewhere.
		"err.changed_elsewhere": {"changed elsewhere since you opened it; what you typed is kept: look at the new version and save again",
			"打开之后已在别处修改；您输入的内容已保留：请查看新版本后再保存"},

		// Text limits (DESIGN.md §2): argument 1 is the field's English name
		// (the messages name the field themselves), 2 the length, 3 the limit.
		"err.too_long_title":          {"the title is %[2]d characters long; the limit is %[3]d characters (nothing was cut)", "标题有 %[2]d 个字符，上限为 %[3]d 个字符（未作截断）"},
		"err.too_long_name":           {"the name is %[2]d characters long; the limit is %[3]d characters (nothing was cut)", "名称有 %[2]d 个字符，上限为 %[3]d 个字符（未作截断）"},
		"err.too_long_company":        {"the company is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "公司一栏有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_area":           {"the area is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "区域一栏有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_phone":          {"the phone is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "电话一栏有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_business":       {"the business is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "主营业务有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_needs":          {"the needs are %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "潜在需求有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_decision_maker": {"the decision maker is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "决策人一栏有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_interests":      {"the interests are %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "兴趣话题有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_referred_by":    {"referred by is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "介绍人一栏有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_text":           {"the text is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes): nothing was cut, shorten it or keep the rest elsewhere", "内容有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）：未作截断，请缩短或把其余部分另存"},
		"err.too_long_owner":          {"the owner is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "业主一栏有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_reason":         {"the reason is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "原因有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_currency":       {"the currency is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "货币一栏有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},
		"err.too_long_language":       {"the language is %[2]d bytes long; the limit is 64 KiB (%[3]d bytes)", "语言一栏有 %[2]d 字节，上限为 64 KiB（%[3]d 字节）"},

		// Text that is not valid UTF-8 (model.CheckUTF8), one message per field;
		// no arguments.
		"err.not_utf8_title":          {"the title is not valid UTF-8 text", "标题不是有效的 UTF-8 文本"},
		"err.not_utf8_name":           {"the name is not valid UTF-8 text", "名称不是有效的 UTF-8 文本"},
		"err.not_utf8_company":        {"the company is not valid UTF-8 text", "公司一栏不是有效的 UTF-8 文本"},
		"err.not_utf8_area":           {"the area is not valid UTF-8 text", "区域一栏不是有效的 UTF-8 文本"},
		"err.not_utf8_phone":          {"the phone is not valid UTF-8 text", "电话一栏不是有效的 UTF-8 文本"},
		"err.not_utf8_business":       {"the business is not valid UTF-8 text", "主营业务不是有效的 UTF-8 文本"},
		"err.not_utf8_needs":          {"the needs is not valid UTF-8 text", "潜在需求不是有效的 UTF-8 文本"},
		"err.not_utf8_decision_maker": {"the decision maker is not valid UTF-8 text", "决策人一栏不是有效的 UTF-8 文本"},
		"err.not_utf8_interests":      {"the interests is not valid UTF-8 text", "兴趣话题不是有效的 UTF-8 文本"},
		"err.not_utf8_referred_by":    {"referred by is not valid UTF-8 text", "介绍人一栏不是有效的 UTF-8 文本"},
		"err.not_utf8_text":           {"the text is not valid UTF-8", "内容不是有效的 UTF-8 文本"},
		"err.not_utf8_owner":          {"the owner is not valid UTF-8 text", "业主一栏不是有效的 UTF-8 文本"},
		"err.not_utf8_reason":         {"the reason is not valid UTF-8 text", "原因不是有效的 UTF-8 文本"},
		"err.not_utf8_currency":       {"the currency is not valid UTF-8 text", "货币一栏不是有效的 UTF-8 文本"},
		"err.not_utf8_language":       {"the language is not valid UTF-8 text", "语言一栏不是有效的 UTF-8 文本"},

		// A database replaced again and again while a command waited for it.
		"err.db_replaced": {"the database %s kept being replaced (restores?) while waiting for it; try again", "等待期间数据库 %s 一再被替换（正在恢复备份？）；请重试"},

		// Stage steps that go nowhere (model.StepStage).
		"err.project_lost":        {"project %s is lost; < reopens it", "项目 %s 已丢单；按 < 重新打开"},
		"err.project_closed":      {"project %s is closed: it has no next stage", "项目 %s 已回款：没有下一阶段"},
		"err.project_first_stage": {"project %s is in its first stage", "项目 %s 已在第一阶段"},

		// Undo: the action codes (storage Act*) and what was undone, by name.
		"undo.edit_entry": {"editing a journal entry", "编辑记录"},

		"undone.entry.call":      {"call with %s, %s", "与%s的电话，%s"},
		"undone.entry.visit":     {"visit to %s, %s", "拜访%s，%s"},
		"undone.entry.meeting":   {"meeting with %s, %s", "与%s的会议，%s"},
		"undone.entry.note":      {"note on %s, %s", "%s的笔记，%s"},
		"undone.entry.prospect":  {"call, %[2]s", "电话，%[2]s"},
		"undone.add_entry":       {"%s", "%s"},
		"undone.edit_entry":      {"editing the %s", "编辑%s"},
		"undone.add_task":        {"adding task “%s”", "添加任务“%s”"},
		"undone.edit_task":       {"editing task “%s”", "编辑任务“%s”"},
		"undone.move_task":       {"moving “%s” (back to %s)", "移动“%s”（改回 %s）"},
		"undone.move_task_inbox": {"moving “%s” (back in the inbox, no date)", "移动“%s”（已改回收件箱，无日期）"},
		"undone.delete_task":     {"deleting task “%s”", "删除任务“%s”"},
		"undone.complete_task":   {"completing “%s”", "完成“%s”"},
		"undone.add_client":      {"adding client %s", "添加客户%s"},
		"undone.edit_client":     {"editing client %s", "编辑客户%s"},
		"undone.archive_client":  {"archiving client %s", "归档客户%s"},
		"undone.add_promise":     {"the promise to %s: “%s”", "对%s的承诺：“%s”"},
		"undone.edit_promise":    {"editing the promise to %s: “%s”", "编辑对%s的承诺：“%s”"},
		"undone.keep_promise":    {"keeping the promise to %s: “%s”", "兑现对%s的承诺：“%s”"},
		"undone.cancel_promise":  {"cancelling the promise to %s: “%s”", "取消对%s的承诺：“%s”"},
		"undone.add_project":     {"adding project %s", "添加项目%s"},
		"undone.edit_project":    {"editing project %s", "编辑项目%s"},
		"undone.set_stage":       {"the stage move of %s", "项目%s的阶段变更"},

		// The important flag (!), set or taken off: named, not "editing".
		"undone.mark_important":   {"important flag on “%s”", "将“%s”标为重要"},
		"undone.unmark_important": {"taking the important flag off “%s”", "取消“%s”的重要标记"},
		"undo.mark_important":     {"marking a task important", "标为重要"},
		"undo.unmark_important":   {"taking a task's important flag off", "取消重要标记"},

		// Forms: a field changed both in the form and elsewhere (its value
		// there now), a paste the note box cannot hold.
		"form.changed_elsewhere":    {"now %s elsewhere; save again to replace it", "别处已改为 %s；再次保存将覆盖"},
		"form.paste_too_many_lines": {"the paste has %d lines; a note holds at most %d: nothing was pasted", "粘贴的内容有 %d 行，笔记最多 %d 行：未粘贴"},

		// A project moved elsewhere meanwhile: > and < step from the stage stored.
		"projects.status.moved_from_stored": {"it was in %s, not %s as shown", "它已在%s阶段，而非显示的%s"},

		// The command line's undo.
		"cli.short.undo":   {"Undo the last action on this database (the planner's too)", "撤销此数据库上的最近一次操作（包括规划器中的）"},
		"cli.long.undo":    {"Undo the last action made on this database, by the planner or the command line (up to 50 back). Refused, with nothing changed, if another salesplan changed those records since.", "撤销此数据库上最近一次操作（规划器或命令行所做，最多回退 50 步）。若这些记录之后被另一个 salesplan 修改过，则拒绝撤销，不作任何改动。"},
		"cli.undo.done":    {"Undone: %s", "已撤销：%s"},
		"cli.undo.nothing": {"nothing to undo", "没有可撤销的操作"},
		"cli.err.undo":     {"cannot undo: %s", "无法撤销：%s"},
	})
}
