package quickadd

import (
	"strings"
	"time"
	"unicode"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/en"
	"github.com/olebedev/when/rules/zh"

	"salesplan/model"
)

// ParseDate reads a date as typed anywhere (CLI --due/--on, TUI forms): YYYY-MM-DD and every date word of §4
// (today/今天, tomorrow/明天, 后天, mon…sun, 周一…周日, 星期一…, next mon, +3d, +2w, 12-01, 12/1, …). Errors are *model.Problem code "bad_date".
//
// The whole input must be one date: "tomorrow 3pm" is not a date. Words of
// the quick-add grammar are tried first, so both faces agree on what "fri"
// means; whole phrases outside it go to olebedev/when ("yesterday", "last
// friday", "in 3 weeks", "december 1st", "大前天", "下个月").
func ParseDate(s string, today model.Date) (model.Date, error) {
	in := strings.TrimSpace(foldWidth(s))
	if in == "" {
		return model.NoDate, badDate(s).err
	}
	d, ok, err := grammarDate(in, today)
	if ok {
		return d, err
	}
	if d, ok := whenDate(in, today); ok {
		return d, nil
	}
	return model.NoDate, badDate(in).err
}

// grammarDate reads in with the quick-add grammar. ok is false when some word
// of in is not a grammar word (then olebedev/when may know the phrase).
// Otherwise in was all grammar words, and it is a date only when they name
// one day, with at most a part of the day beside it ("tonight", 明晚):
// "13/45", "5pm" and "tomorrow fri" are errors, not phrases for when.
func grammarDate(in string, today model.Date) (model.Date, bool, error) {
	toks := tokenize(in)
	var effs []effect
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.sigil != 0 || t.literal {
			return model.NoDate, false, nil
		}
		words := make([]string, 0, 4)
		for j := i; j < len(toks) && j < i+4 && toks[j].sigil == 0 && !toks[j].literal; j++ {
			words = append(words, toks[j].text)
		}
		if n, e := matchWords(words, today); n > 0 {
			effs = append(effs, e...)
			i += n
			continue
		}
		if !hasHan(t.text) {
			return model.NoDate, false, nil
		}
		pre, mid, post := peel(t.text, today)
		if mid != "" || post != nil {
			return model.NoDate, false, nil
		}
		effs = append(effs, pre...)
		i++
	}
	notOne := badDate(in).err
	var d model.Date
	for _, e := range effs {
		switch {
		case e.kind == effSlot && e.err == nil:
			continue
		case e.kind == effDate && e.err != nil:
			return model.NoDate, true, e.err
		case e.kind != effDate, d.Valid() && d != e.date:
			return model.NoDate, true, notOne
		}
		d = e.date
	}
	if !d.Valid() {
		return model.NoDate, true, notOne
	}
	return d, true, nil
}

// whenParser holds the olebedev/when rules that name a day, not a time of
// day ("5pm" is no date) and that never read the clock: zh AfterTime calls
// time.Now, and common's slash rule reads 12/1 as day/month. zh ExactMonthDate
// is left out because in v1.1.0 it panics (slice bounds [-1:] in rules.F.Find)
// on most input, "last friday" included; 12月1日 is in the grammar instead.
var whenParser = func() *when.Parser {
	p := when.New(nil)
	p.Add(en.Weekday(rules.Override), en.CasualDate(rules.Override), en.Deadline(rules.Override),
		en.PastTime(rules.Override), en.ExactMonthDate(rules.Override),
		zh.CasualDate(rules.Override))
	return p
}()

// whenDate asks olebedev/when, accepting only a match that covers the whole
// input, evaluated at noon UTC of today so no time zone or DST can move the
// day.
func whenDate(in string, today model.Date) (d model.Date, ok bool) {
	if !today.Valid() {
		return model.NoDate, false
	}
	defer func() {
		// A third-party rule must not take the program down on odd input.
		if recover() != nil {
			d, ok = model.NoDate, false
		}
	}()
	base := today.Time(time.UTC).Add(12 * time.Hour)
	res, err := whenParser.Parse(in, base)
	if err != nil || res == nil {
		return model.NoDate, false
	}
	trim := func(s string) string {
		return strings.ToLower(strings.TrimFunc(s, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}))
	}
	if trim(res.Text) != trim(in) {
		return model.NoDate, false
	}
	t := res.Time.In(time.UTC)
	if t.Year() < 1 || t.Year() > 9999 {
		return model.NoDate, false
	}
	return model.DateOf(t), true
}
