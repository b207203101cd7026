package tasks

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
)

// previewMsg is what a quick-add line means; save asks to add it when it
// has no problems.
type previewMsg struct {
	seq  uint64
	res  quickadd.Result
	save bool
}

// openQuickAdd asks for a line; one without a date word lands on shown.
func (t *Tasks) openQuickAdd(shown model.Date) {
	in := form.NewInput(t.lang, t.fst, t.lang.T("day.qa.title"), t.lang.T("day.qa.placeholder"), "")
	in.Required = true
	in.SetPreview([]string{t.lang.T("day.qa.help")})
	t.open(kindQuickAdd, in, model.AgendaTask{})
	t.shown = shown
}

// preview reads the line off the UI loop (the resolver reads the store).
// A line without a date word lands on the day shown, not on today: adding
// while looking at Thursday means Thursday.
func (t *Tasks) preview(input string, save bool) tea.Cmd {
	seq, today, shown, st := t.previews.Next(), t.env.Today(), t.shown, t.env.Store
	return func() tea.Msg {
		var r quickadd.Resolver
		if st != nil {
			r = resolver{st}
		}
		res := quickadd.Parse(input, today, r)
		if !res.Dated && res.Task.Repeat == "" && shown.Valid() {
			res.Task.Date = shown
		}
		return previewMsg{seq: seq, res: res, save: save}
	}
}

func (t *Tasks) applyPreview(msg previewMsg) tea.Cmd {
	in, ok := t.host.Dialog().(*form.Input)
	if !ok || !t.host.Is(kindQuickAdd) || !t.previews.Answer(msg.seq) {
		return nil
	}
	preview := []string{Describe(t.lang, t.kindWord[msg.res.Task.Kind], msg.res)}
	// A client not known yet is no error: saving offers to create it
	// (DESIGN.md §5 v2), and the line says so as it is typed.
	newName, others := unknownClient(msg.res)
	if newName != "" {
		preview = append(preview, t.lang.T("day.qa.new_client", model.InertLine(newName)))
	}
	in.SetPreview(preview)
	probs := problemTexts(t.lang, others)
	in.SetProblems(probs)
	if !msg.save {
		return nil
	}
	if len(probs) > 0 {
		t.host.Done() // the line stays, its problems beside it
		return nil
	}
	if newName != "" {
		t.host.Done()
		t.line, t.newTask, t.newName = in, msg.res.Task, newName
		q := t.lang.T("day.qa.create_client", model.InertLine(newName))
		t.host.Open(form.NewConfirm(t.lang, t.fst, q), kindNewClient)
		return nil
	}
	return addTask(t.lang, t.env.Store, msg.res.Task)
}

// unknownClient picks out of a quick-add reading the client it named that
// is not known yet (its name, "" when none), and the other problems.
func unknownClient(r quickadd.Result) (string, []error) {
	var others []error
	name := ""
	for _, p := range r.Problems {
		if pr := model.ProblemOf(p); pr != nil && pr.Code == "unknown_client" && r.Task.ClientID == 0 && r.ClientName != "" {
			name = r.ClientName
			continue
		}
		others = append(others, p)
	}
	return name, others
}

// problemTexts says each quick-add problem in the user's language.
func problemTexts(lang i18n.Lang, probs []error) []string {
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = lang.Err(p)
	}
	return out
}

// resolver lets quick-add look up @client and #project in the store.
type resolver struct{ st *storage.Store }

func (r resolver) ResolveClient(q string) (model.ID, string, error) {
	c, err := r.st.FindClient(q)
	if err != nil {
		return 0, "", asProblem(err, q)
	}
	return c.ID, c.Name, nil
}

func (r resolver) ResolveProject(q string) (model.ID, string, error) {
	p, err := r.st.FindProject(q)
	if err != nil {
		return 0, "", asProblem(err, q)
	}
	return p.ID, p.Name, nil
}

// asProblem hands quick-add the *model.Problem behind a lookup's error (an
// unknown or ambiguous name, a locked database), so the line shows one
// sentence in the user's language, never an error chain.
func asProblem(err error, q string) error {
	if p := model.ProblemOf(err); p != nil {
		return p
	}
	return fmt.Errorf("finding %q: %w", q, err)
}

// Describe says what a quick-add line was understood as: kind (kindWord),
// date, time or slot, client, project, important, repeat.
func Describe(lang i18n.Lang, kindWord string, r quickadd.Result) string {
	t := r.Task
	parts := []string{kindWord}
	if t.Date.Valid() {
		parts = append(parts, lang.ShortDate(t.Date))
	}
	if t.Time.Valid() {
		parts = append(parts, t.Time.String())
	} else if s := t.EffectiveSlot(); s != model.SlotAny {
		parts = append(parts, lang.T("slot."+string(s)))
	}
	if r.ClientName != "" {
		parts = append(parts, "@"+model.InertLine(r.ClientName))
	}
	if r.ProjectName != "" {
		parts = append(parts, "#"+model.InertLine(r.ProjectName))
	}
	if t.Important {
		parts = append(parts, lang.T("day.qa.important"))
	}
	if t.Repeat != "" {
		parts = append(parts, lang.T("day.qa.repeat", repeatText(lang, t.Repeat)))
	}
	title := model.InertLine(t.Title)
	if title == "" {
		title = "…"
	}
	return "→ " + title + " · " + strings.Join(parts, " · ")
}

// repeatText says a repeat rule in the user's language.
func repeatText(lang i18n.Lang, r model.Repeat) string {
	var n int
	switch {
	case r == "daily", r == "weekdays", r == "weekly", r == "monthly":
		return lang.T("day.repeat." + string(r))
	case scan(string(r), "every %d days", &n):
		return lang.N("day.repeat.days", n, n)
	case scan(string(r), "every %d weeks", &n):
		return lang.N("day.repeat.weeks", n, n)
	}
	return model.InertLine(string(r))
}

func scan(s, format string, n *int) bool {
	_, err := fmt.Sscanf(s, format, n)
	return err == nil
}
