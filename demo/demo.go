package demo

import (
	"math/rand/v2"
	"time"

	"salesplan/model"
	"salesplan/storage"
)

// Write fills an empty store with a believable month of a field rep's work
// in Beijing, every date relative to today so the demo always looks current:
// key and regular clients across several districts, projects in every stage,
// promises overdue, due soon and kept, a full day planned for today, carried
// over and repeating tasks, and a month of calls, visits, meetings and notes.
// A store that already holds data is refused with storage.ErrNotEmpty.
func Write(store *storage.Store, today model.Date) error {
	return month(today).write(store)
}

// clientSpec is a hand-written demo client. created and quiet are days
// before today: quiet > 0 means the client was last contacted exactly then
// (a scripted journal entry), quiet < 0 never; this is how the demo makes
// follow-ups come due. quiet 0: contacted at random all month.
type clientSpec struct {
	c       model.Client
	created int
	quiet   int
}

func demoClients() []clientSpec {
	key := model.TierKey
	return []clientSpec{
		{model.Client{Name: "王总", Company: "北京华建机电工程有限公司", Tier: key, Area: "朝阳", Phone: "138 1102 6631",
			Business: "机电安装总包，做写字楼和商业综合体", Needs: "望京新办公楼要冷冻水泵和变频控制，明年一季度进场",
			DecisionMaker: "王总本人拍板，采购部刘姐执行", Interests: "喜欢钓鱼和普洱茶；儿子在英国读书", ReferredBy: "李经理"}, 420, 0},
		{model.Client{Name: "李经理", Company: "中关村科技园物业管理有限公司", Tier: key, Area: "海淀", Phone: "139 1017 4420",
			Business: "园区物业，管理12栋办公楼的机电运维", Needs: "老旧冷站改造、节能改造，希望有合同能源管理方案",
			DecisionMaker: "总经理孙总；李经理负责技术评估", Interests: "跑马拉松；关注碳排放政策"}, 700, 0},
		{model.Client{Name: "陈工", Company: "北京市建筑设计研究院 第三所", Tier: key, Area: "东城", Phone: "136 0115 8872",
			Business: "设计院暖通专业负责人，项目前期选型", Needs: "设备选型资料、BIM族库和节能计算书",
			DecisionMaker: "所长定方案，陈工做选型", Interests: "喜欢摄影，周末常去故宫拍", ReferredBy: "王总"}, 560, 9},
		{model.Client{Name: "ACME Ltd", Company: "ACME Semiconductor (Beijing) Ltd", Tier: key, Area: "亦庄", Phone: "+86 10 6788 2100",
			Business: "Semiconductor fab, 12-inch line expansion", Needs: "Ultra-pure water and process cooling for Fab 2; strict uptime SLA",
			DecisionMaker: "Facility director David Chen; procurement signs off", Interests: "Cycling; wants an English summary after every meeting",
			ReferredBy: "Harbour Engineering"}, 300, 0},
		{model.Client{Name: "Harbour Engineering", Company: "Harbour Engineering (Beijing) Co.", Tier: key, Area: "朝阳", Phone: "+86 10 8532 7700",
			Business: "Hong Kong M&E contractor; retail and hotel fit-outs", Needs: "Pumps and control panels for the Sanlitun retail fit-out; fast delivery",
			DecisionMaker: "Project director Michael Lau", Interests: "Hiking; dim sum near Guomao"}, 380, 16},
		{model.Client{Name: "赵总", Company: "丰台科技园开发有限公司", Tier: key, Area: "丰台", Phone: "137 0120 5518",
			Business: "园区开发商，三期在建", Needs: "B座、C座空调系统，关注全生命周期成本",
			DecisionMaker: "赵总拍板，工程部马工技术把关", Interests: "爱打羽毛球；河北保定人", ReferredBy: "陈工"}, 250, 9},
		{model.Client{Name: "刘主任", Company: "北京城市副中心医院 基建处", Tier: key, Area: "通州", Phone: "135 2210 7736",
			Business: "医院基建，二期门诊楼和住院楼", Needs: "洁净手术部空调和冷热源，走政府采购招标",
			DecisionMaker: "院长办公会决定，刘主任牵头", Interests: "喜欢书法；只喝绿茶", ReferredBy: "赵总"}, 120, 7},
		{model.Client{Name: "周经理", Company: "海淀实验学校 后勤处", Area: "海淀", Phone: "133 0108 2291",
			Business: "学校后勤，管三个校区的设备", Needs: "新风系统维保，教室空气质量", DecisionMaker: "校长办公会", ReferredBy: "李经理"}, 330, 20},
		{model.Client{Name: "孙工", Company: "东城区胡同改造项目部", Area: "东城", Phone: "186 0011 3390",
			Business: "平房区煤改电", Needs: "空气源热泵，低噪音", DecisionMaker: "项目经理"}, 200, 0},
		{model.Client{Name: "吴总", Company: "通州宏达物流园", Area: "通州", Phone: "139 1188 0452",
			Business: "冷链物流园", Needs: "冷库制冷系统维保；明年扩建二号库", DecisionMaker: "吴总", Interests: "喜欢喝白酒，聊聊老家山东"}, 400, 0},
		{model.Client{Name: "郑工", Company: "中建一局 望京项目部", Area: "朝阳", Phone: "158 1020 7718",
			Business: "总包项目部机电口", Needs: "到货计划准时，资料齐全", DecisionMaker: "项目经理", ReferredBy: "王总"}, 150, 0},
		{model.Client{Name: "钱经理", Company: "亦庄生物医药园", Area: "亦庄", Phone: "185 0199 2217",
			Business: "生物医药孵化园区", Needs: "新实验楼的洁净空调", DecisionMaker: "园区总经理"}, 500, 0},
		{model.Client{Name: "冯总", Company: "冯氏暖通设备商贸", Area: "丰台", Phone: "136 9100 4433",
			Business: "暖通设备经销商", Needs: "二级代理价格和账期", DecisionMaker: "冯总"}, 800, 0},
		{model.Client{Name: "何工", Company: "清华科技园物业", Area: "海淀", Phone: "138 1066 9021",
			Business: "科技园物业工程部", Needs: "冷站节能改造，深化设计中", DecisionMaker: "物业总经理", ReferredBy: "李经理"}, 260, 0},
		{model.Client{Name: "高经理", Company: "金融街物业", Area: "西城", Phone: "137 1800 6652",
			Business: "甲级写字楼物业", Needs: "明年换两台冷却塔", DecisionMaker: "物业总经理"}, 600, 41},
		{model.Client{Name: "Lisa Wang", Company: "Bright Facility Services", Area: "朝阳", Phone: "+86 139 1122 3344",
			Business: "Facility management for foreign-invested offices", Needs: "Maintenance contract renewal; spare parts on call",
			DecisionMaker: "Country manager", ReferredBy: "Harbour Engineering"}, 210, 0},
		{model.Client{Name: "Meridian Hotels Beijing", Company: "Meridian Hotels (Beijing)", Area: "西城", Phone: "+86 10 6601 8800",
			Business: "Five-star hotel, refurbishing floors 10–22", Needs: "Heating and cooling plant replacement",
			DecisionMaker: "Owner's representative"}, 180, 15},
		{model.Client{Name: "马工", Company: "丰台科技园开发有限公司 工程部", Area: "丰台", Phone: "150 1101 7783",
			Business: "甲方工程部", Needs: "技术参数对比表", DecisionMaker: "赵总", ReferredBy: "赵总"}, 240, 0},
		{model.Client{Name: "黄经理", Company: "顺义空港物流", Area: "顺义", Phone: "139 0133 5210",
			Business: "航空货运仓库", Needs: "仓库通风降温", DecisionMaker: "黄经理"}, 300, 35},
		{model.Client{Name: "林总", Company: "林氏机电安装", Area: "通州", Phone: "138 0100 4878",
			Business: "中小型机电安装队", Needs: "设备代购和技术支持", DecisionMaker: "林总"}, 420, 0},
		{model.Client{Name: "杨工", Company: "亦庄显示面板配套厂", Area: "亦庄", Phone: "186 1234 0097",
			Business: "电子配套厂动力车间", Needs: "工艺冷却水泵更换", DecisionMaker: "厂长"}, 90, 0},
		{model.Client{Name: "许经理", Company: "朝阳大悦城物业", Area: "朝阳", Phone: "135 0111 6620",
			Business: "商业综合体物业", Needs: "冷站群控系统升级", DecisionMaker: "物业总经理"}, 140, 0},
		{model.Client{Name: "Tom Becker", Company: "Becker & Partners Architects", Area: "东城", Phone: "+86 138 0101 7766",
			Business: "Architects; courtyard hotel conversions", Needs: "Quiet heat pumps that fit historic roofs",
			DecisionMaker: "Tom Becker (partner)", Interests: "Peking opera; Belgian beer", ReferredBy: "陈工"}, 75, 0},
		{model.Client{Name: "韩老师", Company: "北方工业大学 后勤基建处", Area: "石景山", Phone: "010 8880 1234",
			Business: "高校基建", Needs: "学生宿舍热水系统", DecisionMaker: "基建处长"}, 80, -1},
		{model.Client{Name: "唐经理", Company: "通州万达物业", Area: "通州", Phone: "133 1155 8800",
			Business: "商业物业", Needs: "空调维保年度合同", DecisionMaker: "物业总经理"}, 160, 0},
		{model.Client{Name: "董工", Company: "海淀云数据中心", Area: "海淀", Phone: "139 1166 2309",
			Business: "数据中心运维", Needs: "冷却水系统冗余改造", DecisionMaker: "运维总监"}, 110, 0},
		{model.Client{Name: "Northgate Data Park", Company: "Northgate Data Park (Beijing)", Area: "亦庄", Phone: "+86 10 5999 0100",
			Business: "Colocation data centre campus", Needs: "Phase 2 cooling: free-cooling chillers", DecisionMaker: "Head of engineering",
			ReferredBy: "ACME Ltd"}, 10, 8},
		{model.Client{Name: "田经理", Company: "原朝阳某物业（已离职）", Area: "朝阳", Phone: "138 0000 0000",
			Business: "已离职，客户关系转给许经理", Archived: true}, 900, 200},
	}
}

