package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
)

// usageError is bad usage (exit 2): an unknown flag or command, a missing
// argument. A catalog key with args, or a parser error the catalog has no
// words for (English: it comes from cobra/pflag and names the flag as
// typed); err keeps the parser's error when a key words it.
type usageError struct {
	key  string
	args []any
	err  error
}

func (e *usageError) Error() string {
	if e.err != nil {
		return e.err.Error()
	}
	return e.key
}

func (e *usageError) Unwrap() error { return e.err }

// badUsage is a flag's value the command cannot take (an unknown format,
// a scale out of range): bad usage, exit 2, said by the catalog's key.
func badUsage(key string, args ...any) error { return &usageError{key: key, args: args} }

// failure is a command that could not be done (exit 1), worded by a catalog
// key; err, when set, is the cause, appended after a colon.
type failure struct {
	key    string
	args   []any
	err    error
	n      int  // the count that picks the message's form, when plural
	plural bool // failN: key has a singular (key_one) for n == 1
}

func (e *failure) Error() string {
	if e.err != nil {
		return fmt.Sprintf("%s: %v", e.key, e.err)
	}
	return e.key
}

func (e *failure) Unwrap() error { return e.err }

func fail(key string, args ...any) error { return &failure{key: key, args: args} }

// failN is fail for a message that counts n of something (i18n.Lang.N).
func failN(key string, n int, args ...any) error {
	return &failure{key: key, n: n, plural: true, args: args}
}

// failWith words err's context with a catalog key.
func failWith(err error, key string, args ...any) error {
	return &failure{key: key, args: args, err: err}
}

// openError is a database that could not be opened.
type openError struct {
	path string
	err  error
}

func (e *openError) Error() string { return fmt.Sprintf("open %s: %v", e.path, e.err) }
func (e *openError) Unwrap() error { return e.err }

// explain words an error for the user in the run's language.
func (a *app) explain(err error) string {
	var (
		f   *failure
		oe  *openError
		amb *storage.AmbiguousError
		p   *model.Problem
		ve  *storage.ValidationError
		pe  *fs.PathError
	)
	switch {
	case errors.As(err, &f) && f.key != "":
		args := clipArgs(f.args)
		msg := a.t(f.key, args...)
		if f.plural {
			msg = a.n(f.key, f.n, args...)
		}
		if f.err != nil {
			msg += a.t("cli.sep") + a.explain(f.err)
		}
		return msg
	case errors.As(err, &oe):
		if errors.Is(oe.err, storage.ErrNotBolt) && !(errors.As(oe.err, &p) && i18n.Has("err."+p.Code)) {
			return a.t("cli.err.not_bolt", clip(oe.path))
		}
		if errors.As(oe.err, &p) || errors.Is(oe.err, storage.ErrLocked) || errors.Is(oe.err, storage.ErrNewerSchema) {
			return a.explain(oe.err)
		}
		return a.t("cli.err.open", clip(oe.path), a.explain(oe.err))
	case errors.As(err, &p) && i18n.Has("err."+p.Code):
		return a.lang.Err(clipProblem(p))
	case errors.As(err, &p) && a.lang != i18n.EN && a.sentinel(err) != "":
		// A storage problem the catalog does not know yet: its sentinel
		// says the gist in the user's language.
		return a.sentinel(err)
	case errors.As(err, &p):
		return a.lang.Err(clipProblem(p))
	case errors.Is(err, storage.ErrLocked):
		return a.t("err.locked")
	case errors.Is(err, storage.ErrNewerSchema):
		return a.t("err.newer_schema")
	case errors.Is(err, storage.ErrNotEmpty):
		return a.t("err.not_empty")
	case errors.As(err, &amb):
		return a.t("cli.err.ambiguous", a.kindWord(amb.Kind), clip(amb.Query), clip(strings.Join(amb.Candidates, ", ")))
	case errors.As(err, &ve):
		return a.lang.Err(clipProblem(ve.Problem()))
	case errors.As(err, &pe):
		// A file that could not be read or written: the line in front
		// named it; the reason in the run's language.
		return a.lang.Err(storage.OSReason(pe))
	}
	if p := model.ProblemOf(err); p != nil {
		return a.lang.Err(clipProblem(p))
	}
	return clipWide(a.lang.Err(err))
}

// What an error line repeats of the person's input is cut: a 100 KB name
// or value said back whole floods the terminal and buries the reason.
// Above echoMax cells (a title at its limit, 500 characters, is said
// whole) a value keeps its first echoKeep cells and "…"; the program's
// own lists (stages, settings: under 300 cells) stay whole.
const (
	echoMax  = 500
	echoKeep = 120
)

// clip cuts one echoed value.
func clip(s string) string {
	if len(s) <= echoMax { // bytes ≥ cells
		return s
	}
	in := model.InertLine(s)
	if ansi.StringWidth(in) <= echoMax {
		return s
	}
	return ansi.Truncate(in, echoKeep, "…")
}

// clipWide cuts a whole message that no catalog key shaped (a parser's
// or the system's words around a value): wider bounds, the same cut.
func clipWide(s string) string {
	if ansi.StringWidth(s) <= 2*echoMax {
		return s
	}
	return ansi.Truncate(s, 2*echoKeep, "…")
}

// clipArgs clips the string arguments of a message.
func clipArgs(args []any) []any {
	out := make([]any, len(args))
	for i, v := range args {
		switch v := v.(type) {
		case string:
			out[i] = clip(v)
		case *model.Problem:
			out[i] = clipProblem(v)
		default:
			out[i] = v
		}
	}
	return out
}

