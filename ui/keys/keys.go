// Package keys is the planner's one key map (DESIGN.md §5): every binding,
// its help text in the user's language, and which bindings are active in
// which place. Panes match keys with key.Matches(msg, km.Add) and list their
// help with km.ShortHelp(place) / km.FullHelp(place), so help and behaviour
// cannot drift apart.
package keys

import (
	"charm.land/bubbles/v2/key"

	"salesplan/ui/i18n"
)

// KeyMap holds every binding of the planner.
type KeyMap struct {
	// Everywhere (the shell handles Pane, NextPane, PrevPane, Help, Quit and
	// Undo; panes handle the rest where it makes sense to them).
	Pane      [6]key.Binding // 1–6
	NextPane  key.Binding    // tab
	PrevPane  key.Binding    // shift+tab
	Help      key.Binding    // ?
	Quit      key.Binding    // q, ctrl+c
	Undo      key.Binding    // u
	Note      key.Binding    // n
	Filter    key.Binding    // /
	GoTo      key.Binding    // g
	Today     key.Binding    // t
	Prev      key.Binding    // h, [
	Next      key.Binding    // l, ]
	Settings  key.Binding    // ,
	CallSheet key.Binding    // C
	Back      key.Binding    // esc
	// Sync runs a CalDAV sync now (DESIGN.md §6 v2); S is in no place's
	// row of the key table (s sorts the clients, skips on the call sheet).
	Sync key.Binding // S

	// Movement in lists and grids.
	Up    key.Binding // k, ↑
	Down  key.Binding // j, ↓
	Left  key.Binding // ← (grids; h stays "previous")
	Right key.Binding // →

	// Prev, Next, Left and Right as the dated panes' help names them: h/l
	// step the day, the week or the month shown, ←/→ the day in the Week
	// and Month grids (the same keys; only the help differs, so that "h/[
	// previous" and "← previous" side by side say what each steps).
	PrevDay, NextDay     key.Binding // h, [ / l, ] in the Day
	PrevWeek, NextWeek   key.Binding // in the Week
	PrevMonth, NextMonth key.Binding // in the Month
	DayBefore, DayAfter  key.Binding // ←, → in the Week and Month
	Open                 key.Binding // enter
	PageUp               key.Binding // pgup
	PageDown             key.Binding // pgdown (space too where nothing is typed)
	Home                 key.Binding // home
	End                  key.Binding // end

	// Day: between the task list and the attention list beside it (h/l
	// stay "previous/next day", DESIGN.md §5).
	ToAttention key.Binding // →
	ToTasks     key.Binding // ←

	// A task selected (Day, Week).
	Add        key.Binding // a
	Done       key.Binding // x
	Edit       key.Binding // e
	Delete     key.Binding // d
	Postpone   key.Binding // >
	Important  key.Binding // !
	LogCall    key.Binding // c
	LogVisit   key.Binding // v
	LogMeeting key.Binding // m
	Promise    key.Binding // p
	Brief      key.Binding // b

	// Attention list.
	MakeTask key.Binding // t: a task for today instead of jumping to today

	// Week.
	Review      key.Binding // r
	CloseReview key.Binding // r, esc
	CloseHelp   key.Binding // ?, esc: the full help's footer

	// Day and Month: their reports, like the Week's review (DESIGN.md
	// §2 v2; the key table names r on the Week only, and r is free on
	// both).
	DayRecord   key.Binding // r: the day's record (日报)
	MonthReport key.Binding // r: the month's review
	CloseReport key.Binding // r, esc: close the report

	// Month.
	Year key.Binding // y: the year view
	// The year view (y on the Month): its own keys, which differ from the
	// Month's (h/l step a year there, the arrows a month).
	YearPrevMonth key.Binding // ←, ↑, k
	YearNextMonth key.Binding // →, ↓, j
	YearPrev      key.Binding // h, [
	YearNext      key.Binding // l, ]
	YearClose     key.Binding // enter, y, esc: back to the month selected
	// FilterHint is / where there is no list to filter (the Month): it
	// says that ctrl+f searches everything.
	FilterHint key.Binding // /

	// Call sheet.
	Skip key.Binding // s
	Book key.Binding // b: book a visit

	// Clients and client detail.
	NewClient    key.Binding // a
	Sort         key.Binding // s
	ClientFilter key.Binding // f: all / key / due
	ToggleKey    key.Binding // *
	Archive      key.Binding // d
	// A journal's cursor (a client card, a project detail): J or enter
	// puts a › on its entries; there e edits the entry, d deletes it
	// (undoable), esc leaves the journal. The card's own e and d (edit
	// the client, archive it; edit the project) are not live meanwhile.
	Journal      key.Binding // J, enter
	EditEntry    key.Binding // e
	DeleteEntry  key.Binding // d
	LeaveJournal key.Binding // esc

	// Projects.
	NewProject key.Binding // a
	NextStage  key.Binding // >
	PrevStage  key.Binding // <
	ShowClosed key.Binding // f
	// Lost marks a project lost; the key table has none, and L is free
	// everywhere (l is "next", a different key).
	Lost key.Binding // L

	// Promises.
	NewPromise    key.Binding // a
	Kept          key.Binding // x
	CancelPromise key.Binding // c
	PromiseFilter key.Binding // f: open / overdue / all

	// Forms and note boxes.
	Save   key.Binding // ctrl+s
	Cancel key.Binding // esc
	// Confirm, SaveLine and CheckFile are enter in a one-line input, named
	// as the input's own hint names it: "confirm" where nothing is written
	// (a filter, a date to go to), "save" where a record is (quick-add, a
	// call's outcome), "check the file" on the first-run import path. enter
	// is what the footer offers there; ctrl+s stays for the forms and the
	// multi-line boxes.
	Confirm   key.Binding // enter
	SaveLine  key.Binding // enter
	CheckFile key.Binding // enter

	// The rep's workday (issue 15).
	Search     key.Binding // ctrl+f: search everything, from any pane
	OpenClient key.Binding // enter on a task: its client's card
	MoveAll    key.Binding // R on the carried-over tasks: move them all to a date
	KeptAtt    key.Binding // x on a promise in the attention list: kept today
	Choose     key.Binding // enter in a picker or a result list
	ClosePopup key.Binding // esc, q, enter: a read-only popup (the brief)
	EditClient key.Binding // e in the brief: the client's edit form
	ResultUp   key.Binding // ↑, ctrl+p: the search's results while typing
	ResultDown key.Binding // ↓, ctrl+n
	Start      key.Binding // esc on the first-run screen: start planning
	Yes        key.Binding // y, enter: a question's yes
	No         key.Binding // n, esc
}

