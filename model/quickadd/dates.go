package quickadd

import (
	"strings"

	"salesplan/model"
)

// ParseDate reads a date as typed anywhere (CLI --due/--on, TUI forms): YYYY-MM-DD and every date word of §4
// (today/今天, tomorrow/明天, 后天, mon…sun, 周一…周日, 星期一…, next mon, +3d, +2w, 12-01, 12/1, …). Errors are *model.Problem code "bad_date".
//
// The whole input must be one date: "tomorrow 3pm" is not a date. Words of
// the quick-add grammar are tried first, so both faces agree on what "fri"
// means; whole phrases outside it are read by phraseDate ("last friday",
// "in 3 weeks", "december 1st", "大前天", "下个月"; see phrases.go).
func ParseDate(s string, today model.Date) (model.Date, error) {
	in := strings.TrimSpace(foldWidth(s))
	if in == "" {
		return model.NoDate, badDate(s).err
	}
	d, ok, err := grammarDate(in, today)
	if ok && err == nil {
		return d, nil
	}
	// A phrase may be made of grammar words the grammar reads as two dates
	// ("fri next week"), so it is asked after a grammar error too.
	if pd, pok, perr := phraseDate(in, today); pok && (perr == nil || !ok) {
		return pd, perr
	}
	if ok {
		return model.NoDate, err
	}
	return model.NoDate, badDate(in).err
}

// grammarDate reads in with the quick-add grammar. ok is false when some word
// of in is not a grammar word (then phraseDate may know the phrase).
// Otherwise in was all grammar words, and it is a date only when they name
// one day, with at most a part of the day beside it ("tonight", 明晚):
// "13/45", "5pm" and "tomorrow fri" are errors, not phrases.
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
