package ui

import "salesplan/ui/common"

// The pane contract lives in the leaf package ui/common so that panes in
// ui/day, ui/week, … can import it while this package imports them. These
// aliases let code in package ui say ui.Pane and ui.Env.
type (
	// Pane is one tab of the planner (see common.Pane).
	Pane = common.Pane
	// Env is what every pane is built with (see common.Env).
	Env = common.Env
)
