package storage

// Search (DESIGN.md §6 "(v2) Search"): an inverted index in the same bbolt
// file as the records, written in the transaction that writes the record,
// so a search never sees a record without its entries (or the reverse) and
// a backup or restore carries it along.
//
// Tokens (model/search.go reads the text into runs):
//
//   - each word, folded, cut to maxSearchToken bytes: a query word is
//     looked up as a prefix of these (Seek), so "quot" finds "quotation";
//   - each pair of neighbouring characters of a CJK run, and the run's last
//     character followed by searchEnd: a CJK term of two or more
//     characters is the intersection of its pairs (then checked against
//     the text for adjacency), a single character is every token that
//     starts with it — pairs and run ends — so "王" finds "王总".
//
// Postings are kept in blocks, one bbolt key per token and 32-day period:
//
//	search  token|0x00|period(2) → postings
//
// period = ^(date>>5), and 0 for records without a date (inbox tasks), so
// a cursor walks each token's blocks newest first; a posting is
// [date&31][kind][uvarint id], sorted newest first (date, then kind, then
// id descending). A block's value is a function of the records alone, so
// the maintained index equals a rebuilt one byte for byte (indexDrift,
// check). Blocks instead of a key per posting: 1.8M postings on the
// ten-year database take ~108k keys and 11 MiB instead of ~80 MiB.
//
// A query joins the terms' posting streams (leapfrog: each stream seeks to
// the furthest candidate), newest first, decodes each candidate record to
// check it (CJK adjacency, word starts) and cut the snippet, and stops at
// the limit. Measurements and the comparison with bleve are in doc.go.

import (
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	bolt "go.etcd.io/bbolt"

	"salesplan/model"
)

const (
	searchSep      = 0x00 // between a token and its period
	searchEnd      = 0x01 // after the last character of a CJK run
	maxSearchToken = 64   // bytes of a word kept as its token
	// maxSearchLimit bounds the hits one search returns.
	maxSearchLimit = 1000
	// maxSearchChecks bounds the candidates decoded and checked by one
	// search (a long CJK term whose pairs are common but seldom adjacent):
	// past it the search returns what it found, with More set.
	maxSearchChecks = 5000
	// snippet window, in runes: context before the match, and the whole.
	snippetBefore = 24
	snippetRunes  = 96
)

// Posting kinds (one byte in a posting).
const (
	skClient  = 'c'
	skNote    = 'n'
	skTask    = 't'
	skPromise = 'p'
	skProject = 'r'
)

// SearchKind names the kinds of record Search looks in.
type SearchKind string

// Search kinds. SearchNote is any journal entry: note, call, visit or meeting.
const (
	SearchClient  SearchKind = "client"
	SearchNote    SearchKind = "note"
	SearchTask    SearchKind = "task"
	SearchPromise SearchKind = "promise"
	SearchProject SearchKind = "project"
)

// SearchKinds lists the kinds in the order the command line names them.
var SearchKinds = []SearchKind{SearchClient, SearchNote, SearchTask, SearchPromise, SearchProject}

func (k SearchKind) byte() (byte, bool) {
	switch k {
	case "":
		return 0, true
	case SearchClient:
		return skClient, true
	case SearchNote:
		return skNote, true
	case SearchTask:
		return skTask, true
	case SearchPromise:
		return skPromise, true
	case SearchProject:
		return skProject, true
	}
	return 0, false
}

func searchKindOf(b byte) SearchKind {
	switch b {
	case skClient:
		return SearchClient
	case skNote:
		return SearchNote
	case skTask:
		return SearchTask
	case skPromise:
		return SearchPromise
	}
	return SearchProject
}