// Place is where the user is: each place has its own set of active keys.
type Place int

// Places (DESIGN.md §5, "Keys by place").
const (
	PlaceGlobal    Place = iota // only the global keys
	PlaceDay                    // Day pane, a task selected
	PlaceAttention              // Day pane, the attention list focused
	PlaceWeek
	PlaceMonth
	PlaceClients
	PlaceClientDetail
	PlaceProjects
	PlaceProjectDetail
	PlacePromises
	PlaceForm // a form or note box has focus
	// Added for the rep's workday (issue 15).
	PlacePopup    // a read-only popup (the brief): it scrolls and closes; e edits the client
	PlacePicker   // the client picker: type, choose, cancel
	PlaceSearch   // the search screen (ctrl+f)
	PlaceFirstRun // the first-run screen of an empty database
	PlaceConfirm  // a yes/no question
	PlaceInput    // a one-line input: enter confirms, esc cancels
	PlaceYear     // the Month's year view (y)
	// A journal with its › cursor (J on a client card or a project detail).
	PlaceJournal
	// Added so the footer says what enter does as the input's hint does.
	PlaceInputSave  // a one-line input that writes a record: enter saves
	PlaceInputCheck // the first-run import path: enter checks the file
)

// Places lists every place, for tests and the help overlay.
var Places = []Place{PlaceGlobal, PlaceDay, PlaceAttention, PlaceWeek, PlaceMonth, PlaceClients,
	PlaceClientDetail, PlaceProjects, PlaceProjectDetail, PlacePromises, PlaceForm,
	PlacePopup, PlacePicker, PlaceSearch, PlaceFirstRun, PlaceConfirm, PlaceInput, PlaceYear, PlaceJournal,
	PlaceInputSave, PlaceInputCheck}

