package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
)

// seedEdits: clients, a project, tasks and journal entries to correct.
//
//	clients  1 王总 (key)  2 ACME Trading  3 Wang Lei  4 Wang Fang
//	project  1 朝阳医院冷站改造 (王总)
//	tasks    1 call 王总 2026-11-28 10:00, project 1, important "ask about the quote"
//	         2 todo today, important "整理报价模板"
//	         3 visit ACME 2026-11-20 (carried over) "bring the sample"
//	         4 call 王总 today, done (recorded entry 1)
//	journal  1 call 王总 today "wants a quote" (task 4)
//	         2 visit ACME 2026-11-26
//	         3 prospect call today
//	         4 note 王总 today
func seedEdits(h *harness) {
	h.t.Helper()
	h.ok("client", "add", "王总", "--key", "--area", "朝阳", "--phone", "138 0000 1234")
	h.ok("client", "add", "ACME Trading", "--area", "Haidian")
	h.ok("client", "add", "Wang Lei")
	h.ok("client", "add", "Wang Fang")
	h.ok("project", "add", "朝阳医院冷站改造", "--client", "王总", "--stage", "design")
	h.ok("add", "call", "@王总", "tomorrow", "10:00", "ask about the quote", "#朝阳医院冷站改造", "!")
	h.ok("add", "整理报价模板", "!")
	h.ok("add", "visit", "@ACME", "2026-11-20", "bring the sample")
	h.ok("add", "call", "@王总", "today", "confirm the order")
	h.ok("done", "4", "--note", "wants a quote")
	h.ok("log", "visit", "ACME Trading", "Walked the plant", "--on", "2026-11-26")
	h.ok("log", "call", "--prospect", "张工 from the tender site")
	h.ok("note", "王总", "王总女儿明年高考，别约周末")
}

// store opens the harness database as another process would.
func (h *harness) store() *storage.Store {
	h.t.Helper()
	st, err := storage.Open(h.db, storage.Options{})
	if err != nil {
		h.t.Fatal(err)
	}
	return st
}

func (h *harness) task(id model.ID) model.Task {
	h.t.Helper()
	t, err := h.store().Task(id)
	if err != nil {
		h.t.Fatalf("task %d: %v", id, err)
	}
	return t
}

func (h *harness) entry(id model.ID) storage.JournalRow {
	h.t.Helper()
	e, err := h.store().Entry(id)
	if err != nil {
		h.t.Fatalf("entry %d: %v", id, err)
	}
	return e
}

func (h *harness) client(name string) model.Client {
	h.t.Helper()
	c, err := h.store().FindClient(name)
	if err != nil {
		h.t.Fatalf("client %s: %v", name, err)
	}
	return c
}

