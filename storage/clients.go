package storage

import (
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// validateClient normalises and checks a client (shared with import).
func validateClient(c *model.Client) error {
	c.Name = strings.TrimSpace(c.Name)
	// A name that is only control or escape sequences shows as nothing
	// once made inert (every output does): as good as empty.
	if strings.TrimSpace(model.InertLine(c.Name)) == "" {
		return model.Errf("empty_name", "a client needs a name")
	}
	if c.Tier == "" {
		c.Tier = model.TierRegular
	}
	if c.Tier != model.TierKey && c.Tier != model.TierRegular {
		return model.Errf("bad_tier", "tier %q is not key or regular", string(c.Tier))
	}
	if c.CadenceDays < 0 || c.CadenceDays > 3650 {
		return model.Errf("bad_cadence", "cadence %d days is out of range (0–3650)", c.CadenceDays)
	}
	return nil
}

// AddClient validates and stores a new client (name unique). CreatedOn
// defaults to today; Tier defaults to regular.
func (s *Store) AddClient(c model.Client, today model.Date) (model.Client, error) {
	c.ID = 0
	if !c.CreatedOn.Valid() {
		c.CreatedOn = today
	}
	if err := validateClient(&c); err != nil {
		return c, err
	}
	err := s.act(ActAddClient, func(r *recorder) error { return r.putClient(&c) })
	return c, err
}

// UpdateClient replaces a client's fields (name stays unique). Setting
// Archived is the "archive client" action for undo.
func (s *Store) UpdateClient(c model.Client) error {
	if err := validateClient(&c); err != nil {
		return err
	}
	return s.act(ActEditClient, func(r *recorder) error {
		old, err := getClient(r.tx, c.ID)
		if err != nil {
			return err
		}
		if c.Archived && !old.Archived {
			r.action = ActArchiveClient
		}
		return r.putClient(&c)
	})
}

// Client returns one client.
func (s *Store) Client(id model.ID) (c model.Client, err error) {
	err = s.view(func(tx *bolt.Tx) error { c, err = getClient(tx, id); return err })
	return c, err
}

// FindClient matches an exact name first, then a unique case-insensitive
// prefix; none → ErrNotFound (wrapped, naming the query, code
// "unknown_client"), several → *AmbiguousError (code "ambiguous_client").
func (s *Store) FindClient(query string) (c model.Client, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		id, err := findName(tx, ixClientName, "client", query, func(id model.ID) (string, error) {
			c, err := getClient(tx, id)
			return c.Name, err
		})
		if err != nil {
			return err
		}
		c, err = getClient(tx, id)
		return err
	})
	return c, err
}

// findName looks a name up in a unique-name index: exact (any case) first,
// then a unique prefix.
func findName(tx *bolt.Tx, index []byte, kind, query string, name func(model.ID) (string, error)) (model.ID, error) {
	q := nameKey(query)
	if len(q) == 0 {
		return 0, newStoreError(ErrNotFound, nil, "unknown_"+kind, "no "+kind+" matches %q", query)
	}
	b := ix(tx, index)
	if v := b.Get(q); v != nil {
		return keyID(v), nil
	}
	var ids []model.ID
	_ = seekPrefix(b, q, func(_, v []byte) error {
		ids = append(ids, keyID(v))
		return nil
	})
	switch len(ids) {
	case 0:
		return 0, newStoreError(ErrNotFound, nil, "unknown_"+kind, "no "+kind+" matches %q", query)
	case 1:
		return ids[0], nil
	}
	amb := &AmbiguousError{Kind: kind, Query: query}
	for i, id := range ids {
		if i == 10 {
			amb.Candidates = append(amb.Candidates, "…")
			break
		}
		n, err := name(id)
		if err != nil {
			return 0, err
		}
		amb.Candidates = append(amb.Candidates, n)
	}
	return 0, amb
}

// scheduled reports whether a client has an undone call, visit or meeting
// task dated today or later.
func scheduled(tx *bolt.Tx, client model.ID, today model.Date) bool {
	found := false
	_ = seekRange(ix(tx, ixTaskClient), cat(idKey(client), dateBytes(today)), idKey(client+1), func(_, v []byte) error {
		if len(v) > 0 && v[0] != 't' {
			found = true
			return errStop
		}
		return nil
	})
	return found
}

