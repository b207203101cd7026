// Package brief is the pre-visit brief (b) shown from the Day and Week
// panes' tasks, the Day's attention list and the Clients pane: what a rep
// reviews before a visit (DESIGN.md §1) — the business and needs, the
// decision maker and their interests as talking points, the last notes,
// the open promises (overdue first) and the live projects with their
// stage and next step. A scrolling popup, so it reads at 80×24; the popup
// makes every line inert.
package brief

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/client"
	"salesplan/ui/form"
	"salesplan/ui/keys"
	"salesplan/ui/theme"
)

// LoadedMsg is the answer to Load: the client for the brief. It goes back
// to the pane that asked (the shell addresses a pane's answers).
type LoadedMsg struct {
	Detail storage.ClientDetail
	Err    error
}

// Load reads a client for the brief (its last three notes suffice).
func Load(env common.Env, id model.ID) tea.Cmd {
	st, today := env.Store, env.Today()
	return func() tea.Msg {
		if st == nil {
			return LoadedMsg{Err: common.ErrNoStore}
		}
		d, err := st.ClientDetail(id, today, 3)
		if err != nil {
			err = fmt.Errorf("reading the client for the brief: %w", err)
		}
		return LoadedMsg{Detail: d, Err: err}
	}
}

// Popup builds the brief of a loaded client as a popup (a dialog host
// sizes it to the screen). e there edits the client: it closes the brief
// and asks the shell for the client's edit form (common.OpenClientMsg with
// Edit) in the Clients pane, which goes back where the brief was shown
// once the form is saved or cancelled. The Clients pane, whose own brief
// this may be, handles e itself before the popup sees it (and shows its
// brief again).
func Popup(env common.Env, d storage.ClientDetail) *form.Popup {
	fst := form.DefaultStyles(true)
	if env.Styles != nil {
		fst = form.ThemeStyles(*env.Styles)
	}
	km := env.Keys
	if len(km.EditClient.Keys()) == 0 {
		km = keys.New(env.Lang)
	}
	title, lines := Text(env, d)
	p := form.NewPopup(env.Lang, fst, title, lines, 20)
	id := d.Row.ID
	p.OnKey(km.EditClient, "form.key.e_edit_client", func() tea.Cmd {
		return func() tea.Msg { return common.OpenClientMsg{ID: id, Edit: true} }
	})
	return p
}

// Text returns the brief's title and lines (plain text, not yet inert).
func Text(env common.Env, d storage.ClientDetail) (string, []string) {
	l := env.Lang
	c := d.Row.Client
	today := env.Today()
	title := l.T("clients.brief.title", c.Name)
	if c.Tier == model.TierKey {
		title += " " + theme.KeyStar + " " + l.T("tier.key")
	}
	var out []string
	// item adds "  head: text", a text of several lines with its later
	// lines under its first one's text.
	item := func(head, text string) {
		parts := strings.Split(text, "\n")
		out = append(out, "  "+l.T("clients.brief.field", head, parts[0]))
		pad := strings.Repeat(" ", 2+ansi.StringWidth(l.T("clients.brief.field", head, "")))
		for _, p := range parts[1:] {
			out = append(out, pad+p)
		}
	}
	field := func(key, v string) {
		if strings.TrimSpace(v) == "" {
			return
		}
		// A field of several lines (needs pasted as a list): its later
		// lines start under its first one's text, not under the label.
		parts := strings.Split(v, "\n")
		first := l.T("clients.brief.field", l.T(key), parts[0])
		out = append(out, first)
		pad := strings.Repeat(" ", ansi.StringWidth(l.T("clients.brief.field", l.T(key), "")))
		for _, p := range parts[1:] {
			out = append(out, pad+p)
		}
	}
	var who []string
	for _, v := range []string{c.Company, c.Area, c.Phone} {
		if v != "" {
			who = append(who, v)
		}
	}
	if len(who) > 0 {
		out = append(out, strings.Join(who, " · "))
	}
	field("clients.f.business", c.Business)
	field("clients.f.needs", c.Needs)
	field("clients.f.referred_by", c.ReferredBy)
	last := l.T("rel.never")
	if d.Row.LastContact.Valid() {
		last = l.DaysAgo(today.Sub(d.Row.LastContact))
	}
	out = append(out, l.T("clients.detail.last", last))

	out = append(out, "", l.T("clients.brief.talking"))
	n := len(out)
	if c.DecisionMaker != "" {
		item(l.T("clients.f.decision_maker"), c.DecisionMaker)
	}
	if c.Interests != "" {
		item(l.T("clients.f.interests"), c.Interests)
	}
	if len(out) == n {
		out = append(out, "  "+l.T("clients.brief.no_talking"))
	}

	out = append(out, "", l.T("clients.brief.notes"))
	n = 0
	for _, e := range d.Journal {
		if n == 3 {
			break
		}
		n++
		item(l.DayMonth(e.On())+" "+l.T("kind."+string(e.Kind)), e.Text)
	}
	if n == 0 {
		out = append(out, "  "+l.T("word.none"))
	}

	// d.Promises lists the open ones by due date: the overdue come first.
	out = append(out, "", l.T("clients.brief.promises"))
	n = 0
	for _, p := range d.Promises {
		if p.Status != model.PromiseOpen {
			continue
		}
		n++
		due := l.T("clients.brief.due", l.ShortDate(p.Due))
		if p.Overdue(today) {
			due = "! " + client.OverdueText(l, today.Sub(p.Due))
		}
		item(due, p.Text)
	}
	if n == 0 {
		out = append(out, "  "+l.T("word.none"))
	}

	out = append(out, "", l.T("clients.brief.projects"))
	n = 0
	for _, p := range d.Projects {
		if !p.Stage.Live() {
			continue
		}
		n++
		line := "  " + p.Name + " · " + l.T("stage."+string(p.Stage))
		if p.Value > 0 {
			line += " · " + env.Money(p.Value)
		}
		out = append(out, line, "    "+l.T("clients.brief.next", nextStep(env, p, d.Tasks, today)))
	}
	if n == 0 {
		out = append(out, "  "+l.T("word.none"))
	}
	return title, out
}

// nextStep says what comes next on a project: its first upcoming task,
// else the bid (when one is set and ahead), else the next stage.
func nextStep(env common.Env, p model.Project, tasks []model.Task, today model.Date) string {
	l := env.Lang
	for _, t := range tasks {
		if t.ProjectID == p.ID && !t.Done {
			when := l.T("clients.detail.inbox")
			if t.Date.Valid() {
				when = l.ShortDate(t.Date)
			}
			return when + " " + t.Title
		}
	}
	if p.BidDate.Valid() && p.BidDate >= today && (p.Stage == model.StageDesign || p.Stage == model.StageBidding) {
		return l.T("clients.detail.bid", l.ShortDate(p.BidDate))
	}
	if next, ok := p.Stage.Next(); ok {
		return l.T("clients.brief.to_stage", l.T("stage."+string(next)))
	}
	return l.T("word.none")
}
