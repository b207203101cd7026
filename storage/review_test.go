package storage

import (
	"testing"

	"salesplan/model"
)

// The review of the week of Mon 23 – Sun 29 Nov 2026, seen on Fri 27 Nov.
func TestReview(t *testing.T) {
	s := newStore(t)
	today := d("2026-11-27")
	wang := mustClient(t, s, "王总", model.TierKey, d("2026-10-01"))
	li := mustClient(t, s, "李经理", model.TierKey, d("2026-10-01"))
	quiet := mustClient(t, s, "Quiet Key", model.TierKey, d("2026-10-01"))
	_ = mustClient(t, s, "Regular", model.TierRegular, d("2026-10-01"))
	_ = mustClient(t, s, "Later Key", model.TierKey, d("2026-12-01")) // did not exist yet
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	entry := func(c model.ID, k model.EntryKind, day string) {
		_, err := s.AddEntry(model.JournalEntry{ClientID: c, Kind: k, At: at(day, 10), Text: "x"})
		must(err)
	}
	entry(wang.ID, model.EntryCall, "2026-11-23")
	entry(wang.ID, model.EntryCall, "2026-11-24")
	entry(li.ID, model.EntryVisit, "2026-11-25")
	entry(li.ID, model.EntryMeeting, "2026-11-26")
	entry(quiet.ID, model.EntryCall, "2026-11-10") // before the week
	entry(quiet.ID, model.EntryCall, "2026-12-02") // after it
	entry(wang.ID, model.EntryNote, "2026-11-25")  // a note is no contact

	// A project created in the week, bid, then signed; another one lost.
	p1, err := s.AddProject(model.Project{Name: "望京大厦", ClientID: wang.ID, Stage: model.StageDesign, Value: 50000000}, d("2026-11-23"))
	must(err)
	_, err = s.SetStage(p1.ID, model.StageBidding, d("2026-11-24"), nil, "")
	must(err)
	_, err = s.SetStage(p1.ID, model.StageContract, d("2026-11-26"), nil, "")
	must(err)
	p2, err := s.AddProject(model.Project{Name: "Old tower", ClientID: li.ID, Stage: model.StageBidding}, d("2026-10-01"))
	must(err)
	_, err = s.SetStage(p2.ID, model.StageLost, d("2026-11-25"), nil, "price")
	must(err)
	// Next week's bid.
	_, err = s.AddProject(model.Project{Name: "Next bid", ClientID: li.ID, Stage: model.StageBidding, BidDate: d("2026-12-02")}, d("2026-11-01"))
	must(err)

	promise := func(c model.ID, text, made, due string) model.Promise {
		p, err := s.AddPromise(model.Promise{ClientID: c, Text: text, MadeOn: d(made), Due: d(due)}, today)
		must(err)
		return p
	}
	onTime := promise(wang.ID, "quote", "2026-11-20", "2026-11-26")
	late := promise(li.ID, "samples", "2026-11-10", "2026-11-20")
	promise(li.ID, "drawings", "2026-11-10", "2026-11-22") // still open: overdue
	promise(wang.ID, "call back", "2026-11-27", "2026-12-01")
	_, err = s.KeepPromise(onTime.ID, d("2026-11-25"))
	must(err)
	_, err = s.KeepPromise(late.ID, d("2026-11-24"))
	must(err)

	r, err := s.Review(d("2026-11-25"), today)
	must(err)
	w, err := s.Week(d("2026-11-25"), today)
	must(err)
	if r.Week.Calls != w.Calls || r.Week.Visits != w.Visits || r.Week.Signed != w.Signed || r.Week.Promises != w.Promises {
		t.Errorf("review numbers differ from Week: %+v vs %+v", r.Week, w)
	}
	if r.Week.Calls.Done != 2 || r.Week.Visits.Done != 1 || r.Meetings != 1 {
		t.Errorf("calls %d visits %d meetings %d, want 2 1 1", r.Week.Calls.Done, r.Week.Visits.Done, r.Meetings)
	}
	want := model.Funnel{Contacts: 4, NewProjects: 1, Bids: 1, Wins: 1, Lost: 1, WinRate: 0.5}
	if r.Funnel != want {
		t.Errorf("funnel %+v, want %+v", r.Funnel, want)
	}
	if len(r.Kept) != 2 || r.Kept[0].Text != "samples" || r.Kept[0].KeptOnTime() || !r.Kept[1].KeptOnTime() || r.Kept[1].Client != "王总" {
		t.Errorf("kept = %+v", r.Kept)
	}
	if len(r.Overdue) != 1 || r.Overdue[0].Text != "drawings" {
		t.Errorf("overdue = %+v", r.Overdue)
	}
	if len(r.Signed) != 1 || r.Signed[0].Project != "望京大厦" || r.Signed[0].Value != 50000000 || r.Signed[0].On != d("2026-11-26") {
		t.Errorf("signed = %+v", r.Signed)
	}
	if len(r.Quiet) != 1 || r.Quiet[0].Name != "Quiet Key" || r.Quiet[0].LastContact != d("2026-11-10") {
		t.Errorf("quiet = %+v (want Quiet Key, last contact 10 Nov, not the contact after the week)", r.Quiet)
	}
	// The bid on Wed 12-02 has its papers due Mon 11-30 (two working days
	// before): next week knows both.
	if len(r.Next) != 3 || r.Next[0].Kind != UpcomingPapers || r.Next[0].Date != d("2026-11-30") || r.Next[0].Project != "Next bid" ||
		r.Next[1].Kind != UpcomingPromise || r.Next[1].Date != d("2026-12-01") ||
		r.Next[2].Kind != UpcomingBid || r.Next[2].Project != "Next bid" || r.Next[2].Client != "李经理" {
		t.Errorf("next = %+v", r.Next)
	}
}

func TestYearSigned(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-01-01"))
	if err := s.UpdateSettings(func(st *model.Settings) error {
		st.AnnualTargets[2026] = 120000000
		st.MonthTargets["2026-12"] = 5000000
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	p, err := s.AddProject(model.Project{Name: "P", ClientID: c.ID, Stage: model.StageBidding, Value: 3000000}, d("2026-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStage(p.ID, model.StageContract, d("2026-03-15"), nil, ""); err != nil {
		t.Fatal(err)
	}
	y, err := s.YearSigned(2026)
	if err != nil {
		t.Fatal(err)
	}
	// December set by hand to 50,000.00 leaves 1,150,000.00 to the other
	// eleven months: 10,454,545 cents each, the five cents left over to
	// July–November; the year stays whole.
	var sum model.Money
	for _, m := range y {
		sum += m.Target
	}
	if y[2].Value != 3000000 || y[2].Target != 10454545 || y[10].Target != 10454546 || y[11].Target != 5000000 || y[0].Value != 0 || sum != 120000000 {
		t.Errorf("year = %+v (sum %d)", y, sum)
	}
}
