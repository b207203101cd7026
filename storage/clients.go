package storage

// Clients: validation, the record, its index entries (client_name,
// client_label, client_card, client_due/client_due_rev), the client
// operations and the client views.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// validateClient normalises and checks a client (model.Client.Validate:
// the rules live in model, the same for every path).
func validateClient(c *model.Client) error { return c.Validate() }

func getClient(tx *bolt.Tx, id model.ID) (c model.Client, err error) {
	err = getRecord(tx, bClients, "client", id, &c)
	return c, err
}

// putClient stores c (assigning an id when c.ID is 0) and maintains the name
// and follow-up indexes. A name already used by another client (any case) is
// a "duplicate_client" Problem.
func putClient(tx *bolt.Tx, c *model.Client) error { return putClientWith(tx, c, nil) }

// putClientWith is putClient with the settings already read (st nil: read
// them), for an import that puts thousands.
func putClientWith(tx *bolt.Tx, c *model.Client, st *model.Settings) error {
	names := ix(tx, ixClientName)
	var old *model.Client
	if raw := getRaw(tx, bClients, c.ID); raw != nil {
		old = new(model.Client)
		if err := decodeRecordOf("client", c.ID, raw, old); err != nil {
			return err
		}
	}
	// A client that keeps its name keeps its entry (even an old look-alike's).
	renamed := old == nil || !bytes.Equal(nameKey(old.Name), nameKey(c.Name))
	if holder := nameHolder(names, c.Name, c.ID); renamed && holder != 0 {
		taken := c.Name
		if other, err := getClient(tx, holder); err == nil {
			taken = other.Name // as stored, not as typed
		}
		return model.Errf("duplicate_client", "there is already a client named %q", taken).In("name")
	}
	if _, err := putRaw(rb(tx, bClients), &c.ID, c); err != nil {
		return fmt.Errorf("store client %d: %w", c.ID, err)
	}
	var oldSearch *searchDoc
	if old != nil {
		oldSearch = clientSearch(old)
	}
	if renamed {
		if old != nil {
			if err := deleteName(names, old.Name, c.ID); err != nil {
				return err
			}
		}
		if err := putName(names, c.Name, c.ID); err != nil {
			return err
		}
	}
	if err := searchReplace(tx, oldSearch, clientSearch(c)); err != nil {
		return err
	}
	if err := ix(tx, ixClientLabel).Put(idKey(c.ID), []byte(c.Name)); err != nil {
		return err
	}
	if err := ix(tx, ixClientCard).Put(idKey(c.ID), cardValue(*c)); err != nil {
		return err
	}
	if err := relabelLiveProjects(tx, c.ID); err != nil {
		return err
	}
	if st == nil {
		read, err := readSettings(tx)
		if err != nil {
			return err
		}
		st = &read
	}
	return refreshClientDue(tx, c.ID, st)
}

// deleteClient removes a client and its index entries (not its journal,
// tasks, promises or projects: callers archive clients; undo and import use this).
func deleteClient(tx *bolt.Tx, id model.ID) error {
	c, err := getClient(tx, id)
	if err != nil {
		return err
	}
	if err := deleteName(ix(tx, ixClientName), c.Name, id); err != nil {
		return err
	}
	if err := ix(tx, ixClientLabel).Delete(idKey(id)); err != nil {
		return err
	}
	if err := ix(tx, ixClientCard).Delete(idKey(id)); err != nil {
		return err
	}
	if err := searchReplace(tx, clientSearch(&c), nil); err != nil {
		return err
	}
	if err := relabelLiveProjects(tx, id); err != nil {
		return err
	}
	if err := rb(tx, bClients).Delete(idKey(id)); err != nil {
		return err
	}
	return refreshClientDue(tx, id, nil)
}

// reindexClients rebuilds the clients' name, label and card entries (for
// reindex; their follow-up entries come last, after the journal's). Old
// look-alike names are entered apart (putName), never refused: a database
// must open to be repaired.
func reindexClients(tx *bolt.Tx) error {
	names := ix(tx, ixClientName)
	return rb(tx, bClients).ForEach(func(k, v []byte) error {
		var c model.Client
		if err := decodeRecordOf("client", keyID(k), v, &c); err != nil {
			return err
		}
		if err := putName(names, c.Name, c.ID); err != nil {
			return err
		}
		if err := ix(tx, ixClientLabel).Put(idKey(c.ID), []byte(c.Name)); err != nil {
			return err
		}
		if err := ix(tx, ixClientCard).Put(idKey(c.ID), cardValue(c)); err != nil {
			return err
		}
		return nil
	})
}

