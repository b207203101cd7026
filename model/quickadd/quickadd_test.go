package quickadd

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"salesplan/model"
)

// fakeResolver resolves like the store does: exact name first, then a unique
// case-insensitive prefix.
type fakeResolver struct {
	clients, projects map[string]model.ID
}

func newFake() fakeResolver {
	return fakeResolver{
		clients:  map[string]model.ID{"王总": 1, "王经理": 2, "李经理": 3, "ACME Ltd": 4, "Bob": 5, "Bobby": 6},
		projects: map[string]model.ID{"Tower B": 10, "Tower C": 11, "Metro": 12, "地铁三号线": 13},
	}
}

func resolve(names map[string]model.ID, what, q string) (model.ID, string, error) {
	if q == "boom" {
		return 0, "", errors.New("database is locked")
	}
	if id, ok := names[q]; ok {
		return id, q, nil
	}
	var hits []string
	for n := range names {
		if strings.HasPrefix(strings.ToLower(n), strings.ToLower(q)) {
			hits = append(hits, n)
		}
	}
	switch len(hits) {
	case 0:
		return 0, "", model.Errf("unknown_"+what, "no "+what+" named %q", q)
	case 1:
		return names[hits[0]], hits[0], nil
	}
	return 0, "", model.Errf("ambiguous_"+what, "%q could be several", q)
}

func (f fakeResolver) ResolveClient(q string) (model.ID, string, error) {
	return resolve(f.clients, "client", q)
}

func (f fakeResolver) ResolveProject(q string) (model.ID, string, error) {
	return resolve(f.projects, "project", q)
}

// friday is the day the table is evaluated on: Friday 2026-11-27.
var friday = model.MakeDate(2026, 11, 27)

