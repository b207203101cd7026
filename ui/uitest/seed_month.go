package uitest

import (
	"testing"
	"time"

	"salesplan/model"
	"salesplan/storage"
)

// SeedMonthMarkers is SeedWeeks plus days where tasks and markers meet,
// for the Month's narrow cells: a bid on 25 Nov (a day with a task; its
// papers are due on the 23rd, a day with two), a promise due on the 30th
// (papers due there already, and a task) and one due today (two tasks).
func SeedMonthMarkers(t testing.TB, st *storage.Store) {
	t.Helper()
	SeedWeeks(t, st)
	c, err := st.AddClient(model.Client{Name: "刘主任", Tier: model.TierKey}, D(time.October, 1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddProject(model.Project{Name: "副中心医院", ClientID: c.ID, Stage: model.StageBidding,
		BidDate: D(time.November, 25)}, D(time.November, 2)); err != nil {
		t.Fatal(err)
	}
	for _, due := range []model.Date{D(time.November, 30), Today} {
		if _, err := st.AddPromise(model.Promise{ClientID: c.ID, Text: "案例", MadeOn: D(time.November, 20), Due: due}, Today); err != nil {
			t.Fatal(err)
		}
	}
}
