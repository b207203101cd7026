package form

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

var st = DefaultStyles(true)

func press(s string) tea.Msg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

// typeText sends one key press per rune, as a terminal does.
func typeText(d Dialog, s string) {
	for _, r := range s {
		d.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// checkBox asserts that every line of a dialog is exactly width cells, so
// the frame stays square whatever script is inside.
func checkBox(t *testing.T, view string, width int) {
	t.Helper()
	for i, l := range strings.Split(view, "\n") {
		if w := ansi.StringWidth(l); w != width {
			t.Errorf("line %d is %d cells, want %d: %q", i, w, width, ansi.Strip(l))
		}
	}
}

func TestInput(t *testing.T) {
	tests := []struct {
		name  string
		typed string
		paste string
		key   string
		want  Result
		value string
	}{
		{name: "enter saves chinese", typed: "拜访王总 明天", key: "enter", want: Submitted, value: "拜访王总 明天"},
		{name: "esc over typed text asks first", typed: "call", key: "esc", want: Open, value: "call"},
		{name: "esc on nothing typed cancels", key: "esc", want: Cancelled},
		{name: "paste is made inert and one line", paste: "a\x1b[31mred\x1b[0m\r\nb\u202ec\x07", key: "enter", want: Submitted, value: "ared bc"},
		{name: "osc 8 link dropped", paste: "x\x1b]8;;http://e.vil\x1b\\y\x1b]8;;\x1b\\z", key: "enter", want: Submitted, value: "xyz"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewInput(i18n.EN, st, "Add", "", "")
			typeText(d, tc.typed)
			if tc.paste != "" {
				d.Update(tea.PasteMsg{Content: tc.paste})
			}
			if got, _ := d.Update(press(tc.key)); got != tc.want {
				t.Errorf("result %v, want %v", got, tc.want)
			}
			if d.Value() != tc.value {
				t.Errorf("value %q, want %q", d.Value(), tc.value)
			}
			if strings.ContainsAny(d.View(), "\x07\u202e") {
				t.Errorf("view keeps a control: %q", d.View())
			}
		})
	}
}

// esc over typed text asks "discard?" (DESIGN.md §5 v2): n goes back to
// the text, y throws it away; a scratch input (a filter) does not ask.
func TestInputAsksBeforeDiscarding(t *testing.T) {
	d := NewInput(i18n.EN, st, "Add", "", "")
	typeText(d, "call 王总")
	d.Update(press("esc"))
	if !strings.Contains(d.View(), "Discard") {
		t.Fatalf("esc did not ask:\n%s", d.View())
	}
	if res, _ := d.Update(press("n")); res != Open || d.Value() != "call 王总" {
		t.Fatalf("n: result %v, value %q", res, d.Value())
	}
	typeText(d, "!")
	d.Update(press("esc"))
	if res, _ := d.Update(press("y")); res != Cancelled {
		t.Errorf("y after esc: result %v", res)
	}
	f := NewInput(i18n.EN, st, "Filter", "", "")
	f.Scratch = true
	typeText(f, "acme")
	if res, _ := f.Update(press("esc")); res != Cancelled {
		t.Errorf("esc on a filter: result %v", res)
	}
}

func TestInputRequiredAndPreview(t *testing.T) {
	d := NewInput(i18n.ZH, st, "快速添加", "", "")
	d.Required = true
	if got, _ := d.Update(press("enter")); got != Open {
		t.Fatalf("enter on empty required input gave %v", got)
	}
	if !strings.Contains(d.View(), "请先输入内容") {
		t.Errorf("no 'type something' hint in %q", d.View())
	}
	d.SetPreview([]string{"电话 · 明天 · 客户 王总"})
	d.SetProblems([]string{"找不到客户 “李”"})
	d.SetWidth(40)
	typeText(d, strings.Repeat("很长的中文标题", 10))
	v := d.View()
	checkBox(t, v, 40)
	for _, want := range []string{"电话 · 明天", "找不到客户"} {
		if !strings.Contains(ansi.Strip(v), want) {
			t.Errorf("view lacks %q:\n%s", want, ansi.Strip(v))
		}
	}
}

func TestNote(t *testing.T) {
	t.Run("ctrl+s saves several lines", func(t *testing.T) {
		d := NewNote(i18n.EN, st, "Note", "", "", 4)
		typeText(d, "王总想要报价")
		d.Update(press("enter"))
		d.Update(tea.PasteMsg{Content: "next\x1b[2Jline"})
		if got, _ := d.Update(press("ctrl+s")); got != Submitted {
			t.Fatalf("ctrl+s gave %v", got)
		}
		// Shown inert, saved as pasted (DESIGN.md §6).
		if d.Value() != "王总想要报价\nnext\x1b[2Jline" {
			t.Errorf("value %q", d.Value())
		}
	})
	t.Run("esc asks when typed, n keeps the text", func(t *testing.T) {
		d := NewNote(i18n.EN, st, "Note", "", "", 4)
		typeText(d, "half a thought")
		if got, _ := d.Update(press("esc")); got != Open {
			t.Fatalf("esc with text gave %v, want the question", got)
		}
		if !strings.Contains(d.View(), "Discard what you typed?") {
			t.Errorf("no question in %q", d.View())
		}
		d.Update(press("n"))
		typeText(d, "!")
		if d.Value() != "half a thought!" {
			t.Errorf("value %q after n", d.Value())
		}
		d.Update(press("esc"))
		if got, _ := d.Update(press("y")); got != Cancelled {
			t.Errorf("y gave %v", got)
		}
	})
	t.Run("esc on empty cancels at once", func(t *testing.T) {
		d := NewNote(i18n.EN, st, "Note", "", "", 4)
		if got, _ := d.Update(press("esc")); got != Cancelled {
			t.Errorf("esc gave %v", got)
		}
	})
	t.Run("frame holds with chinese", func(t *testing.T) {
		d := NewNote(i18n.ZH, st, "笔记", "", "", 3)
		d.SetWidth(30)
		typeText(d, strings.Repeat("客户说下周再谈", 6))
		checkBox(t, d.View(), 30)
	})
}

func TestForm(t *testing.T) {
	errEmpty := model.Errf("empty_title", "the title is empty")
	newForm := func() *Form {
		return NewForm(i18n.EN, st, "Edit task",
			Field{Key: "title", Label: "Title", Value: "Call 王总", Validate: func(s string) error {
				if s == "" {
					return errEmpty
				}
				return nil
			}},
			Field{Key: "kind", Label: "Kind", Value: "call", Choices: []Choice{{"call", "call"}, {"visit", "visit"}, {"todo", "to-do"}}},
			Field{Key: "time", Label: "Time", Value: "", Validate: func(s string) error {
				if s == "" {
					return nil
				}
				_, err := model.ParseClock(s)
				return err
			}},
		)
	}
	t.Run("tab moves, choices cycle, ctrl+s saves", func(t *testing.T) {
		f := newForm()
		f.Update(press("tab"))
		f.Update(press("right"))
		f.Update(press("tab"))
		typeText(f, "14:30")
		if got, _ := f.Update(press("ctrl+s")); got != Submitted {
			t.Fatalf("ctrl+s gave %v:\n%s", got, ansi.Strip(f.View()))
		}
		if f.Value("kind") != "visit" || f.Value("time") != "14:30" || f.Value("title") != "Call 王总" {
			t.Errorf("values %q %q %q", f.Value("title"), f.Value("kind"), f.Value("time"))
		}
	})
	t.Run("a bad field blocks saving and says why", func(t *testing.T) {
		f := newForm()
		f.Update(press("shift+tab"))
		typeText(f, "25:99")
		if got, _ := f.Update(press("enter")); got != Open {
			t.Fatalf("enter with a bad time gave %v", got)
		}
		if !strings.Contains(ansi.Strip(f.View()), "is not a time") {
			t.Errorf("no error shown:\n%s", ansi.Strip(f.View()))
		}
		f.SetError("title", "no such client")
		if !strings.Contains(ansi.Strip(f.View()), "no such client") {
			t.Errorf("SetError not shown")
		}
	})
	t.Run("editing a field takes its error away, and only its", func(t *testing.T) {
		f := newForm()
		f.Update(press("shift+tab"))
		typeText(f, "25:99")
		f.Update(press("ctrl+s"))
		f.SetError("title", "there is already a task named this") // a store's refusal
		f.Update(press("tab"))                                    // moving edits nothing
		f.Update(press("shift+tab"))                              // back to the title
		if v := ansi.Strip(f.View()); !strings.Contains(v, "already a task") || !strings.Contains(v, "is not a time") {
			t.Fatalf("errors gone without an edit:\n%s", v)
		}
		typeText(f, " again")
		v := ansi.Strip(f.View())
		if strings.Contains(v, "already a task") {
			t.Errorf("the title's error stays after the title was edited:\n%s", v)
		}
		if !strings.Contains(v, "is not a time") {
			t.Errorf("the time's error went with the title's edit:\n%s", v)
		}
	})
	t.Run("esc asks only when changed", func(t *testing.T) {
		f := newForm()
		if got, _ := f.Update(press("esc")); got != Cancelled {
			t.Errorf("esc on untouched form gave %v", got)
		}
		f = newForm()
		typeText(f, "x")
		if got, _ := f.Update(press("esc")); got != Open {
			t.Errorf("esc on changed form gave %v", got)
		}
		if got, _ := f.Update(press("y")); got != Cancelled {
			t.Errorf("y gave %v", got)
		}
	})
	t.Run("chinese labels line up", func(t *testing.T) {
		f := NewForm(i18n.ZH, st, "编辑任务",
			Field{Key: "a", Label: "标题", Value: "拜访王总"},
			Field{Key: "b", Label: "重复规则", Value: "每天"},
		)
		f.SetWidth(44)
		v := f.View()
		checkBox(t, v, 44)
		lines := strings.Split(ansi.Strip(v), "\n")
		c1 := ansi.StringWidth(lines[2][:strings.Index(lines[2], ":")])
		c2 := ansi.StringWidth(lines[3][:strings.Index(lines[3], ":")])
		if c1 != c2 {
			t.Errorf("colons at %d and %d:\n%s", c1, c2, ansi.Strip(v))
		}
	})
}

func TestConfirm(t *testing.T) {
	for key, want := range map[string]Result{"y": Submitted, "enter": Submitted, "n": Cancelled, "esc": Cancelled, "x": Open} {
		d := NewConfirm(i18n.EN, st, "Delete?")
		if got, _ := d.Update(press(key)); got != want {
			t.Errorf("%s gave %v, want %v", key, got, want)
		}
	}
}

func TestPopup(t *testing.T) {
	d := NewPopup(i18n.ZH, st, "王总\x1b[31m", []string{"业务：" + strings.Repeat("钢结构工程", 12), "a\rb"}, 3)
	d.SetWidth(30)
	v := d.View()
	checkBox(t, v, 30)
	if strings.Contains(v, "\r") || strings.Contains(ansi.Strip(v), "[31m") {
		t.Errorf("popup not inert: %q", v)
	}
	first := d.View()
	d.Update(press("j"))
	if d.View() == first {
		t.Errorf("j did not scroll a long popup")
	}
	if got, _ := d.Update(press("esc")); got != Cancelled {
		t.Errorf("esc gave %v", got)
	}
}

// Placeholders and fields stay inside the frame, with no NUL bytes and no
// cut-off ellipsis, in both scripts.
func TestPlaceholdersFit(t *testing.T) {
	for _, ph := range []string{"谈了什么、下一步", "what was agreed, next step"} {
		views := map[string]string{
			"input": func() string { d := NewInput(i18n.ZH, st, "T", ph, ""); d.SetWidth(50); return d.View() }(),
			"note":  func() string { d := NewNote(i18n.ZH, st, "T", ph, "", 2); d.SetWidth(50); return d.View() }(),
			"form": func() string {
				f := NewForm(i18n.ZH, st, "T", Field{Key: "a", Label: "承诺内容", Placeholder: ph}, Field{Key: "b", Label: "到期", Value: "周五"})
				f.SetWidth(50)
				return f.View()
			}(),
		}
		for name, v := range views {
			checkBox(t, v, 50)
			if strings.Contains(v, "\x00") || strings.Contains(v, "…") {
				t.Errorf("%s with %q: %q", name, ph, ansi.Strip(v))
			}
		}
	}
}

func TestFormSuggestions(t *testing.T) {
	f := NewForm(i18n.EN, st, "Edit", Field{Key: "client", Label: "Client"})
	f.SetSuggestions("client", []string{"ACME Ltd", "王总", "王经理\x1b[31m"})
	typeText(f, "AC")
	if !strings.Contains(ansi.Strip(f.View()), "ACME Ltd") {
		t.Errorf("no suggestion shown:\n%s", ansi.Strip(f.View()))
	}
	f.Update(press("right"))
	if f.Value("client") != "ACME Ltd" {
		t.Errorf("→ gave %q", f.Value("client"))
	}
	f = NewForm(i18n.ZH, st, "编辑", Field{Key: "client", Label: "客户", Suggestions: []string{"王经理\x1b[31m"}})
	typeText(f, "王")
	f.Update(press("right"))
	if f.Value("client") != "王经理" {
		t.Errorf("suggestion not inert: %q", f.Value("client"))
	}
}

// A journal text's input (an outcome, a reason) keeps a paste's line
// breaks, whatever the terminal sends: it grows into a box, enter still
// saves, and what is typed after the paste lands where the cursor is.
func TestInputKeepLines(t *testing.T) {
	tests := []struct {
		name, typed, paste, after, value string
		rows                             int // text rows shown
	}{
		{name: "CR paste", typed: "王总说", paste: "要报价\r下周三前发\r预算50万", after: "!", value: "王总说要报价\n下周三前发\n预算50万!", rows: 3},
		{name: "CRLF and tab", paste: "a\tb\r\nc", value: "a\tb\nc", rows: 2},
		{name: "one line stays a line", typed: "x", paste: "yz", value: "xyz", rows: 1},
		{name: "many lines show six", paste: strings.Repeat("line\n", 9) + "end", value: strings.Repeat("line\n", 9) + "end", rows: 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewInput(i18n.ZH, st, "结果", "", "").KeepLines()
			d.SetWidth(50)
			typeText(d, tc.typed)
			d.Update(tea.PasteMsg{Content: tc.paste})
			typeText(d, tc.after)
			view := d.View()
			checkBox(t, view, 50)
			// frame top, title, text rows, hint, frame bottom
			if got := len(strings.Split(view, "\n")) - 4; got != tc.rows {
				t.Errorf("%d text rows, want %d:\n%s", got, tc.rows, ansi.Strip(view))
			}
			// Shown from its first line, not scrolled to the cursor.
			if first := strings.ReplaceAll(strings.Split(tc.value, "\n")[0], "\t", "    "); !strings.Contains(ansi.Strip(view), first) {
				t.Errorf("first line %q not shown:\n%s", first, ansi.Strip(view))
			}
			if got, _ := d.Update(press("enter")); got != Submitted {
				t.Fatalf("enter: %v, want Submitted", got)
			}
			if d.Value() != tc.value {
				t.Errorf("value %q, want %q", d.Value(), tc.value)
			}
		})
	}
	// Without KeepLines (a name, a filter) a paste is still one line.
	d := NewInput(i18n.EN, st, "Filter", "", "")
	d.Update(tea.PasteMsg{Content: "a\rb"})
	if d.Value() != "a b" {
		t.Errorf("plain input: %q, want %q", d.Value(), "a b")
	}
}

