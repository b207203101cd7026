package storage

import (
	"cmp"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// The weekly review (DESIGN.md §1, §5 `r` on Week, `salesplan review`):
// everything Week shows plus what a manager asks about — which promises
// were kept and how late, what was signed, the funnel, which key clients
// went without a contact, and what is already known about next week. It is
// read in one transaction through the indexes, like Week.

// Review is one week's review.
type Review struct {
	Settings model.Settings // the targets the week is measured against
	Today    model.Date     // the day the review was made (overdue is counted to it)
	Week     model.WeekSummary
	Funnel   model.Funnel
	Meetings int // meetings in the week (contacts besides calls and visits)
	// Kept are the promises kept in the week, by the date kept; each one's
	// KeptOnTime tells on time from late.
	Kept []PromiseRow
	// Overdue are the promises still open whose due date is before the
	// week's end (or today, when the week is not over), by due date.
	Overdue []PromiseRow
	// Cancelled are the promises cancelled in the week, by the date
	// cancelled, with their reasons: cancelling never hides a promise.
	Cancelled []PromiseRow
	// Signed are the projects that first entered contract in the week.
	Signed []SignedProject
	// Quiet are the key clients with no call, visit or meeting in the week
	// (existing by the week's end, not archived), longest silent first.
	Quiet []QuietClient
	// Next are next week's known dates: bids and open promises due.
	Next []Upcoming
}

// SignedProject is a project signed in the reviewed week.
type SignedProject struct {
	ID      model.ID
	Project string
	Value   model.Money
	On      model.Date
}

// QuietClient is a key client not contacted in the reviewed week.
type QuietClient struct {
	ID          model.ID
	Name        string
	LastContact model.Date // model.NoDate: never contacted
}

// UpcomingKind tells what an upcoming date is.
type UpcomingKind string

// Kinds of upcoming dates.
const (
	UpcomingBid     UpcomingKind = "bid"
	UpcomingPapers  UpcomingKind = "papers_due"
	UpcomingPromise UpcomingKind = "promise_due"
)

// Upcoming is a known date of next week.
type Upcoming struct {
	Date    model.Date
	Kind    UpcomingKind
	Client  string
	Project string
	Text    string // the promise's text; "" for a bid
}

// Review returns the review of the week containing day (weeks start on
// Monday), as of today.
func (s *Store) Review(day, today model.Date) (Review, error) {
	var r Review
	lang := s.language()
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		from := day.WeekStart()
		to := from.AddDays(6)
		in, err := gatherPeriod(tx, from, to, today, lang)
		if err != nil {
			return err
		}
		r.Week = model.BuildWeek(in)
		r.Settings, r.Today = in.Settings, today
		n := newNamer(tx)
		r.Meetings = countKind(tx, from, to, 'm')
		r.Funnel = model.BuildFunnel(r.Week.Calls.Done+r.Week.Visits.Visits+r.Meetings, r.Week.StageMoves, newProjects(r.Week.StageMoves))
		r.Kept, r.Overdue, r.Cancelled = reviewPromises(n, in.Promises, from, to, today)
		if r.Signed, err = signedProjects(tx, from, to); err != nil {
			return err
		}
		if r.Quiet, err = quietKeyClients(tx, from, to); err != nil {
			return err
		}
		r.Next, err = upcoming(tx, n, in.Settings.Calendar(), to.AddDays(1), to.AddDays(7))
		return err
	})
	return r, err
}

// newProjects counts the projects whose first stage was entered in the
// moves (a move from no stage).
func newProjects(moves []model.StageMove) int {
	seen := map[model.ID]bool{}
	for _, m := range moves {
		if m.From == "" {
			seen[m.ProjectID] = true
		}
	}
	return len(seen)
}

