package i18n

import (
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
)

// undoneWidth bounds the record's words in an "Undone: …" line (cells): a
// 500-character title would push the rest off the footer.
const undoneWidth = 40

// Undone says what an undo reverted, by name: "call with 王总, 12-02",
// "completing “Call 王总”" (storage.Undone's fields: the action code, the
// record's words, its client's name and its day). An action without its
// own words falls back to "undo.<action>", then to the code itself.
func (l Lang) Undone(action, what, client string, on model.Date) string {
	what = ansi.Truncate(model.InertLine(what), undoneWidth, "…")
	client = model.InertLine(client)
	date := l.DayMonth(on)
	switch action {
	case "add_entry", "edit_entry", "delete_entry":
		entry := l.T("undone.entry."+what, client, date)
		if client == "" {
			entry = l.T("undone.entry.prospect", client, date)
		}
		if !Has("undone.entry." + what) {
			entry = what
		}
		return l.T("undone."+action, entry)
	case "add_task", "edit_task", "delete_task", "complete_task", "add_client", "edit_client",
		"archive_client", "add_project", "edit_project", "set_stage", "mark_important", "unmark_important":
		return l.T("undone."+action, what)
	case "move_task":
		if !on.Valid() { // it had no date: back in the inbox
			return l.T("undone.move_task_inbox", what)
		}
		return l.T("undone.move_task", what, date)
	case "move_tasks": // what is how many moved, date where they had gone
		return l.N("undone.move_tasks", countOf(what), what, date)
	case "book_visit":
		return l.T("undone.book_visit", client, date)
	case "add_task_new_client", "add_project_new_client": // the client, then its task or project: what is the client's name
		return l.T("undone."+action, what)
	case "add_promise", "edit_promise", "keep_promise", "cancel_promise":
		return l.T("undone."+action, client, what)
	}
	if Has("undo." + action) {
		return l.T("undo." + action)
	}
	return model.InertLine(action)
}

// countOf reads a count carried as text ("3"); 0 when it is not one.
func countOf(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}
