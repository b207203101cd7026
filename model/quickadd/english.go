package quickadd

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"salesplan/model"
)

// effKind says which part of the task a grammar word sets.
type effKind int

const (
	effDate effKind = iota + 1
	effTime
	effSlot
	effRepeat
	effImportant
)

// effect is what one grammar word or phrase means. err set means the words
// looked like a date, time or rule but were not a valid one; they are used
// up anyway, so that "13/45" is reported rather than left in the title.
type effect struct {
	kind      effKind
	text      string // as typed, for problem messages
	date      model.Date
	clock     model.Clock
	ambiguous bool // a 12-hour reading without am/pm: a later 下午/pm slot word moves it
	slot      model.Slot
	repeat    model.Repeat
	wd        time.Weekday // with hasWd: "every mon"
	hasWd     bool
	err       error
}

// maxRepeatN bounds "every N days/weeks".
const maxRepeatN = 365

func dateEff(text string, d model.Date) effect { return effect{kind: effDate, text: text, date: d} }

func badDate(text string) effect {
	return effect{kind: effDate, text: text,
		err: model.Errf(CodeBadDate, "%q is not a date (try 2026-12-01, 12/1, tomorrow, fri, next mon, +3d)", text)}
}

// CodeOutOfRange is the problem of a date word that names a day outside
// the dates salesplan keeps ("+99999d", "in 200 years"); the catalog's
// model date_out_of_range.
const CodeOutOfRange = "date_out_of_range"

// outOfRange is the problem of a date word that lands outside the dates
// salesplan keeps (model.MinDate to model.MaxDate).
func outOfRange(text string) effect {
	return effect{kind: effDate, text: text,
		err: model.Errf(CodeOutOfRange, "%s is outside the dates salesplan keeps (1900-01-01 to 2200-12-31)", strconv.Quote(text))}
}

// moved is today moved by days (forward or back), or the range problem
// when that leaves the dates salesplan keeps.
func moved(text string, days int64, today model.Date) effect {
	d := int64(today) + days
	if d < int64(model.MinDate) || d > int64(model.MaxDate) {
		return outOfRange(text)
	}
	return dateEff(text, model.Date(d))
}

func badTime(text string) effect {
	return effect{kind: effTime, text: text, err: model.Errf(CodeBadTime, "%q is not a time of day", text)}
}

func badRepeat(text string) effect {
	return effect{kind: effRepeat, text: text, err: model.Errf(CodeBadRepeat, "%q is not a repeat rule", text)}
}

func slotEff(text string, s model.Slot) effect { return effect{kind: effSlot, text: text, slot: s} }

func timeEff(text string, h, m int, ambiguous bool) effect {
	if h < 0 || h > 23 || m < 0 || m > 59 {
		return badTime(text)
	}
	return effect{kind: effTime, text: text, clock: model.ClockAt(h, m), ambiguous: ambiguous}
}

func repeatEff(text string, r model.Repeat) effect {
	return effect{kind: effRepeat, text: text, repeat: r}
}

// everyN is the canonical repeat rule for every n days (unit "d") or weeks.
func everyN(text string, n int, unit string) effect {
	switch {
	case n < 1 || n > maxRepeatN:
		return badRepeat(text)
	case n == 1 && unit == "d":
		return repeatEff(text, "daily")
	case n == 1:
		return repeatEff(text, "weekly")
	case unit == "d":
		return repeatEff(text, model.Repeat("every "+strconv.Itoa(n)+" days"))
	default:
		return repeatEff(text, model.Repeat("every "+strconv.Itoa(n)+" weeks"))
	}
}

// weekdayWords are the English weekday spellings accepted (full names, the
// three-letter forms and the common "tues", "thur", "thurs", "weds").
var weekdayWords = map[string]time.Weekday{
	"mon": time.Monday, "monday": time.Monday,
	"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday,
	"wed": time.Wednesday, "weds": time.Wednesday, "wednesday": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday,
	"fri": time.Friday, "friday": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday,
	"sun": time.Sunday, "sunday": time.Sunday,
}