// reviewPromises splits the period's promises (gathered by gatherPeriod)
// into those kept in from..to, those overdue and those cancelled in
// from..to, with their names.
func reviewPromises(n *namer, ps []model.Promise, from, to, today model.Date) (kept, overdue, cancelled []PromiseRow) {
	overdueBefore := min(today, to.AddDays(1))
	row := func(p model.Promise) PromiseRow {
		return PromiseRow{Promise: p, Client: n.client(p.ClientID), Project: n.project(p.ProjectID)}
	}
	for _, p := range ps {
		switch {
		case p.Status == model.PromiseKept && p.KeptOn >= from && p.KeptOn <= to:
			kept = append(kept, row(p))
		case p.Status == model.PromiseOpen && p.Due.Valid() && p.Due < overdueBefore:
			overdue = append(overdue, row(p))
		case p.Status == model.PromiseCancelled && p.CancelledOn >= from && p.CancelledOn <= to:
			cancelled = append(cancelled, row(p))
		}
	}
	slices.SortFunc(kept, func(a, b PromiseRow) int {
		return cmp.Or(cmp.Compare(a.KeptOn, b.KeptOn), cmp.Compare(a.Due, b.Due), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(overdue, func(a, b PromiseRow) int {
		return cmp.Or(cmp.Compare(a.Due, b.Due), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(cancelled, func(a, b PromiseRow) int {
		return cmp.Or(cmp.Compare(a.CancelledOn, b.CancelledOn), cmp.Compare(a.ID, b.ID))
	})
	return kept, overdue, cancelled
}

// signedProjects lists the projects signed in from..to (the
// project_signed index: model's Project.Signed), by date.
func signedProjects(tx *bolt.Tx, from, to model.Date) ([]SignedProject, error) {
	var out []SignedProject
	err := seekRange(ix(tx, ixProjectSigned), dateBytes(from), dateBytes(to+1), func(k, _ []byte) error {
		if len(k) < 12 {
			return model.Errf("corrupt_index", "a signed project index entry is damaged; run salesplan check")
		}
		p, err := getProject(tx, keyID(k[4:12]))
		if err != nil {
			return err
		}
		out = append(out, SignedProject{ID: p.ID, Project: p.Name, Value: p.Value, On: readDate(k[:4])})
		return nil
	})
	return out, err
}

// quietKeyClients lists the key clients without a contact in from..to:
// the follow-up index names every non-archived client with its tier, and
// the contact index answers "any contact in the week" by one seek each.
func quietKeyClients(tx *bolt.Tx, from, to model.Date) ([]QuietClient, error) {
	var out []QuietClient
	contacts := ix(tx, ixContactClient)
	err := ix(tx, ixClientDue).ForEach(func(k, v []byte) error {
		if len(v) < 1 || v[0] != 'k' {
			return nil
		}
		cs, ok := dueState(k, v)
		if !ok {
			return model.Errf("corrupt_index", "a client follow-up index entry is damaged; run salesplan check")
		}
		if cs.Client.CreatedOn.Valid() && cs.Client.CreatedOn > to {
			return nil
		}
		id := idKey(cs.Client.ID)
		c := contacts.Cursor()
		k2, _ := c.Seek(cat(id, dateBytes(from)))
		if hasPrefix(k2, id) && len(k2) >= 12 && readDate(k2[8:12]) <= to {
			return nil // contacted in the week
		}
		last := cs.LastContact
		if last > to {
			// Contacted after the week: what counts is the last one before it.
			last = model.NoDate
			if k3, _ := c.Seek(cat(id, dateBytes(from))); k3 != nil {
				if k3, _ = c.Prev(); hasPrefix(k3, id) && len(k3) >= 12 {
					last = readDate(k3[8:12])
				}
			} else if k3, _ = c.Last(); hasPrefix(k3, id) && len(k3) >= 12 {
				last = readDate(k3[8:12])
			}
		}
		out = append(out, QuietClient{ID: cs.Client.ID, Name: cs.Client.Name, LastContact: last})
		return nil
	})
	// Never contacted first, then the longest silent.
	slices.SortFunc(out, func(a, b QuietClient) int {
		return cmp.Or(cmp.Compare(a.LastContact, b.LastContact), cmp.Compare(a.Name, b.Name))
	})
	return out, err
}

// upcoming lists the bids of projects preparing one (lead, design,
// bidding), the days their papers are due and the open promises due in
// from..to, by date.
func upcoming(tx *bolt.Tx, n *namer, cal model.Calendar, from, to model.Date) ([]Upcoming, error) {
	var out []Upcoming
	lo, hi := dateBytes(from), dateBytes(to+1)
	err := seekRange(ix(tx, ixBidDate), lo, dateBytes(to+1+model.PapersLookahead), func(k, v []byte) error {
		if len(v) < 1 || len(k) < 12 {
			return nil
		}
		if st := byteStage(v[0]); !model.PreparesBid(st) {
			return nil
		}
		id := keyID(k[4:12])
		p, err := getProject(tx, id)
		if err != nil {
			return err
		}
		bid := readDate(k[:4])
		if bid <= to {
			out = append(out, Upcoming{Date: bid, Kind: UpcomingBid, Project: n.project(id), Client: n.client(p.ClientID)})
		}
		if papers := model.PapersDue(bid, cal); papers >= from && papers <= to {
			out = append(out, Upcoming{Date: papers, Kind: UpcomingPapers, Project: n.project(id), Client: n.client(p.ClientID)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = seekRange(ix(tx, ixPromiseStatus), cat([]byte{'o'}, lo), cat([]byte{'o'}, hi), func(k, _ []byte) error {
		p, err := getPromise(tx, keyID(k[5:]))
		if err != nil {
			return err
		}
		out = append(out, Upcoming{Date: p.Due, Kind: UpcomingPromise, Client: n.client(p.ClientID),
			Project: n.project(p.ProjectID), Text: p.Text})
		return nil
	})
	slices.SortStableFunc(out, func(a, b Upcoming) int { return cmp.Compare(a.Date, b.Date) })
	return out, err
}

// YearSigned returns each month's signed sales against its target for a
// year (the Month pane's year view), from the stage-move index.
func (s *Store) YearSigned(year int) ([12]model.MoneyQuota, error) {
	var out [12]model.MoneyQuota
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		st, err := readSettings(tx)
		if err != nil {
			return err
		}
		for i := range out {
			m := model.Month{Year: year, Month: time.Month(i + 1)}
			v, err := signedIn(tx, m.First(), m.Last())
			if err != nil {
				return err
			}
			out[i] = model.MoneyQuota{Value: v, Target: st.MonthTarget(m)}
		}
		return nil
	})
	return out, err
}
