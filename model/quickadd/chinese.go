package quickadd

import (
	"strings"
	"time"
	"unicode/utf8"

	"salesplan/model"
)

// Chinese grammar words are matched as units at the start of a run of text;
// a run may hold several glued together ("明天下午3点"), and a run may end with
// some ("给王总回电话明天"). Each unit is an anchored regexp; the longest
// match wins, so 下周一 beats 下周 and 下午3点 beats 下午.

// zhUnit is one Chinese grammar word.
type zhUnit struct {
	re    *lazyRE
	whole bool // only as a word of its own ("工作日", "5号"), never glued
	build func(m []string, today model.Date) []effect
}

const (
	zhNumPat = `[零〇一二两三四五六七八九十]{1,3}`
	// periodPat are the words for a part of the day that can lead a time.
	periodPat = `凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|今晚|明早|明晚`
	weekPat   = `周|星期|礼拜`
	wdayPat   = `[一二三四五六日天1-7]`
	hourWords = `点钟|点|點|时`
	minPat    = `(半)|(一刻)|(三刻)|(\d{1,2})分?|(` + zhNumPat + `)分?`
)

// zhNum reads a Chinese numeral from 0 to 99 ("三", "十二", "二十三", "零五",
// "两"), or Arabic digits.
func zhNum(s string) (int, bool) {
	if isDigits(s) {
		return atoi(s), true
	}
	digit := func(r rune) (int, bool) {
		i := strings.IndexRune("零一二三四五六七八九", r)
		if i >= 0 {
			return utf8.RuneCountInString("零一二三四五六七八九"[:i]), true
		}
		switch r {
		case '〇':
			return 0, true
		case '两':
			return 2, true
		}
		return 0, false
	}
	rs := []rune(s)
	switch {
	case len(rs) == 0:
		return 0, false
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1:
		return digit(rs[0])
	}
	if rs[0] == '零' || rs[0] == '〇' { // 零五 = 5 (minutes)
		if len(rs) != 2 {
			return 0, false
		}
		return digit(rs[1])
	}
	tens, ones := 1, 0
	i := strings.IndexRune(s, '十')
	if i < 0 {
		return 0, false
	}
	head, tail := []rune(s[:i]), []rune(s[i+len("十"):])
	if len(head) > 1 || len(tail) > 1 {
		return 0, false
	}
	var ok bool
	if len(head) == 1 {
		if tens, ok = digit(head[0]); !ok || tens == 0 {
			return 0, false
		}
	}
	if len(tail) == 1 {
		if ones, ok = digit(tail[0]); !ok {
			return 0, false
		}
	}
	return tens*10 + ones, true
}

// zhWeekday reads 一…六, 日/天 and 1–7 as a weekday.
func zhWeekday(s string) time.Weekday {
	switch s {
	case "日", "天", "7":
		return time.Sunday
	case "1", "2", "3", "4", "5", "6":
		return time.Weekday(atoi(s))
	}
	n, _ := zhNum(s)
	return time.Weekday(n)
}

// zhPeriod gives the slot and date shift of a period word, and the hour on a
// 24-hour clock of hour h said in that period (ok false when h cannot be said
// in it, like 下午15点 or 上午13点).
func zhPeriod(p string, h int) (slot model.Slot, days int, hour int, ok bool) {
	switch p {
	case "凌晨", "早上", "早晨", "上午", "明早":
		if p == "明早" {
			days = 1
		}
		return model.SlotMorning, days, h, h <= 12
	case "中午":
		if h >= 1 && h <= 2 {
			h += 12
		}
		return model.SlotAfternoon, 0, h, h >= 11 && h <= 14
	case "下午", "傍晚":
		if h >= 1 && h < 12 {
			h += 12
		}
		return model.SlotAfternoon, 0, h, h >= 12 && h <= 23
	case "晚上", "今晚", "明晚":
		if p == "明晚" {
			days = 1
		}
		switch {
		case h == 12:
			h = 0 // 晚上12点 is midnight
		case h >= 1 && h < 12:
			h += 12
		}
		return model.SlotEvening, days, h, h == 0 || h >= 17
	}
	return model.SlotAny, 0, h, h <= 23
}

// periodDate is the date a period word carries (今晚 today, 明早 tomorrow).
func periodDate(p string, today model.Date) (model.Date, bool) {
	switch p {
	case "今晚":
		return today, true
	case "明早", "明晚":
		return today.AddDays(1), true
	}
	return model.NoDate, false
}

// zhTime builds the effects of "<period><hour>点<minutes>".
func zhTime(text, period, hs string, mins []string, today model.Date) []effect {
	h, ok := zhNum(hs)
	if !ok {
		return []effect{badTime(text)}
	}
	m := 0
	switch {
	case mins[0] != "":
		m = 30
	case mins[1] != "":
		m = 15
	case mins[2] != "":
		m = 45
	case mins[3] != "":
		m = atoi(mins[3])
	case mins[4] != "":
		if m, ok = zhNum(mins[4]); !ok {
			return []effect{badTime(text)}
		}
	}
	var out []effect
	if d, ok := periodDate(period, today); ok {
		out = append(out, dateEff(text, d))
	}
	if period == "" {
		return append(out, timeEff(text, h, m, true))
	}
	_, _, hour, ok := zhPeriod(period, h)
	if !ok {
		return append(out, badTime(text))
	}
	return append(out, timeEff(text, hour, m, false))
}

