package storage

import (
	"encoding/binary"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

// Views gather records through the index buckets only (DESIGN.md §6: never
// decode the history) and hand them to model's Build* functions, so the
// planner and the command line show the same numbers.

// Today returns the agenda for a day.
func (s *Store) Today(today model.Date) (model.Agenda, error) { return s.TodayTop(today, -1) }

// TodayTop is Today for a day list that shows only the first carried
// carried-over tasks (model.ShownTasks): it reads the carried-over tasks
// that can be among those — the first carried by model.CarriedAhead on
// task_open's date and important flag, and any that tie with the last of
// them — and counts the others in Agenda.CarriedUnread without decoding
// them (a neglected ten-year database carries 3,000 over). It reads the
// first model.InboxShown inbox tasks the same way (model.InboxAhead on
// task_open's important flag and id) and counts the others in
// Agenda.InboxUnread. carried < 0 reads them all (Today).
func (s *Store) TodayTop(today model.Date, carried int) (model.Agenda, error) {
	var a model.Agenda
	lang := s.language()
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		st, err := s.settingsIn(tx, lang)
		if err != nil {
			return err
		}
		in, unread, err := gatherAgendaTop(tx, today, st, carried)
		if err != nil {
			return err
		}
		a = model.BuildAgenda(in)
		a.CarriedUnread, a.InboxUnread = unread.carried, unread.inbox
		return nil
	})
	return a, err
}

// gatherAgenda reads what BuildAgenda needs for today: the day's and the
// carried-over tasks, quota counts from index values, open promises due by
// the end of "due soon", the clients whose follow-up date has come
// (client_due summaries) with their next booking, and the live projects
// (project_live summaries).
func gatherAgenda(tx *bolt.Tx, today model.Date, lang string) (model.AgendaInput, error) {
	st, err := settingsFor(tx, lang)
	if err != nil {
		return model.AgendaInput{}, err
	}
	return gatherAgendaWith(tx, today, st)
}

// gatherAgendaWith is gatherAgenda with the settings read (settingsFor).
func gatherAgendaWith(tx *bolt.Tx, today model.Date, st model.Settings) (model.AgendaInput, error) {
	in, _, err := gatherAgendaTop(tx, today, st, -1)
	return in, err
}

// leftOut counts the carried-over and inbox tasks a top reading left out.
type leftOut struct{ carried, inbox int }

