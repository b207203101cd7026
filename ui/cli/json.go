package cli

import (
	"salesplan/model"
	"salesplan/storage"
)

// The JSON shapes of the listing commands. today, week and month follow
// DESIGN.md §3 exactly; the list shapes are documented in doc.go. Names and
// texts are made inert (a script may print them to a terminal); "none" is
// null.

// str returns nil for "" so that JSON shows null.
func str(s string) *string {
	if s == "" {
		return nil
	}
	v := model.Inert(s)
	return &v
}

type jsonQuota struct {
	Done   int `json:"done"`
	Target int `json:"target"`
}

func quota(q model.Quota) jsonQuota { return jsonQuota(q) }

type jsonMoneyQuota struct {
	Value  model.Money `json:"value"`
	Target model.Money `json:"target"`
}

func moneyQuota(q model.MoneyQuota) jsonMoneyQuota { return jsonMoneyQuota(q) }

type jsonTask struct {
	ID          model.ID    `json:"id"`
	Title       string      `json:"title"`
	Kind        string      `json:"kind"`
	Slot        string      `json:"slot"`
	Time        model.Clock `json:"time"`
	Date        model.Date  `json:"date"`
	Client      *string     `json:"client"`
	Project     *string     `json:"project"`
	Important   bool        `json:"important"`
	Done        bool        `json:"done"`
	CarriedOver bool        `json:"carried_over"`
}

func taskJSON(t model.AgendaTask) jsonTask {
	return jsonTask{
		ID: t.ID, Title: model.Inert(t.Title), Kind: string(t.Kind), Slot: string(t.EffectiveSlot()),
		Time: t.Time, Date: t.Date, Client: str(t.ClientName), Project: str(t.ProjectName),
		Important: t.Important, Done: t.Done, CarriedOver: t.CarriedOver,
	}
}

type jsonAttention struct {
	Type        string     `json:"type"`
	Client      *string    `json:"client"`
	Project     *string    `json:"project"`
	Text        *string    `json:"text"`
	Due         model.Date `json:"due"`
	DaysOverdue int        `json:"days_overdue"`
}

// attentionText is the promise's text, or a fixed English phrase for the
// other types: JSON is for scripts, so it does not change with --lang.
func attentionText(it model.AttentionItem) string {
	switch it.Type {
	case model.AttPromiseOverdue, model.AttPromiseDue:
		return it.Text
	case model.AttClientFollowUp:
		return "follow up with the client"
	case model.AttProjectFollowUp:
		return "follow up on the project"
	case model.AttBidPrep:
		return "prepare bid documents"
	case model.AttBidResult:
		return "ask for the bid result"
	}
	return it.Text
}

type jsonToday struct {
	Date   model.Date `json:"date"`
	Quotas struct {
		Calls      jsonQuota `json:"calls"`
		VisitsWeek jsonQuota `json:"visits_week"`
	} `json:"quotas"`
	Tasks      []jsonTask      `json:"tasks"`
	Attention  []jsonAttention `json:"attention"`
	RegularDue int             `json:"regular_due"`
}

func todayJSON(ag model.Agenda) jsonToday {
	out := jsonToday{Date: ag.Date, Tasks: []jsonTask{}, Attention: []jsonAttention{}, RegularDue: ag.RegularDue}
	out.Quotas.Calls = quota(ag.Calls)
	out.Quotas.VisitsWeek = quota(ag.VisitsWeek)
	for _, t := range ag.Tasks {
		out.Tasks = append(out.Tasks, taskJSON(t))
	}
	for _, it := range ag.Attention {
		out.Attention = append(out.Attention, jsonAttention{
			Type: string(it.Type), Client: str(it.Client), Project: str(it.Project),
			Text: str(attentionText(it)), Due: it.Due, DaysOverdue: it.DaysOverdue,
		})
	}
	return out
}

type jsonStageMove struct {
	Project string     `json:"project"`
	From    *string    `json:"from"`
	To      string     `json:"to"`
	On      model.Date `json:"on"`
}

type jsonWeekDay struct {
	Date       model.Date `json:"date"`
	Calls      int        `json:"calls"`
	Visits     int        `json:"visits"`
	TasksDone  int        `json:"tasks_done"`
	TasksTotal int        `json:"tasks_total"`
}

type jsonWeek struct {
	Week     string     `json:"week"`
	Start    model.Date `json:"start"`
	End      model.Date `json:"end"`
	Calls    jsonQuota  `json:"calls"`
	Visits   jsonQuota  `json:"visits"`
	Promises struct {
		Made       int `json:"made"`
		Kept       int `json:"kept"`
		KeptOnTime int `json:"kept_on_time"`
		Overdue    int `json:"overdue"`
	} `json:"promises"`
	Signed     jsonMoneyQuota  `json:"signed"`
	StageMoves []jsonStageMove `json:"stage_moves"`
	Days       []jsonWeekDay   `json:"days"`
}

