package storage

// The JSON exchange document (DESIGN.md §3): export, import, validation.
//
// Decisions written down here because DESIGN.md is silent on them:
//   - Import into an empty database writes every record under the id it has in
//     the document, so export → import → export gives the same document.
//   - Import with merge into a non-empty database gives every record a new id
//     (the next free one of its kind) and rewrites client_id / project_id
//     references to the new ids. The document's settings are ignored on merge:
//     the database keeps its own. A client or project whose name (any case) is
//     already in the database refuses the whole import, naming the record, so
//     a merge never silently joins two people into one.
//   - The document is checked whole before anything is written and written in
//     one transaction: a bad document leaves the database as it was.
//   - Empty enum fields (tier, task kind, slot) are accepted and kept as they
//     are, so that what the store wrote round-trips; unknown values are refused.
//   - Error records are named by their 0-based position in the document, as a
//     JSON path does: tasks[3] is the fourth task.
//   - Speed: an import builds records and indexes in a scratch file first
//     (see importStaged) and copies them into the database in one
//     transaction: 160k records in about 3–4 s, merge or not.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// Exchange format identity (DESIGN.md §3).
const (
	DocumentFormat  = "salesplan"
	DocumentVersion = 1
)

// Document is the exchange document: the whole database as one JSON value.
// The demo generator builds one and imports it.
type Document struct {
	Format   string               `json:"format"`
	Version  int                  `json:"version"`
	Settings model.Settings       `json:"settings"`
	Clients  []model.Client       `json:"clients"`
	Tasks    []model.Task         `json:"tasks"`
	Journal  []model.JournalEntry `json:"journal"`
	Promises []model.Promise      `json:"promises"`
	Projects []model.Project      `json:"projects"`
}

// NewDocument returns an empty document with the format, version and
// default settings filled in.
func NewDocument() *Document {
	return &Document{Format: DocumentFormat, Version: DocumentVersion, Settings: model.DefaultSettings()}
}

// ---- export

// exportJSONImpl is Store.ExportJSON (api.go): the exchange document
// (DESIGN.md §3), one record per line so that it can be read and diffed,
// from one read transaction.
func (s *Store) exportJSONImpl(w io.Writer) error {
	doc, err := s.Document()
	if err != nil {
		return err
	}
	return doc.Write(w)
}

