package uitest

import (
	"fmt"
	"testing"
	"time"

	"salesplan/model"
	"salesplan/storage"
)

// Workday are the ids SeedWorkday made.
type Workday struct {
	Wang, Acme, Li         model.ID // clients
	CallWang, CallAcme     model.ID // today's call tasks
	VisitLi                model.ID // today's afternoon visit
	Overdue, DueSoon, Note model.ID // the promises, and the note about 高考
}

// SeedWorkday writes a rep's Friday (issue 15's flows): key clients with
// phones, a call titled as quick-add titles it ("Call 王总"), another
// call, a visit, an overdue promise whose text is too long for one line,
// a promise due tomorrow, and an old note that says 王总女儿明年高考 inside
// a sentence.
func SeedWorkday(t testing.TB, st *storage.Store) Workday {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var w Workday
	client := func(c model.Client) model.ID {
		c2, err := st.AddClient(c, D(time.October, 1))
		must(err)
		return c2.ID
	}
	w.Wang = client(model.Client{Name: "王总", Tier: model.TierKey, Area: "朝阳", Company: "望京华建",
		Phone: "138 0100 0001", DecisionMaker: "王总本人", Interests: "钓鱼"})
	w.Acme = client(model.Client{Name: "ACME Ltd", Tier: model.TierRegular, Area: "海淀", Phone: "+1 555 0100"})
	w.Li = client(model.Client{Name: "李经理", Tier: model.TierKey, Area: "海淀", Phone: "139 2200 0002"})

	e, err := st.AddEntry(model.JournalEntry{ClientID: w.Wang, Kind: model.EntryNote,
		At: time.Date(2026, 11, 17, 18, 0, 0, 0, time.Local), Text: "王总女儿明年高考，别约周末"})
	must(err)
	w.Note = e.ID
	_, err = st.AddEntry(model.JournalEntry{ClientID: w.Wang, Kind: model.EntryCall,
		At: time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local), Text: "要报价单，周三前"})
	must(err)

	p, err := st.AddPromise(model.Promise{ClientID: w.Wang, Text: "发报价单给采购部，附上冷冻水泵的选型表和三个品牌的价格对比",
		MadeOn: D(time.November, 20), Due: D(time.November, 25)}, Today)
	must(err)
	w.Overdue = p.ID
	p, err = st.AddPromise(model.Promise{ClientID: w.Acme, Text: "Send the pump curves",
		MadeOn: D(time.November, 26), Due: D(time.November, 28)}, Today)
	must(err)
	w.DueSoon = p.ID

	task := func(tk model.Task) model.ID {
		tk2, err := st.AddTask(tk)
		must(err)
		return tk2.ID
	}
	w.CallWang = task(model.Task{Title: "Call 王总", Date: Today, Time: model.ClockAt(9, 0), Kind: model.TaskCall, ClientID: w.Wang, Important: true})
	w.CallAcme = task(model.Task{Title: "Pump lead time", Date: Today, Time: model.ClockAt(10, 30), Kind: model.TaskCall, ClientID: w.Acme})
	w.VisitLi = task(model.Task{Title: "冷站现场踏勘", Date: Today, Time: model.ClockAt(15, 0), Kind: model.TaskVisit, ClientID: w.Li})
	task(model.Task{Title: "写日报", Date: Today, Time: model.ClockAt(19, 30), Kind: model.TaskTodo})
	return w
}

// SeedCarried writes n undone to-dos dated before Today (carried over),
// the first important ones first: "backlog 01" … .
func SeedCarried(t testing.TB, st *storage.Store, n, important int) []model.ID {
	t.Helper()
	var ids []model.ID
	for i := range n {
		tk, err := st.AddTask(model.Task{Title: fmt.Sprintf("backlog %02d", i+1), Date: Today.AddDays(-1 - i%10),
			Kind: model.TaskTodo, Important: i < important})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, tk.ID)
	}
	return ids
}
