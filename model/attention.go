package model

import (
	"cmp"
	"slices"
)

// BuildAttention returns what the Day pane highlights for in.Today, most
// urgent first (DESIGN.md §2): overdue promises (most overdue first),
// promises due soon (soonest first), key clients whose follow-up is due
// (most overdue first), projects whose follow-up is due (most overdue
// first), bid preparation (papers due soonest first, then nearest bid) and bid results (the bid
// longest past first, as the longest wait is the most awkward to ask about).
// Ties are broken by client name, then project name, then id, so the list
// never reorders between two refreshes. Regular clients whose follow-up is
// due are only counted, in regularDue (with in.RegularDueUnlisted, those
// storage counted without listing); archived clients never count.
func BuildAttention(in AgendaInput) (items []AttentionItem, regularDue int) {
	today, s := in.Today, in.Settings
	cal := s.Calendar()
	clientNames := map[ID]string{}
	for _, cs := range in.Clients {
		clientNames[cs.Client.ID] = cs.Client.Name
	}
	for id, n := range in.ClientNames {
		clientNames[id] = n
	}
	projectNames := map[ID]string{}
	for _, ps := range in.Projects {
		projectNames[ps.Project.ID] = ps.Project.Name
	}
	for id, n := range in.ProjectNames {
		projectNames[id] = n
	}

	groups := make(map[AttentionType][]AttentionItem, len(AttentionTypes))
	add := func(it AttentionItem) { groups[it.Type] = append(groups[it.Type], it) }

	for _, p := range in.Promises {
		if !p.Due.Valid() {
			continue // not a promise storage would keep; never "overdue by 2000 years"
		}
		it := AttentionItem{ClientID: p.ClientID, ProjectID: p.ProjectID, PromiseID: p.ID, PromiseRev: p.Rev,
			Client: clientNames[p.ClientID], Project: projectNames[p.ProjectID], Text: p.Text, Due: p.Due}
		switch {
		case p.Overdue(today):
			it.Type, it.DaysOverdue = AttPromiseOverdue, today.Sub(p.Due)
			add(it)
		case p.DueSoon(today, cal):
			it.Type = AttPromiseDue
			add(it)
		}
	}

	for _, cs := range in.Clients {
		c := cs.Client
		f := ClientFollowUp(c, cs.LastContact, cs.NextBooked, s, today)
		if !f.IsDue {
			continue
		}
		if c.Tier != TierKey {
			regularDue++
			continue
		}
		add(AttentionItem{Type: AttClientFollowUp, ClientID: c.ID, Client: c.Name,
			Due: f.Due, DaysOverdue: f.DaysOverdue, Booked: f.Booked})
	}

	for _, ps := range in.Projects {
		p := ps.Project
		client := ps.ClientName
		if client == "" {
			client = clientNames[p.ClientID]
		}
		base := AttentionItem{ClientID: p.ClientID, ProjectID: p.ID, Client: client, Project: p.Name}
		if f := ProjectFollowUp(p, ps.LastContact, s, today); f.IsDue {
			it := base
			it.Type, it.Due, it.DaysOverdue = AttProjectFollowUp, f.Due, f.DaysOverdue
			add(it)
		}
		if BidPrep(p, today, cal) {
			it := base
			papers := PapersDue(p.BidDate, cal)
			it.Type, it.Due, it.Bid, it.PapersDue = AttBidPrep, papers, p.BidDate, papers
			it.Urgent = today >= papers
			it.DaysOverdue = max(0, today.Sub(papers))
			add(it)
		}
		if BidResult(p, today) {
			it := base
			it.Type, it.Due, it.Bid, it.DaysOverdue = AttBidResult, p.BidDate, p.BidDate, today.Sub(p.BidDate)
			add(it)
		}
	}

	for _, t := range AttentionTypes {
		g := groups[t]
		// Every type is ordered by its date ascending: for overdue kinds the
		// earliest due is the most overdue, for the rest it is the nearest.
		slices.SortFunc(g, func(a, b AttentionItem) int {
			return cmp.Or(
				cmp.Compare(a.Due, b.Due),
				cmp.Compare(a.Bid, b.Bid), // bid_prep: papers due together, nearest bid first
				cmp.Compare(a.Client, b.Client),
				cmp.Compare(a.Project, b.Project),
				cmp.Compare(a.PromiseID, b.PromiseID),
				cmp.Compare(a.ProjectID, b.ProjectID),
				cmp.Compare(a.ClientID, b.ClientID),
			)
		})
		items = append(items, g...)
	}
	return items, regularDue + max(in.RegularDueUnlisted, 0)
}
