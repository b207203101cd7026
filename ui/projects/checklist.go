package projects

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// checklistDialog offers a stage's checklist before the move is written:
// every item ticked at first; space (or x) unticks it, e rewords it, enter
// moves the project and adds the ticked items as tasks, esc cancels the
// whole move. It answers like the form package's dialogs.
type checklistDialog struct {
	lang    i18n.Lang
	st      form.Styles
	title   string
	items   []checkItem
	focus   int
	editing bool
	before  string // the title before editing began: esc puts it back
	width   int
}

type checkItem struct {
	ti textinput.Model
	on bool
}

func newChecklist(lang i18n.Lang, st form.Styles, title string, titles []string) *checklistDialog {
	d := &checklistDialog{lang: lang, st: st, title: title}
	for _, t := range titles {
		ti := textinput.New()
		ti.Prompt = ""
		ti.CharLimit = 0
		s := ti.Styles()
		s.Cursor.Blink = false // a blinking cursor redraws the screen for nothing
		ti.SetStyles(s)
		ti.SetValue(oneLine(t))
		d.items = append(d.items, checkItem{ti: ti, on: true})
	}
	d.SetWidth(60)
	return d
}

// oneLine makes pasted or catalog text safe for a one-line field.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(model.Inert(s))
}

// Titles returns, per item, its title when ticked and "" when not.
func (d *checklistDialog) Titles() []string {
	out := make([]string, len(d.items))
	for i, it := range d.items {
		if it.on {
			out[i] = strings.TrimSpace(it.ti.Value())
		}
	}
	return out
}

func (d *checklistDialog) ticked() int {
	n := 0
	for _, t := range d.Titles() {
		if t != "" {
			n++
		}
	}
	return n
}

func (d *checklistDialog) inner() int {
	return max(max(d.width, 20)-d.st.Box.GetHorizontalFrameSize(), 1)
}

// rowPrefix is the cursor, the tick box and a space: "› [x] ".
const rowPrefix = 6

// SetWidth sets the dialog's whole width.
func (d *checklistDialog) SetWidth(w int) {
	d.width = w
	for i := range d.items {
		d.items[i].ti.SetWidth(max(d.inner()-rowPrefix-1, 1))
	}
}

func (d *checklistDialog) stopEditing(keep bool) {
	it := &d.items[d.focus]
	if !keep {
		it.ti.SetValue(d.before)
	}
	it.ti.Blur()
	d.editing = false
}

// Update handles keys and pastes.
func (d *checklistDialog) Update(msg tea.Msg) (form.Result, tea.Cmd) {
	dk := keys.Dialog
	k, isKey := msg.(tea.KeyPressMsg)
	if d.editing {
		if isKey {
			switch {
			case key.Matches(k, dk.Submit, dk.NextField, dk.PrevField):
				d.stopEditing(true)
				return form.Open, nil
			case key.Matches(k, dk.Cancel):
				d.stopEditing(false)
				return form.Open, nil
			case key.Matches(k, dk.Save):
				d.stopEditing(true)
				return form.Submitted, nil
			}
		}
		if p, ok := msg.(tea.PasteMsg); ok {
			msg = tea.PasteMsg{Content: oneLine(p.Content)}
		}
		var cmd tea.Cmd
		d.items[d.focus].ti, cmd = d.items[d.focus].ti.Update(msg)
		return form.Open, cmd
	}
	if !isKey {
		return form.Open, nil
	}
	switch {
	case key.Matches(k, dk.Submit, dk.Save):
		return form.Submitted, nil
	case key.Matches(k, dk.Cancel):
		return form.Cancelled, nil
	}
	if len(d.items) == 0 {
		return form.Open, nil
	}
	switch {
	case key.Matches(k, dk.Down, dk.NextField):
		d.focus = (d.focus + 1) % len(d.items)
	case key.Matches(k, dk.Up, dk.PrevField):
		d.focus = (d.focus - 1 + len(d.items)) % len(d.items)
	case key.Matches(k, dk.Toggle):
		d.items[d.focus].on = !d.items[d.focus].on
	case key.Matches(k, dk.Reword):
		it := &d.items[d.focus]
		d.before, d.editing, it.on = it.ti.Value(), true, true
		it.ti.CursorEnd()
		return form.Open, it.ti.Focus()
	}
	return form.Open, nil
}

// View renders the dialog.
func (d *checklistDialog) View() string {
	in := d.inner()
	lines := []string{d.st.Title.Render(d.title)}
	for i, it := range d.items {
		cursor := "  "
		if i == d.focus {
			cursor = "› "
		}
		box := "[ ] "
		if it.on {
			box = "[x] "
		}
		var text string
		switch {
		case d.editing && i == d.focus:
			text = strings.ReplaceAll(it.ti.View(), "\x00", "")
		case it.on:
			text = model.InertLine(it.ti.Value())
		default:
			text = d.st.Hint.Render(model.InertLine(it.ti.Value()))
		}
		row := cursor + box + text
		if i == d.focus && !d.editing {
			row = d.st.Focused.Render(cursor+box) + text
		}
		lines = append(lines, row)
	}
	var hint string
	if d.editing {
		hint = d.lang.T("projects.check.hint_edit")
	} else {
		hint = d.lang.T("projects.check.hint", d.ticked())
	}
	lines = append(lines, d.st.Hint.Render(hint))
	for i, l := range lines {
		if ansi.StringWidth(l) > in {
			lines[i] = ansi.Truncate(l, in, "…")
		}
	}
	return d.st.Box.Width(max(d.width, 20)).Render(strings.Join(lines, "\n"))
}