// SearchHit is one record Search found.
type SearchHit struct {
	Kind SearchKind
	ID   model.ID
	// Entry is a journal entry's own kind (note, call, visit, meeting).
	Entry model.EntryKind
	// ClientID and Client: the client the record belongs to (a client hit:
	// itself); 0 and "" for none (an inbox todo, a prospect call).
	ClientID model.ID
	Client   string
	// Title names the record, inert and on one line, at most 200
	// characters: a client's name, a task's title, a promise's text, a
	// project's name; "" for a journal entry (its text is the snippet).
	Title string
	// Date is what the hits are ordered by: a client's created date, an
	// entry's day, a task's date (none for the inbox: those come first), a
	// promise's made-on date, a project's current stage's date.
	Date model.Date
	// Field is the field the snippet is from: name, company, area, phone,
	// business, needs, decision_maker, interests, referred_by (clients),
	// text (journal, promises), cancel_reason (promises), title (tasks),
	// name or owner (projects).
	Field string
	// Snippet is that field around the match, inert and on one line, cut
	// with "…" where it was cut; the match is Snippet[MatchStart:MatchEnd].
	Snippet              string
	MatchStart, MatchEnd int
}

// SearchResult is Search's answer.
type SearchResult struct {
	Hits []SearchHit // newest first
	More bool        // more records match than the limit (or than one search checks)
}

// Search finds the records whose text matches every term of query (rules in
// model/search.go): client profiles, journal entries, tasks, promises and
// projects; kind "" is all of them. Newest first, at most limit hits
// (limit ≤ 0: 20; at most 1000). One read transaction; only the candidates
// the index gives are decoded.
func (s *Store) Search(query string, kind SearchKind, limit int) (SearchResult, error) {
	kb, ok := kind.byte()
	if !ok {
		return SearchResult{}, model.Errf("bad_search_kind", "%q is not one of client, note, task, promise, project", string(kind))
	}
	terms := model.SearchTerms(query)
	if len(terms) == 0 {
		return SearchResult{}, model.Errf("empty_search", "there is nothing to search for in %q: type a word", query)
	}
	if limit <= 0 {
		limit = 20
	}
	limit = min(limit, maxSearchLimit)
	res := SearchResult{Hits: []SearchHit{}}
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		res, err = searchTx(tx, terms, kb, limit)
		return err
	})
	if err != nil {
		return SearchResult{}, fmt.Errorf("search %q: %w", query, err)
	}
	return res, nil
}

func searchTx(tx *bolt.Tx, terms []model.SearchTerm, kind byte, limit int) (SearchResult, error) {
	res := SearchResult{Hits: []SearchHit{}}
	b := ix(tx, ixSearch)
	var its []postingIter
	for _, t := range terms {
		it := termIter(b, t, kind)
		if it == nil || !it.valid() {
			return res, nil // a term no record has
		}
		its = append(its, it)
	}
	names := newNamer(tx)
	checks := 0
	var ferr error
	join(its, func(p posting) bool {
		if checks++; checks > maxSearchChecks {
			res.More = true
			return false
		}
		hit, ok, err := checkHit(tx, names, p, terms)
		if err != nil {
			ferr = err
			return false
		}
		if !ok {
			return true
		}
		if len(res.Hits) == limit {
			res.More = true
			return false
		}
		res.Hits = append(res.Hits, hit)
		return true
	})
	return res, ferr
}

// termIter is the posting stream of one query term; nil when no token fits.
func termIter(b *bolt.Bucket, t model.SearchTerm, kind byte) postingIter {
	runes := []rune(t.Text)
	if t.CJK && len(runes) > 1 {
		var its []postingIter
		seen := map[string]bool{}
		for i := 0; i+1 < len(runes); i++ {
			pair := string(runes[i : i+2])
			if !seen[pair] {
				seen[pair] = true
				its = append(its, newTokenIter(b, []byte(pair), kind))
			}
		}
		if len(its) == 1 {
			return its[0]
		}
		return &joinIter{its: its}
	}
	prefix := []byte(t.Text)
	if !t.CJK {
		prefix = cutToken(prefix)
	}
	var subs []*tokenIter
	c := b.Cursor()
	for k, _ := c.Seek(prefix); hasPrefix(k, prefix) && len(k) >= len(prefix)+3; {
		tok := append([]byte(nil), k[:len(k)-3]...)
		if it := newTokenIter(b, tok, kind); it.valid() {
			subs = append(subs, it)
		}
		// Past every block of tok: its keys are tok|0x00|…, below tok|0x01.
		k, _ = c.Seek(append(tok, searchSep+1))
	}
	switch len(subs) {
	case 0:
		return nil
	case 1:
		return subs[0]
	}
	u := &unionIter{h: subs}
	heap.Init(&u.h)
	return u
}

