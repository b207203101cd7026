package model

import (
	"math"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ranges, the same in every path: command line, planner, import, repeats
// (DESIGN.md §2 "Ranges and limits"); the text limits are in limits.go.
// Each kind of record checks both in its Validate (validate.go).

// The date range. A date outside it is a typing error, not a plan; a repeat
// whose next date would pass MaxDate ends instead.
var (
	MinDate = MakeDate(1900, 1, 1)
	MaxDate = MakeDate(2200, 12, 31)
)

// MaxID bounds record ids: JSON readers in other languages hold integers
// exactly only below 2^53, and an id sequence must never wrap.
const MaxID ID = 1<<53 - 1

// MaxMoney is the largest money value: 10^13 main units (in minor units).
// A sum of 9 223 such values still fits in an int64; SumMoney saturates
// beyond that instead of wrapping into negative money, and a saturated sum
// is shown as "at least" (Money.Saturated); Percent and Scale never
// overflow.
const MaxMoney Money = 1e13 * 100

// DateInRange reports whether d is a date of the range (NoDate is not).
func DateInRange(d Date) bool { return d >= MinDate && d <= MaxDate }

// checkDate is the problem with a date field: missing when required, or
// outside the range. field names the field as the exchange format does.
func checkDate(field string, d Date, required bool) *Problem {
	switch {
	case d == NoDate && required:
		return Errf("missing_date", "a date is needed").In(field)
	case d == NoDate:
		return nil
	case !DateInRange(d):
		return Errf("date_out_of_range", "%s is outside the dates salesplan keeps (1900-01-01 to 2200-12-31)", d.String()).In(field)
	}
	return nil
}

// CheckDate is the problem with a date typed for field (nil when it is in
// range or NoDate), for forms and commands that check a date before they
// build a record.
func CheckDate(field string, d Date) *Problem { return checkDate(field, d, false) }

// checkMoney is the problem with a money field above MaxMoney (each kind
// says in its own words why a negative amount is wrong).
func checkMoney(field string, m Money) *Problem {
	if m > MaxMoney {
		return Errf("amount_too_large", "%s is more than salesplan keeps (at most 10000000000000)", m.Plain()).In(field)
	}
	return nil
}

// limit is a text limit's problem (limits.go: CheckTitle, CheckText) with
// the record's field named ("" = the field its code names,
// too_long_<field>), or nil.
func limit(field string, err error) *Problem {
	p := ProblemOf(err)
	if p == nil {
		return nil
	}
	if field == "" {
		field = strings.TrimPrefix(strings.TrimPrefix(p.Code, "too_long_"), "not_utf8_")
	}
	return p.In(field)
}

// CheckID is the problem with a record id outside 1…MaxID.
func CheckID(field string, id ID) *Problem {
	if id == 0 || id > MaxID {
		return Errf("bad_id", "%d is not an id (a whole number from 1 to 9007199254740991)", uint64(id)).In(field)
	}
	return nil
}

// SumMoney adds amounts without overflow: a sum beyond the int64 range
// saturates at its end rather than wrapping into money of the other sign.
func SumMoney(ms ...Money) Money {
	var total Money
	for _, m := range ms {
		total = total.Plus(m)
	}
	return total
}

// Saturated reports whether m is a sum that reached the end of the int64
// range (SumMoney, Plus): the true sum is at least m (at most, for the
// negative end), so it is shown as "≥ m", never as an exact amount. A true
// sum of exactly that many cents is shown the same way, which is still true.
func (m Money) Saturated() bool { return m == math.MaxInt64 || m == math.MinInt64 }

// Percent is part as a whole percentage of whole, rounded half up
// (half away from zero for a negative part) — except that short of whole
// it is at most 99, so 100% always means the target was met —, computed exactly whatever the
// sizes (10^13 of 10^-2 is 10^17 percent): ok is false when whole is not
// positive (no target, no percentage). A percentage beyond the int64 range
// saturates at its end. With a Saturated part, the percentage is a lower
// bound too; callers say so.
func Percent(part, whole int64) (pct int64, ok bool) {
	if whole <= 0 {
		return 0, false
	}
	// (|part|·200 + whole) / (2·whole): in int64 while that cannot
	// overflow (every real amount, drawn on each frame), else in big
	// integers.
	const small = 1 << 52
	if part > -small && part < small && whole < small {
		pct = (abs(part)*200 + whole) / (2 * whole)
	} else {
		p := new(big.Int).Abs(big.NewInt(part))
		w := big.NewInt(whole)
		p.Mul(p, big.NewInt(200)).Add(p, w)
		p.Quo(p, w.Mul(w, big.NewInt(2)))
		pct = math.MaxInt64
		if p.IsInt64() {
			pct = p.Int64()
		}
	}
	if pct == 100 && part >= 0 && part < whole {
		// 100% says the target is met: 99.99…% short of it says 99%.
		pct = 99
	}
	if part < 0 {
		return -pct, true
	}
	return pct, true
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// Scale is part/whole of n cells, rounded down, computed without overflow
// (part·n can pass the int64 range when part is a large sum): for bars.
// It is 0 when whole is not positive, and at most n when part ≤ whole.
func Scale(part, whole int64, n int) int {
	if whole <= 0 || part <= 0 || n <= 0 {
		return 0
	}
	if part < 1<<52 && n <= 1<<10 { // part·n fits in int64: no big integers
		return int(min(part*int64(n)/whole, math.MaxInt32))
	}
	p := new(big.Int).Mul(big.NewInt(part), big.NewInt(int64(n)))
	p.Quo(p, big.NewInt(whole))
	if !p.IsInt64() || p.Int64() > math.MaxInt32 {
		return math.MaxInt32
	}
	return int(p.Int64())
}

// Plus is m + n, saturating at the int64 range.
func (m Money) Plus(n Money) Money {
	s := m + n
	switch {
	case n > 0 && s < m:
		return math.MaxInt64
	case n < 0 && s > m:
		return math.MinInt64
	}
	return s
}

// invisible reports whether r is a zero-width or bidi control character:
// it changes how a name looks (or nothing at all) without being seen, so
// "ACME Ltd" and "ACME Ltd" + U+200B would pass for two names.
func invisible(r rune) bool {
	switch {
	case r == 0x200b || r == 0x200c || r == 0x200d: // zero-width space, non-joiner, joiner
	case r >= 0x2060 && r <= 0x2064: // word joiner, invisible operators
	case r == 0xfeff: // zero-width no-break space (BOM)
	case r == 0x00ad || r == 0x034f || r == 0x180e: // soft hyphen, grapheme joiner, Mongolian vowel separator
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
	case r == 0x200e || r == 0x200f || r == 0x061c: // bidi marks
	default:
		return false
	}
	return true
}

// unseen reports whether r draws nothing by itself though it is kept in a
// name as typed (it may belong to an emoji: a variation selector, a flag's
// tag characters): filler and format characters. A name's key leaves them
// out, so a name of only these is blank and one with them is the same name
// as one without.
func unseen(r rune) bool {
	switch {
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef: // variation selectors
	case r >= 0xe0000 && r <= 0xe007f: // tag characters
	case r == 0x115f || r == 0x1160 || r == 0x3164 || r == 0xffa0: // Hangul fillers
	case r == 0x2800: // braille blank
	case r >= 0x1d173 && r <= 0x1d17a: // musical format characters
	case r >= 0xfff9 && r <= 0xfffb: // interlinear annotation
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
	default:
		return false
	}
	return true
}

// CleanName is a name as salesplan keeps it: zero-width and bidi control
// characters removed, spaces trimmed at both ends. Nothing else changes: the
// name stays as typed.
func CleanName(s string) string {
	if strings.ContainsFunc(s, invisible) {
		s = strings.Map(func(r rune) rune {
			if invisible(r) {
				return -1
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

// NameKey is what two names must share to be the same name: the clean name
// as it shows (made inert), in lower case, with each run of spaces (any
// kind: no-break, ideographic) as one space. Client names and project names
// are unique by this key, so look-alikes are caught as duplicates.
func NameKey(s string) string {
	s = strings.ToLower(InertLine(CleanName(s)))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unseen(r) {
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r == utf8.RuneError {
			r = '\ufffd'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Blank reports whether s shows as nothing: empty once escape sequences,
// controls, zero-width and bidi characters are removed and spaces trimmed
// (NameKey is empty). A required text — a title, a promise, a note, a
// prospect call's who — that is Blank is refused like an empty one.
func Blank(s string) bool { return NameKey(s) == "" }

// checkName cleans a name in place and refuses one that is then empty, or
// shows as nothing once made inert (only control or escape sequences).
func checkName(field string, s *string) *Problem {
	// Before cleaning: CleanName would turn invalid bytes into U+FFFD.
	if err := CheckUTF8(FieldName, *s); err != nil {
		return limit(field, err)
	}
	*s = CleanName(*s)
	if Blank(*s) {
		return Errf("empty_name", "a name is needed").In(field)
	}
	return limit(field, CheckTitle(FieldName, *s))
}
