package storage

import (
	"errors"
	"testing"

	"salesplan/model"
)

func TestSettings(t *testing.T) {
	s := newStore(t)
	st, err := s.Settings()
	if err != nil || st.CallsPerDay != 30 || st.KeyCadenceDays != 7 || len(st.Workdays) != 5 {
		t.Fatalf("defaults = %+v, %v", st, err)
	}
	err = s.UpdateSettings(func(st *model.Settings) error {
		st.AnnualTargets[2026] = model.MoneyFromMain(1200000)
		st.CallsPerDay = 25
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if st, _ = s.Settings(); st.CallsPerDay != 25 || st.AnnualTargets[2026] != model.MoneyFromMain(1200000) || st.VisitsPerWeek != 20 {
		t.Errorf("after update: %+v", st)
	}
	for _, c := range []struct {
		name string
		fn   func(*model.Settings)
		code string
	}{
		{"negative calls", func(st *model.Settings) { st.CallsPerDay = -1 }, "bad_setting"},
		{"zero cadence", func(st *model.Settings) { st.KeyCadenceDays = 0 }, "bad_setting"},
		{"bad month key", func(st *model.Settings) { st.MonthTargets["2026-13"] = 1 }, "bad_month_target"},
		{"negative target", func(st *model.Settings) { st.AnnualTargets[2027] = -5 }, "bad_annual_target"},
	} {
		err := s.UpdateSettings(func(st *model.Settings) error { c.fn(st); return nil })
		if problemCode(err) != c.code {
			t.Errorf("%s: %v, want %s", c.name, err, c.code)
		}
	}
	boom := errors.New("changed my mind")
	if err := s.UpdateSettings(func(st *model.Settings) error { st.CallsPerDay = 1; return boom }); !errors.Is(err, boom) {
		t.Errorf("fn error = %v", err)
	}
	if st, _ = s.Settings(); st.CallsPerDay != 25 {
		t.Errorf("a failed update changed the settings: %d", st.CallsPerDay)
	}
}

// A cadence change moves every client's follow-up date in the index that
// Today reads.
func TestCadenceChangeRefreshesFollowUp(t *testing.T) {
	s := newStore(t)
	mustClient(t, s, "王总", model.TierKey, d("2026-11-20")) // due 11-27 with 7 days
	keyDue := func() int {
		a, err := s.Today(d("2026-11-27"))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, it := range a.Attention {
			if it.Type == model.AttClientFollowUp {
				n++
			}
		}
		return n
	}
	if keyDue() != 1 {
		t.Fatal("key client not due on day 7")
	}
	if err := s.UpdateSettings(func(st *model.Settings) error { st.KeyCadenceDays = 10; return nil }); err != nil {
		t.Fatal(err)
	}
	if keyDue() != 0 {
		t.Error("still due after the cadence became 10 days")
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if keyDue() != 1 {
		t.Error("not due again after undoing the cadence change")
	}
}
