package model

import (
	"strconv"
)

// MarshalJSON writes an id as a number, and "none" (0) as null, as the
// exchange format shows references (DESIGN.md §3: "project_id": null).
func (id ID) MarshalJSON() ([]byte, error) {
	if id == 0 {
		return []byte("null"), nil
	}
	return strconv.AppendUint(nil, uint64(id), 10), nil
}

// UnmarshalJSON reads a whole number ≥ 0, or null for none.
func (id *ID) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*id = 0
		return nil
	}
	v, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		return Errf("doc_bad_id", "an id must be a whole number or null, not %s", string(b))
	}
	*id = ID(v)
	return nil
}
