package model

// View types: what the Day, Week and Month panes and the `today`, `week` and
// `month` commands show. storage gathers the records through its indexes and
// hands them to the Build* functions here, so both faces show the same numbers.

// Quota is a count against a target.
type Quota struct {
	Done   int `json:"done"`
	Target int `json:"target"`
}

// VisitQuota is the visits quota (DESIGN.md §2, v2): the plan's "20
// visits" are twenty clients, so Done counts the different clients with a
// visit entry in the period; Visits is the number of visit entries, shown
// beside it.
type VisitQuota struct {
	Done   int `json:"done"`
	Visits int `json:"visits"`
	Target int `json:"target"`
}

// CountVisits returns how many different clients the visit entries of es
// are with, and how many visit entries there are (other kinds are skipped).
func CountVisits(es []JournalEntry) (clients, visits int) {
	seen := map[ID]bool{}
	for _, e := range es {
		if e.Kind != EntryVisit {
			continue
		}
		visits++
		if !seen[e.ClientID] {
			seen[e.ClientID] = true
			clients++
		}
	}
	return clients, visits
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
	Scheduled   bool // a client with an undone call/visit/meeting task dated today through ScheduleWindow days ahead
	DaysOverdue int  // today - Due when IsDue, else 0
	Booked      Date // the next booked call/visit/meeting when it is beyond ScheduleWindow (NoDate otherwise)
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
	Due         Date   // promise due, follow-up due, bid papers due (bid_prep) or bid date (bid_result)
	DaysOverdue int    // days past Due (0 when not past)
	Bid         Date   // bid_prep and bid_result: the bid date
	PapersDue   Date   // bid_prep: the day the bid papers must be ready (= Due)
	Urgent      bool   // bid_prep: the papers are due today or were due before
	Booked      Date   // client_followup: a call, visit or meeting booked beyond the schedule window
	// PromiseRev is the promise's revision as read (storage sets Rev): x in
	// the planner keeps it only if nobody changed it since.
	PromiseRev uint64
}

// ClientState is a client with what follow-up needs to know about it.
type ClientState struct {
	Client      Client
	LastContact Date // NoDate if never contacted
	NextBooked  Date // the first undone call/visit/meeting task dated today or later (NoDate if none)
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
	VisitsWeek  VisitQuota // clients visited (and visits) in Date's week against the weekly target
	SignedMonth MoneyQuota // signed in Date's month against the month target
	Tasks       []AgendaTask
	// Inbox lists the open tasks with no date (DESIGN.md §2: "or none:
	// inbox"), important first, then the oldest (SortInbox). Today's Day
	// shows them after the carried-over tasks.
	Inbox      []AgendaTask
	Attention  []AttentionItem
	RegularDue int

	// CarriedUnread counts carried-over tasks left out of Tasks by a
	// reader that reads only the ones a day list shows first (storage's
	// TodayTop); each sorts after every carried-over task in Tasks.
	CarriedUnread int
	// InboxUnread counts inbox tasks left out of Inbox by a reader that
	// reads only the ones a day list shows first; each sorts after every
	// task in Inbox.
	InboxUnread int
}

// AgendaInput is what storage gathers for BuildAgenda.
type AgendaInput struct {
	Today        Date
	Settings     Settings
	Tasks        []AgendaTask   // dated Today, plus undone ones dated before Today
	Inbox        []AgendaTask   // open tasks with no date (more are ignored)
	CallsToday   int            // call entries of today, prospect calls included
	WeekVisits   []JournalEntry // visit entries of today's week (ClientID and Kind are enough)
	SignedMonth  Money
	Promises     []Promise      // open promises due on or before DueSoonUntil(Today) (more are ignored)
	Clients      []ClientState  // non-archived clients that may be due (storage may pre-filter by due date)
	Projects     []ProjectState // live projects
	ClientNames  map[ID]string  // names for ids referenced by Promises
	ProjectNames map[ID]string

	// RegularDueUnlisted counts the regular clients left out of Clients
	// because each is certainly due: its follow-up date has come and no
	// call, visit or meeting booked makes it Scheduled (storage counts
	// them from a summary instead of reading thousands of them).
	RegularDueUnlisted int
}

// DaySummary is one day of a week or month.
type DaySummary struct {
	Date       Date
	Calls      int
	Visits     int
	TasksDone  int
	TasksTotal int
	Markers    []string // any of "bid", "papers_due", "promise_due", "today" (month view)
	Tasks      []AgendaTask
}

// PromiseCounts summarises promises over a period.
type PromiseCounts struct {
	Made       int // made_on within the period
	Kept       int // kept_on within the period
	KeptOnTime int // of those kept, kept on or before due
	Overdue    int // open and due before min(today, period end + 1)
	Cancelled  int // cancelled_on within the period
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
	Visits     VisitQuota
	Promises   PromiseCounts
	Signed     MoneyQuota
	StageMoves []StageMove
	Days       []DaySummary // seven, Monday first
}

// MonthSummary is the Month pane and `month`.
type MonthSummary struct {
	Month      Month
	Calls      Quota
	Visits     VisitQuota
	Signed     MoneyQuota
	Promises   PromiseCounts // as the week counts them, over the month (the month report)
	StageMoves []StageMove   // the month's moves by date (the month report)
	Days       []DaySummary
}

// PeriodInput is what storage gathers for BuildWeek and BuildMonth: records
// of the period only (read through the date indexes).
type PeriodInput struct {
	From, To   Date // inclusive
	Today      Date
	Settings   Settings
	Tasks      []AgendaTask   // tasks dated From..To
	Contacts   []JournalEntry // contact entries dated From..To
	Promises   []Promise      // promises made, kept, cancelled or due in From..To, plus open ones overdue
	StageMoves []StageMove    // moves dated From..To
	Signed     Money          // value of projects signed in From..To (Project.Signed)
	Bids       []Bid          // bids of projects in a bid-preparing stage dated From..To+PapersLookahead
}

// PapersLookahead is how far past a period storage looks for bids whose
// papers fall due inside it: two working days before a bid never reach
// further back than this, even across the longest public holiday.
const PapersLookahead = 31

// Bid is a bid date of a project that prepares one, for the Month markers.
type Bid struct {
	ProjectID ID
	Stage     Stage
	Date      Date
}
