package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestConvert(t *testing.T) {
	time.Local = time.FixedZone("CST", 8*3600) // Beijing: due dates move back to UTC
	in := `{"format":"salesplan","version":1,
	 "clients":[{"id":1,"name":"ACME Ltd"}],
	 "projects":[{"id":2,"name":"Fab 2.0"}],
	 "tasks":[
	  {"id":7,"title":"call David","date":"2026-11-27","time":"09:30","kind":"call","client_id":1,"project_id":2,
	   "important":true,"done":false,"done_on":null,"repeat":""},
	  {"id":8,"title":"周报","date":"2026-11-20","time":null,"kind":"todo","client_id":null,"project_id":null,
	   "important":false,"done":true,"done_on":"2026-11-21","repeat":"weekly"},
	  {"id":9,"title":"inbox idea","date":null,"time":null,"kind":"todo","client_id":null,"project_id":null,
	   "important":false,"done":false,"done_on":null,"repeat":""}]}`
	var out strings.Builder
	n, err := convert(strings.NewReader(in), &out)
	if err != nil || n != 3 {
		t.Fatalf("convert: %d, %v", n, err)
	}
	var got []twTask
	if err := json.Unmarshal([]byte(out.String()), &got); err != nil {
		t.Fatalf("the output is not a JSON array: %v\n%s", err, out.String())
	}
	want := []twTask{
		{UUID: "5a1e5a1a-0000-4000-8000-000000000007", Description: "call David", Status: "pending",
			Entry: "20261126T160000Z", Due: "20261127T013000Z", Project: "ACME_Ltd.Fab_2_0", Priority: "H", Tags: []string{"call"}},
		{UUID: "5a1e5a1a-0000-4000-8000-000000000008", Description: "周报", Status: "completed",
			Entry: "20261119T160000Z", Due: "20261119T160000Z", End: "20261121T150000Z", Tags: []string{"todo", "repeat"}},
		{UUID: "5a1e5a1a-0000-4000-8000-000000000009", Description: "inbox idea", Status: "pending",
			Entry: "20261119T160000Z", Tags: []string{"todo"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d tasks, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.UUID != w.UUID || g.Description != w.Description || g.Status != w.Status || g.Entry != w.Entry ||
			g.Due != w.Due || g.End != w.End || g.Project != w.Project || g.Priority != w.Priority ||
			strings.Join(g.Tags, ",") != strings.Join(w.Tags, ",") {
			t.Errorf("task %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestConvertRejectsBadInput(t *testing.T) {
	for name, in := range map[string]string{
		"not json": `nope`,
		"bad date": `{"tasks":[{"id":1,"title":"x","date":"2026-13-40"}]}`,
		"bad time": `{"tasks":[{"id":1,"title":"x","date":"2026-11-27","time":"25:99"}]}`,
	} {
		if _, err := convert(strings.NewReader(in), &strings.Builder{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
