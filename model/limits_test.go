package model

import (
	"errors"
	"strings"
	"testing"
)

func TestLimits(t *testing.T) {
	code := func(err error) string {
		var p *Problem
		if errors.As(err, &p) {
			return p.Code
		}
		return ""
	}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"title at 500 characters, Chinese", Task{Title: strings.Repeat("标", 500)}.CheckLimits(), ""},
		{"title of 501", Task{Title: strings.Repeat("a", 501)}.CheckLimits(), "too_long_title"},
		{"client name of 501", Client{Name: strings.Repeat("名", 501)}.CheckLimits(), "too_long_name"},
		{"needs at 64 KiB", Client{Name: "x", Needs: strings.Repeat("n", MaxTextBytes)}.CheckLimits(), ""},
		{"needs one byte over", Client{Name: "x", Needs: strings.Repeat("n", MaxTextBytes+1)}.CheckLimits(), "too_long_needs"},
		{"note over in bytes, not characters", JournalEntry{Text: strings.Repeat("长", MaxTextBytes/3+1)}.CheckLimits(), "too_long_text"},
		{"promise text", Promise{Text: strings.Repeat("p", MaxTextBytes+1)}.CheckLimits(), "too_long_text"},
		{"project owner", Project{Name: "x", Owner: strings.Repeat("o", MaxTextBytes+1)}.CheckLimits(), "too_long_owner"},
		{"project name", Project{Name: strings.Repeat("p", 501)}.CheckLimits(), "too_long_name"},
		{"currency", Settings{Currency: strings.Repeat("¥", MaxTextBytes)}.CheckLimits(), "too_long_currency"},
	}
	for _, tt := range tests {
		if got := code(tt.err); got != tt.want {
			t.Errorf("%s: %v, want %q", tt.name, tt.err, tt.want)
		}
	}
	if err := CheckTitle(FieldTitle, strings.Repeat("x", 1005)); !strings.Contains(err.Error(), "1005 characters") || !strings.Contains(err.Error(), "500") {
		t.Errorf("the message names neither the length nor the limit: %v", err)
	}
}

func TestStepStage(t *testing.T) {
	hist := func(ss ...Stage) []StageEntry {
		var out []StageEntry
		for i, s := range ss {
			out = append(out, StageEntry{Stage: s, On: MakeDate(2026, 11, 1+i)})
		}
		return out
	}
	tests := []struct {
		p    Project
		dir  int
		want Stage
		code string
	}{
		{Project{Stage: StageDesign}, 1, StageBidding, ""},
		{Project{Stage: StageDesign}, -1, StageLead, ""},
		{Project{Stage: StageLead}, -1, StageLead, "project_first_stage"},
		{Project{Stage: StageClosed}, 1, StageClosed, "project_closed"},
		{Project{Stage: StageLost}, 1, StageLost, "project_lost"},
		{Project{Stage: StageLost, StageHistory: hist(StageDesign, StageBidding, StageLost)}, -1, StageBidding, ""},
		{Project{Stage: StageLost, StageHistory: hist(StageLost)}, -1, StageLead, ""},
	}
	for _, tt := range tests {
		got, err := StepStage(tt.p, tt.dir)
		var p *Problem
		code := ""
		if errors.As(err, &p) {
			code = p.Code
		}
		if got != tt.want || code != tt.code {
			t.Errorf("StepStage(%s, %d) = %s, %q; want %s, %q", tt.p.Stage, tt.dir, got, code, tt.want, tt.code)
		}
	}
}
