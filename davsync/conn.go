package davsync

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/caldav"
	"github.com/emersion/go-webdav/carddav"

	"salesplan/model"
)

// The WebDAV and CalDAV requests (PROPFIND, REPORT calendar-multiget, PUT,
// DELETE) are go-webdav's. go-webdav v0.6.0 cannot send If-Match or
// If-None-Match and hides the status of a failed request in an internal
// type, so each call carries an exchange in its context: the transport
// adds the precondition to the request and notes the status and headers
// of the answer. The library still builds and parses every request.

// exchange is one request's precondition and what came back.
type exchange struct {
	ifMatch     string // an ETag: update only that version
	ifNoneMatch bool   // create only: nothing may be there
	status      int
	header      http.Header
	netErr      error
}

type exchangeKey struct{}

func withExchange(ctx context.Context, ex *exchange) context.Context {
	return context.WithValue(ctx, exchangeKey{}, ex)
}

// transport authenticates, adds preconditions, notes answers and counts
// requests by method.
type transport struct {
	client         *http.Client
	user, password string
	mu             sync.Mutex
	counts         map[string]int
	total          atomic.Int64
}

func (t *transport) Do(req *http.Request) (*http.Response, error) {
	ex, _ := req.Context().Value(exchangeKey{}).(*exchange)
	if ex != nil {
		if ex.ifMatch != "" {
			req.Header.Set("If-Match", quoteETag(ex.ifMatch))
		}
		if ex.ifNoneMatch {
			req.Header.Set("If-None-Match", "*")
		}
	}
	if t.user != "" || t.password != "" {
		req.SetBasicAuth(t.user, t.password)
	}
	t.total.Add(1)
	t.mu.Lock()
	t.counts[req.Method]++
	t.mu.Unlock()
	resp, err := t.client.Do(req)
	if ex != nil {
		if err != nil {
			ex.netErr = err
		} else {
			ex.status, ex.header = resp.StatusCode, resp.Header.Clone()
		}
	}
	if err == nil {
		resp.Body = &boundedBody{rc: resp.Body, left: maxAnswer}
	}
	return resp, err
}

// maxAnswer bounds one answer: a listing of 100,000 items is about 100 MB;
// a server that sends more is answering garbage, not filling our memory.
const maxAnswer = 256 << 20

// errTooLarge ends an answer longer than maxAnswer.
var errTooLarge = errors.New("answer too large")

type boundedBody struct {
	rc   io.ReadCloser
	left int64
}

func (b *boundedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *boundedBody) Close() error { return b.rc.Close() }

// quoteETag writes an ETag as a header wants it: quoted, a weak one as it came.
func quoteETag(etag string) string {
	if strings.HasPrefix(etag, `"`) || strings.HasPrefix(etag, `W/"`) {
		return etag
	}
	return strconv.Quote(etag)
}

// unquoteETag reads an ETag header ("abc", W/"abc") as listings give it.
func unquoteETag(h string) string {
	h = strings.TrimSpace(h)
	if v, err := strconv.Unquote(h); err == nil {
		return v
	}
	return h
}

// conn is a connection to one calendar collection.
type conn struct {
	url  *url.URL // the collection, path ending in /
	user string
	tr   *transport
	dav  *caldav.Client
	// sync is go-webdav's RFC 6578 sync-collection REPORT. v0.6.0 has it
	// only on its CardDAV client; the REPORT is WebDAV's, and the one
	// CardDAV property it asks for (address-data) a calendar answers as
	// not found, which the client ignores.
	sync *carddav.Client
}

// newHTTPClient bounds every wait: a server that never answers fails the
// sync instead of hanging it.
func newHTTPClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	tr.TLSHandshakeTimeout = 10 * time.Second
	tr.ResponseHeaderTimeout = 60 * time.Second
	tr.MaxIdleConnsPerHost = 8
	return &http.Client{Transport: tr, Timeout: 5 * time.Minute}
}

