package form

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/i18n"
)

// needs40 is a client's needs over 40 lines, with a tab and Chinese.
func needs40() string {
	lines := make([]string, 40)
	for i := range lines {
		lines[i] = fmt.Sprintf("%02d\t冷冻水泵 pump no. %d, flow %d m³/h", i, i, 100+i)
	}
	return strings.Join(lines, "\n")
}

func clientForm(needs string) *Form {
	return NewForm(i18n.EN, st, "Edit client",
		Field{Key: "name", Label: "Name", Value: "王总"},
		Field{Key: "phone", Label: "Phone", Value: "138 0000 1111"},
		Field{Key: "needs", Label: "Needs", Value: needs, Lines: 4},
		Field{Key: "area", Label: "Area", Value: "朝阳"},
	)
}

func pressKeys(d Dialog, names ...string) {
	for _, n := range names {
		d.Update(press(n))
	}
}

// A 40-line needs comes back byte for byte — tabs and line breaks kept —
// when another field is edited, and is not counted as changed.
func TestMultiLineUntouchedKeepsEveryByte(t *testing.T) {
	needs := needs40()
	f := clientForm(needs)
	pressKeys(f, "tab")
	typeText(f, " ext. 5")
	if got := f.Value("needs"); got != needs {
		t.Fatalf("needs changed without an edit:\n%q\nwant\n%q", got, needs)
	}
	if f.Changed("needs") || !f.Changed("phone") {
		t.Errorf("changed: needs %v phone %v", f.Changed("needs"), f.Changed("phone"))
	}
	// Passing through the field (tab in, tab out) changes nothing either.
	pressKeys(f, "tab", "tab")
	if f.Changed("needs") || f.Value("needs") != needs {
		t.Error("tabbing through the needs changed it")
	}
}

// Typed into, a multi-line field keeps all its lines: enter starts a new
// line (it does not save or move on), tab moves to the next field, ctrl+s
// saves.
func TestMultiLineEditKeepsLines(t *testing.T) {
	f := clientForm("first line\nsecond line")
	pressKeys(f, "tab", "tab") // the needs; the cursor at its end
	typeText(f, " (today)")
	if res, _ := f.Update(press("enter")); res != Open {
		t.Fatalf("enter in a multi-line field answered %v", res)
	}
	typeText(f, "third line, 第三行")
	if got, want := f.Value("needs"), "first line\nsecond line (today)\nthird line, 第三行"; got != want {
		t.Errorf("needs = %q, want %q", got, want)
	}
	if !f.Changed("needs") {
		t.Error("an edited needs is not changed")
	}
	pressKeys(f, "tab")
	typeText(f, "x")
	if got := f.Value("area"); got != "朝阳x" {
		t.Errorf("tab did not move on to the area: area %q", got)
	}
	if res, _ := f.Update(press("ctrl+s")); res != Submitted {
		t.Errorf("ctrl+s answered %v", res)
	}
}

// ↓ on the last line of a multi-line field moves to the next field, ↑ on
// its first to the previous one; elsewhere they move between its lines.
func TestMultiLineArrowsLeaveAtTheEdges(t *testing.T) {
	f := clientForm("a\nb\nc")
	pressKeys(f, "tab", "tab") // on the needs, last line
	if f.focus != 2 {
		t.Fatalf("focus %d", f.focus)
	}
	f.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	f.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	if f.focus != 2 || f.fields[2].box.line() != 0 {
		t.Fatalf("↑↑ from the last line: focus %d line %d", f.focus, f.fields[2].box.line())
	}
	f.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	if f.focus != 1 {
		t.Errorf("↑ on the first line: focus %d, want the phone", f.focus)
	}
	pressKeys(f, "down") // into the needs, on its first line
	pressKeys(f, "down", "down")
	if f.focus != 2 {
		t.Fatalf("↓↓ inside the needs: focus %d", f.focus)
	}
	pressKeys(f, "down")
	if f.focus != 3 {
		t.Errorf("↓ on the last line: focus %d, want the area", f.focus)
	}
}

