package davsync

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-ical"

	"salesplan/model"
	"salesplan/storage"
)

// Labels word the items that are not a task's own title (fmt formats; the
// command line passes its catalog's, DefaultLabels are English).
type Labels struct {
	Promise string // %s client, %s promise text
	Bid     string // %s project
	Papers  string // %s project, %s bid date
	Done    string // put before a done task's title
}

// DefaultLabels returns the English labels.
func DefaultLabels() Labels {
	return Labels{Promise: "Promise to %s: %s", Bid: "Bid: %s", Papers: "Bid papers due: %s (bid %s)", Done: "✓ "}
}

// DefaultNotes returns the English journal notes for conflicts.
func DefaultNotes() storage.SyncNotes {
	return storage.SyncNotes{
		PhoneWon:     "Sync: the phone moved “%s” to %s, later than the change here to %s; the phone's stands.",
		HereWon:      "Sync: the phone moved “%s” to %s; the change here to %s was later and stays.",
		MovedDone:    "Sync: the phone moved “%s” to %s, but it is done here; it stays done.",
		MovedDeleted: "Sync: the phone moved “%s” to %s, but it was deleted here.",
		KeptCancel:   "Sync: “%s” was cancelled here, but the phone marked it done on %s, later; it is kept.",
		CancelKept:   "Sync: the phone marked “%s” done on %s; it was cancelled here later and stays cancelled.",
	}
}

// markerProp carries, on each task's event, the start salesplan sent. A
// phone that moves the event changes DTSTART and (usually) keeps unknown
// properties; so a start that differs from the marker is the phone's move
// even when this database's sync state is older (a restored backup).
const markerProp = "X-SALESPLAN-START"

// prodID names the program in every object.
const prodID = "-//salesplan//salesplan sync//EN"

// object is one item to publish.
type object struct {
	key       storage.SyncKey
	uid       string
	cal       *ical.Calendar
	hash      string
	start     model.Date
	clock     model.Clock
	what      string
	client    model.ID
	project   model.ID
	component string // VEVENT or VTODO
}

