// Package quickadd understands the one-line task grammar of DESIGN.md §4
// (the planner's `a` and `salesplan add`), in English and Chinese, and the
// date words accepted wherever a date is typed (ParseDate).
//
// It is pure and deterministic: "today" is always passed in, nothing reads
// the clock or the disk, and the same input always gives the same Result.
// Parse never fails: what it could not understand is reported in
// Result.Problems as *model.Problem values (codes listed in Codes) so the
// planner can show them beside the input and refuse to save. The preview is
// the UI's business: it renders Result itself.
//
// # Grammar decisions (where DESIGN.md §4 is silent)
//
//   - Words are split on white space (the ideographic space U+3000 too).
//     A `\` before a word keeps it literally in the title ("\sun cream",
//     "\@home", "\#1"), the escape for a title word the grammar would eat.
//   - Kind comes from the first word left for the title, case-insensitive:
//     call/打电话/电话, visit/拜访, meet/meeting/会议/开会, or from such a word
//     after a connective (给/跟/和/与/同/找: "给 @王总 打电话"; "@王总打电话"
//     splits the kind word off an unquoted name). The kind word is taken out
//     of the title: the planner shows the kind beside it. When nothing else
//     is left (or only connectives: "call with @Bob", 打电话给@王总), the
//     title is the kind and the client in the language of the kind word
//     typed — "Call 王总", "Visit ACME Ltd", "Meeting with 王总",
//     给王总打电话, 拜访王总, 和王总开会; with a project and no client
//     "Meeting · Tower B"; with neither, "Call" or 打电话 — so the title
//     reads on its own (command line, calendar sync). It is data, not
//     interface text: it does not change with --lang. Glued to more Chinese
//     text, 打电话, 拜访 and 开会 set the kind but stay in the title
//     ("打电话给王总问报价"), because cutting them would leave a fragment. A
//     word typed with a backslash is never the kind word ("\call").
//   - `@name` is the client, `#name` the project; `@"ACME Ltd"` (or “…”)
//     quotes a name with spaces. An unquoted name runs to the next space;
//     trailing punctuation (,.;:!?，。；：！？、) is dropped, and Chinese
//     date, time and repeat words glued to its end are split off, so
//     "@王总明天下午3点" is 王总 tomorrow at 15:00 (quote a name that really
//     ends in such a word: @"李明天"). An @ or # right after a Chinese
//     character starts a name ("拜访@王总"); after a Latin letter it does not
//     (e-mail addresses stay text). `#` followed by digits only ("PO #4512")
//     is title text, not a project. A second, different client or project is
//     a problem, never a guess. JoinArgs re-quotes a name the shell unquoted.
//   - `!` (or `！`) marks the task important only as a word of its own ("!",
//     "!!"): "Hi!" and "urgent!" keep their punctuation.
//   - With no date word the task is dated today (not the inbox): a task typed
//     into a planner is meant to be seen. There is no inbox word, because
//     "inbox" is a plausible title word; undated tasks are made by clearing
//     the date in the edit form. "every mon"/每周一 with no date starts on the
//     next Monday; "every weekday" with no date starts on the next Mon–Fri.
//   - A bare weekday is today or the next such day ("fri" on a Friday is
//     today: a rep typing "call Bob fri" on Friday morning means today).
//     "next mon"/下周一 is the Monday of next week (weeks start on Monday),
//     下下周一 the week after; 本周一/这周一 the Monday of this week. `12-01`,
//     `12/1` and 12月1日 are this year, or next year when already past. Two
//     different dates (or times, or repeat rules) in one line are a problem:
//     "sun cream tomorrow" asks the user to escape one ("\sun").
//   - `10:00` is 24-hour; `3pm`, `3:30pm`, `3 pm` are explicit. A slot word
//     with a time read on a 12-hour reading ("下午 3点", "afternoon 3:30",
//     "晚上 8:00") moves hours 1–11 into the afternoon or evening. A time sets
//     the slot (model.SlotOf); otherwise a slot word does; otherwise "any".
//   - Chinese words glued to text are recognised at the start and at the end
//     of a run ("明天下午3点打电话给王总", "给王总回电话明天"), not in its
//     middle. Chinese-numeral hours need a period word (下午三点); 3点 alone
//     is 03:00 as written. 工作日 and N号 count only as words of their own
//     ("工作日志" is a title). Full-width digits and ＋－／：．, as a Chinese IME
//     types them in full-width mode, are read as ASCII (titles too).
//
// # Why the grammar is hand-written
//
// A date library such as github.com/olebedev/when finds the first cluster of
// date matches anywhere in free text by regular expression; quick-add must
// classify every word and remove exactly the ones it used, never read a date
// inside @"Tower 12/1". when's meanings also differ from §4 ("next mon" is
// the next occurrence, "12/1" is day/month, month-days never roll into next
// year), one of its Chinese rules reads time.Now, and it compiled regular
// expressions for five languages at every start of the program, whether a
// date was typed or not. So the grammar is hand-written, its regular
// expressions are compiled on first use, and ParseDate reads a small set of
// whole date phrases beside it (phrases.go: "last friday", "in 3 weeks",
// "december 1st", "大前天", "两周前", "下个月").
package quickadd

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"salesplan/model"
)

