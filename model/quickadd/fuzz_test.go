package quickadd

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"salesplan/model"
)

// snapshot renders a Result fully, problems included, to compare two runs.
func snapshot(r Result) string {
	return fmt.Sprintf("%+v|%q|%q|%q", r.Task, r.ClientName, r.ProjectName, codesAndText(r.Problems))
}

func codesAndText(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, fmt.Sprintf("%T:%v", e, e))
	}
	return out
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"call @王总 tomorrow 10:00 !", "拜访 @李经理 周三 下午", `meet #"Tower B" next mon 3pm every 2w`,
		"明天下午3点打电话给王总", `call @"ACME Ltd tomorrow`, "13/45 +0d", `\sun cream`, "每两周 回访 ！",
	} {
		f.Add(s)
	}
	fake := newFake()
	f.Fuzz(func(t *testing.T, in string) {
		res := Parse(in, friday, fake)
		if again := Parse(in, friday, fake); snapshot(again) != snapshot(res) {
			t.Fatalf("Parse(%q) is not deterministic:\n%s\n%s", in, snapshot(res), snapshot(again))
		}
		task := res.Task
		if !task.Kind.Valid() || !task.Slot.Valid() || !task.Date.Valid() {
			t.Fatalf("Parse(%q) gave kind %q slot %q date %v", in, task.Kind, task.Slot, task.Date)
		}
		if task.Time.Valid() && task.Slot != model.SlotOf(task.Time) {
			t.Fatalf("Parse(%q): slot %q disagrees with time %v", in, task.Slot, task.Time)
		}
		if task.Title != strings.TrimSpace(task.Title) || strings.Contains(task.Title, "  ") {
			t.Fatalf("Parse(%q): title %q is not trimmed and single-spaced", in, task.Title)
		}
		if utf8.ValidString(in) && !utf8.ValidString(task.Title) {
			t.Fatalf("Parse(%q): title %q is not valid UTF-8", in, task.Title)
		}
		emptyTitle := false
		for _, e := range res.Problems {
			var p *model.Problem
			if !errors.As(e, &p) || p.Code == "" {
				t.Fatalf("Parse(%q): problem %#v is not a *model.Problem with a code", in, e)
			}
			emptyTitle = emptyTitle || p.Code == CodeEmptyTitle
		}
		if emptyTitle != (task.Title == "") {
			t.Fatalf("Parse(%q): title %q but empty_title reported %v", in, task.Title, emptyTitle)
		}
		// A client that was resolved is not also left in the title. (An
		// escaped \@name is title text on purpose, so those inputs are skipped.)
		if task.ClientID != 0 && !strings.Contains(in, `\`) {
			for _, w := range strings.Fields(task.Title) {
				if w == "@"+res.ClientName || w == `@"`+res.ClientName+`"` {
					t.Fatalf("Parse(%q): resolved client %q is still in the title %q", in, res.ClientName, task.Title)
				}
			}
		}
		if task.ClientID == 0 && res.ClientName != "" && len(res.Problems) == 0 {
			t.Fatalf("Parse(%q): client %q was neither resolved nor reported", in, res.ClientName)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"tomorrow", "next mon", "12/1", "13/45", "下周三", "+3d", "last friday", "2026-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseDate(in, friday)
		d2, err2 := ParseDate(in, friday)
		if d != d2 || fmt.Sprint(err) != fmt.Sprint(err2) {
			t.Fatalf("ParseDate(%q) is not deterministic: %v %v / %v %v", in, d, err, d2, err2)
		}
		if err != nil {
			var p *model.Problem
			if !errors.As(err, &p) || p.Code != CodeBadDate || d != model.NoDate {
				t.Fatalf("ParseDate(%q) = %v, %#v; want NoDate and a bad_date problem", in, d, err)
			}
			return
		}
		if !d.Valid() || d.Year() > 9999 {
			t.Fatalf("ParseDate(%q) = %v, an impossible date", in, d)
		}
	})
}
