package model

// StepStage is where a project goes on a step through the pipeline: dir > 0
// the next stage, dir < 0 the previous one; `<` on a lost project reopens it
// in the stage it was lost from (lead when its history does not say). A
// step that goes nowhere is a Problem naming why: "project_lost" (no next
// stage after lost), "project_closed" (closed ends the pipeline),
// "project_first_stage" (nothing before lead).
func StepStage(p Project, dir int) (Stage, error) {
	switch {
	case p.Stage == StageLost && dir < 0:
		for i := len(p.StageHistory) - 1; i >= 0; i-- {
			if s := p.StageHistory[i].Stage; s.Live() {
				return s, nil
			}
		}
		return StageLead, nil
	case p.Stage == StageLost:
		return p.Stage, Errf("project_lost", "project %s is lost; < reopens it", p.Name)
	case dir > 0:
		if to, ok := p.Stage.Next(); ok {
			return to, nil
		}
		return p.Stage, Errf("project_closed", "project %s is closed: it has no next stage", p.Name)
	default:
		if to, ok := p.Stage.Prev(); ok {
			return to, nil
		}
		return p.Stage, Errf("project_first_stage", "project %s is in its first stage", p.Name)
	}
}
