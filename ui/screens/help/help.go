// Package help is the full help (?): every key of the place the user is
// in and the shell's own, in columns. The columns wrap into bands when the
// terminal is narrower than they are side by side, and the bands scroll
// (j/k, ↑/↓, pgup/pgdn, space) when it is shorter, so every key is
// reachable on any terminal the planner draws in (60×16 and up).
package help

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/common"
)

// colGap is the space between two columns of keys.
const colGap = 3

// Help is the help screen.
type Help struct {
	env    common.Env
	groups [][]key.Binding
	width  int
	height int
	lines  []string // the laid-out bands, at the current width
	offset int      // first line shown
	closed bool
	scroll []key.Binding
}

// New shows groups (the place's columns, then the shell's) as help.
func New(env common.Env, groups [][]key.Binding) *Help {
	h := &Help{env: env, width: 80, height: 20}
	for _, g := range groups {
		var enabled []key.Binding
		for _, b := range g {
			if b.Enabled() && b.Help().Key != "" {
				enabled = append(enabled, b)
			}
		}
		if len(enabled) > 0 {
			h.groups = append(h.groups, enabled)
		}
	}
	km := env.Keys
	h.scroll = []key.Binding{km.Up, km.Down, km.CloseHelp}
	h.layout()
	return h
}

// SetSize sets the area the help fills and lays it out again.
func (h *Help) SetSize(w, ht int) {
	h.width, h.height = max(w, 1), max(ht, 1)
	h.layout()
}

// Closed reports that ? or esc closed the help.
func (h *Help) Closed() bool { return h.closed }

// ShortHelp lists the help's own keys.
func (h *Help) ShortHelp() []key.Binding { return h.scroll }

// FullHelp lists the help's own keys.
func (h *Help) FullHelp() [][]key.Binding { return [][]key.Binding{h.scroll} }

// inner is the width inside the box's border and padding.
func (h *Help) inner() int { return max(h.width-h.env.Styles.Overlay.GetHorizontalFrameSize(), 1) }

// rows is how many lines of keys show at once: the area less the box's
// border, its title line and the blank under it, and the line that says
// how to scroll.
func (h *Help) rows() int { return max(h.height-h.env.Styles.Overlay.GetVerticalFrameSize()-3, 1) }

// layout puts the columns side by side while they fit the width, then
// starts a new band below.
func (h *Help) layout() {
	st := h.env.Styles.Help()
	inner := h.inner()
	type column struct {
		lines []string
		w     int
	}
	var cols []column
	for _, g := range h.groups {
		kw := 0
		for _, b := range g {
			kw = max(kw, ansi.StringWidth(b.Help().Key))
		}
		var c column
		for _, b := range g {
			line := st.FullKey.Render(common.PadRight(b.Help().Key, kw)) + " " + st.FullDesc.Render(b.Help().Desc)
			line = common.Truncate(line, inner) // a column wider than the box keeps its keys
			c.lines = append(c.lines, line)
			c.w = max(c.w, ansi.StringWidth(line))
		}
		cols = append(cols, c)
	}
	h.lines = h.lines[:0]
	for i := 0; i < len(cols); {
		// One band: as many columns as fit.
		j, w := i, 0
		for j < len(cols) {
			need := cols[j].w
			if j > i {
				need += colGap
			}
			if j > i && w+need > inner {
				break
			}
			w += need
			j++
		}
		height := 0
		for _, c := range cols[i:j] {
			height = max(height, len(c.lines))
		}
		if len(h.lines) > 0 {
			h.lines = append(h.lines, "")
		}
		for r := range height {
			var b strings.Builder
			for k, c := range cols[i:j] {
				cell := ""
				if r < len(c.lines) {
					cell = c.lines[r]
				}
				if k < j-i-1 {
					cell = common.PadRight(cell, c.w+colGap)
				}
				b.WriteString(cell)
			}
			h.lines = append(h.lines, b.String())
		}
		i = j
	}
	h.offset = min(h.offset, h.maxOffset())
}

func (h *Help) maxOffset() int { return max(len(h.lines)-h.rows(), 0) }

func (h *Help) scrollBy(n int) { h.offset = min(max(h.offset+n, 0), h.maxOffset()) }

// Update scrolls, or closes on ? and esc.
func (h *Help) Update(msg tea.Msg) tea.Cmd {
	km := h.env.Keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, km.Help, km.Back):
			h.closed = true
		case key.Matches(msg, km.Down):
			h.scrollBy(1)
		case key.Matches(msg, km.Up):
			h.scrollBy(-1)
		case key.Matches(msg, km.PageDown):
			h.scrollBy(max(h.rows()-1, 1))
		case key.Matches(msg, km.PageUp):
			h.scrollBy(-max(h.rows()-1, 1))
		case key.Matches(msg, km.Home):
			h.offset = 0
		case key.Matches(msg, km.End):
			h.offset = h.maxOffset()
		}
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			h.scrollBy(-3)
		} else {
			h.scrollBy(3)
		}
	case tea.MouseClickMsg:
		h.closed = true
	}
	return nil
}

// View draws the help in a box in the middle of the area.
func (h *Help) View() string {
	s := h.env.Styles
	end := min(h.offset+h.rows(), len(h.lines))
	title := s.Title.Render(h.env.T("help.title")) + "  " + s.Muted.Render(h.env.T("help.close"))
	out := []string{common.Truncate(title, h.inner()), ""}
	// Every line as wide as the widest, so the box keeps its size as it
	// scrolls.
	w := 0
	for _, l := range h.lines {
		w = max(w, ansi.StringWidth(l))
	}
	for _, l := range h.lines[h.offset:end] {
		out = append(out, common.PadRight(l, w))
	}
	if h.maxOffset() > 0 {
		where := h.env.T("help.scroll", h.offset+1, end, len(h.lines))
		out = append(out, s.Muted.Render(common.Truncate(where, h.inner())))
	}
	box := s.Overlay.Render(strings.Join(out, "\n"))
	return common.Fit(lipgloss.Place(h.width, h.height, lipgloss.Center, lipgloss.Center, box), h.width, h.height)
}
