package storage

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"salesplan/model"
)

func icsExport(t *testing.T, doc *Document, today model.Date, loc *time.Location) string {
	t.Helper()
	var buf bytes.Buffer
	if err := writeICS(&buf, doc, today, DefaultICSLabels(), loc); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// icsUnescape reverses RFC 5545 TEXT escaping.
var icsUnescape = strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\N`, "\n", `\;`, ";", `\,`, ",")

// icsEventsOf unfolds the content lines and returns each VEVENT as a map
// from property name (with parameters) to raw value.
func icsEventsOf(t *testing.T, text string) []map[string]string {
	t.Helper()
	unfolded := strings.ReplaceAll(text, "\r\n ", "")
	var out []map[string]string
	var cur map[string]string
	for _, line := range strings.Split(strings.TrimSuffix(unfolded, "\r\n"), "\r\n") {
		switch line {
		case "BEGIN:VEVENT":
			cur = map[string]string{}
			continue
		case "END:VEVENT":
			out = append(out, cur)
			cur = nil
			continue
		}
		if cur != nil {
			name, value, ok := strings.Cut(line, ":")
			if !ok {
				t.Fatalf("content line without a colon: %q", line)
			}
			cur[name] = value
		}
	}
	return out
}

func icsDoc() *Document {
	doc := sampleDocument()
	long := strings.Repeat("客户要求报价，包括运费、安装费；还有\\备注; 见附件, ", 6)
	doc.Tasks = append(doc.Tasks,
		model.Task{ID: 8, Title: long + "\x1b]8;;http://evil\x07点我\x1b]8;;\x07", Date: d("2026-12-03"), Kind: model.TaskVisit, ClientID: 1,
			Time: model.ClockAt(14, 0), Slot: model.SlotAfternoon},
		model.Task{ID: 9, Title: "carried over", Date: d("2026-11-01"), Kind: model.TaskTodo},
		model.Task{ID: 10, Title: "line one\nline two\r\nthree", Date: d("2026-12-05"), Kind: model.TaskTodo},
		// No space to fold at: the fold must fall between characters.
		model.Task{ID: 11, Title: strings.Repeat("一二三四五六七八九十", 12) + "😀", Date: d("2026-12-06"), Kind: model.TaskTodo},
	)
	doc.Projects[1].BidDate = d("2026-12-20") // lost: no bid event
	return doc
}

func TestICSFollowsRFC5545(t *testing.T) {
	icsNow = func() time.Time { return time.Date(2026, 11, 27, 1, 2, 3, 0, time.UTC) }
	t.Cleanup(func() { icsNow = time.Now })
	out := icsExport(t, icsDoc(), d("2026-11-27"), time.FixedZone("CST", 8*3600))
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") || !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\n") {
		t.Errorf("not a calendar: %.40q … %.40q", out, out[max(0, len(out)-40):])
	}
	if strings.Count(out, "\n") != strings.Count(out, "\r\n") || strings.Count(out, "\r") != strings.Count(out, "\r\n") {
		t.Errorf("a line ends without CRLF, or a bare CR is in the text")
	}
	folded := 0
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
		if strings.ContainsRune(line, 0x1b) || strings.ContainsRune(line, 0x07) {
			t.Errorf("line %d carries a control character: %q", i+1, line)
		}
	}
	if folded == 0 {
		t.Errorf("the long Chinese title was not folded")
	}
	events := icsEventsOf(t, out)
	byUID := map[string]map[string]string{}
	for _, e := range events {
		byUID[e["UID"]] = e
		if e["DTSTAMP"] != "20261127T010203Z" {
			t.Errorf("%s: DTSTAMP %q", e["UID"], e["DTSTAMP"])
		}
	}
	wantUIDs := []string{"task-1@salesplan", "task-8@salesplan", "task-9@salesplan", "task-10@salesplan", "task-11@salesplan",
		"bid-2@salesplan", "promise-1@salesplan"}
	if len(events) != len(wantUIDs) {
		t.Errorf("%d events, want %d: %v", len(events), len(wantUIDs), events)
	}
	for _, uid := range wantUIDs {
		if byUID[uid] == nil {
			t.Errorf("no event %s", uid)
		}
	}
	// Escaping: the summary unescapes to the sanitized title exactly.
	long := icsDoc().Tasks[3].Title
	if got, want := icsUnescape.Replace(byUID["task-8@salesplan"]["SUMMARY"]), model.Inert(long); got != want {
		t.Errorf("summary round trip:\n got %q\nwant %q", got, want)
	}
	if raw := byUID["task-8@salesplan"]["SUMMARY"]; !strings.Contains(raw, `\,`) || !strings.Contains(raw, `\;`) || !strings.Contains(raw, `\\`) {
		t.Errorf("TEXT not escaped: %q", raw)
	}
	if got, want := byUID["task-11@salesplan"]["SUMMARY"], icsDoc().Tasks[6].Title; got != want {
		t.Errorf("unspaced Chinese did not survive folding:\n got %q\nwant %q", got, want)
	}
	if got := byUID["task-10@salesplan"]["SUMMARY"]; got != `line one\nline two\nthree` {
		t.Errorf("newlines: %q", got)
	}
	// Timed visit: one hour, in UTC from 14:00 at UTC+8; all-day: DATE values.
	v := byUID["task-8@salesplan"]
	if v["DTSTART"] != "20261203T060000Z" || v["DTEND"] != "20261203T070000Z" || v["LOCATION"] != "朝阳" {
		t.Errorf("timed visit %v", v)
	}
	c := byUID["task-1@salesplan"]
	if c["DTSTART"] != "20261202T013000Z" || c["DTEND"] != "20261202T020000Z" {
		t.Errorf("timed call %v", c)
	}
	if byUID["task-9@salesplan"]["DTSTART;VALUE=DATE"] != "20261127" {
		t.Errorf("carried-over task not on today: %v", byUID["task-9@salesplan"])
	}
	b := byUID["bid-2@salesplan"]
	if b["DTSTART;VALUE=DATE"] != "20261210" || b["DTEND;VALUE=DATE"] != "20261211" || b["SUMMARY"] != "Bid: 万达广场暖通" {
		t.Errorf("bid %v", b)
	}
	if p := byUID["promise-1@salesplan"]; p["SUMMARY"] != "Promise to 王总: 送样品" || p["DTSTART;VALUE=DATE"] != "20261130" {
		t.Errorf("promise %v", p)
	}
}

func TestICSStableAcrossExports(t *testing.T) {
	s := newStore(t)
	if err := s.ImportDocument(icsDoc(), false); err != nil {
		t.Fatal(err)
	}
	icsNow = func() time.Time { return time.Date(2026, 11, 27, 1, 2, 3, 0, time.UTC) }
	t.Cleanup(func() { icsNow = time.Now })
	var a, b bytes.Buffer
	if err := s.ExportICS(&a, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	mustTask(t, s, model.Task{Title: "new one", Date: d("2026-12-01"), Kind: model.TaskCall})
	if err := s.ExportICS(&b, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	uids := func(text string) map[string]string {
		out := map[string]string{}
		for _, e := range icsEventsOf(t, text) {
			out[e["UID"]] = e["SUMMARY"]
		}
		return out
	}
	first, second := uids(a.String()), uids(b.String())
	for uid, sum := range first {
		if second[uid] != sum {
			t.Errorf("event %s changed between exports: %q → %q", uid, sum, second[uid])
		}
	}
	if len(second) != len(first)+1 {
		t.Errorf("the new task did not add exactly one event")
	}
}
