package storage

// The JSON exchange document (DESIGN.md §3): the Document type and export.
// Reading it is exchange_decode.go, checking it exchange_validate.go,
// writing it into a database exchange_import.go.
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
//   - Every record is checked by its kind's model Validate, the rules of the
//     operations (DESIGN.md §2 ranges and limits included), so a record is
//     accepted by import exactly when an operation would store it, and
//     normalised the same way: empty enum fields (tier, task kind, slot) get
//     their defaults, the slot follows the time, names lose zero-width and
//     bidi characters. What the store wrote round-trips unchanged.
//   - Error records are named by their 0-based position in the document, as a
//     JSON path does: tasks[3] is the fourth task.
//   - Speed: an import builds records and indexes in a scratch file first
//     (see importStaged) and copies them into the database in one
//     transaction: 160k records in about 3–4 s, merge or not.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// Exchange format identity (DESIGN.md §3). Version 2 (the work plan's
// rules) adds holidays, days_off, extra_workdays, task_id, cancelled_on,
// cancel_reason and signed_on, and lets a journal call have no client.
// Export writes DocumentVersion; import reads every version from
// MinDocumentVersion (a version-1 document gets the defaults).
const (
	DocumentFormat     = "salesplan"
	DocumentVersion    = 2
	MinDocumentVersion = 1
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
	err := s.viewIndexed(func(tx *bolt.Tx) (err error) {
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
		if err := decodeRecordOf(kind, keyID(k), v, &rec); err != nil {
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
