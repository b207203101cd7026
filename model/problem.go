package model

import (
	"errors"
	"fmt"
)

// Problem is a user-facing error: bad input, an unknown name, a rule broken.
// Code names a message in the catalog (ui/i18n: "err."+Code) so the planner
// and the command line can say it in the user's language; Args fill the
// message's %v verbs in order (an Arg that is itself a *Problem is said in
// the user's language too); the English text is the fallback and what
// Error() returns. Field, when set, names the field at fault as the
// exchange format spells it ("name", "stage_history[2].on").
type Problem struct {
	Code    string
	Args    []any
	English string
	Field   string
}

// Errf makes a Problem. english is a fmt format using Args.
func Errf(code, english string, args ...any) *Problem {
	return &Problem{Code: code, Args: args, English: english}
}

func (p *Problem) Error() string { return fmt.Sprintf(p.English, p.Args...) }

// Problem returns p itself: *Problem is an Explained error.
func (p *Problem) Problem() *Problem { return p }

// In returns a copy of p that names field (a field already named is kept
// after it: In("stage_history[2]") on "on" gives "stage_history[2].on").
func (p *Problem) In(field string) *Problem {
	q := *p
	switch {
	case q.Field == "":
		q.Field = field
	case field != "":
		q.Field = field + "." + q.Field
	}
	return &q
}

// Explained is the one vocabulary of user-facing errors: any error that
// can say what went wrong as a Problem. *Problem is one; storage's errors
// (a locked or damaged database, a record of an import) are others. The
// message catalog finds it with errors.As, wherever it is in a chain of
// wrapped errors:
//
//	var e model.Explained
//	if errors.As(err, &e) { p := e.Problem() … }
type Explained interface {
	error
	Problem() *Problem
}

// ProblemOf returns the Problem behind err, or nil when err carries none.
func ProblemOf(err error) *Problem {
	var e Explained
	if err != nil && errors.As(err, &e) {
		return e.Problem()
	}
	return nil
}