// The grammar's regular expressions are compiled on first use (lazyRE), so
// a command that reads no date pays nothing for them at start-up.
var (
	reYMD      = lazyRegexp(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	reMDDash   = lazyRegexp(`^(\d{2})-(\d{2})$`)
	reMDSlash  = lazyRegexp(`^(\d{1,2})/(\d{1,2})$`)
	reOffset   = lazyRegexp(`^\+(\d{1,9})([dw])$`)
	reClock24  = lazyRegexp(`^(\d{1,2})[:：](\d{1,2})$`)
	reClock12  = lazyRegexp(`^(\d{1,2})(?:[:：](\d{2}))?(am|pm|a\.m\.|p\.m\.)$`)
	reHourOnly = lazyRegexp(`^(\d{1,2})(?:[:：](\d{2}))?$`)
	reEveryN   = lazyRegexp(`^(\d{1,9})([dw])$`)
)

// lazyRE is a regular expression compiled the first time it is used.
type lazyRE struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

func lazyRegexp(expr string) *lazyRE { return &lazyRE{expr: expr} }

// FindStringSubmatch is regexp.Regexp's, on the expression compiled once.
func (l *lazyRE) FindStringSubmatch(s string) []string {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re.FindStringSubmatch(s)
}

// atoi reads digits the regexps already checked; huge numbers saturate.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 1 << 30
	}
	return n
}

// validYMD reports whether y-m-d is a real calendar day.
func validYMD(y, m, d int) bool {
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= model.DaysIn(y, time.Month(m))
}

// monthDay is m/d of this year, or of next year when that day has passed.
func monthDay(text string, m, d int, today model.Date) effect {
	y := today.Year()
	if validYMD(y, m, d) {
		if day := model.MakeDate(y, time.Month(m), d); day >= today {
			return dateEff(text, day)
		}
	}
	if validYMD(y+1, m, d) {
		return dateEff(text, model.MakeDate(y+1, time.Month(m), d))
	}
	return badDate(text)
}

// offset is today moved by n units of days, within the dates salesplan
// keeps.
func offset(text string, n, unit int, today model.Date) effect {
	return moved(text, int64(n)*int64(unit), today)
}

// matchWords reads an English phrase at the start of words (plain words
// only) and returns how many words it used.
func matchWords(words []string, today model.Date) (int, []effect) {
	if len(words) == 0 {
		return 0, nil
	}
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = strings.ToLower(w)
	}
	phrase := func(n int) string { return strings.Join(words[:n], " ") }

	if len(lw) >= 2 {
		switch lw[0] {
		case "every", "each":
			if n, e, ok := matchEvery(lw[1:], phrase); ok {
				return n + 1, []effect{e}
			}
		case "next":
			if wd, ok := weekdayWords[lw[1]]; ok {
				return 2, []effect{dateEff(phrase(2), inWeek(today, 1, wd))}
			}
			if lw[1] == "week" {
				return 2, []effect{dateEff(phrase(2), inWeek(today, 1, time.Monday))}
			}
		}
		// "3 pm", "3:30 pm"
		if m := reHourOnly.FindStringSubmatch(lw[0]); m != nil {
			if ampm := ampmOf(lw[1]); ampm != "" {
				return 2, []effect{clock12(phrase(2), m[1], m[2], ampm)}
			}
		}
	}
	if e, ok := matchWord(words[0], lw[0], today); ok {
		return 1, e
	}
	return 0, nil
}

