package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"salesplan/davsync"
	"salesplan/model"
	"salesplan/storage"
)

// syncCmd is `salesplan sync [--dry-run]` (DESIGN.md §3, §6).
func (a *app) syncCmd() *cobra.Command {
	var dry bool
	c := &cobra.Command{
		Use:   "sync [--dry-run]",
		Short: a.t("cli.short.sync"),
		Long:  a.t("cli.long.sync"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		pw, found, err := davsync.Password(st.Path(), a.env)
		if err != nil {
			return err
		}
		rep, err := davsync.Run(context.Background(), davsync.Options{
			Store: st, DBPath: st.Path(), Password: pw, PasswordSet: found,
			Today: a.today, NoteAt: a.at(a.today), DryRun: dry,
			Labels: davsync.Labels{Promise: a.format("sync.label.promise", 2), Bid: a.format("sync.label.bid", 1),
				Papers: a.format("sync.label.papers", 2), Done: a.t("sync.label.done")},
			Notes: storage.SyncNotes{PhoneWon: a.format("sync.note.phone_won", 3), HereWon: a.format("sync.note.here_won", 3),
				MovedDone: a.format("sync.note.moved_done", 2), MovedDeleted: a.format("sync.note.moved_deleted", 2),
				KeptCancel: a.format("sync.note.kept_cancel", 2), CancelKept: a.format("sync.note.cancel_kept", 2)},
		})
		if len(rep.Back) > 0 && !dry {
			a.wrote = true
		}
		a.printBack(rep)
		if err != nil {
			if model.ProblemOf(err) == nil && a.sentinel(err) == "" {
				// A raw error (the network's, Go's) is English: a line of
				// the catalog in front says what failed.
				return failWith(err, "cli.err.sync")
			}
			return err
		}
		if rep.DryRun {
			a.say("cli.sync.dry", clean(rep.URL), rep.Created+rep.Updated, rep.Created, rep.Removed, len(rep.Back),
				a.n("cli.sync.conflicts", rep.Conflicts(), rep.Conflicts()), a.n("cli.sync.requests", rep.Requests, rep.Requests))
			return nil
		}
		if rep.Skipped > 0 {
			a.sayN("cli.sync.skipped", rep.Skipped, rep.Skipped)
		}
		a.say("cli.sync.done", clean(rep.URL), rep.Created+rep.Updated, rep.Created, rep.Removed, len(rep.Back),
			a.n("cli.sync.conflicts", rep.Conflicts(), rep.Conflicts()), a.n("cli.sync.requests", rep.Requests, rep.Requests),
			rep.Elapsed.Round(10*time.Millisecond))
		return nil
	})
	c.Flags().BoolVar(&dry, "dry-run", false, a.t("cli.flag.dry_run_sync"))
	return c
}

// printBack prints what a sync took back from the phone (also when it
// failed later: what was taken back is saved).
func (a *app) printBack(rep davsync.Report) {
	for _, o := range rep.Back {
		what := clean(o.What)
		switch o.Action {
		case storage.SyncMoved:
			a.say("cli.sync.moved", what, startCell(o.Date, o.Time))
		case storage.SyncKept:
			a.say("cli.sync.kept", what, o.Date)
		case storage.SyncPhoneWon:
			a.say("cli.sync.phone_won", what, startCell(o.Date, o.Time))
		case storage.SyncHereWon:
			a.say("cli.sync.here_won", what, startCell(o.Date, o.Time))
		case storage.SyncIgnoredDone:
			a.say("cli.sync.ignored_done", what)
		case storage.SyncIgnoredGone:
			a.say("cli.sync.ignored_gone", uint64(o.Key.ID))
		case storage.SyncIgnoredRange:
			a.say("cli.sync.ignored_range", what)
		}
		if o.Conflict {
			if o.Noted {
				a.say("cli.sync.noted", clean(o.Client))
			} else {
				a.say("cli.sync.not_noted")
			}
		}
	}
}

// format returns a catalog message as a format of n string arguments,
// for code that formats it later: each verb comes back indexed (%[2]s), so
// a translation that reorders its arguments keeps its order.
func (a *app) format(key string, n int) string {
	args := make([]any, n)
	for i := range args {
		args[i] = fmt.Sprintf("%%[%d]s", i+1)
	}
	return a.t(key, args...)
}

// startCell writes a start: the date, and the time when it has one.
func startCell(d model.Date, c model.Clock) string {
	if c.Valid() {
		return d.String() + " " + c.String()
	}
	return d.String()
}

// ---- caldav.* settings (kept with the sync state, not in the exchange
// format's settings: they describe this machine's account, not the plan)

var syncConfigKeys = []string{"caldav.url", "caldav.user"}

// allConfigKeys names every key `config` takes, for its error message.
func allConfigKeys() []string { return append(append([]string{}, configKeys...), syncConfigKeys...) }

func isSyncKey(key string) bool { return strings.HasPrefix(key, "caldav.") }

// syncConfigGet returns a caldav.* setting.
func (a *app) syncConfigGet(st *storage.Store, key string) (string, error) {
	c, err := st.SyncConfig()
	if err != nil {
		return "", failWith(err, "cli.err.read_settings")
	}
	switch key {
	case "caldav.url":
		return clean(c.URL), nil
	case "caldav.user":
		return clean(c.User), nil
	}
	return "", fail("cli.err.config_key", key, strings.Join(allConfigKeys(), ", "))
}

// syncConfigSet checks and saves a caldav.* setting; "" clears it.
func (a *app) syncConfigSet(st *storage.Store, key, val string) (string, error) {
	var apply func(*storage.SyncConfig)
	switch key {
	case "caldav.url":
		shown := ""
		if val != "" {
			u, err := davsync.ParseURL(val)
			if err != nil {
				return "", err
			}
			shown = u.String()
		}
		apply = func(c *storage.SyncConfig) { c.URL = shown }
	case "caldav.user":
		if model.InertLine(val) != val {
			// An escape or control character: refused here, quoting what
			// was typed with its escapes visible (the check below would
			// show it cleaned, often as "").
			return "", fail("cli.err.config_user", val)
		}
		if err := davsync.CheckUser(val); err != nil {
			return "", err
		}
		apply = func(c *storage.SyncConfig) { c.User = val }
	default:
		return "", fail("cli.err.config_key", key, strings.Join(allConfigKeys(), ", "))
	}
	if err := st.SetSyncConfig(func(c *storage.SyncConfig) error { apply(c); return nil }); err != nil {
		return "", failWith(err, "cli.err.save_settings")
	}
	a.wrote = true
	return a.syncConfigGet(st, key)
}

// syncConfigRows adds the caldav.* settings to `config get`'s table.
func (a *app) syncConfigRows(st *storage.Store, tb *table) {
	for _, k := range syncConfigKeys {
		v, err := a.syncConfigGet(st, k)
		if err == nil {
			tb.add(k, v)
		}
	}
}
