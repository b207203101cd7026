package storage

// This file is the contract between storage and its callers (ui, ui/cli).
// SKELETON: bodies return errNotYet until the storage work fills them in; the
// signatures are fixed so that the planner and the command line can be built
// against them at the same time.

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"salesplan/model"
)

var errNotYet = errors.New("not implemented yet")

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
// "ambiguous_project", args query and the candidates joined by ", ".
func (e *AmbiguousError) Problem() *model.Problem {
	return model.Errf("ambiguous_"+e.Kind, "%s %q is ambiguous: %s", e.Kind, e.Query, strings.Join(e.Candidates, ", "))
}

// Unwrap lets errors.As find the *model.Problem.
func (e *AmbiguousError) Unwrap() error { return e.Problem() }

// ValidationError names the record and field at fault.
type ValidationError struct {
	Record string // e.g. "task", "clients[3]"
	Field  string
	Msg    string
}

// Problem returns the translatable form (code "invalid_field").
func (e *ValidationError) Problem() *model.Problem {
	return model.Errf("invalid_field", "%s: %s: %s", e.Record, e.Field, e.Msg)
}

func (e *ValidationError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s: %s", e.Record, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", e.Record, e.Field, e.Msg)
}

// Options configure Open.
type Options struct {
	LockTimeout time.Duration // how long one transaction waits for the file lock; 0 = 2s
	ReadOnly    bool
}

// Store is the salesplan database. It holds the bbolt file open only while a
// transaction runs, so the planner and the command line work side by side.
// Every method that changes data is one user action and one transaction.
type Store struct {
	path   string
	opts   Options
	notice *model.Problem
	mu     sync.Mutex // guards undo
	undo   []undoStep
}

// Path returns the database file.
func (s *Store) Path() string { return s.path }

// ---- settings

// Settings returns the settings (defaults for fields never set).
func (s *Store) Settings() (model.Settings, error) { return model.Settings{}, errNotYet }

// UpdateSettings changes the settings in one transaction.
func (s *Store) UpdateSettings(fn func(*model.Settings) error) error { return errNotYet }

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
	Tasks    []model.Task // undone, dated today or later or undated, by date
}

// AddClient validates and stores a new client (name unique). CreatedOn
// defaults to today; Tier defaults to regular.
func (s *Store) AddClient(c model.Client, today model.Date) (model.Client, error) {
	return c, errNotYet
}

// UpdateClient replaces a client's fields (name stays unique).
func (s *Store) UpdateClient(c model.Client) error { return errNotYet }

// Client returns one client.
func (s *Store) Client(id model.ID) (model.Client, error) { return model.Client{}, errNotYet }

// FindClient matches an exact name first, then a unique case-insensitive
// prefix; none → ErrNotFound (wrapped, naming the query), several → *AmbiguousError.
func (s *Store) FindClient(query string) (model.Client, error) { return model.Client{}, errNotYet }

// Clients lists non-archived clients (archived too when all) with follow-up state for today.
func (s *Store) Clients(today model.Date, all bool) ([]ClientRow, error) { return nil, errNotYet }

// ClientDetail returns the client detail view; journalLimit 0 = all.
func (s *Store) ClientDetail(id model.ID, today model.Date, journalLimit int) (ClientDetail, error) {
	return ClientDetail{}, errNotYet
}

// ---- journal

// AddEntry records a journal entry (note or contact). At zero = now.
func (s *Store) AddEntry(e model.JournalEntry) (model.JournalEntry, error) { return e, errNotYet }

// ProjectJournal lists entries linked to a project, newest first.
func (s *Store) ProjectJournal(projectID model.ID, limit int) ([]model.JournalEntry, error) {
	return nil, errNotYet
}

// ---- tasks

// AddTask validates and stores a task (title required; slot derived from time).
func (s *Store) AddTask(t model.Task) (model.Task, error) { return t, errNotYet }

// UpdateTask replaces a task's fields.
func (s *Store) UpdateTask(t model.Task) error { return errNotYet }

// Task returns one task.
func (s *Store) Task(id model.ID) (model.Task, error) { return model.Task{}, errNotYet }

// DeleteTask removes a task (undoable with Undo).
func (s *Store) DeleteTask(id model.ID) error { return errNotYet }

// CompleteResult tells what completing a task did.
type CompleteResult struct {
	Task  model.Task
	Next  *model.Task         // the next occurrence of a repeating task
	Entry *model.JournalEntry // the contact recorded for a call/visit/meeting with a client
}