// ParseURL checks a calendar URL as `config set caldav.url` and sync take
// it: http or https, a host, no password inside (it would be stored in the
// database and shown in messages).
func ParseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return nil, model.Errf("sync_bad_url", "%s is not a calendar URL (like https://example.com/dav/calendars/me/work/)", model.InertLine(redact(raw)))
	}
	if _, has := u.User.Password(); has {
		return nil, model.Errf("sync_url_password",
			"the calendar URL must not hold a password; put it in %s or the password file instead", PasswordEnv)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath, u.RawQuery, u.Fragment = "", "", ""
	return u, nil
}

// CheckUser checks a caldav.user as `config set` and the planner's
// settings take it: one line of text, at most 256 characters.
func CheckUser(user string) error {
	if model.InertLine(user) != user || len([]rune(user)) > 256 {
		return model.Errf("sync_bad_user", "%q is not a user name (one line, at most 256 characters)", model.InertLine(user))
	}
	return nil
}

// redact drops a userinfo password from a URL-looking string.
func redact(raw string) string {
	if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return raw
}

func newConn(u *url.URL, user, password string, client *http.Client) (*conn, error) {
	if client == nil {
		client = newHTTPClient()
	}
	tr := &transport{client: client, user: user, password: password, counts: map[string]int{}}
	endpoint := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/"}
	dav, err := caldav.NewClient(tr, endpoint.String())
	if err != nil {
		return nil, model.Errf("sync_bad_url", "%s is not a calendar URL (like https://example.com/dav/calendars/me/work/)", model.InertLine(u.String()))
	}
	card, err := carddav.NewClient(tr, endpoint.String())
	if err != nil {
		return nil, model.Errf("sync_bad_url", "%s is not a calendar URL (like https://example.com/dav/calendars/me/work/)", model.InertLine(u.String()))
	}
	return &conn{url: u, user: user, tr: tr, dav: dav, sync: card}, nil
}

// where names the server in messages: scheme and host, never userinfo.
func (c *conn) where() string { return model.InertLine(c.url.Scheme + "://" + c.url.Host) }

// problem words a failed request as one line. It never includes what the
// server sent (which could echo the credentials) nor the password.
func (c *conn) problem(op string, ex *exchange, err error) error {
	switch {
	case ex != nil && ex.netErr != nil:
		return model.Errf("sync_unreachable", "cannot reach the CalDAV server %s: %s", c.where(), netReason(ex.netErr))
	case ex != nil && ex.status == http.StatusUnauthorized:
		return model.Errf("sync_auth", "the CalDAV server %s refused user %q with that password (401); check caldav.user and the password",
			c.where(), model.InertLine(c.user))
	case ex != nil && ex.status == http.StatusForbidden:
		return model.Errf("sync_forbidden", "the CalDAV server %s does not let user %q use %s (403)",
			c.where(), model.InertLine(c.user), model.InertLine(c.url.Path))
	case ex != nil && ex.status == http.StatusNotFound:
		return model.Errf("sync_no_calendar", "there is no calendar at %s (404); check caldav.url", model.InertLine(c.url.String()))
	case ex != nil && ex.status/100 != 2 && ex.status != 0:
		return model.Errf("sync_http", "the CalDAV server %s answered %d %s to %s", c.where(), ex.status, http.StatusText(ex.status), op)
	case errors.Is(err, context.Canceled):
		return err
	}
	return model.Errf("sync_garbage", "the CalDAV server %s answered %s with something that is not CalDAV; check caldav.url", c.where(), op)
}

// netReason says briefly why the server could not be reached, in words
// the catalog translates.
func netReason(err error) *model.Problem {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var tlsErr *tls.RecordHeaderError
	var certErr *tls.CertificateVerificationError
	var ne net.Error
	switch {
	case errors.As(err, &dnsErr):
		return model.Errf("net_unknown_host", "unknown host")
	case errors.As(err, &tlsErr), errors.As(err, &certErr):
		return model.Errf("net_tls", "TLS failed (is it http or https?)")
	case errors.As(err, &ne) && ne.Timeout():
		return model.Errf("net_timeout", "timed out")
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return model.Errf("net_refused", "connection refused")
	case errors.Is(err, context.Canceled):
		return model.Errf("net_cancelled", "cancelled")
	}
	return model.Errf("net_failed", "connection failed")
}

