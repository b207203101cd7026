package storage

// Edits against the record as stored (DESIGN.md §6 "(v2) No acknowledged or
// edited write is lost").
//
// An editor (a planner form, a key like `!`, the settings screen, a
// command) reads a record, which carries its revision (model.Task.Rev …),
// and later sends back two versions of it: the one it read (seen) and the
// one the person made of it (edited). In one transaction the store reads
// the record as it is now and applies only the fields that differ between
// seen and edited:
//
//   - a field the editor did not change keeps its stored value, so whatever
//     another process changed meanwhile (the command line completing the
//     task, keeping the promise, setting a month target) survives;
//   - a field the editor changed is set, unless another process changed
//     the same field to something else since seen: then nothing is written
//     and the edit is refused with a *ConflictError ("changed elsewhere
//     since you opened it") carrying the record as stored, so the planner
//     keeps the typed text and shows the fresh record.
//
// Fields are compared as their JSON values (the exchange format's names);
// objects (the settings' annual and month targets) merge key by key, so a
// month target set elsewhere survives a save of other months. The
// revision itself is the meta revision of the transaction that last wrote
// the record (codec.go); it tells at a glance whether anything changed,
// while the field check decides what may be applied.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"salesplan/model"
)

// ErrConflict: an edit was refused because a field it changes was changed
// elsewhere since the editor read the record. The error is a
// *ConflictError.
var ErrConflict = errors.New("changed elsewhere since you opened it")

// ConflictError is the refusal of an edit whose fields were changed
// elsewhere meanwhile. errors.Is(err, ErrConflict) and errors.As with
// *model.Problem (code "changed_elsewhere") both work.
type ConflictError struct {
	Kind   string   // client, task, entry, promise, project, settings
	ID     model.ID // 0 for the settings
	Fields []string // the fields (exchange-format names) changed both here and elsewhere; nil when unknown
	Fresh  any      // the record as stored now: a model.Task, model.Client, … (a value)
}

// Problem is the translatable form: code "changed_elsewhere", no arguments.
func (e *ConflictError) Problem() *model.Problem {
	return model.Errf("changed_elsewhere", "changed elsewhere since you opened it; what you typed is kept: look at the new version and save again")
}

func (e *ConflictError) Error() string {
	what := e.Kind
	if e.ID != 0 {
		what = fmt.Sprintf("%s %d", e.Kind, e.ID)
	}
	if len(e.Fields) > 0 {
		return fmt.Sprintf("%s: %s was changed elsewhere since you opened it", what, strings.Join(e.Fields, ", "))
	}
	return what + " was changed elsewhere since you opened it"
}

// Unwrap lets errors.Is find ErrConflict and errors.As the Problem.
func (e *ConflictError) Unwrap() []error { return []error{e.Problem(), ErrConflict} }

// mergeEdit applies the fields edited changes from seen onto stored and
// returns the result; conflicts names the fields changed both in edited
// and, to another value, in stored (the result is then stored unchanged).
// changed reports whether the result differs from stored.
func mergeEdit[T any](seen, edited, stored T) (out T, conflicts []string, changed bool, err error) {
	// Before JSON turns bytes that are not UTF-8 into U+FFFD unseen.
	if err := model.CheckUTF8Fields(edited); err != nil {
		return out, nil, false, err
	}
	raw := make([]json.RawMessage, 3)
	for i, v := range []T{seen, edited, stored} {
		if raw[i], err = json.Marshal(v); err != nil {
			return out, nil, false, fmt.Errorf("edit: encode: %w", err)
		}
	}
	merged := mergeJSON(raw[0], raw[1], raw[2], "", &conflicts)
	if len(conflicts) > 0 {
		sort.Strings(conflicts)
		return stored, conflicts, false, nil
	}
	if err := json.Unmarshal(merged, &out); err != nil {
		return out, nil, false, fmt.Errorf("edit: decode: %w", err)
	}
	again, err := json.Marshal(out)
	if err != nil {
		return out, nil, false, fmt.Errorf("edit: encode: %w", err)
	}
	if bytes.Equal(again, raw[2]) {
		return stored, nil, false, nil
	}
	return out, nil, true, nil
}

// mergeJSON is a three-way merge of JSON values: base (seen), ours
// (edited), theirs (stored). nil means absent. Objects on every side (null
// counts as an empty object) merge member by member; any other value is
// one field, taken whole.
func mergeJSON(base, ours, theirs json.RawMessage, path string, conflicts *[]string) json.RawMessage {
	switch {
	case jsonEqual(base, ours): // not edited: whatever is stored stays
		return theirs
	case jsonEqual(theirs, base), jsonEqual(theirs, ours): // only we changed it, or both alike
		return ours
	}
	b, okB := jsonObject(base)
	o, okO := jsonObject(ours)
	t, okT := jsonObject(theirs)
	if !okB || !okO || !okT {
		*conflicts = append(*conflicts, path)
		return theirs
	}
	keys := map[string]bool{}
	for _, m := range []map[string]json.RawMessage{b, o, t} {
		for k := range m {
			keys[k] = true
		}
	}
	out := map[string]json.RawMessage{}
	for k := range keys {
		sub := k
		if path != "" {
			sub = path + "." + k
		}
		if v := mergeJSON(b[k], o[k], t[k], sub, conflicts); v != nil {
			out[k] = v
		}
	}
	enc, err := json.Marshal(out)
	if err != nil { // cannot happen: the members are valid JSON
		*conflicts = append(*conflicts, path)
		return theirs
	}
	return enc
}

func jsonEqual(a, b json.RawMessage) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return bytes.Equal(a, b)
}

// jsonObject decodes an object's members; absent and null are an empty
// object (a map never set). ok is false for any other value.
func jsonObject(v json.RawMessage) (map[string]json.RawMessage, bool) {
	if v == nil || string(v) == "null" {
		return map[string]json.RawMessage{}, true
	}
	if len(v) == 0 || v[0] != '{' {
		return nil, false
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(v, &m); err != nil {
		return nil, false
	}
	return m, true
}

// conflict is the refusal of an edit of the record fresh (as stored).
func conflict(kind string, id model.ID, fields []string, fresh any) error {
	return &ConflictError{Kind: kind, ID: id, Fields: fields, Fresh: fresh}
}
