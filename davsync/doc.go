// Package davsync is `salesplan sync` (DESIGN.md §6 "The rep's phone"): it
// publishes the plan to a CalDAV calendar and takes back what a phone can
// do there. The network and the iCalendar objects live here; the sync
// state and what is applied to the data live in storage (syncstate.go),
// one transaction per sync; ui/cli calls Run. Nothing here runs at init.
//
// What goes up (ical.go): every open dated task, however old, and every
// done task dated from WindowDays before today on, as a VEVENT (timed: the task's time, 30 or 60 minutes, alarm 15 minutes
// before; untimed: all day, alarm at 09:00; done: marked, no alarm); every
// open promise as a VTODO with DUE and alarms at 09:00 the day before and
// on the day; for each project in lead, design or bidding, its bid date
// and papers-due date (model.PapersDue) as all-day events with the same two
// alarms. UIDs are salesplan-<database id>-<kind>-<id>, the object's name
// is the UID + ".ics": stable, and never another database's. Each task's
// event carries X-SALESPLAN-START, the start salesplan sent.
//
// What comes back (Run, readBack): a VTODO completed (STATUS:COMPLETED,
// COMPLETED or PERCENT-COMPLETE:100) keeps the promise on the day it was
// completed; a VEVENT whose start is not the one salesplan sent moves the
// task. storage.ApplySync decides conflicts: when salesplan changed the
// same task's date or time since (storage records when, per published
// item), the later change wins by the phone's LAST-MODIFIED (else the
// server's) against that time, and the other is written as a note in the
// client's journal; a task done or deleted here stays so; a promise
// cancelled here and completed later on the phone is kept.
//
// Requests: one sync-collection REPORT (RFC 6578) for what changed since
// the last sync's token (PROPFIND on a server without it), one
// calendar-multiget REPORT per 200 changed objects, then one PUT (If-Match
// the ETag seen, or If-None-Match: * for a new object) or DELETE (If-Match)
// per item that changed here. A sync with nothing to do is one request.
//
// Library: github.com/emersion/go-webdav's CalDAV client builds and reads
// every request; it is typed on github.com/emersion/go-ical, so the objects
// are built with go-ical (the export keeps arran4/golang-ical). go-webdav
// v0.6.0 cannot send If-Match or report a failed request's status, so each
// request carries an exchange in its context that the transport fills
// (conn.go); its sync-collection REPORT is on its CardDAV client only,
// which works on a calendar collection.
package davsync
