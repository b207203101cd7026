package cli

import "salesplan/model"

// checklist returns the tasks for p entering stage on a date: the stage's
// checklist (model.Checklist, shared with the planner) titled in the
// user's language, dated the day of the move.
func (a *app) checklist(p model.Project, stage model.Stage, on model.Date) []model.Task {
	items := model.Checklist(stage)
	titles := make([]string, len(items))
	kinds := make([]model.TaskKind, len(items))
	for i, it := range items {
		titles[i], kinds[i] = a.t("cli.check."+it.Code, p.Name), it.Kind
	}
	return model.ChecklistTasks(p, on, titles, kinds)
}