// Texts for generated journal entries, by language of the client's name.
var (
	callsZH = []string{
		"问了项目进度，对方说下周定方案", "约好周四下午拜访，带样本过去", "确认报价已收到，正在内部比价",
		"对方在开会，约下午三点再打", "询问水泵交货期，答复6到8周", "推荐了变频水泵节能方案，对方要资料",
		"沟通付款方式，倾向3-6-1", "回访设备运行情况，反馈正常", "预算还没批，月底再联系",
		"请对方引荐设计院负责人，答应帮忙", "确认现场踏勘时间", "电话没人接，微信留言了",
		"对方换了负责人，要到新联系人电话", "聊了维保合同续签，要报价", "问招标文件什么时候挂网",
		"提醒对方提交资质预审材料", "对方说上次到货晚了两天，道歉并说明原因", "约了下周技术交流会",
		"听说竞争对手报价低了8%", "发了新版样本，电话确认收到",
	}
	callsEN = []string{
		"Discussed the revised quotation; they are comparing two other suppliers.",
		"Booked a site visit for Thursday afternoon.", "Left a voicemail; will try again after 3pm.",
		"Drawings received; technical questions go to their engineer.",
		"They asked for the energy-saving calculation for the VSD pumps.",
		"Budget approval is pushed to next month.", "Checked how the units run since commissioning: no complaints.",
		"Talked about renewing the maintenance contract; they want a quote.",
		"New procurement contact took over; got her number.",
	}
	visitsZH = []string{
		"现场看了机房，管道走向要调整，回去出方案", "拜访采购部，递交了资质和业绩表", "和工程部看了现场，确认设备基础尺寸",
		"带了样本和案例，对方对磁悬浮机组很感兴趣", "拜访总工，讨论节能改造的投资回收期", "送了新版选型手册，了解到下一个项目",
		"跟物业巡检冷站，记下三台泵的问题", "现场协调到货卸货位置",
	}
	visitsEN = []string{
		"Walked the plant room with their facility manager; they want a maintenance quote.",
		"Presented the reference list and the Yizhuang case study.",
		"Met the site team to agree the delivery route and crane slot.",
		"Lunch with the project director; he hinted the budget is tight.",
	}
	meetingsZH = []string{"设计院方案评审会，我们的选型被保留", "项目部协调会，确认到货计划和安装节点", "技术交流会，讲了冷站群控系统，反应不错"}
	meetingsEN = []string{"Kick-off meeting with the contractor's procurement team.", "Weekly site coordination; commissioning moved up two days."}
	notesZH    = []string{"下次拜访带公司新画册", "对方财务月底结账，别那几天催款", "竞争对手在丰台搞促销，注意价格", "对方喜欢微信沟通，不爱接电话"}
	notesEN    = []string{"Prefers WhatsApp over WeChat.", "Fiscal year ends in March: budgets are set in February.", "Send an English summary after every meeting."}
)