// clientRow builds a list row for a client.
func clientRow(tx *bolt.Tx, c model.Client, today model.Date, st model.Settings) ClientRow {
	row := ClientRow{Client: c, LastContact: lastContact(tx, ixContactClient, c.ID)}
	row.FollowUp = clientFollowUp(model.ClientState{Client: c, LastContact: row.LastContact,
		Scheduled: scheduled(tx, c.ID, today)}, st, today)
	_ = seekPrefix(ix(tx, ixPromiseClient), idKey(c.ID), func(_, v []byte) error {
		if len(v) == 1 && v[0] == 'o' {
			row.OpenPromises++
		}
		return nil
	})
	return row
}

// Clients lists non-archived clients (archived too when all) with follow-up
// state for today, by name.
func (s *Store) Clients(today model.Date, all bool) ([]ClientRow, error) {
	rows := []ClientRow{} // empty, not nil: lists marshal as []
	err := s.view(func(tx *bolt.Tx) error {
		st, err := readSettings(tx)
		if err != nil {
			return err
		}
		return ix(tx, ixClientName).ForEach(func(_, v []byte) error {
			c, err := getClient(tx, keyID(v))
			if err != nil {
				return err
			}
			if c.Archived && !all {
				return nil
			}
			rows = append(rows, clientRow(tx, c, today, st))
			return nil
		})
	})
	return rows, err
}

// ClientDetail returns the client detail view; journalLimit 0 = all.
func (s *Store) ClientDetail(id model.ID, today model.Date, journalLimit int) (ClientDetail, error) {
	var d ClientDetail
	err := s.view(func(tx *bolt.Tx) error {
		c, err := getClient(tx, id)
		if err != nil {
			return err
		}
		st, err := readSettings(tx)
		if err != nil {
			return err
		}
		d.Row = clientRow(tx, c, today, st)
		if d.Journal, err = entriesNewestFirst(tx, ixJournalClient, id, journalLimit); err != nil {
			return err
		}
		var open, rest []model.Promise
		err = seekPrefix(ix(tx, ixPromiseClient), idKey(id), func(k, _ []byte) error {
			p, err := getPromise(tx, keyID(k[8:]))
			if err != nil {
				return err
			}
			if p.Status == model.PromiseOpen {
				open = append(open, p)
			} else {
				rest = append(rest, p)
			}
			return nil
		})
		if err != nil {
			return err
		}
		sort.SliceStable(open, func(i, j int) bool { return open[i].Due < open[j].Due })
		sort.SliceStable(rest, func(i, j int) bool {
			if rest[i].MadeOn != rest[j].MadeOn {
				return rest[i].MadeOn > rest[j].MadeOn
			}
			return rest[i].ID > rest[j].ID
		})
		d.Promises = append(open, rest...)
		err = seekPrefix(ix(tx, ixProjectClient), idKey(id), func(k, _ []byte) error {
			p, err := getProject(tx, keyID(k[8:]))
			if err == nil {
				d.Projects = append(d.Projects, p)
			}
			return err
		})
		if err != nil {
			return err
		}
		var undated []model.Task
		err = seekPrefix(ix(tx, ixTaskClient), idKey(id), func(k, _ []byte) error {
			date := readDate(k[8:12])
			if date.Valid() && date < today {
				return nil
			}
			t, err := getTask(tx, keyID(k[12:]))
			if err != nil {
				return err
			}
			if date.Valid() {
				d.Tasks = append(d.Tasks, t)
			} else {
				undated = append(undated, t)
			}
			return nil
		})
		d.Tasks = append(d.Tasks, undated...)
		return err
	})
	return d, err
}

// entriesNewestFirst reads journal entries under an id prefix of
// journal_client or journal_project, newest first; limit 0 = all.
func entriesNewestFirst(tx *bolt.Tx, index []byte, id model.ID, limit int) ([]model.JournalEntry, error) {
	out := []model.JournalEntry{}
	c := ix(tx, index).Cursor()
	prefix := idKey(id)
	for k := lastUnder(c, id); hasPrefix(k, prefix); k, _ = c.Prev() {
		if limit > 0 && len(out) >= limit {
			break
		}
		e, err := getEntry(tx, keyID(k[16:]))
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}
