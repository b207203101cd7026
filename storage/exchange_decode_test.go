package storage

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"salesplan/model"
)

func TestImportRejectsBadJSON(t *testing.T) {
	good := string(docJSON(t, sampleDocument()))
	cases := []struct {
		name, text, want string
	}{
		{"not JSON", "name,phone\n王总,123\n", "document: not a salesplan JSON document: unexpected character 'a' (line 1)"},
		{"syntax error on line 2", "{\"format\":\"salesplan\",\n\"version\": 2,,}", "unexpected character ',' (line 2)"},
		{"BOM then a syntax error on line 2", "\ufeff{\"format\":\"salesplan\",\n,}", "unexpected character ',' (line 2)"},
		{"a time that is not one", `{"format":"salesplan","version":2,"journal":[{"id":1,"kind":"call","at":"garbage","text":"x"}]}`, "journal[0]: at: must be a time like 2026-12-07T09:30:00Z"},
		{"a time that is a number", `{"format":"salesplan","version":2,"journal":[{"id":1,"kind":"call","at":5,"text":"x"}]}`, "journal[0]: at: must be a time like 2026-12-07T09:30:00Z"},
		{"a year key that is not a year", `{"format":"salesplan","version":2,"settings":{"annual_targets":{"abc":5}}}`, `settings: annual_targets: "abc" is not a year`},
		// A setting's number that is not a whole one is not a year key.
		{"a fraction where a whole number goes", `{"format":"salesplan","version":2,"settings":{"calls_per_day":1.5}}`, `settings: calls_per_day: must be a whole number, not 1.5`},
		{"an exponent where a whole number goes", `{"format":"salesplan","version":2,"settings":{"calls_per_day":1e20}}`, `settings: calls_per_day: must be a whole number, not 1e20`},
		{"a whole number too large", `{"format":"salesplan","version":2,"settings":{"key_cadence_days":99999999999999999999}}`, `settings: key_cadence_days: 99999999999999999999 is too large a number`},
		{"empty", "", "the file is empty"},
		{"cut short", good[:len(good)/2], "not a salesplan JSON document"},
		{"an array", "[1,2]", "must be a JSON object"},
		{"no format", `{"version":1}`, `document: format: must be "salesplan" (got missing)`},
		{"newer version", `{"format":"salesplan","version":3,"clients":[{"nickname":"x"}]}`, "version: version 3 is not supported"},
		{"version 0", `{"format":"salesplan","version":0}`, "version: version 0 is not supported"},
		{"unknown top field", `{"format":"salesplan","version":1,"contacts":[]}`, `document: contacts: unknown field`},
		{"bad date", strings.Replace(good, `"due":"2026-11-30"`, `"due":"2026-13-30"`, 1), `promises[0]: due: "2026-13-30" is not a date`},
		{"wrong type", strings.Replace(good, `"client_id":4,"project_id":null,"task_id":null,"kind":"note"`, `"client_id":"4","project_id":null,"task_id":null,"kind":"note"`, 1), `journal[1]: client_id: an id must be a whole number or null, not "4"`},
		{"unknown record field", strings.Replace(good, `"archived":true`, `"archived":true,"vip":1`, 1), "clients[1]: vip: unknown field"},
		{"null record", strings.Replace(good, `"tasks": [`, `"tasks": [null,`, 1), "tasks[0]: null is not a record"},
		{"bad money", strings.Replace(good, `"value":500000.25`, `"value":"lots"`, 1), "projects[0]: value: must be a number, not a JSON string"},
		{"trailing garbage", good + "{}", "unexpected data after the document"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			err := importJSON(s, []byte(tc.text), false)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want …%s…", err, tc.want)
			}
			if strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("error is more than one line: %q", err)
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Errorf("error %T is not a *ValidationError", err)
			}
			if empty, _ := s.IsEmpty(); !empty {
				t.Errorf("a refused import wrote records")
			}
		})
	}
}

// TestImportSkipsByteOrderMark: a document saved by Notepad starts with a
// UTF-8 byte-order mark; it is read as the same document.
func TestImportSkipsByteOrderMark(t *testing.T) {
	s := newStore(t)
	good := docJSON(t, sampleDocument())
	if err := importJSON(s, append([]byte("\ufeff"), good...), false); err != nil {
		t.Fatalf("a document with a BOM: %v", err)
	}
	if empty, _ := s.IsEmpty(); empty {
		t.Errorf("nothing imported")
	}
}

func TestImportLeftOutSettingsKeepDefaults(t *testing.T) {
	s := newStore(t)
	if err := importJSON(s, []byte(`{"format":"salesplan","version":1,"settings":{"calls_per_day":12}}`), false); err != nil {
		t.Fatal(err)
	}
	doc, err := s.Document()
	if err != nil {
		t.Fatal(err)
	}
	want := model.DefaultSettings()
	want.CallsPerDay = 12
	want.Rev = doc.Settings.Rev // the revision is the store's, not the document's
	if got, w := fmt.Sprint(doc.Settings), fmt.Sprint(want); got != w {
		t.Errorf("settings %s, want %s", got, w)
	}
}
