package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"salesplan/model"
)

// rawDocument is the first decoding pass: the envelope checked before any
// record is looked at, so a newer version is refused for what it is.
type rawDocument struct {
	Format   *string           `json:"format"`
	Version  *json.Number      `json:"version"`
	Settings json.RawMessage   `json:"settings"`
	Clients  []json.RawMessage `json:"clients"`
	Tasks    []json.RawMessage `json:"tasks"`
	Journal  []json.RawMessage `json:"journal"`
	Promises []json.RawMessage `json:"promises"`
	Projects []json.RawMessage `json:"projects"`
}

// maxDocumentBytes bounds what import reads into memory: the benchmark's
// 160k records take 29 MiB, so this is years of headroom, and a wrong file
// (a video) is refused before it fills the memory.
const maxDocumentBytes = 1 << 30

func docError(field, format string, args ...any) *ValidationError {
	return &ValidationError{Record: "document", Field: field, Msg: fmt.Sprintf(format, args...)}
}

// DecodeDocument reads an exchange document. Errors are *ValidationError
// naming the record and field ("tasks[3]", "date"); a file that is not JSON
// gives one error saying so, with the line.
func DecodeDocument(r io.Reader) (*Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDocumentBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read import: %w", err)
	}
	if len(data) > maxDocumentBytes {
		return nil, docError("", "larger than %d MiB: not a salesplan export", maxDocumentBytes>>20)
	}
	var raw rawDocument
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return nil, notJSONError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, docError("", "not a salesplan JSON document: unexpected data after the document")
	}
	if raw.Format == nil || *raw.Format != DocumentFormat {
		got := "missing"
		if raw.Format != nil {
			got = strconv.Quote(*raw.Format)
		}
		return nil, docError("format", "must be %q (got %s): not a salesplan export", DocumentFormat, got)
	}
	if raw.Version == nil {
		return nil, docError("version", "missing")
	}
	version, err := raw.Version.Int64()
	if err != nil || version < MinDocumentVersion || version > DocumentVersion {
		return nil, docError("version", "version %s is not supported (this salesplan reads versions %d to %d)", raw.Version.String(), MinDocumentVersion, DocumentVersion)
	}
	doc := NewDocument()
	doc.Version = int(version)
	if len(raw.Settings) > 0 {
		// Decoding over the defaults: a field left out keeps its default.
		if err := decodeStrict(raw.Settings, &doc.Settings); err != nil {
			return nil, fieldError("settings", raw.Settings, func() any { s := model.DefaultSettings(); return &s }, err)
		}
	}
	if doc.Clients, err = decodeSection[model.Client]("clients", raw.Clients); err != nil {
		return nil, err
	}
	if doc.Tasks, err = decodeSection[model.Task]("tasks", raw.Tasks); err != nil {
		return nil, err
	}
	if doc.Journal, err = decodeSection[model.JournalEntry]("journal", raw.Journal); err != nil {
		return nil, err
	}
	if doc.Promises, err = decodeSection[model.Promise]("promises", raw.Promises); err != nil {
		return nil, err
	}
	if doc.Projects, err = decodeSection[model.Project]("projects", raw.Projects); err != nil {
		return nil, err
	}
	return doc, nil
}

func decodeSection[T any](name string, raws []json.RawMessage) ([]T, error) {
	out := make([]T, len(raws))
	for i, raw := range raws {
		if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			return nil, &ValidationError{Record: fmt.Sprintf("%s[%d]", name, i), Msg: "null is not a record"}
		}
		if err := decodeStrict(raw, &out[i]); err != nil {
			return nil, fieldError(fmt.Sprintf("%s[%d]", name, i), raw, func() any { return new(T) }, err)
		}
	}
	return out, nil
}

func decodeStrict(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

var unknownFieldRe = regexp.MustCompile(`unknown field "(.*)"`)

// fieldError finds which field of a record failed to decode: the standard
// decoder names the field of a type error but not of an error from a
// field's own UnmarshalJSON (a bad date), so on this rare path each field
// is decoded on its own into a fresh record to find the culprit.
func fieldError(record string, raw []byte, fresh func() any, err error) error {
	if m := unknownFieldRe.FindStringSubmatch(err.Error()); m != nil {
		return &ValidationError{Record: record, Field: m[1], Msg: "unknown field"}
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil {
		return &ValidationError{Record: record, Msg: "must be a JSON object"}
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		one, _ := json.Marshal(map[string]json.RawMessage{k: fields[k]})
		if ferr := decodeStrict(one, fresh()); ferr != nil {
			return &ValidationError{Record: record, Field: k, Msg: friendlyJSONError(ferr)}
		}
	}
	return &ValidationError{Record: record, Msg: friendlyJSONError(err)}
}

// friendlyJSONError words a decoding error without Go type names.
func friendlyJSONError(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("must be %s, not a JSON %s", jsonKindName(te.Type), te.Value)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

func jsonKindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	default:
		return "an object"
	}
}

// notJSONError turns a decoding failure of the document itself into one
// clear line.
func notJSONError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return docError("", "not a salesplan JSON document: %s (line %d)", strings.TrimPrefix(se.Error(), "json: "), line)
	}
	if m := unknownFieldRe.FindStringSubmatch(err.Error()); m != nil {
		return docError(m[1], "unknown field")
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return docError("", "not a salesplan JSON document: must be a JSON object")
		}
		return docError(te.Field, "%s", friendlyJSONError(err))
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return docError("", "not a salesplan JSON document: the file is empty or cut short")
	}
	return docError("", "not a salesplan JSON document: %s", strings.TrimPrefix(err.Error(), "json: "))
}