func day(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestEditCommands: each correction does what it says, says it in one
// line, changes only the fields given, and `salesplan undo` undoes it,
// naming it, back to the same database content (the export is the same).
func TestEditCommands(t *testing.T) {
	h := newHarness(t)
	seedEdits(h)
	task1 := h.task(1)

	tests := []struct {
		name  string
		setup [][]string // run first, undone last
		args  []string
		out   string // stdout
		check func(t *testing.T)
		undo  string // what undo says it undid; "" = nothing was written
	}{
		{name: "task title only", args: []string{"task", "edit", "1", "--title", "Call 王总 about the quote"},
			out: "Changed task #1 “Call 王总 about the quote”: title",
			check: func(t *testing.T) {
				got := h.task(1)
				want := task1
				want.Title, want.Rev = "Call 王总 about the quote", got.Rev
				if got != want {
					t.Errorf("only the title should change:\n got %+v\nwant %+v", got, want)
				}
			},
			undo: "Undone: editing task “Call 王总 about the quote”"},
		{name: "task date word and time", args: []string{"task", "edit", "#1", "--date", "mon", "--time", "15:30"},
			out: "Changed task #1 “ask about the quote”: date 2026-11-30 Mon, time 15:30",
			check: func(t *testing.T) {
				if got := h.task(1); got.Date != day("2026-11-30") || got.Time.String() != "15:30" ||
					got.Slot != model.SlotAfternoon || got.ClientID != task1.ClientID || got.Kind != model.TaskCall {
					t.Errorf("task 1: %+v", got)
				}
			},
			undo: "Undone: moving “ask about the quote” (back to 28 Nov)"},
		{name: "task to the inbox", args: []string{"task", "edit", "2", "--date", ""},
			out: "Changed task #2 “整理报价模板”: date none (inbox)",
			check: func(t *testing.T) {
				if got := h.task(2); got.Date.Valid() || !got.Important {
					t.Errorf("task 2: %+v", got)
				}
			},
			undo: "Undone: moving “整理报价模板” (back to 27 Nov)"},
		{name: "task time cleared keeps its part of the day", args: []string{"task", "edit", "1", "--time", ""},
			out: "Changed task #1 “ask about the quote”: time none",
			check: func(t *testing.T) {
				if got := h.task(1); got.Time.Valid() || got.EffectiveSlot() != model.SlotMorning {
					t.Errorf("task 1: %+v", got)
				}
			},
			undo: "Undone: moving “ask about the quote”"},
		{name: "task kind client project", args: []string{"task", "edit", "3", "--kind", "meeting", "--client", "王总", "--project", "朝阳"},
			out: "Changed task #3 “bring the sample”: kind meeting, client 王总, project 朝阳医院冷站改造",
			check: func(t *testing.T) {
				if got := h.task(3); got.Kind != model.TaskMeeting || got.ClientID != 1 || got.ProjectID != 1 {
					t.Errorf("task 1: %+v", got)
				}
			},
			undo: "Undone: editing task “bring the sample”"},
		{name: "task client and project cleared", args: []string{"task", "edit", "1", "--client", "", "--project", ""},
			out: "client none, project none",
			check: func(t *testing.T) {
				if got := h.task(1); got.ClientID != 0 || got.ProjectID != 0 || !got.Important {
					t.Errorf("task 1: %+v", got)
				}
			},
			undo: "Undone: editing task"},
		{name: "task important off", args: []string{"task", "edit", "2", "--important=false"},
			out: "Changed task #2 “整理报价模板”: important no",
			check: func(t *testing.T) {
				if h.task(2).Important {
					t.Error("task 2 still important")
				}
			},
			undo: "Undone: taking the important flag off “整理报价模板”"},
		{name: "task important on", args: []string{"task", "edit", "3", "--important"},
			out: "important yes", check: func(t *testing.T) {
				if !h.task(3).Important {
					t.Error("task 3 not important")
				}
			},
			undo: "Undone: important flag on “bring the sample”"},
		{name: "task repeat like quick-add", args: []string{"task", "edit", "1", "--repeat", "every 2w"},
			out: "Changed task #1 “ask about the quote”: repeat every 2 weeks",
			check: func(t *testing.T) {
				if got := h.task(1); got.Repeat != "every 2 weeks" || got.Date != task1.Date {
					t.Errorf("task 1: %+v", got)
				}
			},
			undo: "Undone: editing task"},
		{name: "task repeat on a weekday moves it there", args: []string{"task", "edit", "1", "--repeat", "每周一"},
			out: "Changed task #1 “ask about the quote”: date 2026-11-30 Mon, repeat weekly",
			check: func(t *testing.T) {
				if got := h.task(1); got.Repeat != model.RepeatWeekly || got.Date != day("2026-11-30") {
					t.Errorf("task 1: %+v", got)
				}
			},
			undo: "Undone: editing task"},
		{name: "task repeat stopped", setup: [][]string{{"task", "edit", "1", "--repeat", "daily"}},
			args: []string{"task", "edit", "1", "--repeat", "none"}, out: "repeat none",
			check: func(t *testing.T) {
				if got := h.task(1); got.Repeat != "" {
					t.Errorf("task 1: %+v", got)
				}
			},
			undo: "Undone: editing task"},
		{name: "task moved keeps its repeat", setup: [][]string{{"task", "edit", "1", "--repeat", "weekdays"}},
			args: []string{"task", "edit", "1", "--date", "2026-12-01"}, out: "date 2026-12-01 Tue",
			check: func(t *testing.T) {
				if got := h.task(1); got.Repeat != model.RepeatWeekdays || got.Time.String() != "10:00" {
					t.Errorf("task 1: %+v", got)
				}
			},
			undo: "Undone: moving"},
		{name: "task carried over to today", args: []string{"task", "edit", "3", "--date", "today"},
			out: "Changed task #3 “bring the sample”: date 2026-11-27 Fri",
			check: func(t *testing.T) {
				if got := h.task(3); got.Date != day("2026-11-27") {
					t.Errorf("task 3: %+v", got)
				}
			},
			undo: "Undone: moving “bring the sample” (back to 20 Nov)"},
		{name: "task edit in Chinese", args: []string{"--lang", "zh", "task", "edit", "1", "--time", "09:00"},
			out: "已修改任务 #1“ask about the quote”：时间 09:00", check: func(*testing.T) {},
			undo: "已撤销：移动“ask about the quote”（改回 11月28日）"},
		{name: "task edit with the values it has", args: []string{"task", "edit", "1", "--kind", "call", "--client", "王总"},
			out: "Nothing changed: task #1 “ask about the quote” already is so."},

		{name: "postpone a day", args: []string{"task", "postpone", "1"},
			out: "Postponed task #1 “ask about the quote” to 2026-11-29 Sun.",
			check: func(t *testing.T) {
				if got := h.task(1); got.Date != day("2026-11-29") || got.Time.String() != "10:00" {
					t.Errorf("task 1: %+v", got)
				}
			},
			undo: "Undone: moving “ask about the quote” (back to 28 Nov)"},
		{name: "postpone a task carried over", args: []string{"task", "postpone", "3"},
			out: "Postponed task #3 “bring the sample” to 2026-11-28 Sat.",
			check: func(t *testing.T) {
				if got := h.task(3); got.Date != day("2026-11-28") {
					t.Errorf("task 3: %+v", got)
				}
			},
			undo: "Undone: moving “bring the sample” (back to 20 Nov)"},
		{name: "postpone to a date word", args: []string{"--lang", "zh", "task", "postpone", "2", "--to", "下周一"},
			out: "已将任务 #2“整理报价模板”推迟到 2026-11-30 周一。",
			check: func(t *testing.T) {
				if got := h.task(2); got.Date != day("2026-11-30") {
					t.Errorf("task 2: %+v", got)
				}
			},
			undo: "已撤销"},

		{name: "delete a task", args: []string{"task", "delete", "1"},
			out: "Deleted task #1 “ask about the quote”.",
			check: func(t *testing.T) {
				if _, err := h.store().Task(1); !errors.Is(err, storage.ErrNotFound) {
					t.Errorf("task 1 after delete: %v", err)
				}
				if out := h.ok("today"); strings.Contains(out, "ask about") {
					t.Errorf("today still lists it:\n%s", out)
				}
			},
			undo: "Undone: deleting task “ask about the quote”"},
		{name: "delete a done task keeps its call", args: []string{"task", "delete", "4"},
			out: "Deleted task #4 “confirm the order”.",
			check: func(t *testing.T) {
				if e := h.entry(1); e.TaskID != 0 || e.Text != "wants a quote" {
					t.Errorf("the call it recorded: %+v", e)
				}
			},
			undo: "Undone: deleting task “confirm the order”"},

		{name: "journal text and project", args: []string{"journal", "edit", "1", "--text", "wants a quote by Friday", "--project", "朝阳"},
			out: "Changed the call with 王总 on 2026-11-27 (#1): text, project 朝阳医院冷站改造",
			check: func(t *testing.T) {
				if e := h.entry(1); e.Text != "wants a quote by Friday" || e.Project != "朝阳医院冷站改造" || e.TaskID != 4 || e.Kind != model.EntryCall {
					t.Errorf("entry 1: %+v", e)
				}
				if !h.task(4).Done {
					t.Error("task 4 is no longer done")
				}
			},
			undo: "Undone: editing the call with 王总, 27 Nov"},
		{name: "journal date keeps the time of day", args: []string{"journal", "edit", "2", "--on", "2026-11-25"},
			out: "Changed the visit to ACME Trading on 2026-11-25 (#2): date 2026-11-25 Wed",
			check: func(t *testing.T) {
				before, after := h.entry(2).At, h.now
				if before.Hour() != after.Hour() || before.Minute() != after.Minute() || h.entry(2).On() != day("2026-11-25") {
					t.Errorf("entry 2 at %v", before)
				}
			},
			undo: "Undone: editing the visit to ACME Trading, 25 Nov"},
		{name: "journal note becomes a call", args: []string{"journal", "edit", "4", "--kind", "call"},
			out: "Changed the call with 王总 on 2026-11-27 (#4): kind call",
			check: func(t *testing.T) {
				if e := h.entry(4); e.Kind != model.EntryCall {
					t.Errorf("entry 4: %+v", e)
				}
				if n := callsToday(t, h); n != 3 {
					t.Errorf("%d calls today, want 3", n)
				}
			},
			undo: "Undone: editing the call with 王总"},
		{name: "journal prospect call becomes a client's", args: []string{"journal", "edit", "3", "--client", "ACME"},
			out: "Changed the call with ACME Trading on 2026-11-27 (#3): client ACME Trading",
			check: func(t *testing.T) {
				if e := h.entry(3); e.ClientID != h.client("ACME Trading").ID {
					t.Errorf("entry 3: %+v", e)
				}
			},
			undo: "Undone: editing the call with ACME Trading"},
		{name: "journal call becomes a prospect call", args: []string{"--lang", "zh", "journal", "edit", "1", "--client", ""},
			out: "已修改 2026-11-27 的潜在客户电话（#1）：客户 无",
			check: func(t *testing.T) {
				if e := h.entry(1); e.ClientID != 0 || !e.IsProspect() {
					t.Errorf("entry 1: %+v", e)
				}
			},
			undo: "已撤销：编辑电话，11月27日"},
		{name: "journal delete the call a task recorded", args: []string{"journal", "delete", "1"},
			out: "Deleted the call with 王总 on 2026-11-27 (#1); task #4, whose completion recorded it, stays done.",
			check: func(t *testing.T) {
				if _, err := h.store().Entry(1); !errors.Is(err, storage.ErrNotFound) {
					t.Errorf("entry 1 after delete: %v", err)
				}
				if got := h.task(4); !got.Done || got.DoneOn != day("2026-11-27") {
					t.Errorf("task 4: %+v", got)
				}
				if n := callsToday(t, h); n != 1 {
					t.Errorf("%d calls today, want the prospect call only", n)
				}
			},
			undo: "Undone: deleting the call with 王总, 27 Nov"},
		{name: "journal delete a prospect call", args: []string{"journal", "delete", "3"},
			out: "Deleted the prospect call on 2026-11-27 (#3).", check: func(*testing.T) {},
			undo: "Undone: deleting the call, 27 Nov"},
		{name: "journal delete in Chinese", args: []string{"--lang", "zh", "journal", "delete", "2"},
			out: "已删除 2026-11-26 拜访ACME Trading（#2）。", check: func(*testing.T) {},
			undo: "已撤销：删除拜访ACME Trading，11月26日"},
		{name: "journal edit with the values it has", args: []string{"journal", "edit", "2", "--kind", "visit", "--on", "2026-11-26"},
			out: "Nothing changed: the visit to ACME Trading on 2026-11-26 (#2) already is so."},

		{name: "client profile", args: []string{"client", "edit", "王总", "--company", "宏达机电", "--area", "海淀",
			"--phone", "139 1111 2222", "--business", "冷站", "--needs", "节能", "--decision-maker", "王总本人",
			"--interests", "钓鱼", "--referred-by", "李工"},
			out: "Changed client 王总 (#1): company, area, phone, business, needs, decision maker, interests, referred by",
			check: func(t *testing.T) {
				c := h.client("王总")
				if c.Company != "宏达机电" || c.Area != "海淀" || c.Phone != "139 1111 2222" || c.Business != "冷站" ||
					c.Needs != "节能" || c.DecisionMaker != "王总本人" || c.Interests != "钓鱼" || c.ReferredBy != "李工" ||
					c.Tier != model.TierKey {
					t.Errorf("client: %+v", c)
				}
			},
			undo: "Undone: editing client 王总"},
		{name: "client name tier cadence", args: []string{"client", "edit", "acme", "--name", "ACME Trading Ltd", "--key", "--cadence", "14"},
			out: "Changed client ACME Trading Ltd (#2): name, tier key, cadence 14 days",
			check: func(t *testing.T) {
				if c := h.client("ACME Trading Ltd"); c.Tier != model.TierKey || c.CadenceDays != 14 || c.Area != "Haidian" {
					t.Errorf("client: %+v", c)
				}
				if out := h.ok("journal", "list", "ACME Trading Ltd"); !strings.Contains(out, "Walked the plant") {
					t.Errorf("the renamed client's journal:\n%s", out)
				}
			},
			undo: "Undone: editing client ACME Trading Ltd"},
		{name: "client regular, cleared phone", args: []string{"client", "edit", "王总", "--regular", "--phone", ""},
			out: "Changed client 王总 (#1): tier regular, phone",
			check: func(t *testing.T) {
				if c := h.client("王总"); c.Tier != model.TierRegular || c.Phone != "" || c.Area != "朝阳" {
					t.Errorf("client: %+v", c)
				}
			},
			undo: "Undone: editing client 王总"},
		{name: "client name cleaned of zero-width characters", args: []string{"client", "edit", "Wang Lei", "--name", "\u200bWang Lei Jr\u200d"},
			out: "Changed client Wang Lei Jr (#3): name",
			check: func(t *testing.T) {
				if c := h.client("Wang Lei Jr"); c.Name != "Wang Lei Jr" {
					t.Errorf("client: %q", c.Name)
				}
			},
			undo: "Undone: editing client Wang Lei Jr"},
		{name: "client archived", args: []string{"client", "edit", "Wang Fang", "--archived"},
			out: "Changed client Wang Fang (#4): archived yes",
			check: func(t *testing.T) {
				if !h.client("Wang Fang").Archived {
					t.Error("not archived")
				}
			},
			undo: "Undone: archiving client Wang Fang"},
		{name: "client archived stays archived", setup: [][]string{{"client", "edit", "Wang Fang", "--archived"}},
			args: []string{"client", "edit", "Wang Fang", "--phone", "135"}, out: "Changed client Wang Fang (#4): phone",
			check: func(t *testing.T) {
				if c := h.client("Wang Fang"); !c.Archived || c.Phone != "135" {
					t.Errorf("client: %+v", c)
				}
			},
			undo: "Undone: editing client Wang Fang"},
		{name: "client back from the archive", setup: [][]string{{"client", "edit", "Wang Fang", "--archived"}},
			args: []string{"--lang", "zh", "client", "edit", "Wang Fang", "--archived=false", "--cadence", "0"},
			out:  "已修改客户 Wang Fang（#4）：已归档 否",
			check: func(t *testing.T) {
				if h.client("Wang Fang").Archived {
					t.Error("still archived")
				}
			},
			undo: "已撤销：编辑客户Wang Fang"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, s := range tc.setup {
				h.ok(s...)
			}
			export := h.ok("export")
			before := h.dbBytes()
			out := h.ok(tc.args...)
			if lines := strings.Split(strings.TrimRight(out, "\n"), "\n"); len(lines) != 1 || !strings.Contains(out, tc.out) {
				t.Errorf("stdout %q, want one line with %q", out, tc.out)
			}
			if tc.undo == "" {
				if !bytes.Equal(before, h.dbBytes()) {
					t.Error("a command that changed nothing wrote to the database")
				}
				return
			}
			tc.check(t)
			undo := []string{"undo"}
			if tc.args[0] == "--lang" {
				undo = append(tc.args[:2:2], "undo")
			}
			if got := h.ok(undo...); !strings.Contains(got, tc.undo) {
				t.Errorf("undo said %q, want %q", got, tc.undo)
			}
			if got := h.ok("export"); got != export {
				t.Errorf("after undo the data differs from before:\nbefore %s\nafter  %s", export, got)
			}
			for range tc.setup {
				h.ok("undo")
			}
		})
	}
}

