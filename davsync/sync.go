package davsync

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-ical"

	"salesplan/model"
	"salesplan/storage"
)

// WindowDays is how far back done tasks are published: those dated from 30
// days before today on, so a ten-year database publishes its last month
// and what is planned, not 100,000 events. An open task is published
// whatever its date: overdue, it is still something the rep must do.
const WindowDays = 30

// Options configure one sync.
type Options struct {
	Store  *storage.Store
	DBPath string // for the lock file beside the database
	// Password, and whether one was found (Password reads both): a user
	// without a password is refused before anything is sent.
	Password    string
	PasswordSet bool
	Today       model.Date
	// Now is the real clock (DTSTAMP, change times); nil = time.Now.
	Now func() time.Time
	// NoteAt is when conflict notes are written in the journal (today's
	// date, now's time); zero = Now().
	NoteAt time.Time
	DryRun bool
	Labels Labels
	Notes  storage.SyncNotes
	// HTTP is the client to use; nil = one with bounded waits.
	HTTP *http.Client
	// Workers is how many uploads run at once; 0 = 4.
	Workers int
	// Location of the civil times; nil = time.Local.
	Location *time.Location
}

// Report is what a sync did (or, with DryRun, would do).
type Report struct {
	URL       string
	DryRun    bool
	Published int // items that are on the calendar after the sync
	Created   int // sent for the first time (or again after the phone deleted them)
	Updated   int // sent again because they changed
	Removed   int // removed there because they ended here
	Skipped   int // changed on the server during the sync: the next sync takes them
	Back      []storage.SyncOutcome
	Requests  int
	ByMethod  map[string]int
	Elapsed   time.Duration
}

// Conflicts counts the outcomes where both sides had changed the item.
func (r Report) Conflicts() int {
	n := 0
	for _, o := range r.Back {
		if o.Conflict {
			n++
		}
	}
	return n
}

