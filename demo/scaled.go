package demo

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"

	"salesplan/model"
	"salesplan/storage"
)

// Sizes of the scaled data set at scale 1: ten years of heavy use.
const (
	scaledYears    = 10
	scaledClients  = 5_000
	scaledTasks    = 100_000
	scaledJournal  = 50_000
	scaledPromises = 5_000
	scaledProjects = 2_000
	scaledLive     = 150 // live projects among scaledProjects
	scaledOpen     = 100 // open promises among scaledPromises
)

// MaxScale bounds WriteScaled: scale 20 is already two million tasks.
const MaxScale = 20

// WriteScaled fills an empty store with ten years of heavy use, for
// benchmarks: at scale 1, 100k tasks, 5k clients, 50k journal entries, 5k
// promises and 2k projects (about 150 live); scale N multiplies every count.
// It is deterministic (a fixed seed) and, like Write, one import.
func WriteScaled(store *storage.Store, today model.Date, scale int) error {
	d, err := scaled(today, scale)
	if err != nil {
		return err
	}
	return d.write(store)
}

// Sizes of the neglect at scale 1 (WriteNeglected).
const (
	neglectedTasks    = 3_000 // carried-over tasks
	neglectedPromises = 2_300 // open promises, all overdue
	neglectedDays     = 90    // the weeks the planner was left alone
)

// WriteNeglected is WriteScaled's ten years, then three months in which the
// planner was left alone: the last 90 days hold no contact, 3,000 tasks of
// those days are left undone (carried over to today), and the latest 2,300
// promises are still open and overdue, and the key clients and live
// projects need their follow-ups: about 2,600 attention items and 4,000 due
// regular clients at scale 1. The worst case for Day and `client list
// --due`. Deterministic, one import, like WriteScaled.
func WriteNeglected(store *storage.Store, today model.Date, scale int) error {
	d, err := scaled(today, scale)
	if err != nil {
		return err
	}
	neglect(d, today, scale)
	return d.write(store)
}

// neglect turns a scaled data set into a neglected one (see WriteNeglected).
// It keeps the ids renumber gave: it only reopens and removes.
func neglect(d *dataset, today model.Date, scale int) {
	from := today.AddDays(-neglectedDays)
	journal := d.journal[:0]
	for _, e := range d.journal {
		if model.DateOf(e.At) < from {
			journal = append(journal, e)
		}
	}
	d.journal = journal
	// Reopen the latest done tasks first, back from yesterday.
	left := neglectedTasks * scale
	for i := len(d.tasks) - 1; i >= 0 && left > 0; i-- {
		t := &d.tasks[i]
		if !t.Done || !t.Date.Valid() || t.Date >= today || t.Date < from.AddDays(-neglectedDays) || t.Repeat != "" {
			continue
		}
		t.Done, t.DoneOn = false, model.NoDate
		left--
	}
	left = neglectedPromises * scale
	for i := len(d.promises) - 1; i >= 0 && left > 0; i-- {
		p := &d.promises[i]
		if p.Status == model.PromiseOpen {
			continue
		}
		p.Status, p.KeptOn = model.PromiseOpen, model.NoDate
		left--
	}
}

// scaled builds the data set; see WriteScaled.
func scaled(today model.Date, scale int) (*dataset, error) {
	if scale < 1 || scale > MaxScale {
		return nil, model.Errf("demo_scale", "the demo scale must be between 1 and %d, not %d", MaxScale, scale)
	}
	g := &gen{
		r:     rand.New(rand.NewPCG(10, uint64(scale))),
		today: today,
		start: today.AddDays(-365 * scaledYears),
		d:     &dataset{settings: model.DefaultSettings()},
		names: map[string]bool{},
	}
	g.settings()
	g.clients(scaledClients * scale)
	g.projects(scaledProjects*scale, scaledLive*scale)
	g.keyContacts()
	g.journal(scaledJournal * scale)
	g.promises(scaledPromises*scale, scaledOpen*scale)
	g.tasks(scaledTasks * scale)
	g.renumber()
	return g.d, nil
}

type gen struct {
	r            *rand.Rand
	today, start model.Date
	d            *dataset
	names        map[string]bool
	created      []model.Date // clients' created dates, ascending (clients are added in that order)
	live         []model.Client
}

