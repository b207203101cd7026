package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"time"

	"salesplan/model"
)

// Every record value is an envelope. Version 2 (written since records
// carry a revision):
//
//	[1 byte codec version 2][4 bytes CRC-32 (IEEE, big-endian) of what follows][8 bytes revision][JSON payload]
//
// Version 1 (still read; its records have revision 0 until rewritten):
//
//	[1 byte codec version 1][4 bytes CRC-32 of the payload][JSON payload]
//
// bbolt checksums only its meta pages: a flipped byte in a value comes back
// silently, so the envelope's checksum is what turns damage into an error.
//
// The revision is the database's revision counter (meta/revision) of the
// transaction that wrote the record: every change gives the record a new,
// higher revision, unique across the database, so an editor can tell
// whether the record it holds is still the one stored.
const (
	codecVersion1  = byte(1)
	codecVersion   = byte(2)
	envelopeHeader = 5     // version 1: version + CRC
	revisionHeader = 5 + 8 // version 2: version + CRC + revision
	// maxRecordBytes bounds a record before it is read: the largest one
	// (a client with every text at model.MaxTextBytes, escaped) is a few
	// MiB, so a longer value is a damaged size, not data to copy.
	maxRecordBytes = 16 << 20
)

// isEnvelope reports whether a stored value is in an envelope (any codec
// version) rather than the bare JSON of schema 0.
func isEnvelope(b []byte) bool {
	return len(b) > 0 && (b[0] == codecVersion1 || b[0] == codecVersion)
}

// encodeRecord wraps v's JSON in the envelope with revision 0 (for
// records outside the revision scheme: tests, migrations of old values).
func encodeRecord(v any) ([]byte, error) { return encodeRecordRev(v, 0) }

// encodeRecordRev wraps v's JSON in the envelope with the given revision.
func encodeRecordRev(v any, rev uint64) ([]byte, error) {
	payload, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	out := make([]byte, revisionHeader+len(payload))
	out[0] = codecVersion
	binary.BigEndian.PutUint64(out[5:13], rev)
	copy(out[revisionHeader:], payload)
	binary.BigEndian.PutUint32(out[1:5], crc32.ChecksumIEEE(out[5:]))
	return out, nil
}

// decodeRecord checks the envelope and decodes its JSON into v, and sets
// v's revision (the Rev field of the model types). what names the record
// for the error ("task 7").
func decodeRecord(what string, b []byte, v any) error {
	return decodeNamed(recordName{what: what}, b, v)
}

// decodeRecordOf is decodeRecord for the record kind id ("task", 7),
// named only when there is an error: views decode thousands.
func decodeRecordOf(kind string, id model.ID, b []byte, v any) error {
	return decodeNamed(recordName{kind: kind, id: id}, b, v)
}

// recordName names a record in an error: what, or kind and id.
type recordName struct {
	what string
	kind string
	id   model.ID
}

func (n recordName) String() string {
	if n.kind == "" {
		return n.what
	}
	return fmt.Sprintf("%s %d", n.kind, n.id)
}

func decodeNamed(name recordName, b []byte, v any) error {
	rev, payload, err := openEnvelopeNamed(name, b)
	if err != nil {
		return err
	}
	if !fastDecode(payload, v) { // the views' kinds in the form Marshal writes (fastjson.go)
		if err := json.Unmarshal(payload, v); err != nil {
			return corrupt(name.String(), err)
		}
	}
	setRev(v, rev)
	return nil
}

// openEnvelope checks an envelope and returns its revision and payload.
func openEnvelope(what string, b []byte) (rev uint64, payload []byte, err error) {
	return openEnvelopeNamed(recordName{what: what}, b)
}

func openEnvelopeNamed(name recordName, b []byte) (rev uint64, payload []byte, err error) {
	if len(b) < envelopeHeader {
		return 0, nil, corrupt(name.String(), fmt.Errorf("record too short (%d bytes)", len(b)))
	}
	if len(b) > maxRecordBytes {
		return 0, nil, corrupt(name.String(), fmt.Errorf("record of %d bytes: its size is damaged", len(b)))
	}
	var sum []byte
	switch b[0] {
	case codecVersion1:
		sum, payload = b[envelopeHeader:], b[envelopeHeader:]
	case codecVersion:
		if len(b) < revisionHeader {
			return 0, nil, corrupt(name.String(), fmt.Errorf("record too short (%d bytes)", len(b)))
		}
		sum, payload, rev = b[5:], b[revisionHeader:], binary.BigEndian.Uint64(b[5:13])
	default:
		return 0, nil, corrupt(name.String(), fmt.Errorf("unknown record version %d", b[0]))
	}
	if want, got := binary.BigEndian.Uint32(b[1:5]), crc32.ChecksumIEEE(sum); want != got {
		return 0, nil, corrupt(name.String(), fmt.Errorf("checksum mismatch (stored %08x, computed %08x)", want, got))
	}
	return rev, payload, nil
}

// setRev reaches the Rev field of the model types (it is not in
// their JSON).
func setRev(v any, rev uint64) {
	switch r := v.(type) {
	case *model.Client:
		r.Rev = rev
	case *model.Task:
		r.Rev = rev
	case *model.JournalEntry:
		r.Rev = rev
	case *model.Promise:
		r.Rev = rev
	case *model.Project:
		r.Rev = rev
	case *model.Settings:
		r.Rev = rev
	}
}

// corrupt is the error for a damaged record: ErrCorrupt, and a Problem
// (code "record_damaged", args the record, e.g. "client 7", and what is
// wrong with it) so the UI can add what to do (check, restore a backup).
func corrupt(what string, cause error) error {
	return newStoreError(ErrCorrupt, nil, "record_damaged", "%s: %s", what, cause.Error())
}

// ---- key encodings: fixed-width big-endian so that byte order is value order
// and cursor Seek does range scans.

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func idKey(id model.ID) []byte { return u64(uint64(id)) }

func keyID(b []byte) model.ID { return model.ID(binary.BigEndian.Uint64(b)) }

func readU64(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// dateBytes encodes a Date (0 = none sorts first) as 4 bytes.
func dateBytes(d model.Date) []byte {
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, uint32(max(d, 0)))
	return b
}

func readDate(b []byte) model.Date { return model.Date(binary.BigEndian.Uint32(b)) }

// timeBytes encodes an instant as biased Unix nanoseconds so that earlier
// sorts first, before 1970 included.
func timeBytes(t time.Time) []byte {
	return u64(uint64(t.UnixNano()) ^ (1 << 63))
}

// cat concatenates key parts into a fresh slice.
func cat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
