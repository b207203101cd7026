package storage

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"reflect"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"salesplan/model"
)

// maxDocumentBytes bounds what import reads: the ten-year data set is
// 33 MB, so this is decades of headroom, and a wrong file (a video,
// /dev/zero) is refused before it fills the memory — by its size when it
// has one, else once this much has been read.
const maxDocumentBytes = 1 << 30

// errTooLarge is what sizedReader returns past maxDocumentBytes.
var errTooLarge = errors.New("document too large")

// docError is the refusal of the document as a whole (or of one of its
// top-level fields).
func docError(p *model.Problem) *ValidationError { return invalid(RecordDocument, p) }

func tooLarge() *ValidationError {
	return docError(model.Errf("doc_too_large", "larger than %d MiB: not a salesplan export", maxDocumentBytes>>20))
}

// sizedReader counts what is read and fails past the limit.
type sizedReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (s *sizedReader) Read(p []byte) (int, error) {
	if s.n >= s.limit {
		// One byte more tells a document of exactly the limit from a longer one.
		var one [1]byte
		if n, _ := s.r.Read(one[:]); n == 0 {
			return 0, io.EOF
		}
		return 0, errTooLarge
	}
	if int64(len(p)) > s.limit-s.n {
		p = p[:s.limit-s.n]
	}
	n, err := s.r.Read(p)
	s.n += int64(n)
	return n, err
}

// checkImportSource refuses, before reading anything, an input that cannot
// be an export: a device (/dev/zero, a terminal), a directory, a socket, or
// a file larger than maxDocumentBytes. Pipes and FIFOs are read, up to the
// limit. (A FIFO given by name is refused before it is opened: OpenImportFile.)
func checkImportSource(r io.Reader) error {
	f, ok := r.(*os.File)
	if !ok {
		return nil
	}
	fi, err := f.Stat()
	if err != nil {
		return nil // the read says what is wrong
	}
	switch m := fi.Mode(); {
	case m.IsRegular():
		if fi.Size() > maxDocumentBytes {
			return tooLarge()
		}
	case m&os.ModeNamedPipe != 0:
	default:
		return docError(notAFile())
	}
	return nil
}

// OpenImportFile opens the file an import reads, after looking at what the
// path names: a FIFO is refused before the open, which would wait forever
// for a writer (standard input, "-", is the way to read from a pipe), and so
// are a device, a folder and a socket (checkImportSource). Nothing is read
// or changed then.
func OpenImportFile(path string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&os.ModeNamedPipe != 0 {
		return nil, docError(model.Errf("doc_fifo", "a FIFO (named pipe), not a file: not a salesplan export (to read a pipe, give - and redirect it)"))
	}
	if !fi.Mode().IsRegular() {
		return nil, docError(notAFile())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	// Swapped for something else between the look and the open: look again.
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		f.Close()
		return nil, docError(notAFile())
	}
	return f, nil
}

func notAFile() *model.Problem {
	return model.Errf("doc_not_a_file", "not a file (a device, a directory or a socket): not a salesplan export")
}

// DecodeDocument reads an exchange document as a stream: one record at a
// time is held as JSON, so memory stays near the size of the records
// decoded, and a bad record stops the read there. The input is checked
// first (checkImportSource). Errors are *ValidationError naming the record
// and field ("tasks[3]", "date"); a file that is not JSON gives one error
// saying so, with the line.
func DecodeDocument(r io.Reader) (*Document, error) {
	if err := checkImportSource(r); err != nil {
		return nil, err
	}
	// The decoded records are the document's whole size and stay live
	// until the import: collecting at half the usual growth keeps the
	// peak near them instead of twice them (a 200 MB document).
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	sr := &sizedReader{r: r, limit: maxDocumentBytes}
	br := bufio.NewReaderSize(sr, 1<<16)
	// A byte-order mark (Notepad writes one) is not JSON: skip it, and
	// count it in the offset of a syntax error.
	var skipped int64
	if b, err := br.Peek(len(utf8BOM)); err == nil && string(b) == utf8BOM {
		_, _ = br.Discard(len(utf8BOM))
		skipped = int64(len(utf8BOM))
	}
	dec := json.NewDecoder(br)
	dec.UseNumber()
	d := &docDecoder{dec: dec, src: r, skipped: skipped}
	doc, err := d.decode()
	if errors.Is(err, errTooLarge) {
		return nil, tooLarge()
	}
	return doc, err
}

