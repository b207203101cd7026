package model

// ChecklistItem is one task that entering a stage suggests (DESIGN.md §2:
// "entering a stage can add that stage's checklist as tasks"). Code is a
// stable name, not words: model has no message catalog, so the planner and
// the command line turn it into a title in the user's language (catalog
// key "cli.check."+Code, one format argument: the project's name).
type ChecklistItem struct {
	Code string
	Kind TaskKind
}

// checklists are the stages that have a checklist, in the order the work
// is done; the other stages have none.
var checklists = map[Stage][]ChecklistItem{
	StageContract: {
		{Code: "sign_contract", Kind: TaskTodo},
		{Code: "advance_payment", Kind: TaskTodo},
		{Code: "arrange_stock", Kind: TaskTodo},
	},
	StageDelivery: {
		{Code: "goods_on_site", Kind: TaskTodo},
		{Code: "ask_commissioning", Kind: TaskTodo},
	},
	StageAcceptance: {
		{Code: "acceptance_docs", Kind: TaskTodo},
		{Code: "collect_payment", Kind: TaskTodo},
	},
}

// Checklist returns the checklist of stage st (nil when it has none). The
// slice is a copy: callers may change it.
func Checklist(st Stage) []ChecklistItem {
	items := checklists[st]
	if len(items) == 0 {
		return nil
	}
	return append([]ChecklistItem(nil), items...)
}

// HasBeenIn reports whether p's stage history names st: p has been in st.
func (p Project) HasBeenIn(st Stage) bool {
	for _, h := range p.StageHistory {
		if h.Stage == st {
			return true
		}
	}
	return false
}

// ChecklistFor returns the checklist that p, as it is before the move,
// gets by entering st: st's checklist the first time p enters st, nothing
// when p has been in st before (DESIGN.md §2, v2: a stage's checklist is
// added once per project; re-entering a stage adds nothing).
func ChecklistFor(p Project, st Stage) []ChecklistItem {
	if p.HasBeenIn(st) {
		return nil
	}
	return Checklist(st)
}

// ChecklistTasks turns titles (one per item kept, in the user's words)
// into to-dos for project p entering a stage on a date. They are dated the
// day of the move: an undated to-do would sit in the inbox and be
// forgotten. Empty titles are skipped.
func ChecklistTasks(p Project, on Date, titles []string, kinds []TaskKind) []Task {
	var out []Task
	for i, title := range titles {
		if title == "" {
			continue
		}
		kind := TaskTodo
		if i < len(kinds) && kinds[i].Valid() {
			kind = kinds[i]
		}
		out = append(out, Task{Title: title, Date: on, Slot: SlotAny, Kind: kind,
			ClientID: p.ClientID, ProjectID: p.ID})
	}
	return out
}
