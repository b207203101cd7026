package day

import (
	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/theme"
)

// The brief (b): until the Clients pane has the full pre-visit brief, a
// popup with what a rep reviews before a visit (DESIGN.md §1): the
// profile, the latest journal lines and the open promises. The popup makes
// every line inert.

func (m *Model) briefTitle(d storage.ClientDetail) string {
	c := d.Row.Client
	title := m.lang.T("day.brief.title", c.Name)
	if c.Tier == model.TierKey {
		title += " " + theme.KeyStar + " " + m.lang.T("tier.key")
	}
	return title
}

func (m *Model) briefLines(d storage.ClientDetail) []string {
	c := d.Row.Client
	today := m.env.Today()
	var out []string
	field := func(key, v string) {
		if v != "" {
			out = append(out, m.lang.T(key)+": "+v)
		}
	}
	field("day.brief.company", c.Company)
	field("day.brief.area", c.Area)
	field("day.brief.phone", c.Phone)
	field("day.brief.business", c.Business)
	field("day.brief.needs", c.Needs)
	field("day.brief.decision_maker", c.DecisionMaker)
	field("day.brief.interests", c.Interests)
	field("day.brief.referred_by", c.ReferredBy)
	last := m.lang.T("rel.never")
	if d.Row.LastContact.Valid() {
		last = m.lang.Relative(d.Row.LastContact, today)
	}
	out = append(out, m.lang.T("day.brief.contact", last, m.lang.ShortDate(d.Row.FollowUp.Due)))

	out = append(out, "", m.lang.T("day.brief.journal"))
	n := 0
	for _, e := range d.Journal {
		if n == 3 {
			break
		}
		n++
		out = append(out, "  "+m.lang.DayMonth(e.On())+" "+m.lang.T("kind."+string(e.Kind))+": "+e.Text)
	}
	if n == 0 {
		out = append(out, "  "+m.lang.T("word.none"))
	}

	out = append(out, "", m.lang.T("day.brief.promises"))
	n = 0
	for _, p := range d.Promises {
		if p.Status != model.PromiseOpen {
			continue
		}
		n++
		due := m.lang.T("day.brief.due", m.lang.ShortDate(p.Due))
		if p.Overdue(today) {
			due = m.lang.T("rel.days_overdue", today.Sub(p.Due))
		}
		out = append(out, "  "+due+": "+p.Text)
	}
	if n == 0 {
		out = append(out, "  "+m.lang.T("word.none"))
	}
	return out
}
