package storage

// This file is the contract between storage and its callers (ui, ui/cli).
// The methods' bodies live by area: clients.go, tasks.go, journal.go,
// promises.go, projects.go, settings.go, views.go, undo.go, store.go (Open,
// Revision, IsEmpty, Notice); maintenance below delegates to backup.go,
// check.go and the exchange_*.go files.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"salesplan/model"
)

// Errors callers match with errors.Is / errors.As.
var (
	// ErrNotFound: no record with that id or name.
	ErrNotFound = errors.New("not found")
	// ErrLocked: another process held the database longer than the lock wait.
	ErrLocked = errors.New("the database is busy: another salesplan holds it")
	// ErrNewerSchema: the file was written by a newer salesplan.
	ErrNewerSchema = errors.New("the database was written by a newer salesplan")
	// ErrNotEmpty: demo or import into a database that already has data.
	ErrNotEmpty = errors.New("the database is not empty")
	// ErrNothingToUndo: the undo stack is empty.
	ErrNothingToUndo = errors.New("nothing to undo")
	// ErrCorrupt: a record failed its envelope check (version, checksum, JSON).
	ErrCorrupt = errors.New("a record in the database is damaged")
	// ErrDamaged: the file is damaged (bbolt panicked or refused its meta
	// pages) or was emptied while backups exist; the message names the backups.
	ErrDamaged = errors.New("the database file is damaged")
	// ErrNotBolt: the file is not a salesplan database; it was left untouched.
	ErrNotBolt = errors.New("not a salesplan database")
	// ErrReadOnly: a change was asked of a Store opened ReadOnly.
	ErrReadOnly = errors.New("the database is open read-only")
	// ErrChanged: undo refused because the records were changed since
	// (e.g. by the command line while the planner was open).
	ErrChanged = errors.New("changed since")
	// ErrUnsafeTarget: a file to write is not a regular file or a new path,
	// or is one of the database's own files; nothing was written.
	ErrUnsafeTarget = errors.New("not a file salesplan may write")
	// ErrBackupDamaged: today's automatic copy failed its verification; it
	// was kept aside and counts for nothing.
	ErrBackupDamaged = errors.New("the automatic backup failed its check")
)

// AmbiguousError is returned when a name prefix matches several records.
type AmbiguousError struct {
	Kind       string // "client" or "project"
	Query      string
	Candidates []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%s %q is ambiguous: %s", e.Kind, e.Query, strings.Join(e.Candidates, ", "))
}

// Problem returns the translatable form: code "ambiguous_client" or
// "ambiguous_project", args the query and the candidates joined by ", ".
func (e *AmbiguousError) Problem() *model.Problem {
	return model.Errf("ambiguous_"+e.Kind, e.Kind+" %q is ambiguous: %s", e.Query, strings.Join(e.Candidates, ", "))
}

// Unwrap lets errors.As find the *model.Problem.
func (e *AmbiguousError) Unwrap() error { return e.Problem() }

// ValidationError names the record and field at fault in a document or
// file being imported.
type ValidationError struct {
	Record string         // e.g. "clients[3]", "document", "line 4"
	Line   int            // a CSV file's line (Record "line N"), else 0
	Field  string         // as the exchange format spells it (a CSV file: its column's header); "" = the record as a whole
	Msg    string         // what is wrong, in English
	Why    *model.Problem // what is wrong, translatable (Msg is its English)
}

// Problem returns the translatable form: code "invalid_cell" (line,
// column, what is wrong) for a CSV file's cell, "invalid_field" (record,
// field, what is wrong) when a field is at fault ("invalid_field_of" when
// the record is a worded one, the document or a line), "invalid_record" (record,
// what is wrong) when the record as a whole is. What is wrong is Why, a
// Problem the catalog translates in turn, or else the English Msg. Each
// code keeps one argument count so the catalog can translate it.
func (e *ValidationError) Problem() *model.Problem {
	var why any = e.Msg
	if e.Why != nil {
		why = e.Why
	}
	if e.Line > 0 && e.Field != "" {
		// A CSV file's cell: its line, and its column named by the header.
		return model.Errf("invalid_cell", "line %d, column %q: %s", e.Line, e.Field, why)
	}
	rec := e.record()
	if e.Field == "" {
		return model.Errf("invalid_record", "%s: %s", rec, why)
	}
	if _, worded := rec.(*model.Problem); worded {
		// "document", "line 3": words of the language, joined to the
		// field without the space a record of the format takes in
		// Chinese ("第 3 行的字段 name", "tasks[3] 的字段 date").
		return model.Errf("invalid_field_of", "%s: %s: %s", rec, e.Field, why)
	}
	return model.Errf("invalid_field", "%s: %s: %s", rec, e.Field, why)
}

// RecordDocument is the Record of a problem with the document as a whole
// (its format or version, JSON that is not a document).
const RecordDocument = "document"

