package report

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
	"salesplan/ui/theme"
	"salesplan/ui/uitest"
)

func seeded(t *testing.T) storage.Review {
	t.Helper()
	st := uitest.OpenStore(t)
	uitest.SeedWeeks(t, st)
	r, err := st.Review(uitest.Today, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The Markdown a manager receives, in both languages, read by eye in
// testdata (regenerate: go test ./ui/report -run TestMarkdownGolden -update).
func TestMarkdownGolden(t *testing.T) {
	r := seeded(t)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(l), func(t *testing.T) {
			golden.RequireEqual(t, Markdown(r, l, ""))
		})
	}
}

// Text the user typed cannot start markup or reach the terminal.
func TestMarkdownEscapesUserText(t *testing.T) {
	r := seeded(t)
	r.Quiet = append(r.Quiet, storage.QuietClient{Name: "Evil *bold* [link](http://x) | pipe \x1b]8;;http://e\x07x\x1b]8;;\x07 <b>"})
	md := Markdown(r, i18n.EN, "")
	if strings.ContainsAny(md, "\x1b\x07") {
		t.Errorf("control bytes in the Markdown")
	}
	for _, want := range []string{`Evil \*bold\* \[link\]\(http://x\) \| pipe x \<b\>`, `赵总 \*VIP\*`, `Harbour \[Phase 2\]`, `Call back about \*\*delivery\*\*`} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
}

func TestDayQuotas(t *testing.T) {
	s := model.DefaultSettings()
	mon := uitest.D(time.November, 23)
	calls, visits := DayQuotas(s, mon.AddDays(3))
	if calls != [7]int{30, 30, 30, 30, 30, 0, 0} || visits != [7]int{4, 4, 4, 4, 4, 0, 0} {
		t.Errorf("five days: %v %v", calls, visits)
	}
	s.Workdays = model.Workdays{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	_, visits = DayQuotas(s, mon)
	sum := 0
	for _, v := range visits {
		sum += v
	}
	if sum != 20 || visits[6] != 0 || visits != [7]int{3, 3, 4, 3, 3, 4, 0} {
		t.Errorf("six days: %v (sum %d, want 20)", visits, sum)
	}
}

func TestBarAndPct(t *testing.T) {
	for _, tt := range []struct {
		done, target, w int
		want            string
	}{
		{0, 30, 10, "----------"},
		{1, 30, 10, "#---------"}, // something done shows
		{15, 30, 10, "#####-----"},
		{45, 30, 10, "##########"},
		{3, 0, 4, "####"},
		{0, 0, 4, "----"},
	} {
		f, e := Bar(tt.done, tt.target, tt.w, "#", "-")
		if f+e != tt.want {
			t.Errorf("Bar(%d, %d, %d) = %q, want %q", tt.done, tt.target, tt.w, f+e, tt.want)
		}
	}
	if p, ok := Pct(1, 3); !ok || p != 33 {
		t.Errorf("Pct(1,3) = %d %v", p, ok)
	}
	if _, ok := Pct(5, 0); ok {
		t.Error("Pct without a target")
	}
}

// The planner's lines are exactly the width asked, in both languages.
func TestLinesWidth(t *testing.T) {
	r := seeded(t)
	s := theme.New(true, false)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, w := range []int{40, 80, 120} {
			lines := Lines(r, l, "", &s, w)
			if len(lines) < 30 {
				t.Errorf("%s %d: only %d lines", l, w, len(lines))
			}
			for i, line := range lines {
				if got := ansi.StringWidth(line); got != w {
					t.Errorf("%s %d: line %d is %d cells: %q", l, w, i, got, ansi.Strip(line))
				}
			}
		}
	}
}

// Signed sales in a period with no target read "¥0 (no target set)", not
// "¥0 of ¥0" (a new user's Week, Month and year view before the target is
// set); with a target, "of" it and the share.
func TestMoneyCountWithoutTarget(t *testing.T) {
	for _, tc := range []struct {
		lang i18n.Lang
		q    model.MoneyQuota
		want string
	}{
		{i18n.EN, model.MoneyQuota{}, "¥0 (no target set)"},
		{i18n.ZH, model.MoneyQuota{}, "¥0（未设目标）"},
		{i18n.EN, model.MoneyQuota{Value: 1200000}, "¥12,000 (no target set)"},
		{i18n.EN, model.MoneyQuota{Value: 1200000, Target: 2400000}, "¥12,000 of ¥24,000 (50%)"},
		{i18n.ZH, model.MoneyQuota{Value: 1200000, Target: 2400000}, "¥1.2万 / ¥2.4万（50%）"},
	} {
		if got := SignedCount(tc.lang, tc.q, "¥"); got != tc.want {
			t.Errorf("%s %+v: %q, want %q", tc.lang, tc.q, got, tc.want)
		}
	}
}

// A week and a month without a sales target: the Markdown reports and the
// planner's review say "$0 (no target set)" / "¥0（未设目标）" as the Week
// and Month panes do, never "$0 of $0".
func TestReportsWithoutTarget(t *testing.T) {
	wk := seeded(t)
	wk.Week.Signed = model.MoneyQuota{}
	mr, err := seededStore(t).MonthReview(model.Month{Year: 2026, Month: time.November}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	mr.Month.Signed = model.MoneyQuota{}
	mr.Quarter.Signed = model.MoneyQuota{}
	s := theme.New(true, false)
	for _, tc := range []struct {
		lang      i18n.Lang
		want, bad string
	}{
		{i18n.EN, "$0 (no target set)", "of $0"},
		{i18n.ZH, "¥0（未设目标）", "/ ¥0"},
	} {
		for name, text := range map[string]string{
			"week markdown":  Markdown(wk, tc.lang, ""),
			"month markdown": MonthMarkdown(mr, tc.lang, ""),
			"week review":    ansi.Strip(strings.Join(Lines(wk, tc.lang, "", &s, 80), "\n")),
			"month review":   ansi.Strip(strings.Join(MonthLines(mr, tc.lang, "", &s, 80), "\n")),
		} {
			if !strings.Contains(text, tc.want) || strings.Contains(text, tc.bad) {
				t.Errorf("%s %s: want %q and no %q:\n%s", tc.lang, name, tc.want, tc.bad, text)
			}
		}
	}
}