// TestEditFailures: bad input gives one line on stderr, exit 1, nothing on
// stdout, and leaves the database byte for byte as it was.
func TestEditFailures(t *testing.T) {
	h := newHarness(t)
	seedEdits(h)
	h.ok("add", "整理名片") // task 5, today
	h.ok("task", "edit", "5", "--date", "")
	longTitle := strings.Repeat("标", model.MaxTitleChars+1)
	longText := strings.Repeat("x", model.MaxTextBytes+1)
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"task unknown id", []string{"task", "edit", "999", "--title", "x"}, []string{"#999"}},
		{"task bad date", []string{"task", "edit", "1", "--date", "2026-02-30"}, []string{"2026-02-30"}},
		{"task bad date word", []string{"task", "edit", "1", "--date", "someday"}, []string{"someday"}},
		{"task bad time", []string{"task", "edit", "1", "--time", "25:00"}, []string{"25:00", "HH:MM"}},
		{"task bad kind", []string{"task", "edit", "1", "--kind", "email"}, []string{"email", "call, visit, meeting, todo"}},
		{"task unknown client", []string{"task", "edit", "1", "--client", "Nobody"}, []string{"Nobody"}},
		{"task ambiguous client", []string{"task", "edit", "1", "--client", "wang"}, []string{"Wang Lei", "Wang Fang"}},
		{"task unknown project", []string{"task", "edit", "1", "--project", "Bridge"}, []string{"Bridge"}},
		{"task title too long", []string{"task", "edit", "1", "--title", longTitle}, []string{"#1", "501 characters", "500"}},
		{"task title too long zh", []string{"--lang", "zh", "task", "edit", "1", "--title", longTitle}, []string{"上限为 500 个字符"}},
		{"task empty title", []string{"task", "edit", "1", "--title", "  "}, []string{"title"}},
		{"task bad repeat", []string{"task", "edit", "1", "--repeat", "sometimes"}, []string{"sometimes"}},
		{"task repeat with a date", []string{"task", "edit", "1", "--repeat", "every 2w tomorrow"}, []string{"every 2w tomorrow"}},
		{"task weekday rule on another day", []string{"task", "edit", "1", "--repeat", "every mon", "--date", "2026-12-02"},
			[]string{"every mon", "Mon", "2026-12-02", "Wed"}},
		{"task time without a date", []string{"task", "edit", "5", "--time", "10:00"}, []string{"#5", "needs a date", "--date"}},
		{"task inbox keeps its time", []string{"task", "edit", "1", "--date", ""}, []string{"needs a date", `--time ""`}},
		{"task repeat without a date", []string{"task", "edit", "5", "--repeat", "daily"}, []string{"needs a date", "--repeat none"}},
		{"task inbox zh", []string{"--lang", "zh", "task", "edit", "1", "--date", "none"}, []string{"需要日期", `--time ""`}},
		{"postpone unknown", []string{"task", "postpone", "999"}, []string{"#999"}},
		{"postpone into the past", []string{"task", "postpone", "1", "--to", "yesterday"}, []string{"yesterday", "before today"}},
		{"postpone bad date", []string{"task", "postpone", "1", "--to", "2026-13-01"}, []string{"2026-13-01"}},
		{"postpone a done task", []string{"task", "postpone", "4"}, []string{"#4", "2026-11-27"}},
		{"delete unknown", []string{"task", "delete", "999"}, []string{"#999"}},

		{"journal unknown id", []string{"journal", "edit", "999", "--text", "x"}, []string{"#999"}},
		{"journal text too long", []string{"journal", "edit", "4", "--text", longText}, []string{"64 KiB"}},
		{"journal note emptied", []string{"journal", "edit", "4", "--text", ""}, []string{"empty"}},
		{"journal in the future", []string{"journal", "edit", "1", "--on", "tomorrow"}, []string{"tomorrow", "after today"}},
		{"journal bad date", []string{"journal", "edit", "1", "--on", "2026-02-30"}, []string{"2026-02-30"}},
		{"journal bad kind", []string{"journal", "edit", "1", "--kind", "email"}, []string{"email", "note, call, visit, meeting"}},
		{"journal prospect made a visit", []string{"journal", "edit", "3", "--kind", "visit"}, []string{"visit needs a client"}},
		{"journal visit without a client", []string{"journal", "edit", "2", "--client", ""}, []string{"visit needs a client"}},
		{"journal prospect with a project", []string{"journal", "edit", "3", "--project", "朝阳"}, []string{"prospect call has no project"}},
		{"journal unknown project", []string{"journal", "edit", "1", "--project", "Bridge"}, []string{"Bridge"}},
		{"journal unknown client", []string{"journal", "edit", "1", "--client", "Nobody"}, []string{"Nobody"}},
		{"journal delete unknown", []string{"journal", "delete", "999"}, []string{"#999"}},
		{"journal delete unknown zh", []string{"--lang", "zh", "journal", "delete", "999"}, []string{"#999", "记录"}},

		{"client unknown", []string{"client", "edit", "Nobody", "--phone", "1"}, []string{"Nobody"}},
		{"client ambiguous", []string{"client", "edit", "wang", "--phone", "1"}, []string{"Wang Lei", "Wang Fang"}},
		{"client name only zero-width", []string{"client", "edit", "王总", "--name", "\u200b\u200d\ufeff"}, []string{"name is empty"}},
		{"client name only spaces", []string{"client", "edit", "王总", "--name", "   "}, []string{"name is empty"}},
		{"client renamed onto another", []string{"client", "edit", "acme", "--name", "王总"}, []string{"王总", "already"}},
		{"client renamed onto another in any case", []string{"client", "edit", "王总", "--name", "acme trading"}, []string{`"ACME Trading"`, "already"}},
		{"client name too long", []string{"client", "edit", "王总", "--name", longTitle}, []string{"500 characters"}},
		{"client needs too long", []string{"client", "edit", "王总", "--needs", longText}, []string{"64 KiB"}},
		{"client negative cadence", []string{"client", "edit", "王总", "--cadence", "-1"}, []string{"-1"}},
		{"client cadence too long", []string{"client", "edit", "王总", "--cadence", "5000"}, []string{"5000"}},
		{"client renamed zh", []string{"--lang", "zh", "client", "edit", "acme", "--name", "王总"}, []string{"已有名为“王总”的客户"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := h.dbBytes()
			r := h.run(tc.args...)
			if r.code != ExitFail {
				t.Fatalf("exit %d, want 1\nstdout: %s\nstderr: %s", r.code, r.out, r.err)
			}
			lines := stderrLines(r.err)
			if len(lines) != 1 {
				t.Fatalf("stderr has %d lines, want 1:\n%s", len(lines), r.err)
			}
			for _, w := range tc.want {
				if !strings.Contains(lines[0], w) {
					t.Errorf("stderr %q does not mention %q", lines[0], w)
				}
			}
			if strings.Contains(lines[0], "!cli.") || strings.Contains(lines[0], "!err.") || strings.Contains(lines[0], "!word.") {
				t.Errorf("a catalog key is missing: %q", lines[0])
			}
			if len(lines[0]) > 400 {
				t.Errorf("the error line echoes the whole input (%d bytes)", len(lines[0]))
			}
			if r.out != "" {
				t.Errorf("stdout should be empty on failure, got %q", r.out)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Errorf("the database file changed")
			}
		})
	}
}