func day(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// want is what a line should give; zero fields default to: kind todo, dated
// today, no time, slot any, no client/project, not important, no repeat, no
// problems.
type want struct {
	title     string
	kind      model.TaskKind
	date      string
	time      string
	slot      model.Slot
	client    string
	clientID  model.ID
	project   string
	projectID model.ID
	important bool
	repeat    model.Repeat
	problems  []string // codes, in order
}

func codes(errs []error) []string {
	var out []string
	for _, e := range errs {
		var p *model.Problem
		if !errors.As(e, &p) {
			out = append(out, "NOT-A-PROBLEM:"+e.Error())
			continue
		}
		out = append(out, p.Code)
	}
	return out
}

func check(t *testing.T, in string, today model.Date, r Resolver, w want) {
	t.Helper()
	got := Parse(in, today, r)
	if w.kind == "" {
		w.kind = model.TaskTodo
	}
	if w.slot == "" {
		w.slot = model.SlotAny
	}
	wd := today
	if w.date != "" {
		wd = day(w.date)
	}
	task := got.Task
	diffs := []string{}
	cmp := func(field string, g, e any) {
		if fmt.Sprint(g) != fmt.Sprint(e) {
			diffs = append(diffs, fmt.Sprintf("%s = %v, want %v", field, g, e))
		}
	}
	cmp("title", fmt.Sprintf("%q", task.Title), fmt.Sprintf("%q", w.title))
	cmp("kind", task.Kind, w.kind)
	cmp("date", task.Date, wd)
	cmp("time", task.Time, w.time)
	cmp("slot", task.Slot, w.slot)
	cmp("client", got.ClientName, w.client)
	cmp("clientID", task.ClientID, w.clientID)
	cmp("project", got.ProjectName, w.project)
	cmp("projectID", task.ProjectID, w.projectID)
	cmp("important", task.Important, w.important)
	cmp("repeat", task.Repeat, w.repeat)
	cmp("problems", codes(got.Problems), w.problems)
	if len(diffs) > 0 {
		t.Errorf("Parse(%q):\n  %s\n  problems: %v", in, strings.Join(diffs, "\n  "), got.Problems)
	}
}

func TestParse(t *testing.T) {
	fake := newFake()
	tests := []struct {
		in string
		w  want
	}{
		// The brief's headline lines.
		{"call @王总 tomorrow 10:00 !", want{title: "Call 王总", kind: "call", date: "2026-11-28", time: "10:00",
			slot: "morning", client: "王总", clientID: 1, important: true}},
		{"拜访 @李经理 周三 下午", want{title: "拜访李经理", kind: "visit", date: "2026-12-02", slot: "afternoon",
			client: "李经理", clientID: 3}},
		{`meet #"Tower B" next mon 3pm every 2w`, want{title: "Meeting · Tower B", kind: "meeting", date: "2026-11-30",
			time: "15:00", slot: "afternoon", project: "Tower B", projectID: 10, repeat: "every 2 weeks"}},

		// Kinds: the first title word, removed unless it is all there is.
		{"call Bob back", want{title: "Bob back", kind: "call"}},
		{"Call @Bob about the quote", want{title: "about the quote", kind: "call", client: "Bob", clientID: 5}},
		{"VISIT @acme tower site", want{title: "tower site", kind: "visit", client: "ACME Ltd", clientID: 4}},
		{"meeting with the board", want{title: "with the board", kind: "meeting"}},
		{"tomorrow call Bob", want{title: "Bob", kind: "call", date: "2026-11-28"}},
		{"Send brochure to Bob", want{title: "Send brochure to Bob"}},
		{"recall the order", want{title: "recall the order"}},
		{"电话 @王总", want{title: "给王总打电话", kind: "call", client: "王总", clientID: 1}},
		{"打电话 给王总 报价", want{title: "给王总 报价", kind: "call"}},
		{"会议 评审方案", want{title: "评审方案", kind: "meeting"}},
		{"开会讨论方案", want{title: "开会讨论方案", kind: "meeting"}},
		{"电话号码更新", want{title: "电话号码更新"}},

		// English dates. Friday 2026-11-27 is today.
		{"quote today", want{title: "quote"}},
		{"quote tomorrow", want{title: "quote", date: "2026-11-28"}},
		{"quote tmr", want{title: "quote", date: "2026-11-28"}},
		{"quote fri", want{title: "quote"}},
		{"quote Friday", want{title: "quote"}},
		{"quote mon", want{title: "quote", date: "2026-11-30"}},
		{"quote thu", want{title: "quote", date: "2026-12-03"}},
		{"quote SATURDAY", want{title: "quote", date: "2026-11-28"}},
		{"quote tues", want{title: "quote", date: "2026-12-01"}},
		{"quote next fri", want{title: "quote", date: "2026-12-04"}},
		{"quote next sun", want{title: "quote", date: "2026-12-06"}},
		{"quote next week", want{title: "quote", date: "2026-11-30"}},
		{"quote next time", want{title: "quote next time"}},
		{"quote +3d", want{title: "quote", date: "2026-11-30"}},
		{"quote +2w", want{title: "quote", date: "2026-12-11"}},
		{"quote +0d", want{title: "quote"}},
		{"quote +99999d", want{title: "quote", problems: []string{"date_out_of_range"}}},
		{"quote 2026-12-01", want{title: "quote", date: "2026-12-01"}},
		{"quote 2027/1/5", want{title: "quote", date: "2027-01-05"}},
		{"quote 12-01", want{title: "quote", date: "2026-12-01"}},
		{"quote 12/1", want{title: "quote", date: "2026-12-01"}},
		{"quote 11/27", want{title: "quote"}},
		{"quote 11/26", want{title: "quote", date: "2027-11-26"}},
		{"quote 1/5", want{title: "quote", date: "2027-01-05"}},
		{"13/45 quote", want{title: "quote", problems: []string{"bad_date"}}},
		{"quote 2026-02-30", want{title: "quote", problems: []string{"bad_date"}}},
		{"quote 12-32", want{title: "quote", problems: []string{"bad_date"}}},
		{"quote 2/29", want{title: "quote", problems: []string{"bad_date"}}},
		{"call 3-4 clients", want{title: "3-4 clients", kind: "call"}},

		// Times and slots.
		{"quote 3pm", want{title: "quote", time: "15:00", slot: "afternoon"}},
		{"quote 3:30pm", want{title: "quote", time: "15:30", slot: "afternoon"}},
		{"quote 3 pm", want{title: "quote", time: "15:00", slot: "afternoon"}},
		{"quote 11 a.m.", want{title: "quote", time: "11:00", slot: "morning"}},
		{"quote 12pm", want{title: "quote", time: "12:00", slot: "afternoon"}},
		{"quote 12am", want{title: "quote", time: "00:00", slot: "morning"}},
		{"quote 18:30", want{title: "quote", time: "18:30", slot: "evening"}},
		{"quote 9:05", want{title: "quote", time: "09:05", slot: "morning"}},
		{"quote afternoon 3:30", want{title: "quote", time: "15:30", slot: "afternoon"}},
		{"quote 8:00 evening", want{title: "quote", time: "20:00", slot: "evening"}},
		{"quote morning 10:00", want{title: "quote", time: "10:00", slot: "morning"}},
		{"quote morning 3pm", want{title: "quote", time: "15:00", slot: "afternoon"}},
		{"quote am", want{title: "quote", slot: "morning"}},
		{"quote pm", want{title: "quote", slot: "afternoon"}},
		{"quote evening", want{title: "quote", slot: "evening"}},
		{"quote tonight", want{title: "quote", slot: "evening"}},
		{"quote 25:00", want{title: "quote", problems: []string{"bad_time"}}},
		{"quote 13pm", want{title: "quote", problems: []string{"bad_time"}}},
		{"quote 9:5", want{title: "quote", problems: []string{"bad_time"}}},
		{"quote 10:00 3pm", want{title: "quote", time: "10:00", slot: "morning", problems: []string{"two_times"}}},
		{"quote am pm", want{title: "quote", slot: "morning", problems: []string{"two_times"}}},

		// Important: a "!" word of its own only.
		{"quote !", want{title: "quote", important: true}},
		{"! quote", want{title: "quote", important: true}},
		{"quote !!", want{title: "quote", important: true}},
		{"quote ！", want{title: "quote", important: true}},
		{"Hi! Bob", want{title: "Hi! Bob"}},
		{"urgent! quote", want{title: "urgent! quote"}},

		// Repeat rules.
		{"standup every day", want{title: "standup", repeat: "daily"}},
		{"standup daily", want{title: "standup", repeat: "daily"}},
		{"standup every weekday", want{title: "standup", repeat: "weekdays"}},
		{"review every mon", want{title: "review", date: "2026-11-30", repeat: "weekly"}},
		// "every mon" and a Saturday: refused as task edit refuses it (it
		// was kept as a weekly task on Saturdays).
		{"review every mon tomorrow", want{title: "review", date: "2026-11-28", repeat: "weekly", problems: []string{"repeat_weekday"}}},
		{"review every mon 11-30", want{title: "review", date: "2026-11-30", repeat: "weekly"}},
		{"review weekly", want{title: "review", repeat: "weekly"}},
		{"invoice every month", want{title: "invoice", repeat: "monthly"}},
		{"invoice monthly", want{title: "invoice", repeat: "monthly"}},
		{"check every 3d", want{title: "check", repeat: "every 3 days"}},
		{"check every 3 days", want{title: "check", repeat: "every 3 days"}},
		{"check every 1d", want{title: "check", repeat: "daily"}},
		{"check every other week", want{title: "check", repeat: "every 2 weeks"}},
		{"check every 0d", want{title: "check", problems: []string{"bad_repeat"}}},
		{"check every day weekly", want{title: "check", repeat: "daily", problems: []string{"two_repeats"}}},
		{"every Bob", want{title: "every Bob"}},

		// Clients and projects.
		{"call @Zed", want{title: "Call Zed", kind: "call", client: "Zed", problems: []string{"unknown_client"}}},
		{"call @王", want{title: "Call 王", kind: "call", client: "王", problems: []string{"ambiguous_client"}}},
		{"call @", want{title: "Call", kind: "call", problems: []string{"empty_client"}}},
		{"call @Bob, then @王总", want{title: "then", kind: "call", client: "Bob", clientID: 5,
			problems: []string{"two_clients"}}},
		{"call @Bob @bob", want{title: "Call Bob", kind: "call", client: "Bob", clientID: 5}},
		{`@"ACME Ltd" call re invoice`, want{title: "re invoice", kind: "call", client: "ACME Ltd", clientID: 4}},
		{`@“ACME Ltd” ship`, want{title: "ship", client: "ACME Ltd", clientID: 4}},
		{`call @"ACME Ltd tomorrow`, want{title: "Call ACME Ltd tomorrow", kind: "call", client: "ACME Ltd tomorrow",
			problems: []string{"unclosed_quote", "unknown_client"}}},
		{`call @""`, want{title: "Call", kind: "call", problems: []string{"empty_client"}}},
		{"mail bob@example.com", want{title: "mail bob@example.com"}},
		{"call @boom", want{title: "Call boom", kind: "call", client: "boom", problems: []string{"lookup_failed"}}},
		{"visit #metro", want{title: "Visit · Metro", kind: "visit", project: "Metro", projectID: 12}},
		{"visit #Tower", want{title: "Visit · Tower", kind: "visit", project: "Tower", problems: []string{"ambiguous_project"}}},
		{"visit #", want{title: "Visit", kind: "visit", problems: []string{"empty_project"}}},
		{"ship PO #4512", want{title: "ship PO #4512"}},
		{"visit #Metro #\"Tower B\"", want{title: "Visit · Metro", kind: "visit", project: "Metro", projectID: 12,
			problems: []string{"two_projects"}}},

		// Escapes and titles.
		{`\sun cream tomorrow`, want{title: "sun cream", date: "2026-11-28"}},
		{"sun cream tomorrow", want{title: "cream", date: "2026-11-29", problems: []string{"two_dates"}}},
		{`work \@home`, want{title: "work @home"}},
		{"  spaced    out\ttitle  ", want{title: "spaced out title"}},
		{"", want{problems: []string{"empty_title"}}},
		{"   ", want{problems: []string{"empty_title"}}},
		{"tomorrow 3pm !", want{date: "2026-11-28", time: "15:00", slot: "afternoon", important: true,
			problems: []string{"empty_title"}}},

		// Chinese dates.
		{"今天 报价", want{title: "报价"}},
		{"明天 报价", want{title: "报价", date: "2026-11-28"}},
		{"后天 交报价", want{title: "交报价", date: "2026-11-29"}},
		{"周日 报价", want{title: "报价", date: "2026-11-29"}},
		{"星期一 报价", want{title: "报价", date: "2026-11-30"}},
		{"礼拜五 报价", want{title: "报价"}},
		{"下周一 报价", want{title: "报价", date: "2026-11-30"}},
		{"下周五 报价", want{title: "报价", date: "2026-12-04"}},
		{"下下周一 报价", want{title: "报价", date: "2026-12-07"}},
		{"本周三 报价", want{title: "报价", date: "2026-11-25"}},
		{"下周 报价", want{title: "报价", date: "2026-11-30"}},
		{"12月1日 投标", want{title: "投标", date: "2026-12-01"}},
		{"11月1号 投标", want{title: "投标", date: "2027-11-01"}},
		{"5号 交报告", want{title: "交报告", date: "2026-12-05"}},
		{"3号楼 验收", want{title: "3号楼 验收"}},
		{"3天后 回访", want{title: "回访", date: "2026-11-30"}},
		{"两周后 复查", want{title: "复查", date: "2026-12-11"}},
		{"13月45日 投标", want{title: "投标", problems: []string{"bad_date"}}},

		// Chinese times.
		{"上午10点半 开会", want{title: "开会", kind: "meeting", time: "10:30", slot: "morning"}},
		{"下午3点 拜访", want{title: "拜访", kind: "visit", time: "15:00", slot: "afternoon"}},
		{"下午 3点 拜访", want{title: "拜访", kind: "visit", time: "15:00", slot: "afternoon"}},
		{"晚上8点 吃饭", want{title: "吃饭", time: "20:00", slot: "evening"}},
		{"中午12点 午餐", want{title: "午餐", time: "12:00", slot: "afternoon"}},
		{"下午三点半 见面", want{title: "见面", time: "15:30", slot: "afternoon"}},
		{"上午十点 开会", want{title: "开会", kind: "meeting", time: "10:00", slot: "morning"}},
		{"下午3点15分 见面", want{title: "见面", time: "15:15", slot: "afternoon"}},
		{"9点 见面", want{title: "见面", time: "09:00", slot: "morning"}},
		{"下午 见面", want{title: "见面", slot: "afternoon"}},
		{"今晚 请客", want{title: "请客", slot: "evening"}},
		{"明早 出发", want{title: "出发", date: "2026-11-28", slot: "morning"}},
		{"下午15点 见面", want{title: "见面", time: "15:00", slot: "afternoon"}},
		{"上午13点 见面", want{title: "见面", problems: []string{"bad_time"}}},
		{"10:00开会", want{title: "开会", kind: "meeting", time: "10:00", slot: "morning"}},

		// Chinese glued to text at the start or the end of a run.
		{"明天下午3点打电话给王总", want{title: "打电话给王总", kind: "call", date: "2026-11-28", time: "15:00", slot: "afternoon"}},
		{"给王总回电话明天", want{title: "给王总回电话", date: "2026-11-28"}},
		{"给王总回电话明天上午", want{title: "给王总回电话", date: "2026-11-28", slot: "morning"}},
		{"周三拜访@李经理", want{title: "拜访李经理", kind: "visit", date: "2026-12-02", client: "李经理", clientID: 3}},
		{"拜访@王总 下午 3点", want{title: "拜访王总", kind: "visit", time: "15:00", slot: "afternoon", client: "王总", clientID: 1}},
		{"@王总明天下午3点 电话", want{title: "给王总打电话", kind: "call", date: "2026-11-28", time: "15:00",
			slot: "afternoon", client: "王总", clientID: 1}},
		{`@"王总" 电话`, want{title: "给王总打电话", kind: "call", client: "王总", clientID: 1}},
		{"#地铁三号线 投标 ！", want{title: "投标", project: "地铁三号线", projectID: 13, important: true}},
		{"王总3点打电话", want{title: "王总3点打电话"}},
		{"3pm开会", want{title: "开会", kind: "meeting", time: "15:00", slot: "afternoon"}},
		{"明天3PM 见客户", want{title: "见客户", date: "2026-11-28", time: "15:00", slot: "afternoon"}},

		// Full-width input from a Chinese IME in full-width mode.
		{"下午３点 拜访", want{title: "拜访", kind: "visit", time: "15:00", slot: "afternoon"}},
		{"１２／１ 投标", want{title: "投标", date: "2026-12-01"}},
		{"＠王总　电话　！", want{title: "给王总打电话", kind: "call", client: "王总", clientID: 1, important: true}},
		{"＋３d 回访", want{title: "回访", date: "2026-11-30"}},

		// Chinese repeat rules.
		{"每天 打卡", want{title: "打卡", repeat: "daily"}},
		{"每天打电话", want{title: "打电话", kind: "call", repeat: "daily"}},
		{"工作日 晨会", want{title: "晨会", repeat: "weekdays"}},
		{"每个工作日 晨会", want{title: "晨会", repeat: "weekdays"}},
		{"每周一 例会", want{title: "例会", date: "2026-11-30", repeat: "weekly"}},
		{"每周例会", want{title: "例会", repeat: "weekly"}},
		{"每月 对账", want{title: "对账", repeat: "monthly"}},
		{"每两周 回访", want{title: "回访", repeat: "every 2 weeks"}},
		{"每3天 跟进", want{title: "跟进", repeat: "every 3 days"}},
		{"工作日志整理", want{title: "工作日志整理"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) { check(t, tt.in, friday, fake, tt.w) })
	}
}

// TestParseWeekEdges checks the weekday words on the days where "today or
// later" and "next week" differ most: a Monday and a Sunday.
func TestParseWeekEdges(t *testing.T) {
	monday, sunday, saturday := day("2026-11-30"), day("2026-11-29"), day("2026-11-28")
	tests := []struct {
		today model.Date
		in    string
		w     want
	}{
		{monday, "x mon", want{title: "x", date: "2026-11-30"}},
		{monday, "x next mon", want{title: "x", date: "2026-12-07"}},
		{monday, "x 下周一", want{title: "x", date: "2026-12-07"}},
		{monday, "x every mon", want{title: "x", date: "2026-11-30", repeat: "weekly"}},
		{monday, "x sun", want{title: "x", date: "2026-12-06"}},
		{sunday, "x mon", want{title: "x", date: "2026-11-30"}},
		{sunday, "x next mon", want{title: "x", date: "2026-11-30"}},
		{sunday, "x 下周一", want{title: "x", date: "2026-11-30"}},
		{sunday, "x 本周一", want{title: "x", date: "2026-11-23"}},
		{sunday, "x 上周五", want{title: "x", date: "2026-11-20"}},
		{sunday, "x 周日", want{title: "x", date: "2026-11-29"}},
		{saturday, "x every weekday", want{title: "x", date: "2026-11-30", repeat: "weekdays"}},
		{saturday, "x 工作日", want{title: "x", date: "2026-11-30", repeat: "weekdays"}},
		{day("2026-12-31"), "x 1/1", want{title: "x", date: "2027-01-01"}},
		{day("2026-12-31"), "x 12/31", want{title: "x", date: "2026-12-31"}},
		{day("2028-02-29"), "x 2/29", want{title: "x", date: "2028-02-29"}},
		{day("2026-01-31"), "x 30号", want{title: "x", date: "2026-03-30"}},
	}
	fake := newFake()
	for _, tt := range tests {
		t.Run(tt.today.String()+" "+tt.in, func(t *testing.T) { check(t, tt.in, tt.today, fake, tt.w) })
	}
}

// TestParseNilResolver keeps names as typed, with no id and no problem.
func TestParseNilResolver(t *testing.T) {
	check(t, `call @Zed #"New Tower" tomorrow`, friday, nil, want{title: "Call Zed", kind: "call",
		date: "2026-11-28", client: "Zed", project: "New Tower"})
	check(t, "call @王总明天", friday, nil, want{title: "Call 王总", kind: "call", date: "2026-11-28", client: "王总"})
}

// TestParseProblemsAreProblems: every problem is a *model.Problem with a
// code and an English message, so the UI can translate it.
func TestParseProblemsAreProblems(t *testing.T) {
	in := `@ # 13/45 25:00 every 0d sun tomorrow @Bob #x #y @"ACME`
	res := Parse(in, friday, newFake())
	if len(res.Problems) < 5 {
		t.Fatalf("Parse(%q) gave %d problems, want at least 5: %v", in, len(res.Problems), res.Problems)
	}
	for _, e := range res.Problems {
		var p *model.Problem
		if !errors.As(e, &p) || p.Code == "" || p.Error() == "" || strings.Contains(p.Error(), "%!") {
			t.Errorf("problem %#v is not a well-formed *model.Problem", e)
		}
	}
}

func TestJoinArgs(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"call", "@ACME Ltd", "tomorrow"}, `call @"ACME Ltd" tomorrow`},
		{[]string{"note", "#Tower B"}, `note #"Tower B"`},
		{[]string{`@"ACME Ltd"`, "x"}, `@"ACME Ltd" x`},
		{[]string{"call", "@王总", "明天"}, "call @王总 明天"},
		{[]string{"buy sun cream", "!"}, "buy sun cream !"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := JoinArgs(tt.args); got != tt.want {
			t.Errorf("JoinArgs(%q) = %q, want %q", tt.args, got, tt.want)
		}
	}
	// What the shell hands `salesplan add call @"ACME Ltd" tomorrow` resolves
	// to the client, not to "ACME" plus a title word "Ltd".
	check(t, JoinArgs([]string{"call", "@ACME Ltd", "tomorrow"}), friday, newFake(),
		want{title: "Call ACME Ltd", kind: "call", date: "2026-11-28", client: "ACME Ltd", clientID: 4})
}