// ---- postings and blocks

// posting is one record under a token.
type posting struct {
	date model.Date // clamped to what a block key can hold; 0 = none
	kind byte
	id   model.ID
}

// maxSearchDate is the latest date a period key can hold (year ~5700);
// later dates sort as it.
const maxSearchDate = model.Date(0xFFFE<<5 | 31)

func searchDate(d model.Date) model.Date {
	if !d.Valid() {
		return 0
	}
	return min(d, maxSearchDate)
}

// cmpPosting orders postings newest first: no date first, then by date
// descending, kind ascending, id descending.
func cmpPosting(a, b posting) int {
	if a.date != b.date {
		switch {
		case a.date == 0:
			return -1
		case b.date == 0:
			return 1
		case a.date > b.date:
			return -1
		}
		return 1
	}
	if a.kind != b.kind {
		if a.kind < b.kind {
			return -1
		}
		return 1
	}
	switch {
	case a.id > b.id:
		return -1
	case a.id < b.id:
		return 1
	}
	return 0
}

// period is the block of a date: newest first, 0 (first) for none.
func period(d model.Date) uint16 {
	if d == 0 {
		return 0
	}
	return ^uint16(d >> 5)
}

func blockKey(token string, per uint16) []byte {
	k := make([]byte, 0, len(token)+3)
	k = append(k, token...)
	k = append(k, searchSep)
	return binary.BigEndian.AppendUint16(k, per)
}

func encodeBlock(ps []posting) []byte {
	out := make([]byte, 0, len(ps)*4)
	for _, p := range ps {
		out = appendPosting(out, p)
	}
	return out
}

func appendPosting(out []byte, p posting) []byte {
	out = append(out, byte(p.date&31), p.kind)
	return binary.AppendUvarint(out, uint64(p.id))
}

// readPosting reads the posting at the start of v in the block of period
// per, and its length; 0 when v does not start with a whole posting.
func readPosting(per uint16, v []byte) (posting, int) {
	if len(v) < 3 {
		return posting{}, 0
	}
	id, n := binary.Uvarint(v[2:])
	if n <= 0 {
		return posting{}, 0
	}
	p := posting{kind: v[1], id: model.ID(id)}
	if per != 0 {
		p.date = model.Date(^per)<<5 | model.Date(v[0]&31)
	}
	return p, 2 + n
}

// decodeBlock reads a block's postings; bytes it cannot read end the list
// (check reports the damage: the block differs from a rebuilt one).
func decodeBlock(per uint16, v []byte) []posting {
	out := make([]posting, 0, len(v)/4)
	for {
		p, n := readPosting(per, v)
		if n == 0 {
			return out
		}
		out = append(out, p)
		v = v[n:]
	}
}

// ---- what each kind puts in the index (the builders live with each kind)

// searchField is one searchable field of a record.
type searchField struct {
	name string
	text string
}

// searchDoc is a record as the index sees it.
type searchDoc struct {
	kind   byte
	id     model.ID
	date   model.Date
	fields []searchField
}

func (d *searchDoc) posting() posting {
	return posting{date: searchDate(d.date), kind: d.kind, id: d.id}
}

// shown returns a field as searched and shown: inert, on one line.
func (f searchField) shown() string { return model.InertLine(f.text) }