// A paste into a multi-line field keeps its line breaks, whatever the
// terminal sends, and its tabs; it is kept as it came (text is stored as
// given, DESIGN.md §6) and shown inert. A one-line field joins the lines.
func TestMultiLinePaste(t *testing.T) {
	f := clientForm("")
	pressKeys(f, "tab", "tab")
	f.Update(tea.PasteMsg{Content: "one\r\ntwo\rthree\tcol\x1b[31m"})
	if got, want := f.Value("needs"), "one\ntwo\nthree\tcol\x1b[31m"; got != want {
		t.Errorf("pasted needs = %q, want %q", got, want)
	}
	if v := f.View(); strings.Contains(v, "\x1b[31m") {
		t.Errorf("the paste's escape reaches the screen: %q", v)
	}
	pressKeys(f, "tab")
	f.Update(tea.PasteMsg{Content: "东\n城"})
	if got := f.Value("area"); got != "朝阳东 城" {
		t.Errorf("pasted area = %q", got)
	}
}

// A 64 KiB value is held whole and typing at its end keeps every byte
// before it.
func TestMultiLineWholeValue(t *testing.T) {
	var b strings.Builder
	for b.Len() < 64*1024-200 {
		fmt.Fprintf(&b, "line %d: 王总的需求 %s\n", b.Len(), strings.Repeat("x", b.Len()%50))
	}
	big := strings.TrimSpace(b.String())
	f := clientForm(big)
	if got := f.Value("needs"); got != big {
		t.Fatalf("the form holds %d of %d bytes", len(got), len(big))
	}
	pressKeys(f, "tab", "tab")
	typeText(f, "!")
	if got := f.Value("needs"); got != big+"!" {
		t.Errorf("after typing at the end: %d bytes, want %d", len(got), len(big)+1)
	}
}

// Out of focus a multi-line field shows its first line and how many
// follow; focused, its lines under its label, with the key hint for a new
// line; every line keeps the frame square.
func TestMultiLineView(t *testing.T) {
	f := clientForm("冷冻水泵\n控制柜\n备品备件")
	f.SetWidth(60)
	v := ansi.Strip(f.View())
	if !strings.Contains(v, "冷冻水泵 (+2 lines)") || strings.Contains(v, "控制柜") {
		t.Errorf("out of focus:\n%s", v)
	}
	checkBox(t, f.View(), 60)
	pressKeys(f, "tab", "tab")
	v = ansi.Strip(f.View())
	for _, want := range []string{"冷冻水泵", "控制柜", "备品备件", "enter new line"} {
		if !strings.Contains(v, want) {
			t.Errorf("focused view lacks %q:\n%s", want, v)
		}
	}
	checkBox(t, f.View(), 60)
}

// A form taller than its room scrolls: the focused field stays in view,
// marks say how many lines are hidden, and the frame keeps its height.
func TestFormScrolls(t *testing.T) {
	var fields []Field
	for i := range 12 {
		fields = append(fields, Field{Key: fmt.Sprint(i), Label: fmt.Sprintf("Field %d", i), Value: fmt.Sprintf("value %d", i)})
	}
	fields[6].Lines, fields[6].Value = 4, "a\nb\nc\nd\ne"
	fields[9].Hint = "a hint under field 9"
	f := NewForm(i18n.EN, st, "Tall", fields...)
	f.SetWidth(50)
	f.SetHeight(6)
	height := func() int { return len(strings.Split(f.View(), "\n")) }
	want := 6 + 4 // fields, frame, title and hints
	for i := range 12 {
		v := ansi.Strip(f.View())
		if h := height(); h != want {
			t.Errorf("field %d: the form is %d lines, want %d:\n%s", i, h, want, v)
		}
		if !strings.Contains(v, fmt.Sprintf("Field %d", i)) {
			t.Errorf("field %d focused but not shown:\n%s", i, v)
		}
		if i == 9 && !strings.Contains(v, "a hint under field 9") {
			t.Errorf("the hint is not shown:\n%s", v)
		}
		pressKeys(f, "tab")
	}
	if v := ansi.Strip(f.View()); !strings.Contains(v, "more lines") {
		t.Errorf("no scroll mark:\n%s", v)
	}
	// The focused multi-line field is cut to the room (4 lines of 6 fit).
	f.setFocus(6)
	if v := ansi.Strip(f.View()); height() != want || !strings.Contains(v, "Field 6") {
		t.Errorf("the multi-line field does not fit:\n%s", v)
	}
}

