package cli

// What the correction commands share (task edit, journal edit, client
// edit): an edit reads the record, changes only the fields whose flags were
// given (cobra's Changed, so `--phone ""` clears and an absent flag never
// touches a field), and hands both versions to the store's revision-checked
// Edit*, which merges the changed fields onto the record as stored now.

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
)

// editArgs checks an edit command's line before the database is opened:
// one argument (the record), and at least one of the flags that change
// something — without one it would do nothing, which is bad usage.
func (a *app) editArgs(names ...string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if err := exactArgs(1)(c, args); err != nil {
			return err
		}
		return a.requireSome(c, names...)
	}
}

// requireSome refuses an edit command given none of the flags names.
func (a *app) requireSome(c *cobra.Command, names ...string) error {
	for _, n := range names {
		if c.Flags().Changed(n) {
			return nil
		}
	}
	flags := make([]string, len(names))
	for i, n := range names {
		flags[i] = "--" + n
	}
	return &usageError{key: "cli.usage.nothing_to_do", args: []any{cmdName(c), strings.Join(flags, a.t("cli.changed.sep"))}}
}

// changeList gathers what an edit changed, for its one-line confirmation:
// a field's name, with its new value when that is short.
type changeList struct {
	a     *app
	parts []string
}

// field adds a field by name only (a long text, whose value would not fit).
func (l *changeList) field(name string) {
	l.parts = append(l.parts, l.a.t("cli.edited."+name))
}

// value adds a field with its new value (made inert, one line).
func (l *changeList) value(name, v string) {
	l.parts = append(l.parts, l.a.t("cli.changed.value", l.a.t("cli.edited."+name), clean(v)))
}

func (l *changeList) empty() bool { return len(l.parts) == 0 }

func (l *changeList) String() string { return strings.Join(l.parts, l.a.t("cli.changed.sep")) }

// orNone is v, or the word for none.
func (a *app) orNone(v string) string {
	if v == "" {
		return a.t("cli.changed.none")
	}
	return v
}

// yesNo words a flag's value.
func (a *app) yesNo(b bool) string {
	if b {
		return a.t("cli.changed.yes")
	}
	return a.t("cli.changed.no")
}

// dayText is a date with its weekday ("2026-11-30 Mon").
func (a *app) dayText(d model.Date) string { return d.String() + " " + a.weekday(d) }

// editFailed words an edit the store refused: a field changed by another
// salesplan between this command's read and its write, or the record
// gone meanwhile; other errors (a model rule, a duplicate name) get the
// context key.
func (a *app) editFailed(err error, kind string, id model.ID, key string, args ...any) error {
	var ce *storage.ConflictError
	switch {
	case errors.As(err, &ce):
		what := strings.Join(ce.Fields, ", ")
		if what == "" {
			what = "?"
		}
		return fail("cli.err.changed_during", a.recordWord(kind), id, what)
	case errors.Is(err, storage.ErrNotFound) && kind != "client":
		return notFound(err, kind, id)
	}
	return failWith(err, key, args...)
}

// recordWord names a kind of record (task, entry, client) in the run's language.
func (a *app) recordWord(kind string) string {
	if kind == "entry" {
		return a.t("cli.word.entry")
	}
	return a.t("word." + kind)
}

// parseTaskKind reads a task kind in English or the run's language.
func (a *app) parseTaskKind(s string) (model.TaskKind, error) {
	q := strings.ToLower(strings.TrimSpace(s))
	for _, k := range []model.TaskKind{model.TaskCall, model.TaskVisit, model.TaskMeeting, model.TaskTodo} {
		if q == string(k) || s == a.t("kind."+string(k)) {
			return k, nil
		}
	}
	if q == "to-do" {
		return model.TaskTodo, nil
	}
	return "", fail("cli.err.task_kind", s)
}

// parseEntryKind reads a journal kind in English or the run's language.
func (a *app) parseEntryKind(s string) (model.EntryKind, error) {
	q := strings.ToLower(strings.TrimSpace(s))
	for _, k := range []model.EntryKind{model.EntryNote, model.EntryCall, model.EntryVisit, model.EntryMeeting} {
		if q == string(k) || s == a.t("kind."+string(k)) {
			return k, nil
		}
	}
	return "", fail("cli.err.entry_kind", s)
}

// repeatText says a repeat rule in the run's language (the planner's words).
func (a *app) repeatText(r model.Repeat) string {
	var n int
	switch {
	case r == "":
		return a.t("cli.changed.none")
	case r == model.RepeatDaily, r == model.RepeatWeekdays, r == model.RepeatWeekly, r == model.RepeatMonthly:
		return a.t("day.repeat." + string(r))
	case scanRepeat(string(r), "every %d days", &n):
		return a.n("day.repeat.days", n, n)
	case scanRepeat(string(r), "every %d weeks", &n):
		return a.n("day.repeat.weeks", n, n)
	}
	return string(r)
}

func scanRepeat(s, format string, n *int) bool {
	_, err := fmt.Sscanf(s, format, n)
	return err == nil
}

// isNone reports whether a flag's value clears the field.
func isNone(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "none":
		return true
	}
	return false
}