func b(l i18n.Lang, keys []string, helpKey, descKey string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, l.T(descKey)))
}

// New builds the key map with help texts in l.
func New(l i18n.Lang) KeyMap {
	k := KeyMap{
		NextPane:  b(l, []string{"tab"}, "tab", "key.next_pane"),
		PrevPane:  b(l, []string{"shift+tab"}, "shift+tab", "key.prev_pane"),
		Help:      b(l, []string{"?"}, "?", "key.help"),
		Quit:      b(l, []string{"q", "ctrl+c"}, "q", "key.quit"),
		Undo:      b(l, []string{"u"}, "u", "key.undo"),
		Note:      b(l, []string{"n"}, "n", "key.note"),
		Filter:    b(l, []string{"/"}, "/", "key.filter"),
		GoTo:      b(l, []string{"g"}, "g", "key.goto"),
		Today:     b(l, []string{"t"}, "t", "key.today"),
		Prev:      b(l, []string{"h", "["}, "h/[", "key.prev"),
		Next:      b(l, []string{"l", "]"}, "l/]", "key.next"),
		Settings:  b(l, []string{","}, ",", "key.settings"),
		CallSheet: b(l, []string{"C"}, "C", "key.call_sheet"),
		Sync:      b(l, []string{"S"}, "S", "key.sync"),
		Back:      b(l, []string{"esc"}, "esc", "key.back"),

		Up:    b(l, []string{"k", "up"}, "k/↑", "key.up"),
		Down:  b(l, []string{"j", "down"}, "j/↓", "key.down"),
		Left:  b(l, []string{"left"}, "←", "key.prev"),
		Right: b(l, []string{"right"}, "→", "key.next"),

		PrevDay:   b(l, []string{"h", "["}, "h/[", "key.prev_day"),
		NextDay:   b(l, []string{"l", "]"}, "l/]", "key.next_day"),
		PrevWeek:  b(l, []string{"h", "["}, "h/[", "key.prev_week"),
		NextWeek:  b(l, []string{"l", "]"}, "l/]", "key.next_week"),
		PrevMonth: b(l, []string{"h", "["}, "h/[", "key.prev_month"),
		NextMonth: b(l, []string{"l", "]"}, "l/]", "key.next_month"),
		DayBefore: b(l, []string{"left"}, "←", "key.prev_day"),
		DayAfter:  b(l, []string{"right"}, "→", "key.next_day"),
		Open:      b(l, []string{"enter"}, "enter", "key.open"),

		PageUp:   b(l, []string{"pgup"}, "pgup", "key.page_up"),
		PageDown: b(l, []string{"pgdown", "space"}, "pgdn", "key.page_down"),
		Home:     b(l, []string{"home"}, "home", "key.home"),
		End:      b(l, []string{"end"}, "end", "key.end"),

		ToAttention: b(l, []string{"right"}, "→", "day.key.attention"),
		ToTasks:     b(l, []string{"left"}, "←", "day.key.tasks"),

		Add:        b(l, []string{"a"}, "a", "key.add"),
		Done:       b(l, []string{"x"}, "x", "key.done"),
		Edit:       b(l, []string{"e"}, "e", "key.edit"),
		Delete:     b(l, []string{"d"}, "d", "key.delete"),
		Postpone:   b(l, []string{">"}, ">", "key.postpone"),
		Important:  b(l, []string{"!"}, "!", "key.important"),
		LogCall:    b(l, []string{"c"}, "c", "key.log_call"),
		LogVisit:   b(l, []string{"v"}, "v", "key.log_visit"),
		LogMeeting: b(l, []string{"m"}, "m", "key.log_meeting"),
		Promise:    b(l, []string{"p"}, "p", "key.promise"),
		Brief:      b(l, []string{"b"}, "b", "key.brief"),

		MakeTask:    b(l, []string{"t"}, "t", "key.make_task"),
		Review:      b(l, []string{"r"}, "r", "key.review"),
		CloseReview: b(l, []string{"r", "esc"}, "r/esc", "review.key.close"),
		CloseHelp:   b(l, []string{"?", "esc"}, "?/esc", "help.key.close"),
		DayRecord:   b(l, []string{"r"}, "r", "day.key.record"),
		MonthReport: b(l, []string{"r"}, "r", "month.key.report"),
		CloseReport: b(l, []string{"r", "esc"}, "r/esc", "report.key.close"),
		Year:        b(l, []string{"y"}, "y", "month.key.year"),

		YearPrevMonth: b(l, []string{"left", "up", "k"}, "←/k", "month.key.year_prev_month"),
		YearNextMonth: b(l, []string{"right", "down", "j"}, "→/j", "month.key.year_next_month"),
		YearPrev:      b(l, []string{"h", "["}, "h/[", "month.key.year_prev"),
		YearNext:      b(l, []string{"l", "]"}, "l/]", "month.key.year_next"),
		YearClose:     b(l, []string{"enter", "y", "esc"}, "enter/y", "month.key.year_close"),

		FilterHint: b(l, []string{"/"}, "/", "key.filter_hint"),
		Skip:       b(l, []string{"s"}, "s", "clients.key.skip"),
		Book:       b(l, []string{"b"}, "b", "clients.key.book"),

		NewClient:    b(l, []string{"a"}, "a", "key.new_client"),
		Sort:         b(l, []string{"s"}, "s", "key.sort"),
		ClientFilter: b(l, []string{"f"}, "f", "key.filter_cycle"),
		ToggleKey:    b(l, []string{"*"}, "*", "key.toggle_key"),
		Archive:      b(l, []string{"d"}, "d", "key.archive"),
		Journal:      b(l, []string{"J", "enter"}, "J", "key.journal"),
		EditEntry:    b(l, []string{"e"}, "e", "key.edit_entry"),
		DeleteEntry:  b(l, []string{"d"}, "d", "key.delete_entry"),
		LeaveJournal: b(l, []string{"esc"}, "esc", "key.leave_journal"),

		NewProject: b(l, []string{"a"}, "a", "key.new_project"),
		NextStage:  b(l, []string{">"}, ">", "key.next_stage"),
		PrevStage:  b(l, []string{"<"}, "<", "key.prev_stage"),
		ShowClosed: b(l, []string{"f"}, "f", "key.show_closed"),
		Lost:       b(l, []string{"L"}, "L", "projects.key.lost"),

		NewPromise:    b(l, []string{"a"}, "a", "key.new_promise"),
		Kept:          b(l, []string{"x"}, "x", "key.kept"),
		CancelPromise: b(l, []string{"c"}, "c", "key.cancel"),
		PromiseFilter: b(l, []string{"f"}, "f", "key.promise_filter"),

		Save:   b(l, []string{"ctrl+s"}, "ctrl+s", "key.save"),
		Cancel: b(l, []string{"esc"}, "esc", "key.cancel"),
		// ctrl+s confirms a one-line input too (as everywhere), but the
		// footer offers enter.
		Confirm:   b(l, []string{"enter"}, "enter", "key.confirm"),
		SaveLine:  b(l, []string{"enter"}, "enter", "key.save"),
		CheckFile: b(l, []string{"enter"}, "enter", "key.check_file"),

		Search:     b(l, []string{"ctrl+f"}, "ctrl+f", "key.search"),
		OpenClient: b(l, []string{"enter"}, "enter", "key.client_card"),
		MoveAll:    b(l, []string{"R"}, "R", "key.move_all"),
		KeptAtt:    b(l, []string{"x"}, "x", "key.kept_today"),
		Choose:     b(l, []string{"enter"}, "enter", "key.choose"),
		ClosePopup: b(l, []string{"esc", "q", "enter"}, "esc", "key.close"),
		EditClient: b(l, []string{"e"}, "e", "key.edit_client"),
		ResultUp:   b(l, []string{"up", "ctrl+p"}, "↑", "key.up"),
		ResultDown: b(l, []string{"down", "ctrl+n"}, "↓", "key.down"),
		Start:      b(l, []string{"esc"}, "esc", "key.start_planning"),
		Yes:        b(l, []string{"y", "enter"}, "enter/y", "key.yes"),
		No:         b(l, []string{"n", "esc"}, "esc/n", "key.no"),
	}
	for i := range k.Pane {
		n := string(rune('1' + i))
		k.Pane[i] = key.NewBinding(key.WithKeys(n), key.WithHelp(n, l.T(TabNames[i])))
	}
	return k
}

