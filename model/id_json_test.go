package model

import (
	"encoding/json"
	"testing"
)

func TestIDJSON(t *testing.T) {
	type rec struct {
		ID      ID `json:"id"`
		Project ID `json:"project_id"`
	}
	b, err := json.Marshal(rec{ID: 7})
	if err != nil || string(b) != `{"id":7,"project_id":null}` {
		t.Fatalf("marshal: %s %v", b, err)
	}
	for in, want := range map[string]ID{`{"id":7,"project_id":null}`: 0, `{"project_id":12}`: 12, `{"project_id":0}`: 0} {
		var r rec
		if err := json.Unmarshal([]byte(in), &r); err != nil || r.Project != want {
			t.Errorf("%s: got %d %v, want %d", in, r.Project, err, want)
		}
	}
	for _, bad := range []string{`{"project_id":"4"}`, `{"project_id":-1}`, `{"project_id":1.5}`, `{"project_id":true}`} {
		var r rec
		if err := json.Unmarshal([]byte(bad), &r); err == nil {
			t.Errorf("%s accepted as %d", bad, r.Project)
		}
	}
}
