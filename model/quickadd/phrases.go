package quickadd

import (
	"regexp"
	"strings"
	"sync"
	"time"

	"salesplan/model"
)

// Whole date phrases that ParseDate understands beyond the quick-add grammar
// ("last friday", "in 3 weeks", "december 1st", "大前天", "两周前", "下个月").
// They are read only when the whole input is one such phrase, never inside a
// quick-add line, where "in 3 rooms" or "may 5" must stay title words.
//
// Meanings, with the grammar's conventions (weeks start on Monday, a month
// and day with no year is this year or next year once past):
//
//   - "day before yesterday", "day after tomorrow" (a leading "the" is allowed);
//     大前天 three days ago.
//   - "in N days|weeks|months|years", "N … from now", "N … ago"; N is digits,
//     one…twelve, "a" or "an". 3天前, 两周前, 一个星期前, 三个月后, 两年后,
//     以前/之前/以后/之后. Months keep the day, clamped to the month's end.
//   - "last fri" (also "past", "previous"): the latest such day before today;
//     "this fri": that day of this week; "fri next week", "fri last week",
//     "fri this week".
//   - "last week"/上周/上个星期: the Monday of last week (上上周 the week
//     before); "next month"/下个月/下月: the 1st of next month, "last
//     month"/上个月 the 1st of last month (下下个月, 上上个月 two months).
//   - "december 1st", "dec 1", "1 dec", "1st of december", "december 1, 2027",
//     "1 dec 2027".
//
// Nothing here reads the clock: today is passed in, like everywhere in the
// package.

// enNumbers are the number words read before a unit ("in two weeks").
var enNumbers = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// monthWords are the English month names and their common abbreviations.
var monthWords = map[string]time.Month{
	"jan": time.January, "january": time.January,
	"feb": time.February, "february": time.February,
	"mar": time.March, "march": time.March,
	"apr": time.April, "april": time.April,
	"may": time.May,
	"jun": time.June, "june": time.June,
	"jul": time.July, "july": time.July,
	"aug": time.August, "august": time.August,
	"sep": time.September, "sept": time.September, "september": time.September,
	"oct": time.October, "october": time.October,
	"nov": time.November, "november": time.November,
	"dec": time.December, "december": time.December,
}

// ordinalWords are first…nineteenth; twentieth, thirtieth and the
// "twenty-first" forms are built from them in dayOfMonth.
var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19,
}

// phraseDate reads in as one whole date phrase. ok is false when in is no
// phrase this file knows; err is a bad_date problem when it is one but names
// no real day ("february 30", "in 99999 days").
func phraseDate(in string, today model.Date) (d model.Date, ok bool, err error) {
	if hasHan(in) {
		return zhPhrase(strings.Join(strings.Fields(in), ""), in, today)
	}
	var words []string
	for _, w := range strings.Fields(strings.ToLower(in)) {
		if w = strings.Trim(w, ",."); w != "" {
			words = append(words, w)
		}
	}
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	e, ok := enPhrase(in, words, today)
	if !ok {
		return model.NoDate, false, nil
	}
	return e.date, true, e.err
}

// enPhrase reads the English phrases; words are lower case, without the
// commas and full stops around them.
func enPhrase(text string, w []string, today model.Date) (effect, bool) {
	switch len(w) {
	case 2:
		switch {
		case w[0] == "last" && w[1] == "week":
			return dateEff(text, inWeek(today, -1, time.Monday)), true
		case (w[0] == "next" || w[0] == "last") && w[1] == "month":
			n := 1
			if w[0] == "last" {
				n = -1
			}
			return dateEff(text, today.MonthStart().AddMonths(n)), true
		}
		if wd, ok := weekdayWords[w[1]]; ok {
			switch w[0] {
			case "last", "past", "previous":
				return dateEff(text, today.AddDays(-1-(int(today.Weekday())-int(wd)+6)%7)), true
			case "this":
				return dateEff(text, inWeek(today, 0, wd)), true
			}
		}
	case 3:
		switch {
		case w[0] == "day" && w[1] == "before" && w[2] == "yesterday":
			return dateEff(text, today.AddDays(-2)), true
		case w[0] == "day" && w[1] == "after" && w[2] == "tomorrow":
			return dateEff(text, today.AddDays(2)), true
		case w[0] == "in":
			return moveBy(text, w[1], w[2], 1, today)
		case w[2] == "ago":
			return moveBy(text, w[0], w[1], -1, today)
		}
		if wd, ok := weekdayWords[w[0]]; ok && w[2] == "week" {
			switch w[1] {
			case "next":
				return dateEff(text, inWeek(today, 1, wd)), true
			case "last":
				return dateEff(text, inWeek(today, -1, wd)), true
			case "this":
				return dateEff(text, inWeek(today, 0, wd)), true
			}
		}
	case 4:
		if w[2] == "from" && w[3] == "now" {
			return moveBy(text, w[0], w[1], 1, today)
		}
	}
	return monthDate(text, w, today)
}

// moveBy is today moved by n units ("3 weeks"), forward (sign 1) or back.
func moveBy(text, num, unit string, sign int, today model.Date) (effect, bool) {
	n, ok := enNumbers[num]
	if !ok {
		if !isDigits(num) || len(num) > 9 {
			return effect{}, false
		}
		n = atoi(num)
	}
	switch strings.TrimSuffix(unit, "s") {
	case "day":
		return shift(text, n, 1, sign, today), true
	case "week":
		return shift(text, n, 7, sign, today), true
	case "month":
		return addMonths(text, n, sign, today), true
	case "year":
		return addMonths(text, 12*n, sign, today), true
	}
	return effect{}, false
}