// docDecoder walks the document's top-level object token by token.
type docDecoder struct {
	dec *json.Decoder
	src io.Reader // for the line of a syntax error, when it can be re-read
	// skipped is the length of the byte-order mark skipped before the
	// decoder's first byte.
	skipped int64
}

func (d *docDecoder) decode() (*Document, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return nil, d.notJSON(err)
	}
	if tok != json.Delim('{') {
		return nil, docError(model.Errf("doc_not_object", "not a salesplan JSON document: must be a JSON object"))
	}
	doc := NewDocument()
	var format *string
	var version *json.Number
	for d.dec.More() {
		tok, err := d.dec.Token()
		if err != nil {
			return nil, d.notJSON(err)
		}
		key, _ := tok.(string)
		switch key {
		case "format":
			var s string
			if err := d.dec.Decode(&s); err != nil {
				return nil, d.valueError("format", err)
			}
			if s != DocumentFormat {
				return nil, docError(formatProblem(strconv.Quote(s)))
			}
			format = &s
		case "version":
			var n json.Number
			if err := d.dec.Decode(&n); err != nil {
				return nil, d.valueError("version", err)
			}
			v, err := n.Int64()
			if err != nil || v < MinDocumentVersion || v > DocumentVersion {
				return nil, docError(versionProblem(n.String()))
			}
			doc.Version = int(v)
			version = &n
		case "settings":
			var raw json.RawMessage
			if err := d.dec.Decode(&raw); err != nil {
				return nil, d.notJSON(err)
			}
			if err := checkRecordUTF8(raw); err != nil {
				return nil, invalid("settings", err)
			}
			// Decoding over the defaults: a field left out keeps its default.
			doc.Settings = model.DefaultSettings()
			if err := decodeStrict(raw, &doc.Settings); err != nil {
				return nil, fieldError("settings", raw, func() any { s := model.DefaultSettings(); return &s }, err)
			}
		case "clients":
			doc.Clients, err = decodeSection[model.Client](d, key)
		case "tasks":
			doc.Tasks, err = decodeSection[model.Task](d, key)
		case "journal":
			doc.Journal, err = decodeSection[model.JournalEntry](d, key)
		case "promises":
			doc.Promises, err = decodeSection[model.Promise](d, key)
		case "projects":
			doc.Projects, err = decodeSection[model.Project](d, key)
		default:
			return nil, docError(model.Errf("doc_unknown_field", "unknown field").In(key))
		}
		if err != nil {
			return nil, err
		}
	}
	if _, err := d.dec.Token(); err != nil { // the closing brace
		return nil, d.notJSON(err)
	}
	if _, err := d.dec.Token(); err != io.EOF {
		if errors.Is(err, errTooLarge) {
			return nil, err
		}
		return nil, docError(model.Errf("doc_trailing_data", "not a salesplan JSON document: unexpected data after the document"))
	}
	if format == nil {
		return nil, docError(formatProblem("missing"))
	}
	if version == nil {
		return nil, docError(model.Errf("doc_missing_version", "missing").In("version"))
	}
	return doc, nil
}

// valueError is the refusal of a top-level field's value.
func (d *docDecoder) valueError(field string, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, errTooLarge) {
		return d.notJSON(err)
	}
	return docError(friendlyJSONError(err).In(field))
}