// Resolver looks up the clients and projects named in a quick-add line.
type Resolver interface {
	// ResolveClient/ResolveProject: exact name first, then unique case-insensitive prefix.
	// Return a *model.Problem when unknown or ambiguous (code "unknown_client", "ambiguous_client", …).
	ResolveClient(query string) (model.ID, string, error)
	ResolveProject(query string) (model.ID, string, error)
}

// Result is what one quick-add line means.
type Result struct {
	Task        model.Task // Title, Kind, Date, Time, Slot, ClientID, ProjectID, Important, Repeat filled
	ClientName  string
	ProjectName string
	Problems    []error // *model.Problem each: unknown/ambiguous client or project, empty title, bad date…
	// Dated says a date word was typed; without one Task.Date is today (or
	// the repeat's first day), and a caller showing another day may move it.
	Dated bool
}

// Problem codes produced by this package (the Resolver adds its own, such as
// unknown_client and ambiguous_client). The message catalog needs "err."+code
// for each; the English text and its Args are in the comments.
const (
	CodeEmptyTitle    = "empty_title"    // "the task needs a title"
	CodeBadDate       = "bad_date"       // "%q is not a date …", the text typed
	CodeBadPastDate   = "bad_past_date"  // ParsePastDate's "%q is not a date …", the text typed
	CodeBadTime       = "bad_time"       // "%q is not a time of day", the text typed
	CodeBadRepeat     = "bad_repeat"     // "%q is not a repeat rule", the text typed
	CodeEmptyClient   = "empty_client"   // "@ needs a client name"
	CodeEmptyProject  = "empty_project"  // "# needs a project name"
	CodeUnclosedQuote = "unclosed_quote" // "the quote after %s is not closed", "@" or "#"
	CodeTwoClients    = "two_clients"    // "a task has one client: %q or %q?"
	CodeTwoProjects   = "two_projects"   // "a task has one project: %q or %q?"
	CodeTwoDates      = "two_dates"      // "two dates: %q and %q (escape a word with \\)"
	CodeTwoTimes      = "two_times"      // "two times: %q and %q"
	CodeTwoRepeats    = "two_repeats"    // "two repeat rules: %q and %q"
	CodeRepeatWeekday = "repeat_weekday" // "%q and the date %s fall on different days of the week …", rule and date typed
	CodeLookupFailed  = "lookup_failed"  // "could not look up %q: %v"
)

// Codes lists every Problem code this package produces, for catalog tests.
var Codes = []string{CodeEmptyTitle, CodeBadDate, CodeBadPastDate, CodeBadTime, CodeBadRepeat, CodeEmptyClient,
	CodeEmptyProject, CodeUnclosedQuote, CodeTwoClients, CodeTwoProjects, CodeTwoDates,
	CodeTwoTimes, CodeTwoRepeats, CodeLookupFailed}

// token is one word of the input.
type token struct {
	text     string // the word; for @/# the name without sigil and quotes; for \ the rest
	sigil    rune   // '@', '#' or 0
	literal  bool   // typed with a leading backslash
	quoted   bool   // the name was quoted
	unclosed bool   // the quote was never closed
}

// isHan reports whether r is a CJK ideograph (what "Chinese text" means here).
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isCJKPunct reports whether r is full-width punctuation typed by a Chinese IME.
func isCJKPunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

func sigilOf(r rune) rune {
	switch r {
	case '@', '＠':
		return '@'
	case '#', '＃':
		return '#'
	}
	return 0
}

