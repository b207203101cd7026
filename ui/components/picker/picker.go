// Package picker is the client picker: the note flow (n with no client in
// context) and the Promises pane's new promise ask for a client with it.
package picker

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/sahilm/fuzzy"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/form"
	"salesplan/ui/keys"
	"salesplan/ui/theme"
)

// Picker asks for a client by name: a one-line input with the best
// matches under it; up/down (or ctrl+p/ctrl+n) choose, enter picks. Names
// match fuzzily (sahilm/fuzzy: the typed characters in order, so "acm"
// finds "ACME Ltd" and "王" finds 王总), and a substring of company or area
// matches too, so "朝阳" lists the clients of that area.
//
// A Picker is a form.Dialog: it answers Submitted when a client is picked
// (read it with Picked) and Cancelled on esc.
type Picker struct {
	env     common.Env
	in      *form.Input
	names   []storage.ClientName
	loaded  bool
	matches []int // indexes into names, best first
	cursor  int
	picked  storage.ClientName
}

// namesMsg carries the client names a picker searches; owner is the picker
// that asked, so a picker opened again ignores the first one's answer.
type namesMsg struct {
	owner *Picker
	names []storage.ClientName
	err   error
}

// pickerMax is how many matches a picker lists.
const pickerMax = 6

// New makes a picker with a title; its command loads the names.
func New(env common.Env, fst form.Styles, title string) (*Picker, tea.Cmd) {
	p := &Picker{env: env, in: form.NewInput(env.Lang, fst, title, env.T("clients.picker.placeholder"), "")}
	p.in.Required = true
	p.in.Scratch = true
	p.in.SubmitHint("form.key.enter_choose")
	p.in.SetPreview([]string{env.T("clients.loading")})
	st := env.Store
	return p, func() tea.Msg {
		if st == nil {
			return namesMsg{owner: p}
		}
		names, err := st.ClientNames()
		return namesMsg{owner: p, names: names, err: err}
	}
}

// HelpPlace says a picker chooses (the help line offers no save).
func (p *Picker) HelpPlace() keys.Place { return keys.PlacePicker }

// Picked is the client picked (after Update answered Submitted).
func (p *Picker) Picked() storage.ClientName { return p.picked }

// SetWidth sets the dialog's width.
func (p *Picker) SetWidth(w int) { p.in.SetWidth(w) }

// View draws the input and the matches.
func (p *Picker) View() string { return p.in.View() }

// Update handles a message: Submitted when a client is picked, Cancelled
// on esc.
func (p *Picker) Update(msg tea.Msg) (res form.Result, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case namesMsg:
		if msg.owner != p {
			return form.Open, nil
		}
		if msg.err != nil {
			p.in.SetProblems([]string{p.env.Lang.Err(msg.err)})
		}
		p.names, p.loaded = msg.names, true
		p.refresh()
		return form.Open, nil
	case tea.KeyPressMsg:
		dk := keys.Dialog
		switch {
		case key.Matches(msg, dk.PickUp):
			p.cursor = max(p.cursor-1, 0)
			p.refresh()
			return form.Open, nil
		case key.Matches(msg, dk.PickDown):
			p.cursor = min(p.cursor+1, max(len(p.matches)-1, 0))
			p.refresh()
			return form.Open, nil
		case key.Matches(msg, dk.Submit):
			if len(p.matches) == 0 {
				if p.loaded {
					p.in.SetProblems([]string{p.none()})
				}
				return form.Open, nil
			}
			p.picked = p.names[p.matches[p.cursor]]
			return form.Submitted, nil
		}
	}
	before := p.in.Value()
	res, cmd = p.in.Update(msg)
	if res == form.Cancelled {
		return form.Cancelled, cmd
	}
	if p.in.Value() != before {
		p.cursor = 0
		p.refresh()
	}
	return form.Open, cmd
}

// refresh recomputes the matches and the lines under the input.
func (p *Picker) refresh() {
	if !p.loaded {
		return
	}
	p.matches = matchNames(p.names, p.in.Value())
	p.cursor = min(p.cursor, max(len(p.matches)-1, 0))
	var lines []string
	for i, n := range p.matches {
		if i == pickerMax {
			lines = append(lines, "  "+p.env.T("clients.picker.more", len(p.matches)-pickerMax))
			break
		}
		mark := "  "
		if i == p.cursor {
			mark = "▸ "
		}
		c := p.names[n]
		star := "  "
		if c.Key {
			star = theme.KeyStar + " "
		}
		line := mark + star + model.InertLine(c.Name)
		if c.Company != "" || c.Area != "" {
			line += " · " + model.InertLine(strings.TrimPrefix(c.Company+" · "+c.Area, " · "))
		}
		lines = append(lines, strings.TrimSuffix(line, " · "))
	}
	if len(p.matches) == 0 {
		lines = append(lines, p.none())
	}
	p.in.SetRows(lines)
	p.in.SetProblems(nil)
}

// none says why nothing can be picked: no client matches what was typed,
// or there is no client at all yet (and where to add one).
func (p *Picker) none() string {
	if len(p.names) == 0 {
		return p.env.T("clients.picker.empty")
	}
	return p.env.T("clients.picker.none")
}

// matchNames returns the names matching q, best first: all of them by name
// when q is empty, else fuzzy name matches by score, then names whose
// company or area contains q.
func matchNames(names []storage.ClientName, q string) []int {
	q = strings.TrimSpace(q)
	out := make([]int, 0, min(len(names), 64))
	if q == "" {
		for i := range names {
			out = append(out, i)
		}
		return out
	}
	src := make([]string, len(names))
	for i, n := range names {
		src[i] = n.Name
	}
	seen := map[int]bool{}
	ms := fuzzy.Find(q, src)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Score > ms[j].Score })
	for _, m := range ms {
		out = append(out, m.Index)
		seen[m.Index] = true
	}
	lq := strings.ToLower(q)
	for i, n := range names {
		if !seen[i] && (strings.Contains(strings.ToLower(n.Company), lq) || strings.Contains(strings.ToLower(n.Area), lq)) {
			out = append(out, i)
		}
	}
	return out
}