var zhUnits = []zhUnit{
	{re: lazyRegexp(`^(?:今天|今日)`), build: func(m []string, t model.Date) []effect {
		return []effect{dateEff(m[0], t)}
	}},
	{re: lazyRegexp(`^(?:明天|明日)`), build: func(m []string, t model.Date) []effect {
		return []effect{dateEff(m[0], t.AddDays(1))}
	}},
	{re: lazyRegexp(`^后天`), build: func(m []string, t model.Date) []effect {
		return []effect{dateEff(m[0], t.AddDays(2))}
	}},
	{re: lazyRegexp(`^大后天`), build: func(m []string, t model.Date) []effect {
		return []effect{dateEff(m[0], t.AddDays(3))}
	}},
	{re: lazyRegexp(`^昨天`), build: func(m []string, t model.Date) []effect {
		return []effect{dateEff(m[0], t.AddDays(-1))}
	}},
	{re: lazyRegexp(`^前天`), build: func(m []string, t model.Date) []effect {
		return []effect{dateEff(m[0], t.AddDays(-2))}
	}},
	// 周三 (today or the next Wednesday), 下周三, 下下周三, 本周三/这周三, 上周三.
	{re: lazyRegexp(`^(?:(下下|下|本|这|上)个?)?(?:` + weekPat + `)(` + wdayPat + `)`),
		build: func(m []string, t model.Date) []effect {
			wd := zhWeekday(m[2])
			weeks := map[string]int{"下下": 2, "下": 1, "本": 0, "这": 0, "上": -1}
			if m[1] == "" {
				return []effect{dateEff(m[0], onOrAfter(t, wd))}
			}
			return []effect{dateEff(m[0], inWeek(t, weeks[m[1]], wd))}
		}},
	// 下周 alone: the Monday of next week.
	{re: lazyRegexp(`^(下下|下)个?(?:` + weekPat + `)`), build: func(m []string, t model.Date) []effect {
		weeks := 1
		if m[1] == "下下" {
			weeks = 2
		}
		return []effect{dateEff(m[0], inWeek(t, weeks, time.Monday))}
	}},
	// 12月1日, 2026年12月1号, 十二月一日.
	{re: lazyRegexp(`^(?:(\d{4})年)?(\d{1,2}|` + zhNumPat + `)月(\d{1,2}|` + zhNumPat + `)(?:日|号)?`), build: func(m []string, t model.Date) []effect {
		mo, ok1 := zhNum(m[2])
		d, ok2 := zhNum(m[3])
		if !ok1 || !ok2 {
			return []effect{badDate(m[0])}
		}
		if m[1] == "" {
			return []effect{monthDay(m[0], mo, d, t)}
		}
		y := atoi(m[1])
		if !validYMD(y, mo, d) {
			return []effect{badDate(m[0])}
		}
		return []effect{dateEff(m[0], model.MakeDate(y, time.Month(mo), d))}
	}},
	// 5号: the 5th of this month, or of the next month that has it when past.
	{re: lazyRegexp(`^(\d{1,2})(?:日|号)$`), whole: true, build: func(m []string, t model.Date) []effect {
		d := atoi(m[1])
		for i := 0; i < 3; i++ {
			mo := model.MonthOf(t).Add(i)
			if d >= 1 && d <= model.DaysIn(mo.Year, mo.Month) {
				if day := model.MakeDate(mo.Year, mo.Month, d); day >= t {
					return []effect{dateEff(m[0], day)}
				}
			}
		}
		return []effect{badDate(m[0])}
	}},
	// 3天后, 两周后, 一个星期后.
	{re: lazyRegexp(`^(\d{1,9}|` + zhNumPat + `)个?(天|日|` + weekPat + `)(?:之)?后`), build: func(m []string, t model.Date) []effect {
		n, ok := zhNum(m[1])
		if !ok {
			return []effect{badDate(m[0])}
		}
		unit := 7
		if m[2] == "天" || m[2] == "日" {
			unit = 1
		}
		return []effect{offset(m[0], n, unit, t)}
	}},
	// 下午3点, 上午10点半, 晚上8点, 3点, 10点30分; Chinese numerals need a period.
	{re: lazyRegexp(`^(` + periodPat + `)?(\d{1,2})(?:` + hourWords + `)(?:` + minPat + `)?`),
		build: func(m []string, t model.Date) []effect { return zhTime(m[0], m[1], m[2], m[3:8], t) }},
	{re: lazyRegexp(`^(` + periodPat + `)(` + zhNumPat + `)(?:` + hourWords + `)(?:` + minPat + `)?`),
		build: func(m []string, t model.Date) []effect { return zhTime(m[0], m[1], m[2], m[3:8], t) }},
	// 下午3:30, and 10:00 glued to Chinese text ("10:00开会").
	{re: lazyRegexp(`^(` + periodPat + `)?(\d{1,2})[:：](\d{2})`), build: func(m []string, t model.Date) []effect {
		return zhTime(m[0], m[1], m[2], []string{"", "", "", m[3], ""}, t)
	}},
	// 3pm glued to Chinese text ("3pm开会").
	{re: lazyRegexp(`^(?i)(\d{1,2})(?:[:：](\d{2}))?(am|pm)`), build: func(m []string, t model.Date) []effect {
		return []effect{clock12(m[0], m[1], m[2], strings.ToLower(m[3]))}
	}},
	// A period alone is a slot: 上午, 下午, 晚上; 今晚 and 明早 carry a date.
	{re: lazyRegexp(`^(?:` + periodPat + `)`), build: func(m []string, t model.Date) []effect {
		slot, _, _, _ := zhPeriod(m[0], 0)
		var out []effect
		if d, ok := periodDate(m[0], t); ok {
			out = append(out, dateEff(m[0], d))
		}
		return append(out, slotEff(m[0], slot))
	}},
	{re: lazyRegexp(`^每(?:天|日)`), build: func(m []string, t model.Date) []effect {
		return []effect{repeatEff(m[0], "daily")}
	}},
	{re: lazyRegexp(`^每个?工作日`), build: func(m []string, t model.Date) []effect {
		return []effect{repeatEff(m[0], "weekdays")}
	}},
	{re: lazyRegexp(`^工作日$`), whole: true, build: func(m []string, t model.Date) []effect {
		return []effect{repeatEff(m[0], "weekdays")}
	}},
	{re: lazyRegexp(`^每个?(?:` + weekPat + `)(` + wdayPat + `)`), build: func(m []string, t model.Date) []effect {
		return []effect{{kind: effRepeat, text: m[0], repeat: "weekly", wd: zhWeekday(m[1]), hasWd: true}}
	}},
	{re: lazyRegexp(`^每个?(?:` + weekPat + `)`), build: func(m []string, t model.Date) []effect {
		return []effect{repeatEff(m[0], "weekly")}
	}},
	{re: lazyRegexp(`^每个?月`), build: func(m []string, t model.Date) []effect {
		return []effect{repeatEff(m[0], "monthly")}
	}},
	// 每3天, 每两周.
	{re: lazyRegexp(`^每(\d{1,4}|` + zhNumPat + `)个?(天|日|` + weekPat + `)`), build: func(m []string, t model.Date) []effect {
		n, ok := zhNum(m[1])
		if !ok {
			return []effect{badRepeat(m[0])}
		}
		unit := "w"
		if m[2] == "天" || m[2] == "日" {
			unit = "d"
		}
		return []effect{everyN(m[0], n, unit)}
	}},
}