// buildObjects turns a snapshot into the items to publish, keyed by item.
// Text is made inert (no escape or control sequences reach a phone);
// Chinese and emoji are kept as typed.
func buildObjects(snap *storage.SyncSnapshot, dbid string, lb Labels, loc *time.Location) (map[storage.SyncKey]*object, error) {
	out := make(map[storage.SyncKey]*object, len(snap.Tasks)+len(snap.Promises)+2*len(snap.Bids))
	add := func(o *object) error {
		o.uid = storage.SyncUID(dbid, o.key)
		for _, c := range o.cal.Children {
			c.Props.SetText(ical.PropUID, o.uid)
		}
		h, err := hashOf(o.cal)
		if err != nil {
			return fmt.Errorf("build %s: %w", o.uid, err)
		}
		o.hash = h
		out[o.key] = o
		return nil
	}
	for _, t := range snap.Tasks {
		if !t.Date.Valid() {
			continue
		}
		o, err := taskObject(t, snap, lb, loc)
		if err != nil {
			return nil, err
		}
		if err := add(o); err != nil {
			return nil, err
		}
	}
	for _, p := range snap.Promises {
		if !p.Due.Valid() {
			continue
		}
		if err := add(promiseObject(p, snap, lb, loc)); err != nil {
			return nil, err
		}
	}
	var cal model.Calendar
	if len(snap.Bids) > 0 {
		cal = snap.Settings.Calendar() // working days and holidays, for the papers
	}
	for _, p := range snap.Bids {
		if !p.BidDate.Valid() {
			continue
		}
		c := snap.Clients[p.ClientID]
		desc := lines(c.Name, c.Phone)
		bid := allDay(storage.SyncKey{Kind: storage.SyncBid, ID: p.ID}, ical.CompEvent, p.BidDate,
			fmt.Sprintf(lb.Bid, model.InertLine(p.Name)), desc, "", true)
		bid.what, bid.client, bid.project = p.Name, p.ClientID, p.ID
		if err := add(bid); err != nil {
			return nil, err
		}
		due := model.PapersDue(p.BidDate, cal)
		papers := allDay(storage.SyncKey{Kind: storage.SyncPapers, ID: p.ID}, ical.CompEvent, due,
			fmt.Sprintf(lb.Papers, model.InertLine(p.Name), p.BidDate.String()), desc, "", true)
		papers.what, papers.client, papers.project = p.Name, p.ClientID, p.ID
		if err := add(papers); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// taskObject is a task's event: timed (30 minutes, an hour for a visit or
// a meeting, as the export has it) with an alarm 15 minutes before, or
// all-day with an alarm at 09:00. A done task keeps its event, marked,
// without an alarm.
func taskObject(t model.Task, snap *storage.SyncSnapshot, lb Labels, loc *time.Location) (*object, error) {
	c := snap.Clients[t.ClientID]
	summary := model.InertLine(t.Title)
	if c.Name != "" && !strings.Contains(summary, model.InertLine(c.Name)) {
		summary += " · " + model.InertLine(c.Name)
	}
	if t.Done {
		summary = lb.Done + summary
	}
	location := ""
	if t.Kind == model.TaskVisit {
		location = c.Area
	}
	desc := lines(c.Name, c.Phone, snap.Projects[t.ProjectID])
	key := storage.SyncKey{Kind: storage.SyncTask, ID: t.ID}
	var o *object
	if t.Time.Valid() {
		o = &object{key: key, component: ical.CompEvent}
		ev := ical.NewComponent(ical.CompEvent)
		y, m, d := t.Date.YMD()
		start := time.Date(y, m, d, t.Time.Hour(), t.Time.Minute(), 0, 0, loc)
		minutes := 30
		if t.Kind == model.TaskVisit || t.Kind == model.TaskMeeting {
			minutes = 60
		}
		ev.Props.SetDateTime(ical.PropDateTimeStart, start.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeEnd, start.Add(time.Duration(minutes)*time.Minute).UTC())
		setText(ev, summary, desc, location)
		if !t.Done {
			ev.Children = append(ev.Children, alarm("-PT15M", summary))
		}
		o.cal = calendarOf(ev)
	} else {
		o = allDay(key, ical.CompEvent, t.Date, summary, desc, location, false)
		if !t.Done {
			o.cal.Children[0].Children = append(o.cal.Children[0].Children, alarm("PT9H", summary))
		}
	}
	marker := ical.NewProp(markerProp)
	marker.Value = markerOf(t.Date, t.Time) // digits, '-', 'T', ':' only: nothing to escape
	o.cal.Children[0].Props.Set(marker)
	o.start, o.clock = t.Date, t.Time
	o.what, o.client, o.project = t.Title, t.ClientID, t.ProjectID
	return o, nil
}

// promiseObject is an open promise's to-do, due on its due date, with
// alarms at 09:00 the day before and on the day.
func promiseObject(p model.Promise, snap *storage.SyncSnapshot, lb Labels, loc *time.Location) *object {
	c := snap.Clients[p.ClientID]
	summary := fmt.Sprintf(lb.Promise, model.InertLine(c.Name), model.InertLine(p.Text))
	todo := ical.NewComponent(ical.CompToDo)
	todo.Props.SetDate(ical.PropDue, p.Due.Time(time.UTC))
	todo.Props.SetText(ical.PropStatus, "NEEDS-ACTION")
	setText(todo, summary, lines(p.Text, c.Name, c.Phone, snap.Projects[p.ProjectID]), "")
	y, m, d := p.Due.YMD()
	nine := time.Date(y, m, d, 9, 0, 0, 0, loc)
	for _, at := range []time.Time{nine.AddDate(0, 0, -1), nine} {
		a := ical.NewComponent(ical.CompAlarm)
		a.Props.SetText(ical.PropAction, "DISPLAY")
		a.Props.SetText(ical.PropDescription, summary)
		trig := ical.NewProp(ical.PropTrigger)
		trig.SetDateTime(at.UTC())
		a.Props.Set(trig)
		todo.Children = append(todo.Children, a)
	}
	return &object{key: storage.SyncKey{Kind: storage.SyncPromise, ID: p.ID}, component: ical.CompToDo,
		cal: calendarOf(todo), start: p.Due, what: p.Text, client: p.ClientID, project: p.ProjectID}
}

// allDay is an all-day event on d; twoAlarms adds 09:00 the day before and
// 09:00 on the day (bids and papers).
func allDay(key storage.SyncKey, comp string, d model.Date, summary, desc, location string, twoAlarms bool) *object {
	ev := ical.NewComponent(comp)
	ev.Props.SetDate(ical.PropDateTimeStart, d.Time(time.UTC))
	ev.Props.SetDate(ical.PropDateTimeEnd, d.AddDays(1).Time(time.UTC))
	ev.Props.SetText(ical.PropTransparency, "TRANSPARENT")
	setText(ev, summary, desc, location)
	if twoAlarms {
		ev.Children = append(ev.Children, alarm("-PT15H", summary), alarm("PT9H", summary))
	}
	return &object{key: key, component: comp, cal: calendarOf(ev), start: d}
}

func alarm(trigger, summary string) *ical.Component {
	a := ical.NewComponent(ical.CompAlarm)
	a.Props.SetText(ical.PropAction, "DISPLAY")
	a.Props.SetText(ical.PropDescription, summary)
	trig := ical.NewProp(ical.PropTrigger)
	trig.Value = trigger // a duration relative to the start
	a.Props.Set(trig)
	return a
}

func setText(c *ical.Component, summary, desc, location string) {
	c.Props.SetText(ical.PropSummary, summary)
	if desc != "" {
		c.Props.SetText(ical.PropDescription, desc)
	}
	if location = model.InertLine(location); location != "" {
		c.Props.SetText(ical.PropLocation, location)
	}
}

func calendarOf(c *ical.Component) *ical.Calendar {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, prodID)
	cal.Children = append(cal.Children, c)
	return cal
}

// lines joins the non-empty parts, each made inert, one per line.
func lines(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(model.Inert(p)); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

// markerOf writes a start as the marker holds it: 2026-12-03T10:00, or
// the date alone.
func markerOf(d model.Date, c model.Clock) string {
	if c.Valid() {
		return d.String() + "T" + c.String()
	}
	return d.String()
}

// parseMarker reads markerOf's text.
func parseMarker(s string) (model.Date, model.Clock, bool) {
	ds, cs, timed := strings.Cut(strings.TrimSpace(s), "T")
	d, err := model.ParseDate(ds)
	if err != nil {
		return 0, 0, false
	}
	if !timed {
		return d, 0, true
	}
	c, err := model.ParseClock(cs)
	if err != nil {
		return 0, 0, false
	}
	return d, c, true
}

// fixedStamp stands in for DTSTAMP while hashing: the stamp changes with
// every upload, the content does not.
var fixedStamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// hashOf hashes what an object says (its encoding with a fixed DTSTAMP),
// then gives it the real DTSTAMP. go-ical sorts properties and parameters,
// so the same content always hashes the same.
func hashOf(cal *ical.Calendar) (string, error) {
	for _, c := range cal.Children {
		c.Props.SetDateTime(ical.PropDateTimeStamp, fixedStamp)
	}
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return "", err
	}
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:16]), nil
}