func (g *gen) settings() {
	s := &g.d.settings
	for y, target := g.start.Year(), 3_000_000.0; y <= g.today.Year()+1; y, target = y+1, target*1.05 {
		s.AnnualTargets[y] = model.MoneyFromMain(math.Round(target/1000) * 1000)
	}
	// December is the year-end push; February has the Spring Festival.
	for y := g.start.Year(); y <= g.today.Year(); y++ {
		s.MonthTargets[model.Month{Year: y, Month: 12}.String()] = s.AnnualTargets[y] / 6
		s.MonthTargets[model.Month{Year: y, Month: 2}.String()] = s.AnnualTargets[y] / 30
	}
}

// workdayIn returns a random working day in [from, to] (from itself when
// the range has none).
func (g *gen) workdayIn(from, to model.Date) model.Date {
	if to < from {
		return from
	}
	for range 10 {
		d := from.AddDays(g.r.IntN(to.Sub(from) + 1))
		if workday(d) {
			return d
		}
	}
	return from
}

var (
	surnames = []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段")
	given    = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志伟文斌宇浩凯鹏辉鑫晨阳雪梅琳晶婷倩博海波峰亮龙云飞")
	enFirst  = []string{"Northwind", "Harbour", "Summit", "Bluestone", "Evergreen", "Pioneer", "Silverline", "Redwood", "Crescent", "Atlas",
		"Granite", "Lakeside", "Orion", "Meridian", "Beacon", "Sterling", "Cobalt", "Pinnacle", "Riverside", "Horizon"}
	enSecond = []string{"Engineering", "Facilities", "Data Park", "Hotels", "Logistics", "Biotech", "Properties", "Semiconductor", "Construction", "Energy"}
	enSuffix = []string{"Ltd", "Co.", "Group", "Holdings", "Beijing"}
	titles   = []string{"总", "经理", "工", "主任", "老师"}
	areasAll = []string{"朝阳", "海淀", "东城", "西城", "丰台", "石景山", "通州", "亦庄", "顺义", "昌平", "大兴", "房山"}
	bizZH    = []string{"机电安装总包", "园区物业", "设计院暖通所", "医院基建", "数据中心运维", "冷链物流", "商业综合体物业", "学校后勤", "暖通设备经销"}
)

// uniqueName returns name, or name with a number when it is taken: client
// names are unique.
func (g *gen) uniqueName(name string) string {
	out := name
	for i := 2; g.names[out]; i++ {
		out = name + " " + strconv.Itoa(i)
	}
	g.names[out] = true
	return out
}

func (g *gen) clients(n int) {
	created := make([]model.Date, n)
	span := g.today.AddDays(-7).Sub(g.start)
	for i := range created {
		if i < n/20 { // the first book of clients, brought from the previous job
			created[i] = g.start
			continue
		}
		created[i] = g.start.AddDays(g.r.IntN(span))
	}
	slices.Sort(created)
	g.created = created
	for i, on := range created {
		var c model.Client
		if g.r.IntN(5) == 0 {
			c.Name = g.uniqueName(enFirst[g.r.IntN(len(enFirst))] + " " + enSecond[g.r.IntN(len(enSecond))] + " " + enSuffix[g.r.IntN(len(enSuffix))])
			c.Company = c.Name
			c.Business = "Buys pumps, chillers and controls"
		} else {
			name := string(surnames[g.r.IntN(len(surnames))]) + string(given[g.r.IntN(len(given))])
			if g.r.IntN(2) == 0 {
				name += string(given[g.r.IntN(len(given))])
			}
			c.Name = g.uniqueName(name + titles[g.r.IntN(len(titles))])
			c.Business = bizZH[g.r.IntN(len(bizZH))]
		}
		c.Area = areasAll[g.r.IntN(len(areasAll))]
		c.Phone = fmt.Sprintf("1%02d %04d %04d", 30+g.r.IntN(60), g.r.IntN(10000), g.r.IntN(10000))
		c.CreatedOn = on
		if g.r.IntN(20) == 0 {
			c.Tier = model.TierKey
		}
		if i > 0 && g.r.IntN(4) == 0 { // most new clients come through referrals
			c.ReferredBy = g.d.clients[g.r.IntN(i)].Name
		}
		if on < g.today.AddDays(-730) && g.r.IntN(10) == 0 {
			c.Archived = true
		}
		if g.r.IntN(10) == 0 {
			c.CadenceDays = []int{14, 60, 90}[g.r.IntN(3)]
		}
		g.d.addClient(c)
		if !c.Archived {
			g.live = append(g.live, g.d.clients[len(g.d.clients)-1])
		}
	}
}

