package i18n

import (
	"strconv"
	"strings"
	"time"

	"salesplan/model"
)

// Dates are written the way each language writes them by hand:
//
//	en  Fri 27 Nov 2026   Fri 27 Nov   27 Nov   November 2026
//	zh  2026年11月27日 周五  11月27日 周五  11月27日  2026年11月
//
// Invalid dates (model.NoDate) are written as "—".

const noDate = "—"

var weekdayKeys = [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// Weekday returns the short weekday name: "Fri" / "周五".
func (l Lang) Weekday(w time.Weekday) string {
	if w < time.Sunday || w > time.Saturday {
		return "?"
	}
	return l.T("wd." + weekdayKeys[w])
}

// WeekdayLong returns the full weekday name: "Friday" / "星期五".
func (l Lang) WeekdayLong(w time.Weekday) string {
	if w < time.Sunday || w > time.Saturday {
		return "?"
	}
	return l.T("wdl." + weekdayKeys[w])
}

// MonthName returns the month's full name: "November" / "11月".
func (l Lang) MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return "?"
	}
	return l.T("month." + strconv.Itoa(int(m)))
}

// MonthShort returns the month's short name: "Nov" / "11月".
func (l Lang) MonthShort(m time.Month) string {
	if m < time.January || m > time.December {
		return "?"
	}
	return l.T("mon." + strconv.Itoa(int(m)))
}

// Date writes a full date: "Fri 27 Nov 2026" / "2026年11月27日 周五".
func (l Lang) Date(d model.Date) string {
	if !d.Valid() {
		return noDate
	}
	y, m, dd := d.YMD()
	if l == ZH {
		return strconv.Itoa(y) + "年" + strconv.Itoa(int(m)) + "月" + strconv.Itoa(dd) + "日 " + l.Weekday(d.Weekday())
	}
	return l.Weekday(d.Weekday()) + " " + strconv.Itoa(dd) + " " + l.MonthShort(m) + " " + strconv.Itoa(y)
}

// ShortDate writes a date without the year: "Fri 27 Nov" / "11月27日 周五".
func (l Lang) ShortDate(d model.Date) string {
	if !d.Valid() {
		return noDate
	}
	if l == ZH {
		return l.DayMonth(d) + " " + l.Weekday(d.Weekday())
	}
	return l.Weekday(d.Weekday()) + " " + l.DayMonth(d)
}

// DayMonth writes day and month: "27 Nov" / "11月27日".
func (l Lang) DayMonth(d model.Date) string {
	if !d.Valid() {
		return noDate
	}
	_, m, dd := d.YMD()
	if l == ZH {
		return strconv.Itoa(int(m)) + "月" + strconv.Itoa(dd) + "日"
	}
	return strconv.Itoa(dd) + " " + l.MonthShort(m)
}

// MonthYear writes a month: "November 2026" / "2026年11月".
func (l Lang) MonthYear(m model.Month) string {
	if m.Month < time.January || m.Month > time.December {
		return noDate
	}
	if l == ZH {
		return strconv.Itoa(m.Year) + "年" + strconv.Itoa(int(m.Month)) + "月"
	}
	return l.MonthName(m.Month) + " " + strconv.Itoa(m.Year)
}

// Relative says d relative to today: "today", "tomorrow", "yesterday",
// "in 3 days", "3 days ago" / "今天", "明天", "昨天", "3天后", "3天前".
func (l Lang) Relative(d, today model.Date) string {
	if !d.Valid() {
		return noDate
	}
	switch n := d.Sub(today); {
	case n == 0:
		return l.T("rel.today")
	case n == 1:
		return l.T("rel.tomorrow")
	case n == -1:
		return l.T("rel.yesterday")
	case n > 0:
		return l.T("rel.in_days", n)
	default:
		return l.T("rel.days_ago", -n)
	}
}

// DaysAgo says "n days ago" / "n天前" (n ≥ 0; 0 is "today").
func (l Lang) DaysAgo(n int) string {
	switch {
	case n <= 0:
		return l.T("rel.today")
	case n == 1:
		return l.T("rel.day_ago", n)
	}
	return l.T("rel.days_ago", n)
}

