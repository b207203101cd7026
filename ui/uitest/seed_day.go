package uitest

import (
	"testing"
	"time"

	"salesplan/model"
	"salesplan/storage"
)

// SeedDay writes a small day through the store's own methods: key clients
// with Chinese names next to a Latin one, carried-over tasks, visits in two
// areas, a done task, an overdue promise, a promise due tomorrow and a bid
// in two days.
func SeedDay(t testing.TB, st *storage.Store) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	d := func(m time.Month, day int) model.Date { return model.MakeDate(2026, m, day) }
	client := func(c model.Client) model.ID {
		c2, err := st.AddClient(c, d(time.October, 1))
		must(err)
		return c2.ID
	}
	wang := client(model.Client{Name: "王总", Tier: model.TierKey, Area: "朝阳", Company: "望京华建",
		Business: "机电总包", Needs: "冷冻水泵", DecisionMaker: "王总本人", Interests: "钓鱼", CreatedOn: d(time.October, 1)})
	acme := client(model.Client{Name: "ACME Ltd", Tier: model.TierRegular, Area: "海淀", CreatedOn: d(time.November, 20)})
	li := client(model.Client{Name: "李经理", Tier: model.TierKey, Area: "海淀", CreatedOn: d(time.November, 20)})
	chen := client(model.Client{Name: "陈工", Tier: model.TierRegular, Area: "东城", CreatedOn: d(time.November, 20)})

	proj, err := st.AddProject(model.Project{Name: "望京华建大厦", ClientID: wang, Stage: model.StageBidding,
		BidDate: d(time.November, 29)}, d(time.November, 2))
	must(err)
	_, err = st.AddEntry(model.JournalEntry{ClientID: wang, ProjectID: proj.ID, Kind: model.EntryCall,
		At: time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local), Text: "要报价单，周三前"})
	must(err)

	_, err = st.AddPromise(model.Promise{ClientID: wang, ProjectID: proj.ID, Text: "发报价单给采购部",
		MadeOn: d(time.November, 20), Due: d(time.November, 25)}, Today)
	must(err)
	_, err = st.AddPromise(model.Promise{ClientID: acme, Text: "Send the pump curves",
		MadeOn: d(time.November, 26), Due: d(time.November, 28)}, Today)
	must(err)

	task := func(tk model.Task) model.ID {
		tk2, err := st.AddTask(tk)
		must(err)
		return tk2.ID
	}
	at := func(h, m int) model.Clock { return model.ClockAt(h, m) }
	task(model.Task{Title: "给王总发备品备件清单", Date: d(time.November, 25), Kind: model.TaskTodo, ClientID: wang, Important: true})
	task(model.Task{Title: "Update the price list", Date: d(time.November, 26), Kind: model.TaskTodo})
	task(model.Task{Title: "确认预付款到账时间", Date: Today, Time: at(9, 0), Kind: model.TaskCall, ClientID: wang, ProjectID: proj.ID, Important: true})
	task(model.Task{Title: "Pump lead time", Date: Today, Time: at(10, 30), Kind: model.TaskCall, ClientID: acme})
	task(model.Task{Title: "冷站现场踏勘", Date: Today, Time: at(14, 0), Kind: model.TaskVisit, ClientID: li})
	task(model.Task{Title: "Drawing review", Date: Today, Time: at(15, 30), Kind: model.TaskVisit, ClientID: acme})
	task(model.Task{Title: "送选型手册", Date: Today, Time: at(16, 30), Kind: model.TaskVisit, ClientID: chen})
	task(model.Task{Title: "写日报，排明天的拜访路线", Date: Today, Time: at(19, 30), Kind: model.TaskTodo})
	done := task(model.Task{Title: "Expense report", Date: Today, Kind: model.TaskTodo})
	task(model.Task{Title: "A very long title that cannot possibly fit in the title column of a narrow terminal", Date: Today, Kind: model.TaskTodo})
	_, err = st.CompleteTask(done, Today, Now, "")
	must(err)
}
