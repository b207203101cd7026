package storage

// A fast path for decoding the JSON of the records views read most: tasks,
// promises, clients and journal entries. encoding/json decodes them by
// reflection, validating the whole text first and calling the model's
// UnmarshalJSON methods for every id and date through a second Unmarshal
// each; the day list of a neglected ten-year database (3,052 tasks, 2,310
// promises) spent a third of its time there.
//
// The fast path reads only what encoding/json's Marshal writes for these
// types — the field names exactly, strings, whole numbers, true/false and
// null where the field's type takes it — and gives up (false) on anything
// else: an unknown or differently spelled key, a value of another kind,
// an escape it does not handle, invalid UTF-8, trailing text. The caller
// then decodes with encoding/json, so every record decodes exactly as
// before; the fast path only ever returns what encoding/json would
// (FuzzFastDecode compares the two).
//
// Libraries were measured first (BenchmarkDecodeRecord's task and promise,
// same machine, same run): encoding/json 7.3-9.2 µs and 24 allocations,
// goccy/go-json v0.10.5 3.1-3.5 µs and 26, segmentio/encoding v0.5.3
// 3.2-4.2 µs and 17, this path 1.2-1.3 µs and 4. The libraries still call
// every ID's and Date's UnmarshalJSON and allocate per field; none came
// within 2x, and each adds to the binary every command starts.

import (
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"salesplan/model"
)

// fastDecode decodes payload into v when v is one of the types it knows
// and payload is in the form it reads; false leaves v unchanged. (The
// loops are written out per type: a closure would move the value to the
// heap.)
func fastDecode(payload []byte, v any) bool {
	s := jscan{b: payload}
	switch r := v.(type) {
	case *model.Task:
		t := *r
		for key := s.begin(); s.more(&key); {
			s.ok = taskField(&s, key, &t)
		}
		if s.end() {
			*r = t
		}
	case *model.Promise:
		p := *r
		for key := s.begin(); s.more(&key); {
			s.ok = promiseField(&s, key, &p)
		}
		if s.end() {
			*r = p
		}
	case *model.Client:
		c := *r
		for key := s.begin(); s.more(&key); {
			s.ok = clientField(&s, key, &c)
		}
		if s.end() {
			*r = c
		}
	case *model.JournalEntry:
		e := *r
		for key := s.begin(); s.more(&key); {
			s.ok = entryField(&s, key, &e)
		}
		if s.end() {
			*r = e
		}
	default:
		return false
	}
	return s.ok
}

func taskField(s *jscan, key []byte, t *model.Task) bool {
	switch string(key) {
	case "id":
		return s.id(&t.ID)
	case "title":
		return s.str(&t.Title)
	case "date":
		return s.date(&t.Date)
	case "time":
		return s.clock(&t.Time)
	case "slot":
		return s.kind((*string)(&t.Slot))
	case "kind":
		return s.kind((*string)(&t.Kind))
	case "client_id":
		return s.id(&t.ClientID)
	case "project_id":
		return s.id(&t.ProjectID)
	case "important":
		return s.boolean(&t.Important)
	case "done":
		return s.boolean(&t.Done)
	case "done_on":
		return s.date(&t.DoneOn)
	case "repeat":
		return s.str((*string)(&t.Repeat))
	}
	return false
}

func promiseField(s *jscan, key []byte, p *model.Promise) bool {
	switch string(key) {
	case "id":
		return s.id(&p.ID)
	case "client_id":
		return s.id(&p.ClientID)
	case "project_id":
		return s.id(&p.ProjectID)
	case "text":
		return s.str(&p.Text)
	case "made_on":
		return s.date(&p.MadeOn)
	case "due":
		return s.date(&p.Due)
	case "status":
		return s.kind((*string)(&p.Status))
	case "kept_on":
		return s.date(&p.KeptOn)
	case "cancelled_on":
		return s.date(&p.CancelledOn)
	case "cancel_reason":
		return s.str(&p.CancelReason)
	}
	return false
}

func clientField(s *jscan, key []byte, c *model.Client) bool {
	switch string(key) {
	case "id":
		return s.id(&c.ID)
	case "name":
		return s.str(&c.Name)
	case "company":
		return s.str(&c.Company)
	case "tier":
		return s.kind((*string)(&c.Tier))
	case "area":
		return s.str(&c.Area)
	case "phone":
		return s.str(&c.Phone)
	case "business":
		return s.str(&c.Business)
	case "needs":
		return s.str(&c.Needs)
	case "decision_maker":
		return s.str(&c.DecisionMaker)
	case "interests":
		return s.str(&c.Interests)
	case "referred_by":
		return s.str(&c.ReferredBy)
	case "cadence_days":
		return s.integer(&c.CadenceDays)
	case "created_on":
		return s.date(&c.CreatedOn)
	case "archived":
		return s.boolean(&c.Archived)
	}
	return false
}