// TestEditUsage: an edit with nothing to change, a missing or extra
// argument, a bad flag: exit 2 with the error and a hint, nothing written.
func TestEditUsage(t *testing.T) {
	h := newHarness(t)
	seedEdits(h)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"task edit without flags", []string{"task", "edit", "1"}, "--title"},
		{"task edit without id", []string{"task", "edit", "--title", "x"}, "task edit ID"},
		{"task edit two ids", []string{"task", "edit", "1", "2", "--title", "x"}, "2"},
		{"task edit bad bool", []string{"task", "edit", "1", "--important=maybe"}, "maybe"},
		{"task id not a number", []string{"task", "edit", "abc", "--title", "x"}, `"abc" is not a task number`},
		{"delete id zero", []string{"task", "delete", "0"}, `"0"`},
		{"journal id not a number", []string{"journal", "edit", "x1", "--text", "x"}, `"x1" is not a journal entry number`},
		{"task edit unknown flag", []string{"task", "edit", "1", "--colour", "red"}, "--colour"},
		{"task alone", []string{"task"}, "task"},
		{"task unknown subcommand", []string{"task", "remove", "1"}, "remove"},
		{"postpone without id", []string{"task", "postpone"}, "postpone ID"},
		{"delete without id", []string{"task", "delete"}, "delete ID"},
		{"journal edit without flags", []string{"journal", "edit", "1"}, "--text"},
		{"journal delete two ids", []string{"journal", "delete", "1", "2"}, "2"},
		{"client edit without flags", []string{"client", "edit", "王总"}, "--name"},
		{"client edit key and regular", []string{"client", "edit", "王总", "--key", "--regular"}, "--regular"},
		{"client edit cadence not a number", []string{"client", "edit", "王总", "--cadence", "weekly"}, "weekly"},
		{"zh without flags", []string{"--lang", "zh", "task", "edit", "1"}, "至少给出"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := h.dbBytes()
			r := h.run(tc.args...)
			lines := stderrLines(r.err)
			if r.code != ExitUsage || len(lines) != 2 || !strings.Contains(lines[0], tc.want) || !strings.Contains(lines[1], "--help") {
				t.Errorf("exit %d, want 2 with the error naming %q and a hint:\n%s", r.code, tc.want, r.err)
			}
			if !bytes.Equal(before, h.dbBytes()) {
				t.Errorf("the database file changed")
			}
		})
	}
	// Bad usage on a path with no database creates none.
	h2 := newHarness(t)
	if r := h2.run("task", "edit", "1"); r.code != ExitUsage || h2.dbBytes() != nil {
		t.Errorf("exit %d; database created: %v", r.code, h2.dbBytes() != nil)
	}
}

