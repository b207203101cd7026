package day

import (
	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
)

// The Day list is a flat slice of rows built once per load (and when the
// clock's minute changes), so that drawing and moving the cursor only touch
// the rows on screen, however many tasks were carried over.

type rowKind uint8

const (
	rowHeader rowKind = iota // a section heading: "Morning"
	rowArea                  // an area heading over grouped afternoon visits
	rowTask                  // one task
	rowNow                   // the current-time marker
	rowEmpty                 // "nothing planned"
	rowMore                  // "N more carried over" (enter shows them, R moves them all) or "N more in the inbox"
)

// carriedMax is how many carried-over tasks the Day lists before "N
// more": the most important first (model.SortTasks), so a backlog of weeks
// never pushes today's plan off the screen.
const carriedMax = model.CarriedShown

// inboxMax is how many inbox tasks the Day lists before "N more": a few,
// important first, then the oldest (model.SortInbox).
const inboxMax = model.InboxShown

type row struct {
	kind rowKind
	text string  // heading text, translated and inert
	task int     // index into the task slice, for rowTask
	sec  section // for rowMore: the section it hides tasks of
}

// expand says which collapsed sections a day list shows whole.
type expand struct {
	carried bool // every carried-over task (enter on their "N more")
	inbox   bool // every inbox task (enter on its "N more")
}

// section is where a task is listed.
type section int

const (
	secCarried section = iota
	secInbox           // open tasks with no date, on today's list
	secMorning
	secAfternoon
	secEvening
	secAny
	nSections
)

var sectionKeys = [nSections]string{"day.sec.carried", "day.sec.inbox", "day.sec.morning", "day.sec.afternoon", "day.sec.evening", "day.sec.any"}

func sectionOf(t model.AgendaTask) section {
	if t.CarriedOver {
		return secCarried
	}
	if !t.Date.Valid() {
		return secInbox
	}
	switch t.EffectiveSlot() {
	case model.SlotMorning:
		return secMorning
	case model.SlotAfternoon:
		return secAfternoon
	case model.SlotEvening:
		return secEvening
	}
	return secAny
}

// buildRows lays the tasks out in sections, keeping their order within a
// section: tasks come sorted by model.SortTasks (the agenda's one rule). now is the time of day when
// the day shown is today (the marker goes between the timed tasks), or
// model.NoClock for any other day.
//
// filter, when not empty, keeps the tasks whose title, client or project
// hold each of its words (any case: common.Query, as every list filters).
// More than carriedMax carried-over tasks show the first carriedMax and a
// row saying how many more, unless all.carried; more than inboxMax inbox
// tasks the same, unless all.inbox.
func buildRows(tasks []model.AgendaTask, lang i18n.Lang, now model.Clock, filter string, all expand) []row {
	var bySec [nSections][]int
	n := 0
	q := common.NewQuery(filter)
	for i, t := range tasks {
		if !q.Match(t.Title, t.ClientName, t.ProjectName) {
			continue
		}
		s := sectionOf(t)
		bySec[s] = append(bySec[s], i)
		n++
	}
	rows := make([]row, 0, n+12)
	switch {
	case n == 0 && filter != "":
		return append(rows, row{kind: rowEmpty, text: lang.T("day.no_match", model.InertLine(filter))})
	case n == 0:
		return append(rows, row{kind: rowEmpty, text: lang.T("day.empty")})
	}
	for s := section(0); s < nSections; s++ {
		idx := bySec[s]
		if len(idx) == 0 {
			continue
		}
		rows = append(rows, row{kind: rowHeader, text: lang.T(sectionKeys[s], len(idx))})
		if s == secAfternoon {
			rows = appendAfternoon(rows, idx, tasks, lang)
			continue
		}
		hidden := 0
		switch {
		case s == secCarried && !all.carried && len(idx) > carriedMax:
			idx, hidden = idx[:carriedMax], len(idx)-carriedMax
		case s == secInbox && !all.inbox && len(idx) > inboxMax:
			idx, hidden = idx[:inboxMax], len(idx)-inboxMax
		}
		for _, i := range idx {
			rows = append(rows, row{kind: rowTask, task: i})
		}
		if hidden > 0 {
			more := "day.carried_more"
			if s == secInbox {
				more = "day.inbox_more"
			}
			rows = append(rows, row{kind: rowMore, text: lang.N(more, hidden, hidden), sec: s})
		}
	}
	if now.Valid() {
		rows = insertNow(rows, tasks, now)
	}
	return rows
}

// appendAfternoon lists the afternoon's other tasks first, then its visits
// grouped by the client's area, so one trip covers one area (DESIGN.md §1).
// Areas come in the order of their first visit.
func appendAfternoon(rows []row, idx []int, tasks []model.AgendaTask, lang i18n.Lang) []row {
	var areas []string
	groups := map[string][]int{}
	for _, i := range idx {
		t := tasks[i]
		if t.Kind != model.TaskVisit {
			rows = append(rows, row{kind: rowTask, task: i})
			continue
		}
		a := t.ClientArea
		if _, ok := groups[a]; !ok {
			areas = append(areas, a)
		}
		groups[a] = append(groups[a], i)
	}
	for _, a := range areas {
		label := lang.T("day.area_none", len(groups[a]))
		if a != "" {
			label = lang.T("day.area", model.InertLine(a), len(groups[a]))
		}
		rows = append(rows, row{kind: rowArea, text: label})
		for _, i := range groups[a] {
			rows = append(rows, row{kind: rowTask, task: i})
		}
	}
	return rows
}

// insertNow puts the marker before the first timed task of the day's
// sections that starts after now, or after the last timed task when all
// have started. Carried-over tasks keep their old dates and inbox tasks
// have none: they are skipped.
func insertNow(rows []row, tasks []model.AgendaTask, now model.Clock) []row {
	at, last := -1, -1
	for i, r := range rows {
		if r.kind != rowTask {
			continue
		}
		t := tasks[r.task]
		if t.CarriedOver || !t.Date.Valid() || !t.Time.Valid() {
			continue
		}
		if t.Time > now {
			at = i
			break
		}
		last = i
	}
	switch {
	case at >= 0:
		// Before a section's first task the marker goes above its heading,
		// so it never splits a heading from its rows.
		for at > 0 && (rows[at-1].kind == rowHeader || rows[at-1].kind == rowArea) {
			at--
		}
	case last >= 0:
		at = last + 1
	default:
		return rows
	}
	rows = append(rows, row{})
	copy(rows[at+1:], rows[at:])
	rows[at] = row{kind: rowNow}
	return rows
}
