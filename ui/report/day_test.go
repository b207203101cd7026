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

// seededStore is the shared fixture with a prospect call, a note over two
// lines and a cancelled promise added on Friday 27 Nov.
func seededStore(t *testing.T) *storage.Store {
	t.Helper()
	st := uitest.OpenStore(t)
	uitest.SeedWeeks(t, st)
	at := uitest.Today.Time(time.Local)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := st.AddEntry(model.JournalEntry{Kind: model.EntryCall, At: at.Add(8 * time.Hour), Text: "tender site: 张工, new *hospital* wing"})
	must(err)
	c, err := st.FindClient("王总")
	must(err)
	_, err = st.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at.Add(17 * time.Hour), Text: "女儿明年高考\nno weekend visits\x1b[31m"})
	must(err)
	p, err := st.AddPromise(model.Promise{ClientID: c.ID, Text: "brochure", MadeOn: uitest.D(time.November, 20), Due: uitest.D(time.November, 24)}, uitest.Today)
	must(err)
	_, err = st.CancelPromise(p.ID, uitest.Today, "they printed their own", uitest.Today)
	must(err)
	return st
}

// The day's record a manager receives, in both languages, read by eye in
// testdata (regenerate: go test ./ui/report -run TestDayMarkdownGolden -update).
func TestDayMarkdownGolden(t *testing.T) {
	st := seededStore(t)
	r, err := st.DayRecord(uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(l), func(t *testing.T) {
			golden.RequireEqual(t, DayMarkdown(r, l))
		})
	}
}

// The day's record says what the plan asks for: calls with their text
// (the prospect's too), notes with their lines kept, every promise
// cancelled with its reason, tasks done and the important ones left, and
// tomorrow's plan; user text never starts markup or reaches the terminal.
func TestDayMarkdownContents(t *testing.T) {
	st := seededStore(t)
	r, err := st.DayRecord(uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	md := DayMarkdown(r, i18n.EN)
	for _, want := range []string{
		"call · prospect: tender site: 张工, new \\*hospital\\* wing",
		"note · 王总: 女儿明年高考  \n  no weekend visits\n",
		"Cancelled after its due date, counted as broken, for 王总: brochure (due 24 Nov, cancelled 27 Nov): they printed their own",
		"## Tasks done", "确认预付款", "Drawing review",
		"## Important, not done", "冷站现场踏勘",
		"## Plan for Mon 30 Nov", "Quote follow\\-up",
		"| Calls | 4/30 (13%) |", // the prospect call counts
		"| Clients visited | 1/4 (25%) · 1 visit |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the day's record lacks %q:\n%s", want, md)
		}
	}
	if strings.ContainsAny(md, "\x1b") {
		t.Errorf("an escape sequence reached the Markdown")
	}
}

func TestMonthMarkdownGolden(t *testing.T) {
	st := seededStore(t)
	r, err := st.MonthReview(model.Month{Year: 2026, Month: time.November}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	// November: December is set by hand, so November's share of the year
	// is 9,090,910 cents; Q4 to date is October and November.
	if r.Quarter.Number != 4 || r.Quarter.From != uitest.D(time.October, 1) || r.Quarter.Signed.Target != 18181819 || r.Quarter.Signed.Value != 48000000 {
		t.Errorf("quarter to date = %+v", r.Quarter)
	}
	if len(r.Cancelled) != 1 || r.Cancelled[0].CancelReason != "they printed their own" {
		t.Errorf("cancelled = %+v", r.Cancelled)
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(l), func(t *testing.T) {
			golden.RequireEqual(t, MonthMarkdown(r, l, ""))
		})
	}
}

