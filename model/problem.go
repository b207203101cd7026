package model

import "fmt"

// Problem is a user-facing error: bad input, an unknown name, a rule broken.
// Code names a message in the catalog (ui/i18n: "err."+Code) so the planner
// and the command line can say it in the user's language; Args fill the
// message's %v verbs in order; the English text is the fallback and what
// Error() returns.
type Problem struct {
	Code    string
	Args    []any
	English string
}

// Errf makes a Problem. english is a fmt format using Args.
func Errf(code, english string, args ...any) *Problem {
	return &Problem{Code: code, Args: args, English: english}
}

func (p *Problem) Error() string { return fmt.Sprintf(p.English, p.Args...) }