// clipProblem is a copy of p with its arguments clipped (nested problems
// too), worded the same.
func clipProblem(p *model.Problem) *model.Problem {
	if p == nil {
		return nil
	}
	q := *p
	q.Args = clipArgs(p.Args)
	return &q
}

// sentinel words the storage sentinel behind err, or "".
func (a *app) sentinel(err error) string {
	switch {
	case errors.Is(err, storage.ErrLocked):
		return a.t("err.locked")
	case errors.Is(err, storage.ErrNewerSchema):
		return a.t("err.newer_schema")
	case errors.Is(err, storage.ErrNotEmpty):
		return a.t("err.not_empty")
	case errors.Is(err, storage.ErrDamaged), errors.Is(err, storage.ErrCorrupt):
		return a.t("cli.err.damaged")
	case errors.Is(err, storage.ErrNotFound):
		return a.t("err.not_found")
	}
	return ""
}

// kindWord names a record kind ("client", "project") in the run's language.
func (a *app) kindWord(kind string) string {
	switch kind {
	case "client", "project", "task", "promise":
		return a.t("word." + kind)
	}
	return kind
}

// printUsageError writes the error and a one-line hint on stderr.
func (a *app) printUsageError(cmd *cobra.Command, err error) {
	var msg string
	var ue *usageError
	if errors.As(err, &ue) && ue.key != "" {
		args := clipArgs(ue.args)
		for i, v := range args {
			if u, ok := v.(useLineOf); ok {
				args[i] = a.useLine(u.cmd)
			}
		}
		msg = a.t(ue.key, args...)
	} else {
		msg = a.t("cli.usage.bad", clipWide(err.Error()))
	}
	path := "salesplan"
	if cmd != nil {
		path = cmd.CommandPath()
	}
	fmt.Fprintln(a.stderr, oneLine(a.t("cli.error_prefix")+msg))
	fmt.Fprintln(a.stderr, oneLine(a.t("cli.usage.hint", path)))
}

// oneLine makes a message inert and puts it on one line.
func oneLine(s string) string { return strings.TrimSpace(model.InertLine(s)) }

// flagError words pflag's errors (an unknown flag, a flag without its
// value, a value of the wrong type) through the catalog: pflag's own text
// is English. Anything else keeps the parser's words.
func flagError(err error) error {
	var (
		ne *pflag.NotExistError
		vr *pflag.ValueRequiredError
		iv *pflag.InvalidValueError
		is *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &ne):
		flag := "--" + ne.GetSpecifiedName()
		if ne.GetSpecifiedShortnames() != "" {
			flag = "-" + ne.GetSpecifiedName()
		}
		return &usageError{key: "cli.usage.unknown_flag", args: []any{flag}, err: err}
	case errors.As(err, &vr):
		flag := "--" + vr.GetSpecifiedName()
		if vr.GetSpecifiedShortnames() != "" {
			flag = "-" + vr.GetSpecifiedName()
		}
		return &usageError{key: "cli.usage.flag_needs_value", args: []any{flag}, err: err}
	case errors.As(err, &iv) && iv.GetFlag() != nil:
		return &usageError{key: "cli.usage.flag_bad_value", args: []any{iv.GetValue(), "--" + iv.GetFlag().Name}, err: err}
	case errors.As(err, &is):
		return &usageError{key: "cli.usage.flag_syntax", args: []any{is.GetSpecifiedFlag()}, err: err}
	}
	return &usageError{err: err}
}

// exclusive refuses two of the named flags given together, in the run's
// language (cobra's MarkFlagsMutuallyExclusive says it in English).
func exclusive(c *cobra.Command, names ...string) error {
	var set []string
	for _, n := range names {
		if c.Flags().Changed(n) {
			set = append(set, "--"+n)
		}
	}
	if len(set) > 1 {
		return &usageError{key: "cli.usage.exclusive", args: []any{set[0], set[1]}}
	}
	return nil
}

// noArgs is cobra.NoArgs as a usage error.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &usageError{key: "cli.usage.unknown_arg", args: []any{args[0], cmdName(c)}}
	}
	return nil
}

// exactArgs requires n arguments, naming what is missing.
func exactArgs(n int) cobra.PositionalArgs { return rangeArgs(n, n) }

// minArgs requires at least n arguments.
func minArgs(n int) cobra.PositionalArgs { return rangeArgs(n, math.MaxInt) }

// fileArg requires one argument, a file name: an empty one ("") is bad
// usage, refused before the database is opened or anything is written (it
// would otherwise name the working directory).
func fileArg(c *cobra.Command, args []string) error {
	if err := exactArgs(1)(c, args); err != nil {
		return err
	}
	return notEmptyPath(cmdName(c), args[0])
}

// cmdName is the command as a message that starts with it names it
// ("client edit"): every error line already begins "salesplan: ", so the
// full path would say salesplan twice.
func cmdName(c *cobra.Command) string {
	if !c.HasParent() {
		return c.Name()
	}
	return strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
}

// notEmptyPath refuses an empty file name given to what (a command or a
// flag).
func notEmptyPath(what, path string) error {
	if path == "" {
		return &usageError{key: "cli.usage.empty_path", args: []any{what}}
	}
	return nil
}

// useLineOf stands for a command's usage line in a usage error's
// arguments: printUsageError words it in the run's language (useLine).
type useLineOf struct{ cmd *cobra.Command }

// rangeArgs requires between lo and hi arguments.
func rangeArgs(lo, hi int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < lo {
			return &usageError{key: "cli.usage.missing_arg", args: []any{useLineOf{c}}}
		}
		if len(args) > hi {
			return &usageError{key: "cli.usage.unknown_arg", args: []any{args[hi], cmdName(c)}}
		}
		return nil
	}
}
