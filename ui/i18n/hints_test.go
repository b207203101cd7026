package i18n

import (
	"strings"
	"testing"
	"time"

	"salesplan/model"
	"salesplan/model/quickadd"
)

// examples splits a hint's examples: "a, b, c" or "甲、乙、丙".
func examples(hint string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(hint, func(r rune) bool { return r == ',' || r == '、' }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// The examples a hint gives are words the field reads, in the hint's own
// language: a Chinese repeat hint shows the Chinese words quick-add
// understands (每天, 每周一), not English ones; every date example reads as
// a date.
func TestHintExamplesParse(t *testing.T) {
	today := model.MakeDate(2026, time.November, 27)
	for _, l := range []Lang{EN, ZH} {
		repeat := examples(l.T("day.edit.repeat_hint"))
		if len(repeat) < 3 {
			t.Errorf("%s: day.edit.repeat_hint has %d examples", l, len(repeat))
		}
		for _, ex := range repeat {
			if _, err := quickadd.ParseRepeat(ex); err != nil {
				t.Errorf("%s: day.edit.repeat_hint example %q: %v", l, ex, err)
			}
			if l == ZH && strings.ContainsAny(ex, "abcdefghijklmnopqrstuvwxyz") {
				t.Errorf("zh: day.edit.repeat_hint example %q is English", ex)
			}
		}
		for _, k := range []string{"clients.promise.due_hint", "clients.sheet.book_hint", "projects.f.bid_hint",
			"promises.kept.hint", "day.move_all.placeholder", "day.goto.placeholder"} {
			for _, ex := range examples(l.T(k)) {
				if _, err := quickadd.ParseDate(ex, today); err != nil {
					t.Errorf("%s: %s example %q is not a date: %v", l, k, ex, err)
				}
			}
		}
	}
}