// listed is one object in the collection listing.
type listed struct {
	etag    string
	modTime time.Time
}

// list reads every object's href and ETag in one PROPFIND (Depth: 1).
func (c *conn) list(ctx context.Context) (map[string]listed, error) {
	ex := &exchange{}
	infos, err := c.dav.ReadDir(withExchange(ctx, ex), c.url.Path, false)
	if err != nil {
		return nil, c.problem("PROPFIND", ex, err)
	}
	out := make(map[string]listed, len(infos))
	for _, fi := range infos {
		if fi.IsDir {
			continue
		}
		out[fi.Path] = listed{etag: fi.ETag, modTime: fi.ModTime}
	}
	return out, nil
}

// listing is what the server says is in the collection: everything
// (full), or what changed since a sync token (updated and deleted).
type listing struct {
	objs    map[string]listed
	deleted []string
	full    bool
	token   string // for the next sync; "" when the server has no sync-collection
}

// listSince reads the collection in one request: with a token, only what
// changed since (a sync-collection REPORT, RFC 6578), so a sync with
// nothing to do costs the server almost nothing; without one, or when the
// server no longer knows the token, everything and a new token; from a
// server without sync-collection, everything by PROPFIND.
func (c *conn) listSince(ctx context.Context, token string) (listing, error) {
	if token != "" {
		l, ex, err := c.syncCollection(ctx, token)
		if err == nil {
			return l, nil
		}
		switch ex.status {
		case http.StatusBadRequest, http.StatusForbidden, http.StatusConflict, http.StatusGone, http.StatusPreconditionFailed:
			// The token expired or the server forgot it: start over.
		default:
			return listing{}, c.problem("REPORT", ex, err)
		}
	}
	l, ex, err := c.syncCollection(ctx, "")
	if err == nil {
		l.full = true
		return l, nil
	}
	if ex.netErr != nil || ex.status == http.StatusUnauthorized || ex.status == http.StatusNotFound {
		return listing{}, c.problem("REPORT", ex, err)
	}
	objs, err := c.list(ctx) // no sync-collection here
	return listing{objs: objs, full: true}, err
}

func (c *conn) syncCollection(ctx context.Context, token string) (listing, *exchange, error) {
	ex := &exchange{}
	res, err := c.sync.SyncCollection(withExchange(ctx, ex), c.url.Path, &carddav.SyncQuery{SyncToken: token})
	if err != nil {
		return listing{}, ex, err
	}
	if res.SyncToken == "" {
		return listing{}, ex, errors.New("no sync token")
	}
	l := listing{objs: make(map[string]listed, len(res.Updated)), token: res.SyncToken}
	for _, o := range res.Updated {
		if !strings.HasSuffix(o.Path, "/") {
			l.objs[o.Path] = listed{etag: o.ETag, modTime: o.ModTime}
		}
	}
	l.deleted = res.Deleted
	return l, ex, nil
}

// check makes sure the URL names a calendar that takes both events and
// to-dos, by listing the calendars of its parent (one PROPFIND). A server
// that does not let us list the parent is not checked here: the uploads
// will say what is wrong.
func (c *conn) check(ctx context.Context) error {
	self := c.url.Path
	parent := path.Dir(strings.TrimSuffix(self, "/"))
	if !strings.HasSuffix(parent, "/") {
		parent += "/"
	}
	ex := &exchange{}
	cals, err := c.dav.FindCalendars(withExchange(ctx, ex), parent)
	if err != nil {
		switch {
		case ex.netErr != nil, ex.status == http.StatusUnauthorized:
			return c.problem("PROPFIND", ex, err)
		}
		return nil
	}
	for _, cal := range cals {
		if strings.TrimSuffix(cal.Path, "/") != strings.TrimSuffix(self, "/") {
			continue
		}
		if len(cal.SupportedComponentSet) == 0 {
			return nil // all components
		}
		var ev, todo bool
		for _, comp := range cal.SupportedComponentSet {
			ev = ev || strings.EqualFold(comp, ical.CompEvent)
			todo = todo || strings.EqualFold(comp, ical.CompToDo)
		}
		if !ev || !todo {
			return model.Errf("sync_no_todo",
				"the calendar at %s does not take both events and tasks (to-dos); pick one that does (Radicale, Nextcloud and Fastmail calendars do)",
				model.InertLine(c.url.String()))
		}
		return nil
	}
	// Not a calendar: maybe the account or a calendar home; name what is there.
	var names []string
	ex = &exchange{}
	found, err := c.dav.FindCalendars(withExchange(ctx, ex), self)
	if ex.status == http.StatusNotFound {
		return c.problem("PROPFIND", ex, err)
	}
	if err == nil {
		for _, cal := range found {
			u := *c.url
			u.Path = cal.Path
			names = append(names, model.InertLine(u.String()))
			if len(names) == 5 {
				break
			}
		}
	}
	if len(names) > 0 {
		return model.Errf("sync_not_calendar_in", "%s is not a calendar; set caldav.url to one of: %s",
			model.InertLine(c.url.String()), strings.Join(names, ", "))
	}
	return model.Errf("sync_not_calendar", "%s is not a calendar; check caldav.url", model.InertLine(c.url.String()))
}