// closeQuote returns the rune that closes a quote opened by r, or 0.
func closeQuote(r rune) rune {
	switch r {
	case '"':
		return '"'
	case '“':
		return '”'
	}
	return 0
}

// tokenize splits the input into words. A quoted @/# name may contain spaces;
// an @ or # right after a Chinese character starts a new word.
func tokenize(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		switch {
		case sigilOf(r) != 0:
			tok, next := readName(s, i+n, sigilOf(r))
			out = append(out, tok)
			i = next
		case r == '\\':
			end := wordEnd(s, i+n, false)
			text := s[i+n : end]
			if text == "" {
				text = `\`
			}
			out = append(out, token{text: text, literal: true})
			i = end
		default:
			end := wordEnd(s, i, true)
			out = append(out, token{text: s[i:end]})
			i = end
		}
	}
	return out
}

// wordEnd returns where the word starting at i ends: at white space, or, when
// splitAtSigil, at an @ or # that follows a Chinese character.
func wordEnd(s string, i int, splitAtSigil bool) int {
	prev := rune(0)
	for j := i; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) {
			return j
		}
		if splitAtSigil && j > i && sigilOf(r) != 0 && (isHan(prev) || isCJKPunct(prev)) {
			return j
		}
		prev = r
		j += n
	}
	return len(s)
}

// readName reads an @/# name starting at i (just after the sigil).
func readName(s string, i int, sigil rune) (token, int) {
	if i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if c := closeQuote(r); c != 0 {
			body := s[i+n:]
			end := strings.IndexFunc(body, func(q rune) bool { return q == c || q == '"' })
			if end < 0 {
				return token{text: strings.TrimSpace(body), sigil: sigil, quoted: true, unclosed: true}, len(s)
			}
			_, qn := utf8.DecodeRuneInString(body[end:])
			return token{text: strings.TrimSpace(body[:end]), sigil: sigil, quoted: true}, i + n + end + qn
		}
	}
	end := wordEnd(s, i, true)
	return token{text: s[i:end], sigil: sigil}, end
}

// widthFolder turns the full-width digits and date punctuation a Chinese IME
// types in full-width mode into ASCII, so "下午３点" and "１２／１" read like
// "下午3点" and "12/1". Title words get the same folding.
var widthFolder = strings.NewReplacer(
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	"／", "/", "－", "-", "＋", "+", "．", ".", "：", ":")

func foldWidth(s string) string { return widthFolder.Replace(s) }

// JoinArgs joins command-line words into one quick-add line. The shell has
// already removed the quotes from `@"ACME Ltd"`, so an argument that starts
// with @ or # and holds a space is quoted again; other arguments are joined
// with spaces as typed.
func JoinArgs(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		r, n := utf8.DecodeRuneInString(a)
		if sigilOf(r) == 0 || !strings.ContainsFunc(a, unicode.IsSpace) {
			continue
		}
		if q, _ := utf8.DecodeRuneInString(a[n:]); closeQuote(q) != 0 {
			continue
		}
		out[i] = a[:n] + `"` + strings.ReplaceAll(a[n:], `"`, "") + `"`
	}
	return strings.Join(out, " ")
}

// nameTrailingPunct is dropped from the end of an unquoted name ("@Bob,").
const nameTrailingPunct = ",.;:!?，。；：！？、"

// state gathers what the grammar words said.
type state struct {
	today model.Date

	date     model.Date
	dateText string

	clock     model.Clock
	clockText string
	ambiguous bool // the clock was written on a 12-hour reading without am/pm

	slot     model.Slot
	slotText string

	repeat     model.Repeat
	repeatText string
	repeatWd   time.Weekday
	repeatHasW bool

	important bool
	problems  []error
}

func (st *state) apply(e effect) {
	if e.err != nil {
		st.problems = append(st.problems, e.err)
		return
	}
	switch e.kind {
	case effDate:
		if st.dateText != "" && st.date != e.date {
			st.problems = append(st.problems, model.Errf(CodeTwoDates,
				"two dates: %q and %q (escape a word with \\)", st.dateText, e.text))
			return
		}
		st.date, st.dateText = e.date, e.text
	case effTime:
		if st.clockText != "" && st.clock != e.clock {
			st.problems = append(st.problems, model.Errf(CodeTwoTimes, "two times: %q and %q", st.clockText, e.text))
			return
		}
		st.clock, st.clockText, st.ambiguous = e.clock, e.text, e.ambiguous
	case effSlot:
		if st.slotText != "" && st.slot != e.slot {
			st.problems = append(st.problems, model.Errf(CodeTwoTimes, "two times: %q and %q", st.slotText, e.text))
			return
		}
		st.slot, st.slotText = e.slot, e.text
	case effRepeat:
		if st.repeatText != "" && (st.repeat != e.repeat || st.repeatHasW != e.hasWd || st.repeatWd != e.wd) {
			st.problems = append(st.problems, model.Errf(CodeTwoRepeats, "two repeat rules: %q and %q", st.repeatText, e.text))
			return
		}
		st.repeat, st.repeatText, st.repeatWd, st.repeatHasW = e.repeat, e.text, e.wd, e.hasWd
	case effImportant:
		st.important = true
	}
}

// scan runs the grammar over the tokens: grammar words become effects on st,
// the rest are returned as title words (literal: the ones typed with a
// backslash, never a kind word); @/# tokens are returned separately.
func scan(toks []token, st *state) (title []string, literal map[int]bool, names []token) {
	literal = map[int]bool{}
	for i := 0; i < len(toks); {
		t := toks[i]
		switch {
		case t.sigil == '#' && !t.quoted && isDigits(t.text):
			title = append(title, "#"+t.text)
			i++
			continue
		case t.sigil != 0:
			var tail []effect
			kind := ""
			if !t.quoted {
				t.text, tail = splitNameTail(t.text, st.today)
				if t.sigil == '@' {
					t.text, kind = kindSuffix(t.text)
				}
			}
			names = append(names, t)
			for _, e := range tail {
				st.apply(e)
			}
			if kind != "" {
				title = append(title, kind)
			}
			i++
			continue
		case t.literal:
			literal[len(title)] = true
			title = append(title, t.text)
			i++
			continue
		}
		// English phrases may span several plain words.
		words := make([]string, 0, 4)
		for j := i; j < len(toks) && j < i+4 && toks[j].sigil == 0 && !toks[j].literal; j++ {
			words = append(words, toks[j].text)
		}
		if n, effs := matchWords(words, st.today); n > 0 {
			for _, e := range effs {
				st.apply(e)
			}
			i += n
			continue
		}
		if hasHan(t.text) {
			pre, mid, post := peel(t.text, st.today)
			for _, e := range pre {
				st.apply(e)
			}
			if mid != "" {
				title = append(title, mid)
			}
			for _, e := range post {
				st.apply(e)
			}
		} else {
			title = append(title, t.text)
		}
		i++
	}
	return title, literal, names
}

// splitNameTail drops trailing punctuation from an unquoted name and splits
// off Chinese grammar words glued to its end.
func splitNameTail(name string, today model.Date) (string, []effect) {
	name = strings.TrimRight(name, nameTrailingPunct)
	if !hasHan(name) {
		return name, nil
	}
	i, effs := peelSuffix(name, today)
	return name[:i], effs
}

func hasHan(s string) bool { return strings.ContainsFunc(s, isHan) }

func isDigits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// Parse understands one quick-add line. Resolver may be nil (then @/# names are kept unresolved in ClientName/ProjectName with no ID, and no problem).
// With no date word the task is dated today (see the package doc for every
// decision the design left open).
func Parse(input string, today model.Date, r Resolver) Result {
	st := &state{today: today}
	title, literal, names := scan(tokenize(foldWidth(input)), st)

	var res Result
	seen := map[rune]string{}
	for _, n := range names {
		res.Problems = append(res.Problems, resolveName(&res, n, seen, r)...)
	}
	res.Problems = append(res.Problems, st.problems...)

	t := &res.Task
	var typed string // the kind word typed, when nothing else is left of the title
	title, t.Kind, typed = takeKind(title, literal)
	t.Title = strings.Join(title, " ")
	if t.Title == "" && typed != "" {
		t.Title = defaultTitle(t.Kind, typed, res.ClientName, res.ProjectName)
	}
	if t.Title == "" {
		res.Problems = append(res.Problems, model.Errf(CodeEmptyTitle, "the task needs a title"))
	}

	if st.clock.Valid() && st.ambiguous && (st.slot == model.SlotAfternoon || st.slot == model.SlotEvening) {
		if h := st.clock.Hour(); h >= 1 && h <= 11 {
			st.clock = model.ClockAt(h+12, st.clock.Minute())
		}
	}
	t.Time = st.clock
	switch {
	case st.clock.Valid():
		t.Slot = model.SlotOf(st.clock)
	case st.slot != "":
		t.Slot = st.slot
	default:
		t.Slot = model.SlotAny
	}

	t.Repeat = st.repeat
	t.Important = st.important
	t.Date = st.date
	res.Dated = st.dateText != ""
	if res.Dated && st.repeatHasW && t.Date.Valid() && t.Date.Weekday() != st.repeatWd {
		// "every mon" on a Wednesday: which one was meant is a guess.
		res.Problems = append(res.Problems, model.Errf(CodeRepeatWeekday,
			"%q and the date %s fall on different days of the week: leave the date out, or give one on that day", st.repeatText, t.Date))
	}
	if !res.Dated {
		switch {
		case st.repeatHasW:
			t.Date = onOrAfter(today, st.repeatWd)
		case st.repeat == "weekdays":
			t.Date = today
			for t.Date.Weekday() == time.Saturday || t.Date.Weekday() == time.Sunday {
				t.Date = t.Date.AddDays(1)
			}
		default:
			t.Date = today
		}
	}
	return res
}

// resolveName fills the client or project of res from one @/# token.
func resolveName(res *Result, n token, seen map[rune]string, r Resolver) []error {
	what, empty, two := "client", CodeEmptyClient, CodeTwoClients
	if n.sigil == '#' {
		what, empty, two = "project", CodeEmptyProject, CodeTwoProjects
	}
	var probs []error
	if n.unclosed {
		probs = append(probs, model.Errf(CodeUnclosedQuote, "the quote after %s is not closed", string(n.sigil)))
	}
	if n.text == "" {
		return append(probs, model.Errf(empty, "%s needs a "+what+" name", string(n.sigil)))
	}
	if prev, ok := seen[n.sigil]; ok {
		if !strings.EqualFold(prev, n.text) {
			probs = append(probs, model.Errf(two, "a task has one "+what+": %q or %q?", prev, n.text))
		}
		return probs
	}
	seen[n.sigil] = n.text

	name, id := n.text, model.ID(0)
	if r != nil {
		var err error
		var got string
		if n.sigil == '@' {
			id, got, err = r.ResolveClient(n.text)
		} else {
			id, got, err = r.ResolveProject(n.text)
		}
		switch {
		case err != nil:
			id = 0
			if _, ok := err.(*model.Problem); ok {
				probs = append(probs, err)
			} else {
				probs = append(probs, model.Errf(CodeLookupFailed, "could not look up %q: %v", n.text, err))
			}
		case got != "":
			name = got
		}
	}
	if n.sigil == '@' {
		res.ClientName, res.Task.ClientID = name, id
	} else {
		res.ProjectName, res.Task.ProjectID = name, id
	}
	return probs
}

// takeKind finds the task's kind in its title words and takes the kind
// word out: "call @王总 about the quote" is a call titled "about the
// quote". When nothing but the kind word (and connectives such as "with"
// or 给) is left, it returns no title words and the kind word typed, for
// defaultTitle. A kind word glued to more Chinese text stays in the title
// ("打电话给王总问报价"), unless only a connective is glued to it
// ("明天下午3点打电话给@王总": 打电话给). A word typed with a backslash is
// never the kind word ("\call" is a to-do titled call).
func takeKind(title []string, literal map[int]bool) ([]string, model.TaskKind, string) {
	if len(title) == 0 || literal[0] {
		return title, model.TaskTodo, ""
	}
	if k, ok := kindWord(title[0]); ok { // call …, 电话 …
		if onlyConnectives(title[1:]) {
			return nil, k, title[0]
		}
		return title[1:], k, title[0]
	}
	if len(title) >= 2 && isConnective(title[0]) && !literal[1] { // 给 打电话 (给@王总打电话)
		if k, ok := kindWord(title[1]); ok {
			if onlyConnectives(title[2:]) {
				return nil, k, title[1]
			}
			return title[2:], k, title[1]
		}
	}
	if k, word, ok := kindPrefix(title[0]); ok { // 打电话给王总, 打电话给
		if title[0] == word || isConnective(strings.TrimPrefix(title[0], word)) {
			// Only the kind word and a connective (打电话给@王总 问报价):
			// the rest of the line is the title.
			if onlyConnectives(title[1:]) {
				return nil, k, word
			}
			return title[1:], k, word
		}
		return title, k, ""
	}
	return title, model.TaskTodo, ""
}

// isConnective reports whether w only links the kind word to the client
// ("call with", 给王总打电话, 跟王总开会), so it is no title by itself.
func isConnective(w string) bool {
	switch strings.ToLower(w) {
	case "with", "to", "and", "给", "跟", "和", "与", "同", "找":
		return true
	}
	return false
}

func onlyConnectives(ws []string) bool {
	for _, w := range ws {
		if !isConnective(w) {
			return false
		}
	}
	return true
}

// defaultTitle is the title of a task typed as only its kind word and a
// client: "Call 王总", "Visit ACME Ltd", "Meeting with 王总", or in
// Chinese when the kind word was Chinese: 给王总打电话, 拜访王总, 和王总开会;
// with a project and no client "Meeting · Tower B", 开会 · 地铁三号线; with
// neither, the kind: "Call", 打电话.
// The title is data, not interface text: it stays in the language it was
// typed in whatever language the planner shows, as a typed title would.
func defaultTitle(k model.TaskKind, typed, client, project string) string {
	zh := hasHan(typed)
	if client == "" && project != "" { // "meet #Tower B": Meeting · Tower B
		word := map[model.TaskKind][2]string{model.TaskCall: {"Call", "打电话"}, model.TaskVisit: {"Visit", "拜访"},
			model.TaskMeeting: {"Meeting", "开会"}}[k]
		if zh {
			return word[1] + " · " + project
		}
		return word[0] + " · " + project
	}
	switch {
	case k == model.TaskCall && zh && client != "":
		return "给" + client + "打电话"
	case k == model.TaskCall && zh:
		return "打电话"
	case k == model.TaskCall:
		return strings.TrimSpace("Call " + client)
	case k == model.TaskVisit && zh:
		return "拜访" + client
	case k == model.TaskVisit:
		return strings.TrimSpace("Visit " + client)
	case k == model.TaskMeeting && zh && client != "":
		return "和" + client + "开会"
	case k == model.TaskMeeting && zh:
		return "开会"
	case k == model.TaskMeeting && client != "":
		return "Meeting with " + client
	case k == model.TaskMeeting:
		return "Meeting"
	}
	return typed
}

// kindWord reads a standalone kind word.
func kindWord(w string) (model.TaskKind, bool) {
	switch strings.ToLower(w) {
	case "call", "打电话", "电话":
		return model.TaskCall, true
	case "visit", "拜访":
		return model.TaskVisit, true
	case "meet", "meeting", "会议", "开会":
		return model.TaskMeeting, true
	}
	return "", false
}

// kindPrefix reads a kind word glued to the front of Chinese text.
func kindPrefix(w string) (model.TaskKind, string, bool) {
	for _, p := range []struct {
		word string
		kind model.TaskKind
	}{{"打电话", model.TaskCall}, {"拜访", model.TaskVisit}, {"开会", model.TaskMeeting}} {
		if strings.HasPrefix(w, p.word) {
			return p.kind, p.word, true
		}
	}
	return "", "", false
}

// kindSuffix splits a Chinese kind word off the end of an unquoted name
// ("@王总打电话" is 王总 and 打电话); "" when the name has none, or is
// nothing else.
func kindSuffix(name string) (string, string) {
	for _, w := range []string{"打电话", "电话", "拜访", "开会", "会议"} {
		if rest, ok := strings.CutSuffix(name, w); ok && rest != "" && hasHan(rest) {
			return rest, w
		}
	}
	return name, ""
}

// onOrAfter returns the first day on or after d that falls on wd.
func onOrAfter(d model.Date, wd time.Weekday) model.Date {
	return d.AddDays((int(wd) - int(d.Weekday()) + 7) % 7)
}

// inWeek returns weekday wd of the week (Monday first) that starts weeks
// after d's week: 0 this week, 1 next week, -1 last week.
func inWeek(d model.Date, weeks int, wd time.Weekday) model.Date {
	return d.WeekStart().AddDays(7*weeks + (int(wd)+6)%7)
}
