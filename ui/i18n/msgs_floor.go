package i18n

// Messages of the shared floor under the panes: the shell's screens (help,
// the quit question) and the components.

func init() {
	Register(map[string]Msg{
		"help.scroll": {"lines %d–%d of %d · j/k ↑/↓ pgup/pgdn scroll", "第 %d–%d 行，共 %d 行 · j/k ↑/↓ pgup/pgdn 滚动"},

		"quit.unsaved": {"What you typed is not saved. Quit anyway?", "输入的内容还没保存。仍要退出吗？"},
	})
}
