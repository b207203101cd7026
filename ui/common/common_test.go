package common

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
)

func TestPadAndTruncateMeasureCells(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"ascii pad", PadRight("ab", 4), "ab  "},
		{"ascii cut", Truncate("abcdef", 4), "abc…"},
		{"chinese fits", PadRight("王总", 4), "王总"},
		{"chinese pad", PadRight("王总", 6), "王总  "},
		{"chinese cut does not split a character", PadRight("王总客户", 6), "王总… "},
		{"zero width", PadRight("abc", 0), ""},
		{"negative width", Truncate("abc", -3), ""},
		{"pad left", PadLeft("7", 3), "  7"},
		{"center", Center("ab", 6), "  ab  "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestStyledTextKeepsWidth(t *testing.T) {
	s := "\x1b[1m王总\x1b[0m plan"
	if got := ansi.StringWidth(PadRight(s, 12)); got != 12 {
		t.Errorf("width = %d", got)
	}
	if got := ansi.StringWidth(Truncate(s, 5)); got > 5 {
		t.Errorf("truncated width = %d", got)
	}
}

func TestFit(t *testing.T) {
	got := Fit("a\n王总客户很长\nc\nd", 5, 3)
	lines := strings.Split(got, "\n")
	if len(lines) != 3 {
		t.Fatalf("lines = %d", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 5 {
			t.Errorf("line %d %q is %d cells", i, l, w)
		}
	}
	if Fit("x", 0, 3) != "" || Fit("x", 3, 0) != "" {
		t.Error("Fit with an empty size must be empty")
	}
}

func TestCellMakesUserTextInert(t *testing.T) {
	got := Cell("pay $10\r\x1b]8;;http://x\x07now\x1b]8;;\x07", 20)
	if strings.ContainsAny(got, "\x1b\r\x07") {
		t.Errorf("control bytes survived: %q", got)
	}
	if ansi.StringWidth(got) != 20 {
		t.Errorf("width %d", ansi.StringWidth(got))
	}
}

func TestList(t *testing.T) {
	var l List
	l.SetHeight(3)
	l.SetLen(10)
	l.Move(5)
	if from, to := l.Visible(); l.Cursor != 5 || from != 3 || to != 6 {
		t.Errorf("after Move(5): cursor %d visible [%d,%d)", l.Cursor, from, to)
	}
	l.Move(100)
	if l.Cursor != 9 || l.Offset != 7 {
		t.Errorf("Move past the end: cursor %d offset %d", l.Cursor, l.Offset)
	}
	l.SetLen(4) // a reload removed rows
	if from, to := l.Visible(); l.Cursor != 3 || from != 1 || to != 4 {
		t.Errorf("after SetLen(4): cursor %d visible [%d,%d)", l.Cursor, from, to)
	}
	l.Scroll(-10)
	if l.Offset != 0 || l.Cursor != 2 {
		t.Errorf("Scroll up: offset %d cursor %d (cursor must stay on screen)", l.Offset, l.Cursor)
	}
	if i, ok := l.RowAt(1); !ok || i != 1 {
		t.Errorf("RowAt(1) = %d %v", i, ok)
	}
	if _, ok := l.RowAt(3); ok {
		t.Error("RowAt below the list must miss")
	}
	l.SetLen(0)
	if from, to := l.Visible(); l.Cursor != 0 || from != 0 || to != 0 {
		t.Errorf("empty: cursor %d visible [%d,%d)", l.Cursor, from, to)
	}
	l.SetHeight(0)
	l.Move(-3) // must not panic or go negative
	if l.Cursor != 0 {
		t.Errorf("cursor %d", l.Cursor)
	}
}

func TestEnvClock(t *testing.T) {
	fixed := time.Date(2026, 3, 4, 15, 30, 0, 0, time.Local)
	env := Env{Clock: func() time.Time { return fixed }}
	if got := env.Today(); got != model.MakeDate(2026, 3, 4) {
		t.Errorf("Today = %v", got)
	}
	env.TodayOverride = model.MakeDate(2026, 11, 27)
	if got := env.Today(); got != env.TodayOverride {
		t.Errorf("Today with override = %v", got)
	}
	if got := env.Now(); model.DateOf(got) != env.TodayOverride || got.Hour() != 15 {
		t.Errorf("Now with override = %v", got)
	}
}

func TestShiftMouse(t *testing.T) {
	got := ShiftMouse(tea.MouseClickMsg{X: 10, Y: 5, Button: tea.MouseLeft}, 2, 3)
	c, ok := got.(tea.MouseClickMsg)
	if !ok || c.X != 8 || c.Y != 2 || c.Button != tea.MouseLeft {
		t.Errorf("ShiftMouse = %#v", got)
	}
	if k := ShiftMouse(tea.KeyPressMsg{Code: 'a'}, 1, 1); k != (tea.KeyPressMsg{Code: 'a'}) {
		t.Errorf("key changed: %#v", k)
	}
}

func TestUndoCmdWithoutStore(t *testing.T) {
	msg := UndoCmd(Env{})()
	u, ok := msg.(UndoneMsg)
	if !ok || !errors.Is(u.Err, storage.ErrNothingToUndo) {
		t.Errorf("UndoCmd without a store = %#v", msg)
	}
	if StatusErr(Env{}, nil) != nil {
		t.Error("StatusErr(nil) must be nil")
	}
}

// A list with headings: the cursor steps over them, a heading stays in
// view above its first row, and the first row shows the top.
func TestListWithHeadings(t *testing.T) {
	//           0    1    2    3    4    5    6    7
	rows := []bool{true, false, false, true, false, true, true, false} // true: a heading
	l := List{Skip: func(i int) bool { return rows[i] }}
	l.SetHeight(3)
	l.SetLen(len(rows))
	if l.Cursor != 1 || l.Offset != 0 {
		t.Fatalf("opened on row %d, offset %d; want the first task, row 1, at the top", l.Cursor, l.Offset)
	}
	l.Move(2)
	if l.Cursor != 4 || l.Offset != 2 {
		t.Errorf("2 down: row %d offset %d, want 4 and 2", l.Cursor, l.Offset)
	}
	l.Move(5)
	if l.Cursor != 7 {
		t.Errorf("5 down past the end: row %d, want the last task 7", l.Cursor)
	}
	l.Move(-1)
	if l.Cursor != 4 || l.Offset != 3 {
		t.Errorf("1 up over two headings: row %d offset %d, want 4 with its heading (3) in view", l.Cursor, l.Offset)
	}
	l.Move(-2)
	if l.Cursor != 1 || l.Offset != 0 {
		t.Errorf("back to the first task: row %d offset %d, want 1 and 0", l.Cursor, l.Offset)
	}
	l.Select(5)
	if l.Cursor != 7 {
		t.Errorf("Select on a heading: row %d, want the next task 7", l.Cursor)
	}
	if i, ok := l.RowAt(0); !ok || l.Selectable(i) {
		t.Errorf("RowAt(0) = %d: the heading 5 or 6", i)
	}
	l.Skip = func(int) bool { return true } // a day with nothing planned
	l.SetLen(1)
	if l.Cursor != 0 || l.Offset != 0 || l.Selectable(0) {
		t.Errorf("all headings: cursor %d offset %d", l.Cursor, l.Offset)
	}
}

// Wrapped Chinese text never starts a line with closing punctuation (、，。）
// …): the character (or Latin word) before it comes down with it, and
// every line still fits.
func TestWrapTextKeepsPunctuationOffLineStarts(t *testing.T) {
	tests := []struct {
		text string
		w    int
		want []string
	}{
		{"含名称列的文件（也可有电话、区域、级别等）", 32, []string{"含名称列的文件（也可有电话、区", "域、级别等）"}},
		{"年度销售目标、每天电话数、每周拜访数", 12, []string{"年度销售目", "标、每天电话", "数、每周拜访", "数"}},
		{"问了ACME，说下周定", 8, []string{"问了", "ACME，说", "下周定"}},
		{"plain English, wrapped as before", 10, []string{"plain", "English,", "wrapped as", "before"}},
	}
	for _, tc := range tests {
		got := WrapText(tc.text, tc.w)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("WrapText(%q, %d) = %q, want %q", tc.text, tc.w, got, tc.want)
		}
		for _, l := range got {
			if ansi.StringWidth(l) > tc.w {
				t.Errorf("line %q is wider than %d", l, tc.w)
			}
		}
	}
}

// FollowLines scrolls the least that shows the lines, above the "↓N more"
// mark while lines remain below it.
func TestFollowLines(t *testing.T) {
	for _, tc := range []struct {
		name                          string
		offset, top, end, total, h, w int
	}{
		{"in view", 0, 2, 3, 30, 10, 0},
		{"under the mark", 0, 9, 10, 30, 10, 1}, // row 9 is the mark's
		{"last lines, no mark", 20, 29, 30, 30, 10, 20},
		{"below", 0, 15, 17, 30, 10, 8},
		{"above", 12, 5, 6, 30, 10, 4},
		{"taller than the view", 0, 12, 40, 50, 10, 11},
	} {
		if got := FollowLines(tc.offset, tc.top, tc.end, tc.total, tc.h); got != tc.w {
			t.Errorf("%s: FollowLines = %d, want %d", tc.name, got, tc.w)
		}
	}
}