// TabNames are the catalog keys of the six tabs' names, in tab order
// (the tab bar and the 1–6 help say the same).
var TabNames = [6]string{"tab.day", "tab.week", "tab.month", "tab.clients", "tab.projects", "tab.promises"}

// globalNav are the global keys that move between panes and leave; the
// shell shows them after every pane's own short help.
func (k KeyMap) globalNav() []key.Binding {
	return []key.Binding{k.NextPane, k.Undo, k.Help, k.Quit}
}

// paneKeys says which of the optional global keys a place truly answers,
// so its help promises nothing that does nothing.
type paneKeys int

const (
	withFilter   paneKeys = 1 << iota // / filters the list
	withToday                         // t jumps to today
	withPrevNext                      // h/[ and l/] step the period
	withBack                          // esc goes back or clears
)

// globalPane are the global keys a place answers: n, g, ",", C and S work
// everywhere (the shell or the pane), the rest only where flags says.
func (k KeyMap) globalPane(f paneKeys) []key.Binding {
	out := []key.Binding{k.Note}
	if f&withFilter != 0 {
		out = append(out, k.Filter)
	}
	out = append(out, k.GoTo)
	if f&withToday != 0 {
		out = append(out, k.Today)
	}
	if f&withPrevNext != 0 {
		out = append(out, k.Prev, k.Next)
	}
	out = append(out, k.Settings, k.CallSheet, k.Sync)
	if f&withBack != 0 {
		out = append(out, k.Back)
	}
	return out
}