// shift is today moved n units of days, forward (sign 1) or back, within
// the dates salesplan keeps.
func shift(text string, n, unit, sign int, today model.Date) effect {
	return moved(text, int64(sign)*int64(n)*int64(unit), today)
}

// addMonths is today moved by n months (sign 1 forward, -1 back), clamped to
// the month's end, within the dates salesplan keeps.
func addMonths(text string, n, sign int, today model.Date) effect {
	// More months than the whole range holds is out of it, whatever today
	// is (and keeps the arithmetic below from overflowing).
	if n > (model.MaxDate.Year()-model.MinDate.Year()+1)*12 {
		return outOfRange(text)
	}
	d := today.AddMonths(n * sign)
	if !model.DateInRange(d) {
		return outOfRange(text)
	}
	return dateEff(text, d)
}

// monthDate reads "december 1st", "dec 1", "1 dec", "1st of december",
// "december 1, 2027" and "1 dec 2027".
func monthDate(text string, w []string, today model.Date) (effect, bool) {
	if len(w) >= 3 && w[1] == "of" { // "1st of december"
		w = append([]string{w[0]}, w[2:]...)
	}
	if len(w) != 2 && len(w) != 3 {
		return effect{}, false
	}
	var mo time.Month
	var day int
	var ok bool
	if m, isMonth := monthWords[w[0]]; isMonth {
		mo, day, ok = m, dayOfMonth(w[1]), true
	} else if m, isMonth := monthWords[w[1]]; isMonth {
		mo, day, ok = m, dayOfMonth(w[0]), true
	}
	if !ok || day == 0 {
		return effect{}, false
	}
	if len(w) == 2 {
		return monthDay(text, int(mo), day, today), true
	}
	if len(w[2]) != 4 || !isDigits(w[2]) {
		return effect{}, false
	}
	y := atoi(w[2])
	if !validYMD(y, int(mo), day) {
		return badDate(text), true
	}
	return dateEff(text, model.MakeDate(y, mo, day)), true
}

// dayOfMonth reads "1", "1st", "22nd", "first", "twenty-first", or gives 0.
// A number too big for any month is left to monthDay to refuse.
func dayOfMonth(s string) int {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if t := strings.TrimSuffix(s, suf); t != s && isDigits(t) {
			s = t
			break
		}
	}
	if isDigits(s) && len(s) <= 2 {
		return atoi(s)
	}
	if n, ok := ordinalWords[s]; ok {
		return n
	}
	for tens, word := range map[int]string{20: "twenty", 30: "thirty"} {
		if s == strings.TrimSuffix(word, "y")+"ieth" {
			return tens
		}
		rest, found := strings.CutPrefix(s, word)
		if !found {
			continue
		}
		rest = strings.TrimLeft(rest, "- ")
		if n, ok := ordinalWords[rest]; ok && n < 10 {
			return tens + n
		}
	}
	return 0
}

// zhPhraseRE holds the Chinese phrases, compiled on first use so that a
// command that parses no date pays nothing at start-up.
var zhPhraseRE = sync.OnceValue(func() [3]*regexp.Regexp {
	return [3]*regexp.Regexp{
		// 3天前, 两周前, 一个星期以前, 三个月后, 两年之后.
		regexp.MustCompile(`^(\d{1,9}|` + zhNumPat + `)(天|日|个?(?:` + weekPat + `)|个月|年)(?:之|以)?(前|后)$`),
		// 上周, 上个星期, 上上周: the Monday of that week.
		regexp.MustCompile(`^(上上|上)个?(?:` + weekPat + `)$`),
		// 下个月, 下月, 上个月, 下下个月: the 1st of that month.
		regexp.MustCompile(`^(下下|下|上上|上)个?月$`),
	}
})

// zhPhrase reads the Chinese phrases of s (in without spaces); text is what
// was typed, for the problem message.
func zhPhrase(s, text string, today model.Date) (model.Date, bool, error) {
	if s == "大前天" {
		return today.AddDays(-3), true, nil
	}
	re := zhPhraseRE()
	if m := re[0].FindStringSubmatch(s); m != nil {
		n, ok := zhNum(m[1])
		if !ok {
			return model.NoDate, true, badDate(text).err
		}
		sign := 1
		if m[3] == "前" {
			sign = -1
		}
		var e effect
		switch m[2] {
		case "天", "日":
			e = shift(text, n, 1, sign, today)
		case "个月":
			e = addMonths(text, n, sign, today)
		case "年":
			e = addMonths(text, 12*n, sign, today)
		default: // a week word
			e = shift(text, n, 7, sign, today)
		}
		return e.date, true, e.err
	}
	if m := re[1].FindStringSubmatch(s); m != nil {
		weeks := -1
		if m[1] == "上上" {
			weeks = -2
		}
		return inWeek(today, weeks, time.Monday), true, nil
	}
	if m := re[2].FindStringSubmatch(s); m != nil {
		months := map[string]int{"下下": 2, "下": 1, "上上": -2, "上": -1}[m[1]]
		return today.MonthStart().AddMonths(months), true, nil
	}
	return model.NoDate, false, nil
}