// decodeSection reads one section's array (or null), one record at a
// time: each is held as raw JSON only while it is decoded, so that a bad
// field can be named.
func decodeSection[T any](d *docDecoder, name string) ([]T, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return nil, d.notJSON(err)
	}
	if tok == nil {
		return []T{}, nil
	}
	if tok != json.Delim('[') {
		return nil, docError(model.Errf("doc_want_list", "must be a list, not a JSON %s", jsonTokenKind(tok)).In(name))
	}
	out := []T{}
	for i := 0; d.dec.More(); i++ {
		var raw json.RawMessage
		if err := d.dec.Decode(&raw); err != nil {
			return nil, d.notJSON(err)
		}
		record := fmt.Sprintf("%s[%d]", name, i)
		if bytes.Equal(raw, []byte("null")) {
			return nil, invalid(record, model.Errf("doc_null_record", "null is not a record"))
		}
		if err := checkRecordUTF8(raw); err != nil {
			return nil, invalid(record, err)
		}
		var rec T
		if err := decodeStrict(raw, &rec); err != nil {
			return nil, fieldError(record, raw, func() any { return new(T) }, err)
		}
		out = append(out, rec)
	}
	if _, err := d.dec.Token(); err != nil { // the closing bracket
		return nil, d.notJSON(err)
	}
	return out, nil
}

// jsonTokenKind names the JSON type of a token as the standard decoder's
// errors do.
func jsonTokenKind(tok json.Token) string {
	switch tok.(type) {
	case string:
		return "string"
	case json.Number, float64:
		return "number"
	case bool:
		return "bool"
	case json.Delim:
		return "object"
	}
	return "null"
}

// checkRecordUTF8 refuses a record whose JSON holds bytes that are not
// UTF-8 (a document saved in another encoding): encoding/json would turn
// them into U+FFFD without a word, so the model's check of every text field
// (model.CheckUTF8) would never see them. The problem names the first
// such field.
func checkRecordUTF8(raw []byte) *model.Problem {
	if utf8.Valid(raw) {
		return nil
	}
	field := ""
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) == nil {
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			if !utf8.Valid(fields[k]) {
				field = k
				break
			}
		}
	}
	return model.Errf("doc_not_utf8", "not valid UTF-8 text (save the document as UTF-8)").In(field)
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
		return invalid(record, model.Errf("doc_unknown_field", "unknown field").In(m[1]))
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil {
		return invalid(record, model.Errf("doc_not_object", "not a salesplan JSON document: must be a JSON object"))
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		one, _ := json.Marshal(map[string]json.RawMessage{k: fields[k]})
		if ferr := decodeStrict(one, fresh()); ferr != nil {
			return invalid(record, friendlyJSONError(ferr).In(k))
		}
	}
	return invalid(record, friendlyJSONError(err))
}

// friendlyJSONError words a decoding error of a value without Go type
// names: the Problem of a field's own decoder (a bad date), or what type
// the field wants.
func friendlyJSONError(err error) *model.Problem {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if num, ok := strings.CutPrefix(te.Value, "number "); ok && isInt(te.Type) && !isWhole(num) {
			switch {
			case !isNumber(num):
				// A map key that is not a number: annual_targets' keys are years.
				return model.Errf("doc_bad_year_key", "%q is not a year (the keys are years, e.g. \"2026\")", num)
			case wholeDigits(num):
				return model.Errf("doc_number_too_large", "%s is too large a number", num)
			default: // 1.5, 1e20 where a count goes
				return model.Errf("doc_want_whole", "must be a whole number, not %s", num)
			}
		}
		return wantKind(te.Type, te.Value)
	}
	var pe *time.ParseError
	if errors.As(err, &pe) || strings.HasPrefix(err.Error(), "Time.UnmarshalJSON") {
		// A journal entry's time: say what is wanted, not Go's layout.
		return model.Errf("doc_want_time", "must be a time like 2026-12-07T09:30:00Z or 2026-12-07T09:30:00+08:00")
	}
	if p := model.ProblemOf(err); p != nil {
		return p
	}
	return model.Errf("doc_bad_value", "%s", strings.TrimPrefix(err.Error(), "json: "))
}