// Names and texts echoed back by the corrections are inert.
func TestEditOutputIsInert(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "Evil\x1b[31mRed")
	h.ok("client", "add", "Other")
	h.ok("add", "call", "@Evil", "\x1b[5mblink\rover")
	h.ok("log", "call", "Evil", "said \x1b]8;;http://x\x07hi")
	h.ok("project", "add", "P\x1b[1mroject", "--client", "Evil")
	for _, args := range [][]string{
		{"task", "edit", "1", "--title", "new \x1b[2Jtitle\u202e", "--project", "P"},
		{"task", "postpone", "1"},
		{"journal", "edit", "1", "--text", "x", "--project", "P"},
		{"client", "edit", "Evil", "--phone", "1\x1b[2J38", "--area", "a\x07b"},
		{"client", "edit", "Other", "--name", "O\x1b[31mther2"},
		{"journal", "delete", "1"},
		{"task", "delete", "1"},
		{"undo"}, {"undo"},
	} {
		out := h.ok(args...)
		if strings.ContainsAny(out, "\x1b\x07\r\u202e") {
			t.Errorf("%v passes a control sequence through: %q", args, out)
		}
	}
	r := h.run("client", "edit", "Evil", "--name", "O\x1b[31mther2")
	if r.code != ExitFail || strings.ContainsAny(r.err, "\x1b\x07") || !strings.Contains(r.err, "ther2") {
		t.Errorf("a duplicate name echoed: exit %d %q", r.code, r.err)
	}
}