// clientBy returns a random client created on or before day.
func (g *gen) clientBy(day model.Date) model.Client {
	k := sort.Search(len(g.created), func(i int) bool { return g.created[i] > day })
	if k == 0 {
		k = 1
	}
	return g.d.clients[g.r.IntN(k)]
}

// liveClient returns a random non-archived client.
func (g *gen) liveClient() model.Client { return g.live[g.r.IntN(len(g.live))] }

func (g *gen) entry(c model.Client, project model.ID, kind model.EntryKind, day model.Date, h int) {
	var text string
	switch kind {
	case model.EntryCall:
		text = pick(g.r, callsZH, callsEN, c.Name)
	case model.EntryVisit:
		text = pick(g.r, visitsZH, visitsEN, c.Name)
	case model.EntryMeeting:
		text = pick(g.r, meetingsZH, meetingsEN, c.Name)
	default:
		text = pick(g.r, notesZH, notesEN, c.Name)
	}
	g.d.journal = append(g.d.journal, model.JournalEntry{ClientID: c.ID, ProjectID: project, Kind: kind,
		At: at(day, h, g.r.IntN(60)), Text: text})
}

var projectWords = []string{"冷站改造", "空调系统", "冷水机组", "水泵更换", "洁净空调", "热泵", "冷却塔", "群控系统", "Chiller plant", "Process cooling"}

// projects writes n projects, live of them still being worked; the others
// closed or lost, each with a full stage history and a linked contact per
// stage move.
func (g *gen) projects(n, live int) {
	for i := range n {
		var final model.Stage
		switch {
		case i < 2 && live >= 2: // one bid to prepare for, one result to ask for
			final = model.Stages[1+i]
		case i < live:
			final = model.Stages[g.r.IntN(8)] // lead … acceptance
		case g.r.IntN(100) < 55:
			final = model.StageClosed
		default:
			final = model.StageLost
		}
		// The stages walked: up to final, or for lost up to where it was lost.
		last := final.Index()
		if final == model.StageLost {
			last = g.r.IntN(4) // lost in lead … detailing, mostly around the bid
		}
		walk := slices.Clone(model.Stages[:last+1])
		if final == model.StageLost {
			walk = append(walk, model.StageLost)
		}
		gaps := make([]int, len(walk))
		total := 0
		for j := 1; j < len(walk); j++ {
			gaps[j] = 5 + g.r.IntN(40)
			total += gaps[j]
		}
		var first model.Date
		var c model.Client
		if i < live {
			first = g.today.AddDays(-total - g.r.IntN(20))
			c = g.liveClient()
		} else {
			first = g.workdayIn(g.start.AddDays(30), g.today.AddDays(-total-1))
			c = g.clientBy(first)
		}
		p := model.Project{
			Name:     g.uniqueName(fmt.Sprintf("%s %s %s", c.Area, projectWords[g.r.IntN(len(projectWords))], strconv.Itoa(1000+i))),
			ClientID: c.ID,
			Owner:    c.Company,
			// 2k to 180k, most of them small: about a hundred wins a year
			// make the 3M annual target of a rep this busy.
			Value: model.MoneyFromMain(math.Round(2_000*math.Exp(g.r.Float64()*4.5)/100) * 100),
		}
		on := first
		for j, s := range walk {
			on = on.AddDays(gaps[j])
			p.StageHistory = append(p.StageHistory, model.StageEntry{Stage: s, On: on})
			g.entry(c, model.ID(i+1), model.EntryMeeting, on, 10)
			if s == model.StageBidding {
				p.BidDate = on.AddDays(7 + g.r.IntN(21))
			}
		}
		if i < live {
			switch final {
			case model.StageDesign:
				if i == 0 {
					p.BidDate = g.today.AddDays(1)
				} else if g.r.IntN(2) == 0 {
					p.BidDate = g.today.AddDays(3 + g.r.IntN(60))
				}
			case model.StageBidding:
				// Most bids are still ahead; a few wait for their result.
				if i != 1 && g.r.IntN(5) != 0 {
					p.BidDate = g.today.AddDays(1 + g.r.IntN(30))
				} else {
					p.BidDate = g.today.AddDays(-1 - g.r.IntN(5))
				}
			}
			// A heavy user follows up: most live projects were contacted
			// within their stage's cadence.
			if g.r.IntN(10) != 0 {
				cadence := g.d.settings.StageCadence(final)
				g.entry(c, model.ID(i+1), model.EntryCall, g.today.AddDays(-1-g.r.IntN(cadence-1)), 9+g.r.IntN(3))
			}
		}
		g.d.addProject(p)
	}
}

