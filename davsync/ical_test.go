package davsync

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"salesplan/model"
	"salesplan/storage"
)

func parseCal(t *testing.T, text string) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(strings.NewReader(strings.ReplaceAll(text, "\n", "\r\n"))).Decode()
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

func event(lines ...string) string {
	return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nUID:u\nDTSTAMP:20261101T000000Z\n" +
		strings.Join(lines, "\n") + "\nEND:VEVENT\nEND:VCALENDAR\n"
}

func TestStartOf(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	for _, tc := range []struct {
		line  string
		date  string
		clock string
	}{
		{"DTSTART;VALUE=DATE:20261203", "2026-12-03", ""},
		{"DTSTART:20261203", "2026-12-03", ""},
		{"DTSTART:20261203T020000Z", "2026-12-03", "10:00"},
		{"DTSTART;TZID=Asia/Shanghai:20261203T100000", "2026-12-03", "10:00"},
		{"DTSTART;TZID=Europe/Berlin:20261203T030000", "2026-12-03", "10:00"},
		{"DTSTART;TZID=China Standard Time:20261203T100000", "2026-12-03", "10:00"}, // a Windows name: read as local
		{"DTSTART:20261203T100000", "2026-12-03", "10:00"},                          // floating
		{"DTSTART:20261202T200000Z", "2026-12-03", "04:00"},                         // the next day here
	} {
		c := findComponent(parseCal(t, event(tc.line)), "u")
		d, clock, ok := startOf(c, cst)
		got := d.String()
		if clock.Valid() {
			got += " " + clock.String()
		}
		want := strings.TrimSpace(tc.date + " " + tc.clock)
		if !ok || got != want {
			t.Errorf("%s → %s (%v), want %s", tc.line, got, ok, want)
		}
	}
	if _, _, ok := startOf(findComponent(parseCal(t, event("SUMMARY:no start")), "u"), cst); ok {
		t.Error("an event without DTSTART has a start")
	}
	if _, _, ok := startOf(findComponent(parseCal(t, event("DTSTART:garbage")), "u"), cst); ok {
		t.Error("DTSTART:garbage parsed")
	}
}

func TestCompleted(t *testing.T) {
	todo := func(lines ...string) *ical.Component {
		text := "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VTODO\nUID:u\nDTSTAMP:20261101T000000Z\n" +
			strings.Join(lines, "\n") + "\nEND:VTODO\nEND:VCALENDAR\n"
		return findComponent(parseCal(t, text), "u")
	}
	for _, tc := range []struct {
		lines []string
		want  bool
	}{
		{[]string{"STATUS:NEEDS-ACTION"}, false},
		{[]string{"STATUS:COMPLETED"}, true},
		{[]string{"COMPLETED:20261126T020000Z"}, true},
		{[]string{"PERCENT-COMPLETE:100"}, true},
		{[]string{"PERCENT-COMPLETE:50", "STATUS:IN-PROCESS"}, false},
	} {
		if got := completed(todo(tc.lines...)); got != tc.want {
			t.Errorf("%v: completed %v", tc.lines, got)
		}
	}
}

func TestMarker(t *testing.T) {
	for _, tc := range []struct {
		d model.Date
		c model.Clock
	}{{model.MakeDate(2026, 12, 3), model.ClockAt(10, 30)}, {model.MakeDate(2026, 12, 3), 0}, {model.MakeDate(1900, 1, 1), model.ClockAt(0, 0)}} {
		d, c, ok := parseMarker(markerOf(tc.d, tc.c))
		if !ok || d != tc.d || c != tc.c {
			t.Errorf("%s %s → %s %s %v", tc.d, tc.c, d, c, ok)
		}
	}
	for _, bad := range []string{"", "tomorrow", "2026-12-03T25:00", "2026-13-01"} {
		if _, _, ok := parseMarker(bad); ok {
			t.Errorf("marker %q parsed", bad)
		}
	}
}

// TestBuildObjects: the hash does not depend on the upload time, does
// depend on the content; text is inert, Chinese and newlines kept.
func TestBuildObjects(t *testing.T) {
	snap := &storage.SyncSnapshot{
		Settings: model.DefaultSettings(),
		Clients:  map[model.ID]storage.SyncClient{1: {Name: "王总\x1b[2J", Phone: "138", Area: "朝阳"}},
		Projects: map[model.ID]string{},
		Tasks: []model.Task{{ID: 1, Title: "拜访\u202e王总", Kind: model.TaskVisit, ClientID: 1,
			Date: model.MakeDate(2026, 12, 2), Time: model.ClockAt(14, 0)}},
		Promises: []model.Promise{{ID: 2, ClientID: 1, Text: "第一行\n第二行; 含税, \\ 反斜杠", Due: model.MakeDate(2026, 12, 1), Status: model.PromiseOpen}},
	}
	cst := time.FixedZone("CST", 8*3600)
	a, err := buildObjects(snap, "db", DefaultLabels(), cst)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := buildObjects(snap, "db", DefaultLabels(), cst)
	for k, o := range a {
		stamp(o.cal, time.Now())
		if b[k].hash != o.hash {
			t.Errorf("%v: the hash changed with nothing changed", k)
		}
		var buf bytes.Buffer
		if err := ical.NewEncoder(&buf).Encode(o.cal); err != nil {
			t.Fatal(err)
		}
		text := buf.String()
		if strings.ContainsAny(text, "\x1b\u202e") {
			t.Errorf("%v: control characters reached the object: %q", k, text)
		}
		round, err := ical.NewDecoder(strings.NewReader(text)).Decode()
		if err != nil {
			t.Fatal(err)
		}
		summary, _ := findComponent(round, o.uid).Props.Text(ical.PropSummary)
		if k.Kind == storage.SyncTask && summary != "拜访王总" {
			t.Errorf("task summary %q", summary)
		}
		if k.Kind == storage.SyncPromise {
			desc, _ := findComponent(round, o.uid).Props.Text(ical.PropDescription)
			if !strings.HasPrefix(desc, "第一行\n第二行; 含税, \\ 反斜杠\n王总") {
				t.Errorf("promise description %q", desc)
			}
		}
	}
	snap.Tasks[0].Time = model.ClockAt(15, 0)
	c, _ := buildObjects(snap, "db", DefaultLabels(), cst)
	tk := storage.SyncKey{Kind: storage.SyncTask, ID: 1}
	if c[tk].hash == a[tk].hash {
		t.Error("a moved task hashes the same")
	}
	if pk := (storage.SyncKey{Kind: storage.SyncPromise, ID: 2}); c[pk].hash != a[pk].hash {
		t.Error("an untouched promise hashes differently")
	}
}