func TestEditCompletion(t *testing.T) {
	h := newHarness(t)
	seedEdits(h)
	h.ok("note", "王总", strings.Repeat("很长的笔记", 200))
	for _, tc := range []struct {
		args []string
		want []string
		not  string
	}{
		// today's list: today's tasks and the ones carried over, not tomorrow's
		{[]string{"task", "edit", ""}, []string{"2\t整理报价模板", "3\tbring the sample", "4\tconfirm the order"}, "1\t"},
		{[]string{"task", "postpone", "3"}, []string{"3\tbring the sample"}, "整理"},
		{[]string{"task", "delete", "1", ""}, nil, "\t"},
		{[]string{"journal", "delete", ""}, []string{"1\tcall 王总 wants a quote", "3\tcall 张工"}, "2\t"},
		{[]string{"client", "edit", "AC"}, []string{"ACME Trading"}, "王总"},
		{[]string{"task", "edit", "1", "--kind", "v"}, []string{"visit"}, "todo"},
		{[]string{"task", "edit", "1", "--client", "王"}, []string{"王总"}, "ACME"},
		{[]string{"task", "edit", "1", "--repeat", "week"}, []string{"weekly", "weekdays"}, "daily"},
		{[]string{"journal", "edit", "1", "--kind", "n"}, []string{"note"}, "call"},
		{[]string{"journal", "edit", "1", "--project", "朝"}, []string{"朝阳医院冷站改造"}, "ACME"},
	} {
		out := h.ok(append([]string{"__complete"}, tc.args...)...)
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("complete %v: %q lacks %q", tc.args, out, w)
			}
		}
		if tc.not != "" && strings.Contains(out, tc.not) {
			t.Errorf("complete %v: %q offers %q", tc.args, out, tc.not)
		}
	}
	out := h.ok("__complete", "journal", "edit", "")
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("a completion runs on: %q", l)
		}
	}
}

