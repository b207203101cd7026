package storage

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/crc32"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

func TestRevisionBumpedByEveryChange(t *testing.T) {
	s := newStore(t)
	task := mustTask(t, s, model.Task{Title: "a", Date: d("2026-11-27")})
	if task.Rev == 0 {
		t.Fatal("a new task has no revision")
	}
	read, _ := s.Task(task.ID)
	if read.Rev != task.Rev {
		t.Errorf("read revision %d, written %d", read.Rev, task.Rev)
	}
	dbRev, _ := s.Revision()
	if task.Rev != dbRev {
		t.Errorf("record revision %d, database revision %d after one write", task.Rev, dbRev)
	}
	revs := []uint64{task.Rev}
	edited := read
	edited.Title = "b"
	after, err := s.EditTask(read, edited)
	if err != nil {
		t.Fatal(err)
	}
	revs = append(revs, after.Rev)
	marked, err := s.MarkImportant(task.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	revs = append(revs, marked.Rev)
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	undone, _ := s.Task(task.ID)
	revs = append(revs, undone.Rev)
	for i := 1; i < len(revs); i++ {
		if revs[i] <= revs[i-1] {
			t.Errorf("revisions %v: each change must give a higher one (undo too)", revs)
		}
	}
	if undone.Important || undone.Title != "b" {
		t.Errorf("undo of MarkImportant left %+v", undone)
	}
}

// encodeV1 is the envelope schema 1 wrote: no revision.
func encodeV1(v any) []byte {
	payload, _ := json.Marshal(v)
	out := make([]byte, 5+len(payload))
	out[0] = 1
	binary.BigEndian.PutUint32(out[1:5], crc32.ChecksumIEEE(payload))
	copy(out[5:], payload)
	return out
}

// A database written by schema 1 (records in the version-1 envelope, no
// undo log) opens, is raised to schema 2, reads its records as revision 0,
// edits them (which rewrites them in the new envelope) and undoes.
func TestSchema1DatabaseOpensAndWorks(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	task := mustTask(t, s, model.Task{Title: "call", Kind: model.TaskCall, ClientID: c.ID, Date: d("2026-11-27")})
	// Lay the file out as schema 1 left it.
	err := s.write(func(tx *bolt.Tx) error {
		for _, b := range recordBuckets {
			var kvs [][2][]byte
			_ = tx.Bucket(b).ForEach(func(k, v []byte) error {
				_, payload, err := openEnvelope("x", v)
				if err != nil {
					return err
				}
				kvs = append(kvs, [2][]byte{append([]byte(nil), k...), encodeV1(json.RawMessage(payload))})
				return nil
			})
			for _, kv := range kvs {
				if err := tx.Bucket(b).Put(kv[0], kv[1]); err != nil {
					return err
				}
			}
		}
		if err := tx.DeleteBucket(bUndo); err != nil {
			return err
		}
		_ = tx.Bucket(bMeta).Delete(kUndoRev)
		return tx.Bucket(bMeta).Put(kSchema, u64(1))
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatalf("Open of a schema 1 database: %v", err)
	}
	err = s2.view(func(tx *bolt.Tx) error {
		if v := readU64(tx.Bucket(bMeta).Get(kSchema)); v != schemaVersion {
			t.Errorf("schema %d after open, want %d", v, schemaVersion)
		}
		if tx.Bucket(bUndo) == nil {
			t.Error("no undo log after the migration")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	old, err := s2.Task(task.ID)
	if err != nil || old.Rev != 0 || old.Title != "call" {
		t.Fatalf("version-1 task = %+v, %v; want revision 0", old, err)
	}
	edited := old
	edited.Title = "call back"
	got, err := s2.EditTask(old, edited)
	if err != nil || got.Rev == 0 || got.Title != "call back" {
		t.Fatalf("EditTask of a version-1 task = %+v, %v", got, err)
	}
	err = s2.view(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bTasks).Get(idKey(task.ID)); v[0] != codecVersion {
			t.Errorf("edited task still in envelope version %d", v[0])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if code, err := s2.Undo(); err != nil || code != ActEditTask {
		t.Fatalf("Undo = %q, %v", code, err)
	}
	if back, _ := s2.Task(task.ID); back.Title != "call" {
		t.Errorf("after undo: %q", back.Title)
	}
	if problems, err := s2.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check: %v, %v", problems, err)
	}
}

// A flipped bit in a record's revision is damage, not a new revision.
func TestRevisionIsChecksummed(t *testing.T) {
	s := openPlain(t)
	task := mustTask(t, s, model.Task{Title: "a"})
	err := s.write(func(tx *bolt.Tx) error {
		v := append([]byte(nil), tx.Bucket(bTasks).Get(idKey(task.ID))...)
		v[12] ^= 1
		return tx.Bucket(bTasks).Put(idKey(task.ID), v)
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Task(task.ID); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Task with a flipped revision bit = %v, want ErrCorrupt", err)
	}
}

func TestMergeJSON(t *testing.T) {
	tests := []struct {
		name               string
		base, ours, theirs string
		want               string
		conflicts          []string
	}{
		{"untouched field keeps theirs", `{"a":1,"b":1}`, `{"a":1,"b":2}`, `{"a":9,"b":1}`, `{"a":9,"b":2}`, nil},
		{"same change both sides", `{"a":1}`, `{"a":2}`, `{"a":2}`, `{"a":2}`, nil},
		{"different changes", `{"a":1}`, `{"a":2}`, `{"a":3}`, `{"a":3}`, []string{"a"}},
		{"maps merge by key", `{"m":{"x":1}}`, `{"m":{"x":2}}`, `{"m":{"x":1,"y":5}}`, `{"m":{"x":2,"y":5}}`, nil},
		{"a key deleted here", `{"m":{"x":1,"y":2}}`, `{"m":{"y":2}}`, `{"m":{"x":1,"y":2,"z":3}}`, `{"m":{"y":2,"z":3}}`, nil},
		{"a key deleted here, changed there", `{"m":{"x":1}}`, `{"m":{}}`, `{"m":{"x":4}}`, `{"m":{"x":4}}`, []string{"m.x"}},
		{"null map is empty", `{"m":null}`, `{"m":{"x":1}}`, `{"m":{"y":2}}`, `{"m":{"x":1,"y":2}}`, nil},
		{"arrays are one value", `{"h":[1]}`, `{"h":[1,2]}`, `{"h":[1,3]}`, `{"h":[1,3]}`, []string{"h"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var conflicts []string
			got := mergeJSON(json.RawMessage(tt.base), json.RawMessage(tt.ours), json.RawMessage(tt.theirs), "", &conflicts)
			var g, w any
			_ = json.Unmarshal(got, &g)
			_ = json.Unmarshal([]byte(tt.want), &w)
			if len(tt.conflicts) == 0 {
				gj, _ := json.Marshal(g)
				wj, _ := json.Marshal(w)
				if string(gj) != string(wj) {
					t.Errorf("merged %s, want %s", got, tt.want)
				}
			}
			if !slices.Equal(conflicts, tt.conflicts) {
				t.Errorf("conflicts %v, want %v", conflicts, tt.conflicts)
			}
		})
	}
}

// The command line completes a task while the planner's edit form is open
// on it; the form then saves a new title: the completion stays.
func TestEditTaskKeepsChangesMadeElsewhere(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	seen := mustTask(t, s, model.Task{Title: "call", Kind: model.TaskCall, ClientID: c.ID, Date: d("2026-11-27")})
	cli, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cli.CompleteTask(seen.ID, d("2026-11-27"), at("2026-11-27", 10), "ok"); err != nil {
		t.Fatal(err)
	}
	edited := seen
	edited.Title = "call about the price"
	got, err := s.EditTask(seen, edited)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Done || got.DoneOn != d("2026-11-27") || got.Title != "call about the price" {
		t.Errorf("after the edit: %+v (the completion must stay)", got)
	}
	// x on the stale copy: refused, no second call recorded.
	if _, err := s.CompleteTask(seen.ID, d("2026-11-27"), at("2026-11-27", 11), ""); problemCode(err) != "task_done" {
		t.Errorf("completing again = %v, want task_done", err)
	}
	detail, _ := s.ClientDetail(c.ID, d("2026-11-27"), 0)
	if len(detail.Journal) != 1 {
		t.Errorf("%d journal entries, want the one call", len(detail.Journal))
	}
}

func TestEditRefusesAFieldChangedElsewhere(t *testing.T) {
	s := newStore(t)
	seen := mustTask(t, s, model.Task{Title: "a", Date: d("2026-11-27")})
	other := seen
	other.Title = "b (the command line)"
	if _, err := s.EditTask(seen, other); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	mine := seen
	mine.Title, mine.Important = "c (the planner)", true
	_, err := s.EditTask(seen, mine)
	var ce *ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) || problemCode(err) != "changed_elsewhere" {
		t.Fatalf("EditTask = %v, want a ConflictError", err)
	}
	fresh, ok := ce.Fresh.(model.Task)
	if !ok || fresh.Title != "b (the command line)" || !slices.Equal(ce.Fields, []string{"title"}) {
		t.Errorf("conflict carries %+v, fields %v", ce.Fresh, ce.Fields)
	}
	if after := dump(t, s); !mapsEqual(before, after) {
		t.Error("a refused edit changed the database")
	}
	// Saved again over the fresh copy (the person has seen it), it applies.
	again, err := s.EditTask(fresh, mine)
	if err != nil || again.Title != "c (the planner)" || !again.Important {
		t.Errorf("saving over the fresh copy = %+v, %v", again, err)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Text the form held whole comes back byte for byte after an edit of
// another field: a 3 KB multi-line needs, a 500-character name.
func TestEditKeepsLongFieldsWhole(t *testing.T) {
	s := newStore(t)
	needs := strings.Repeat("第一行 needs a quote\r\n\ttabbed line, 中文\n", 70)[:3000]
	needs = strings.ToValidUTF8(needs, "")
	name := strings.Repeat("名", 500)
	c, err := s.AddClient(model.Client{Name: name, Needs: needs}, d("2026-11-01"))
	if err != nil {
		t.Fatal(err)
	}
	edited := c
	edited.Phone = "138 0000 0000"
	got, err := s.EditClient(c, edited)
	if err != nil {
		t.Fatal(err)
	}
	read, _ := s.Client(c.ID)
	if read.Needs != needs || read.Name != name || got.Phone != "138 0000 0000" {
		t.Errorf("needs %d bytes (want %d), name %d runes", len(read.Needs), len(needs), len([]rune(read.Name)))
	}
}

func TestEditPromiseAfterKeepElsewhere(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	seen, _ := s.AddPromise(model.Promise{ClientID: c.ID, Text: "send the quote", Due: d("2026-11-30")}, d("2026-11-27"))
	if _, err := s.KeepPromise(seen.ID, d("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	edited := seen
	edited.Text = "send the quote and samples"
	got, err := s.EditPromise(seen, edited)
	if err != nil || got.Status != model.PromiseKept || got.KeptOn != d("2026-11-28") || got.Text != edited.Text {
		t.Errorf("EditPromise after keep = %+v, %v", got, err)
	}
}

func TestEditSettingsSavesOnlyWhatChanged(t *testing.T) {
	s := newStore(t)
	seen, _ := s.Settings()
	// Elsewhere: the command line sets a quota and a month target.
	err := s.UpdateSettings(func(st *model.Settings) error {
		st.CallsPerDay = 40
		st.MonthTargets["2026-12"] = 5000000
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The screen saved unchanged: nothing happens.
	got, err := s.EditSettings(seen, seen)
	if err != nil || got.CallsPerDay != 40 || got.MonthTargets["2026-12"] != 5000000 {
		t.Errorf("saved unchanged: %+v, %v", got, err)
	}
	// The screen sets the annual target and November.
	edited := seen
	edited.AnnualTargets = map[int]model.Money{2026: 100000000}
	edited.MonthTargets = map[string]model.Money{"2026-11": 3000000}
	got, err = s.EditSettings(seen, edited)
	if err != nil {
		t.Fatal(err)
	}
	if got.CallsPerDay != 40 || got.MonthTargets["2026-12"] != 5000000 || got.MonthTargets["2026-11"] != 3000000 || got.AnnualTargets[2026] != 100000000 {
		t.Errorf("after the save: %+v", got)
	}
	// Changing a quota both places differently is refused.
	edited = seen
	edited.CallsPerDay = 25
	if _, err := s.EditSettings(seen, edited); !errors.Is(err, ErrConflict) {
		t.Errorf("calls_per_day changed both here and elsewhere = %v", err)
	}
}

func TestEditProjectKeepsStageMovedElsewhere(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	seen, _ := s.AddProject(model.Project{Name: "Tower", ClientID: c.ID, Stage: model.StageDesign}, d("2026-11-01"))
	if _, err := s.SetStage(seen.ID, model.StageBidding, d("2026-11-20"), nil, ""); err != nil {
		t.Fatal(err)
	}
	edited := seen
	edited.Owner = "City"
	got, err := s.EditProject(seen, edited)
	if err != nil || got.Stage != model.StageBidding || len(got.StageHistory) != 2 || got.Owner != "City" {
		t.Errorf("EditProject = %+v, %v", got, err)
	}
}

// > on a project shown in design that the command line moved to detailing
// goes on to contract (never back to bidding), with contract's checklist,
// and says where it came from.
func TestStepStageMovesFromTheStoredStage(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	p, _ := s.AddProject(model.Project{Name: "Tower", ClientID: c.ID, Stage: model.StageDesign}, d("2026-11-01"))
	if _, err := s.SetStage(p.ID, model.StageDetailing, d("2026-11-20"), nil, ""); err != nil {
		t.Fatal(err)
	}
	var asked model.Stage
	mv, err := s.StepStage(p.ID, 1, model.StageDesign, d("2026-11-27"), func(p model.Project, to model.Stage) []model.Task {
		asked = to
		return []model.Task{{Title: "sign the contract", Date: d("2026-11-27")}}
	})
	if err != nil {
		t.Fatal(err)
	}
	if mv.From != model.StageDetailing || mv.Shown != model.StageDesign || mv.Project.Stage != model.StageContract || asked != model.StageContract || mv.Tasks != 1 {
		t.Errorf("StepStage = %+v (checklist asked for %s)", mv, asked)
	}
	h := mv.Project.StageHistory
	for i := 1; i < len(h); i++ {
		if h[i].Stage.Index() < h[i-1].Stage.Index() {
			t.Errorf("stage history goes backwards: %+v", h)
		}
	}
	// < on a lost project reopens it where it was.
	if _, err := s.SetStage(p.ID, model.StageLost, d("2026-11-28"), nil, "price"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StepStage(p.ID, 1, model.StageLost, d("2026-11-28"), nil); problemCode(err) != "project_lost" {
		t.Errorf("> on lost = %v", err)
	}
	mv, err = s.StepStage(p.ID, -1, model.StageLost, d("2026-11-28"), nil)
	if err != nil || mv.Project.Stage != model.StageContract {
		t.Errorf("< on lost = %+v, %v", mv, err)
	}
}

// ! within a second of a command-line done keeps the done.
func TestMarkImportantKeepsDone(t *testing.T) {
	s := newStore(t)
	task := mustTask(t, s, model.Task{Title: "a", Date: d("2026-11-27")})
	if _, err := s.CompleteTask(task.ID, d("2026-11-27"), at("2026-11-27", 9), ""); err != nil {
		t.Fatal(err)
	}
	got, err := s.MarkImportant(task.ID, !task.Important)
	if err != nil || !got.Done || !got.Important {
		t.Errorf("MarkImportant = %+v, %v", got, err)
	}
}

func TestPostponeFromTheStoredDate(t *testing.T) {
	s := newStore(t)
	task := mustTask(t, s, model.Task{Title: "a", Date: d("2026-11-27")})
	moved := task
	moved.Date = d("2026-12-10")
	if _, err := s.EditTask(task, moved); err != nil { // the command line moved it
		t.Fatal(err)
	}
	got, err := s.PostponeTask(task.ID, d("2026-11-27"))
	if err != nil || got.Date != d("2026-12-11") {
		t.Errorf("PostponeTask = %+v, %v; want 2026-12-11", got, err)
	}
}

// DESIGN.md §2: titles up to 500 characters, text fields up to 64 KiB;
// longer is refused with the limit named, never cut — in every path.
func TestTextLimits(t *testing.T) {
	s := newStore(t)
	c := mustClient(t, s, "王总", model.TierKey, d("2026-11-01"))
	title500 := strings.Repeat("标", 500)
	if got, err := s.AddTask(model.Task{Title: title500}); err != nil || got.Title != title500 {
		t.Errorf("a 500-character title: %v", err)
	}
	if _, err := s.AddTask(model.Task{Title: strings.Repeat("x", 1005)}); problemCode(err) != "too_long_title" || !strings.Contains(err.Error(), "500") {
		t.Errorf("a 1,005-character title = %v, want too_long_title naming 500", err)
	}
	note := strings.Repeat("a\n", model.MaxTextBytes/2)
	if _, err := s.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, Text: note + "b"}); problemCode(err) != "too_long_text" || !strings.Contains(err.Error(), "64 KiB") {
		t.Errorf("a note over 64 KiB = %v", err)
	}
	e, err := s.AddEntry(model.JournalEntry{ClientID: c.ID, Kind: model.EntryNote, Text: strings.Repeat("b", 60<<10)})
	if err != nil || len(e.Text) != 60<<10 {
		t.Errorf("a 60 KiB note: %v", err)
	}
	edited := c
	edited.Needs = strings.Repeat("n", model.MaxTextBytes+1)
	if _, err := s.EditClient(c, edited); problemCode(err) != "too_long_needs" {
		t.Errorf("needs over 64 KiB = %v", err)
	}
	// Import: the same limits, the field named.
	doc := NewDocument()
	doc.Clients = []model.Client{{ID: 1, Name: strings.Repeat("n", 501), CreatedOn: d("2026-11-01")}}
	err = doc.Validate()
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "name" || !strings.Contains(ve.Msg, "500") {
		t.Errorf("import of a 501-character name = %v", err)
	}
}