// keyContacts calls most key clients in the last week, as a heavy user
// does; one in ten was last called one to four weeks ago and is due.
func (g *gen) keyContacts() {
	for _, c := range g.live {
		if c.Tier != model.TierKey {
			continue
		}
		ago := 1 + g.r.IntN(5)
		if g.r.IntN(10) == 0 {
			ago = 8 + g.r.IntN(21)
		}
		g.entry(c, 0, model.EntryCall, g.today.AddDays(-ago), 9+g.r.IntN(3))
	}
}

// journal adds random contacts and notes up to n entries in all.
func (g *gen) journal(n int) {
	kinds := []model.EntryKind{model.EntryCall, model.EntryCall, model.EntryCall, model.EntryCall, model.EntryCall,
		model.EntryCall, model.EntryCall, model.EntryVisit, model.EntryVisit, model.EntryMeeting, model.EntryNote}
	for len(g.d.journal) < n {
		day := g.workdayIn(g.start, g.today.AddDays(-1))
		kind := kinds[g.r.IntN(len(kinds))]
		h := 9 + g.r.IntN(3)
		if kind == model.EntryVisit {
			h = 14 + g.r.IntN(3)
		}
		g.entry(g.clientBy(day), 0, kind, day, h)
	}
}

var promiseTexts = []string{"发报价单", "送样本和选型手册", "安排工厂参观", "提供参考案例", "发技术参数对比表", "开发票",
	"Send the quotation", "Share the reference list", "Arrange a factory visit", "Send the pump curves"}

func (g *gen) promises(n, open int) {
	for i := range n {
		var p model.Promise
		if i < open {
			// Open promises are mostly ahead; one in ten is late.
			c := g.liveClient()
			p = model.Promise{ClientID: c.ID, Status: model.PromiseOpen, Due: g.today.AddDays(g.r.IntN(30))}
			if i%10 == 0 {
				p.Due = g.today.AddDays(-1 - g.r.IntN(5))
			}
			p.MadeOn = p.Due.AddDays(-2 - g.r.IntN(14))
			if p.MadeOn > g.today {
				p.MadeOn = g.today
			}
		} else {
			made := g.workdayIn(g.start, g.today.AddDays(-20))
			p = model.Promise{ClientID: g.clientBy(made).ID, MadeOn: made, Due: made.AddDays(2 + g.r.IntN(14))}
			switch k := g.r.IntN(100); {
			case k < 5:
				p.Status = model.PromiseCancelled
			case k < 20: // kept late
				p.Status, p.KeptOn = model.PromiseKept, p.Due.AddDays(1+g.r.IntN(5))
			default:
				p.Status, p.KeptOn = model.PromiseKept, p.Due.AddDays(-g.r.IntN(3))
			}
		}
		p.Text = promiseTexts[g.r.IntN(len(promiseTexts))]
		g.d.promises = append(g.d.promises, p)
	}
}

