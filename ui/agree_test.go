package ui_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui"
	"salesplan/ui/cli"
	"salesplan/ui/common"
	"salesplan/ui/day"
	"salesplan/ui/month"
	"salesplan/ui/uitest"
	"salesplan/ui/week"
)

// What the planner shows, read from its models after loading.
type plannerNumbers struct {
	agenda    model.Agenda
	attention []model.AttentionItem
	regular   int
	tasks     []model.AgendaTask
	week      model.WeekSummary
	month     model.MonthSummary
}

// The JSON of `today`, `week` and `month` (DESIGN.md §3), as a script reads it.
type (
	jQuota  struct{ Done, Target int }
	jVisits struct{ Done, Visits, Target int }
	jMoney  struct{ Value, Target float64 }
	jToday  struct {
		Date   string
		Quotas struct {
			Calls      jQuota
			VisitsWeek jVisits `json:"visits_week"`
		}
		Tasks []struct {
			ID   model.ID
			Done bool
		}
		Attention []struct {
			Type        string
			Due         string
			DaysOverdue int `json:"days_overdue"`
			Bid         *string
			PapersDue   *string `json:"papers_due"`
			Booked      *string
		}
		RegularDue int `json:"regular_due"`
	}
	jWeek struct {
		Calls    jQuota
		Visits   jVisits
		Signed   jMoney
		Promises struct {
			Made, Kept, Overdue, Cancelled int
			KeptOnTime                     int `json:"kept_on_time"`
		}
		Days []struct{ Calls, Visits int }
	}
	jMonth struct {
		Calls  jQuota
		Visits jVisits
		Signed jMoney
		Days   []struct {
			Date    string
			Markers []string
		}
	}
)

// TestPlannerAgreesWithCommandLine runs the scenario fixtures of the work
// plan's rules, in English and in Chinese (the holiday calendar follows
// the language), through the command line, then opens the planner the way
// `salesplan` does (the same Config, the store it opened) and checks that
// every number the command line printed is the one the planner holds:
// quotas, attention (with bid papers and bookings), tasks, the week's and
// the month's totals and markers.
func TestPlannerAgreesWithCommandLine(t *testing.T) {
	// "…:auto" runs the fixture with no holiday calendar set: cn then
	// comes from the language (zh_CN), none from C, and both faces must
	// follow it alike.
	scenarios := []string{"national_day_cn", "national_day_cn:auto", "makeup_sunday_cn:auto", "makeup_sunday_cn", "bid_monday_saturday", "bid_lead", "booked_far_key_client",
		"promise_cancelled", "month_set_by_hand", "signed_onboarded", "prospect_call", "visit_logged_then_ticked", "week_two_months"}
	for _, name := range scenarios {
		for _, lang := range []string{"C", "zh_CN.UTF-8"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				name, auto := strings.CutSuffix(name, ":auto")
				dir := filepath.Join("..", "testdata", "scenarios", name)
				args, err := os.ReadFile(filepath.Join(dir, "args"))
				if err != nil {
					t.Fatal(err)
				}
				tmp := t.TempDir()
				env := map[string]string{"SALESPLAN_TODAY": strings.TrimSpace(string(args)), "LANG": lang, "HOME": tmp,
					"SALESPLAN_DB": filepath.Join(tmp, "salesplan.db")}
				now := time.Date(2026, 11, 27, 9, 30, 0, 0, time.Local)
				var got plannerNumbers
				cfg := cli.Config{Now: func() time.Time { return now }, Planner: func(p cli.PlannerArgs) error {
					got = readPlanner(t, p)
					return nil
				}}
				run := func(a ...string) string {
					t.Helper()
					var out, errb bytes.Buffer
					if code := cfg.Main(a, strings.NewReader(""), &out, &errb, func(k string) string { return env[k] }); code != 0 {
						t.Fatalf("salesplan %s: exit %d: %s", strings.Join(a, " "), code, errb.String())
					}
					return out.String()
				}
				input, _ := filepath.Abs(filepath.Join(dir, "input.json"))
				if auto {
					b, err := os.ReadFile(input)
					if err != nil {
						t.Fatal(err)
					}
					input = filepath.Join(tmp, "input.json")
					if err := os.WriteFile(input, bytes.Replace(b, []byte(`"holidays": "cn"`), []byte(`"holidays": ""`), 1), 0o600); err != nil {
						t.Fatal(err)
					}
				}
				run("import", input)
				if b, err := os.ReadFile(filepath.Join(dir, "commands")); err == nil {
					for _, line := range strings.Split(string(b), "\n") {
						if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "!") {
							run(words(line)...)
						}
					}
				}
				var today jToday
				var wk jWeek
				var mo jMonth
				decode(t, run("today", "--json"), &today)
				decode(t, run("week", "--json"), &wk)
				decode(t, run("month", "--json"), &mo)
				run() // the planner, on the store the command line opened
				compare(t, today, wk, mo, got)
				if auto {
					// The language chose the calendar: National Day week has
					// three working days with cn, five without.
					want := map[bool]map[string]int{true: {"national_day_cn": 90, "makeup_sunday_cn": 180}, false: {"national_day_cn": 150, "makeup_sunday_cn": 150}}
					if got := wk.Calls.Target; got != want[lang != "C"][name] {
						t.Errorf("week calls target %d with LANG=%s", got, lang)
					}
				}
			})
		}
	}
}