// matchUnit finds the longest Chinese grammar word at the start of s. wholeOK
// allows the units that only count as a word of their own (s is a whole word).
func matchUnit(s string, today model.Date, wholeOK bool) (int, []effect) {
	best, bestN := -1, 0
	var bestM []string
	for i, u := range zhUnits {
		if u.whole && !wholeOK {
			continue
		}
		m := u.re.FindStringSubmatch(s)
		if m == nil || len(m[0]) <= bestN {
			continue
		}
		best, bestN, bestM = i, len(m[0]), m
	}
	if best < 0 {
		return 0, nil
	}
	return bestN, zhUnits[best].build(bestM, today)
}

// consumeAll reads s as grammar words only, or reports false.
func consumeAll(s string, today model.Date) ([]effect, bool) {
	var out []effect
	for s != "" {
		n, effs := matchUnit(s, today, false)
		if n == 0 {
			return nil, false
		}
		out = append(out, effs...)
		s = s[n:]
	}
	return out, true
}

// maxSuffix bounds the glued grammar words looked for at the end of a run, in
// bytes, so a long run costs O(len) rather than O(len²).
const maxSuffix = 64

// peelSuffix finds the longest tail of s (but not all of s) made only of
// grammar words; it returns where the tail starts (len(s) for none).
func peelSuffix(s string, today model.Date) (int, []effect) {
	start := len(s) - maxSuffix
	if start < 1 {
		start = 1
	}
	for i := start; i < len(s); i++ {
		if !utf8.RuneStart(s[i]) {
			continue
		}
		if effs, ok := consumeAll(s[i:], today); ok {
			return i, effs
		}
	}
	return len(s), nil
}

// peel splits a word holding Chinese text into grammar words glued at its
// start, the text in the middle, and grammar words glued at its end.
func peel(word string, today model.Date) (pre []effect, mid string, post []effect) {
	rest := word
	for rest != "" {
		n, effs := matchUnit(rest, today, rest == word)
		if n == 0 {
			break
		}
		pre = append(pre, effs...)
		rest = rest[n:]
	}
	if rest == "" {
		return pre, "", nil
	}
	i, post := peelSuffix(rest, today)
	return pre, rest[:i], post
}