// clientSearch is what search finds a client by: the profile. Its date is
// the day the client was added.
func clientSearch(c *model.Client) *searchDoc {
	d := &searchDoc{kind: skClient, id: c.ID, date: c.CreatedOn, fields: []searchField{
		{"name", c.Name}, {"company", c.Company}, {"area", c.Area}, {"phone", c.Phone}}}
	if digits := digitsOnly(c.Phone); digits != "" {
		d.fields = append(d.fields, searchField{fieldPhoneDigits, digits})
	}
	d.fields = append(d.fields, searchField{"business", c.Business}, searchField{"needs", c.Needs},
		searchField{"decision_maker", c.DecisionMaker}, searchField{"interests", c.Interests},
		searchField{"referred_by", c.ReferredBy})
	return d
}

// Client card index value: [tier 'k'|'r'][area]. A day's task rows show
// their client's star and group visits by area from it, without decoding
// the client records (archived clients included: old tasks refer to them).
func cardValue(c model.Client) []byte {
	tier := byte('r')
	if c.Tier == model.TierKey {
		tier = 'k'
	}
	return append([]byte{tier}, c.Area...)
}

// readCard decodes a client_card value; a missing or short one is no card.
func readCard(v []byte) (model.Tier, string) {
	if len(v) == 0 {
		return "", ""
	}
	if v[0] == 'k' {
		return model.TierKey, string(v[1:])
	}
	return model.TierRegular, string(v[1:])
}

// Client follow-up index value: [tier 'k'|'r'][cadence uint16][created 4]
// [last contact 4][name]. Today builds ClientStates from it without decoding
// thousands of client records.
func dueValue(c model.Client, last model.Date) []byte {
	tier := byte('r')
	if c.Tier == model.TierKey {
		tier = 'k'
	}
	v := make([]byte, 11, 11+len(c.Name))
	v[0] = tier
	binary.BigEndian.PutUint16(v[1:3], uint16(min(max(c.CadenceDays, 0), 65535)))
	copy(v[3:7], dateBytes(c.CreatedOn))
	copy(v[7:11], dateBytes(last))
	return append(v, c.Name...)
}

// dueState decodes a client_due entry into the ClientState it summarises.
func dueState(k, v []byte) (model.ClientState, bool) {
	if len(k) != 12 || len(v) < 11 {
		return model.ClientState{}, false
	}
	c := model.Client{
		ID:          keyID(k[4:]),
		Name:        string(v[11:]),
		Tier:        model.TierRegular,
		CadenceDays: int(binary.BigEndian.Uint16(v[1:3])),
		CreatedOn:   readDate(v[3:7]),
	}
	if v[0] == 'k' {
		c.Tier = model.TierKey
	}
	return model.ClientState{Client: c, LastContact: readDate(v[7:11])}, true
}

// clientDueDate is the client's follow-up due date for the client_due
// index: model's rule without "today" and "scheduled". A client with neither
// a contact nor a created date is due from the first day (model: due today).
func clientDueDate(c model.Client, last model.Date, st model.Settings) model.Date {
	base := last
	if !base.Valid() {
		base = c.CreatedOn
	}
	if !base.Valid() {
		return 1
	}
	return base.AddDays(st.ClientCadence(c))
}

// refreshClientDue recomputes one client's follow-up index entry (after a
// change to the client, its contacts or the settings). st nil = read them.
func refreshClientDue(tx *bolt.Tx, id model.ID, st *model.Settings) error {
	rev, due := ix(tx, ixClientDueRev), ix(tx, ixClientDue)
	if old := rev.Get(idKey(id)); old != nil {
		k := cat(old, idKey(id))
		if v := due.Get(k); v != nil {
			// Copied: a write may remap the file under bbolt's slices.
			if err := summariseDue(tx, k, append([]byte(nil), v...), false); err != nil {
				return err
			}
		}
		if err := due.Delete(k); err != nil {
			return err
		}
		if err := rev.Delete(idKey(id)); err != nil {
			return err
		}
	}
	raw := rb(tx, bClients).Get(idKey(id))
	if raw == nil {
		return nil
	}
	var c model.Client
	if err := decodeRecordOf("client", id, raw, &c); err != nil {
		return err
	}
	if c.Archived {
		return nil
	}
	if st == nil {
		s, err := readSettings(tx)
		if err != nil {
			return err
		}
		st = &s
	}
	last := lastContact(tx, ixContactClient, id)
	d := dateBytes(clientDueDate(c, last, *st))
	k, v := cat(d, idKey(id)), dueValue(c, last)
	if err := due.Put(k, v); err != nil {
		return err
	}
	if err := summariseDue(tx, k, v, true); err != nil {
		return err
	}
	return rev.Put(idKey(id), d)
}

