package storage

import (
	"reflect"
	"testing"

	"salesplan/model"
)

// TestSettingsSeeOtherWriters: Settings answers from what it read last
// only while the file is unchanged; a change by another Store (another
// process), a change by this one, and a restore are all seen at once.
func TestSettingsSeeOtherWriters(t *testing.T) {
	s := newStore(t)
	other, err := Open(s.path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st, err := s.Settings(); err != nil || st.CallsPerDay != 30 {
		t.Fatalf("defaults: %d calls a day, %v", st.CallsPerDay, err)
	}
	setCalls := func(st *Store, n int) {
		t.Helper()
		if err := st.UpdateSettings(func(set *model.Settings) error { set.CallsPerDay = n; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	for i, writer := range []*Store{other, s, other} {
		setCalls(writer, 40+i)
		// Today reads the settings its transaction sees, kept or not.
		for range 2 {
			if ag, err := s.Today(d("2026-11-27")); err != nil || ag.Calls.Target != 40+i {
				t.Errorf("after write %d: Today's call target %d (%v), want %d", i, ag.Calls.Target, err, 40+i)
			}
		}
		st, err := s.Settings()
		if err != nil || st.CallsPerDay != 40+i {
			t.Errorf("after write %d: %d calls a day (%v), want %d", i, st.CallsPerDay, err, 40+i)
		}
	}
	// The caller's copy is its own.
	st, _ := s.Settings()
	st.AnnualTargets[2026] = 1
	st.Workdays[0] = 6
	again, _ := s.Settings()
	if _, ok := again.AnnualTargets[2026]; ok || again.Workdays[0] == 6 {
		t.Errorf("a change to returned settings reached the next call: %+v", again)
	}
	// A restore puts another file at the path: its settings are read.
	backup := s.path + ".bak"
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	setCalls(other, 55)
	if st, _ := s.Settings(); st.CallsPerDay != 55 {
		t.Fatalf("before the restore: %d", st.CallsPerDay)
	}
	if err := s.Restore(backup); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Settings(); st.CallsPerDay != 42 {
		t.Errorf("after restoring a copy with 42 calls a day: %d", st.CallsPerDay)
	}
}

// TestCloneSettingsCopiesEveryReference: every map and slice of
// model.Settings is copied by cloneSettings (a field added later must be
// added there too).
func TestCloneSettingsCopiesEveryReference(t *testing.T) {
	st := model.DefaultSettings()
	st.AnnualTargets[2026] = 5
	st.MonthTargets["2026-11"] = 6
	st.DaysOff = []model.Date{7}
	st.ExtraWorkdays = []model.Date{8}
	c := cloneSettings(st)
	v, cv := reflect.ValueOf(st), reflect.ValueOf(c)
	for i := range v.NumField() {
		f := v.Type().Field(i)
		switch f.Type.Kind() {
		case reflect.Map, reflect.Slice:
			if v.Field(i).Len() > 0 && v.Field(i).UnsafePointer() == cv.Field(i).UnsafePointer() {
				t.Errorf("Settings.%s is shared by the clone", f.Name)
			}
		case reflect.Pointer, reflect.Interface, reflect.Chan, reflect.Func:
			t.Errorf("Settings.%s (%s): cloneSettings does not know how to copy it", f.Name, f.Type)
		}
	}
	if !reflect.DeepEqual(st, c) {
		t.Errorf("the clone differs: %+v", c)
	}
}