// Several commands edit one task at once, each its own field: every value
// survives (an edit merges only the fields it was given onto the task as
// stored). Two commands setting the same field either both succeed, one
// after the other, or one is refused with one line saying it was changed
// meanwhile — never a silent overwrite of what it read.
func TestConcurrentEditsKeepEveryField(t *testing.T) {
	h := newHarness(t)
	seedEdits(h)
	for round := range 4 {
		title := "round " + string(rune('A'+round))
		hour := []string{"08:00", "13:30", "19:15", "09:45"}[round]
		kind := []string{"visit", "meeting", "todo", "call"}[round]
		important := []string{"--important=false", "--important=true"}[round%2]
		area := "区域" + string(rune('一'+round))
		cmds := [][]string{
			{"task", "edit", "1", "--title", title},
			{"task", "edit", "1", "--time", hour},
			{"task", "edit", "1", "--kind", kind},
			{"task", "edit", "1", important},
			{"client", "edit", "王总", "--area", area},
			{"journal", "edit", "4", "--text", title},
		}
		results := make(chan result, len(cmds))
		for _, args := range cmds {
			go func() { results <- h.run(args...) }()
		}
		for range cmds {
			if r := <-results; r.code != 0 {
				t.Fatalf("round %d: exit %d: %s", round, r.code, r.err)
			}
		}
		got := h.task(1)
		if got.Title != title || got.Time.String() != hour || string(got.Kind) != kind || got.Important != (round%2 == 1) {
			t.Errorf("round %d: a concurrent edit was lost: %+v", round, got)
		}
		if c := h.client("王总"); c.Area != area {
			t.Errorf("round %d: area %q", round, c.Area)
		}
		if e := h.entry(4); e.Text != title {
			t.Errorf("round %d: note %q", round, e.Text)
		}
	}

	// The same field from two commands at once.
	refused := 0
	for round := range 6 {
		a, b := "first "+string(rune('a'+round)), "second "+string(rune('a'+round))
		results := make(chan result, 2)
		for _, v := range []string{a, b} {
			go func() { results <- h.run("task", "edit", "2", "--title", v) }()
		}
		for range 2 {
			r := <-results
			switch {
			case r.code == 0:
			case r.code == ExitFail && len(stderrLines(r.err)) == 1 && strings.Contains(r.err, "changed by another salesplan"):
				refused++
			default:
				t.Errorf("round %d: exit %d %q", round, r.code, r.err)
			}
		}
		if got := h.task(2).Title; got != a && got != b {
			t.Errorf("round %d: title %q", round, got)
		}
	}
	t.Logf("%d of 12 same-field edits refused as changed meanwhile", refused)
}

