package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"time"

	"salesplan/model"
)

// Every record value is an envelope:
//
//	[1 byte codec version][4 bytes CRC-32 (IEEE, big-endian) of the payload][JSON payload]
//
// bbolt checksums only its meta pages: a flipped byte in a value comes back
// silently, so the envelope's checksum is what turns damage into an error.
const (
	codecVersion   = byte(1)
	envelopeHeader = 5
	// maxRecordBytes bounds a record before it is read: the largest one
	// (a client with every text at model.MaxTextBytes, escaped) is a few
	// MiB, so a longer value is a damaged size, not data to copy.
	maxRecordBytes = 16 << 20
)

// encodeRecord wraps v's JSON in the envelope.
func encodeRecord(v any) ([]byte, error) {
	payload, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	out := make([]byte, envelopeHeader+len(payload))
	out[0] = codecVersion
	binary.BigEndian.PutUint32(out[1:5], crc32.ChecksumIEEE(payload))
	copy(out[envelopeHeader:], payload)
	return out, nil
}

// decodeRecord checks the envelope and decodes its JSON into v. what names
// the record for the error ("task 7").
func decodeRecord(what string, b []byte, v any) error {
	if len(b) < envelopeHeader {
		return corrupt(what, fmt.Errorf("record too short (%d bytes)", len(b)))
	}
	if len(b) > maxRecordBytes {
		return corrupt(what, fmt.Errorf("record of %d bytes: its size is damaged", len(b)))
	}
	if b[0] != codecVersion {
		return corrupt(what, fmt.Errorf("unknown record version %d", b[0]))
	}
	payload := b[envelopeHeader:]
	if want, got := binary.BigEndian.Uint32(b[1:5]), crc32.ChecksumIEEE(payload); want != got {
		return corrupt(what, fmt.Errorf("checksum mismatch (stored %08x, computed %08x)", want, got))
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return corrupt(what, err)
	}
	return nil
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