// CompleteTask marks a task done on the given date, creates the next
// occurrence of a repeating task and records the contact (with the outcome
// note as its text) for a call, visit or meeting with a client.
func (s *Store) CompleteTask(id model.ID, on model.Date, at time.Time, outcome string) (CompleteResult, error) {
	return CompleteResult{}, errNotYet
}

// TasksOn lists the tasks dated d.
func (s *Store) TasksOn(d model.Date) ([]model.AgendaTask, error) { return nil, errNotYet }

// ---- promises

// PromiseRow is a promise with its client's and project's names.
type PromiseRow struct {
	model.Promise
	Client  string
	Project string
}

// AddPromise stores a promise (client, text and due required; MadeOn defaults to today).
func (s *Store) AddPromise(p model.Promise, today model.Date) (model.Promise, error) {
	return p, errNotYet
}

// UpdatePromise replaces a promise's fields.
func (s *Store) UpdatePromise(p model.Promise) error { return errNotYet }

// KeepPromise marks a promise kept on the given date.
func (s *Store) KeepPromise(id model.ID, on model.Date) (model.Promise, error) {
	return model.Promise{}, errNotYet
}

// CancelPromise marks a promise cancelled.
func (s *Store) CancelPromise(id model.ID) (model.Promise, error) { return model.Promise{}, errNotYet }

// Promises lists open promises by due date, or all (open first, then the
// rest newest first) when all is set.
func (s *Store) Promises(all bool) ([]PromiseRow, error) { return nil, errNotYet }

// Reliability returns the share of promises kept on time (DESIGN.md §2), and
// how many promises it is computed over.
func (s *Store) Reliability(today model.Date) (float64, int, error) { return 0, 0, errNotYet }

// ---- projects

// ProjectRow is a project with its client's name and follow-up state.
type ProjectRow struct {
	model.Project
	Client      string
	LastContact model.Date
	FollowUp    model.FollowUp
}

// AddProject stores a project (client required; stage defaults to lead,
// entered on today).
func (s *Store) AddProject(p model.Project, today model.Date) (model.Project, error) {
	return p, errNotYet
}

// UpdateProject replaces a project's fields other than its stage.
func (s *Store) UpdateProject(p model.Project) error { return errNotYet }

// Project returns one project.
func (s *Store) Project(id model.ID) (model.Project, error) { return model.Project{}, errNotYet }

// FindProject matches like FindClient.
func (s *Store) FindProject(query string) (model.Project, error) { return model.Project{}, errNotYet }

// SetStage moves a project to a stage on a date, adds the given checklist
// tasks and, for lost, records the reason as a journal note; one transaction.
func (s *Store) SetStage(id model.ID, stage model.Stage, on model.Date, checklist []model.Task, lostReason string) (model.Project, error) {
	return model.Project{}, errNotYet
}

// Projects lists projects (live only unless all) with follow-up state.
func (s *Store) Projects(today model.Date, all bool) ([]ProjectRow, error) { return nil, errNotYet }

// ---- views

// Today returns the agenda for a day.
func (s *Store) Today(today model.Date) (model.Agenda, error) { return model.Agenda{}, errNotYet }

// Week returns the week starting on the Monday on or before day.
func (s *Store) Week(day, today model.Date) (model.WeekSummary, error) {
	return model.WeekSummary{}, errNotYet
}

// Month returns a month.
func (s *Store) Month(m model.Month, today model.Date) (model.MonthSummary, error) {
	return model.MonthSummary{}, errNotYet
}

// ---- maintenance and exchange

// Backup writes a consistent copy to path atomically (temp file + rename).
func (s *Store) Backup(path string) error { return errNotYet }

// AutoBackup makes the daily automatic backup beside the database if none
// exists for today, keeping the last 7.
func (s *Store) AutoBackup(today model.Date) error { return errNotYet }

// Check verifies bbolt's own consistency and that every index entry matches
// its record; it returns the problems found (none = healthy).
func (s *Store) Check() ([]string, error) { return nil, errNotYet }

// ExportJSON writes the exchange document (DESIGN.md §3).
func (s *Store) ExportJSON(w io.Writer) error { return errNotYet }

// ImportJSON reads an exchange document; into a non-empty database only
// with merge. A bad document is rejected whole.
func (s *Store) ImportJSON(r io.Reader, merge bool) error { return errNotYet }
