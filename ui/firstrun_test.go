package ui

import (
	"fmt"
	"strings"
	"testing"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// The first-run screen is a new user's first sight of the planner: each
// step's hint is read whole where the screen has room (at 80x24 they were
// cut to "the year's sales target, calls a d…"), wrapped under the step,
// and the demo's command is named at every size down to 60x16.
func TestFirstRunHintsWhole(t *testing.T) {
	for _, tt := range []struct {
		l     i18n.Lang
		w, h  int
		whole bool
	}{
		{i18n.EN, 80, 24, true}, {i18n.ZH, 80, 24, true},
		{i18n.EN, 120, 40, true}, {i18n.ZH, 60, 16, true},
		{i18n.EN, 60, 16, false}, // no room: one line each, cut
	} {
		t.Run(fmt.Sprintf("%s_%dx%d", tt.l, tt.w, tt.h), func(t *testing.T) {
			st := uitest.OpenStore(t)
			m := New(uitest.EnvAt(st, tt.l, uitest.Morning), Options{NoColor: true, FirstRun: true}).sized(tt.w, tt.h)
			uitest.Run(m, m.start())
			uitest.CheckSize(t, m.View().Content, tt.w, tt.h)
			s := screen(m)
			if !strings.Contains(s, "salesplan --demo") {
				t.Errorf("the demo is not named:\n%s", s)
			}
			if !tt.whole {
				return
			}
			flat := strings.Join(strings.Fields(s), "") // wrapped lines, read as one
			for _, k := range []string{"first.hint.targets", "first.hint.import", "first.hint.client"} {
				if !strings.Contains(flat, strings.Join(strings.Fields(tt.l.T(k)), "")) {
					t.Errorf("the hint %q is not whole:\n%s", tt.l.T(k), s)
				}
			}
		})
	}
}

// Importing from a file that is not there says so in the user's language
// (it said "reading …: stat …: no such file or directory" in a Chinese
// planner).
func TestFirstRunMissingCSVInTheUsersLanguage(t *testing.T) {
	for _, tt := range []struct {
		l    i18n.Lang
		want string
	}{{i18n.EN, "there is no file"}, {i18n.ZH, "没有这个文件"}} {
		st := uitest.OpenStore(t)
		m := New(uitest.EnvAt(st, tt.l, uitest.Morning), Options{NoColor: true, FirstRun: true}).sized(100, 30)
		uitest.Run(m, m.start())
		uitest.Press(m, "j", "enter")
		uitest.Type(m, t.TempDir()+"/clients.csv")
		uitest.Press(m, "enter")
		s := screen(m)
		if !strings.Contains(s, tt.want) || strings.Contains(s, "no such file") {
			t.Errorf("%s: want %q, not the system's English:\n%s", tt.l, tt.want, s)
		}
	}
}

// Opened again after the targets were set (and the planner quit), the
// first-run screen starts on the first step still to do, not on the one
// already ticked.
func TestFirstRunStartsOnAStepToDo(t *testing.T) {
	st := uitest.OpenStore(t)
	err := st.UpdateSettings(func(set *model.Settings) error {
		set.AnnualTargets = map[int]model.Money{uitest.Today.Year(): model.MoneyFromMain(500000)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m := New(uitest.EnvAt(st, i18n.EN, uitest.Morning), Options{NoColor: true, FirstRun: true}).sized(100, 30)
	uitest.Run(m, m.start())
	for _, line := range strings.Split(screen(m), "\n") {
		if strings.HasPrefix(line, "›") && !strings.Contains(line, i18n.EN.T("first.step.import")) {
			t.Errorf("the cursor is on %q, want the import (the targets are set)", line)
		}
	}
}