// matchEvery reads what follows "every".
func matchEvery(lw []string, phrase func(int) string) (int, effect, bool) {
	w := lw[0]
	switch w {
	case "day":
		return 1, repeatEff(phrase(2), "daily"), true
	case "weekday", "weekdays", "workday", "workdays":
		return 1, repeatEff(phrase(2), "weekdays"), true
	case "week":
		return 1, repeatEff(phrase(2), "weekly"), true
	case "month":
		return 1, repeatEff(phrase(2), "monthly"), true
	}
	if wd, ok := weekdayWords[w]; ok {
		return 1, effect{kind: effRepeat, text: phrase(2), repeat: "weekly", wd: wd, hasWd: true}, true
	}
	if m := reEveryN.FindStringSubmatch(w); m != nil {
		return 1, everyN(phrase(2), atoi(m[1]), m[2]), true
	}
	if len(lw) >= 2 {
		unit := ""
		switch lw[1] {
		case "day", "days", "d":
			unit = "d"
		case "week", "weeks", "w":
			unit = "w"
		}
		if unit != "" {
			if w == "other" {
				return 2, everyN(phrase(3), 2, unit), true
			}
			if isDigits(w) {
				return 2, everyN(phrase(3), atoi(w), unit), true
			}
		}
		if lw[0] == "working" && lw[1] == "day" {
			return 2, repeatEff(phrase(3), "weekdays"), true
		}
	}
	return 0, effect{}, false
}

func ampmOf(w string) string {
	switch w {
	case "am", "a.m.":
		return "am"
	case "pm", "p.m.":
		return "pm"
	}
	return ""
}

// clock12 reads an hour (and minutes) with am or pm.
func clock12(text, hs, ms, ampm string) effect {
	h, m := atoi(hs), 0
	if ms != "" {
		m = atoi(ms)
	}
	if h < 1 || h > 12 {
		return badTime(text)
	}
	h %= 12
	if ampm == "pm" {
		h += 12
	}
	return timeEff(text, h, m, false)
}

// matchWord reads one English or numeric word; w is as typed, lw lower case.
func matchWord(w, lw string, today model.Date) ([]effect, bool) {
	one := func(e effect) ([]effect, bool) { return []effect{e}, true }
	switch lw {
	case "today":
		return one(dateEff(w, today))
	case "tonight":
		return []effect{dateEff(w, today), slotEff(w, model.SlotEvening)}, true
	case "tomorrow", "tmr", "tmrw":
		return one(dateEff(w, today.AddDays(1)))
	case "yesterday":
		return one(dateEff(w, today.AddDays(-1)))
	case "am", "morning":
		return one(slotEff(w, model.SlotMorning))
	case "pm", "afternoon":
		return one(slotEff(w, model.SlotAfternoon))
	case "evening":
		return one(slotEff(w, model.SlotEvening))
	case "daily", "everyday":
		return one(repeatEff(w, "daily"))
	case "weekly":
		return one(repeatEff(w, "weekly"))
	case "monthly":
		return one(repeatEff(w, "monthly"))
	case "weekdays":
		return one(repeatEff(w, "weekdays"))
	}
	if strings.Trim(lw, "!！") == "" {
		return one(effect{kind: effImportant, text: w})
	}
	if wd, ok := weekdayWords[lw]; ok {
		return one(dateEff(w, onOrAfter(today, wd)))
	}
	if m := reOffset.FindStringSubmatch(lw); m != nil {
		unit := 1
		if m[2] == "w" {
			unit = 7
		}
		return one(offset(w, atoi(m[1]), unit, today))
	}
	if m := reYMD.FindStringSubmatch(lw); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if !validYMD(y, mo, d) {
			return one(badDate(w))
		}
		return one(dateEff(w, model.MakeDate(y, time.Month(mo), d)))
	}
	if m := reMDDash.FindStringSubmatch(lw); m != nil {
		return one(monthDay(w, atoi(m[1]), atoi(m[2]), today))
	}
	if m := reMDSlash.FindStringSubmatch(lw); m != nil {
		return one(monthDay(w, atoi(m[1]), atoi(m[2]), today))
	}
	if m := reClock12.FindStringSubmatch(lw); m != nil {
		return one(clock12(w, m[1], m[2], m[3]))
	}
	if m := reClock24.FindStringSubmatch(lw); m != nil {
		if len(m[2]) != 2 {
			return one(badTime(w))
		}
		return one(timeEff(w, atoi(m[1]), atoi(m[2]), true))
	}
	return nil, false
}