func weekJSON(w model.WeekSummary) jsonWeek {
	out := jsonWeek{Week: w.Start.ISOWeek(), Start: w.Start, End: w.End,
		Calls: quota(w.Calls), Visits: quota(w.Visits), Signed: moneyQuota(w.Signed),
		StageMoves: []jsonStageMove{}, Days: []jsonWeekDay{}}
	out.Promises.Made = w.Promises.Made
	out.Promises.Kept = w.Promises.Kept
	out.Promises.KeptOnTime = w.Promises.KeptOnTime
	out.Promises.Overdue = w.Promises.Overdue
	for _, m := range w.StageMoves {
		out.StageMoves = append(out.StageMoves, jsonStageMove{Project: model.Inert(m.Project),
			From: str(string(m.From)), To: string(m.To), On: m.On})
	}
	for _, d := range w.Days {
		out.Days = append(out.Days, jsonWeekDay{Date: d.Date, Calls: d.Calls, Visits: d.Visits,
			TasksDone: d.TasksDone, TasksTotal: d.TasksTotal})
	}
	return out
}

type jsonMonthDay struct {
	Date       model.Date `json:"date"`
	TasksTotal int        `json:"tasks_total"`
	TasksDone  int        `json:"tasks_done"`
	Calls      int        `json:"calls"`
	Visits     int        `json:"visits"`
	Markers    []string   `json:"markers"`
}

type jsonMonth struct {
	Month  string         `json:"month"`
	Calls  jsonQuota      `json:"calls"`
	Visits jsonQuota      `json:"visits"`
	Signed jsonMoneyQuota `json:"signed"`
	Days   []jsonMonthDay `json:"days"`
}

func monthJSON(m model.MonthSummary) jsonMonth {
	out := jsonMonth{Month: m.Month.String(), Calls: quota(m.Calls), Visits: quota(m.Visits),
		Signed: moneyQuota(m.Signed), Days: []jsonMonthDay{}}
	for _, d := range m.Days {
		mk := append([]string{}, d.Markers...)
		out.Days = append(out.Days, jsonMonthDay{Date: d.Date, TasksTotal: d.TasksTotal,
			TasksDone: d.TasksDone, Calls: d.Calls, Visits: d.Visits, Markers: mk})
	}
	return out
}

type jsonClient struct {
	ID           model.ID   `json:"id"`
	Name         string     `json:"name"`
	Company      *string    `json:"company"`
	Tier         string     `json:"tier"`
	Area         *string    `json:"area"`
	Phone        *string    `json:"phone"`
	CadenceDays  int        `json:"cadence_days"`
	LastContact  model.Date `json:"last_contact"`
	NextFollowUp model.Date `json:"next_followup"`
	Due          bool       `json:"due"`
	Scheduled    bool       `json:"scheduled"`
	DaysOverdue  int        `json:"days_overdue"`
	OpenPromises int        `json:"open_promises"`
	Archived     bool       `json:"archived"`
}

func clientJSON(r storage.ClientRow, set model.Settings) jsonClient {
	return jsonClient{ID: r.ID, Name: model.Inert(r.Name), Company: str(r.Company), Tier: string(r.Tier),
		Area: str(r.Area), Phone: str(r.Phone), CadenceDays: set.ClientCadence(r.Client),
		LastContact: r.LastContact, NextFollowUp: r.FollowUp.Due, Due: r.FollowUp.IsDue,
		Scheduled: r.FollowUp.Scheduled, DaysOverdue: r.FollowUp.DaysOverdue,
		OpenPromises: r.OpenPromises, Archived: r.Archived}
}

type jsonPromise struct {
	ID      model.ID   `json:"id"`
	Client  string     `json:"client"`
	Project *string    `json:"project"`
	Text    string     `json:"text"`
	MadeOn  model.Date `json:"made_on"`
	Due     model.Date `json:"due"`
	Status  string     `json:"status"`
	KeptOn  model.Date `json:"kept_on"`
	Overdue bool       `json:"overdue"`
	DueSoon bool       `json:"due_soon"`
}

func promiseJSON(p storage.PromiseRow, today model.Date) jsonPromise {
	return jsonPromise{ID: p.ID, Client: model.Inert(p.Client), Project: str(p.Project),
		Text: model.Inert(p.Text), MadeOn: p.MadeOn, Due: p.Due, Status: string(p.Status),
		KeptOn: p.KeptOn, Overdue: p.Overdue(today), DueSoon: p.DueSoon(today)}
}

type jsonProject struct {
	ID           model.ID    `json:"id"`
	Name         string      `json:"name"`
	Client       string      `json:"client"`
	Owner        *string     `json:"owner"`
	Value        model.Money `json:"value"`
	Stage        string      `json:"stage"`
	StageSince   model.Date  `json:"stage_since"`
	BidDate      model.Date  `json:"bid_date"`
	LastContact  model.Date  `json:"last_contact"`
	NextFollowUp model.Date  `json:"next_followup"`
	Due          bool        `json:"due"`
	DaysOverdue  int         `json:"days_overdue"`
}

func projectJSON(p storage.ProjectRow) jsonProject {
	return jsonProject{ID: p.ID, Name: model.Inert(p.Name), Client: model.Inert(p.Client),
		Owner: str(p.Owner), Value: p.Value, Stage: string(p.Stage), StageSince: p.StageSince(),
		BidDate: p.BidDate, LastContact: p.LastContact, NextFollowUp: p.FollowUp.Due,
		Due: p.FollowUp.IsDue, DaysOverdue: p.FollowUp.DaysOverdue}
}