// gatherAgendaTop is gatherAgendaWith reading the carried-over and inbox
// tasks as TodayTop does; unread is how many of each it left out.
func gatherAgendaTop(tx *bolt.Tx, today model.Date, st model.Settings, carried int) (in model.AgendaInput, unread leftOut, err error) {
	names := newNamer(tx)
	in = model.AgendaInput{Today: today, Settings: st}

	// Today's tasks, then the undone ones dated before today (carried over).
	tasks := rb(tx, bTasks)
	addTask := func(k []byte) error {
		var t model.Task
		err := getIn(tasks, "task", keyID(k[4:]), &t)
		if err == nil {
			in.Tasks = append(in.Tasks, names.agendaTask(t, today))
		}
		return err
	}
	if err := seekRange(ix(tx, ixTaskDate), dateBytes(today), dateBytes(today+1), func(k, _ []byte) error { return addTask(k) }); err != nil {
		return in, unread, err
	}
	if carried < 0 {
		if err := seekRange(ix(tx, ixTaskOpen), dateBytes(1), dateBytes(today), func(k, _ []byte) error { return addTask(k) }); err != nil {
			return in, unread, err
		}
	} else {
		keys, left, err := carriedFirst(tx, today, carried)
		if err != nil {
			return in, unread, err
		}
		for _, k := range keys {
			if err := addTask(k); err != nil {
				return in, unread, err
			}
		}
		unread.carried = left
	}

	// The inbox: open tasks with no date, task_open's date-0 entries.
	inboxN := -1
	if carried >= 0 {
		inboxN = model.InboxShown
	}
	keys, left, err := inboxFirst(tx, inboxN)
	if err != nil {
		return in, unread, err
	}
	for _, k := range keys {
		var t model.Task
		if err := getIn(tasks, "task", keyID(k[4:]), &t); err != nil {
			return in, unread, err
		}
		in.Inbox = append(in.Inbox, names.agendaTask(t, today))
	}
	unread.inbox = left

	// Quotas from the journal's date index values: no record decoded.
	// Prospect calls are calls: they count.
	in.CallsToday = countKind(tx, today, today, 'c')
	ws := today.WeekStart()
	in.WeekVisits = entriesOfKind(tx, ws, ws.AddDays(6), 'v')
	m := model.MonthOf(today)
	if in.SignedMonth, err = signedIn(tx, m.First(), m.Last()); err != nil {
		return in, unread, err
	}

	// Open promises due on or before the end of "due soon".
	soon := model.DueSoonUntil(today, st.Calendar())
	promises := rb(tx, bPromises)
	err = seekRange(ix(tx, ixPromiseStatus), []byte{'o'}, cat([]byte{'o'}, dateBytes(soon+1)), func(k, _ []byte) error {
		var p model.Promise
		err := getIn(promises, "promise", keyID(k[5:]), &p)
		if err == nil {
			in.Promises = append(in.Promises, p)
		}
		return err
	})
	if err != nil {
		return in, unread, err
	}

	// Clients whose follow-up date has come, with the date of their next
	// call, visit or meeting booked (the rule of model.ClientFollowUp
	// tells scheduled from booked far ahead): every key client, from
	// client_due_key; the regular ones only counted (client_due_count),
	// except those with a booking, whose state the rule decides.
	booked := bookedSet(tx, today)
	err = seekRange(ix(tx, ixClientDueKey), nil, dateBytes(today+1), func(k, v []byte) error {
		cs, ok := dueState(k, v)
		if !ok {
			return model.Errf("corrupt_index", "a client follow-up index entry is damaged; run salesplan check")
		}
		cs.NextBooked = booked[cs.Client.ID]
		in.Clients = append(in.Clients, cs)
		return nil
	})
	if err != nil {
		return in, unread, err
	}
	regular, err := dueCountBy(tx, today)
	if err != nil {
		return in, unread, err
	}
	listed, err := bookedRegularDue(tx, today, booked)
	if err != nil {
		return in, unread, err
	}
	in.Clients = append(in.Clients, listed...)
	in.RegularDueUnlisted = regular - len(listed)

	if in.Projects, err = liveProjects(tx); err != nil {
		return in, unread, err
	}
	in.ClientNames, in.ProjectNames = map[model.ID]string{}, map[model.ID]string{}
	for _, p := range in.Promises {
		in.ClientNames[p.ClientID] = names.client(p.ClientID)
		if p.ProjectID != 0 {
			in.ProjectNames[p.ProjectID] = names.project(p.ProjectID)
		}
	}
	for _, p := range in.Projects {
		in.ProjectNames[p.Project.ID] = p.Project.Name
		in.ClientNames[p.Project.ClientID] = p.ClientName
	}
	return in, unread, nil
}

// entriesOfKind returns the journal entries of one kind byte dated from..to
// as the date index has them: ID, ClientID, ProjectID and Kind, no text and
// no record decoded.
func entriesOfKind(tx *bolt.Tx, from, to model.Date, kind byte) []model.JournalEntry {
	var out []model.JournalEntry
	_ = seekRange(ix(tx, ixJournalDate), dateBytes(from), dateBytes(to+1), func(k, v []byte) error {
		if len(k) == 20 && len(v) == 17 && v[0] == kind {
			out = append(out, model.JournalEntry{ID: keyID(k[12:]), ClientID: keyID(v[1:9]), ProjectID: keyID(v[9:17]), Kind: byteKind(kind)})
		}
		return nil
	})
	return out
}

// countKind counts journal entries of one kind byte dated from..to.
func countKind(tx *bolt.Tx, from, to model.Date, kind byte) int {
	n := 0
	_ = seekRange(ix(tx, ixJournalDate), dateBytes(from), dateBytes(to+1), func(_, v []byte) error {
		if len(v) > 0 && v[0] == kind {
			n++
		}
		return nil
	})
	return n
}

// signedIn sums the value of projects signed from..to (model's
// Project.Signed, kept in the project_signed index).
func signedIn(tx *bolt.Tx, from, to model.Date) (model.Money, error) {
	var sum model.Money
	err := seekRange(ix(tx, ixProjectSigned), dateBytes(from), dateBytes(to+1), func(k, v []byte) error {
		if len(v) != 8 {
			return model.Errf("corrupt_index", "a signed project index entry is damaged; run salesplan check")
		}
		sum = sum.Plus(model.Money(binary.BigEndian.Uint64(v))) // saturates: many large values never wrap
		return nil
	})
	return sum, err
}