// tasks writes n tasks: a weekday call block and a weekly report every week
// of the ten years, a full today, some carried over, a few hundred ahead and
// in the inbox, and the rest done on past working days.
func (g *gen) tasks(n int) {
	add := func(t model.Task) {
		if t.Time.Valid() {
			t.Slot = model.SlotOf(t.Time)
		} else if t.Slot == "" {
			t.Slot = model.SlotAny
		}
		if t.Kind == "" {
			t.Kind = model.TaskTodo
		}
		g.d.tasks = append(g.d.tasks, t)
	}
	for day := g.start; day < g.today; day++ {
		if workday(day) {
			add(model.Task{Title: "上午电话时段：至少30个电话", Date: day, Time: model.ClockAt(8, 30), Done: true, DoneOn: day})
		}
		if day.Weekday() == 5 {
			add(model.Task{Title: "写周报", Date: day, Time: model.ClockAt(17, 0), Done: true, DoneOn: day})
		}
	}
	add(model.Task{Title: "上午电话时段：至少30个电话", Date: g.today, Time: model.ClockAt(8, 30), Repeat: "weekdays"})
	friday := g.today.WeekStart().AddDays(4)
	if friday < g.today {
		friday = friday.AddDays(7)
	}
	add(model.Task{Title: "写周报", Date: friday, Time: model.ClockAt(17, 0), Repeat: "weekly"})
	add(model.Task{Title: "月度对账", Date: model.MonthOf(g.today).Last(), Repeat: "monthly"})

	contact := func(day model.Date, kind model.TaskKind, h int) model.Task {
		c := g.liveClient()
		return model.Task{Title: pick(g.r, callsZH, callsEN, c.Name), Date: day, Kind: kind, ClientID: c.ID,
			Time: model.ClockAt(h, 10*g.r.IntN(6))}
	}
	// Today: six calls, three visits, two todos.
	for i := range 6 {
		add(contact(g.today, model.TaskCall, 9+i/2))
	}
	for i := range 3 {
		add(contact(g.today, model.TaskVisit, 14+i))
	}
	add(model.Task{Title: "写日报", Date: g.today, Time: model.ClockAt(20, 0)})
	add(model.Task{Title: "整理报价单", Date: g.today, Important: true})
	// Carried over, ahead and in the inbox.
	for i := range 40 {
		t := contact(g.today.AddDays(-1-g.r.IntN(30)), model.TaskCall, 10)
		t.Important = i%4 == 0
		add(t)
	}
	for range 300 {
		add(contact(g.workdayIn(g.today.AddDays(1), g.today.AddDays(30)), model.TaskKind([]string{"call", "visit", "meeting"}[g.r.IntN(3)]), 9+g.r.IntN(8)))
	}
	for i := range 150 {
		add(model.Task{Title: "想法 " + strconv.Itoa(i+1) + "：" + promiseTexts[g.r.IntN(len(promiseTexts))]})
	}
	// The rest: done on past working days, a few a day or more late.
	kinds := []model.TaskKind{model.TaskCall, model.TaskCall, model.TaskCall, model.TaskVisit, model.TaskTodo, model.TaskMeeting}
	for len(g.d.tasks) < n {
		day := g.workdayIn(g.start, g.today.AddDays(-1))
		kind := kinds[g.r.IntN(len(kinds))]
		c := g.clientBy(day)
		t := model.Task{Title: pick(g.r, callsZH, callsEN, c.Name), Date: day, Kind: kind, Done: true, DoneOn: day}
		if kind == model.TaskTodo {
			t.Title = promiseTexts[g.r.IntN(len(promiseTexts))]
		} else {
			t.ClientID = c.ID
			t.Time = model.ClockAt(9+g.r.IntN(9), 10*g.r.IntN(6))
		}
		if g.r.IntN(20) == 0 {
			t.DoneOn = day.AddDays(1 + g.r.IntN(3))
			if t.DoneOn > g.today {
				t.DoneOn = g.today
			}
		}
		add(t)
	}
}

// renumber orders tasks, journal and promises by date, as a real history
// would have been written, and gives them ids in that order.
func (g *gen) renumber() {
	d := g.d
	slices.SortStableFunc(d.tasks, func(a, b model.Task) int {
		// Undated (inbox) tasks last.
		ka, kb := int64(a.Date), int64(b.Date)
		if !a.Date.Valid() {
			ka = math.MaxInt64
		}
		if !b.Date.Valid() {
			kb = math.MaxInt64
		}
		if ka != kb {
			return cmp.Compare(ka, kb)
		}
		return cmp.Compare(int64(a.Time), int64(b.Time))
	})
	for i := range d.tasks {
		d.tasks[i].ID = model.ID(i + 1)
	}
	slices.SortStableFunc(d.journal, func(a, b model.JournalEntry) int { return a.At.Compare(b.At) })
	for i := range d.journal {
		d.journal[i].ID = model.ID(i + 1)
	}
	slices.SortStableFunc(d.promises, func(a, b model.Promise) int { return cmp.Compare(int64(a.MadeOn), int64(b.MadeOn)) })
	for i := range d.promises {
		d.promises[i].ID = model.ID(i + 1)
	}
}
