// Package i18n is salesplan's message catalog: every string the planner or
// the command line shows a user comes from here, in English and Simplified
// Chinese (glossary in DESIGN.md §5).
//
// Each area keeps its messages in its own file, msgs_<area>.go, whose init()
// calls Register; so engineers add messages without touching each other's
// files. Keys are dotted, area first: "day.empty", "cli.client.added",
// "err.bad_date" (the "err." keys translate model.Problem codes).
package i18n

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"salesplan/model"
)

// Msg is one message in both languages. Both are fmt formats and must use
// the same arguments (a test checks it); Chinese may reorder them with
// indexed verbs like %[2]s.
type Msg struct{ EN, ZH string }

// Lang is a user-interface language.
type Lang string

// Languages.
const (
	EN Lang = "en"
	ZH Lang = "zh"
)

// The catalog is the list of tables the msgs_<area>.go files registered, in
// order, searched without being merged: copying a thousand messages into one
// map at every start of the program cost more than all the lookups a
// command makes (a lookup asks at most a dozen maps).
var (
	mu     sync.RWMutex
	tables []map[string]Msg
)

// Register adds messages to the catalog; call it from an init() in
// msgs_<area>.go. A key registered twice keeps its first text and is
// reported by the catalog test rather than panicking at start-up. The map
// is kept, not copied: the caller must not change it afterwards.
func Register(msgs map[string]Msg) {
	mu.Lock()
	defer mu.Unlock()
	tables = append(tables, msgs)
}

// duplicateKeys returns the keys registered more than once, for the test.
func duplicateKeys() []string {
	mu.RLock()
	defer mu.RUnlock()
	seen := map[string]bool{}
	var dups []string
	for _, t := range tables {
		for k := range t {
			if seen[k] {
				dups = append(dups, k)
			}
			seen[k] = true
		}
	}
	sort.Strings(dups)
	return dups
}

// Has reports whether key is in the catalog.
func Has(key string) bool {
	_, ok := Lookup(key)
	return ok
}

// Keys returns every key in the catalog, sorted.
func Keys() []string {
	mu.RLock()
	defer mu.RUnlock()
	seen := map[string]bool{}
	var out []string
	for _, t := range tables {
		for k := range t {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Lookup returns the message for key (the first table that has it).
func Lookup(key string) (Msg, bool) {
	mu.RLock()
	defer mu.RUnlock()
	for _, t := range tables {
		if m, ok := t[key]; ok {
			return m, true
		}
	}
	return Msg{}, false
}

// Parse reads a language name: "en", "zh", also "zh-CN", "zh_CN.UTF-8",
// "english", "chinese", "中文" (any case).
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return "", false
	case strings.HasPrefix(s, "zh"), s == "chinese", s == "中文":
		return ZH, true
	case strings.HasPrefix(s, "en"):
		return EN, true
	}
	return "", false
}

// Detect picks the language: the setting when it names one, else the first
// of LC_ALL, LC_MESSAGES, LANG that is set (zh* → Chinese, anything else →
// English), else English. env is os.Getenv in production.
func Detect(setting string, env func(string) string) Lang {
	if l, ok := Parse(setting); ok {
		return l
	}
	if env == nil {
		return EN
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := strings.TrimSpace(env(name))
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "zh") {
			return ZH
		}
		return EN
	}
	return EN
}

// text returns the format for key in l, and whether the key exists. A
// message with an empty Chinese text falls back to English.
func (l Lang) text(key string) (string, bool) {
	m, ok := Lookup(key)
	if !ok {
		return "", false
	}
	if l == ZH && m.ZH != "" {
		return m.ZH, true
	}
	return m.EN, true
}

// T returns the message key in l, formatted with args. A missing key comes
// back as "!key" so that it is visible on screen and in tests, never a panic.
func (l Lang) T(key string, args ...any) string {
	f, ok := l.text(key)
	if !ok {
		return "!" + key
	}
	if len(args) == 0 && !strings.Contains(f, "%") {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// N returns the message key in l for a count of n, formatted with args
// (usually n itself first): the catalog's plural support. Where the count
// changes the words — "1 client", "3 clients" —, the catalog holds the
// singular as key+"_one" beside key, in both languages (Chinese has one
// form: its _one reads as the other), and N takes it when n is 1. A
// singular may leave out arguments it does not need ("the one client"): N
// hands a form only as many arguments as it uses.
func (l Lang) N(key string, n int, args ...any) string {
	if n == 1 && Has(key+pluralOne) {
		key += pluralOne
	}
	f, ok := l.text(key)
	if !ok {
		return "!" + key
	}
	if c := ArgCount(f); c < len(args) {
		args = args[:c]
	}
	return l.T(key, args...)
}

// pluralOne ends the key of a message's singular form (N).
const pluralOne = "_one"

// Err says err in l, on one line. A *model.Problem anywhere in the chain
// is translated through "err."+Code with its Args; when the code is unknown
// or its message does not take that many arguments, the Problem's English
// is used. Any other error is shown as err.Error(). Arguments are often
// text the user typed, so the result is made inert (model.InertLine). nil
// gives "".
func (l Lang) Err(err error) string {
	if err == nil {
		return ""
	}
	// One vocabulary: any error in the chain that explains itself as a
	// Problem (model.Explained: a *model.Problem, a storage error, an
	// import's ValidationError) is said in the user's language.
	var e model.Explained
	if errors.As(err, &e) {
		if p := e.Problem(); p != nil {
			return model.InertLine(l.problem(p))
		}
	}
	return model.InertLine(err.Error())
}

// problem words p from the catalog; an argument that is itself a Problem
// (what is wrong with a record of an import) is worded the same way.
func (l Lang) problem(p *model.Problem) string {
	f, ok := l.text("err." + p.Code)
	if !ok || ArgCount(f) != len(p.Args) {
		return p.Error()
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		args[i] = a
		if e, ok := a.(model.Explained); ok && e.Problem() != nil {
			args[i] = l.problem(e.Problem())
		}
	}
	return fmt.Sprintf(f, args...)
}

// verbRE matches one fmt verb (not %%): flags, an optional argument index,
// width and precision, then the verb letter.
// It is compiled on first use: most commands never need it.
var verbRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`%[-+# 0]*(\[(\d+)\])?[-+# 0]*(\d+|\*)?(\.(\d+|\*)?)?[a-zA-Z]`)
})

// ArgIndexes returns the set of argument positions (1-based) a format uses,
// following fmt's rules for indexed verbs.
func ArgIndexes(format string) map[int]bool {
	clean := strings.ReplaceAll(format, "%%", "")
	used := map[int]bool{}
	next := 1
	for _, m := range verbRE().FindAllStringSubmatch(clean, -1) {
		if m[2] != "" {
			n, _ := strconv.Atoi(m[2])
			next = n
		}
		used[next] = true
		next++
	}
	return used
}

// ArgCount returns how many arguments a format consumes (its highest
// argument position).
func ArgCount(format string) int {
	n := 0
	for i := range ArgIndexes(format) {
		if i > n {
			n = i
		}
	}
	return n
}