// Document reads the whole database into an exchange document (one read
// transaction, records in id order).
func (s *Store) Document() (*Document, error) {
	var doc *Document
	err := s.view(func(tx *bolt.Tx) (err error) {
		doc, err = readDocument(tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return doc, nil
}

// readDocument decodes the settings and every record in tx.
func readDocument(tx *bolt.Tx) (*Document, error) {
	doc := NewDocument()
	var err error
	if doc.Settings, err = readSettings(tx); err != nil {
		return nil, err
	}
	if doc.Clients, err = readAll[model.Client](tx, bClients, "client"); err != nil {
		return nil, err
	}
	if doc.Tasks, err = readAll[model.Task](tx, bTasks, "task"); err != nil {
		return nil, err
	}
	if doc.Journal, err = readAll[model.JournalEntry](tx, bJournal, "entry"); err != nil {
		return nil, err
	}
	if doc.Promises, err = readAll[model.Promise](tx, bPromises, "promise"); err != nil {
		return nil, err
	}
	if doc.Projects, err = readAll[model.Project](tx, bProjects, "project"); err != nil {
		return nil, err
	}
	return doc, nil
}

// readAll decodes every record of a bucket in id order.
func readAll[T any](tx *bolt.Tx, bucket []byte, kind string) ([]T, error) {
	b := tx.Bucket(bucket)
	out := []T{}
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var rec T
		if err := decodeRecord(fmt.Sprintf("%s %d", kind, keyID(k)), v, &rec); err != nil {
			return err
		}
		out = append(out, rec)
		return nil
	})
	return out, err
}

// Write renders the document: valid JSON with one record per line.
func (d *Document) Write(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var rec bytes.Buffer
	enc := json.NewEncoder(&rec)
	enc.SetEscapeHTML(false) // "<" and "&" stay readable in names
	encode := func(v any) ([]byte, error) {
		rec.Reset()
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return escapeControls(bytes.TrimSuffix(rec.Bytes(), []byte("\n"))), nil
	}
	fmt.Fprintf(bw, "{\"format\": %q, \"version\": %d,\n\"settings\": ", d.Format, d.Version)
	b, err := encode(d.Settings)
	if err != nil {
		return fmt.Errorf("export settings: %w", err)
	}
	bw.Write(b)
	sections := []struct {
		name string
		n    int
		at   func(i int) any
	}{
		{"clients", len(d.Clients), func(i int) any { return &d.Clients[i] }},
		{"tasks", len(d.Tasks), func(i int) any { return &d.Tasks[i] }},
		{"journal", len(d.Journal), func(i int) any { return &d.Journal[i] }},
		{"promises", len(d.Promises), func(i int) any { return &d.Promises[i] }},
		{"projects", len(d.Projects), func(i int) any { return &d.Projects[i] }},
	}
	for _, sec := range sections {
		fmt.Fprintf(bw, ",\n\"%s\": [", sec.name)
		for i := 0; i < sec.n; i++ {
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteByte('\n')
			b, err := encode(sec.at(i))
			if err != nil {
				return fmt.Errorf("export %s[%d]: %w", sec.name, i, err)
			}
			bw.Write(b)
		}
		bw.WriteString("]")
	}
	bw.WriteString("}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	return nil
}

// ---- decoding with errors that name the record and field

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
	if v, err := raw.Version.Int64(); err != nil || v != DocumentVersion {
		return nil, docError("version", "version %s is not supported (this salesplan reads version %d)", raw.Version.String(), DocumentVersion)
	}
	doc := NewDocument()
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

// ---- validation

// Dates outside this range are typing errors, not plans.
var (
	minDate = model.MakeDate(1900, 1, 1)
	maxDate = model.MakeDate(2200, 12, 31)
)

func checkDate(d model.Date, required bool) string {
	switch {
	case d == model.NoDate && required:
		return "required"
	case d == model.NoDate:
		return ""
	case d < minDate || d > maxDate:
		return fmt.Sprintf("%s is out of range (1900–2200)", d)
	}
	return ""
}

// validator collects the first problem found.
type validator struct{ err *ValidationError }

func (v *validator) fail(record, field, format string, args ...any) {
	if v.err == nil {
		v.err = &ValidationError{Record: record, Field: field, Msg: fmt.Sprintf(format, args...)}
	}
}

func (v *validator) date(record, field string, d model.Date, required bool) {
	if msg := checkDate(d, required); msg != "" {
		v.fail(record, field, "%s", msg)
	}
}

// id checks a record's id: present, below maxImportID, not used by an
// earlier record of its kind (seen, which it joins).
func (v *validator) id(record string, id model.ID, seen map[model.ID]bool) {
	switch {
	case id == 0:
		v.fail(record, "id", "required (a positive number)")
	case uint64(id) > maxImportID:
		v.fail(record, "id", "%d is too large (at most %d)", id, uint64(maxImportID))
	case seen[id]:
		v.fail(record, "id", "id %d is used twice", id)
	}
	seen[id] = true
}

// uniqueName checks that name, the i-th of kind ("clients"), is not the
// name of an earlier record in any case (seen maps the folded name to its
// index, and the name joins it).
func (v *validator) uniqueName(record, kind, name string, i int, seen map[string]int) {
	k := string(nameKey(name))
	if j, dup := seen[k]; dup && strings.TrimSpace(name) != "" {
		v.fail(record, "name", "%q is also the name of %s[%d] (names are unique, any case)", name, kind, j)
	}
	seen[k] = i
}

func (v *validator) text(record, field, s string, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		v.fail(record, field, "required")
	case len(s) > maxTextBytes:
		v.fail(record, field, "longer than %d bytes", maxTextBytes)
	}
}

// maxImportID bounds imported ids: JSON readers in other languages hold
// integers exactly only up to 2^53, and the id sequence must never wrap.
const maxImportID = 1 << 53

// maxTextBytes bounds one text field: a note is long, a megabyte is a mistake.
const maxTextBytes = 64 << 10

// Validate checks a document whole: formats, enums, dates, unique ids and
// names, and that every reference points to a record of the document. It
// returns the first problem as a *ValidationError, or nil.
func (d *Document) Validate() error {
	v := &validator{}
	if d.Format != DocumentFormat {
		v.fail("document", "format", "must be %q (got %q)", DocumentFormat, d.Format)
	}
	if d.Version != DocumentVersion {
		v.fail("document", "version", "version %d is not supported (this salesplan reads version %d)", d.Version, DocumentVersion)
	}
	d.validateSettings(v)

	clients := map[model.ID]bool{}
	names := map[string]int{}
	for i, c := range d.Clients {
		rec := fmt.Sprintf("clients[%d]", i)
		v.id(rec, c.ID, clients)
		v.text(rec, "name", c.Name, true)
		v.uniqueName(rec, "clients", c.Name, i, names)
		if c.Tier != "" && c.Tier != model.TierKey && c.Tier != model.TierRegular {
			v.fail(rec, "tier", "%q is not a tier (key or regular)", c.Tier)
		}
		for _, f := range []struct{ name, val string }{{"company", c.Company}, {"area", c.Area}, {"phone", c.Phone},
			{"business", c.Business}, {"needs", c.Needs}, {"decision_maker", c.DecisionMaker},
			{"interests", c.Interests}, {"referred_by", c.ReferredBy}} {
			v.text(rec, f.name, f.val, false)
		}
		if c.CadenceDays < 0 || c.CadenceDays > 3650 {
			v.fail(rec, "cadence_days", "%d is not a number of days (0 = the tier's default, up to 3650)", c.CadenceDays)
		}
		v.date(rec, "created_on", c.CreatedOn, true)
	}

	projects := map[model.ID]bool{}
	pnames := map[string]int{}
	for i, p := range d.Projects {
		rec := fmt.Sprintf("projects[%d]", i)
		v.id(rec, p.ID, projects)
		v.text(rec, "name", p.Name, true)
		v.uniqueName(rec, "projects", p.Name, i, pnames)
		switch {
		case p.ClientID == 0:
			v.fail(rec, "client_id", "required")
		case !clients[p.ClientID]:
			v.fail(rec, "client_id", "no client %d", p.ClientID)
		}
		v.text(rec, "owner", p.Owner, false)
		if p.Value < 0 {
			v.fail(rec, "value", "must not be negative")
		}
		if !p.Stage.Valid() {
			v.fail(rec, "stage", "%q is not a stage", p.Stage)
		}
		v.date(rec, "bid_date", p.BidDate, false)
		if len(p.StageHistory) == 0 {
			v.fail(rec, "stage_history", "empty: it must end with the current stage %q", p.Stage)
		}
		for j, h := range p.StageHistory {
			field := fmt.Sprintf("stage_history[%d]", j)
			if !h.Stage.Valid() {
				v.fail(rec, field+".stage", "%q is not a stage", h.Stage)
			}
			v.date(rec, field+".on", h.On, true)
			if j > 0 && h.On < p.StageHistory[j-1].On {
				v.fail(rec, field+".on", "%s is before the previous entry's %s (history is in date order)", h.On, p.StageHistory[j-1].On)
			}
		}
		if n := len(p.StageHistory); n > 0 && p.StageHistory[n-1].Stage != p.Stage {
			v.fail(rec, "stage_history", "ends with %q but the current stage is %q", p.StageHistory[n-1].Stage, p.Stage)
		}
	}

	ref := func(rec, field string, id model.ID, set map[model.ID]bool, kind string, required bool) {
		if id == 0 {
			if required {
				v.fail(rec, field, "required")
			}
			return
		}
		if !set[id] {
			v.fail(rec, field, "no %s %d", kind, id)
		}
	}

	ids := map[model.ID]bool{}
	for i, t := range d.Tasks {
		rec := fmt.Sprintf("tasks[%d]", i)
		v.id(rec, t.ID, ids)
		v.text(rec, "title", t.Title, true)
		v.date(rec, "date", t.Date, false)
		if t.Time.Valid() && t.Time.Minutes() >= 24*60 {
			v.fail(rec, "time", "out of range")
		}
		if t.Slot != "" && !t.Slot.Valid() {
			v.fail(rec, "slot", "%q is not a slot (morning, afternoon, evening, any)", t.Slot)
		} else if t.Time.Valid() && t.Slot != "" && t.Slot != model.SlotOf(t.Time) {
			v.fail(rec, "slot", "%q does not match the time %s (%s)", t.Slot, t.Time, model.SlotOf(t.Time))
		}
		if t.Kind != "" && !t.Kind.Valid() {
			v.fail(rec, "kind", "%q is not a task kind (call, visit, meeting, todo)", t.Kind)
		}
		ref(rec, "client_id", t.ClientID, clients, "client", false)
		ref(rec, "project_id", t.ProjectID, projects, "project", false)
		v.date(rec, "done_on", t.DoneOn, false)
		if t.DoneOn.Valid() && !t.Done {
			v.fail(rec, "done_on", "set on a task that is not done")
		}
		if !t.Repeat.Valid() {
			v.fail(rec, "repeat", "%q is not a repeat rule (daily, weekdays, weekly, monthly, every N days, every N weeks)", t.Repeat)
		} else if t.Repeat != "" && !t.Date.Valid() {
			v.fail(rec, "repeat", "a repeating task needs a date")
		}
		if t.Time.Valid() && !t.Date.Valid() {
			v.fail(rec, "time", "a task with a time needs a date")
		}
	}

	ids = map[model.ID]bool{}
	for i, e := range d.Journal {
		rec := fmt.Sprintf("journal[%d]", i)
		v.id(rec, e.ID, ids)
		ref(rec, "client_id", e.ClientID, clients, "client", true)
		ref(rec, "project_id", e.ProjectID, projects, "project", false)
		if !e.Kind.Valid() {
			v.fail(rec, "kind", "%q is not a journal kind (note, call, visit, meeting)", e.Kind)
		}
		if e.At.IsZero() {
			v.fail(rec, "at", "required")
		} else {
			v.date(rec, "at", e.On(), true)
		}
		v.text(rec, "text", e.Text, e.Kind == model.EntryNote)
	}

	ids = map[model.ID]bool{}
	for i, p := range d.Promises {
		rec := fmt.Sprintf("promises[%d]", i)
		v.id(rec, p.ID, ids)
		ref(rec, "client_id", p.ClientID, clients, "client", true)
		ref(rec, "project_id", p.ProjectID, projects, "project", false)
		v.text(rec, "text", p.Text, true)
		v.date(rec, "made_on", p.MadeOn, false)
		v.date(rec, "due", p.Due, true)
		if !p.Status.Valid() {
			v.fail(rec, "status", "%q is not a status (open, kept, cancelled)", p.Status)
		}
		v.date(rec, "kept_on", p.KeptOn, p.Status == model.PromiseKept)
		if p.KeptOn.Valid() && p.Status != model.PromiseKept {
			v.fail(rec, "kept_on", "set on a promise that is %s", p.Status)
		}
	}
	if v.err != nil {
		return v.err
	}
	return nil
}

func (d *Document) validateSettings(v *validator) {
	st := d.Settings
	for y, m := range st.AnnualTargets {
		if y < 1900 || y > 2200 {
			v.fail("settings", "annual_targets", "%d is not a year", y)
		}
		if m < 0 {
			v.fail("settings", "annual_targets", "%d: a target must not be negative", y)
		}
	}
	for k, m := range st.MonthTargets {
		if mo, err := model.ParseMonth(k); err != nil || mo.String() != k {
			v.fail("settings", "month_targets", "%q is not a month (YYYY-MM)", k)
		}
		if m < 0 {
			v.fail("settings", "month_targets", "%s: a target must not be negative", k)
		}
	}
	for _, f := range []struct {
		name     string
		val, min int
	}{{"calls_per_day", st.CallsPerDay, 0}, {"visits_per_week", st.VisitsPerWeek, 0},
		{"key_cadence_days", st.KeyCadenceDays, 1}, {"regular_cadence_days", st.RegularCadenceDays, 1},
		{"lead_cadence_days", st.LeadCadenceDays, 1}, {"design_cadence_days", st.DesignCadenceDays, 1},
		{"stage_cadence_days", st.StageCadenceDays, 1}} {
		if f.val < f.min || f.val > 10000 {
			v.fail("settings", f.name, "%d is out of range (%d–10000)", f.val, f.min)
		}
	}
	switch st.Language {
	case "", "en", "zh":
	default:
		v.fail("settings", "language", "%q is not a language (en, zh)", st.Language)
	}
	v.text("settings", "currency", st.Currency, false)
}

// ---- import

// importJSONImpl is Store.ImportJSON (api.go): it reads an exchange
// document; into a non-empty database only with merge. A bad document is
// rejected whole.
func (s *Store) importJSONImpl(r io.Reader, merge bool) error {
	doc, err := DecodeDocument(r)
	if err != nil {
		return err
	}
	return s.ImportDocument(doc, merge)
}

// ImportDocument validates doc and writes it in one transaction (see the
// file comment for merge). Into a non-empty database without merge it
// returns ErrNotEmpty.
func (s *Store) ImportDocument(doc *Document, merge bool) error {
	if err := doc.Validate(); err != nil {
		return err
	}
	if err := s.importStaged(doc, merge); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return nil
}

func (s *Store) notEmptyError() error {
	return newStoreError(ErrNotEmpty, nil, "import_not_empty",
		"the database %s already has data; import refused (use --merge to add the records under new ids)", s.path)
}

// stagingBatch is how many records one staging transaction writes.
const stagingBatch = 5000

// importStaged writes doc into the database. Inside one bbolt transaction
// a bucket's nodes are not split until commit, so inserting 100k index keys
// in random order into one transaction moves the node's entries for every
// insert (quadratic: 15 s for the target size). So the records and their
// indexes are first built in a staging file beside the database, in batches
// (its nodes stay small), with the same helpers as every other write; then
// the staging file's buckets are copied into the database in ONE
// transaction, in key order, which bbolt does in linear time. The staging
// file is removed in all cases.
//
// With merge, the ids the records will get are chosen from the database's
// sequences before staging; the final transaction checks that nobody added
// a record meanwhile (else it refuses: try again) and copies the new
// records and index entries in beside the existing ones.
func (s *Store) importStaged(doc *Document, merge bool) (err error) {
	if s.opts.ReadOnly {
		return newStoreError(ErrReadOnly, nil, "db_read_only", "the database %s is open read-only", s.path)
	}
	var base mergeBase
	err = s.view(func(tx *bolt.Tx) error {
		if !merge {
			if !isEmpty(tx) {
				return s.notEmptyError() // refused before the staging work
			}
			return nil
		}
		base, err = readMergeBase(tx, doc)
		return err
	})
	if err != nil {
		return err
	}
	if merge {
		doc = remapDocument(doc, base)
	}
	sdb, cleanup, err := openStaging(filepath.Dir(s.path), s.lockTimeout())
	if err != nil {
		return err
	}
	defer cleanup()
	if err := fillStaging(sdb, doc); err != nil {
		return err
	}
	stx, err := sdb.Begin(false)
	if err != nil {
		return fmt.Errorf("staging file: %w", err)
	}
	// The staging transaction stays open until the database's commit:
	// bbolt keeps the values handed to Put until then.
	defer stx.Rollback()
	return s.update(func(tx *bolt.Tx) error {
		if !merge {
			if !isEmpty(tx) {
				return s.notEmptyError()
			}
			return copyStaging(stx, tx, true)
		}
		now, err := readMergeBase(tx, doc)
		if err != nil {
			return err
		}
		if now.seq != base.seq {
			return newStoreError(nil, nil, "import_raced",
				"the database %s changed while the import was prepared; run the import again", s.path)
		}
		return copyStaging(stx, tx, false)
	})
}

// mergeBase is what a merge needs of the database: the last id in use of
// each kind (records are numbered after it) and its settings (follow-up
// dates of the new clients are computed with them).
type mergeBase struct {
	seq      [5]uint64 // by recordBuckets order
	settings model.Settings
}

// readMergeBase reads the merge base and refuses a client or project whose
// name (any case) the database has already, naming the document record.
func readMergeBase(tx *bolt.Tx, doc *Document) (mergeBase, error) {
	var mb mergeBase
	for i, name := range recordBuckets {
		b := rb(tx, name)
		mb.seq[i] = b.Sequence()
		if k, _ := b.Cursor().Last(); len(k) == 8 {
			mb.seq[i] = max(mb.seq[i], readU64(k))
		}
	}
	var err error
	if mb.settings, err = readSettings(tx); err != nil {
		return mb, err
	}
	for i, c := range doc.Clients {
		if ix(tx, ixClientName).Get(nameKey(c.Name)) != nil {
			return mb, &ValidationError{Record: fmt.Sprintf("clients[%d]", i), Field: "name",
				Msg: fmt.Sprintf("a client named %q is already in the database", c.Name)}
		}
	}
	for i, p := range doc.Projects {
		if ix(tx, ixProjectName).Get(nameKey(p.Name)) != nil {
			return mb, &ValidationError{Record: fmt.Sprintf("projects[%d]", i), Field: "name",
				Msg: fmt.Sprintf("a project named %q is already in the database", p.Name)}
		}
	}
	return mb, nil
}

// remapDocument returns a copy of doc whose records are numbered after the
// database's (in document id order) with every reference rewritten, and
// whose settings are the database's.
func remapDocument(doc *Document, mb mergeBase) *Document {
	out := &Document{Format: doc.Format, Version: doc.Version, Settings: mb.settings}
	renumber := func(old []model.ID, next uint64) map[model.ID]model.ID {
		sorted := append([]model.ID(nil), old...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
		m := make(map[model.ID]model.ID, len(sorted))
		for i, id := range sorted {
			m[id] = model.ID(next + uint64(i) + 1)
		}
		return m
	}
	ids := func(n int, at func(i int) model.ID) []model.ID {
		out := make([]model.ID, n)
		for i := range out {
			out[i] = at(i)
		}
		return out
	}
	// recordBuckets order: clients, tasks, journal, promises, projects.
	cm := renumber(ids(len(doc.Clients), func(i int) model.ID { return doc.Clients[i].ID }), mb.seq[0])
	tm := renumber(ids(len(doc.Tasks), func(i int) model.ID { return doc.Tasks[i].ID }), mb.seq[1])
	jm := renumber(ids(len(doc.Journal), func(i int) model.ID { return doc.Journal[i].ID }), mb.seq[2])
	pm := renumber(ids(len(doc.Promises), func(i int) model.ID { return doc.Promises[i].ID }), mb.seq[3])
	prm := renumber(ids(len(doc.Projects), func(i int) model.ID { return doc.Projects[i].ID }), mb.seq[4])
	for _, c := range doc.Clients {
		c.ID = cm[c.ID]
		out.Clients = append(out.Clients, c)
	}
	for _, t := range doc.Tasks {
		t.ID, t.ClientID, t.ProjectID = tm[t.ID], cm[t.ClientID], prm[t.ProjectID]
		out.Tasks = append(out.Tasks, t)
	}
	for _, e := range doc.Journal {
		e.ID, e.ClientID, e.ProjectID = jm[e.ID], cm[e.ClientID], prm[e.ProjectID]
		out.Journal = append(out.Journal, e)
	}
	for _, p := range doc.Promises {
		p.ID, p.ClientID, p.ProjectID = pm[p.ID], cm[p.ClientID], prm[p.ProjectID]
		out.Promises = append(out.Promises, p)
	}
	for _, p := range doc.Projects {
		p.ID, p.ClientID = prm[p.ID], cm[p.ClientID]
		p.StageHistory = append([]model.StageEntry(nil), p.StageHistory...)
		out.Projects = append(out.Projects, p)
	}
	return out
}

const stagingPrefix = ".salesplan-staging-"

// removeStaleStaging deletes staging files left by a process that was
// killed mid-import (its deferred cleanup never ran). A live import writes
// its file continuously, so one untouched for an hour is abandoned. Best
// effort: a file that cannot be removed only wastes space.
func removeStaleStaging(dir string) {
	old, _ := filepath.Glob(filepath.Join(dir, stagingPrefix+"*.db"))
	for _, p := range old {
		if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(p)
		}
	}
}

// openStaging creates a scratch bbolt file in dir (falling back to the
// system's temporary directory when dir is not writable). It is written
// without fsync: it is thrown away, and cleanup closes and removes it.
func openStaging(dir string, timeout time.Duration) (*bolt.DB, func(), error) {
	removeStaleStaging(dir)
	f, err := os.CreateTemp(dir, stagingPrefix+"*.db")
	if err != nil {
		if f, err = os.CreateTemp("", "salesplan-staging-*.db"); err != nil {
			return nil, nil, fmt.Errorf("staging file: %w", err)
		}
	}
	name := f.Name()
	f.Close()
	// bbolt sets up an empty file as a new database.
	sdb, err := bolt.Open(name, fileMode, &bolt.Options{Timeout: timeout, NoSync: true, NoFreelistSync: true, InitialMmapSize: 256 << 20})
	if err != nil {
		os.Remove(name)
		return nil, nil, fmt.Errorf("staging file: %w", err)
	}
	return sdb, func() { sdb.Close(); os.Remove(name) }, nil
}

// fillStaging writes doc into the staging database through the
// index-maintaining helpers, stagingBatch records per transaction.
func fillStaging(sdb *bolt.DB, doc *Document) error {
	err := sdb.Update(func(tx *bolt.Tx) error {
		if err := ensureBuckets(tx); err != nil {
			return err
		}
		return putSettings(tx, doc.Settings)
	})
	if err != nil {
		return fmt.Errorf("staging: %w", err)
	}
	type step struct {
		n   int
		put func(tx *bolt.Tx, i int) error
	}
	clients := sortedBy(doc.Clients, func(c model.Client) model.ID { return c.ID })
	projects := sortedBy(doc.Projects, func(p model.Project) model.ID { return p.ID })
	tasks := sortedBy(doc.Tasks, func(t model.Task) model.ID { return t.ID })
	journal := sortedBy(doc.Journal, func(e model.JournalEntry) model.ID { return e.ID })
	promises := sortedBy(doc.Promises, func(p model.Promise) model.ID { return p.ID })
	steps := []step{
		{len(clients), func(tx *bolt.Tx, i int) error { return putClient(tx, &clients[i]) }},
		{len(projects), func(tx *bolt.Tx, i int) error {
			p := projects[i]
			p.StageHistory = append([]model.StageEntry(nil), p.StageHistory...)
			return putProject(tx, &p)
		}},
		{len(tasks), func(tx *bolt.Tx, i int) error { return putTask(tx, &tasks[i]) }},
		// Journal entries go with their index entries directly: putEntry
		// would recompute the client's follow-up once per entry; that is
		// done once per client below.
		{len(journal), func(tx *bolt.Tx, i int) error {
			if _, err := putRaw(rb(tx, bJournal), &journal[i].ID, &journal[i]); err != nil {
				return err
			}
			return entryIndex(tx, &journal[i], true)
		}},
		{len(promises), func(tx *bolt.Tx, i int) error { return putPromise(tx, &promises[i]) }},
		{len(clients), func(tx *bolt.Tx, i int) error { return refreshClientDue(tx, clients[i].ID, nil) }},
	}
	for _, st := range steps {
		for lo := 0; lo < st.n; lo += stagingBatch {
			hi := min(lo+stagingBatch, st.n)
			err := sdb.Update(func(tx *bolt.Tx) error {
				for i := lo; i < hi; i++ {
					if err := st.put(tx, i); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("staging: %w", err)
			}
		}
	}
	return nil
}

// copyStaging copies every record and index bucket from the staging
// transaction into the database's, keys in order, and the settings when
// withSettings. The keys copied are new to the database: an empty one, or
// ids above its sequences (merge), whose index keys contain those ids.
func copyStaging(src, dst *bolt.Tx, withSettings bool) error {
	for _, name := range rootBuckets {
		sb, db := src.Bucket(name), dst.Bucket(name)
		if sb == nil || db == nil {
			return fmt.Errorf("staging: bucket %s missing", name)
		}
		if string(name) == string(bMeta) {
			if v := sb.Get(kSettings); v != nil && withSettings {
				if err := db.Put(kSettings, v); err != nil {
					return err
				}
			}
			continue
		}
		if err := copyBucket(db, sb); err != nil {
			return fmt.Errorf("copy %s: %w", name, err)
		}
	}
	return nil
}

func copyBucket(dst, src *bolt.Bucket) error {
	if k, _ := dst.Cursor().First(); k == nil {
		dst.FillPercent = 1.0 // keys arrive in order into an empty bucket: fill pages whole
	}
	err := src.ForEach(func(k, v []byte) error {
		if v == nil {
			sub := src.Bucket(k)
			if sub == nil {
				return nil
			}
			dsub, err := dst.CreateBucketIfNotExists(k)
			if err != nil {
				return err
			}
			return copyBucket(dsub, sub)
		}
		return dst.Put(k, v)
	})
	if err != nil {
		return err
	}
	return dst.SetSequence(max(dst.Sequence(), src.Sequence()))
}

// sortedBy returns a copy of recs in id order (the input is left alone: it
// may be the caller's document).
func sortedBy[T any](recs []T, id func(T) model.ID) []T {
	out := append([]T(nil), recs...)
	sort.SliceStable(out, func(i, j int) bool { return id(out[i]) < id(out[j]) })
	return out
}

// escapeControls writes DEL, the C1 controls and the bidi controls as
// \uXXXX escapes, as encoding/json already does for C0: the document keeps
// the text exactly, but its bytes stay inert when printed to a terminal
// (export without -o). In JSON these runes can only occur inside strings.
func escapeControls(b []byte) []byte {
	if !bytes.ContainsFunc(b, controlRune) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if controlRune(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

func controlRune(r rune) bool {
	return r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) ||
		(r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
