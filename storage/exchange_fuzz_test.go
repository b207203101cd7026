package storage

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"salesplan/model"
)

// The seed corpora are in testdata/fuzz/<FuzzName>/ (go test reads them as
// regression inputs on every run).

func fuzzStore(t *testing.T, withClient bool) *Store {
	s, err := Open(filepath.Join(t.TempDir(), "f.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if withClient {
		if _, err := s.AddClient(model.Client{Name: "王总", Tier: model.TierKey}, d("2026-11-01")); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func FuzzImportJSON(f *testing.F) {
	f.Add(docJSON(f, sampleDocument()))
	f.Add([]byte(`{"format":"salesplan","version":1}`))
	f.Add([]byte(`{"format":"salesplan","version":1,"clients":[{"id":1,"name":"A","created_on":"2026-01-01"}],"tasks":[{"id":1,"title":"t","client_id":2}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Into an empty database: all or nothing.
		s := fuzzStore(t, false)
		err := importJSON(s, data, false)
		if err != nil {
			if empty, eerr := s.IsEmpty(); eerr != nil || !empty {
				t.Fatalf("import failed (%v) but wrote records", err)
			}
		} else {
			// What was accepted round-trips exactly.
			first := exportJSON(t, s)
			again := fuzzStore(t, false)
			if err := importJSON(again, first, false); err != nil {
				t.Fatalf("the export of an accepted document is refused: %v", err)
			}
			if second := exportJSON(t, again); !bytes.Equal(first, second) {
				t.Fatalf("export → import → export differs")
			}
		}
		// Merged into a database with data: on error, unchanged.
		m := fuzzStore(t, true)
		before := exportJSON(t, m)
		if err := importJSON(m, data, true); err != nil {
			if after := exportJSON(t, m); !bytes.Equal(before, after) {
				t.Fatalf("a refused merge (%v) changed the database", err)
			}
		}
	})
}

func FuzzImportClientsCSV(f *testing.F) {
	f.Add([]byte(utf8BOM + "姓名,公司,级别\n王总,\"华东, 建设\",大客户\n李工,x,\n"))
	f.Add([]byte("name,tier,cadence_days\nA,key,7\nB,gold,x\n"))
	f.Add([]byte("Name\n'=cmd\n\"multi\nline\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := fuzzStore(t, true)
		before := exportJSON(t, s)
		rep, err := s.ImportClientsCSVOn(bytes.NewReader(data), false, d("2026-11-27"))
		if err != nil {
			if after := exportJSON(t, s); !bytes.Equal(before, after) {
				t.Fatalf("a refused CSV (%v) changed the database", err)
			}
			return
		}
		for _, row := range rep.Added {
			c, err := s.FindClient(row.Name)
			if err != nil || c.Name != row.Name {
				t.Fatalf("reported added %q, found %q %v", row.Name, c.Name, err)
			}
			if strings.TrimSpace(c.Name) == "" {
				t.Fatalf("a client without a name was added")
			}
		}
	})
}

// FuzzDecodeDocument runs without a database, so it explores far more
// inputs per second: decoding and validation never panic, and a document
// they accept is written back and read again unchanged.
func FuzzDecodeDocument(f *testing.F) {
	f.Add(docJSON(f, sampleDocument()))
	f.Add([]byte(`{"format":"salesplan","version":1,"settings":{"workdays":["mon","sun"],"annual_targets":{"2026":1e6}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := DecodeDocument(bytes.NewReader(data))
		if err != nil || doc.Validate() != nil {
			return
		}
		var first, second bytes.Buffer
		if err := doc.Write(&first); err != nil {
			t.Fatal(err)
		}
		again, err := DecodeDocument(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("own output refused: %v\n%s", err, first.Bytes())
		}
		if err := again.Validate(); err != nil {
			t.Fatalf("own output invalid: %v", err)
		}
		if err := again.Write(&second); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("write → decode → write differs:\n%s\n%s", first.Bytes(), second.Bytes())
		}
	})
}
