package common

import "strings"

// Query is what a list's / filter was given (Day, Week, Clients,
// Projects, Promises): the words typed, matched in any case. A row
// matches when each word is in one of its texts — "王 报价" finds the quote
// for 王总 — so every list narrows the same way as it is typed.
// Substring rather than fuzzy matching: fuzzy matching of Chinese finds
// characters scattered across unrelated fields (王 … 总), and its ranking
// would fight the order the list chose.
type Query struct {
	text  string
	terms []string
}

// NewQuery reads what was typed in the filter input.
func NewQuery(s string) Query {
	s = strings.TrimSpace(s)
	return Query{text: s, terms: strings.Fields(strings.ToLower(s))}
}

// String is the filter as typed (trimmed), "" for none.
func (q Query) String() string { return q.text }

// Empty reports whether there is no filter: every row shows.
func (q Query) Empty() bool { return len(q.terms) == 0 }

// Match reports whether a row with these texts (title, client, project…)
// shows under the filter.
func (q Query) Match(texts ...string) bool {
	if q.Empty() {
		return true
	}
	return q.MatchLower(strings.ToLower(strings.Join(texts, "\x00")))
}

// MatchLower is Match over a row's texts already joined and lower-cased
// (a list that keeps them, so each keystroke only compares).
func (q Query) MatchLower(hay string) bool {
	for _, t := range q.terms {
		if !strings.Contains(hay, t) {
			return false
		}
	}
	return true
}
