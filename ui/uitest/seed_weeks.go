package uitest

import (
	"testing"
	"time"

	"salesplan/model"
	"salesplan/storage"
)

// SeedWeeks writes two weeks of a rep's work through the store's own methods: targets with a
// December of its own (so the week of 30 Nov – 6 Dec mixes two months'
// rates), key and regular clients with Chinese and Latin names, tasks on
// most days of the weeks of 23 Nov and 30 Nov, calls and visits, promises
// kept on time, late and overdue, a project won and one lost, a bid next
// week, and a key client nobody called.
func SeedWeeks(t testing.TB, st *storage.Store) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.UpdateSettings(func(s *model.Settings) error {
		s.AnnualTargets[2026] = 120000000 // 1,200,000.00: 100,000 a month
		s.MonthTargets["2026-12"] = 20000000
		return nil
	}))
	client := func(c model.Client) model.ID {
		c2, err := st.AddClient(c, D(time.October, 1))
		must(err)
		return c2.ID
	}
	wang := client(model.Client{Name: "王总", Tier: model.TierKey, Area: "朝阳", CreatedOn: D(time.October, 1)})
	acme := client(model.Client{Name: "ACME Ltd", Tier: model.TierRegular, Area: "海淀", CreatedOn: D(time.October, 1)})
	li := client(model.Client{Name: "李经理", Tier: model.TierKey, Area: "海淀", CreatedOn: D(time.October, 1)})
	zhao := client(model.Client{Name: "赵总 *VIP*", Tier: model.TierKey, Area: "东城", CreatedOn: D(time.October, 1)})
	entry := func(c model.ID, k model.EntryKind, day model.Date, h int) {
		_, err := st.AddEntry(model.JournalEntry{ClientID: c, Kind: k, At: day.Time(time.Local).Add(time.Duration(h) * time.Hour), Text: "x"})
		must(err)
	}
	entry(zhao, model.EntryCall, D(time.November, 12), 10)
	for i, n := range []int{12, 30, 8, 15, 3} { // calls Mon..Fri of the week of 23 Nov
		for j := range n {
			c := []model.ID{wang, acme, li}[j%3]
			entry(c, model.EntryCall, D(time.November, 23+i), 9)
		}
	}
	for i, n := range []int{4, 2, 5, 1, 0} { // visits
		for range n {
			entry(li, model.EntryVisit, D(time.November, 23+i), 15)
		}
	}
	entry(wang, model.EntryCall, D(time.November, 30), 9) // next week, another month
	entry(wang, model.EntryVisit, D(time.December, 1), 15)

	p1, err := st.AddProject(model.Project{Name: "望京华建大厦", ClientID: wang, Stage: model.StageDesign, Value: 48000000}, D(time.November, 2))
	must(err)
	_, err = st.SetStage(p1.ID, model.StageBidding, D(time.November, 24), nil, "")
	must(err)
	_, err = st.SetStage(p1.ID, model.StageContract, D(time.November, 26), nil, "")
	must(err)
	p2, err := st.AddProject(model.Project{Name: "Harbour [Phase 2]", ClientID: acme, Stage: model.StageBidding, Value: 9000000}, D(time.November, 23))
	must(err)
	_, err = st.SetStage(p2.ID, model.StageLost, D(time.November, 25), nil, "price")
	must(err)
	_, err = st.AddProject(model.Project{Name: "国贸三期", ClientID: li, Stage: model.StageBidding, Value: 30000000,
		BidDate: D(time.December, 2)}, D(time.November, 10))
	must(err)

	promise := func(c model.ID, text string, made, due model.Date) model.ID {
		p, err := st.AddPromise(model.Promise{ClientID: c, Text: text, MadeOn: made, Due: due}, Today)
		must(err)
		return p.ID
	}
	onTime := promise(wang, "发报价单给采购部", D(time.November, 20), D(time.November, 25))
	late := promise(acme, "Send the pump curves", D(time.November, 16), D(time.November, 20))
	promise(li, "送样品", D(time.November, 23), D(time.November, 26)) // overdue
	promise(wang, "Call back about **delivery**", D(time.November, 27), D(time.December, 3))
	_, err = st.KeepPromise(onTime, D(time.November, 24))
	must(err)
	_, err = st.KeepPromise(late, D(time.November, 23))
	must(err)

	at := func(h, m int) model.Clock { return model.ClockAt(h, m) }
	task := func(tk model.Task) model.ID {
		t2, err := st.AddTask(tk)
		must(err)
		return t2.ID
	}
	done := []model.ID{
		task(model.Task{Title: "确认预付款", Date: D(time.November, 23), Time: at(9, 0), Kind: model.TaskCall, ClientID: wang}),
		task(model.Task{Title: "Drawing review", Date: D(time.November, 24), Time: at(15, 0), Kind: model.TaskVisit, ClientID: acme}),
	}
	task(model.Task{Title: "周报", Date: D(time.November, 23), Kind: model.TaskTodo})
	task(model.Task{Title: "冷站现场踏勘", Date: D(time.November, 25), Time: at(14, 0), Kind: model.TaskVisit, ClientID: li, Important: true})
	task(model.Task{Title: "Pump lead time", Date: D(time.November, 26), Time: at(10, 30), Kind: model.TaskCall, ClientID: acme})
	task(model.Task{Title: "送选型手册", Date: Today, Time: at(16, 30), Kind: model.TaskVisit, ClientID: li})
	task(model.Task{Title: "A very long title that cannot possibly fit in a column", Date: Today, Kind: model.TaskTodo})
	task(model.Task{Title: "客户答谢会", Date: D(time.November, 28), Time: at(18, 0), Kind: model.TaskMeeting, ClientID: wang})
	task(model.Task{Title: "Quote follow-up", Date: D(time.November, 30), Time: at(9, 30), Kind: model.TaskCall, ClientID: acme})
	task(model.Task{Title: "投标文件", Date: D(time.December, 1), Kind: model.TaskTodo, Important: true})
	for _, id := range done {
		_, err := st.CompleteTask(id, Today, Now, "")
		must(err)
	}
}
