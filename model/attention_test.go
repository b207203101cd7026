package model

import (
	"fmt"
	"slices"
	"testing"
)

// attentionInput is a day with something of every attention type, with ties.
func attentionInput() AgendaInput {
	today := d("2026-11-27") // a Friday
	key := func(id ID, name, last string) ClientState {
		return ClientState{Client: Client{ID: id, Name: name, Tier: TierKey, CreatedOn: d("2026-01-01")}, LastContact: d(last)}
	}
	regular := func(id ID, name, last string) ClientState {
		return ClientState{Client: Client{ID: id, Name: name, Tier: TierRegular, CreatedOn: d("2026-01-01")}, LastContact: d(last)}
	}
	scheduled := key(14, "Sched", "2026-11-01")
	scheduled.NextBooked = today.AddDays(7) // the last day of the schedule window
	archived := key(15, "Gone", "2026-11-01")
	archived.Client.Archived = true
	archivedRegular := regular(23, "Gone too", "2026-09-01")
	archivedRegular.Client.Archived = true
	proj := func(id ID, name string, st Stage, since, bid string) ProjectState {
		p := project(st, since, bid)
		p.ID, p.Name, p.ClientID = id, name, 1
		return ProjectState{Project: p, ClientName: "王总"}
	}
	return AgendaInput{
		Today:    today,
		Settings: DefaultSettings(),
		Promises: []Promise{
			{ID: 1, ClientID: 1, ProjectID: 31, Text: "send the quote", Due: d("2026-11-20"), Status: PromiseOpen},
			{ID: 2, ClientID: 2, Text: "samples", Due: d("2026-11-25"), Status: PromiseOpen},
			{ID: 3, ClientID: 3, Text: "catalogue", Due: d("2026-11-20"), Status: PromiseOpen},
			{ID: 4, ClientID: 2, Text: "price list", Due: d("2026-11-29"), Status: PromiseOpen},
			{ID: 5, ClientID: 1, Text: "call back", Due: d("2026-11-27"), Status: PromiseOpen},
			{ID: 6, ClientID: 1, Text: "later", Due: d("2026-11-30"), Status: PromiseOpen},
			{ID: 7, ClientID: 1, Text: "done", Due: d("2026-11-20"), Status: PromiseKept, KeptOn: d("2026-11-19")},
			{ID: 8, ClientID: 1, Text: "no due date", Status: PromiseOpen},
			{ID: 9, ClientID: 2, Text: "cancelled", Due: d("2026-11-20"), Status: PromiseCancelled},
		},
		Clients: []ClientState{
			key(11, "Zed", "2026-11-10"), // due 11-17
			key(12, "Ann", "2026-11-13"), // due 11-20
			key(13, "Amy", "2026-11-13"), // due 11-20, ties with Ann: by name
			key(16, "Fresh", "2026-11-21"),
			scheduled, archived,
			regular(21, "Reg due", "2026-10-20"),
			regular(22, "Reg fine", "2026-11-20"),
			archivedRegular,
		},
		Projects: []ProjectState{
			proj(31, "Tower", StageDesign, "2026-11-10", "2026-11-29"),   // follow-up due 11-17; bid prep D-2
			proj(32, "Mall", StageBidding, "2026-11-01", "2026-11-26"),   // follow-up due 11-15; bid result
			proj(33, "Lost one", StageLost, "2026-11-01", "2026-11-27"),  // nothing
			proj(34, "School", StageBidding, "2026-11-20", "2026-11-27"), // bid prep on D
		},
		ClientNames:  map[ID]string{1: "王总", 2: "ACME Ltd", 3: "Bob"},
		ProjectNames: map[ID]string{31: "Tower"},
	}
}

// describe renders an item compactly for comparing whole lists.
func describe(it AttentionItem) string {
	return fmt.Sprintf("%s %s/%s %s +%d", it.Type, it.Client, it.Project, it.Due, it.DaysOverdue)
}

func TestBuildAttentionOrder(t *testing.T) {
	items, regular := BuildAttention(attentionInput())
	var got []string
	for _, it := range items {
		got = append(got, describe(it))
	}
	want := []string{
		"promise_overdue Bob/ 2026-11-20 +7", // ties with 王总 on date: by name
		"promise_overdue 王总/Tower 2026-11-20 +7",
		"promise_overdue ACME Ltd/ 2026-11-25 +2",
		"promise_due 王总/ 2026-11-27 +0",
		"promise_due ACME Ltd/ 2026-11-29 +0",
		"promise_due 王总/ 2026-11-30 +0", // Friday: due soon reaches Tuesday (two working days)
		"client_followup Zed/ 2026-11-17 +10",
		"client_followup Amy/ 2026-11-20 +7",
		"client_followup Ann/ 2026-11-20 +7",
		"project_followup 王总/Mall 2026-11-15 +12",
		"project_followup 王总/Tower 2026-11-17 +10",
		"bid_prep 王总/School 2026-11-25 +2", // bid Fri 11-27: papers due Wed 11-25
		"bid_prep 王总/Tower 2026-11-26 +1",  // bid Sun 11-29: papers due Thu 11-26
		"bid_result 王总/Mall 2026-11-26 +1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("attention:\n got  %q\n want %q", got, want)
	}
	if regular != 1 {
		t.Errorf("regularDue = %d, want 1 (archived and not-yet-due regulars excluded)", regular)
	}
	if items[1].Text != "send the quote" || items[1].PromiseID != 1 || items[1].ProjectID != 31 {
		t.Errorf("promise item lost its text or ids: %+v", items[1])
	}
}

func TestBuildAttentionDeterministic(t *testing.T) {
	in := attentionInput()
	first, _ := BuildAttention(in)
	slices.Reverse(in.Promises)
	slices.Reverse(in.Clients)
	slices.Reverse(in.Projects)
	again, _ := BuildAttention(in)
	if !slices.EqualFunc(first, again, func(a, b AttentionItem) bool { return describe(a) == describe(b) && a.PromiseID == b.PromiseID }) {
		t.Errorf("attention depends on input order:\n%v\n%v", first, again)
	}
}

func TestBuildAttentionEmpty(t *testing.T) {
	items, regular := BuildAttention(AgendaInput{Today: d("2026-11-27"), Settings: DefaultSettings()})
	if len(items) != 0 || regular != 0 {
		t.Errorf("empty input gave %v, %d", items, regular)
	}
}
