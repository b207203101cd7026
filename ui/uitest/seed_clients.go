package uitest

import (
	"testing"
	"time"

	"salesplan/model"
	"salesplan/storage"
)

// IDs are the seeded records a test refers to.
type IDs struct {
	Wang, Li, Zhao, Acme, Chen, Lisa, Old model.ID
	Project                               model.ID
	WangPromise, AcmePromise, ChenPromise model.ID
}

// SeedClients writes a small book of clients through the store's own methods:
// due for follow-up are the key clients 王总 (10 days overdue) and 李经理
// (2 days), both in 朝阳, and the regular ACME Ltd (never contacted);
// 陈工 is due but has a call booked today (scheduled); 赵总 and Lisa Wang
// are not due; 旧客户 is archived. Promises: 王总's and 陈工's are
// overdue, ACME's is due tomorrow, 李经理's next week, one kept on time and
// one cancelled.
func SeedClients(t testing.TB, st *storage.Store) IDs {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var ids IDs
	client := func(c model.Client) model.ID {
		t.Helper()
		c2, err := st.AddClient(c, D(time.October, 1))
		must(err)
		return c2.ID
	}
	at := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, time.Local) }
	entry := func(c model.ID, k model.EntryKind, when time.Time, text string, proj model.ID) {
		t.Helper()
		_, err := st.AddEntry(model.JournalEntry{ClientID: c, ProjectID: proj, Kind: k, At: when, Text: text})
		must(err)
	}
	promise := func(p model.Promise) model.ID {
		t.Helper()
		p2, err := st.AddPromise(p, D(time.November, 1))
		must(err)
		return p2.ID
	}
	ids.Wang = client(model.Client{Name: "王总", Company: "望京华建", Tier: model.TierKey, Area: "朝阳",
		Phone: "138 0000 1111", Business: "机电总包", Needs: "冷冻水泵、控制柜", DecisionMaker: "王总本人",
		Interests: "钓鱼，喜欢喝普洱", ReferredBy: "张工", CreatedOn: D(time.October, 1)})
	ids.Li = client(model.Client{Name: "李经理", Company: "中关村物业", Tier: model.TierKey, Area: "朝阳",
		Phone: "139 2222 3333", DecisionMaker: "李经理", Interests: "Running", CreatedOn: D(time.October, 1)})
	ids.Zhao = client(model.Client{Name: "赵总", Company: "丰台科技园", Tier: model.TierKey, Area: "丰台", CreatedOn: D(time.October, 1)})
	ids.Acme = client(model.Client{Name: "ACME Ltd", Company: "ACME Semiconductor", Tier: model.TierRegular, Area: "海淀",
		Phone: "+86 10 5555 0100", Needs: "UPW pumps", CreatedOn: D(time.September, 1)})
	ids.Chen = client(model.Client{Name: "陈工", Company: "建筑设计研究院", Area: "东城", CreatedOn: D(time.October, 1)})
	ids.Lisa = client(model.Client{Name: "Lisa Wang", Company: "Bright Facility Services", Area: "西城", CreatedOn: D(time.October, 1)})
	ids.Old = client(model.Client{Name: "旧客户", Area: "朝阳", CreatedOn: D(time.January, 5)})
	_, err := st.ArchiveClient(ids.Old)
	must(err)

	proj, err := st.AddProject(model.Project{Name: "望京华建大厦", ClientID: ids.Wang, Stage: model.StageBidding,
		Value: model.MoneyFromMain(1200000), BidDate: D(time.December, 1)}, D(time.November, 2))
	must(err)
	ids.Project = proj.ID

	entry(ids.Wang, model.EntryVisit, at(time.November, 5, 15), "现场踏勘冷站", proj.ID)
	entry(ids.Wang, model.EntryCall, at(time.November, 10, 10), "要报价单，周三前", proj.ID)
	entry(ids.Wang, model.EntryNote, at(time.November, 12, 9), "王总说下个月预算批下来", 0)
	entry(ids.Li, model.EntryVisit, at(time.November, 18, 14), "Walked the plant room with the facilities team", 0)
	entry(ids.Zhao, model.EntryCall, at(time.November, 25, 11), "约了下周见面", 0)
	entry(ids.Chen, model.EntryCall, at(time.October, 20, 11), "图纸已收到", 0)
	entry(ids.Lisa, model.EntryCall, at(time.November, 20, 16), "Quote accepted in principle", 0)

	ids.WangPromise = promise(model.Promise{ClientID: ids.Wang, ProjectID: proj.ID, Text: "发报价单给采购部",
		MadeOn: D(time.November, 10), Due: D(time.November, 25)})
	ids.ChenPromise = promise(model.Promise{ClientID: ids.Chen, Text: "送一套新版选型手册",
		MadeOn: D(time.November, 20), Due: D(time.November, 26)})
	ids.AcmePromise = promise(model.Promise{ClientID: ids.Acme, Text: "Send the pump curves",
		MadeOn: D(time.November, 20), Due: D(time.November, 28)})
	promise(model.Promise{ClientID: ids.Li, Text: "安排一次节能测算汇报", MadeOn: D(time.November, 18), Due: D(time.December, 5)})
	kept := promise(model.Promise{ClientID: ids.Zhao, Text: "寄样品", MadeOn: D(time.November, 10), Due: D(time.November, 20)})
	_, err = st.KeepPromise(kept, D(time.November, 19))
	must(err)
	cancelled := promise(model.Promise{ClientID: ids.Lisa, Text: "Site visit with the boss", MadeOn: D(time.November, 10), Due: D(time.November, 21)})
	_, err = st.CancelPromise(cancelled, D(time.November, 15), "the boss is travelling", Today)
	must(err)

	_, err = st.AddTask(model.Task{Title: "确认样本到货", Date: Today, Time: model.ClockAt(15, 0), Kind: model.TaskCall, ClientID: ids.Chen})
	must(err)
	_, err = st.AddTask(model.Task{Title: "准备投标文件", Date: D(time.November, 29), Kind: model.TaskTodo, ClientID: ids.Wang, ProjectID: proj.ID})
	must(err)
	return ids
}