// bookedSet returns, for each client with an undone call, visit or meeting
// task dated today or later, the first such date (read from task_open in
// date order, no decoding).
func bookedSet(tx *bolt.Tx, today model.Date) map[model.ID]model.Date {
	out := map[model.ID]model.Date{}
	_ = seekRange(ix(tx, ixTaskOpen), dateBytes(today), nil, func(k, v []byte) error {
		if len(v) >= 9 && v[0] != 't' {
			if id := keyID(v[1:9]); id != 0 {
				if _, ok := out[id]; !ok {
					out[id] = readDate(k[:4])
				}
			}
		}
		return nil
	})
	return out
}

// carriedFirst returns the task_open keys of the carried-over tasks
// (undone, dated before today) that can be among the first n in
// model.SortTasks' order — by model.CarriedAhead on the key's date and
// the value's important flag, those that tie with the n-th included — in
// no particular order, and how many it left out.
func carriedFirst(tx *bolt.Tx, today model.Date, n int) (keys [][]byte, left int, err error) {
	type entry struct {
		key       []byte
		date      model.Date
		important bool
	}
	var all []entry
	err = seekRange(ix(tx, ixTaskOpen), dateBytes(1), dateBytes(today), func(k, v []byte) error {
		if len(k) != 12 || len(v) < 9 {
			return model.Errf("corrupt_index", "an open task index entry is damaged; run salesplan check")
		}
		all = append(all, entry{key: k, date: readDate(k[:4]), important: len(v) > 9 && v[9]&taskOpenImportant != 0})
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	ahead := func(a, b entry) int { return model.CarriedAhead(a.important, a.date, b.important, b.date) }
	if len(all) > n {
		slices.SortStableFunc(all, ahead)
		cut := n
		for n > 0 && cut < len(all) && ahead(all[cut], all[n-1]) == 0 {
			cut++
		}
		left, all = len(all)-cut, all[:cut]
	}
	keys = make([][]byte, len(all))
	for i, e := range all {
		keys[i] = e.key
	}
	return keys, left, nil
}

// inboxFirst returns the task_open keys of the inbox tasks (open, no
// date: the date-0 entries) that are the first n in model.SortInbox's
// order — by model.InboxAhead on the value's important flag and the key's
// id — in that order, and how many it left out. n < 0 returns them all.
func inboxFirst(tx *bolt.Tx, n int) (keys [][]byte, left int, err error) {
	var important, other [][]byte
	err = seekRange(ix(tx, ixTaskOpen), dateBytes(model.NoDate), dateBytes(1), func(k, v []byte) error {
		if len(k) != 12 || len(v) < 9 {
			return model.Errf("corrupt_index", "an open task index entry is damaged; run salesplan check")
		}
		if len(v) > 9 && v[9]&taskOpenImportant != 0 {
			important = append(important, k)
		} else {
			other = append(other, k)
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	keys = append(important, other...) // ids ascend in each: the key order
	if n >= 0 && len(keys) > n {
		left, keys = len(keys)-n, keys[:n]
	}
	return keys, left, nil
}

// bookedRegularDue returns the regular clients whose follow-up date has
// come (on or before today) and whose next call, visit or meeting
// (booked) makes them scheduled today (model.Scheduled), by id: the only
// ones model.ClientFollowUp does not call due. (A booking further ahead
// leaves a client due; a regular one is only counted.)
func bookedRegularDue(tx *bolt.Tx, today model.Date, booked map[model.ID]model.Date) ([]model.ClientState, error) {
	ids := make([]model.ID, 0, len(booked))
	for id, next := range booked {
		if model.Scheduled(next, today) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	rev, due := ix(tx, ixClientDueRev), ix(tx, ixClientDue)
	var out []model.ClientState
	for _, id := range ids {
		d := rev.Get(idKey(id))
		if len(d) != 4 || readDate(d) > today {
			continue // archived, gone, or not due yet
		}
		k := cat(d, idKey(id))
		cs, ok := dueState(k, due.Get(k))
		if !ok {
			return nil, model.Errf("corrupt_index", "a client follow-up index entry is damaged; run salesplan check")
		}
		if cs.Client.Tier == model.TierKey {
			continue // listed with the key clients
		}
		cs.NextBooked = booked[id]
		out = append(out, cs)
	}
	return out, nil
}

// liveProjects reads the live projects, with their client's name and last
// contact, from their summaries (see liveState: no record decoded).
func liveProjects(tx *bolt.Tx) ([]model.ProjectState, error) {
	var out []model.ProjectState
	contacts := ix(tx, ixContactProject).Cursor() // one cursor for every project's last contact
	err := ix(tx, ixProjectLive).ForEach(func(k, v []byte) error {
		ps, ok := liveState(k, v)
		if !ok {
			return model.Errf("corrupt_index", "a live project index entry is damaged; run salesplan check")
		}
		if k := lastUnder(contacts, ps.Project.ID); len(k) >= 12 {
			ps.LastContact = readDate(k[8:12])
		}
		out = append(out, ps)
		return nil
	})
	return out, err
}

// Week returns the week starting on the Monday on or before day.
func (s *Store) Week(day, today model.Date) (model.WeekSummary, error) {
	var w model.WeekSummary
	lang := s.language()
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		from := day.WeekStart()
		in, err := gatherPeriod(tx, from, from.AddDays(6), today, lang)
		if err != nil {
			return err
		}
		w = model.BuildWeek(in)
		return nil
	})
	return w, err
}

// Month returns a month.
func (s *Store) Month(m model.Month, today model.Date) (model.MonthSummary, error) {
	var out model.MonthSummary
	lang := s.language()
	err := s.viewIndexed(func(tx *bolt.Tx) error {
		in, err := gatherPeriod(tx, m.First(), m.Last(), today, lang)
		if err != nil {
			return err
		}
		out = model.BuildMonth(in, m)
		return nil
	})
	return out, err
}

// contactFromIndex builds a contact from its journal_date entry without
// decoding the record: ID, ClientID, ProjectID, Kind and At — not Text, which
// the week and month summaries do not show. It declines (false) when the
// instant, seen in the local zone, falls on another day than the entry's
// own (an entry recorded in another time zone): the caller decodes those.
func contactFromIndex(k, v []byte) (model.JournalEntry, bool) {
	if len(k) != 20 || len(v) != 17 {
		return model.JournalEntry{}, false
	}
	at := time.Unix(0, int64(binary.BigEndian.Uint64(k[4:12])^(1<<63))).In(time.Local)
	if model.DateOf(at) != readDate(k[:4]) {
		return model.JournalEntry{}, false
	}
	return model.JournalEntry{ID: keyID(k[12:]), ClientID: keyID(v[1:9]), ProjectID: keyID(v[9:17]), Kind: byteKind(v[0]), At: at}, true
}

// gatherPeriod reads the records of from..to through the date indexes.
// Its Contacts carry no Text (see contactFromIndex).
func gatherPeriod(tx *bolt.Tx, from, to, today model.Date, lang string) (model.PeriodInput, error) {
	st, err := settingsFor(tx, lang)
	if err != nil {
		return model.PeriodInput{}, err
	}
	n := newNamer(tx)
	in := model.PeriodInput{From: from, To: to, Today: today, Settings: st}
	lo, hi := dateBytes(from), dateBytes(to+1)

	tasks := rb(tx, bTasks)
	err = seekRange(ix(tx, ixTaskDate), lo, hi, func(k, _ []byte) error {
		var t model.Task
		err := getIn(tasks, "task", keyID(k[4:]), &t)
		if err == nil {
			in.Tasks = append(in.Tasks, n.agendaTask(t, today))
		}
		return err
	})
	if err != nil {
		return in, err
	}
	err = seekRange(ix(tx, ixJournalDate), lo, hi, func(k, v []byte) error {
		if len(v) == 0 || v[0] == 'n' {
			return nil
		}
		if e, ok := contactFromIndex(k, v); ok {
			in.Contacts = append(in.Contacts, e)
			return nil
		}
		e, err := getEntry(tx, keyID(k[12:]))
		if err == nil {
			in.Contacts = append(in.Contacts, e)
		}
		return err
	})
	if err != nil {
		return in, err
	}

	// Promises made, kept or due in the period, plus open ones overdue.
	seen := map[model.ID]bool{}
	promises := rb(tx, bPromises)
	addPromise := func(id model.ID) error {
		if seen[id] {
			return nil
		}
		seen[id] = true
		var p model.Promise
		err := getIn(promises, "promise", id, &p)
		if err == nil {
			in.Promises = append(in.Promises, p)
		}
		return err
	}
	for _, r := range []struct {
		index    []byte
		from, to []byte
		idAt     int
	}{
		{ixPromiseMade, lo, hi, 4},
		{ixPromiseKept, lo, hi, 4},
		{ixPromiseCancelled, lo, hi, 4},
		{ixPromiseStatus, cat([]byte{'o'}, lo), cat([]byte{'o'}, hi), 5},
		{ixPromiseStatus, cat([]byte{'k'}, lo), cat([]byte{'k'}, hi), 5},
		{ixPromiseStatus, cat([]byte{'x'}, lo), cat([]byte{'x'}, hi), 5},
		{ixPromiseStatus, []byte{'o'}, cat([]byte{'o'}, dateBytes(min(today, to+1))), 5},
	} {
		err := seekRange(ix(tx, r.index), r.from, r.to, func(k, _ []byte) error { return addPromise(keyID(k[r.idAt:])) })
		if err != nil {
			return in, err
		}
	}

	err = seekRange(ix(tx, ixStageMove), lo, hi, func(k, v []byte) error {
		if len(v) < 3 {
			return model.Errf("corrupt_index", "a stage move index entry is damaged; run salesplan check")
		}
		id := keyID(k[4:12])
		in.StageMoves = append(in.StageMoves, model.StageMove{ProjectID: id, Project: n.project(id),
			From: byteStage(v[0]), To: byteStage(v[1]), On: readDate(k[:4])})
		return nil
	})
	if err != nil {
		return in, err
	}
	if in.Signed, err = signedIn(tx, from, to); err != nil {
		return in, err
	}
	// Bids up to PapersLookahead past the period: a bid early next month
	// can have its papers due in this one.
	err = seekRange(ix(tx, ixBidDate), lo, dateBytes(to+1+model.PapersLookahead), func(k, v []byte) error {
		if len(k) < 12 || len(v) < 1 {
			return model.Errf("corrupt_index", "a bid date index entry is damaged; run salesplan check")
		}
		if st := byteStage(v[0]); model.PreparesBid(st) {
			in.Bids = append(in.Bids, model.Bid{ProjectID: keyID(k[4:12]), Stage: st, Date: readDate(k[:4])})
		}
		return nil
	})
	return in, err
}

// namer caches client and project names (and client cards) within one
// transaction, and the index buckets it reads them from.
type namer struct {
	tx       *bolt.Tx
	clients  map[model.ID]string
	projects map[model.ID]string
	cards    map[model.ID]clientCard
	buckets  map[string]*bolt.Bucket
}

// clientCard is what a task row shows of its client beyond the name.
type clientCard struct {
	tier model.Tier
	area string
}

func newNamer(tx *bolt.Tx) *namer {
	return &namer{tx: tx, clients: map[model.ID]string{}, projects: map[model.ID]string{}, cards: map[model.ID]clientCard{},
		buckets: map[string]*bolt.Bucket{}}
}

// index is ix(n.tx, name), looked up once.
func (n *namer) index(name []byte) *bolt.Bucket {
	b, ok := n.buckets[string(name)]
	if !ok {
		b = ix(n.tx, name)
		n.buckets[string(name)] = b
	}
	return b
}

// card returns a client's tier and area from the client_card index.
func (n *namer) card(id model.ID) (model.Tier, string) {
	if id == 0 {
		return "", ""
	}
	c, ok := n.cards[id]
	if !ok {
		c.tier, c.area = readCard(n.index(ixClientCard).Get(idKey(id))) // copies: bytes live only in the tx
		n.cards[id] = c
	}
	return c.tier, c.area
}

func (n *namer) client(id model.ID) string {
	return n.label(n.clients, ixClientLabel, id)
}

func (n *namer) project(id model.ID) string {
	return n.label(n.projects, ixProjectLabel, id)
}

// label reads a name from a label index (id → name) without decoding the
// record; a dangling reference shows as none (check reports it).
func (n *namer) label(cache map[model.ID]string, index []byte, id model.ID) string {
	if id == 0 {
		return ""
	}
	if v, ok := cache[id]; ok {
		return v
	}
	name := string(n.index(index).Get(idKey(id)))
	cache[id] = name
	return name
}

// agendaTask names a task's client and project; today marks carry-over
// (NoDate: never carried over).
func (n *namer) agendaTask(t model.Task, today model.Date) model.AgendaTask {
	tier, area := n.card(t.ClientID)
	return model.AgendaTask{Task: t, ClientName: n.client(t.ClientID), ProjectName: n.project(t.ProjectID),
		CarriedOver: today.Valid() && t.CarriedOver(today), ClientTier: tier, ClientArea: area}
}