func entryField(s *jscan, key []byte, e *model.JournalEntry) bool {
	switch string(key) {
	case "id":
		return s.id(&e.ID)
	case "client_id":
		return s.id(&e.ClientID)
	case "project_id":
		return s.id(&e.ProjectID)
	case "task_id":
		return s.id(&e.TaskID)
	case "kind":
		return s.kind((*string)(&e.Kind))
	case "at":
		return s.instant(&e.At)
	case "text":
		return s.str(&e.Text)
	}
	return false
}

// jscan is a position in a JSON text. An object is read as
//
//	for key := s.begin(); s.more(&key); { s.ok = <read the value of key> }
//	if s.end() { <use what was read> }
//
// with ok false from the first thing it does not read.
type jscan struct {
	b       []byte
	i       int
	ok      bool // nothing declined so far
	members int  // members read
	done    bool // the closing '}' read, and nothing after it
}

// begin reads the object's '{'.
func (s *jscan) begin() []byte {
	s.ws()
	s.ok = s.byte('{')
	return nil
}

// more reads the separator before the next member and its key, leaving
// the scanner at the value; false at the closing '}' (or when declined).
func (s *jscan) more(key *[]byte) bool {
	if !s.ok {
		return false
	}
	s.ws()
	if s.byte('}') {
		s.ws()
		s.done = s.i == len(s.b) // nothing after the object
		s.ok = s.done
		return false
	}
	if s.members > 0 && !s.byte(',') {
		s.ok = false
		return false
	}
	s.members++
	s.ws()
	k, ok := s.rawString()
	s.ws()
	if !ok || !s.byte(':') {
		s.ok = false
		return false
	}
	s.ws()
	*key = k
	return true
}

// end reports whether the whole text was one object read to its end.
func (s *jscan) end() bool {
	s.ok = s.ok && s.done
	return s.ok
}

func (s *jscan) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// byte consumes c if it is next.
func (s *jscan) byte(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// literal consumes word (null, true, false) if it is next and ends there.
func (s *jscan) literal(word string) bool {
	end := s.i + len(word)
	if end > len(s.b) || string(s.b[s.i:end]) != word {
		return false
	}
	if end < len(s.b) && isWordByte(s.b[end]) {
		return false
	}
	s.i = end
	return true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-' || c == '+'
}

// rawString reads a string without escapes and returns its bytes (valid
// UTF-8, no control characters); false for anything else.
func (s *jscan) rawString() ([]byte, bool) {
	if !s.byte('"') {
		return nil, false
	}
	start := s.i
	ascii := true
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			raw := s.b[start:s.i]
			s.i++
			if !ascii && !utf8.Valid(raw) {
				return nil, false // encoding/json would put U+FFFD in
			}
			return raw, true
		case c == '\\' || c < 0x20:
			return nil, false
		case c >= 0x80:
			ascii = false
		}
		s.i++
	}
	return nil, false
}

// str reads a string value, with the escapes json.Marshal writes (\" \\
// \/ \b \f \n \r \t and \u of a character outside the surrogates).
func (s *jscan) str(dst *string) bool {
	if !s.byte('"') {
		return false
	}
	start := s.i
	ascii := true
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			raw := s.b[start:s.i]
			s.i++
			if !ascii && !utf8.Valid(raw) {
				return false
			}
			*dst = string(raw)
			return true
		case c == '\\':
			return s.escaped(start, dst)
		case c < 0x20:
			return false
		case c >= 0x80:
			ascii = false
		}
		s.i++
	}
	return false
}

// escaped finishes a string that has an escape at s.i (its text began at
// start).
func (s *jscan) escaped(start int, dst *string) bool {
	out := make([]byte, 0, s.i-start+16)
	out = append(out, s.b[start:s.i]...)
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			if !utf8.Valid(out) {
				return false
			}
			*dst = string(out)
			return true
		case c < 0x20:
			return false
		case c != '\\':
			out = append(out, c)
			s.i++
			continue
		}
		if s.i+1 >= len(s.b) {
			return false
		}
		e := s.b[s.i+1]
		s.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			if s.i+4 > len(s.b) {
				return false
			}
			r, err := strconv.ParseUint(string(s.b[s.i:s.i+4]), 16, 32)
			if err != nil || utf16.IsSurrogate(rune(r)) {
				return false // surrogate pairs: encoding/json's rules
			}
			s.i += 4
			out = utf8.AppendRune(out, rune(r))
		default:
			return false
		}
	}
	return false
}

// kind reads a string that is usually one of the model's kind words,
// without allocating for those.
func (s *jscan) kind(dst *string) bool {
	raw, ok := s.rawString()
	if !ok {
		return false
	}
	*dst = kindWord(raw)
	return true
}

