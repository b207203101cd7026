package model

import (
	"slices"
	"testing"
)

func TestSearchTerms(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []SearchTerm
	}{
		{"高考", []SearchTerm{{"高考", true}}},
		{"王总 高考", []SearchTerm{{"王总", true}, {"高考", true}}},
		{"@王总，", []SearchTerm{{"王总", true}}},
		{"ACME Ltd", []SearchTerm{{"acme", false}, {"ltd", false}}},
		{"ＡＣＭＥ　报价", []SearchTerm{{"acme", false}, {"报价", true}}}, // full-width letters and space
		{"A座3楼", []SearchTerm{{"a", false}, {"座", true}, {"3", false}, {"楼", true}}},
		{"quote quote QUOTE", []SearchTerm{{"quote", false}}},
		{"Ärger café", []SearchTerm{{"ärger", false}, {"café", false}}},
		{"138-0000-1234", []SearchTerm{{"138", false}, {"0000", false}, {"1234", false}}},
		{"  ，。!?  ", nil},
		{"", nil},
	} {
		if got := SearchTerms(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("SearchTerms(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestSearchFind(t *testing.T) {
	for _, tc := range []struct {
		text, query string
		start, end  int
	}{
		{"王总女儿明年高考，别约周末", "高考", 6, 8},
		{"王总女儿明年高考，别约周末", "明年高考", 4, 8},
		{"明年去年高考", "明年高考", -1, -1},
		{"Discussed the revised Quotation", "quot", 22, 26},
		{"misquote", "quote", -1, -1},         // a word is found from its start
		{"A座misquote quote", "quote", 11, 16}, // the second one
		{"见ACME的人", "acme", 1, 5},             // a word right after Chinese
		{"ＡＣＭＥ Ltd", "acme", 0, 4},
		{"Ärger", "är", 0, 2},
		{"", "高考", -1, -1},
	} {
		terms := SearchTerms(tc.query)
		if len(terms) != 1 {
			t.Fatalf("%q: want one term, got %v", tc.query, terms)
		}
		s, e := SearchFind(SearchFoldRunes(tc.text), terms[0])
		if s != tc.start || e != tc.end {
			t.Errorf("SearchFind(%q, %q) = %d, %d, want %d, %d", tc.text, tc.query, s, e, tc.start, tc.end)
		}
	}
}

func TestSearchFoldKeepsOffsets(t *testing.T) {
	for _, s := range []string{"ÀÉÎÕÜ", "ＡＢＣ１２３", "İstanbul", "王总　ACME"} {
		if got := SearchFoldRunes(s); len(got) != len([]rune(s)) {
			t.Errorf("SearchFoldRunes(%q) has %d runes, want %d", s, len(got), len([]rune(s)))
		}
	}
}
