package cli

import "salesplan/model"

// checklist returns the tasks for p entering stage on a date: the stage's
// checklist (model.ChecklistFor, shared with the planner: nothing when p
// has been in that stage before) titled in the user's language, dated the
// day of the move.
func (a *app) checklist(p model.Project, stage model.Stage, on model.Date) []model.Task {
	items := model.ChecklistFor(p, stage)
	titles := make([]string, len(items))
	kinds := make([]model.TaskKind, len(items))
	for i, it := range items {
		titles[i], kinds[i] = a.t("cli.check."+it.Code, p.Name), it.Kind
	}
	return model.ChecklistTasks(p, on, titles, kinds)
}
