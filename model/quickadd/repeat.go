package quickadd

import (
	"strings"
	"time"

	"salesplan/model"
)

// RepeatRule is a repeat rule typed on its own (`task edit --repeat`, a
// form's repeat field), read like the repeat words of a quick-add line.
type RepeatRule struct {
	Repeat model.Repeat // canonical; RepeatNone clears the rule
	// Weekday is the day the words named ("every mon", 每周一), with
	// HasWeekday: the rule is weekly and the task belongs on that day.
	Weekday    time.Weekday
	HasWeekday bool
}

// noRepeat are the words that clear a rule.
var noRepeat = map[string]bool{"": true, "none": true, "never": true, "no": true, "无": true, "不重复": true}

// ParseRepeat reads a repeat rule typed alone: the canonical forms
// (model.ParseRepeat: "weekly", "every 2 weeks") and the quick-add words
// ("every 2w", "every other week", "every mon", "every weekday", "每天",
// "每周一", "每两周"); "none", "无" or nothing clears the rule. Anything
// else in the text (a date, a time, a title word) makes it no rule at all:
// a Problem "bad_repeat" naming the text.
func ParseRepeat(s string) (RepeatRule, error) {
	in := strings.TrimSpace(foldWidth(s))
	if noRepeat[strings.ToLower(in)] {
		return RepeatRule{}, nil
	}
	if r, err := model.ParseRepeat(in); err == nil {
		return RepeatRule{Repeat: r}, nil
	}
	bad := badRepeat(in).err
	// The grammar needs a today only for date words, which are refused.
	st := &state{today: model.NoDate}
	title, _, names := scan(tokenize(in), st)
	switch {
	case len(title) > 0, len(names) > 0, st.repeatText == "":
		return RepeatRule{}, bad
	case len(st.problems) > 0:
		return RepeatRule{}, st.problems[0]
	case st.dateText != "", st.clockText != "", st.slotText != "", st.important:
		return RepeatRule{}, bad
	}
	return RepeatRule{Repeat: st.repeat, Weekday: st.repeatWd, HasWeekday: st.repeatHasW}, nil
}

// OnOrAfter is the first day from d that suits the rule: d itself, or for a
// rule that names a weekday the first such day from d.
func (r RepeatRule) OnOrAfter(d model.Date) model.Date {
	if !r.HasWeekday || !d.Valid() {
		return d
	}
	return onOrAfter(d, r.Weekday)
}