// record is the Record as the message's argument: the words "document"
// and "line N" as Problems the catalog translates; a record of the
// exchange format ("clients[3]") as the format spells it.
func (e *ValidationError) record() any {
	switch {
	case e.Line > 0:
		return model.Errf("record_line", "line %d", e.Line)
	case e.Record == RecordDocument:
		return model.Errf("record_document", "document")
	}
	return e.Record
}

func (e *ValidationError) Error() string { return e.Problem().Error() }

// Options configure Open.
type Options struct {
	LockTimeout time.Duration // how long one transaction waits for the file lock; 0 = 2s
	ReadOnly    bool
	// Clock is the real clock, for backup names and rotation (never
	// --today); nil = time.Now. Tests set it.
	Clock func() time.Time
}

// now is the real time (Options.Clock).
func (s *Store) now() time.Time {
	if s.opts.Clock != nil {
		return s.opts.Clock()
	}
	return time.Now()
}

// Store is the salesplan database. It holds the bbolt file open only while a
// transaction runs, so the planner and the command line work side by side.
// Every method that changes data is one user action and one transaction.
type Store struct {
	path   string
	opts   Options
	notice *model.Problem
	ready  bool       // Open finished: from now on a 0-byte file is an accident
	mu     sync.Mutex // guards lang
	lang   string     // the language the person reads (SetLanguage), for defaults that follow it
	// verified is the file state whose page structure is known sound
	// (verifyBeforeWrite); used under the file lock only.
	verified verifiedFile
	// txFile is the file the running transaction reads (withDB sets it,
	// under the file lock); settings is the last settings a read
	// transaction saw, for Settings (settings.go; guarded by mu).
	txFile   *os.File
	settings *settingsCache
}

// Path returns the database file.
func (s *Store) Path() string { return s.path }

// ---- settings

// ---- clients

// ClientRow is a client with its follow-up state, for lists.
type ClientRow struct {
	model.Client
	LastContact  model.Date
	FollowUp     model.FollowUp
	OpenPromises int
}

// ClientDetail is everything the client detail view shows.
type ClientDetail struct {
	Row      ClientRow
	Journal  []model.JournalEntry // newest first
	Promises []model.Promise      // open first by due, then the rest newest first
	Projects []model.Project
	Tasks    []model.Task   // undone, dated today or later or undated, by date
	Calendar model.Calendar // the working-day calendar ("due soon" counts working days)
}

// ---- journal

// ---- tasks

// CompleteResult tells what completing a task did.
type CompleteResult struct {
	Task  model.Task
	Next  *model.Task         // the next occurrence of a repeating task
	Entry *model.JournalEntry // the contact recorded for a call/visit/meeting with a client
	// Linked is true when Entry was already logged that day and completing
	// the task linked it rather than recording another (one contact, once).
	Linked bool
}

// ---- promises

// PromiseRow is a promise with its client's and project's names.
type PromiseRow struct {
	model.Promise
	Client  string
	Project string
}

// ---- projects

// ProjectRow is a project with its client's name and follow-up state.
type ProjectRow struct {
	model.Project
	Client      string
	LastContact model.Date
	FollowUp    model.FollowUp
	// PapersDue is the day its bid papers must be ready (a project in
	// lead, design or bidding with a bid date; NoDate otherwise); BidPrep
	// and BidResult say whether today shows "prepare bid documents" or
	// "ask for the bid result" (model's rules, with the working-day
	// calendar).
	PapersDue model.Date
	BidPrep   bool
	BidResult bool
}

// ---- views

// ---- maintenance and exchange

// Backup writes a consistent copy to path atomically (temp file + rename).
func (s *Store) Backup(path string) error { return s.backupImpl(path) }

// AutoBackup makes the daily automatic backup beside the database if none
// exists for today by the real clock, verifies it before it counts, and
// keeps the last 7; a copy that fails is kept aside and reported once
// (ErrBackupDamaged, naming the last good backup).
func (s *Store) AutoBackup() error { return s.autoBackupImpl() }

// Check verifies bbolt's own consistency and that every index entry matches
// its record; it returns the problems found (none = healthy).
func (s *Store) Check() ([]string, error) { return s.checkImpl() }

// ExportJSON writes the exchange document (DESIGN.md §3).
func (s *Store) ExportJSON(w io.Writer) error { return s.exportJSONImpl(w) }

// ImportJSON reads an exchange document; into a non-empty database only
// with merge. A bad document is rejected whole.
func (s *Store) ImportJSON(r io.Reader, merge bool) error {
	return s.ImportJSONOn(r, merge, model.NoDate)
}

// ImportJSONOn is ImportJSON that also refuses a record saying something
// happened after today (created, done, recorded, made, kept, cancelled, a
// stage entered, signed), as the operations do; today NoDate skips that.
func (s *Store) ImportJSONOn(r io.Reader, merge bool, today model.Date) error {
	err := s.importJSONImpl(r, merge, today) // the import empties the undo log (importStaged)
	// The decoded document and the index builds are garbage now: give the
	// memory back before what comes next (the daily backup maps and
	// verifies the whole file), so the two peaks do not add up.
	debug.FreeOSMemory()
	return err
}