// GlobalHelp is the shell's own column of the full help: pane switching,
// undo, help and quit.
func (k KeyMap) GlobalHelp() []key.Binding {
	return append([]key.Binding{k.PrevPane}, append(k.globalNav(), k.Search)...)
}

// GlobalShortHelp is what the shell appends to a pane's short help.
func (k KeyMap) GlobalShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.Quit}
}

// For is the key map as place p's help names its keys (see named): for a
// part drawn in a pane's place, such as the Day's record or the Month's
// review, whose h/l step that pane's day or month.
func (k KeyMap) For(p Place) KeyMap { return k.named(p) }

// named is the key map as place p's help shows it: h/l and ←/→ named by
// what they step there (PrevDay, DayBefore…).
func (k KeyMap) named(p Place) KeyMap {
	switch p {
	case PlaceDay, PlaceAttention:
		k.Prev, k.Next = k.PrevDay, k.NextDay
	case PlaceWeek:
		k.Prev, k.Next, k.Left, k.Right = k.PrevWeek, k.NextWeek, k.DayBefore, k.DayAfter
	case PlaceMonth:
		k.Prev, k.Next, k.Left, k.Right = k.PrevMonth, k.NextMonth, k.DayBefore, k.DayAfter
	}
	return k
}

// ShortHelp returns the few most useful keys of a place for the bottom line
// (the shell adds ? and q).
func (k KeyMap) ShortHelp(p Place) []key.Binding {
	k = k.named(p)
	switch p {
	case PlaceDay:
		return []key.Binding{k.Add, k.Done, k.Edit, k.Delete, k.LogCall, k.OpenClient, k.Prev, k.Next}
	case PlaceAttention:
		return []key.Binding{k.Open, k.KeptAtt, k.MakeTask, k.LogCall}
	case PlaceWeek:
		return []key.Binding{k.Add, k.Done, k.OpenClient, k.Prev, k.Next, k.Review}
	case PlaceMonth:
		return []key.Binding{k.Open, k.Prev, k.Next, k.Today, k.MonthReport}
	case PlaceYear:
		return []key.Binding{k.YearPrevMonth, k.YearNextMonth, k.YearPrev, k.YearNext, k.YearClose}
	case PlaceClients:
		return []key.Binding{k.NewClient, k.Open, k.Sort, k.ClientFilter, k.Filter}
	case PlaceClientDetail:
		return []key.Binding{k.Edit, k.LogCall, k.LogVisit, k.Promise, k.Journal, k.Brief, k.Back}
	case PlaceJournal:
		return []key.Binding{k.Up, k.Down, k.EditEntry, k.DeleteEntry, k.LeaveJournal}
	case PlaceProjects:
		return []key.Binding{k.NewProject, k.Open, k.NextStage, k.PrevStage, k.ShowClosed}
	case PlaceProjectDetail:
		return []key.Binding{k.Edit, k.NextStage, k.PrevStage, k.LogCall, k.Journal, k.Back}
	case PlacePromises:
		return []key.Binding{k.NewPromise, k.Kept, k.CancelPromise, k.PromiseFilter}
	case PlaceForm:
		return []key.Binding{k.Save, k.Cancel}
	case PlacePopup:
		return []key.Binding{k.Up, k.Down, k.EditClient, k.ClosePopup}
	case PlacePicker:
		return []key.Binding{k.ResultUp, k.ResultDown, k.Choose, k.Cancel}
	case PlaceSearch:
		return []key.Binding{k.ResultUp, k.ResultDown, k.Open, k.Back}
	case PlaceFirstRun:
		return []key.Binding{k.Up, k.Down, k.Choose, k.Start, k.Undo}
	case PlaceConfirm:
		return []key.Binding{k.Yes, k.No}
	case PlaceInput:
		return []key.Binding{k.Confirm, k.Cancel}
	case PlaceInputSave:
		return []key.Binding{k.SaveLine, k.Cancel}
	case PlaceInputCheck:
		return []key.Binding{k.CheckFile, k.Cancel}
	}
	return nil
}

