package cli

import "salesplan/model"

// checklists are the tasks that entering a stage adds (DESIGN.md §2), as
// catalog keys: the titles are written in the user's language when the
// tasks are created, since they become the user's own tasks.
var checklists = map[model.Stage][]string{
	model.StageContract:   {"cli.check.sign_contract", "cli.check.advance_payment", "cli.check.arrange_stock"},
	model.StageDelivery:   {"cli.check.goods_on_site", "cli.check.ask_commissioning"},
	model.StageAcceptance: {"cli.check.acceptance_docs", "cli.check.collect_payment"},
}

// checklist returns the tasks for p entering stage on a date: undated
// to-dos would be forgotten, so they are dated the day of the move.
func (a *app) checklist(p model.Project, stage model.Stage, on model.Date) []model.Task {
	var out []model.Task
	for _, key := range checklists[stage] {
		out = append(out, model.Task{Title: a.t(key, p.Name), Date: on, Slot: model.SlotAny,
			Kind: model.TaskTodo, ClientID: p.ClientID, ProjectID: p.ID})
	}
	return out
}