// A scratch input (a filter, a date to go to) saves nothing: its hint
// says enter confirms; an input whose text is kept says enter saves.
func TestInputSubmitHint(t *testing.T) {
	scratch := NewInput(i18n.EN, st, "Filter", "", "")
	scratch.Scratch = true
	if v := ansi.Strip(scratch.View()); !strings.Contains(v, "enter confirm") || strings.Contains(v, "enter save") {
		t.Errorf("scratch input hint:\n%s", v)
	}
	if v := ansi.Strip(NewInput(i18n.EN, st, "Outcome", "", "").View()); !strings.Contains(v, "enter save") {
		t.Errorf("input hint:\n%s", v)
	}
}

// The footer names enter as the input's own hint does, in both languages:
// "enter save" where a record is written, "enter confirm" in a filter or a
// date to go to, "enter check the file" on the first-run import path (the
// footer said "enter confirm" under every hint).
func TestFooterAgreesWithInputHint(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		km := keys.New(l)
		for _, tt := range []struct {
			name    string
			scratch bool
			hint    string // SubmitHint's key; "" leaves the default
			want    string
		}{
			{"record", false, "", "form.key.enter_save"},
			{"filter", true, "", "form.key.enter_confirm"},
			{"import path", false, "form.key.enter_check", "form.key.enter_check"},
		} {
			in := NewInput(l, st, "Title", "", "")
			in.Scratch = tt.scratch
			if tt.hint != "" {
				in.SubmitHint(tt.hint)
			}
			want := l.T(tt.want)
			if v := ansi.Strip(in.View()); !strings.Contains(v, want) {
				t.Errorf("%s %s: the hint lacks %q:\n%s", l, tt.name, want, v)
			}
			var footer []string
			for _, b := range km.ShortHelp(in.HelpPlace()) {
				footer = append(footer, b.Help().Key+" "+b.Help().Desc)
			}
			if !slices.Contains(footer, want) {
				t.Errorf("%s %s: the footer %q does not offer %q", l, tt.name, footer, want)
			}
		}
	}
}