// The follow-up summary, kept with client_due in the same transaction
// (summariseDue, from refreshClientDue only), so that Today reads what it
// shows without walking thousands of client_due entries:
//
//   - client_due_key: the key clients' client_due entries, the same keys
//     and values; Today lists those whose date has come.
//   - client_due_count: how many regular clients fall due on each date
//     ('d'|date → uint32) and in each month ('m'|first day of the month →
//     uint32); no entry for none. The regular clients due by today are a
//     sum over at most the months before today's and today's month's days
//     (dueCountBy), about 150 entries for ten years.

// Prefixes of client_due_count keys.
const (
	dueCountDay   = 'd'
	dueCountMonth = 'm'
)

// summariseDue adds (add) or removes a client_due entry's part of the
// summary: a key client's entry in client_due_key, a regular client's
// counts on its date and month.
func summariseDue(tx *bolt.Tx, k, v []byte, add bool) error {
	if len(k) != 12 || len(v) < 1 {
		return model.Errf("corrupt_index", "a client follow-up index entry is damaged; run salesplan check")
	}
	if v[0] == 'k' {
		b := ix(tx, ixClientDueKey)
		if add {
			return b.Put(k, v)
		}
		return b.Delete(k)
	}
	delta := -1
	if add {
		delta = 1
	}
	due := readDate(k[:4])
	b := ix(tx, ixClientDueCount)
	if err := addCount(b, cat([]byte{dueCountDay}, dateBytes(due)), delta); err != nil {
		return err
	}
	return addCount(b, cat([]byte{dueCountMonth}, dateBytes(due.MonthStart())), delta)
}

// addCount adds delta to a uint32 count; a count that reaches 0 is removed
// (so a rebuilt summary and a maintained one hold the same entries).
func addCount(b *bolt.Bucket, key []byte, delta int) error {
	n := int64(0)
	if v := b.Get(key); len(v) == 4 {
		n = int64(binary.BigEndian.Uint32(v))
	}
	n += int64(delta)
	if n <= 0 {
		return b.Delete(key)
	}
	v := make([]byte, 4)
	binary.BigEndian.PutUint32(v, uint32(min(n, 1<<32-1)))
	return b.Put(key, v)
}

// dueCountBy is how many regular clients have a follow-up date on or
// before day (client_due_count: the months before day's, then day's
// month's days up to day).
func dueCountBy(tx *bolt.Tx, day model.Date) (int, error) {
	b := ix(tx, ixClientDueCount)
	first := day.MonthStart()
	n := 0
	sum := func(_, v []byte) error {
		if len(v) != 4 {
			return model.Errf("corrupt_index", "a client follow-up count is damaged; run salesplan check")
		}
		n += int(binary.BigEndian.Uint32(v))
		return nil
	}
	if err := seekRange(b, []byte{dueCountMonth}, cat([]byte{dueCountMonth}, dateBytes(first)), sum); err != nil {
		return 0, err
	}
	if err := seekRange(b, cat([]byte{dueCountDay}, dateBytes(first)), cat([]byte{dueCountDay}, dateBytes(day+1)), sum); err != nil {
		return 0, err
	}
	return n, nil
}

// rebuildDueSummary builds the follow-up summary from client_due (the
// migration to schema 4: an existing file's client_due is its truth).
func rebuildDueSummary(tx *bolt.Tx) error {
	idx := tx.Bucket(bIndex)
	for _, name := range [][]byte{ixClientDueKey, ixClientDueCount} {
		if idx.Bucket(name) != nil {
			if err := idx.DeleteBucket(name); err != nil {
				return fmt.Errorf("drop index %s: %w", name, err)
			}
		}
		if _, err := idx.CreateBucket(name); err != nil {
			return fmt.Errorf("create index %s: %w", name, err)
		}
	}
	type kv struct{ k, v []byte }
	var entries []kv // written after the walk: a write may remap under its slices
	err := ix(tx, ixClientDue).ForEach(func(k, v []byte) error {
		entries = append(entries, kv{append([]byte(nil), k...), append([]byte(nil), v...)})
		return nil
	})
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := summariseDue(tx, e.k, e.v, true); err != nil {
			return err
		}
	}
	return nil
}

