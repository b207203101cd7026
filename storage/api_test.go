package storage

import (
	"testing"

	"salesplan/model"
)

// A validation error reads the same as a Problem (translated by the UI) and
// as an error, and a record-level one has no empty field in it.
func TestValidationErrorWording(t *testing.T) {
	for _, c := range []struct {
		name  string
		err   ValidationError
		code  string
		nargs int
		want  string
	}{
		{"field", ValidationError{Record: "clients[3]", Field: "name", Msg: "is empty"}, "invalid_field", 3, "clients[3]: name: is empty"},
		{"whole record", ValidationError{Record: "document", Msg: "must be a JSON object"}, "invalid_record", 2, "document: must be a JSON object"},
		{"document field", ValidationError{Record: "document", Field: "format", Msg: "must be \"salesplan\""}, "invalid_field_of", 3, "document: format: must be \"salesplan\""},
		{"csv line", ValidationError{Record: "line 4", Line: 4, Msg: "not CSV"}, "invalid_record", 2, "line 4: not CSV"},
		// A CSV cell: its line and its column, as the header names it.
		{"csv cell", ValidationError{Record: "line 4", Line: 4, Field: "客户", Msg: "a name is needed"}, "invalid_cell", 3, `line 4, column "客户": a name is needed`},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := c.err.Problem()
			if p.Code != c.code || len(p.Args) != c.nargs {
				t.Errorf("Problem code %q with %d args, want %q with %d", p.Code, len(p.Args), c.code, c.nargs)
			}
			if got := p.Error(); got != c.want {
				t.Errorf("Problem says %q, want %q", got, c.want)
			}
			if got := c.err.Error(); got != c.want {
				t.Errorf("Error says %q, want %q", got, c.want)
			}
			// "document" and "line N" are words the catalog translates;
			// a record of the format ("clients[3]") is kept as spelled.
			_, word := p.Args[0].(*model.Problem)
			if isWord := c.err.Record == RecordDocument || c.err.Line > 0 && c.err.Field == ""; word != isWord {
				t.Errorf("record %q given as a Problem: %v, want %v", c.err.Record, word, isWord)
			}
		})
	}
}
