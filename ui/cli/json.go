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
	// ValueAtLeast is true (and only then present) when value is a sum too
	// large to count exactly (model.Money.Saturated): the true sum is at
	// least value.
	ValueAtLeast bool `json:"value_at_least,omitempty"`
}

func moneyQuota(q model.MoneyQuota) jsonMoneyQuota {
	return jsonMoneyQuota{Value: q.Value, Target: q.Target, ValueAtLeast: q.Value.Saturated()}
}

// jsonVisits is the visits quota (DESIGN.md §3 v2): clients visited as
// done, the visit entries beside them.
type jsonVisits struct {
	Done   int `json:"done"`
	Visits int `json:"visits"`
	Target int `json:"target"`
}

func visitsJSON(q model.VisitQuota) jsonVisits { return jsonVisits(q) }

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
	// Bid and PapersDue come with bid_prep items, Booked with
	// client_followup items (null when nothing is booked); other types
	// leave them out.
	Bid       *model.Date `json:"bid,omitempty"`
	PapersDue *model.Date `json:"papers_due,omitempty"`
	Booked    *bookedDate `json:"booked,omitempty"`
}

// bookedDate is a client_followup's "booked": a date or null, always
// present on that type.
type bookedDate struct{ model.Date }

func (b bookedDate) MarshalJSON() ([]byte, error) { return b.Date.MarshalJSON() }

// attentionJSON is one attention item in the shape of DESIGN.md §3.
func attentionJSON(it model.AttentionItem) jsonAttention {
	out := jsonAttention{
		Type: string(it.Type), Client: str(it.Client), Project: str(it.Project),
		Text: str(attentionText(it)), Due: it.Due, DaysOverdue: it.DaysOverdue,
	}
	switch it.Type {
	case model.AttBidPrep:
		bid, papers := it.Bid, it.PapersDue
		out.Bid, out.PapersDue = &bid, &papers
	case model.AttClientFollowUp:
		out.Booked = &bookedDate{it.Booked}
	}
	return out
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
		Calls      jsonQuota  `json:"calls"`
		VisitsWeek jsonVisits `json:"visits_week"`
	} `json:"quotas"`
	Tasks      []jsonTask      `json:"tasks"`
	Attention  []jsonAttention `json:"attention"`
	RegularDue int             `json:"regular_due"`
}

func todayJSON(ag model.Agenda) jsonToday {
	out := jsonToday{Date: ag.Date, Tasks: []jsonTask{}, Attention: []jsonAttention{}, RegularDue: ag.RegularDue}
	out.Quotas.Calls = quota(ag.Calls)
	out.Quotas.VisitsWeek = visitsJSON(ag.VisitsWeek)
	for _, t := range ag.Tasks {
		out.Tasks = append(out.Tasks, taskJSON(t))
	}
	for _, it := range ag.Attention {
		out.Attention = append(out.Attention, attentionJSON(it))
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
	Visits   jsonVisits `json:"visits"`
	Promises struct {
		Made       int `json:"made"`
		Kept       int `json:"kept"`
		KeptOnTime int `json:"kept_on_time"`
		Overdue    int `json:"overdue"`
		Cancelled  int `json:"cancelled"` // v2: cancelled in the week (each listed, with its reason, in the review)
	} `json:"promises"`
	Signed     jsonMoneyQuota  `json:"signed"`
	StageMoves []jsonStageMove `json:"stage_moves"`
	Days       []jsonWeekDay   `json:"days"`
}

func weekJSON(w model.WeekSummary) jsonWeek {
	out := jsonWeek{Week: w.Start.ISOWeek(), Start: w.Start, End: w.End,
		Calls: quota(w.Calls), Visits: visitsJSON(w.Visits), Signed: moneyQuota(w.Signed),
		StageMoves: []jsonStageMove{}, Days: []jsonWeekDay{}}
	out.Promises.Made = w.Promises.Made
	out.Promises.Kept = w.Promises.Kept
	out.Promises.KeptOnTime = w.Promises.KeptOnTime
	out.Promises.Overdue = w.Promises.Overdue
	out.Promises.Cancelled = w.Promises.Cancelled
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
	Visits jsonVisits     `json:"visits"`
	Signed jsonMoneyQuota `json:"signed"`
	Days   []jsonMonthDay `json:"days"`
}

func monthJSON(m model.MonthSummary) jsonMonth {
	out := jsonMonth{Month: m.Month.String(), Calls: quota(m.Calls), Visits: visitsJSON(m.Visits),
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
	Booked       model.Date `json:"booked"` // a call, visit or meeting booked beyond the next 7 days (v2)
	DaysOverdue  int        `json:"days_overdue"`
	OpenPromises int        `json:"open_promises"`
	Archived     bool       `json:"archived"`
}

func clientJSON(r storage.ClientRow, set model.Settings) jsonClient {
	return jsonClient{ID: r.ID, Name: model.Inert(r.Name), Company: str(r.Company), Tier: string(r.Tier),
		Area: str(r.Area), Phone: str(r.Phone), CadenceDays: set.ClientCadence(r.Client),
		LastContact: r.LastContact, NextFollowUp: r.FollowUp.Due, Due: r.FollowUp.IsDue,
		Scheduled: r.FollowUp.Scheduled, Booked: r.FollowUp.Booked, DaysOverdue: r.FollowUp.DaysOverdue,
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
	// CancelledOn and CancelReason (v2) say when and why a promise was
	// cancelled; Broken is true when it was cancelled after its due date
	// (it counts as broken in the reliability figure).
	CancelledOn  model.Date `json:"cancelled_on"`
	CancelReason *string    `json:"cancel_reason"`
	Broken       bool       `json:"broken"`
}

func promiseJSON(p storage.PromiseRow, today model.Date, cal model.Calendar) jsonPromise {
	return jsonPromise{ID: p.ID, Client: model.Inert(p.Client), Project: str(p.Project),
		Text: model.Inert(p.Text), MadeOn: p.MadeOn, Due: p.Due, Status: string(p.Status),
		KeptOn: p.KeptOn, Overdue: p.Overdue(today), DueSoon: p.DueSoon(today, cal),
		CancelledOn: p.CancelledOn, CancelReason: str(p.CancelReason),
		Broken: p.Status == model.PromiseCancelled && !p.CancelledInTime()}
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
	SignedOn     model.Date  `json:"signed_on"` // the date its value counts as signed (v2), null if not signed
	LastContact  model.Date  `json:"last_contact"`
	NextFollowUp model.Date  `json:"next_followup"`
	Due          bool        `json:"due"`
	DaysOverdue  int         `json:"days_overdue"`
}

func projectJSON(p storage.ProjectRow) jsonProject {
	signed, _ := p.Signed()
	return jsonProject{SignedOn: signed, ID: p.ID, Name: model.Inert(p.Name), Client: model.Inert(p.Client),
		Owner: str(p.Owner), Value: p.Value, Stage: string(p.Stage), StageSince: p.StageSince(),
		BidDate: p.BidDate, LastContact: p.LastContact, NextFollowUp: p.FollowUp.Due,
		Due: p.FollowUp.IsDue, DaysOverdue: p.FollowUp.DaysOverdue}
}
