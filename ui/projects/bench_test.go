package projects

import (
	"fmt"
	"testing"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// A pipeline of 2,000 projects (a busy team's share) draws in both
// layouts without drawing what is off screen.
func BenchmarkView(b *testing.B) {
	m := newModel(uitest.Env(nil, i18n.ZH))
	for i := range 2000 {
		st := model.Stages[i%8]
		m.rows = append(m.rows, storage.ProjectRow{
			Project: model.Project{ID: model.ID(i + 1), Name: fmt.Sprintf("项目 %d 冷站改造", i), Stage: st,
				Value: model.MoneyFromMain(float64(100000 + i)), BidDate: uitest.Today.AddDays(i%30 - 15),
				StageHistory: []model.StageEntry{{Stage: st, On: uitest.Today.AddDays(-i % 60)}}},
			Client:   "王总",
			FollowUp: model.FollowUp{Due: uitest.Today.AddDays(i%20 - 10), IsDue: i%20 < 10},
		})
	}
	m.loaded = true
	m.applyFilter(0)
	for _, sz := range []struct{ w, h int }{{80, 24}, {140, 40}} {
		b.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(b *testing.B) {
			m.SetSize(sz.w, sz.h)
			m.cur = len(m.shown) / 2
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}