// readPlanner loads the top line, Day, Week and Month as the planner does
// and returns what they hold.
func readPlanner(t *testing.T, p cli.PlannerArgs) plannerNumbers {
	t.Helper()
	env := common.Env{Store: p.Store, Lang: p.Lang, Currency: p.Currency}
	if p.Fixed {
		env.TodayOverride = p.Today
	}
	var out plannerNumbers
	root := ui.New(env, ui.Options{})
	drive(root, root.Init())
	out.agenda = root.Agenda()
	d := day.New(env)
	uitest.Run(d, func() tea.Msg { return common.DataChangedMsg{} })
	out.attention, out.regular = d.(*day.Model).Attention()
	out.tasks = d.(*day.Model).Tasks()
	w := week.New(env)
	uitest.Run(w, w.Init())
	out.week = w.(*week.Model).Week()
	m := month.New(env)
	uitest.Run(m, m.Init())
	out.month = m.(*month.Model).Month()
	return out
}

// drive runs the root model's commands until none is left, giving up on
// timers (the clock tick, the revision poll) after a moment.
func drive(m tea.Model, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 500; n++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(200 * time.Millisecond):
			continue
		}
		if b, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, b...)
			continue
		}
		if msg == nil {
			continue
		}
		_, next := m.Update(msg)
		queue = append(queue, next)
	}
}

func compare(t *testing.T, today jToday, wk jWeek, mo jMonth, p plannerNumbers) {
	t.Helper()
	a := p.agenda
	if a.Date.String() != today.Date || a.Calls != (model.Quota(today.Quotas.Calls)) ||
		a.VisitsWeek != (model.VisitQuota(today.Quotas.VisitsWeek)) {
		t.Errorf("top line: planner %+v %+v %+v, command line %+v", a.Date, a.Calls, a.VisitsWeek, today.Quotas)
	}
	if len(p.attention) != len(today.Attention) || p.regular != today.RegularDue {
		t.Fatalf("attention: planner %d items (%d regular), command line %d (%d)", len(p.attention), p.regular, len(today.Attention), today.RegularDue)
	}
	date := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	for i, it := range p.attention {
		j := today.Attention[i]
		if string(it.Type) != j.Type || it.Due.String() != j.Due || it.DaysOverdue != j.DaysOverdue {
			t.Errorf("attention %d: planner %s %s %d, command line %s %s %d", i, it.Type, it.Due, it.DaysOverdue, j.Type, j.Due, j.DaysOverdue)
		}
		if it.Type == model.AttBidPrep && (it.Bid.String() != date(j.Bid) || it.PapersDue.String() != date(j.PapersDue)) {
			t.Errorf("attention %d: planner bid %s papers %s, command line %s %s", i, it.Bid, it.PapersDue, date(j.Bid), date(j.PapersDue))
		}
		if it.Type == model.AttClientFollowUp && it.Booked.String() != date(j.Booked) {
			t.Errorf("attention %d: planner booked %s, command line %s", i, it.Booked, date(j.Booked))
		}
	}
	var pt, ct []model.ID
	for _, tk := range p.tasks {
		pt = append(pt, tk.ID)
	}
	for _, tk := range today.Tasks {
		ct = append(ct, tk.ID)
	}
	if !slices.Equal(pt, ct) {
		t.Errorf("tasks: planner %v, command line %v", pt, ct)
	}
	w := p.week
	if w.Calls != model.Quota(wk.Calls) || w.Visits != model.VisitQuota(wk.Visits) ||
		w.Signed.Value.Main() != wk.Signed.Value || w.Signed.Target.Main() != wk.Signed.Target ||
		w.Promises.Made != wk.Promises.Made || w.Promises.Kept != wk.Promises.Kept || w.Promises.KeptOnTime != wk.Promises.KeptOnTime ||
		w.Promises.Overdue != wk.Promises.Overdue || w.Promises.Cancelled != wk.Promises.Cancelled {
		t.Errorf("week: planner %+v %+v %+v %+v, command line %+v", w.Calls, w.Visits, w.Signed, w.Promises, wk)
	}
	for i, d := range w.Days {
		if d.Calls != wk.Days[i].Calls || d.Visits != wk.Days[i].Visits {
			t.Errorf("week day %d: planner %+v, command line %+v", i, d, wk.Days[i])
		}
	}
	m := p.month
	if m.Calls != model.Quota(mo.Calls) || m.Visits != model.VisitQuota(mo.Visits) ||
		m.Signed.Value.Main() != mo.Signed.Value || m.Signed.Target.Main() != mo.Signed.Target || len(m.Days) != len(mo.Days) {
		t.Errorf("month: planner %+v %+v %+v, command line %+v %+v %+v", m.Calls, m.Visits, m.Signed, mo.Calls, mo.Visits, mo.Signed)
		return
	}
	for i, d := range m.Days {
		if !slices.Equal(d.Markers, mo.Days[i].Markers) {
			t.Errorf("%s markers: planner %v, command line %v", d.Date, d.Markers, mo.Days[i].Markers)
		}
	}
}

func decode(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%v in %s", err, s)
	}
}

// words splits a command line as a shell would (double quotes group).
func words(line string) []string {
	var out []string
	var cur strings.Builder
	quoted, in := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case r == ' ' && !quoted:
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}