// FullHelp returns every key active in a place, in columns, for the ?
// overlay: the place's own keys, then movement, then the global ones the
// pane handles. The shell adds its own column (GlobalHelp) except in forms.
func (k KeyMap) FullHelp(p Place) [][]key.Binding {
	k = k.named(p)
	move := []key.Binding{k.Up, k.Down, k.Open}
	switch p {
	case PlaceGlobal:
		return [][]key.Binding{k.globalPane(withToday | withBack)}
	case PlaceDay:
		return [][]key.Binding{
			{k.Add, k.Done, k.Edit, k.Delete, k.Postpone, k.Important, k.MoveAll},
			{k.LogCall, k.LogVisit, k.LogMeeting, k.Promise, k.Brief, k.DayRecord},
			{k.Up, k.Down, k.OpenClient}, k.globalPane(withFilter | withToday | withPrevNext | withBack)}
	case PlaceAttention:
		return [][]key.Binding{{k.Open, k.KeptAtt, k.MakeTask, k.Up, k.Down},
			{k.LogCall, k.LogVisit, k.LogMeeting, k.Promise, k.Brief, k.Add}, k.globalPane(withPrevNext | withBack)}
	case PlaceWeek:
		return [][]key.Binding{
			{k.Add, k.Done, k.Edit, k.Delete, k.Postpone, k.Important},
			{k.LogCall, k.LogVisit, k.LogMeeting, k.Promise, k.Brief, k.Review},
			{k.Up, k.Down, k.OpenClient, k.Left, k.Right}, k.globalPane(withFilter | withToday | withPrevNext | withBack)}
	case PlaceMonth:
		return [][]key.Binding{append(move, k.Left, k.Right), {k.MonthReport, k.FilterHint}, k.globalPane(withToday | withPrevNext | withBack)}
	case PlaceYear: // esc is YearClose's
		return [][]key.Binding{{k.YearPrevMonth, k.YearNextMonth, k.YearPrev, k.YearNext, k.YearClose, k.FilterHint},
			k.globalPane(withToday)}
	case PlaceClients:
		return [][]key.Binding{{k.NewClient, k.Edit, k.LogCall, k.LogVisit, k.LogMeeting, k.Promise, k.Sort, k.ClientFilter}, move, k.globalPane(withFilter | withToday | withBack)}
	case PlaceClientDetail:
		return [][]key.Binding{
			{k.Edit, k.LogCall, k.LogVisit, k.LogMeeting, k.Promise, k.ToggleKey, k.Archive, k.Brief},
			{k.Journal, k.NewClient, k.Up, k.Down}, k.globalPane(withToday | withBack)}
	case PlaceJournal: // esc is LeaveJournal's
		return [][]key.Binding{{k.EditEntry, k.DeleteEntry, k.Up, k.Down, k.LeaveJournal}, k.globalPane(withToday)}
	case PlaceProjects:
		return [][]key.Binding{
			{k.NewProject, k.NextStage, k.PrevStage, k.Edit, k.LogCall, k.LogVisit, k.ShowClosed},
			move, k.globalPane(withFilter | withToday | withPrevNext | withBack)}
	case PlaceProjectDetail: // the list's a, f and enter do nothing here
		return [][]key.Binding{
			{k.NextStage, k.PrevStage, k.Edit, k.LogCall, k.LogVisit},
			{k.Journal, k.Up, k.Down}, k.globalPane(withToday | withBack)}
	case PlacePromises:
		return [][]key.Binding{
			{k.NewPromise, k.Kept, k.CancelPromise, k.Edit, k.PromiseFilter}, move, k.globalPane(withFilter | withToday | withBack)}
	case PlaceForm:
		return [][]key.Binding{{k.Save, k.Cancel}}
	case PlacePopup:
		return [][]key.Binding{{k.Up, k.Down, k.EditClient, k.ClosePopup}}
	case PlacePicker:
		return [][]key.Binding{{k.ResultUp, k.ResultDown, k.Choose, k.Cancel}}
	case PlaceSearch:
		return [][]key.Binding{{k.ResultUp, k.ResultDown, k.Open, k.Back}}
	case PlaceFirstRun: // u is the shell's, and works here: a step done is undone
		return [][]key.Binding{{k.Up, k.Down, k.Choose, k.Start, k.Undo}}
	case PlaceConfirm:
		return [][]key.Binding{{k.Yes, k.No}}
	case PlaceInput:
		return [][]key.Binding{{k.Confirm, k.Cancel}}
	case PlaceInputSave:
		return [][]key.Binding{{k.SaveLine, k.Cancel}}
	case PlaceInputCheck:
		return [][]key.Binding{{k.CheckFile, k.Cancel}}
	}
	return nil
}