// Run syncs the database with the calendar at caldav.url (DESIGN.md §6):
//
//  1. read what to publish and the sync state (one read transaction);
//  2. list the calendar's hrefs and ETags (one PROPFIND), and fetch the
//     objects whose ETag changed (calendar-multiget REPORTs, 200 a request);
//  3. take back what the phone did — a task's event moved, a promise's
//     to-do completed — in one transaction (conflicts: the later change
//     wins, the other goes into the client's journal);
//  4. upload what changed here (PUT with If-Match, or If-None-Match for a
//     new item) and remove what ended here (DELETE with If-Match), saving
//     the state as uploads finish, so a sync killed half-way is completed
//     by the next one.
//
// Until step 3 nothing is written: a server that is down, refuses the
// password or answers garbage leaves the database as it was.
func Run(ctx context.Context, o Options) (rep Report, err error) {
	start := time.Now()
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.NoteAt.IsZero() {
		o.NoteAt = o.Now()
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.Labels == (Labels{}) {
		o.Labels = DefaultLabels()
	}
	if o.Notes == (storage.SyncNotes{}) {
		o.Notes = DefaultNotes()
	}
	rep.DryRun = o.DryRun
	cfg, err := o.Store.SyncConfig()
	if err != nil {
		return rep, err
	}
	if strings.TrimSpace(cfg.URL) == "" {
		return rep, model.Errf("sync_no_url", "no calendar to sync with: salesplan config set caldav.url URL (and caldav.user NAME)")
	}
	u, err := ParseURL(cfg.URL)
	if err != nil {
		return rep, err
	}
	rep.URL = u.String()
	if cfg.User != "" && !o.PasswordSet {
		return rep, model.Errf("sync_no_password", "no password for the calendar: set %s or put it in %s (mode 0600)",
			PasswordEnv, model.InertLine(PasswordFile(o.DBPath)))
	}
	unlock, err := lockSync(o.DBPath)
	if err != nil {
		return rep, err
	}
	defer unlock()

	from := o.Today.AddDays(-WindowDays)
	snap, err := o.Store.SyncSnapshot(from)
	if err != nil {
		return rep, err
	}
	dbid := snap.Meta.DBID
	if dbid == "" {
		dbid = newDBID()
	}
	state := snap.Items
	if snap.Meta.URL != rep.URL {
		state = map[storage.SyncKey]storage.SyncItem{}
	}

	c, err := newConn(u, cfg.User, o.Password, o.HTTP)
	if err != nil {
		return rep, err
	}
	defer func() { rep.Requests, rep.ByMethod = c.requests(); rep.Elapsed = time.Since(start) }()
	if snap.Meta.Verified != rep.URL {
		if err := c.check(ctx); err != nil {
			return rep, err
		}
	}
	token := ""
	if snap.Meta.URL == rep.URL {
		token = snap.Meta.SyncToken
	}
	lst, err := c.listSince(ctx, token)
	if err != nil {
		return rep, err
	}
	list := lst.objs
	if !lst.full {
		// What changed since the last sync, over what that sync left.
		list = make(map[string]listed, len(state)+len(lst.objs))
		for _, st := range state {
			if st.Href != "" {
				list[st.Href] = listed{etag: st.ETag}
			}
		}
		for href, l := range lst.objs {
			list[href] = l
		}
		for _, href := range lst.deleted {
			delete(list, href)
		}
	}

	// What changed there: ours (by name) with another ETag than last seen.
	prefix := storage.SyncUIDPrefix(dbid)
	keyOf := map[string]storage.SyncKey{}
	var toFetch []string
	for href, l := range list {
		name := path.Base(href)
		uid, ok := strings.CutSuffix(name, ".ics")
		if !ok || !strings.HasPrefix(uid, prefix) || path.Dir(href)+"/" != u.Path {
			continue
		}
		key, ok := storage.ParseSyncUID(dbid, uid)
		if !ok {
			continue
		}
		keyOf[href] = key
		if st, ok := state[key]; ok && st.Href == href && st.ETag == l.etag && l.etag != "" {
			continue
		}
		toFetch = append(toFetch, href)
	}
	objs, err := c.fetch(ctx, toFetch)
	if err != nil {
		return rep, err
	}
	apply := storage.SyncApply{Today: o.Today, From: from, Now: o.Now(), NoteAt: o.NoteAt, DBID: dbid, URL: rep.URL,
		Notes: o.Notes, DryRun: o.DryRun}
	for _, obj := range objs {
		key, ok := keyOf[obj.Path]
		if !ok {
			continue // a server that answers for hrefs not asked for
		}
		etag := obj.ETag
		if etag == "" {
			etag = list[obj.Path].etag
		}
		back, changed, resend := readBack(obj.Data, key, storage.SyncUID(dbid, key), state[key], o.Location, o.Today)
		if changed {
			back.Href, back.ETag = obj.Path, etag
			if back.At.IsZero() {
				back.At = obj.ModTime
			}
			if back.At.IsZero() {
				back.At = o.Now()
			}
			if back.Completed && !back.On.Valid() {
				back.On = model.DateOf(back.At.In(o.Location))
			}
			apply.Back = append(apply.Back, back)
			continue
		}
		apply.Seen = append(apply.Seen, storage.SyncSeen{Key: key, Href: obj.Path, ETag: etag, UID: storage.SyncUID(dbid, key), Resend: resend})
	}

	// In a stable order (the server's is its own): the report lists them so.
	sort.Slice(apply.Back, func(i, j int) bool { return keyLess(apply.Back[i].Key, apply.Back[j].Key) })

	// Take back what the phone did; record what was seen.
	if len(apply.Back) > 0 || len(apply.Seen) > 0 || snap.Meta.DBID == "" || snap.Meta.URL != rep.URL || o.DryRun {
		snap, rep.Back, err = o.Store.ApplySync(apply)
		if err != nil {
			return rep, err
		}
		state = snap.Items
	}

	objects, err := buildObjects(snap, dbid, o.Labels, o.Location)
	if err != nil {
		return rep, err
	}
	rep.Published = len(objects)
	jobs := plan(objects, state, list, u.Path)
	for _, j := range jobs {
		switch {
		case j.obj == nil:
			if j.href != "" {
				rep.Removed++
			}
		case j.etag == "":
			rep.Created++
		default:
			rep.Updated++
		}
	}
	if o.DryRun {
		return rep, nil
	}
	return rep, run(ctx, c, o, jobs, lst.token, &rep)
}

// readBack decides what the phone did to one of our objects: moved a
// task's event, or completed a promise's to-do (changed: take it back).
// resend: the phone moved what only salesplan moves (a bid, a papers-due
// day, a promise's due date), or it is not our object any more: put
// salesplan's version back. Neither: only the new ETag is noted.
func readBack(cal *ical.Calendar, key storage.SyncKey, uid string, st storage.SyncItem, loc *time.Location, today model.Date) (back storage.SyncBack, changed, resend bool) {
	back = storage.SyncBack{Key: key, UID: uid}
	comp := findComponent(cal, uid)
	if comp == nil {
		return back, false, true
	}
	if t, ok := instant(comp, ical.PropLastModified, loc); ok {
		back.At = t
	}
	switch key.Kind {
	case storage.SyncTask:
		if comp.Name != ical.CompEvent {
			return back, false, true
		}
		d, c, ok := startOf(comp, loc)
		if !ok {
			return back, false, true
		}
		sentD, sentC := st.Start, st.Time
		if v, err := comp.Props.Text(markerProp); err == nil {
			if md, mc, ok := parseMarker(v); ok {
				sentD, sentC = md, mc
			}
		}
		if !sentD.Valid() || (d == sentD && c == sentC) {
			return back, false, false
		}
		back.Date, back.Time, back.SentDate, back.SentTime = d, c, sentD, sentC
		return back, true, false
	case storage.SyncPromise:
		if comp.Name != ical.CompToDo {
			return back, false, true
		}
		if !completed(comp) {
			due, ok := dueOf(comp)
			return back, false, !ok || (st.Start.Valid() && due != st.Start)
		}
		back.Completed = true
		if t, ok := instant(comp, ical.PropCompleted, loc); ok {
			back.On = model.DateOf(t.In(loc))
			if back.At.IsZero() {
				back.At = t
			}
		}
		if back.On > today {
			back.On = today
		}
		return back, true, false
	}
	// Bids and papers: all-day events on salesplan's dates.
	d, c, ok := startOf(comp, loc)
	return back, false, !ok || c.Valid() || (st.Start.Valid() && d != st.Start)
}

// job is one upload (obj set) or removal (obj nil).
type job struct {
	key  storage.SyncKey
	obj  *object
	href string // "" for a removal: nothing on the server, only the state goes
	etag string // If-Match; "" = If-None-Match: * for an upload
	prev storage.SyncItem
}

// plan lists the uploads and removals: an item whose content (hash) or
// server copy (ETag) differs from the state is sent; one missing there is
// created; one that ended here is removed there.
func plan(objects map[storage.SyncKey]*object, state map[storage.SyncKey]storage.SyncItem, list map[string]listed, dir string) []job {
	var jobs []job
	for _, k := range sortedKeys(objects) {
		obj := objects[k]
		href := dir + obj.uid + ".ics"
		st := state[k]
		l, there := list[href]
		switch {
		case !there:
			jobs = append(jobs, job{key: k, obj: obj, href: href, prev: st})
		case st.Hash != obj.hash || st.ETag != l.etag || st.Href != href:
			jobs = append(jobs, job{key: k, obj: obj, href: href, etag: l.etag, prev: st})
		}
	}
	for _, k := range sortedKeys(state) {
		if _, ok := objects[k]; ok {
			continue
		}
		st := state[k]
		j := job{key: k, prev: st}
		if l, there := list[st.Href]; there && st.Href != "" {
			j.href, j.etag = st.Href, l.etag
		}
		jobs = append(jobs, j)
	}
	return jobs
}

// result is one finished job.
type result struct {
	job  job
	etag string
	err  error
}

// saveEvery bounds how much state a killed sync loses: it is written after
// this many uploads, and at least every saveInterval.
const (
	saveEvery    = 100
	saveInterval = 2 * time.Second
)

// run performs the jobs with o.Workers at once and saves the state in
// batches. The first failure that is not a precondition stops the rest.
//
// token is the server's sync token from the start of this sync: saved only
// when every job is done, so that whatever this sync left undone is still
// in the next sync's list of changes.
func run(ctx context.Context, c *conn, o Options, jobs []job, token string, rep *Report) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan job)
	results := make(chan result)
	var wg sync.WaitGroup
	for range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				r := result{job: j}
				switch {
				case j.obj != nil:
					stamp(j.obj.cal, o.Now())
					r.etag, r.err = c.put(ctx, j.href, j.etag, j.obj.cal)
				case j.href != "":
					r.err = c.remove(ctx, j.href, j.etag)
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(queue)
		for _, j := range jobs {
			select {
			case queue <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	began := o.Now()
	var batch storage.SyncSave
	batch.Before = began
	lastSave := time.Now()
	var firstErr error
	save := func(final bool) error {
		if final {
			total, _ := c.requests()
			res := storage.SyncResult{At: o.Now(), OK: firstErr == nil, Sent: rep.Created + rep.Updated,
				Removed: rep.Removed, TakenBack: len(rep.Back), Conflicts: rep.Conflicts(), Requests: total}
			var p *model.Problem
			if errors.As(firstErr, &p) {
				res.Problem = p.Code
			}
			batch.Result = &res
			if firstErr == nil && rep.Skipped == 0 {
				batch.Token, batch.SetToken = token, true
			}
		}
		if len(batch.Put) == 0 && len(batch.Delete) == 0 && batch.Result == nil {
			return nil
		}
		err := o.Store.SaveSync(batch)
		batch = storage.SyncSave{Before: began}
		lastSave = time.Now()
		return err
	}
	rep.Created, rep.Updated, rep.Removed = 0, 0, 0
	for r := range results {
		j := r.job
		switch {
		case errors.Is(r.err, errPrecondition):
			rep.Skipped++
		case r.err != nil:
			if firstErr == nil {
				firstErr = r.err
				cancel()
			}
		case j.obj != nil:
			if j.etag == "" {
				rep.Created++
			} else {
				rep.Updated++
			}
			batch.Put = append(batch.Put, storage.SyncItem{Key: j.key, UID: j.obj.uid, Href: j.href, ETag: r.etag,
				Hash: j.obj.hash, Start: j.obj.start, Time: j.obj.clock, What: j.obj.what,
				ClientID: j.obj.client, ProjectID: j.obj.project, Seen: o.Now()})
		default:
			if j.href != "" {
				rep.Removed++
			}
			batch.Delete = append(batch.Delete, j.key)
		}
		if len(batch.Put)+len(batch.Delete) >= saveEvery || time.Since(lastSave) >= saveInterval {
			if err := save(false); err != nil && firstErr == nil {
				firstErr = err
				cancel()
			}
		}
	}
	if err := save(true); err != nil && firstErr == nil {
		firstErr = err
	}
	return firstErr
}

// newDBID makes the id that keeps this database's UIDs apart from another's.
func newDBID() string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return hex.EncodeToString([]byte(time.Now().Format("150405")))
	}
	return hex.EncodeToString(b)
}