// kindWord is raw as a string, shared for the values of the model's kind
// types (a switch on string(raw) copies nothing).
func kindWord(raw []byte) string {
	switch string(raw) {
	case "":
		return ""
	case string(model.TaskCall):
		return string(model.TaskCall)
	case string(model.TaskVisit):
		return string(model.TaskVisit)
	case string(model.TaskMeeting):
		return string(model.TaskMeeting)
	case string(model.TaskTodo):
		return string(model.TaskTodo)
	case string(model.EntryNote):
		return string(model.EntryNote)
	case string(model.SlotMorning):
		return string(model.SlotMorning)
	case string(model.SlotAfternoon):
		return string(model.SlotAfternoon)
	case string(model.SlotEvening):
		return string(model.SlotEvening)
	case string(model.SlotAny):
		return string(model.SlotAny)
	case string(model.TierKey):
		return string(model.TierKey)
	case string(model.TierRegular):
		return string(model.TierRegular)
	case string(model.PromiseOpen):
		return string(model.PromiseOpen)
	case string(model.PromiseKept):
		return string(model.PromiseKept)
	case string(model.PromiseCancelled):
		return string(model.PromiseCancelled)
	}
	return string(raw)
}

// digits reads the digits of a JSON number that is a whole number
// (optionally negative when signed); false for fractions, exponents and
// what JSON does not allow (leading zeros).
func (s *jscan) digits(signed bool) ([]byte, bool) {
	start := s.i
	if signed && s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	d := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	n := s.i - d
	if n == 0 || n > 1 && s.b[d] == '0' {
		return nil, false
	}
	if s.i < len(s.b) && (s.b[s.i] == '.' || s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		return nil, false
	}
	return s.b[start:s.i], true
}

// id reads a model.ID as its UnmarshalJSON does: a whole number ≥ 0, or
// null for none.
func (s *jscan) id(dst *model.ID) bool {
	if s.literal("null") {
		*dst = 0
		return true
	}
	raw, ok := s.digits(false)
	if !ok {
		return false
	}
	var v uint64
	for _, c := range raw { // strconv.ParseUint's result, without its copy of the text
		if v > (1<<64-1)/10 || v*10 > 1<<64-1-uint64(c-'0') {
			return false // out of range: ParseUint's error
		}
		v = v*10 + uint64(c-'0')
	}
	*dst = model.ID(v)
	return true
}

// integer reads an int field as encoding/json does.
func (s *jscan) integer(dst *int) bool {
	raw, ok := s.digits(true)
	if !ok {
		return false
	}
	v, err := strconv.ParseInt(string(raw), 10, 0)
	if err != nil {
		return false
	}
	*dst = int(v)
	return true
}

func (s *jscan) boolean(dst *bool) bool {
	switch {
	case s.literal("true"):
		*dst = true
	case s.literal("false"):
		*dst = false
	default:
		return false
	}
	return true
}

// date reads a model.Date as its UnmarshalJSON does: "YYYY-MM-DD", "" or
// null.
func (s *jscan) date(dst *model.Date) bool {
	if s.literal("null") {
		*dst = model.NoDate
		return true
	}
	raw, ok := s.rawString()
	if !ok {
		return false
	}
	if len(raw) == 0 {
		*dst = model.NoDate
		return true
	}
	if d, ok := quickDate(raw); ok {
		*dst = d
		return true
	}
	v, err := model.ParseDate(string(raw))
	if err != nil {
		return false
	}
	*dst = v
	return true
}

// quickDate reads a plain YYYY-MM-DD whose day exists in its month
// (model.ParseDate's result for it, without time.Parse); anything else is
// left to ParseDate.
func quickDate(b []byte) (model.Date, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return 0, false
	}
	n := func(p []byte) int {
		v := 0
		for _, c := range p {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, m, d := n(b[:4]), n(b[5:7]), n(b[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 || d > model.DaysIn(y, time.Month(m)) {
		return 0, false
	}
	return model.MakeDate(y, time.Month(m), d), true
}

// clock reads a model.Clock as its UnmarshalJSON does: "HH:MM", "" or null.
func (s *jscan) clock(dst *model.Clock) bool {
	if s.literal("null") {
		*dst = model.NoClock
		return true
	}
	raw, ok := s.rawString()
	if !ok {
		return false
	}
	if len(raw) == 0 {
		*dst = model.NoClock
		return true
	}
	v, err := model.ParseClock(string(raw))
	if err != nil {
		return false
	}
	*dst = v
	return true
}

// instant reads a time.Time with its own UnmarshalJSON (RFC 3339).
func (s *jscan) instant(dst *time.Time) bool {
	start := s.i
	if _, ok := s.rawString(); !ok {
		return false
	}
	var t time.Time
	if err := t.UnmarshalJSON(s.b[start:s.i]); err != nil {
		return false
	}
	*dst = t
	return true
}