// refreshAllClientDue recomputes every client's follow-up entry (after a
// settings change of the cadences).
func refreshAllClientDue(tx *bolt.Tx) error {
	st, err := readSettings(tx)
	if err != nil {
		return err
	}
	return rb(tx, bClients).ForEach(func(k, _ []byte) error {
		return refreshClientDue(tx, keyID(k), &st)
	})
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

// UpdateClient replaces a client's fields (name stays unique), if the
// client is still the one c was read as (same revision); otherwise a
// *ConflictError (see UpdateTask; editors use EditClient). Setting Archived
// is the "archive client" action for undo.
func (s *Store) UpdateClient(c model.Client) error {
	return s.act(ActEditClient, func(r *recorder) error {
		old, err := getClient(r.tx, c.ID)
		if err != nil {
			return err
		}
		if old.Rev != c.Rev {
			return conflict("client", c.ID, nil, old)
		}
		if !c.CreatedOn.Valid() {
			c.CreatedOn = old.CreatedOn
		}
		if c.Archived && !old.Archived {
			r.action = ActArchiveClient
		}
		return r.putClient(&c)
	})
}

// EditClient applies an edit to the client as stored now (see EditTask):
// the fields edited changes from seen are set, the others keep their
// stored values; a field changed both here and elsewhere is a
// *ConflictError carrying the stored client. It returns the client as
// stored after the edit.
func (s *Store) EditClient(seen, edited model.Client) (model.Client, error) {
	var out model.Client
	edited.ID = seen.ID
	err := s.act(ActEditClient, func(r *recorder) error {
		stored, err := getClient(r.tx, seen.ID)
		if err != nil {
			return err
		}
		merged, conflicts, changed, err := mergeEdit(seen, edited, stored)
		if err != nil {
			return err
		}
		if len(conflicts) > 0 {
			return conflict("client", seen.ID, conflicts, stored)
		}
		out = stored
		if !changed {
			return nil
		}
		merged.ID = seen.ID
		if err := validateClient(&merged); err != nil {
			return err
		}
		if merged.Archived && !stored.Archived {
			r.action = ActArchiveClient
		}
		if err := r.putClient(&merged); err != nil {
			return err
		}
		out = merged
		return nil
	})
	return out, err
}

// Client actions of the planner's Clients pane that change one field
// (SetClientTier, ArchiveClient) read the client afresh inside their own
// transaction, so a change made by the command line since the pane last
// loaded is not overwritten (a whole-record UpdateClient from a stale copy
// would undo it).

// SetClientTier makes a client key or regular; undoable as "edit_client".
func (s *Store) SetClientTier(id model.ID, tier model.Tier) (model.Client, error) {
	var c model.Client
	err := s.act(ActEditClient, func(r *recorder) error {
		var err error
		if c, err = getClient(r.tx, id); err != nil {
			return fmt.Errorf("reading client %d: %w", id, err)
		}
		c.Tier = tier
		if err := validateClient(&c); err != nil {
			return err
		}
		return r.putClient(&c)
	})
	return c, err
}

// ArchiveClient hides a client from lists, keeping its history; undoable as
// "archive_client". Archiving an archived client changes nothing.
func (s *Store) ArchiveClient(id model.ID) (model.Client, error) {
	var c model.Client
	err := s.act(ActArchiveClient, func(r *recorder) error {
		var err error
		if c, err = getClient(r.tx, id); err != nil {
			return fmt.Errorf("reading client %d: %w", id, err)
		}
		if c.Archived {
			return nil
		}
		c.Archived = true
		return r.putClient(&c)
	})
	return c, err
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

// ClientName is what a client picker shows and searches.
type ClientName struct {
	ID      model.ID
	Name    string
	Company string
	Area    string
	Key     bool
}

// ClientNames lists the non-archived clients by name, for pickers: it reads
// the client records only, none of their history.
func (s *Store) ClientNames() ([]ClientName, error) {
	out := []ClientName{}
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		return ix(tx, ixClientName).ForEach(func(_, v []byte) error {
			c, err := getClient(tx, keyID(v))
			if err != nil {
				return err
			}
			if !c.Archived {
				out = append(out, ClientName{ID: c.ID, Name: c.Name, Company: c.Company, Area: c.Area, Key: c.Tier == model.TierKey})
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("listing client names: %w", err)
	}
	return out, nil
}

// nextBooked returns the date of a client's first undone call, visit or
// meeting task dated today or later (NoDate: none).
func nextBooked(tx *bolt.Tx, client model.ID, today model.Date) model.Date {
	found := model.NoDate
	_ = seekRange(ix(tx, ixTaskClient), cat(idKey(client), dateBytes(today)), idKey(client+1), func(k, v []byte) error {
		if len(v) > 0 && v[0] != 't' && len(k) >= 12 {
			found = readDate(k[8:12])
			return errStop
		}
		return nil
	})
	return found
}

// clientFollowUp is model's follow-up rule for a client row.
func clientFollowUp(cs model.ClientState, st model.Settings, today model.Date) model.FollowUp {
	return model.ClientFollowUp(cs.Client, cs.LastContact, cs.NextBooked, st, today)
}

// clientRow builds a list row for a client.
func clientRow(tx *bolt.Tx, c model.Client, today model.Date, st model.Settings) ClientRow {
	row := ClientRow{Client: c, LastContact: lastContact(tx, ixContactClient, c.ID)}
	row.FollowUp = clientFollowUp(model.ClientState{Client: c, LastContact: row.LastContact,
		NextBooked: nextBooked(tx, c.ID, today)}, st, today)
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
	err := s.viewIndexed(func(tx *bolt.Tx) error {
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

// DueClients lists the clients whose follow-up is due today, by name, as
// Clients would list them with FollowUp.IsDue, but read from the
// follow-up index (client_due holds each client's tier, cadence, created
// date, last contact and name) instead of decoding every client and
// seeking its last contact, its next booking and its promises one by one.
// The rows' Client holds ID, Name, Tier, Area, CadenceDays and CreatedOn;
// with full, the whole record (decoded for these clients only).
func (s *Store) DueClients(today model.Date, full bool) ([]ClientRow, error) {
	rows := []ClientRow{}
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		st, err := readSettings(tx) // as Clients: no holiday counts in a client's follow-up
		if err != nil {
			return err
		}
		booked := bookedSet(tx, today)
		var due []ClientRow
		at := map[model.ID]int{} // client → its row in due
		err = seekRange(ix(tx, ixClientDue), nil, dateBytes(today+1), func(k, v []byte) error {
			cs, ok := dueState(k, v)
			if !ok {
				return model.Errf("corrupt_index", "a client follow-up index entry is damaged; run salesplan check")
			}
			cs.NextBooked = booked[cs.Client.ID]
			if f := model.ClientFollowUp(cs.Client, cs.LastContact, cs.NextBooked, st, today); f.IsDue {
				at[cs.Client.ID] = len(due)
				due = append(due, ClientRow{Client: cs.Client, LastContact: cs.LastContact, FollowUp: f})
			}
			return nil
		})
		if err != nil || len(due) == 0 {
			return err
		}
		// Open promises per client, in one pass over promise_client.
		err = ix(tx, ixPromiseClient).ForEach(func(k, v []byte) error {
			if len(k) == 16 && len(v) == 1 && v[0] == 'o' {
				if i, ok := at[keyID(k)]; ok {
					due[i].OpenPromises++
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		// In client_name's order, as Clients lists them.
		rows = make([]ClientRow, 0, len(due))
		cards, clients := ix(tx, ixClientCard), rb(tx, bClients)
		return ix(tx, ixClientName).ForEach(func(_, v []byte) error {
			i, ok := at[keyID(v)]
			if !ok {
				return nil
			}
			r := due[i]
			if full {
				var c model.Client
				if err := getIn(clients, "client", r.ID, &c); err != nil {
					return err
				}
				r.Client = c
			} else {
				_, r.Area = readCard(cards.Get(idKey(r.ID)))
			}
			rows = append(rows, r)
			return nil
		})
	})
	return rows, err
}

// ClientDetail returns the client detail view; journalLimit 0 = all.
func (s *Store) ClientDetail(id model.ID, today model.Date, journalLimit int) (ClientDetail, error) {
	var d ClientDetail
	lang := s.language()
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		c, err := getClient(tx, id)
		if err != nil {
			return askedFor{err} // the id asked about: its not-found is the caller's
		}
		st, err := settingsFor(tx, lang)
		if err != nil {
			return err
		}
		d.Calendar = st.Calendar()
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

// ClientPhones returns the phone numbers of the clients ids that have one,
// in one read (the Day's call rows show them): each client record is
// decoded once, however often it is asked for, and no history is read.
func (s *Store) ClientPhones(ids []model.ID) (map[model.ID]string, error) {
	out := map[model.ID]string{}
	if len(ids) == 0 {
		return out, nil
	}
	err := s.view(func(tx *bolt.Tx) error {
		for _, id := range ids {
			if _, done := out[id]; done || id == 0 {
				continue
			}
			c, err := getClient(tx, id)
			if errors.Is(err, ErrNotFound) {
				continue // gone since the day was read: no phone to show
			}
			if err != nil {
				return err
			}
			out[id] = c.Phone
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading client phones: %w", err)
	}
	return out, nil
}