// Rebase shows an untouched multi-line field's new value and keeps one
// typed in, saying what it is now.
func TestMultiLineRebase(t *testing.T) {
	f := clientForm("old needs\nline 2")
	fresh := clientForm("new needs\nline 2\nline 3")
	f.Rebase(fresh, func(now string) string { return "now " + now })
	if got := f.Value("needs"); got != "new needs\nline 2\nline 3" || f.Changed("needs") {
		t.Errorf("untouched needs after rebase = %q (changed %v)", got, f.Changed("needs"))
	}
	pressKeys(f, "tab", "tab")
	typeText(f, " typed")
	fresh = clientForm("third version")
	f.Rebase(fresh, func(now string) string { return "now " + now })
	if got := f.Value("needs"); got != "new needs\nline 2\nline 3 typed" || !f.Changed("needs") {
		t.Errorf("typed needs after rebase = %q", got)
	}
	if f.fields[2].err == "" {
		t.Error("no word on the needs changed both here and there")
	}
}

// The text area shows a tab as four spaces: the lines nobody edited keep
// their tabs when another line is edited; the line typed in is saved as
// it shows.
func TestMultiLineTabsKeptOnUntouchedLines(t *testing.T) {
	f := clientForm("a\tb\nc\td\ne\tf")
	pressKeys(f, "tab", "tab") // the cursor at the end of "e\tf"
	typeText(f, "g")           // after the text: the text before it is as it was
	if got, want := f.Value("needs"), "a\tb\nc\td\ne\tfg"; got != want {
		t.Errorf("needs = %q, want %q", got, want)
	}
	f = clientForm("a\tb\nc\td\ne\tf")
	pressKeys(f, "tab", "tab")
	f.Update(tea.KeyPressMsg{Code: tea.KeyHome, Mod: tea.ModCtrl}) // the start of the text
	f.Update(tea.KeyPressMsg{Code: tea.KeyDown})                   // the second line
	typeText(f, "X")
	if got, want := f.Value("needs"), "a\tb\nXc    d\ne\tf"; got != want {
		t.Errorf("needs = %q, want %q", got, want)
	}
}

// At 60 columns the hint of a multi-line field ("enter new line · tab next
// field · ctrl+s save · esc cancel") is read whole on two lines, broken
// between two hints, and the form keeps its height; at 80 it is one line.
func TestMultiLineHintReadWhole(t *testing.T) {
	for _, tt := range []struct {
		w, lines int
	}{{60, 2}, {80, 1}} {
		f := clientForm(needs40())
		f.SetWidth(tt.w)
		f.SetHeight(4) // the four one-line fields fill it
		before := len(strings.Split(f.View(), "\n"))
		pressKeys(f, "tab", "tab") // to the needs
		v := ansi.Strip(f.View())
		rows := strings.Split(v, "\n")
		if len(rows) != before {
			t.Errorf("%d: the form is %d lines on the needs, %d on the name:\n%s", tt.w, len(rows), before, v)
		}
		var hint []string
		for _, r := range rows {
			if strings.Contains(r, "cancel") || strings.Contains(r, "new line") {
				hint = append(hint, strings.Trim(r, "│ "))
			}
		}
		if len(hint) != tt.lines || strings.Join(hint, " · ") != "enter new line · tab next field · ctrl+s save · esc cancel" {
			t.Errorf("%d: the hint reads %q, want it whole on %d lines:\n%s", tt.w, hint, tt.lines, v)
		}
	}
}

// A multi-line field holding one long line, focused when the form opens,
// shows its text at the dialog's width: the end of the text (the cursor's
// line) is in view. Before, the text area kept the scroll it had at its
// starting width — more rows at a narrower one — and the field looked
// empty until the cursor moved.
func TestLongLineShownAfterWidthSet(t *testing.T) {
	for _, tc := range []struct {
		text string
		w    int
	}{
		{"start " + strings.Repeat("B", 400) + " END", 40},
		{"start " + strings.Repeat("B", 400) + " END", 76},
		{"start " + strings.Repeat("B", 400) + " END", 120},
		{"Promise\x1b[5mblink\roverwritten\a 中文\u202erev " + strings.Repeat("B", 400) + " END", 76},
	} {
		text, w := tc.text, tc.w
		f := NewForm(i18n.EN, st, "Edit the promise",
			Field{Key: "text", Label: "Promise", Value: text, Lines: 3},
			Field{Key: "due", Label: "Due", Value: "2026-12-05"},
		)
		f.SetWidth(w)
		f.SetHeight(20)
		view := ansi.Strip(f.View())
		if !strings.Contains(view, "END") {
			t.Errorf("at %d cells the field does not show its text's end:\n%s", w, view)
		}
	}
}
