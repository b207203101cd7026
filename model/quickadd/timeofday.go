package quickadd

import (
	"strings"

	"salesplan/model"
)

// ParseTime reads a time-of-day field on its own (the task form's time) as
// quick-add reads it: "10:00", "3pm", "下午3点", or a slot word alone ("am",
// "afternoon", "下午"), which gives the slot and no time. Empty is no time
// and no slot; anything else is refused as not a time of day.
func ParseTime(s string, today model.Date) (model.Clock, model.Slot, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return model.NoClock, "", nil
	}
	if c, err := model.ParseClock(s); err == nil {
		return c, model.SlotOf(c), nil
	}
	// The words alone after a one-word title: they must all be read as the
	// time or the slot, nothing left for the title, no other field set.
	r := Parse("x "+s, today, nil)
	t := r.Task
	if len(r.Problems) == 0 && !r.Dated && t.Title == "x" && t.Kind == model.TaskTodo && t.Repeat == "" &&
		!t.Important && r.ClientName == "" && r.ProjectName == "" && (t.Time.Valid() || t.Slot != model.SlotAny) {
		return t.Time, t.Slot, nil
	}
	return model.NoClock, "", model.Errf(CodeBadTime, "%q is not a time of day", s)
}
