package i18n

// Messages of the Day pane (ui/day) and of the dialogs every pane shares
// (ui/form).

func init() {
	Register(map[string]Msg{
		// Dialogs (ui/form).
		"form.key.enter_save": {"enter save", "enter 保存"},
		"form.key.ctrls_save": {"ctrl+s save", "ctrl+s 保存"},
		"form.key.esc_cancel": {"esc cancel", "esc 取消"},
		"form.key.esc_close":  {"esc close", "esc 关闭"},
		"form.key.tab_next":   {"tab next field", "tab 下一项"},
		"form.key.jk_scroll":  {"j/k scroll", "j/k 滚动"},
		"form.key.y_yes":      {"y yes", "y 是"},
		"form.key.n_no":       {"n no", "n 否"},
		"form.discard":        {"Discard what you typed?", "放弃已输入的内容？"},
		"form.required":       {"Type something first.", "请先输入内容。"},
	})
}