// stamp sets DTSTAMP to now just before an upload.
func stamp(cal *ical.Calendar, now time.Time) {
	for _, c := range cal.Children {
		c.Props.SetDateTime(ical.PropDateTimeStamp, now.UTC().Truncate(time.Second))
	}
}

// sortedKeys returns the keys in a stable order (kind, then id), so that
// uploads and reports come in the same order every time.
func sortedKeys[V any](m map[storage.SyncKey]V) []storage.SyncKey {
	keys := make([]storage.SyncKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keyLess(keys[i], keys[j]) })
	return keys
}

// keyLess orders items by kind, then id.
func keyLess(a, b storage.SyncKey) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.ID < b.ID
}

// ---- reading what the phone did

// findComponent returns the VEVENT or VTODO with the uid.
func findComponent(cal *ical.Calendar, uid string) *ical.Component {
	if cal == nil {
		return nil
	}
	for _, c := range cal.Children {
		if c.Name != ical.CompEvent && c.Name != ical.CompToDo {
			continue
		}
		if v, err := c.Props.Text(ical.PropUID); err == nil && v == uid {
			if c.Props.Get(ical.PropRecurrenceID) == nil {
				return c
			}
		}
	}
	return nil
}

// startOf reads a DTSTART as salesplan's date and time in loc: a DATE is
// all day; a date-time (UTC, TZID or floating) is converted to loc. An
// unknown TZID (a Windows zone name) is read as loc's own time.
func startOf(c *ical.Component, loc *time.Location) (model.Date, model.Clock, bool) {
	p := c.Props.Get(ical.PropDateTimeStart)
	if p == nil {
		return 0, 0, false
	}
	if p.ValueType() == ical.ValueDate || len(p.Value) == 8 {
		// A DATE, marked or not (some clients leave VALUE=DATE out).
		t, err := time.Parse("20060102", p.Value)
		if err != nil {
			return 0, 0, false
		}
		return model.MakeDate(t.Date()), 0, true
	}
	t, err := p.DateTime(loc)
	if err != nil {
		q := *p
		q.Params = ical.Params{}
		for k, v := range p.Params {
			if k != ical.ParamTimezoneID {
				q.Params[k] = v
			}
		}
		if t, err = q.DateTime(loc); err != nil {
			return 0, 0, false
		}
	}
	t = t.In(loc)
	return model.DateOf(t), model.ClockAt(t.Hour(), t.Minute()), true
}

// dueOf reads a to-do's DUE as a date.
func dueOf(c *ical.Component) (model.Date, bool) {
	p := c.Props.Get(ical.PropDue)
	if p == nil || len(p.Value) < 8 {
		return 0, false
	}
	t, err := time.Parse("20060102", p.Value[:8])
	if err != nil {
		return 0, false
	}
	return model.MakeDate(t.Date()), true
}

// instant reads a date-time property (COMPLETED, LAST-MODIFIED) as an instant.
func instant(c *ical.Component, name string, loc *time.Location) (time.Time, bool) {
	p := c.Props.Get(name)
	if p == nil {
		return time.Time{}, false
	}
	t, err := p.DateTime(loc)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// completed reports whether a to-do is done on the phone.
func completed(c *ical.Component) bool {
	if s, err := c.Props.Text(ical.PropStatus); err == nil && strings.EqualFold(s, "COMPLETED") {
		return true
	}
	if c.Props.Get(ical.PropCompleted) != nil {
		return true
	}
	if p := c.Props.Get(ical.PropPercentComplete); p != nil {
		if n, err := p.Int(); err == nil && n >= 100 {
			return true
		}
	}
	return false
}
