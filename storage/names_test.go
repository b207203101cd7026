package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// Look-alike names (zero-width, bidi, spacing, case) are one name: the
// second is refused as a duplicate, on every path.
func TestLookAlikeNamesAreDuplicates(t *testing.T) {
	s := newStore(t)
	acme := mustClient(t, s, "ACME Ltd", model.TierRegular, d("2026-11-01"))
	for _, name := range []string{"ACME Ltd\u200b", "acme  ltd", "\u202eACME Ltd", "ACME\u00a0Ltd"} {
		_, err := s.AddClient(model.Client{Name: name}, d("2026-11-27"))
		if p := model.ProblemOf(err); p == nil || p.Code != "duplicate_client" {
			t.Errorf("AddClient(%q) = %v, want duplicate_client", name, err)
		}
	}
	// A zero-width character is removed from the name kept.
	c, err := s.AddClient(model.Client{Name: "Zeta\u200b Co"}, d("2026-11-27"))
	if err != nil || c.Name != "Zeta Co" {
		t.Fatalf("AddClient = %+v, %v", c, err)
	}
	if got, err := s.FindClient("zeta co"); err != nil || got.ID != c.ID {
		t.Errorf("FindClient = %v, %v", got, err)
	}
	// Renaming to a look-alike of another is refused; keeping one's own name is fine.
	c.Name = "acme ltd\u200d"
	if err := s.UpdateClient(c); model.ProblemOf(err) == nil || model.ProblemOf(err).Code != "duplicate_client" {
		t.Errorf("rename to a look-alike: %v", err)
	}
	acme.Phone = "123"
	if err := s.UpdateClient(acme); err != nil {
		t.Errorf("edit keeping the name: %v", err)
	}
	p, err := s.AddProject(model.Project{Name: "Tower A", ClientID: acme.ID}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddProject(model.Project{Name: "tower\u200b a", ClientID: acme.ID}, d("2026-11-27")); model.ProblemOf(err) == nil ||
		model.ProblemOf(err).Code != "duplicate_project" {
		t.Errorf("look-alike project: %v", err)
	}
	_ = p
	assertNoDrift(t, s)
}

// A database written before look-alikes were refused (and before the name
// keys folded them) still opens: its indexes are rebuilt with both
// look-alikes listed, each found, and no new look-alike accepted.
func TestOldLookAlikesStillOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Store two look-alikes as an old build did: under raw names, with
	// the index version of that build.
	err = s.update(func(tx *bolt.Tx) error {
		for i, name := range []string{"ACME Ltd", "ACME Ltd\u200b", "\u200b"} {
			c := model.Client{ID: model.ID(i + 1), Name: name, Tier: model.TierRegular, CreatedOn: d("2026-11-01")}
			if _, err := putRaw(rb(tx, bClients), &c.ID, &c); err != nil {
				return err
			}
		}
		if err := reindex(tx); err != nil {
			return err
		}
		// The old build's name keys: lower case, trimmed, nothing folded.
		names := ix(tx, ixClientName)
		var keys [][]byte
		_ = names.ForEach(func(k, _ []byte) error { keys = append(keys, append([]byte(nil), k...)); return nil })
		for _, k := range keys {
			if err := names.Delete(k); err != nil {
				return err
			}
		}
		for i, k := range []string{"acme ltd", "acme ltd\u200b", "\u200b"} {
			if err := names.Put([]byte(k), idKey(model.ID(i+1))); err != nil {
				return err
			}
		}
		return rb(tx, bMeta).Delete(kIndexVersion)
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("open an old file with look-alikes: %v", err)
	}
	rows, err := s.Clients(d("2026-11-27"), true)
	if err != nil || len(rows) != 3 {
		t.Fatalf("clients = %d, %v; want all 3 listed", len(rows), err)
	}
	if c, err := s.FindClient("ACME Ltd"); err != nil || c.ID != 1 {
		t.Errorf("FindClient = %+v, %v", c, err)
	}
	if _, err := s.AddClient(model.Client{Name: "acme ltd"}, d("2026-11-27")); model.ProblemOf(err) == nil {
		t.Errorf("a third look-alike was accepted")
	}
	// The look-alike can still be edited (archived) and renamed apart.
	if _, err := s.ArchiveClient(2); err != nil {
		t.Errorf("archive the old look-alike: %v", err)
	}
	c2, _ := s.Client(2)
	c2.Name = "ACME Ltd (Shanghai)"
	if err := s.UpdateClient(c2); err != nil {
		t.Errorf("rename the old look-alike apart: %v", err)
	}
	if c, err := s.FindClient("ACME Ltd (Shanghai)"); err != nil || c.ID != 2 {
		t.Errorf("FindClient renamed = %+v, %v", c, err)
	}
	if c, err := s.FindClient("ACME Ltd"); err != nil || c.ID != 1 {
		t.Errorf("FindClient ACME Ltd after the rename = %+v, %v", c, err)
	}
	assertNoDrift(t, s)
}

// Operations refuse what import refuses, with the same code and field.
func TestOperationsAndImportAgree(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	late := model.MaxDate + 1
	type probe struct {
		name  string
		op    func() error
		edit  func(d *Document)
		code  string
		field string
	}
	for _, pr := range []probe{
		{"task date past the range", func() error {
			_, err := s.AddTask(model.Task{Title: "x", Date: late})
			return err
		}, func(d *Document) { d.Tasks[0].Date = late }, "date_out_of_range", "date"},
		{"promise due past the range", func() error {
			_, err := s.AddPromise(model.Promise{ClientID: c.ID, Text: "x", Due: late}, d("2026-11-27"))
			return err
		}, func(d *Document) { d.Promises[0].Due = late }, "date_out_of_range", "due"},
		{"project value above the limit", func() error {
			_, err := s.AddProject(model.Project{Name: "Big", ClientID: c.ID, Value: model.MaxMoney + 1}, d("2026-11-27"))
			return err
		}, func(d *Document) { d.Projects[0].Value = model.MaxMoney + 1 }, "amount_too_large", "value"},
		{"invisible client name", func() error {
			_, err := s.AddClient(model.Client{Name: "\u200b\u200d"}, d("2026-11-27"))
			return err
		}, func(d *Document) { d.Clients[2].Name = "\u200b\u200d" }, "empty_name", "name"},
		{"text above the limit", func() error {
			_, err := s.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, Text: strings.Repeat("x", model.MaxTextBytes+1)})
			return err
		}, func(d *Document) { d.Journal[0].Text = strings.Repeat("x", model.MaxTextBytes+1) }, "too_long_text", "text"},
	} {
		t.Run(pr.name, func(t *testing.T) {
			opP := model.ProblemOf(pr.op())
			if opP == nil || opP.Code != pr.code || opP.Field != pr.field {
				t.Errorf("operation: %v (field %q), want %s on %s", opP, fieldOf(opP), pr.code, pr.field)
			}
			doc := sampleDocument()
			pr.edit(doc)
			err := newStore(t).ImportDocument(doc, false)
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Why == nil || ve.Why.Code != pr.code || ve.Field != pr.field {
				t.Errorf("import: %v, want %s on %s", err, pr.code, pr.field)
			}
		})
	}
}

