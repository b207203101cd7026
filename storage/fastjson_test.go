package storage

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"salesplan/model"
)

// fastKinds are the record types fastDecode reads, each as a fresh value
// and one already holding something (json.Unmarshal keeps the fields the
// text leaves out: the fast path must too).
func fastKinds() []func() any {
	return []func() any{
		func() any { return new(model.Task) },
		func() any { return &model.Task{Title: "kept", Date: 5, Important: true, Repeat: "daily"} },
		func() any { return new(model.Promise) },
		func() any { return &model.Promise{Text: "kept", Due: 9, Status: model.PromiseKept} },
		func() any { return new(model.Client) },
		func() any { return &model.Client{Name: "kept", CadenceDays: 3, Archived: true} },
		func() any { return new(model.JournalEntry) },
		func() any { return &model.JournalEntry{Text: "kept", At: time.Unix(7, 0).UTC()} },
	}
}

// sameAsJSON checks fastDecode against encoding/json on one text: when
// the fast path takes it, encoding/json must accept it and give the same
// value.
func sameAsJSON(t *testing.T, text []byte, mk func() any) (taken bool) {
	t.Helper()
	fast, slow := mk(), mk()
	if !fastDecode(text, fast) {
		if !reflect.DeepEqual(fast, mk()) {
			t.Errorf("fastDecode declined %q but changed the value: %+v", text, fast)
		}
		return false
	}
	if err := json.Unmarshal(text, slow); err != nil {
		t.Errorf("fastDecode took %q (%T), encoding/json refuses it: %v", text, fast, err)
		return true
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Errorf("%q (%T):\nfast %+v\njson %+v", text, fast, fast, slow)
	}
	return true
}

