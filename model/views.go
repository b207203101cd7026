package model

// View types: what the Day, Week and Month panes and the `today`, `week` and
// `month` commands show. storage gathers the records through its indexes and
// hands them to the Build* functions here, so both faces show the same numbers.

// Quota is a count against a target.
type Quota struct {
	Done   int `json:"done"`
	Target int `json:"target"`
}

// MoneyQuota is money against a target.
type MoneyQuota struct {
	Value  Money `json:"value"`
	Target Money `json:"target"`
}

// FollowUp is the follow-up state of a client or project for "today".
type FollowUp struct {
	Due         Date // the follow-up due date
	IsDue       bool // Due <= today and not scheduled
	Scheduled   bool // a client with an undone call/visit/meeting task dated today or later
	DaysOverdue int  // today - Due when IsDue, else 0
}

// AttentionType names a kind of attention item (DESIGN.md §3), in the order
// the items are listed.
type AttentionType string

// Attention types, most urgent first.
const (
	AttPromiseOverdue  AttentionType = "promise_overdue"
	AttPromiseDue      AttentionType = "promise_due"
	AttClientFollowUp  AttentionType = "client_followup"
	AttProjectFollowUp AttentionType = "project_followup"
	AttBidPrep         AttentionType = "bid_prep"
	AttBidResult       AttentionType = "bid_result"
)

// AttentionTypes lists the types in their order.
var AttentionTypes = []AttentionType{AttPromiseOverdue, AttPromiseDue, AttClientFollowUp,
	AttProjectFollowUp, AttBidPrep, AttBidResult}

// AttentionItem is one thing the Day pane highlights.
type AttentionItem struct {
	Type        AttentionType
	ClientID    ID
	ProjectID   ID
	PromiseID   ID
	Client      string // client name, "" if none
	Project     string // project name, "" if none
	Text        string // promise text; "" for the other types (the UI words them)
	Due         Date   // promise due, follow-up due, or bid date
	DaysOverdue int    // days past Due (0 when not past)
}

// ClientState is a client with what follow-up needs to know about it.
type ClientState struct {
	Client      Client
	LastContact Date // NoDate if never contacted
	Scheduled   bool // has an undone call/visit/meeting task dated today or later
}

// ProjectState is a project with what follow-up needs to know about it.
type ProjectState struct {
	Project     Project
	ClientName  string
	LastContact Date // last contact linked to the project, NoDate if none
}

// AgendaTask is a task as listed on a day.
type AgendaTask struct {
	Task
	ClientName  string // "" if none
	ProjectName string // "" if none
	CarriedOver bool
	ClientTier  Tier   // the client's tier ("" if no client), for the key-client star
	ClientArea  string // the client's area ("" if none), for grouping visits
}

// Agenda is the Day pane and `today`.
type Agenda struct {
	Date        Date
	Calls       Quota      // contacts of kind call on Date against the day's calls target
	VisitsWeek  Quota      // visits in Date's week against the weekly target
	SignedMonth MoneyQuota // signed in Date's month against the month target
	Tasks       []AgendaTask
	Attention   []AttentionItem
	RegularDue  int
}

// AgendaInput is what storage gathers for BuildAgenda.
type AgendaInput struct {
	Today        Date
	Settings     Settings
	Tasks        []AgendaTask // dated Today, plus undone ones dated before Today
	CallsToday   int
	VisitsWeek   int
	SignedMonth  Money
	Promises     []Promise      // open promises due on or before Today+2
	Clients      []ClientState  // non-archived clients that may be due (storage may pre-filter by due date)
	Projects     []ProjectState // live projects
	ClientNames  map[ID]string  // names for ids referenced by Promises
	ProjectNames map[ID]string
}

// DaySummary is one day of a week or month.
type DaySummary struct {
	Date       Date
	Calls      int
	Visits     int
	TasksDone  int
	TasksTotal int
	Markers    []string // any of "bid", "promise_due", "today" (month view)
	Tasks      []AgendaTask
}

// PromiseCounts summarises promises over a period.
type PromiseCounts struct {
	Made       int // made_on within the period
	Kept       int // kept_on within the period
	KeptOnTime int // of those kept, kept on or before due
	Overdue    int // open and due before min(today, period end + 1)
}

// StageMove is a project entering a stage.
type StageMove struct {
	ProjectID ID
	Project   string
	From      Stage // "" for a project's first stage
	To        Stage
	On        Date
}

// WeekSummary is the Week pane and `week`.
type WeekSummary struct {
	Start, End Date
	Calls      Quota
	Visits     Quota
	Promises   PromiseCounts
	Signed     MoneyQuota
	StageMoves []StageMove
	Days       []DaySummary // seven, Monday first
}

// MonthSummary is the Month pane and `month`.
type MonthSummary struct {
	Month  Month
	Calls  Quota
	Visits Quota
	Signed MoneyQuota
	Days   []DaySummary
}

// PeriodInput is what storage gathers for BuildWeek and BuildMonth: records
// of the period only (read through the date indexes).
type PeriodInput struct {
	From, To   Date // inclusive
	Today      Date
	Settings   Settings
	Tasks      []AgendaTask   // tasks dated From..To
	Contacts   []JournalEntry // contact entries dated From..To
	Promises   []Promise      // promises made, kept or due in From..To, plus open ones overdue
	StageMoves []StageMove    // moves dated From..To
	Signed     Money          // value of projects first entering contract in From..To
	BidDates   []Date         // bid dates of live design/bidding projects in From..To
}
