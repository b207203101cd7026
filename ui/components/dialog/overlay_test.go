package dialog

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestOver(t *testing.T) {
	body := "aaaaaaaa\nbbbbbbbb\ncccccccc"
	tests := []struct {
		name      string
		body      string
		dlg       string
		w, h      int
		want      []string
		wantEmpty bool
	}{
		{name: "centred over the last lines", dlg: "XX\nYY", w: 8, h: 3,
			want: []string{"aaaaaaaa", "bbbXXbbb", "cccYYccc"}},
		{name: "short body padded to the height", dlg: "XX", w: 8, h: 4,
			want: []string{"aaaaaaaa", "bbbbbbbb", "cccccccc", "   XX   "}},
		{name: "tall dialog keeps its bottom lines", dlg: "1\n2\n3\n4", w: 8, h: 2,
			want: []string{"aaa3aaaa", "bbb4bbbb"}},
		{name: "wide characters of the dialog measured in cells", dlg: "王总", w: 8, h: 3,
			want: []string{"aaaaaaaa", "bbbbbbbb", "cc王总cc"}},
		{name: "a wide character under the left border becomes a space", body: "王总客户\n王总客户",
			dlg: "│x│\n│x│", w: 9, h: 2, want: []string{"王 │x│户 ", "王 │x│户 "}},
		{name: "a wide character under the right border becomes a space", body: "王总客户很好\n王总客户很好",
			dlg: "│x│\n│x│", w: 12, h: 2, want: []string{"王总│x│ 很好", "王总│x│ 很好"}},
		{name: "both borders at once", body: "a王总客户\na王总客户",
			dlg: "│xy│\n│xy│", w: 9, h: 2, want: []string{"a │xy│ 户", "a │xy│ 户"}},
		{name: "a dialog wider than the area is cut to it", body: "ab\ncd", dlg: "╭────╮\n╰────╯", w: 3, h: 2,
			want: []string{"╭──", "╰──"}},
		{name: "no height", dlg: "XX", w: 8, h: 0, wantEmpty: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := body
			if tt.body != "" {
				b = tt.body
			}
			got := ansi.Strip(Over(b, tt.dlg, tt.w, tt.h))
			if tt.wantEmpty {
				if got != "" {
					t.Errorf("got %q, want nothing", got)
				}
				return
			}
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			for i, l := range strings.Split(got, "\n") {
				if ansi.StringWidth(l) != tt.w {
					t.Errorf("line %d is %d cells, want %d: %q", i, ansi.StringWidth(l), tt.w, l)
				}
			}
		})
	}
}

// Over a body of Chinese text whose characters fall on every column, the
// dialog's border is in one column on every line.
func TestOverChineseKeepsTheBorderStraight(t *testing.T) {
	var rows []string
	for i := range 6 {
		rows = append(rows, strings.Repeat(" ", i%2)+strings.Repeat("王总说下个月预算批下来", 4))
	}
	box := "╭──────╮\n│ 笔记 │\n╰──────╯"
	for _, w := range []int{40, 41, 60, 79} {
		got := ansi.Strip(Over(strings.Join(rows, "\n"), box, w, 6))
		col := -1
		for i, l := range strings.Split(got, "\n")[3:] {
			for _, edge := range []string{"╭", "│", "╰"} {
				if j := strings.Index(l, edge); j >= 0 {
					c := ansi.StringWidth(l[:j])
					if col < 0 {
						col = c
					} else if c != col {
						t.Errorf("width %d line %d: the border is at cell %d, not %d:\n%s", w, i+3, c, col, got)
					}
					break
				}
			}
			if ansi.StringWidth(l) != w {
				t.Errorf("width %d line %d is %d cells", w, i+3, ansi.StringWidth(l))
			}
		}
	}
}
