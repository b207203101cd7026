package ui

import (
	"context"
	"net/url"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/davsync"
	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
)

// The CalDAV sync from the planner (DESIGN.md §6 v2): S syncs now, the
// same davsync.Run `salesplan sync` runs, in a command — typing, tabs and
// every key go on meanwhile; the top line says "Syncing…" — and the
// result is one line in the footer. The top line shows the last sync's
// time and result once sync is set up (caldav.url, in the settings); the
// store keeps the result of a sync that got as far as the server, the
// planner its own failed tries too (a server that is down writes
// nothing). A sync run from cron changes no revision, so the top line
// reads the sync state again every 15 seconds (syncPolls).

// syncPolls is how many revision polls (a second each) go by between two
// readings of the last sync's result.
const syncPolls = 15

// syncState is what the shell knows of the sync.
type syncState struct {
	configured bool               // caldav.url is set
	last       storage.SyncResult // the last result stored
	host       string             // the calendar's host, for the status line
	// tried is when the planner's own last sync ended, and whether it
	// failed (before the server was reached nothing is stored).
	tried    time.Time
	failed   bool
	running  bool
	cancel   context.CancelFunc
	loads    common.Loads
	loadedOK bool // the state above was read
}

// Messages of the sync.
type (
	syncInfoMsg struct {
		seq  uint64
		cfg  storage.SyncConfig
		last storage.SyncResult
		err  error
	}
	syncDoneMsg struct {
		rep davsync.Report
		err error
		at  time.Time
	}
	syncPollMsg struct{}
)

// loadSync reads whether sync is set up and its last result.
func (m *Model) loadSync() tea.Cmd {
	seq, st := m.sync.loads.Next(), m.env.Store
	return func() tea.Msg {
		if st == nil {
			return syncInfoMsg{seq: seq, err: common.ErrNoStore}
		}
		cfg, err := st.SyncConfig()
		if err != nil {
			return syncInfoMsg{seq: seq, err: err}
		}
		meta, err := st.SyncMeta()
		return syncInfoMsg{seq: seq, cfg: cfg, last: meta.Last, err: err}
	}
}

func (m *Model) gotSync(msg syncInfoMsg) tea.Cmd {
	if !m.sync.loads.Answer(msg.seq) {
		return nil
	}
	if msg.err != nil {
		// The top line leaves sync out rather than showing a guess; a
		// sync tried with S says what is wrong.
		m.sync.configured, m.sync.loadedOK = false, false
		return nil
	}
	m.sync.configured, m.sync.last, m.sync.loadedOK = msg.cfg.URL != "", msg.last, true
	m.sync.host = hostOf(msg.cfg.URL)
	return nil
}

// syncTick reads the sync state again in a while (a sync run by cron).
func (m *Model) syncTick() tea.Cmd {
	return tea.Tick(syncPolls*m.poll, func(time.Time) tea.Msg { return syncPollMsg{} })
}