// latin reports whether a name is written in Latin letters, so the demo
// writes that client's journal in English.
func latin(name string) bool { return name != "" && name[0] < 0x80 }

func pick(r *rand.Rand, zh, en []string, name string) string {
	if latin(name) {
		return en[r.IntN(len(en))]
	}
	return zh[r.IntN(len(zh))]
}

// at is a moment on day d in the local time zone.
func at(d model.Date, h, m int) time.Time {
	return d.Time(time.Local).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
}

// workday reports whether d is Monday–Friday (the default working days).
func workday(d model.Date) bool { w := d.Weekday(); return w != time.Saturday && w != time.Sunday }

// month builds the demo month for today. The random choices (which client
// gets which generated call) use a fixed seed, so two runs on the same day
// write the same data.
func month(today model.Date) *dataset {
	T := func(n int) model.Date { return today.AddDays(n) }
	r := rand.New(rand.NewPCG(2026, 1127))
	d := &dataset{settings: model.DefaultSettings()}
	d.settings.AnnualTargets[today.Year()] = model.MoneyFromMain(1_200_000)
	d.settings.MonthTargets[model.MonthOf(today).String()] = model.MoneyFromMain(150_000)
	d.settings.MonthTargets[model.MonthOf(today).Add(1).String()] = model.MoneyFromMain(200_000)
	// The rep sells in Beijing: yuan, whichever language the planner speaks.
	d.settings.Currency = "¥"
	d.settings.Holidays = model.HolidaysCN // the demo counts working days like a rep in China (DESIGN.md §2)

	// Clients.
	specs := demoClients()
	id := map[string]model.ID{}
	quiet := map[model.ID]int{}
	for _, s := range specs {
		c := s.c
		c.CreatedOn = T(-s.created)
		cid := d.addClient(c)
		id[c.Name] = cid
		if s.quiet != 0 {
			quiet[cid] = s.quiet
		}
	}
	cl := func(name string) model.ID {
		v, ok := id[name]
		if !ok {
			panic("demo: unknown client " + name) // a typo in the table above; caught by the tests
		}
		return v
	}

	// Projects: every stage. path walks the pipeline from lead: the stage entered so many days ago,
	// one number per stage.
	path := func(daysAgo ...int) []model.StageEntry {
		out := make([]model.StageEntry, len(daysAgo))
		for k, n := range daysAgo {
			out[k] = model.StageEntry{Stage: model.Stages[k], On: T(-n)}
		}
		return out
	}
	money := model.MoneyFromMain
	pHospital := d.addProject(model.Project{Name: "副中心医院二期 洁净空调", ClientID: cl("刘主任"), Owner: "北京城市副中心医院",
		Value: money(2_800_000), StageHistory: path(20)})
	pZGC := d.addProject(model.Project{Name: "中关村创新大厦 冷站改造", ClientID: cl("李经理"), Owner: "中关村科技园",
		Value: money(1_500_000), BidDate: T(2), StageHistory: path(120, 75, 10)})
	pFab := d.addProject(model.Project{Name: "ACME Fab 2 UPW & process cooling", ClientID: cl("ACME Ltd"), Owner: "ACME Semiconductor",
		Value: money(3_600_000), BidDate: T(-3), StageHistory: path(150, 110, 30)})
	pFengtaiC := d.addProject(model.Project{Name: "丰台科技园C座 空调系统", ClientID: cl("赵总"), Owner: "丰台科技园开发有限公司",
		Value: money(980_000), BidDate: T(21), StageHistory: path(45, 16)})
	pTsinghua := d.addProject(model.Project{Name: "清华科技园 冷站节能改造", ClientID: cl("何工"), Owner: "清华科技园",
		Value: money(760_000), BidDate: T(-90), StageHistory: path(200, 160, 120, 35)})
	pWangjing := d.addProject(model.Project{Name: "望京华建大厦 冷冻水泵及变频控制", ClientID: cl("王总"), Owner: "华建置业",
		Value: money(128_000), BidDate: T(-40), StageHistory: path(160, 120, 60, 38, 5)})
	pSanlitun := d.addProject(model.Project{Name: "Sanlitun retail fit-out pumps", ClientID: cl("Harbour Engineering"), Owner: "三里屯商业管理",
		Value: money(320_000), BidDate: T(-80), StageHistory: path(130, 115, 95, 70, 50, 20)})
	pHutong := d.addProject(model.Project{Name: "东城胡同 空气源热泵", ClientID: cl("孙工"), Owner: "东城区住建委",
		Value: money(240_000), StageHistory: path(190, 170, 140, 120, 100, 60, 6)})
	pSchool := d.addProject(model.Project{Name: "海淀实验学校 新风系统", ClientID: cl("周经理"), Owner: "海淀实验学校",
		Value: money(180_000), StageHistory: path(300, 280, 250, 230, 200, 150, 90, 25)})
	pColdStore := d.addProject(model.Project{Name: "宏达物流园 冷库制冷", ClientID: cl("吴总"), Owner: "通州宏达物流园",
		Value: money(450_000), StageHistory: path(330, 310, 280, 260, 240, 200, 170, 120, 40)})
	pHotel := d.addProject(model.Project{Name: "Meridian plant replacement", ClientID: cl("Meridian Hotels Beijing"), Owner: "Meridian Hotels (Beijing)",
		Value: money(1_100_000), BidDate: T(-17), StageHistory: append(path(120, 90, 45), model.StageEntry{Stage: model.StageLost, On: T(-15)})})
	pNorthgate := d.addProject(model.Project{Name: "Northgate Phase 2 cooling", ClientID: cl("Northgate Data Park"), Owner: "Northgate Data Park",
		Value: money(2_200_000), StageHistory: path(8)})
	d.addProject(model.Project{Name: "亦庄生物医药园 实验楼空调", ClientID: cl("钱经理"), Owner: "亦庄生物医药园",
		Value: money(390_000), StageHistory: path(400, 380, 350, 330, 300, 260, 230, 190, 100)})

	// Scripted journal entries: the contacts that set follow-ups as the
	// demo wants them (see clientSpec.quiet) and the project stories.
	type entry struct {
		day     int
		h, m    int
		client  string
		project model.ID
		kind    model.EntryKind
		text    string
	}
	scripted := []entry{
		{-1, 16, 20, "ACME Ltd", pFab, model.EntryCall, "Asked about the Fab 2 bid result; decision expected next week."},
		{-3, 10, 0, "ACME Ltd", pFab, model.EntryMeeting, "Bid opening for Fab 2: second lowest on price, first on the technical score."},
		{-3, 9, 40, "李经理", pZGC, model.EntryCall, "确认投标文件格式要求和现场踏勘时间"},
		{-4, 15, 0, "何工", pTsinghua, model.EntryVisit, "讨论深化设计图纸，管径有两处要改"},
		{-5, 10, 30, "王总", pWangjing, model.EntryMeeting, "签了供货合同，预付款30%，下周到账"},
		{-1, 9, 10, "王总", pWangjing, model.EntryCall, "确认预付款审批进度，财务说周五前付"},
		{-16, 14, 30, "Harbour Engineering", pSanlitun, model.EntryVisit, "On site in Sanlitun: pumps delivered, control panels still at the factory."},
		{-2, 11, 0, "孙工", pHutong, model.EntryCall, "确认调试时间，下周一进场"},
		{-20, 15, 0, "周经理", pSchool, model.EntryVisit, "验收资料交给后勤处，等学校组织验收"},
		{-9, 9, 30, "赵总", 0, model.EntryCall, "赵总说C座方案要等董事会，月底前再约"},
		{-7, 14, 0, "刘主任", pHospital, model.EntryVisit, "拜访基建处，了解二期门诊楼的招标计划"},
		{-9, 10, 0, "陈工", 0, model.EntryMeeting, "设计院技术交流，介绍了磁悬浮冷水机组"},
		{-15, 17, 30, "Meridian Hotels Beijing", pHotel, model.EntryNote, "They chose a bid 12% cheaper; we were first on the technical score."},
		{-15, 11, 0, "Meridian Hotels Beijing", pHotel, model.EntryCall, "Procurement called: the contract goes to the other bidder."},
		{-45, 10, 0, "Meridian Hotels Beijing", pHotel, model.EntryMeeting, "Bid clarification meeting with the owner's representative."},
		{-8, 11, 15, "Northgate Data Park", pNorthgate, model.EntryCall, "Saw Phase 2 on the tender site; intro call with their facility team."},
		{-41, 10, 0, "高经理", 0, model.EntryCall, "问了冷却塔更换计划，说明年开春再议"},
		{-35, 15, 0, "黄经理", 0, model.EntryVisit, "看了仓库现场，夏天最高38度，要通风降温方案"},
		{-200, 10, 0, "田经理", 0, model.EntryCall, "田经理下月离职，客户关系交给许经理"},
		{-40, 16, 0, "吴总", pColdStore, model.EntryCall, "尾款到账，项目关闭。吴总提到明年扩建二号库"},
		{-12, 17, 40, "王总", 0, model.EntryNote, "王总女儿明年高考，六月别约他"},
		{-6, 18, 0, "刘主任", 0, model.EntryNote, "刘主任只喝绿茶，下次拜访带明前龙井"},
	}
	for _, e := range scripted {
		d.addEntry(model.JournalEntry{ClientID: cl(e.client), ProjectID: e.project, Kind: e.kind,
			At: at(T(e.day), e.h, e.m), Text: e.text})
	}

	// Generated contacts for the past month: 15–28 calls each working day,
	// afternoon visits in one or two districts, a weekly meeting, notes.
	// Clients that are "quiet" are left alone after their last contact.
	var pool []model.Client // key clients count three times: they get more calls
	for _, c := range d.clients {
		if c.Archived {
			continue
		}
		n := 1
		if c.Tier == model.TierKey {
			n = 3
		}
		for range n {
			pool = append(pool, c)
		}
	}
	eligible := func(c model.Client, day int) bool {
		q, ok := quiet[c.ID]
		return c.CreatedOn <= T(day) && (!ok || (q > 0 && -day > q))
	}
	var areas []string
	byArea := map[string][]model.Client{}
	for _, c := range d.clients {
		if c.Archived {
			continue
		}
		if _, ok := byArea[c.Area]; !ok {
			areas = append(areas, c.Area)
		}
		byArea[c.Area] = append(byArea[c.Area], c)
	}
	callBlock := "上午电话时段：至少30个电话"
	for day := -30; day <= -1; day++ {
		date := T(day)
		if !workday(date) {
			continue
		}
		d.addTask(model.Task{Title: callBlock, Date: date, Time: model.ClockAt(8, 30), Done: true})
		calls := 15 + r.IntN(14)
		minute := 8*60 + 40
		for range calls {
			c := pool[r.IntN(len(pool))]
			for tries := 0; !eligible(c, day) && tries < 100; tries++ {
				c = pool[r.IntN(len(pool))]
			}
			if !eligible(c, day) {
				continue
			}
			d.addEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryCall,
				At: at(date, minute/60, minute%60), Text: pick(r, callsZH, callsEN, c.Name)})
			minute += 4 + r.IntN(6) // mornings are for the phone; a few run past noon
		}
		// Visits: one or two districts a day, clients of the same area on one trip.
		visits, most, clock := 0, 3+r.IntN(3), 13*60+30
		for _, area := range []string{areas[r.IntN(len(areas))], areas[r.IntN(len(areas))]} {
			for _, c := range byArea[area] {
				if visits >= most || !eligible(c, day) || r.IntN(4) == 0 {
					continue
				}
				when := at(date, clock/60, clock%60)
				text := pick(r, visitsZH, visitsEN, c.Name)
				d.addEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryVisit, At: when, Text: text})
				d.addTask(model.Task{Title: "拜访 " + c.Name, Date: date, Time: model.ClockAt(clock/60, clock%60),
					Kind: model.TaskVisit, ClientID: c.ID, Done: true})
				visits++
				clock += 65
			}
		}
		if date.Weekday() == time.Wednesday {
			c := pool[r.IntN(len(pool))]
			if eligible(c, day) {
				d.addEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryMeeting, At: at(date, 10, 30),
					Text: pick(r, meetingsZH, meetingsEN, c.Name)})
			}
		}
		if r.IntN(2) == 0 {
			c := pool[r.IntN(len(pool))]
			d.addEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, At: at(date, 18, 10),
				Text: pick(r, notesZH, notesEN, c.Name)})
		}
	}
	// This morning's first calls are already made.
	for i, name := range []string{"郑工", "冯总", "林总"} {
		d.addEntry(model.JournalEntry{ClientID: cl(name), Kind: model.EntryCall, At: at(today, 8, 35+10*i),
			Text: callsZH[(i*7)%len(callsZH)]})
	}

	// Today: the call block, six morning calls, three afternoon visits in
	// two districts (海淀, then 东城), an evening todo.
	task := func(day int, h, m int, kind model.TaskKind, client string, project model.ID, title string) model.Task {
		t := model.Task{Title: title, Date: T(day), Kind: kind, ProjectID: project}
		if h >= 0 {
			t.Time = model.ClockAt(h, m)
		}
		if client != "" {
			t.ClientID = cl(client)
		}
		return t
	}
	d.addTask(model.Task{Title: callBlock, Date: today, Time: model.ClockAt(8, 30), Repeat: "weekdays"})
	imp := task(0, 9, 0, model.TaskCall, "王总", pWangjing, "确认预付款到账时间")
	imp.Important = true
	for _, t := range []model.Task{
		imp,
		task(0, 9, 20, model.TaskCall, "Tom Becker", 0, "Ask about the courtyard hotel scheme"),
		task(0, 9, 45, model.TaskCall, "ACME Ltd", pFab, "UPW pump lead time: confirm with the factory"),
		task(0, 10, 15, model.TaskCall, "吴总", 0, "回访冷库运行情况，问二号库扩建时间"),
		task(0, 10, 40, model.TaskCall, "Lisa Wang", 0, "Maintenance contract renewal"),
		task(0, 11, 10, model.TaskCall, "钱经理", 0, "新实验楼需求摸底"),
		task(0, 14, 0, model.TaskVisit, "李经理", pZGC, "冷站现场踏勘，核对投标清单"),
		task(0, 15, 30, model.TaskVisit, "何工", pTsinghua, "深化设计图纸意见"),
		task(0, 16, 45, model.TaskVisit, "陈工", 0, "送新版选型手册和BIM族库U盘"),
		task(0, 20, 0, model.TaskTodo, "", 0, "写日报，排明天的拜访路线"),
	} {
		d.addTask(t)
	}
	// Carried over from earlier days: important ones and not.
	for _, t := range []model.Task{
		{Title: "给王总发备品备件清单和报价", Date: T(-2), ClientID: cl("王总"), ProjectID: pWangjing, Important: true},
		{Title: "Call Michael Lau about the control panel delivery", Date: T(-1), Time: model.ClockAt(10, 0),
			Kind: model.TaskCall, ClientID: cl("Harbour Engineering"), ProjectID: pSanlitun, Important: true},
		{Title: "整理上周的名片，录入客户", Date: T(-3)},
		{Title: "更新明年的产品价格表", Date: T(-5)},
	} {
		d.addTask(t)
	}
	// Ahead: bid preparation, the bid opening, a trip to 亦庄, a weekly visit.
	bidPrep := task(1, -1, 0, model.TaskTodo, "", pZGC, "准备中关村投标文件（技术标+商务标）")
	bidPrep.Important = true
	weekly := task(7, 14, 0, model.TaskVisit, "李经理", 0, "每周例行拜访：中关村科技园")
	weekly.Repeat = "weekly"
	for _, t := range []model.Task{
		bidPrep, weekly,
		task(2, 9, 30, model.TaskMeeting, "李经理", pZGC, "中关村创新大厦 开标"),
		task(3, 14, 0, model.TaskVisit, "ACME Ltd", pFab, "Fab 2: walk the utility corridor with David Chen"),
		task(3, 15, 30, model.TaskVisit, "钱经理", 0, "实验楼图纸交底"),
		task(4, 9, 30, model.TaskCall, "何工", pTsinghua, "确认图纸修改"),
		{Title: "研究新版《公共建筑节能设计标准》"},
		{Title: "Ask marketing for English brochures"},
	} {
		d.addTask(t)
	}
	// The weekly visit's past occurrences, done.
	for w := 1; w <= 4; w++ {
		date := T(-7 * w)
		d.addEntry(model.JournalEntry{ClientID: cl("李经理"), Kind: model.EntryVisit, At: at(date, 14, 0), Text: "例行拜访，聊了冷站运行和改造预算"})
		d.addTask(model.Task{Title: "每周例行拜访：中关村科技园", Date: date, Time: model.ClockAt(14, 0), Kind: model.TaskVisit,
			ClientID: cl("李经理"), Done: true})
	}
	// A todo that was done a day late.
	d.addTask(model.Task{Title: "给孙工发设备操作手册", Date: T(-9), ClientID: cl("孙工"), ProjectID: pHutong, Done: true, DoneOn: T(-8)})

	// Promises: overdue, due soon, open later, kept on time and late, cancelled.
	prom := func(client string, project model.ID, text string, made, due, closed int, status model.PromiseStatus) {
		p := model.Promise{ClientID: cl(client), ProjectID: project, Text: text, MadeOn: T(made), Due: T(due), Status: status}
		switch status {
		case model.PromiseKept:
			p.KeptOn = T(closed)
		case model.PromiseCancelled:
			p.CancelledOn, p.CancelReason = T(closed), "the project was lost to a cheaper bid"
		}
		d.addPromise(p)
	}
	open, kept, cancelled := model.PromiseOpen, model.PromiseKept, model.PromiseCancelled
	prom("王总", pWangjing, "发备品备件清单和报价给采购部刘姐", -8, -2, 0, open)
	prom("Harbour Engineering", pSanlitun, "Send the pump curves and the control panel wiring diagram", -16, -5, 0, open)
	prom("陈工", 0, "送一套新版选型手册和BIM族库U盘", -9, 0, 0, open)
	prom("ACME Ltd", pFab, "Confirm the UPW pump lead time in writing", -1, 1, 0, open)
	prom("刘主任", pHospital, "提供三个洁净手术部空调的参考案例", -7, 2, 0, open)
	prom("李经理", pZGC, "投标后安排一次冷站节能测算汇报", -3, 9, 0, open)
	prom("何工", pTsinghua, "提交深化设计图纸审核意见", -4, 12, 0, open)
	prom("王总", 0, "安排顺义工厂参观", -40, -30, -31, kept)
	prom("孙工", pHutong, "调试前提供设备操作手册", -12, -7, -8, kept)
	prom("周经理", pSchool, "发验收资料清单", -26, -20, -20, kept)
	prom("ACME Ltd", pFab, "Share the reference list of fab projects", -35, -28, -29, kept)
	prom("赵总", pFengtaiC, "报C座空调系统初步方案", -50, -40, -41, kept)
	prom("李经理", pZGC, "发节能改造测算表", -25, -18, -18, kept)
	prom("刘主任", 0, "约设备厂家来院技术交流", -60, -45, -46, kept)
	prom("Harbour Engineering", pSanlitun, "Revise the quotation with the alternative pump brand", -30, -24, -21, kept)
	prom("吴总", pColdStore, "开尾款发票", -50, -44, -41, kept)
	prom("Meridian Hotels Beijing", pHotel, "Submit a second-round price", -20, -14, -15, cancelled)
	return d
}