// A field showing a suggestion keeps its line inside the dialog: the rest
// of the suggested name used to push the line past the frame, so it ended
// in a stray "…" at the right edge (bubbles pads the field for the typed
// text only, not the suggestion after it).
func TestSuggestionLineFits(t *testing.T) {
	for _, tt := range []struct {
		l     i18n.Lang
		typed string
		want  string
	}{
		{i18n.EN, "Har", "Harbour Engineering"},
		{i18n.ZH, "孙", "孙工"},
		{i18n.ZH, "Har", "Harbour Engineering"},
	} {
		f := NewForm(tt.l, st, "New project", Field{Key: "name", Label: "Name"},
			Field{Key: "client", Label: "Client", Suggestions: []string{"Harbour Engineering", "孙工", "孙总"}})
		f.SetWidth(76)
		f.Update(press("tab"))
		typeText(f, tt.typed)
		v := f.View()
		checkBox(t, v, 76)
		var line string
		for _, l := range strings.Split(ansi.Strip(v), "\n") {
			if strings.Contains(l, "Client") {
				line = l
			}
		}
		if !strings.Contains(line, tt.want) || strings.Contains(line, "…") {
			t.Errorf("%s %q: the client line is %q, want %q whole and no …", tt.l, tt.typed, line, tt.want)
		}
	}
}

// A preview of a pasted page of text (a quick-add line of 300,000
// characters) shows its first lines, ending with …, not every wrapped line:
// drawing them all on every key made each key take a second.
func TestLongPreviewBounded(t *testing.T) {
	in := NewInput(i18n.EN, st, "Add a task", "", "")
	in.SetWidth(76)
	long := "→ start " + strings.Repeat("中文 words ", 30000)
	in.SetPreview([]string{long})
	view := ansi.Strip(in.View())
	lines := strings.Split(view, "\n")
	if len(lines) > 12 {
		t.Errorf("the preview takes %d lines", len(lines))
	}
	if !strings.Contains(view, "→ start 中文") || !strings.Contains(view, "…") {
		t.Errorf("the preview's start, cut with …, is not shown:\n%s", view)
	}
}
