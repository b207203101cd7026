package cli

import (
	"net"
	"regexp"
	"strings"
	"testing"

	"salesplan/ui/i18n"
)

// TestChineseSaysItInChinese: messages that used to leak English words
// into a zh run — the record of an import ("document", "line 3"), the
// network's and the file system's reasons, pflag's errors, a restore's
// reason — read in Chinese, with no English words left but the names
// the person typed, file names, flags and format fields.
func TestChineseSaysItInChinese(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "王总")
	badFormat := h.write("f.json", `{"format": "other", "version": 1}`)
	badCSV := h.write("c.csv", "name,phone\nA,1\n,2\n")
	badCadence := h.write("d.csv", "客户,跟进周期\n张三,7\n李四,两周\n")
	notDB := h.write("x.db", "not a database at all")
	mergeDup := h.write("m.json", `{"format": "salesplan", "version": 2, "clients": [{"id": 1, "name": "王总", "tier": "key", "created_on": "2026-01-01"}]}`)
	h.ok("promise", "王总", "报价", "--due", "2026-11-30")
	h.ok("promise", "cancel", "1", "--reason", "客户取消")
	// A port nothing listens on: listen, note the address, close.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/cal/"
	l.Close()

	tests := []struct {
		name    string
		args    []string
		want    string
		english []string // words of the old English leak
	}{
		{"import: the document", []string{"import", badFormat}, "文档的字段 format", []string{"document"}},
		{"import: a CSV line", []string{"import", "--format", "csv", "--kind", "clients", badCSV}, "第 3 行“name”列：", []string{"line"}},
		// The column as the file's header names it, not the JSON field.
		{"import: a CSV cell", []string{"import", "--format", "csv", "--kind", "clients", badCadence}, "第 3 行“跟进周期”列：“两周”不是天数（0–3650）", []string{"cadence_days", "line"}},
		{"a file that is not there", []string{"import", h.dir + "/nope.json"}, "文件或文件夹不存在", []string{"no such file", "open "}},
		{"restore: not a database", []string{"restore", notDB, "--yes"}, "不是 bbolt 数据库文件", []string{"not a bbolt file"}},
		{"sync: server down", []string{"sync"}, "连接被拒绝", []string{"connection refused"}},
		{"import --merge: a name already here", []string{"import", "--merge", mergeDup}, "数据库里已有名为“王总”的客户", []string{"already in the database"}},
		{"a promise already cancelled", []string{"promise", "keep", "1"}, "承诺 1 已取消", []string{"cancelled"}},
		{"unknown flag", []string{"today", "--bogus"}, "没有选项 --bogus", []string{"unknown flag"}},
		{"flag without its value", []string{"week", "--week"}, "--week 需要一个值", []string{"needs an argument"}},
		{"flags that exclude each other", []string{"today", "--json", "--short"}, "--json 与 --short 不能同时使用", []string{"if any flags"}},
		{"flag of the wrong type", []string{"target", "set", "--year", "abc", "--sales", "1"}, "不是 --year 的有效值", []string{"invalid argument"}},
	}
	h.ok("config", "set", "caldav.url", closed)
	// Words that may stay English: what was typed (quoted), names and
	// fields of the formats, flags, paths.
	allowed := regexp.MustCompile(`"[^"]*"|salesplan|format|name|json|csv|bbolt|CalDAV|http|--[a-z-]+|` + regexp.QuoteMeta(h.dir) + `\S*`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := h.run(append([]string{"--lang", "zh"}, tc.args...)...)
			if r.code == 0 {
				t.Fatalf("exit 0, want a failure; stdout %q", r.out)
			}
			line := stderrLines(r.err)[0]
			if !strings.Contains(line, tc.want) {
				t.Errorf("stderr %q; want %q", line, tc.want)
			}
			for _, w := range tc.english {
				if strings.Contains(line, w) {
					t.Errorf("stderr %q still says %q in English", line, w)
				}
			}
			if rest := allowed.ReplaceAllString(line, ""); regexp.MustCompile(`[A-Za-z]{3,}`).MatchString(rest) {
				t.Errorf("stderr %q has English words: %q", line, regexp.MustCompile(`[A-Za-z]{3,}`).FindAllString(rest, -1))
			}
		})
	}
}

// TestReadViewNamesTheViewInChinese: cli.err.read_view names what could
// not be read from the catalog ("无法读取日报"), never an English word.
func TestReadViewNamesTheViewInChinese(t *testing.T) {
	for _, v := range []string{"today", "week", "month", "clients", "client", "journal", "projects", "promises",
		"reliability", "review", "report_day", "report_week", "report_month", "targets"} {
		zh := i18n.ZH.T("cli.err.read_view", i18n.ZH.T("cli.view."+v))
		if strings.Contains(zh, "!cli.") || regexp.MustCompile(`[A-Za-z]`).MatchString(zh) {
			t.Errorf("cli.view.%s: %q", v, zh)
		}
	}
}
