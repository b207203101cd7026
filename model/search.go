package model

import "unicode"

// Search text rules (DESIGN.md §6 "(v2) Search"), shared by the index in
// storage and by whoever shows where a hit matched.
//
// Text is compared folded (SearchFold: lower case, full-width Latin as
// ASCII) and read as runs: a run of CJK characters (Han, kana, Hangul —
// scripts written without spaces, so a word is any part of a run) or a run
// of word characters (letters, digits, combining marks of other scripts).
// Everything else separates runs. A query is a list of such runs, its
// terms; a record matches when every term matches one of its fields:
//
//   - a CJK term anywhere inside the text ("高考" in "王总女儿明年高考，别约周末");
//   - a word term at the start of a word ("quot" in "the quotation", not in
//     "misquote"), so typing a word's beginning finds it.

// SearchFold returns r as search compares it: lower case, full-width ASCII
// (ＡＢＣ１２３) as ASCII, the ideographic space as a space. It maps one
// rune to one rune, so offsets in folded text are offsets in the original.
func SearchFold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		return ' '
	}
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// Rune classes of search text.
const (
	searchOther = iota
	searchWord
	searchCJK
)

// searchClass tells which kind of run r belongs to (r folded).
func searchClass(r rune) int {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z' {
			return searchWord
		}
		return searchOther
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return searchCJK
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
		return searchWord
	}
	return searchOther
}

// SearchRuns folds text and calls fn for each run of word or CJK
// characters, in order; start is the run's rune offset in text.
func SearchRuns(text string, fn func(run []rune, cjk bool, start int)) {
	runes := SearchFoldRunes(text)
	for i := 0; i < len(runes); {
		c := searchClass(runes[i])
		if c == searchOther {
			i++
			continue
		}
		j := i + 1
		for j < len(runes) && searchClass(runes[j]) == c {
			j++
		}
		fn(runes[i:j], c == searchCJK, i)
		i = j
	}
}

// SearchFoldRunes returns text's runes folded (see SearchFold).
func SearchFoldRunes(text string) []rune {
	out := make([]rune, 0, len(text))
	for _, r := range text {
		out = append(out, SearchFold(r))
	}
	return out
}

// SearchTerm is one run of a query, folded.
type SearchTerm struct {
	Text string
	CJK  bool
}

// SearchTerms splits a query into its terms, in order, each once. A query
// of only punctuation and spaces has none.
func SearchTerms(query string) []SearchTerm {
	var out []SearchTerm
	seen := map[string]bool{}
	SearchRuns(query, func(run []rune, cjk bool, _ int) {
		s := string(run)
		if !seen[s] {
			seen[s] = true
			out = append(out, SearchTerm{Text: s, CJK: cjk})
		}
	})
	return out
}

// SearchFind returns the rune offsets [start, end) of term's first match in
// folded (text as SearchFoldRunes returns it), or -1, -1.
func SearchFind(folded []rune, term SearchTerm) (int, int) {
	t := []rune(term.Text)
	if len(t) == 0 {
		return -1, -1
	}
	for i := 0; i+len(t) <= len(folded); i++ {
		if folded[i] != t[0] {
			continue
		}
		if !term.CJK && i > 0 && searchClass(folded[i-1]) == searchWord {
			continue // not the start of a word
		}
		if equalRunes(folded[i:i+len(t)], t) {
			return i, i + len(t)
		}
	}
	return -1, -1
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