// awkward is text a person may type: Chinese, quotes, back-slashes,
// control characters, HTML characters and the separators json.Marshal
// escapes.
var awkward = []string{"", "王总", "say \"hi\"", `C:\path\`, "line\nbreak\ttab\r", "<b>&amp;</b>",
	"\u2028\u2029", "\x00\x01\x1f\x7f", "emoji 😀", "日本語のテキスト", "a/b", strings.Repeat("长", 300)}

func randomRecords(rng *rand.Rand) []any {
	s := func() string { return awkward[rng.IntN(len(awkward))] }
	date := func() model.Date {
		if rng.IntN(4) == 0 {
			return model.NoDate
		}
		return model.MakeDate(1990+rng.IntN(60), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	}
	id := func() model.ID {
		if rng.IntN(3) == 0 {
			return 0
		}
		return model.ID(rng.Uint64N(1 << 53))
	}
	clock := model.NoClock
	if rng.IntN(2) == 0 {
		clock = model.ClockAt(rng.IntN(24), rng.IntN(60))
	}
	return []any{
		&model.Task{ID: id(), Title: s(), Date: date(), Time: clock, Slot: model.SlotAfternoon, Kind: model.TaskCall,
			ClientID: id(), ProjectID: id(), Important: rng.IntN(2) == 0, Done: rng.IntN(2) == 0, DoneOn: date(), Repeat: model.Repeat(s())},
		&model.Promise{ID: id(), ClientID: id(), ProjectID: id(), Text: s(), MadeOn: date(), Due: date(),
			Status: model.PromiseCancelled, KeptOn: date(), CancelledOn: date(), CancelReason: s()},
		&model.Client{ID: id(), Name: s(), Company: s(), Tier: model.TierKey, Area: s(), Phone: s(), Business: s(),
			Needs: s(), DecisionMaker: s(), Interests: s(), ReferredBy: s(), CadenceDays: rng.IntN(400) - 5,
			CreatedOn: date(), Archived: rng.IntN(2) == 0},
		&model.JournalEntry{ID: id(), ClientID: id(), ProjectID: id(), TaskID: id(), Kind: model.EntryVisit,
			At: time.Date(2000+rng.IntN(40), 3, 4, 5, 6, 7, rng.IntN(1e9), time.FixedZone("", 3600*(rng.IntN(25)-12))), Text: s()},
	}
}

// TestFastDecodeTakesWhatMarshalWrites: every record json.Marshal writes
// is read by the fast path (else it would be no faster) and decodes as
// encoding/json decodes it.
func TestFastDecodeTakesWhatMarshalWrites(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		for _, rec := range randomRecords(rng) {
			text, err := json.Marshal(rec)
			if err != nil {
				t.Fatal(err)
			}
			typ := reflect.TypeOf(rec).Elem()
			mk := func() any { return reflect.New(typ).Interface() }
			if !sameAsJSON(t, text, mk) {
				t.Errorf("fastDecode declined what json.Marshal wrote: %s", text)
			}
			// Indented too (hand-edited files): white space is allowed.
			indented, _ := json.MarshalIndent(rec, "", "  ")
			if !sameAsJSON(t, indented, mk) {
				t.Errorf("fastDecode declined indented JSON: %s", indented)
			}
		}
	}
}

// TestFastDecodeDeclines lists texts the fast path must leave to
// encoding/json (which then decodes them, or reports what is wrong).
func TestFastDecodeDeclines(t *testing.T) {
	for _, text := range []string{
		`{"Title":"case differs"}`, `{"unknown":1}`, `{"title":null}`, `{"date":5}`, `{"date":"2026-02-30"}`,
		`{"client_id":-1}`, `{"client_id":1.0}`, `{"client_id":01}`, `{"client_id":"5"}`, `{"important":null}`,
		`{"title":"x"} x`, `{"title":"x"`, `{"title":"\ud83d\ude00"}`, "{\"title\":\"\xff\"}", `{"title":"a\'b"}`,
		"{\"title\":\"tab\there\"}", `{"t\u0069tle":"escaped key"}`, `null`, `[]`, `{"time":"25:00"}`,
		`{"title":"x",}`, `{,}`, `{"done":tru}`, `{"done":truex}`,
	} {
		v := new(model.Task)
		if fastDecode([]byte(text), v) {
			t.Errorf("fastDecode took %s: %+v", text, v)
		}
	}
	for _, text := range []string{`{"cadence_days":1e2}`, `{"cadence_days":-}`, `{"cadence_days":99999999999999999999}`} {
		if fastDecode([]byte(text), new(model.Client)) {
			t.Errorf("fastDecode took %s", text)
		}
	}
	if fastDecode([]byte(`{"at":"yesterday"}`), new(model.JournalEntry)) {
		t.Error("fastDecode took a time that is not RFC 3339")
	}
	if fastDecode([]byte(`{"name":"a project"}`), new(model.Project)) {
		t.Error("fastDecode took a project (not one of its kinds)")
	}
}

// FuzzFastDecode: on any text, what the fast path takes decodes as
// encoding/json decodes it, and what it declines is left unchanged.
func FuzzFastDecode(f *testing.F) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 10 {
		for _, rec := range randomRecords(rng) {
			text, _ := json.Marshal(rec)
			f.Add(text)
		}
	}
	f.Add([]byte(`{"title":"a\u00e9\n","date":"2026-01-02","client_id":null,"cadence_days":-0}`))
	f.Add([]byte(` { "id" : 1 , "at" : "2026-01-02T03:04:05+08:00" } `))
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, mk := range fastKinds() {
			sameAsJSON(t, text, mk)
		}
	})
}

// BenchmarkDecodeRecord decodes a stored task and promise as the day list
// reads them: the fast path, and encoding/json for comparison.
func BenchmarkDecodeRecord(b *testing.B) {
	task, _ := encodeRecordRev(model.Task{ID: 81234, Title: "拜访王总：确认报价单和交货期", Date: d("2026-11-20"),
		Slot: model.SlotMorning, Kind: model.TaskVisit, ClientID: 4497, ProjectID: 125}, 900)
	promise, _ := encodeRecordRev(model.Promise{ID: 4321, ClientID: 4497, Text: "发报价单", MadeOn: d("2026-11-02"),
		Due: d("2026-11-09"), Status: model.PromiseOpen}, 901)
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			var t model.Task
			var p model.Promise
			if decodeRecord("task", task, &t) != nil || decodeRecord("promise", promise, &p) != nil {
				b.Fatal("decode")
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			var t model.Task
			var p model.Promise
			if json.Unmarshal(task[revisionHeader:], &t) != nil || json.Unmarshal(promise[revisionHeader:], &p) != nil {
				b.Fatal("decode")
			}
		}
	})
}
