package storage

// iCalendar export (RFC 5545) for phone calendars (issue 7).
//
// What goes in:
//   - Undone dated tasks. A task with a time is an event of 30 minutes (a
//     call or a to-do) or one hour (a visit or a meeting) — what a rep
//     blocks in a calendar; one without a time is an all-day event. An
//     undone task dated before today is placed on today, as the planner
//     shows it (carried over). Done tasks are history, not plans: left out.
//   - The bid date of every live project, all day.
//   - The due date of every open promise, all day.
// Every event has a stable UID (task-<id>@salesplan, bid-<id>@salesplan,
// promise-<id>@salesplan), so importing a newer export updates the events
// instead of doubling them. Timed events are written in UTC, converted from
// the civil time in the local time zone.
//
// The file is built with github.com/arran4/golang-ical, which escapes TEXT
// (\ ; , and newlines) and folds lines at 75 octets without cutting a UTF-8
// character. It ends lines with LF on Unix by default; RFC 5545 wants CRLF,
// so it is always asked for CRLF. Text is sanitized with model.Inert first,
// which also drops the CR the library would not escape.

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"time"

	ics "github.com/arran4/golang-ical"

	"salesplan/model"
)

// ICSLabels word the events that are not tasks (fmt formats). The command
// line passes its catalog's words; DefaultICSLabels are English.
type ICSLabels struct {
	Bid     string // %s = project name
	Promise string // %s = client name, %s = promise text
}

// DefaultICSLabels returns the English labels.
func DefaultICSLabels() ICSLabels {
	return ICSLabels{Bid: "Bid: %s", Promise: "Promise to %s: %s"}
}

// icsNow is the DTSTAMP clock; tests pin it.
var icsNow = time.Now

// ExportICS writes the calendar with the English labels.
func (s *Store) ExportICS(w io.Writer, today model.Date) error {
	return s.ExportICSWith(w, today, DefaultICSLabels())
}

// ExportICSWith writes the calendar, wording bids and promises with labels.
func (s *Store) ExportICSWith(w io.Writer, today model.Date, labels ICSLabels) error {
	doc, err := s.Document()
	if err != nil {
		return err
	}
	return writeICS(w, doc, today, labels, time.Local)
}

type icsEvent struct {
	uid, summary, description, location string
	day                                 model.Date
	at                                  model.Clock
	minutes                             int
}

func icsEvents(doc *Document, today model.Date, labels ICSLabels) []icsEvent {
	clients := make(map[model.ID]model.Client, len(doc.Clients))
	for _, c := range doc.Clients {
		clients[c.ID] = c
	}
	projects := make(map[model.ID]string, len(doc.Projects))
	for _, p := range doc.Projects {
		projects[p.ID] = p.Name
	}
	var out []icsEvent
	for _, t := range doc.Tasks {
		if t.Done || !t.Date.Valid() {
			continue
		}
		day := t.Date
		if today.Valid() && day < today {
			day = today
		}
		ev := icsEvent{uid: fmt.Sprintf("task-%d@salesplan", t.ID), summary: t.Title, day: day, at: t.Time, minutes: 30}
		if t.Kind == model.TaskVisit || t.Kind == model.TaskMeeting {
			ev.minutes = 60
		}
		var desc []string
		if c, ok := clients[t.ClientID]; ok {
			desc = append(desc, c.Name)
			if c.Phone != "" {
				desc = append(desc, c.Phone)
			}
			if t.Kind == model.TaskVisit {
				ev.location = c.Area
			}
		}
		if p, ok := projects[t.ProjectID]; ok {
			desc = append(desc, p)
		}
		ev.description = joinLines(desc)
		out = append(out, ev)
	}
	for _, p := range doc.Projects {
		if !p.Stage.Live() || !p.BidDate.Valid() {
			continue
		}
		ev := icsEvent{uid: fmt.Sprintf("bid-%d@salesplan", p.ID), summary: fmt.Sprintf(labels.Bid, p.Name), day: p.BidDate}
		if c, ok := clients[p.ClientID]; ok {
			ev.description = c.Name
		}
		out = append(out, ev)
	}
	for _, p := range doc.Promises {
		if p.Status != model.PromiseOpen || !p.Due.Valid() {
			continue
		}
		c := clients[p.ClientID]
		ev := icsEvent{uid: fmt.Sprintf("promise-%d@salesplan", p.ID), summary: fmt.Sprintf(labels.Promise, c.Name, p.Text), day: p.Due}
		if name, ok := projects[p.ProjectID]; ok {
			ev.description = name
		}
		out = append(out, ev)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].day != out[j].day {
			return out[i].day < out[j].day
		}
		return out[i].at < out[j].at
	})
	return out
}

func joinLines(parts []string) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += "\n"
		}
		s += p
	}
	return s
}

func icsDate(d model.Date) string {
	y, m, dd := d.YMD()
	return fmt.Sprintf("%04d%02d%02d", y, int(m), dd)
}

func writeICS(w io.Writer, doc *Document, today model.Date, labels ICSLabels, loc *time.Location) error {
	cal := ics.NewCalendarFor("salesplan")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName("salesplan")
	stamp := icsNow().UTC()
	for _, ev := range icsEvents(doc, today, labels) {
		e := cal.AddEvent(ev.uid)
		e.SetDtStampTime(stamp)
		e.SetSummary(model.Inert(ev.summary))
		if ev.description != "" {
			e.SetDescription(model.Inert(ev.description))
		}
		if ev.location != "" {
			e.SetLocation(model.Inert(ev.location))
		}
		if ev.at.Valid() {
			start := ev.day.Time(loc).Add(time.Duration(ev.at.Minutes()) * time.Minute)
			e.SetStartAt(start)
			e.SetEndAt(start.Add(time.Duration(ev.minutes) * time.Minute))
		} else {
			e.SetProperty(ics.ComponentPropertyDtStart, icsDate(ev.day), ics.WithValue(string(ics.ValueDataTypeDate)))
			e.SetProperty(ics.ComponentPropertyDtEnd, icsDate(ev.day.AddDays(1)), ics.WithValue(string(ics.ValueDataTypeDate)))
			e.SetTimeTransparency(ics.TransparencyTransparent) // an all-day reminder does not block the day
		}
	}
	bw := bufio.NewWriter(w)
	if err := cal.SerializeTo(bw, ics.WithNewLineWindows); err != nil {
		return fmt.Errorf("export calendar: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export calendar: %w", err)
	}
	return nil
}
