package i18n

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"salesplan/model"
)

// Every message must exist in both languages: a missing Chinese text would
// silently show English to a Chinese user.
func TestEveryKeyHasBothLanguages(t *testing.T) {
	for _, k := range Keys() {
		m, _ := Lookup(k)
		if strings.TrimSpace(m.EN) == "" {
			t.Errorf("%s: English text missing", k)
		}
		if strings.TrimSpace(m.ZH) == "" {
			t.Errorf("%s: Chinese text missing", k)
		}
	}
}

// Chinese prose takes full-width brackets: "兑现（迟）", not "兑现(迟)". A
// half-width bracket stays only where it is code or a key name, with no
// Chinese character beside or inside it ("source <(salesplan completion bash)").
func TestChineseTextUsesFullWidthBrackets(t *testing.T) {
	touching := regexp.MustCompile(`\p{Han}[()]|[()]\p{Han}|\([^()]*\p{Han}[^()]*\)`)
	for _, k := range Keys() {
		m, _ := Lookup(k)
		if b := touching.FindString(m.ZH); b != "" {
			t.Errorf("%s: half-width bracket in Chinese text %q: %q", k, b, m.ZH)
		}
	}
}

// Both texts of a message must take the same arguments, or one language
// prints %!v(MISSING) or %!(EXTRA …).
func TestVerbsMatchBetweenLanguages(t *testing.T) {
	for _, k := range Keys() {
		m, _ := Lookup(k)
		en, zh := ArgIndexes(m.EN), ArgIndexes(m.ZH)
		if !reflect.DeepEqual(en, zh) {
			t.Errorf("%s: English uses arguments %v, Chinese %v", k, en, zh)
		}
	}
}

func TestNoDuplicateKeys(t *testing.T) {
	if dups := duplicateKeys(); len(dups) > 0 {
		t.Errorf("keys registered twice: %v", dups)
	}
}

// The glossary of DESIGN.md §5 is the law for these words.
func TestGlossary(t *testing.T) {
	want := map[string]string{
		"word.client": "客户", "word.key_client": "大客户", "word.regular_client": "一般客户",
		"word.task": "任务", "word.promise": "承诺", "word.note": "笔记", "word.call": "电话",
		"word.visit": "拜访", "word.followup": "跟进", "word.project": "项目", "word.stage": "阶段",
		"word.target": "目标", "word.attention": "提醒", "word.today": "今天", "word.week": "本周",
		"word.month": "本月",
		"stage.lead": "线索", "stage.design": "前期设计", "stage.bidding": "投标",
		"stage.detailing": "深化设计", "stage.contract": "签约", "stage.delivery": "备货发货",
		"stage.commissioning": "安装调试", "stage.acceptance": "验收", "stage.closed": "已回款",
		"stage.lost": "丢单",
	}
	for k, zh := range want {
		if got := ZH.T(k); got != zh {
			t.Errorf("ZH.T(%q) = %q, glossary says %q", k, got, zh)
		}
	}
	for _, s := range model.Stages {
		if !Has("stage." + string(s)) {
			t.Errorf("stage %s has no message", s)
		}
	}
	for _, a := range model.AttentionTypes {
		if !Has("att." + string(a)) {
			t.Errorf("attention type %s has no message", a)
		}
	}
}

func TestTMissingKeyIsVisible(t *testing.T) {
	if got := EN.T("no.such.key", 1, 2); got != "!no.such.key" {
		t.Errorf("missing key = %q", got)
	}
	if got := EN.T("rel.in_days", 3); got != "in 3 days" {
		t.Errorf("EN rel.in_days = %q", got)
	}
	if got := ZH.T("rel.in_days", 3); got != "3天后" {
		t.Errorf("ZH rel.in_days = %q", got)
	}
}

func TestDetect(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name    string
		setting string
		env     map[string]string
		want    Lang
	}{
		{"setting wins", "en", map[string]string{"LANG": "zh_CN.UTF-8"}, EN},
		{"setting zh", "zh", nil, ZH},
		{"LC_ALL first", "", map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, EN},
		{"LC_MESSAGES", "", map[string]string{"LC_MESSAGES": "zh_TW", "LANG": "en_US"}, ZH},
		{"LANG", "", map[string]string{"LANG": "zh_CN.UTF-8"}, ZH},
		{"other language is English", "", map[string]string{"LANG": "de_DE.UTF-8"}, EN},
		{"nothing set", "", nil, EN},
		{"bad setting falls through", "klingon", map[string]string{"LANG": "zh"}, ZH},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.setting, env(tt.env)); got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
	if got := Detect("", nil); got != EN {
		t.Errorf("Detect with nil env = %q", got)
	}
}