// syncNow starts a sync (S): one at a time; not set up, it says where to
// set it up.
func (m *Model) syncNow() tea.Cmd {
	switch {
	case m.sync.running:
		m.status = common.StatusMsg{Text: m.env.T("sync.status.already")}
		return nil
	case m.env.Store == nil:
		m.status = common.StatusMsg{Text: m.env.T("status.error", m.env.Lang.Err(common.ErrNoStore)), IsErr: true}
		return nil
	case m.sync.loadedOK && !m.sync.configured:
		m.status = common.StatusMsg{Text: m.env.T("sync.status.not_set")}
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.sync.running, m.sync.cancel = true, cancel
	m.status = common.StatusMsg{Text: m.env.T("sync.status.running", m.sync.host)}
	l, st, getenv := m.env.Lang, m.env.Store, m.env.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	o := davsync.Options{
		Store: st, DBPath: st.Path(), Today: m.env.Today(), NoteAt: m.env.Now(),
		Labels: davsync.Labels{Promise: l.Format("sync.label.promise", 2), Bid: l.Format("sync.label.bid", 1),
			Papers: l.Format("sync.label.papers", 2), Done: l.T("sync.label.done")},
		Notes: storage.SyncNotes{PhoneWon: l.Format("sync.note.phone_won", 3), HereWon: l.Format("sync.note.here_won", 3),
			MovedDone: l.Format("sync.note.moved_done", 2), MovedDeleted: l.Format("sync.note.moved_deleted", 2),
			KeptCancel: l.Format("sync.note.kept_cancel", 2), CancelKept: l.Format("sync.note.cancel_kept", 2)},
	}
	return func() tea.Msg {
		pw, found, err := davsync.Password(o.DBPath, getenv)
		if err != nil {
			return syncDoneMsg{err: err, at: time.Now()}
		}
		o.Password, o.PasswordSet = pw, found
		rep, err := davsync.Run(ctx, o)
		return syncDoneMsg{rep: rep, err: err, at: time.Now()}
	}
}

// syncDone says how the sync went, in one line, and has everything
// reload (what came back from the phone, the top line's result).
func (m *Model) syncDone(msg syncDoneMsg) tea.Cmd {
	if m.sync.cancel != nil {
		m.sync.cancel()
	}
	m.sync.running, m.sync.cancel = false, nil
	m.sync.tried, m.sync.failed = msg.at, msg.err != nil
	l, rep := m.env.Lang, msg.rep
	switch {
	case msg.err != nil:
		m.status = common.StatusMsg{Text: l.T("sync.status.failed", model.InertLine(l.Err(msg.err))), IsErr: true}
	case rep.Conflicts() > 0:
		m.status = common.StatusMsg{Text: l.T("sync.status.done_conflicts", rep.Created+rep.Updated, rep.Removed, len(rep.Back), rep.Conflicts())}
	default:
		m.status = common.StatusMsg{Text: l.T("sync.status.done", rep.Created+rep.Updated, rep.Removed, len(rep.Back))}
	}
	return func() tea.Msg { return common.DataChangedMsg{} }
}

// stopSync cancels a sync on its way (the planner quits): what it did so
// far is in its state, and the next sync completes it.
func (m *Model) stopSync() {
	if m.sync.cancel != nil {
		m.sync.cancel()
	}
}

// syncSegment is the top line's word on the sync, "" when sync is not set
// up: "Syncing…", "Synced 14:02" (a day before: "Synced 26 Nov"), "Sync
// failed 14:02" in red, "Not synced" before the first; short, where the
// line is full, "✓ 14:02" and "✗ 14:02".
func (m *Model) syncSegment(short bool) string {
	s := m.env.Styles
	if m.sync.running {
		return s.Warning.Render(m.env.T("sync.top.running"))
	}
	if !m.sync.configured {
		return ""
	}
	at, ok := m.sync.last.At, m.sync.last.OK
	if m.sync.tried.After(at) {
		at, ok = m.sync.tried, !m.sync.failed
	}
	if at.IsZero() {
		return s.Muted.Render(m.env.T("sync.top.never"))
	}
	when := m.syncWhen(at)
	key := map[[2]bool]string{{true, false}: "sync.top.ok", {false, false}: "sync.top.failed",
		{true, true}: "sync.top.ok_short", {false, true}: "sync.top.failed_short"}[[2]bool{ok, short}]
	if !ok {
		return s.Overdue.Render(m.env.T(key, when))
	}
	return s.Muted.Render(m.env.T(key, when))
}

// syncWhen is a sync's time on its day, or its day when that was before.
func (m *Model) syncWhen(at time.Time) string {
	now := time.Now()
	if m.env.Clock != nil {
		now = m.env.Clock()
	}
	at = at.In(now.Location())
	if model.DateOf(at) == model.DateOf(now) {
		return model.ClockOf(at).String()
	}
	return m.env.Lang.DayMonth(model.DateOf(at))
}

// hostOf is a URL's host, for the status line ("" when it has none).
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return model.InertLine(u.Host)
}