// Active returns every binding live in a place, the shell's included, as
// the user can press them there. Forms capture keys, so only save and
// cancel are live.
func (k KeyMap) Active(p Place) []key.Binding {
	var out []key.Binding
	for _, col := range k.FullHelp(p) {
		out = append(out, col...)
	}
	if p == PlaceForm || (p >= PlacePopup && p <= PlaceInput) || p == PlaceInputSave || p == PlaceInputCheck {
		return out // typing (or a popup) captures the keys
	}
	out = append(out, k.Pane[:]...)
	return append(out, k.GlobalHelp()...)
}

// DialogKeys are the keys inside the dialogs (ui/form, the client picker,
// the checklist): they are the same in every language and need no help
// line of their own (the dialogs show their hints), so they are plain
// values rather than part of KeyMap.
type DialogKeys struct {
	Submit    key.Binding // enter: save a one-line input, the last field
	Save      key.Binding // ctrl+s: save a form or a note box
	Cancel    key.Binding // esc
	Yes       key.Binding // y, enter: the answer to "discard?"
	No        key.Binding // n, esc
	NextField key.Binding // tab, ↓
	PrevField key.Binding // shift+tab, ↑
	// FieldTab and FieldBackTab leave a multi-line field, where ↓/↑ move
	// between its lines.
	FieldTab     key.Binding // tab
	FieldBackTab key.Binding // shift+tab
	NextValue    key.Binding // →, l, space: a choice field's next value
	PrevValue    key.Binding // ←, h
	Down         key.Binding // j, ↓: scroll a popup, move in a list
	Up           key.Binding // k, ↑
	PageDown     key.Binding // pgdown, space
	PageUp       key.Binding // pgup
	Close        key.Binding // esc, q, enter: a read-only popup
	PickDown     key.Binding // ↓, ctrl+n, tab: the picker's next match
	PickUp       key.Binding // ↑, ctrl+p
	Toggle       key.Binding // space, x: tick an item of a checklist
	Reword       key.Binding // e: reword an item of a checklist
	Suggest      key.Binding // →: take a field's suggested completion
	Interrupt    key.Binding // ctrl+c: quit, asking first over typed text
	// SwitchField moves between a dialog's text and its date line (a
	// contact's day): tab, shift+tab; up and down move in a note's text.
	SwitchField key.Binding
}

