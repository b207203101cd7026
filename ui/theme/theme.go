// Package theme holds the planner's styles: one Styles value built from a
// few colour tokens, for a light or a dark terminal, or without colour at
// all when NO_COLOR is set (https://no-color.org). Panes take their styles
// from here and never invent colours of their own, so the whole planner
// changes together.
package theme

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Palette is the handful of colour tokens every style is built from. In
// no-colour mode every token is lipgloss.NoColor{}.
type Palette struct {
	Fg       color.Color // body text
	Muted    color.Color // secondary text: dates, counts, help descriptions
	Subtle   color.Color // rules, empty bar cells, borders
	Accent   color.Color // active tab, headings, help keys
	AccentFg color.Color // text on an Accent background
	SelBg    color.Color // background of the selected row
	Red      color.Color // overdue, errors
	Amber    color.Color // due soon, warnings
	Green    color.Color // done, targets met
	Gold     color.Color // the key-client star
}

// Styles is every style the planner uses.
type Styles struct {
	IsDark  bool
	NoColor bool
	Palette Palette

	Base  lipgloss.Style // plain body text
	Muted lipgloss.Style
	Title lipgloss.Style // a pane's or section's heading
	Rule  lipgloss.Style // separators and borders

	// Shell.
	TopBar      lipgloss.Style // the top line
	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	TabGap      lipgloss.Style // the line under/between tabs
	Footer      lipgloss.Style // the bottom help line
	StatusOK    lipgloss.Style // footer message after an action
	StatusErr   lipgloss.Style // footer message after a failure
	Overlay     lipgloss.Style // the full help box

	// Quota bars: filled and empty cells, and the fill once the target is met.
	BarFill  lipgloss.Style
	BarEmpty lipgloss.Style
	BarMet   lipgloss.Style

	// Rows.
	Selected  lipgloss.Style // the row under the cursor (reverse + bold without colour)
	Overdue   lipgloss.Style // overdue promises, follow-ups past due
	DueSoon   lipgloss.Style // promises due in the next two days, follow-ups due today
	Done      lipgloss.Style // done tasks, kept promises: dimmed and struck through
	KeyClient lipgloss.Style // the ★ beside a key client
	Important lipgloss.Style // the ! of an important task
	Error     lipgloss.Style
	Warning   lipgloss.Style
	Success   lipgloss.Style

	// Panels and inputs.
	Panel      lipgloss.Style // a bordered box
	PanelFocus lipgloss.Style // a bordered box with focus
	Label      lipgloss.Style // a form field's label
}

// KeyStar is the marker of a key client, drawn with Styles.KeyClient.
const KeyStar = "★"

// New builds the styles for a dark or light background; noColor drops every
// colour but keeps bold, faint, underline and reverse, so the selection and
// the active tab stay visible.
func New(isDark, noColor bool) Styles {
	p := palette(isDark, noColor)
	s := Styles{IsDark: isDark, NoColor: noColor, Palette: p}
	fg := func(c color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }

	s.Base = fg(p.Fg)
	s.Muted = fg(p.Muted)
	s.Title = fg(p.Accent).Bold(true)
	s.Rule = fg(p.Subtle)

	s.TopBar = fg(p.Fg)
	s.TabActive = lipgloss.NewStyle().Foreground(p.AccentFg).Background(p.Accent).Bold(true).Padding(0, 1)
	s.TabInactive = fg(p.Muted).Padding(0, 1)
	s.TabGap = fg(p.Subtle)
	s.Footer = fg(p.Muted)
	s.StatusOK = fg(p.Green)
	s.StatusErr = fg(p.Red).Bold(true)
	s.Overlay = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent).Padding(0, 1)

	s.BarFill = fg(p.Accent)
	s.BarEmpty = fg(p.Subtle)
	s.BarMet = fg(p.Green)

	s.Selected = lipgloss.NewStyle().Background(p.SelBg).Bold(true)
	s.Overdue = fg(p.Red).Bold(true)
	s.DueSoon = fg(p.Amber)
	s.Done = fg(p.Muted).Strikethrough(true)
	s.KeyClient = fg(p.Gold).Bold(true)
	s.Important = fg(p.Red).Bold(true)
	s.Error = fg(p.Red)
	s.Warning = fg(p.Amber)
	s.Success = fg(p.Green)

	s.Panel = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.Subtle)
	s.PanelFocus = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent)
	s.Label = fg(p.Muted).Bold(true)

	if noColor {
		// Without colour, contrast has to come from attributes.
		s.TabActive = s.TabActive.Reverse(true)
		s.Selected = s.Selected.Reverse(true)
		s.Done = s.Done.Faint(true)
		s.Muted = s.Muted.Faint(true)
		s.DueSoon = s.DueSoon.Underline(true)
		s.StatusErr = s.StatusErr.Bold(true)
	}
	return s
}

func palette(isDark, noColor bool) Palette {
	if noColor {
		n := lipgloss.NoColor{}
		return Palette{n, n, n, n, n, n, n, n, n, n}
	}
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return Palette{
		Fg:       ld(c("#1F2328"), c("#E6EDF3")),
		Muted:    ld(c("#656D76"), c("#8B949E")),
		Subtle:   ld(c("#D0D7DE"), c("#3D444D")),
		Accent:   ld(c("#0969DA"), c("#58A6FF")),
		AccentFg: ld(c("#FFFFFF"), c("#0D1117")),
		SelBg:    ld(c("#DDF4FF"), c("#1F3A5F")),
		Red:      ld(c("#CF222E"), c("#FF7B72")),
		Amber:    ld(c("#9A6700"), c("#E3B341")),
		Green:    ld(c("#1A7F37"), c("#3FB950")),
		Gold:     ld(c("#BF8700"), c("#F2CC60")),
	}
}

// Help returns styles for bubbles' help.Model that match the theme.
func (s Styles) Help() help.Styles {
	h := help.DefaultStyles(s.IsDark)
	if s.NoColor {
		plain := lipgloss.NewStyle()
		return help.Styles{
			Ellipsis: plain, ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain,
			FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain,
		}
	}
	h.ShortKey = h.ShortKey.Foreground(s.Palette.Accent)
	h.FullKey = h.FullKey.Foreground(s.Palette.Accent)
	return h
}
