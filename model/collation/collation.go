// Package collation is the one order of names in salesplan: the Clients
// pane's "by name" (and its area sort) and `salesplan client list` sort
// through it, so that both faces list the same clients in the same order.
//
// Chinese names sort by pinyin (李经理, 孙总, 王总, 新客户, 张工, 赵总), as a
// Chinese address book does, not by code point (孙总, 张工, 新客户, 李经理, …);
// Latin names sort case-insensitively (ACME Ltd, bob, Lisa Wang) and come
// before the Chinese ones; digits inside a name sort as numbers (2号楼
// before 10号楼). A name read two ways sorts by its common reading (长城
// under zhang): a collation sees characters, not words.
//
// The rule is golang.org/x/text/collate with language.Chinese, whose
// default for zh is CLDR's pinyin collation. Chosen because it is the Go
// team's own, kept in step with Unicode and CLDR, pure Go with its tables
// built in (no data files, no cgo), and already the standard way to sort
// text for a language in Go; a pinyin converter (github.com/mozillazg/go-pinyin)
// would sort Han only and leave case, accents and digits to hand-written
// rules. Version v0.42.0 is pinned because it needs nothing newer than the
// golang.org/x modules the build already has. Its cost: collate's init
// indexes its locale tables at every start (26 KB, ~300 allocations,
// ~0.1 ms; startup_test.go budgets it), and a sort key takes about 1 µs a
// name, so the Clients pane sorts in its load, off the UI loop.
package collation

import (
	"bytes"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Order makes sort keys for names. It is not safe for concurrent use: make
// one per sort (New is cheap).
type Order struct {
	c   *collate.Collator
	buf collate.Buffer
}

// New makes an Order.
func New() *Order {
	return &Order{c: collate.New(language.Chinese, collate.IgnoreCase, collate.Numeric)}
}

// Key is s's sort key: keys compared with bytes.Compare give the order of
// the names. A key stays valid for the Order's life.
func (o *Order) Key(s string) []byte { return o.c.KeyFromString(&o.buf, s) }

// Compare orders two names: -1, 0 or +1. Names the collation holds equal
// (ACME and acme) fall back to their code points, so the order is total.
func Compare(a, b string) int {
	o := New()
	return compareKeys(o.Key(a), o.Key(b), a, b)
}

func compareKeys(ka, kb []byte, a, b string) int {
	if c := bytes.Compare(ka, kb); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// Sort sorts s by the name of each element, stably.
func Sort[T any](s []T, name func(T) string) {
	o := New()
	keys := make([][]byte, len(s))
	names := make([]string, len(s))
	for i, v := range s {
		names[i] = name(v)
		keys[i] = o.Key(names[i])
	}
	idx := make([]int, len(s))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		return compareKeys(keys[i], keys[j], names[i], names[j]) < 0
	})
	out := make([]T, len(s))
	for i, j := range idx {
		out[i] = s[j]
	}
	copy(s, out)
}