// Dialog is the one set of dialog keys.
var Dialog = DialogKeys{
	Submit:       key.NewBinding(key.WithKeys("enter")),
	Save:         key.NewBinding(key.WithKeys("ctrl+s")),
	Cancel:       key.NewBinding(key.WithKeys("esc")),
	Yes:          key.NewBinding(key.WithKeys("y", "Y", "enter")),
	No:           key.NewBinding(key.WithKeys("n", "N", "esc")),
	NextField:    key.NewBinding(key.WithKeys("tab", "down")),
	PrevField:    key.NewBinding(key.WithKeys("shift+tab", "up")),
	FieldTab:     key.NewBinding(key.WithKeys("tab")),
	FieldBackTab: key.NewBinding(key.WithKeys("shift+tab")),
	NextValue:    key.NewBinding(key.WithKeys("right", "l", "space")),
	PrevValue:    key.NewBinding(key.WithKeys("left", "h")),
	Down:         key.NewBinding(key.WithKeys("j", "down")),
	Up:           key.NewBinding(key.WithKeys("k", "up")),
	PageDown:     key.NewBinding(key.WithKeys("pgdown", "space")),
	PageUp:       key.NewBinding(key.WithKeys("pgup")),
	Close:        key.NewBinding(key.WithKeys("esc", "q", "enter")),
	PickDown:     key.NewBinding(key.WithKeys("down", "ctrl+n", "tab")),
	PickUp:       key.NewBinding(key.WithKeys("up", "ctrl+p")),
	Toggle:       key.NewBinding(key.WithKeys("space", "x")),
	Reword:       key.NewBinding(key.WithKeys("e")),
	Suggest:      key.NewBinding(key.WithKeys("right")),
	Interrupt:    key.NewBinding(key.WithKeys("ctrl+c")),

	SwitchField: key.NewBinding(key.WithKeys("tab", "shift+tab")),
}