// multigetBatch bounds one calendar-multiget REPORT.
const multigetBatch = 200

// fetch reads the objects at hrefs with calendar-multiget REPORTs, at most
// multigetBatch per request.
func (c *conn) fetch(ctx context.Context, hrefs []string) ([]caldav.CalendarObject, error) {
	var out []caldav.CalendarObject
	for len(hrefs) > 0 {
		n := min(len(hrefs), multigetBatch)
		ex := &exchange{}
		objs, err := c.dav.MultiGetCalendar(withExchange(ctx, ex), c.url.Path, &caldav.CalendarMultiGet{
			Paths:       hrefs[:n],
			CompRequest: caldav.CalendarCompRequest{Name: ical.CompCalendar, AllProps: true, AllComps: true},
		})
		if err != nil {
			return nil, c.problem("REPORT", ex, err)
		}
		out = append(out, objs...)
		hrefs = hrefs[n:]
	}
	return out, nil
}

// errPrecondition: the object changed (or appeared) on the server since it
// was listed; the next sync deals with it.
var errPrecondition = errors.New("changed on the server during the sync")

// put uploads one object: over the version with etag, or (etag "") only
// where nothing is. It returns the new ETag ("" when the server gave none).
func (c *conn) put(ctx context.Context, href, etag string, cal *ical.Calendar) (string, error) {
	ex := &exchange{ifMatch: etag, ifNoneMatch: etag == ""}
	_, err := c.dav.PutCalendarObject(withExchange(ctx, ex), href, cal)
	switch {
	case ex.status == http.StatusPreconditionFailed:
		return "", errPrecondition
	case ex.status/100 == 2:
		// Done, even if the library could not read the answer's headers.
		return unquoteETag(ex.header.Get("ETag")), nil
	case ex.status == http.StatusNotFound && etag != "":
		return "", errPrecondition // deleted meanwhile
	case err == nil:
		return "", c.problem("PUT", ex, errors.New("no answer"))
	}
	return "", c.problem("PUT", ex, err)
}

// remove deletes one object if it is still the version with etag.
func (c *conn) remove(ctx context.Context, href, etag string) error {
	ex := &exchange{ifMatch: etag}
	err := c.dav.RemoveAll(withExchange(ctx, ex), href)
	switch {
	case ex.status == http.StatusNotFound, ex.status/100 == 2:
		return nil
	case ex.status == http.StatusPreconditionFailed:
		return errPrecondition
	case err == nil:
		return c.problem("DELETE", ex, errors.New("no answer"))
	}
	return c.problem("DELETE", ex, err)
}

// requests returns how many requests were made, in all and by method.
func (c *conn) requests() (int, map[string]int) {
	c.tr.mu.Lock()
	defer c.tr.mu.Unlock()
	by := make(map[string]int, len(c.tr.counts))
	for k, v := range c.tr.counts {
		by[k] = v
	}
	return int(c.tr.total.Load()), by
}

// ensure the webdav types used stay the ones go-webdav gives.
var _ webdav.HTTPClient = (*transport)(nil)