func TestErr(t *testing.T) {
	p := model.Errf("unknown_client", "no client matches %q", "Wang")
	wrapped := fmt.Errorf("add task: %w", p)
	tests := []struct {
		name string
		l    Lang
		err  error
		want string
	}{
		{"nil", EN, nil, ""},
		{"problem zh", ZH, p, "找不到客户“Wang”"},
		{"wrapped problem en", EN, wrapped, `client "Wang" not found`},
		{"user text in arguments is made inert", ZH, model.Errf("unknown_client", "no client %q", "W\x1b[31mang\r"), "找不到客户“Wang”"},
		{"fallback English is made inert", EN, model.Errf("zzz", "odd %s", "a\x1b]0;pwned\x07b"), "odd ab"},
		{"plain error on one line", EN, errors.New("line one\nline two"), "line one line two"},
		{"unknown code falls back to English", ZH, model.Errf("zzz", "odd %d", 3), "odd 3"},
		{"argument count mismatch falls back", ZH, model.Errf("bad_date", "bad date"), "bad date"},
		{"plain error", ZH, errors.New("disk full"), "disk full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.l.Err(tt.err); got != tt.want {
				t.Errorf("Err = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRequiredErrorCodes(t *testing.T) {
	for _, c := range []string{"bad_date", "empty_title", "unknown_client", "ambiguous_client",
		"unknown_project", "ambiguous_project", "duplicate_client", "missing_due", "bad_stage",
		"bad_repeat", "bad_time", "bad_amount", "locked", "newer_schema", "not_empty"} {
		if !Has("err." + c) {
			t.Errorf("err.%s missing", c)
		}
	}
}

func TestDates(t *testing.T) {
	d := model.MakeDate(2026, time.November, 27)
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"en date", EN.Date(d), "Fri 27 Nov 2026"},
		{"zh date", ZH.Date(d), "2026年11月27日 周五"},
		{"en short", EN.ShortDate(d), "Fri 27 Nov"},
		{"zh short", ZH.ShortDate(d), "11月27日 周五"},
		{"en month", EN.MonthYear(model.MonthOf(d)), "November 2026"},
		{"zh month", ZH.MonthYear(model.MonthOf(d)), "2026年11月"},
		{"no date", EN.Date(model.NoDate), "—"},
		{"weekday out of range", EN.Weekday(9), "?"},
		{"month out of range", ZH.MonthName(0), "?"},
		{"en rel tomorrow", EN.Relative(d.AddDays(1), d), "tomorrow"},
		{"zh rel ago", ZH.Relative(d.AddDays(-5), d), "5天前"},
		{"en one day ago", EN.DaysAgo(1), "1 day ago"},
		{"en days ago", EN.DaysAgo(4), "4 days ago"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"en grouped", EN.Money(120000000, "¥"), "¥1,200,000"},
		{"en cents", EN.Money(120000050, "¥"), "¥1,200,000.50"},
		{"en default currency", EN.Money(95000, ""), "$950"},
		{"zh wan", ZH.Money(120000000, ""), "¥120万"},
		{"zh wan decimals", ZH.Money(12345678, ""), "¥12.35万"},
		{"zh yi", ZH.Money(12000000000, ""), "¥1.2亿"},
		{"zh small", ZH.Money(850000, ""), "¥8,500"},
		{"negative", EN.Money(-150000, "¥"), "-¥1,500"},
		{"exact zh", ZH.MoneyExact(120000050, ""), "¥1,200,000.50"},
		{"short en M", EN.MoneyShort(120000000, "¥"), "¥1.2M"},
		{"short en k", EN.MoneyShort(30000000, "¥"), "¥300k"},
		{"short zh", ZH.MoneyShort(120000000, ""), "¥120万"},
		{"zero", ZH.Money(0, ""), "¥0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestArgIndexes(t *testing.T) {
	tests := []struct {
		f    string
		want int
	}{
		{"plain", 0}, {"100%%", 0}, {"%d of %d", 2}, {"%[2]s %[1]s", 2}, {"%5.1f%%", 1}, {"%-10s|%04o", 2},
	}
	for _, tt := range tests {
		if got := ArgCount(tt.f); got != tt.want {
			t.Errorf("ArgCount(%q) = %d, want %d", tt.f, got, tt.want)
		}
	}
}

// N takes a message's singular (key_one) for a count of one, in both
// languages, and drops the arguments a form does not use.
func TestPlurals(t *testing.T) {
	for _, tt := range []struct {
		lang Lang
		key  string
		n    int
		want string
	}{
		{EN, "clients.sheet.done", 1, "Done: the one client due has had a turn."},
		{EN, "clients.sheet.done", 3, "Done: all 3 clients due have had their turn."},
		{ZH, "clients.sheet.done", 1, "完成：该跟进的客户已过了一遍。"},
		{ZH, "clients.sheet.done", 3, "完成：3 个该跟进的客户都过了一遍。"},
		{EN, "first.import.nothing", 1, "Nothing to add: the one client in the file is here already."},
		{EN, "first.import.nothing", 2, "Nothing to add: all 2 clients in the file are here already."},
		{EN, "form.lines_above", 1, "↑ 1 more line"},
		{EN, "form.lines_above", 0, "↑ 0 more lines"},
		{EN, "top.visits_total", 1, " (1 visit)"},
	} {
		if got := tt.lang.N(tt.key, tt.n, tt.n); got != tt.want {
			t.Errorf("%s N(%s, %d) = %q, want %q", tt.lang, tt.key, tt.n, got, tt.want)
		}
	}
}

// A singular stands beside its message and asks for no argument the
// message does not give it.
func TestPluralFormsHaveTheirMessage(t *testing.T) {
	for _, k := range Keys() {
		base, ok := strings.CutSuffix(k, "_one")
		if !ok {
			continue
		}
		m, found := Lookup(base)
		if !found {
			t.Errorf("%s: no message %s beside it", k, base)
			continue
		}
		one, _ := Lookup(k)
		if ArgCount(one.EN) > ArgCount(m.EN) || ArgCount(one.ZH) > ArgCount(m.ZH) {
			t.Errorf("%s asks for more arguments than %s", k, base)
		}
	}
}