// DefaultCurrency is the currency symbol when the setting is empty:
// ¥ for Chinese, $ for English (DESIGN.md §2: "default by language").
func (l Lang) DefaultCurrency() string {
	if l == ZH {
		return "¥"
	}
	return "$"
}

// Money writes an amount with the currency symbol ("" = the language's
// default).
//
// English groups thousands and shows cents only when there are some:
// "¥1,200,000", "¥1,200,000.50". Chinese counts in 万 and 亿 as people say
// amounts, from 1万 up, with at most two decimals, trailing zeros dropped:
// "¥120万", "¥12.35万", "¥1.2亿"; smaller amounts as in English: "¥8,500".
// The Chinese form rounds; use MoneyExact where every cent matters. A sum
// too large to count (model.Money.Saturated) is "≥" that amount, in all three.
func (l Lang) Money(m model.Money, currency string) string {
	if m.Saturated() {
		return l.T("money.at_least", l.money(m, currency))
	}
	return l.money(m, currency)
}

func (l Lang) money(m model.Money, currency string) string {
	if currency == "" {
		currency = l.DefaultCurrency()
	}
	sign, a := "", int64(m)
	if a < 0 {
		sign, a = "-", -a
	}
	if l == ZH && a >= 1e4*100 {
		unit, div := "万", int64(1e4*100)
		if a >= 1e8*100 {
			unit, div = "亿", int64(1e8*100)
		}
		return sign + currency + trimDecimals(float64(a)/float64(div)) + unit
	}
	return sign + currency + grouped(a)
}

// MoneyExact writes an amount to the cent in both languages: "¥1,200,000.50".
func (l Lang) MoneyExact(m model.Money, currency string) string {
	if m.Saturated() {
		return l.T("money.at_least", l.moneyExact(m, currency))
	}
	return l.moneyExact(m, currency)
}

func (l Lang) moneyExact(m model.Money, currency string) string {
	if currency == "" {
		currency = l.DefaultCurrency()
	}
	sign, a := "", int64(m)
	if a < 0 {
		sign, a = "-", -a
	}
	return sign + currency + grouped(a)
}

// MoneyShort writes an amount in at most about six cells for bars and
// columns: "¥1.2M", "¥300k", "¥950" / "¥120万", "¥1.2亿", "¥950".
func (l Lang) MoneyShort(m model.Money, currency string) string {
	if m.Saturated() {
		return l.T("money.at_least", l.moneyShort(m, currency))
	}
	return l.moneyShort(m, currency)
}

func (l Lang) moneyShort(m model.Money, currency string) string {
	if currency == "" {
		currency = l.DefaultCurrency()
	}
	sign, a := "", int64(m)/100 // main units; cents do not fit here
	if a < 0 {
		sign, a = "-", -a
	}
	if l == ZH {
		switch {
		case a >= 1e8:
			return sign + currency + oneDecimal(float64(a)/1e8) + "亿"
		case a >= 1e4:
			return sign + currency + oneDecimal(float64(a)/1e4) + "万"
		}
		return sign + currency + strconv.FormatInt(a, 10)
	}
	switch {
	case a >= 1e9:
		return sign + currency + oneDecimal(float64(a)/1e9) + "B"
	case a >= 1e6:
		return sign + currency + oneDecimal(float64(a)/1e6) + "M"
	case a >= 1e3:
		return sign + currency + oneDecimal(float64(a)/1e3) + "k"
	}
	return sign + currency + strconv.FormatInt(a, 10)
}

// grouped writes minor units as main units with thousands separators and
// cents only when non-zero.
func grouped(minor int64) string {
	whole, cents := minor/100, minor%100
	s := strconv.FormatInt(whole, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if cents != 0 {
		b.WriteString("." + strconv.FormatInt(cents/10, 10) + strconv.FormatInt(cents%10, 10))
	}
	return b.String()
}

func trimDecimals(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func oneDecimal(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}
