package cli

import (
	"errors"
	"strconv"
	"strings"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
)

// parseDate reads YYYY-MM-DD or a quick-add date word ("tomorrow", "周五"),
// a date within the range salesplan keeps.
func (a *app) parseDate(s string) (model.Date, error) {
	d, err := a.readDate(s)
	if err != nil {
		return d, err
	}
	if p := model.CheckDate("", d); p != nil {
		return model.NoDate, p // 2201-01-01 typed out, as "+99999d" in readDate
	}
	return d, nil
}

// readDate is parseDate without the range check on a date typed out.
func (a *app) readDate(s string) (model.Date, error) {
	d, err := quickadd.ParseDate(s, a.today)
	if p := model.ProblemOf(err); p != nil && p.Code == quickadd.CodeOutOfRange {
		return model.NoDate, p // "+99999d": a date, but not one salesplan keeps
	}
	if err != nil || !d.Valid() {
		return model.NoDate, fail("cli.err.bad_date", s)
	}
	return d, nil
}

// parseMonth reads YYYY-MM, a month within the dates salesplan keeps.
func parseMonth(s string) (model.Month, error) {
	m, err := model.ParseMonth(s)
	if err != nil {
		return m, fail("cli.err.bad_month", s)
	}
	if p := model.CheckDate("", m.First()); p != nil {
		return m, model.Errf("date_out_of_range", "%s is outside the dates salesplan keeps (1900-01-01 to 2200-12-31)", s)
	}
	return m, nil
}

// happenedOn reads the date something was done (flag: --on, --signed-on):
// today when s is empty; a later date is refused, naming the flag, since it
// records what has happened.
func (a *app) happenedOn(flag, s string) (model.Date, error) {
	if s == "" {
		return a.today, nil
	}
	d, err := a.readDate(s)
	if err != nil {
		return d, err
	}
	if d > a.today { // said first: it names the flag
		return model.NoDate, fail("cli.err.future", flag, s, a.today)
	}
	if p := model.CheckDate("", d); p != nil {
		return model.NoDate, p // 1899-12-31
	}
	return d, nil
}

// parseMoney reads an amount typed on the command line ("500000", "50万").
// Text that is not an amount is worded with what was typed; an amount over
// the limit is the model's own problem (amount_too_large), which says what
// the limit is, never "not an amount".
func parseMoney(s string) (model.Money, error) {
	v, err := model.ParseMoney(s)
	if p := model.ProblemOf(err); p != nil && p.Code == "bad_amount" {
		return 0, fail("cli.err.bad_amount", s)
	}
	return v, err
}

// parseID reads a record id as shown by the lists ("7" or "#7"). What
// cannot be an id (not a whole number, 0, negative, past model.MaxID) is
// bad usage, like a flag's value of the wrong type: no record could ever
// have it. An id that names no record is the command's failure (exit 1).
func parseID(kind, s string) (model.ID, error) {
	n, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	if err != nil || model.CheckID("id", model.ID(n)) != nil {
		return 0, badUsage("cli.err.bad_id", kind, s)
	}
	return model.ID(n), nil
}

// notFound words a missing record by id.
func notFound(err error, kind string, id model.ID) error {
	if errors.Is(err, storage.ErrNotFound) {
		return fail("cli.err.no_"+kind+"_id", id)
	}
	return err
}

// findClient resolves a client argument: exact name, then unique
// case-insensitive prefix; none or several is a failure naming them.
func (a *app) findClient(st *storage.Store, q string) (model.Client, error) {
	c, err := st.FindClient(q)
	if errors.Is(err, storage.ErrNotFound) {
		return c, fail("cli.err.no_client", q)
	}
	return c, err
}

// findProject resolves a project argument like findClient.
func (a *app) findProject(st *storage.Store, q string) (model.Project, error) {
	p, err := st.FindProject(q)
	if errors.Is(err, storage.ErrNotFound) {
		return p, fail("cli.err.no_project", q)
	}
	return p, err
}

// resolver lets quick-add look up @client and #project in the store. It
// answers with a *model.Problem, which quick-add shows as typed.
type resolver struct {
	st *storage.Store
}

func (r resolver) ResolveClient(q string) (model.ID, string, error) {
	c, err := r.st.FindClient(q)
	if err != nil {
		return 0, "", asProblem(err, "client")
	}
	return c.ID, c.Name, nil
}

func (r resolver) ResolveProject(q string) (model.ID, string, error) {
	p, err := r.st.FindProject(q)
	if err != nil {
		return 0, "", asProblem(err, "project")
	}
	return p.ID, p.Name, nil
}

// asProblem returns the *model.Problem behind a lookup error, making one
// for an ambiguous name; other errors (a locked database) pass unchanged.
func asProblem(err error, kind string) error {
	var p *model.Problem
	var amb *storage.AmbiguousError
	switch {
	case errors.As(err, &p):
		return p
	case errors.As(err, &amb):
		return model.Errf("ambiguous_"+kind, kind+" %q is ambiguous: %s", amb.Query, strings.Join(amb.Candidates, ", "))
	}
	return err
}

// parseStage reads a stage by its name in English or the run's language,
// or a unique prefix of the English name.
func (a *app) parseStage(s string) (model.Stage, error) {
	q := strings.ToLower(strings.TrimSpace(s))
	var hits []model.Stage
	for _, st := range model.Stages {
		if q == string(st) || s == a.stageName(st) {
			return st, nil
		}
		if q != "" && strings.HasPrefix(string(st), q) {
			hits = append(hits, st)
		}
	}
	if len(hits) == 1 {
		return hits[0], nil
	}
	names := make([]string, len(model.Stages))
	for i, st := range model.Stages {
		names[i] = string(st)
	}
	return "", fail("cli.err.bad_stage", s, strings.Join(names, ", "))
}