// The line for an edit refused because another process changed the same
// field between the command's read and its write.
func TestEditChangedDuringTheCommand(t *testing.T) {
	for _, tc := range []struct {
		lang, kind, want string
	}{
		{"en", "task", "task #7 was changed by another salesplan while this command ran (title, date); nothing was saved: run it again"},
		{"en", "entry", "journal entry #7 was changed"},
		{"zh", "client", "客户 #7 被另一个 salesplan 修改了（title, date）"},
	} {
		var errb bytes.Buffer
		a := &app{stderr: &errb}
		a.lang = i18n.Lang(tc.lang)
		err := a.editFailed(&storage.ConflictError{Kind: tc.kind, ID: 7, Fields: []string{"title", "date"}}, tc.kind, 7, "cli.err.task_edit", 7)
		if got := a.explain(err); !strings.Contains(got, tc.want) {
			t.Errorf("%s %s: %q, want %q", tc.lang, tc.kind, got, tc.want)
		}
	}
}

// At the limits the corrections keep every byte: a 500-character title or
// name, a 64 KiB note or profile field, multi-line text with its tabs.
func TestEditAtTheLimits(t *testing.T) {
	h := newHarness(t)
	seedEdits(h)
	title := strings.Repeat("标", model.MaxTitleChars)
	text := "第一行\n\tsecond line\n" + strings.Repeat("记", (model.MaxTextBytes-len("第一行\n\tsecond line\n"))/3)
	text += strings.Repeat("x", model.MaxTextBytes-len(text))
	h.ok("task", "edit", "1", "--title", title)
	h.ok("journal", "edit", "4", "--text", text)
	h.ok("client", "edit", "ACME", "--name", title, "--needs", text)
	if got := h.task(1).Title; got != title {
		t.Errorf("title kept %d of %d characters", len([]rune(got)), len([]rune(title)))
	}
	if got := h.entry(4).Text; got != text {
		t.Errorf("note kept %d of %d bytes", len(got), len(text))
	}
	if c := h.client(title); c.Needs != text {
		t.Errorf("needs kept %d of %d bytes", len(c.Needs), len(text))
	}
}

// The keys the corrections build from a field or kind name are all in the
// catalog (the catalog test finds only literal keys).
func TestEditKeysExist(t *testing.T) {
	var keys []string
	for _, f := range []string{"title", "date", "time", "kind", "client", "project", "important", "repeat", "text",
		"name", "tier", "company", "area", "phone", "cadence", "business", "needs", "decision_maker", "interests",
		"referred_by", "archived"} {
		keys = append(keys, "cli.edited."+f)
	}
	for _, k := range []string{"note", "call", "visit", "meeting", "prospect"} {
		keys = append(keys, "cli.entry.desc."+k)
	}
	for _, k := range []string{"call", "visit", "meeting", "todo", "note"} {
		keys = append(keys, "kind."+k)
	}
	for _, r := range []string{"daily", "weekdays", "weekly", "monthly", "days", "weeks"} {
		keys = append(keys, "day.repeat."+r)
	}
	keys = append(keys, "cli.err.task_time_needs_date", "cli.err.task_repeat_needs_date", "cli.word.entry",
		"word.task", "word.client", "tier.key", "tier.regular", "undo.delete_entry", "undone.delete_entry")
	for _, k := range keys {
		if !i18n.Has(k) {
			t.Errorf("%s is not in the catalog", k)
		}
	}
}