// The planner's day and month lines are exactly the width asked.
func TestDayAndMonthLinesWidth(t *testing.T) {
	st := seededStore(t)
	day, err := st.DayRecord(uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	month, err := st.MonthReview(model.Month{Year: 2026, Month: time.November}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	s := theme.New(true, false)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, w := range []int{30, 80, 120} {
			for name, lines := range map[string][]string{"day": DayLines(day, l, &s, w), "month": MonthLines(month, l, "", &s, w)} {
				if len(lines) < 15 {
					t.Errorf("%s %s %d: only %d lines", name, l, w, len(lines))
				}
				for i, line := range lines {
					if got := ansi.StringWidth(line); got != w {
						t.Errorf("%s %s %d: line %d is %d cells: %q", name, l, w, i, got, ansi.Strip(line))
					}
				}
			}
		}
	}
}

// A past day's record says its important tasks are read as they stand now
// (what a task was on that day is not kept); today's does not.
func TestDayRecordPastHeading(t *testing.T) {
	st := seededStore(t)
	r, err := st.DayRecord(uitest.D(time.November, 26))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		asOf model.Date
		l    i18n.Lang
		want string
	}{
		{uitest.Today, i18n.EN, "## Important, not done (as flagged and dated now)\n"},
		{uitest.Today, i18n.ZH, "## 未完成的重要任务（按现在的标记和日期）\n"},
		{uitest.D(time.November, 26), i18n.EN, "## Important, not done\n"},
		{model.NoDate, i18n.EN, "## Important, not done\n"},
	} {
		r.AsOf = tt.asOf
		if md := DayMarkdown(r, tt.l); !strings.Contains(md, tt.want) {
			t.Errorf("as of %s (%s): no %q in\n%s", tt.asOf, tt.l, tt.want, md)
		}
	}
}

// A cancellation's reason over several lines keeps them in the day's
// record, as a call's outcome in the same record does — on screen (the
// Day's r) and in the Markdown — in both languages; the monthly review
// lists it the same way.
func TestMultiLineReasonKeepsLines(t *testing.T) {
	st := uitest.OpenStore(t)
	c, err := st.AddClient(model.Client{Name: "王总"}, uitest.D(time.October, 1))
	if err != nil {
		t.Fatal(err)
	}
	at := uitest.Today.Time(time.Local)
	if _, err := st.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall, At: at.Add(9 * time.Hour),
		Text: "outcome one\noutcome two"}); err != nil {
		t.Fatal(err)
	}
	p, err := st.AddPromise(model.Promise{ClientID: c.ID, Text: "brochure", MadeOn: uitest.D(time.November, 20), Due: uitest.D(time.November, 30)}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CancelPromise(p.ID, uitest.Today, "reason one\nreason two", uitest.Today); err != nil {
		t.Fatal(err)
	}
	r, err := st.DayRecord(uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	month, err := st.MonthReview(model.Month{Year: 2026, Month: time.November}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	s := theme.New(true, false)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		sep := l.T("report.body_sep")
		screen := ansi.Strip(strings.Join(DayLines(r, l, &s, 80), "\n"))
		md := DayMarkdown(r, l)
		monthMD := MonthMarkdown(month, l, "")
		for _, tt := range []struct{ first, second string }{{"outcome one", "outcome two"}, {"reason one", "reason two"}} {
			// The second line under the bullet, on a line of its own.
			if !strings.Contains(screen, sep+tt.first) || strings.Contains(screen, tt.first+" "+tt.second) {
				t.Errorf("%s: on screen %q is not the end of its bullet's first line:\n%s", l, tt.first, screen)
			}
			if !strings.Contains(screen, "\n    "+tt.second) {
				t.Errorf("%s: on screen %q is not on a line of its own under the bullet:\n%s", l, tt.second, screen)
			}
			if !strings.Contains(md, sep+tt.first+"  \n  "+tt.second+"\n") {
				t.Errorf("%s: in the Markdown %q / %q are not two lines:\n%s", l, tt.first, tt.second, md)
			}
		}
		if !strings.Contains(monthMD, sep+"reason one  \n  reason two\n") {
			t.Errorf("%s: the month's review flattens the reason:\n%s", l, monthMD)
		}
	}
}
