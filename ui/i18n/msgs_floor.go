package i18n

// Messages of the shared floor under the panes: the shell's screens (help,
// the quit question) and the components.

func init() {
	Register(map[string]Msg{
		"help.scroll": {"lines %d–%d of %d · j/k ↑/↓ pgup/pgdn scroll", "第 %d–%d 行，共 %d 行 · j/k ↑/↓ pgup/pgdn 滚动"},

		"key.page_up":   {"page up", "上一页"},
		"key.page_down": {"page down", "下一页"},
		"key.home":      {"first", "第一行"},
		"key.end":       {"last", "最后一行"},

		"status.waiting": {"Waiting for the database… what you type is kept and applied in order", "正在等待数据库……输入的内容会保留并按顺序执行"},

		"quit.unsaved": {"What you typed is not saved. Quit anyway?", "输入的内容还没保存。仍要退出吗？"},
	})
}