// tokens returns the document's index tokens, sorted, each once.
func (d *searchDoc) tokens() []string {
	var out []string
	for _, f := range d.fields {
		model.SearchRuns(f.shown(), func(run []rune, cjk bool, _ int) {
			if !cjk {
				out = append(out, string(cutToken([]byte(string(run)))))
				return
			}
			for i := 0; i+1 < len(run); i++ {
				out = append(out, string(run[i:i+2]))
			}
			out = append(out, string([]rune{run[len(run)-1], searchEnd}))
		})
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// cutToken cuts a word to maxSearchToken bytes on a rune boundary.
func cutToken(w []byte) []byte {
	if len(w) <= maxSearchToken {
		return w
	}
	n := maxSearchToken
	for n > 0 && w[n]&0xC0 == 0x80 {
		n--
	}
	return w[:n]
}

// digitsOnly is a phone number without its spaces and dashes ("138 0000
// 1234" → "13800001234"), so that either way of typing it finds it; ""
// when that is the number as written.
func digitsOnly(phone string) string {
	var b strings.Builder
	for _, r := range phone {
		if unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 || b.String() == strings.TrimSpace(phone) {
		return ""
	}
	return b.String()
}

// ---- maintenance (called by each kind's put and delete)

// searchReplace moves a record's postings from its old document to its new
// one in tx; old nil = a new record, new nil = a deleted one. Only tokens
// that changed are touched when the date (the posting) stays. Without a
// search bucket it does nothing (see below).
func searchReplace(tx *bolt.Tx, old, new *searchDoc) error {
	var b *bolt.Bucket
	if idx := tx.Bucket(bIndex); idx != nil {
		b = idx.Bucket(ixSearch)
	}
	if b == nil {
		// Being built in one pass after the records (import staging), or
		// missing from a damaged file, which the next Open rebuilds.
		return nil
	}
	var oldT, newT []string
	if old != nil {
		oldT = old.tokens()
	}
	if new != nil {
		newT = new.tokens()
	}
	if old != nil && new != nil && old.posting() == new.posting() {
		oldT, newT = minus(oldT, newT), minus(newT, oldT)
	}
	if old != nil {
		p := old.posting()
		for _, t := range oldT {
			if err := searchEdit(b, t, p, false); err != nil {
				return err
			}
		}
	}
	if new != nil {
		p := new.posting()
		for _, t := range newT {
			if err := searchEdit(b, t, p, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// minus returns the sorted a without the sorted b's elements.
func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if _, found := slices.BinarySearch(b, s); !found {
			out = append(out, s)
		}
	}
	return out
}

// searchEdit adds p to (or removes it from) token's block. The block is
// read only up to p's place and spliced there: a new record is usually the
// newest, near the start of its block, so adding one costs a copy of the
// block, not a decode of it.
func searchEdit(b *bolt.Bucket, token string, p posting, add bool) error {
	per := period(p.date)
	key := blockKey(token, per)
	v := b.Get(key)
	off, n := 0, 0
	for off < len(v) {
		q, qn := readPosting(per, v[off:])
		if qn == 0 {
			break // damaged from here on (check reports it)
		}
		if c := cmpPosting(q, p); c >= 0 {
			if c == 0 {
				n = qn
			}
			break
		}
		off += qn
	}
	var nv []byte
	switch {
	case add && n == 0:
		nv = make([]byte, 0, len(v)+12)
		nv = append(nv, v[:off]...)
		nv = appendPosting(nv, p)
		nv = append(nv, v[off:]...)
	case !add && n > 0:
		nv = make([]byte, 0, len(v)-n)
		nv = append(nv, v[:off]...)
		nv = append(nv, v[off+n:]...)
	default:
		return nil
	}
	var err error
	if len(nv) == 0 {
		err = b.Delete(key)
	} else {
		err = b.Put(key, nv)
	}
	if err != nil {
		return fmt.Errorf("search index %q: %w", token, err)
	}
	return nil
}

// reindexSearch rebuilds the search index from the records in one pass:
// postings gathered in memory, blocks written in key order. Putting
// hundreds of thousands of keys in random order into one bbolt
// transaction costs quadratic time (its nodes split only at commit).
func reindexSearch(tx *bolt.Tx) error {
	type block struct {
		token string
		per   uint16
	}
	blocks := map[block][]posting{}
	add := func(d *searchDoc) {
		p := d.posting()
		per := period(p.date)
		for _, t := range d.tokens() {
			k := block{t, per}
			blocks[k] = append(blocks[k], p)
		}
	}
	type source struct {
		bucket []byte
		kind   string // as records are named in errors
		doc    func(what string, raw []byte) (*searchDoc, error)
	}
	sources := []source{
		{bClients, "client", func(what string, raw []byte) (*searchDoc, error) {
			var c model.Client
			err := decodeRecord(what, raw, &c)
			return clientSearch(&c), err
		}},
		{bJournal, "entry", func(what string, raw []byte) (*searchDoc, error) {
			var e model.JournalEntry
			err := decodeRecord(what, raw, &e)
			return entrySearch(&e), err
		}},
		{bTasks, "task", func(what string, raw []byte) (*searchDoc, error) {
			var t model.Task
			err := decodeRecord(what, raw, &t)
			return taskSearch(&t), err
		}},
		{bPromises, "promise", func(what string, raw []byte) (*searchDoc, error) {
			var p model.Promise
			err := decodeRecord(what, raw, &p)
			return promiseSearch(&p), err
		}},
		{bProjects, "project", func(what string, raw []byte) (*searchDoc, error) {
			var p model.Project
			err := decodeRecord(what, raw, &p)
			return projectSearch(&p), err
		}},
	}
	for _, src := range sources {
		err := rb(tx, src.bucket).ForEach(func(k, v []byte) error {
			d, err := src.doc(fmt.Sprintf("%s %d", src.kind, keyID(k)), v)
			if err != nil {
				return err
			}
			add(d)
			return nil
		})
		if err != nil {
			return err
		}
	}
	keys := make([]block, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	// In key order: token, then period (the separator sorts below every
	// byte of a token, so a token's keys come before a longer token's).
	slices.SortFunc(keys, func(a, b block) int {
		if c := strings.Compare(a.token, b.token); c != 0 {
			return c
		}
		return int(a.per) - int(b.per)
	})
	b := ix(tx, ixSearch)
	if k, _ := b.Cursor().First(); k == nil {
		b.FillPercent = 1.0 // keys arrive in order into an empty bucket
	}
	for _, k := range keys {
		ps := blocks[k]
		slices.SortFunc(ps, cmpPosting)
		if err := b.Put(blockKey(k.token, k.per), encodeBlock(ps)); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
	}
	return nil
}

// reindexMissing rebuilds the indexes when Open finds an index bucket
// missing: when the search index is the only one (a database from before
// search), only it is built; otherwise every index (reindex).
func reindexMissing(tx *bolt.Tx) error {
	idx := tx.Bucket(bIndex)
	if idx == nil {
		return reindex(tx)
	}
	for _, name := range indexBuckets {
		if idx.Bucket(name) == nil && !bytes.Equal(name, ixSearch) {
			return reindex(tx)
		}
	}
	if _, err := idx.CreateBucketIfNotExists(ixSearch); err != nil {
		return fmt.Errorf("create index bucket %s: %w", ixSearch, err)
	}
	return reindexSearch(tx)
}

// ---- posting streams

// postingIter is a stream of postings, newest first.
type postingIter interface {
	valid() bool
	cur() posting
	next()
	seek(p posting) // to the first posting not newer than p
}

// tokenIter streams one token's postings, block by block; kind ≠ 0 keeps
// only that kind's.
type tokenIter struct {
	c      *bolt.Cursor
	prefix []byte // token|0x00
	kind   byte
	per    uint16
	block  []posting
	i      int
	ok     bool
}

func newTokenIter(b *bolt.Bucket, token []byte, kind byte) *tokenIter {
	it := &tokenIter{c: b.Cursor(), prefix: append(append([]byte(nil), token...), searchSep), kind: kind}
	it.load(it.c.Seek(it.prefix))
	it.skip()
	return it
}

// load makes the block at k current (or ends the stream).
func (it *tokenIter) load(k, v []byte) {
	if !hasPrefix(k, it.prefix) || len(k) != len(it.prefix)+2 {
		it.ok, it.block = false, nil
		return
	}
	it.per = binary.BigEndian.Uint16(k[len(it.prefix):])
	it.block, it.i, it.ok = decodeBlock(it.per, v), 0, true
}

// skip moves past the end of blocks and postings of other kinds.
func (it *tokenIter) skip() {
	for it.ok {
		if it.i >= len(it.block) {
			it.load(it.c.Next())
			continue
		}
		if it.kind != 0 && it.block[it.i].kind != it.kind {
			it.i++
			continue
		}
		return
	}
}

func (it *tokenIter) valid() bool  { return it.ok }
func (it *tokenIter) cur() posting { return it.block[it.i] }
func (it *tokenIter) next()        { it.i++; it.skip() }

func (it *tokenIter) seek(p posting) {
	if !it.ok || cmpPosting(it.cur(), p) >= 0 {
		return
	}
	if want := period(p.date); want != it.per {
		// A later block (a period key below p's cannot hold p).
		key := append(append([]byte(nil), it.prefix...), 0, 0)
		binary.BigEndian.PutUint16(key[len(it.prefix):], want)
		it.load(it.c.Seek(key))
		if !it.ok {
			return
		}
	}
	rest := it.block[it.i:]
	j, _ := slices.BinarySearchFunc(rest, p, cmpPosting)
	it.i += j
	it.skip()
}

// unionIter streams the postings of several tokens (the words with a
// prefix, the pairs that start with a character) as one, each record once.
type unionIter struct{ h iterHeap }

type iterHeap []*tokenIter

func (h iterHeap) Len() int           { return len(h) }
func (h iterHeap) Less(i, j int) bool { return cmpPosting(h[i].cur(), h[j].cur()) < 0 }
func (h iterHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *iterHeap) Push(x any)        { *h = append(*h, x.(*tokenIter)) }
func (h *iterHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (u *unionIter) valid() bool  { return len(u.h) > 0 }
func (u *unionIter) cur() posting { return u.h[0].cur() }

func (u *unionIter) next() {
	p := u.cur()
	for len(u.h) > 0 && u.h[0].cur() == p {
		u.h[0].next()
		if u.h[0].valid() {
			heap.Fix(&u.h, 0)
		} else {
			heap.Pop(&u.h)
		}
	}
}

func (u *unionIter) seek(p posting) {
	kept := u.h[:0]
	for _, it := range u.h {
		it.seek(p)
		if it.valid() {
			kept = append(kept, it)
		}
	}
	u.h = kept
	heap.Init(&u.h)
}

// joinIter streams the postings every one of its streams has.
type joinIter struct {
	its  []postingIter
	ok   bool
	p    posting
	init bool
}

func (j *joinIter) settle() {
	j.init = true
	j.ok = false
	for {
		var target posting
		for i, it := range j.its {
			if !it.valid() {
				return
			}
			if i == 0 || cmpPosting(it.cur(), target) > 0 {
				target = it.cur()
			}
		}
		agree := true
		for _, it := range j.its {
			it.seek(target)
			if !it.valid() {
				return
			}
			if it.cur() != target {
				agree = false
			}
		}
		if agree {
			j.ok, j.p = true, target
			return
		}
	}
}

func (j *joinIter) valid() bool {
	if !j.init {
		j.settle()
	}
	return j.ok
}

func (j *joinIter) cur() posting { j.valid(); return j.p }

func (j *joinIter) next() {
	if !j.valid() {
		return
	}
	j.its[0].next()
	j.settle()
}

func (j *joinIter) seek(p posting) {
	if !j.valid() || cmpPosting(j.p, p) >= 0 {
		return
	}
	for _, it := range j.its {
		it.seek(p)
	}
	j.settle()
}

// join calls fn with each posting all its streams share, newest first,
// until fn returns false.
func join(its []postingIter, fn func(posting) bool) {
	var it postingIter = &joinIter{its: its}
	if len(its) == 1 {
		it = its[0]
	}
	for ; it.valid(); it.next() {
		if !fn(it.cur()) {
			return
		}
	}
}

// ---- checking a candidate and cutting its snippet

// checkHit reads the record behind p, checks it against every term and
// makes its hit; ok false when it does not match (or is gone).
func checkHit(tx *bolt.Tx, names *namer, p posting, terms []model.SearchTerm) (SearchHit, bool, error) {
	hit := SearchHit{Kind: searchKindOf(p.kind), ID: p.id}
	var doc *searchDoc
	var err error
	switch p.kind {
	case skClient:
		var c model.Client
		if c, err = getClient(tx, p.id); err == nil {
			doc, hit.ClientID = clientSearch(&c), c.ID
		}
	case skNote:
		var e model.JournalEntry
		if e, err = getEntry(tx, p.id); err == nil {
			doc, hit.ClientID, hit.Entry = entrySearch(&e), e.ClientID, e.Kind
		}
	case skTask:
		var t model.Task
		if t, err = getTask(tx, p.id); err == nil {
			doc, hit.ClientID = taskSearch(&t), t.ClientID
		}
	case skPromise:
		var pr model.Promise
		if pr, err = getPromise(tx, p.id); err == nil {
			doc, hit.ClientID = promiseSearch(&pr), pr.ClientID
		}
	case skProject:
		var pj model.Project
		if pj, err = getProject(tx, p.id); err == nil {
			doc, hit.ClientID = projectSearch(&pj), pj.ClientID
		}
	default:
		return hit, false, nil
	}
	if errors.Is(err, ErrNotFound) {
		return hit, false, nil // a stale entry (check reports it): not a hit
	}
	if err != nil {
		return hit, false, err
	}
	hit.Date = doc.date
	hit.Client = names.client(hit.ClientID)
	if p.kind != skNote {
		hit.Title = cutRunes(doc.fields[0].shown(), maxTitleRunes)
	}
	// Each term must match some field; the snippet comes from the field
	// that matches the most terms (the first such), at its first match.
	matched := make([]bool, len(terms))
	best, bestN, bestAt, bestEnd := -1, 0, 0, 0
	var bestText string
	for fi, f := range doc.fields {
		text := f.shown()
		folded := model.SearchFoldRunes(text)
		n, at, end := 0, -1, -1
		for ti, t := range terms {
			s, e := model.SearchFind(folded, t)
			if s < 0 {
				continue
			}
			matched[ti] = true
			n++
			if at < 0 || s < at {
				at, end = s, e
			}
		}
		if n > bestN {
			best, bestN, bestAt, bestEnd, bestText = fi, n, at, end, text
		}
	}
	for _, m := range matched {
		if !m {
			return hit, false, nil
		}
	}
	f := doc.fields[best]
	hit.Field = f.name
	if f.name == fieldPhoneDigits {
		// Matched as digits: show the number as written, all of it.
		hit.Field = "phone"
		bestText = doc.fields[best-1].shown()
		bestAt, bestEnd = 0, len([]rune(bestText))
	}
	hit.Snippet, hit.MatchStart, hit.MatchEnd = snippet(bestText, bestAt, bestEnd)
	return hit, true, nil
}

// maxTitleRunes bounds SearchHit.Title (a promise's text can be 64 KiB).
const maxTitleRunes = 200

// cutRunes cuts s to n runes, marking the cut with "…".
func cutRunes(s string, n int) string {
	if len(s) <= n || len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// fieldPhoneDigits is the hidden field with a phone's digits only; it
// follows the "phone" field.
const fieldPhoneDigits = "phone_digits"

// snippet cuts text (runes) around the match [at, end) and returns it with
// the match's byte offsets in it.
func snippet(text string, at, end int) (string, int, int) {
	runes := []rune(text)
	from, to := 0, len(runes)
	if len(runes) > snippetRunes { // else all of it
		from = max(0, min(at-snippetBefore, len(runes)-snippetRunes))
		// Not in the middle of a word: start after the space before it.
		for i := from; i > 0 && i < at && i < from+12; i++ {
			if unicode.IsSpace(runes[i-1]) {
				from = i
				break
			}
		}
		to = min(len(runes), from+snippetRunes)
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	b.WriteString(string(runes[from:at]))
	ms := b.Len()
	b.WriteString(string(runes[at:min(end, to)]))
	me := b.Len()
	b.WriteString(string(runes[min(end, to):to]))
	if to < len(runes) {
		b.WriteString("…")
	}
	return b.String(), ms, me
}