// TestParseDated: Dated tells a typed date word, "today" included, from the
// default date, which the Day pane moves to the day it shows.
func TestParseDated(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"write the proposal", false},
		{"write the proposal today", true},
		{"write the proposal fri", true},
		{"write the proposal 2026-11-27", true},
		{"call Bob 10:00", false},
		{"call Bob every mon", false},
		{"写方案 今天", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Parse(tt.in, friday, nil).Dated; got != tt.want {
				t.Errorf("Dated = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestRepeatWeekdayAgainstTheDate: a rule that names a weekday and a date
// on another weekday contradict each other ("every mon" on a Wednesday
// was kept as a weekly task on Wednesdays): a problem naming both, as
// task edit refuses; the rule's own day, or no date, is fine.
func TestRepeatWeekdayAgainstTheDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" = no problem; else the date the problem names
	}{
		{"call Li every mon 2026-12-09", "2026-12-09"},
		{"call Li 2026-12-09 每周一", "2026-12-09"},
		{"call Li every fri tomorrow", "2026-11-28"},
		{"call Li every fri 2026-12-04", ""},
		{"call Li every fri", ""},
		{"call Li every 2w tomorrow", ""},
		{"call Li every day tomorrow", ""},
	} {
		res := Parse(tc.in, friday, nil)
		var found *model.Problem
		for _, e := range res.Problems {
			if p := model.ProblemOf(e); p != nil && p.Code == CodeRepeatWeekday {
				found = p
			}
		}
		switch {
		case tc.want == "" && found != nil:
			t.Errorf("%q: unexpected %v", tc.in, found)
		case tc.want != "" && (found == nil || !strings.Contains(found.Error(), tc.want)):
			t.Errorf("%q: problems %v; want %s naming %s", tc.in, res.Problems, CodeRepeatWeekday, tc.want)
		}
	}
}