// isInt says whether t is a whole-number kind.
func isInt(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// isNumber says whether s is a number (a JSON number's text), however large.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil || errors.Is(err, strconv.ErrRange)
}

// wholeDigits reports whether s is a whole number's text, of any length.
func wholeDigits(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// isWhole says whether s is written as a whole number.
func isWhole(s string) bool {
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

// wantKind is the problem of a JSON value of the wrong type (got: the JSON
// type found).
func wantKind(t reflect.Type, got string) *model.Problem {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return model.Errf("doc_want_whole_number", "must be a whole number, not a JSON %s", got)
	case reflect.Float32, reflect.Float64:
		return model.Errf("doc_want_number", "must be a number, not a JSON %s", got)
	case reflect.String:
		return model.Errf("doc_want_string", "must be a string, not a JSON %s", got)
	case reflect.Bool:
		return model.Errf("doc_want_bool", "must be true or false, not a JSON %s", got)
	case reflect.Slice, reflect.Array:
		return model.Errf("doc_want_list", "must be a list, not a JSON %s", got)
	default:
		return model.Errf("doc_want_object", "must be an object, not a JSON %s", got)
	}
}

// notJSON turns a failure to read the document's JSON into one clear line,
// with the line of a syntax error when the input can be read again.
func (d *docDecoder) notJSON(err error) error {
	if errors.Is(err, errTooLarge) {
		return err
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		offset := se.Offset + d.skipped
		msg := strings.TrimPrefix(se.Error(), "json: ")
		// "invalid character 'x' looking for beginning of value": the
		// character, in words the catalog has; the decoder's context
		// is English grammar jargon and is left out.
		char, bad := badChar(msg)
		if line, ok := lineAt(d.src, offset); ok {
			if bad {
				return docError(model.Errf("doc_bad_char", "not a salesplan JSON document: unexpected character %s (line %d)", char, line))
			}
			return docError(model.Errf("doc_not_json", "not a salesplan JSON document: %s (line %d)", msg, line))
		}
		if bad {
			return docError(model.Errf("doc_bad_char_at", "not a salesplan JSON document: unexpected character %s (at byte %d)", char, offset))
		}
		return docError(model.Errf("doc_not_json_at", "not a salesplan JSON document: %s (at byte %d)", msg, offset))
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return docError(wantKind(te.Type, te.Value).In(te.Field))
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return docError(model.Errf("doc_cut_short", "not a salesplan JSON document: the file is empty or cut short"))
	}
	if p := model.ProblemOf(err); p != nil {
		return docError(p)
	}
	return fmt.Errorf("read import: %w", err)
}

var badCharRe = regexp.MustCompile(`^invalid character ('(?:[^'\\]|\\.)+') `)

// badChar finds the character of the standard decoder's "invalid
// character 'x' …" (quoted as Go quotes it, so a control character is
// shown escaped).
func badChar(msg string) (string, bool) {
	m := badCharRe.FindStringSubmatch(msg)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// lineAt counts the lines up to offset when src is a file that can be read
// again (the decoder has read past the error; a pipe cannot be re-read).
func lineAt(src io.Reader, offset int64) (int, bool) {
	ra, ok := src.(io.ReaderAt)
	if !ok {
		return 0, false
	}
	line := 1
	buf := make([]byte, 64<<10)
	for pos := int64(0); pos < offset; {
		n, err := ra.ReadAt(buf[:min(int64(len(buf)), offset-pos)], pos)
		line += bytes.Count(buf[:n], []byte("\n"))
		pos += int64(n)
		if n == 0 || (err != nil && !errors.Is(err, io.EOF)) {
			return 0, false // a pipe: ReadAt is not for it
		}
	}
	return line, true
}
