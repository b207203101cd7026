package model

import (
	"testing"
	"time"
)

func TestChecklist(t *testing.T) {
	for _, tt := range []struct {
		stage Stage
		codes []string
	}{
		{StageLead, nil},
		{StageDesign, nil},
		{StageBidding, nil},
		{StageContract, []string{"sign_contract", "advance_payment", "arrange_stock"}},
		{StageDelivery, []string{"goods_on_site", "ask_commissioning"}},
		{StageCommissioning, nil},
		{StageAcceptance, []string{"acceptance_docs", "collect_payment"}},
		{StageClosed, nil},
		{StageLost, nil},
		{Stage("nonsense"), nil},
	} {
		t.Run(string(tt.stage), func(t *testing.T) {
			got := Checklist(tt.stage)
			if len(got) != len(tt.codes) {
				t.Fatalf("Checklist(%s) has %d items, want %d: %+v", tt.stage, len(got), len(tt.codes), got)
			}
			for i, it := range got {
				if it.Code != tt.codes[i] || !it.Kind.Valid() {
					t.Errorf("item %d = %+v, want code %s with a valid kind", i, it, tt.codes[i])
				}
			}
		})
	}
}

// A caller editing the returned list (the planner lets the user reword and
// drop items) must not change the next project's checklist.
func TestChecklistIsACopy(t *testing.T) {
	a := Checklist(StageContract)
	a[0].Code = "changed"
	if b := Checklist(StageContract); b[0].Code != "sign_contract" {
		t.Fatalf("the checklist was changed through a returned slice: %+v", b)
	}
}

func TestChecklistTasks(t *testing.T) {
	on := MakeDate(2026, time.November, 27)
	p := Project{ID: 4, ClientID: 9, Name: "Tower"}
	got := ChecklistTasks(p, on, []string{"Sign", "", "Stock"}, []TaskKind{TaskTodo, TaskTodo, TaskCall})
	if len(got) != 2 {
		t.Fatalf("an emptied title is a dropped item: got %d tasks", len(got))
	}
	for _, tk := range got {
		if tk.Date != on || tk.ClientID != 9 || tk.ProjectID != 4 || tk.Done {
			t.Errorf("task %+v: want dated %s, client 9, project 4, undone", tk, on)
		}
	}
	if got[1].Title != "Stock" || got[1].Kind != TaskCall {
		t.Errorf("second task = %+v, want the call 'Stock'", got[1])
	}
	if none := ChecklistTasks(p, on, nil, nil); none != nil {
		t.Errorf("no titles, no tasks: got %+v", none)
	}
}