func fieldOf(p *model.Problem) string {
	if p == nil {
		return ""
	}
	return p.Field
}

// A daily task done on the last day of the range ends its repeat: no
// record past the range is made, check is clean, and the export imports.
func TestRepeatEndsAtTheRangeEnd(t *testing.T) {
	s := newStore(t)
	last := model.MaxDate
	task, err := s.AddTask(model.Task{Title: "daily", Date: last - 2, Repeat: model.RepeatDaily})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		res, err := s.CompleteTask(task.ID, task.Date, at("2026-11-27", 10), "")
		if err != nil {
			t.Fatalf("complete %s: %v", task.Date, err)
		}
		if res.Next == nil {
			if task.Date != last {
				t.Errorf("the repeat ended on %s, want %s", task.Date, last)
			}
			break
		}
		if i > 5 {
			t.Fatal("the repeat did not end")
		}
		task = *res.Next
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
	if err := newStore(t).ImportDocument(mustDocument(t, s), false); err != nil {
		t.Errorf("the export does not import: %v", err)
	}
}

func mustDocument(t *testing.T, s *Store) *Document {
	t.Helper()
	doc, err := s.Document()
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Values at every limit round-trip through export and import.
func TestValuesAtTheLimitsRoundTrip(t *testing.T) {
	s := newStore(t)
	long := make([]byte, model.MaxTextBytes)
	for i := range long {
		long[i] = 'a' + byte(i%26)
	}
	c, err := s.AddClient(model.Client{Name: "Limits", Needs: string(long), CadenceDays: 3650, CreatedOn: model.MinDate}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	hist := []model.StageEntry{{Stage: model.StageLead, On: model.MinDate}, {Stage: model.StageContract, On: model.MaxDate}}
	p, err := s.AddProject(model.Project{Name: "Max", ClientID: c.ID, Value: model.MaxMoney, Stage: model.StageContract,
		BidDate: model.MaxDate, StageHistory: hist}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTask(model.Task{Title: "last", Date: model.MaxDate, Time: model.ClockAt(23, 59), ClientID: c.ID, ProjectID: p.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPromise(model.Promise{ClientID: c.ID, Text: string(long), MadeOn: model.MinDate, Due: model.MaxDate}, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateSettings(func(st *model.Settings) error {
		st.AnnualTargets[2200] = model.MaxMoney
		st.MonthTargets["1900-01"] = model.MaxMoney
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	first := exportJSON(t, s)
	s2 := newStore(t)
	if err := importJSON(s2, first, false); err != nil {
		t.Fatalf("import at the limits: %v", err)
	}
	if second := exportJSON(t, s2); string(second) != string(first) {
		t.Errorf("export → import → export differs")
	}
	if got, _ := s2.YearSigned(2200); got[11].Value != model.MaxMoney {
		t.Errorf("signed in December 2200 = %d, want %d", got[11].Value, model.MaxMoney)
	}
}

// check reports a stored record that today's rules refuse (one written by
// an older build: a repeat run past the end of the range), so it can be
// found and edited before an export stops at it.
func TestCheckReportsRecordsTheRulesRefuse(t *testing.T) {
	s := openPlain(t)
	if _, err := s.AddClient(model.Client{Name: "A"}, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	err := s.update(func(tx *bolt.Tx) error {
		task := model.Task{Title: "daily", Date: model.MaxDate + 1, Repeat: model.RepeatDaily, Kind: model.TaskTodo, Slot: model.SlotAny}
		return putTask(tx, &task)
	})
	if err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check()
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "task 1: date: 2201-01-01 is outside") {
		t.Errorf("check = %q, %v", problems, err)
	}
}
