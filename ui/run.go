package ui

import (
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"

	"salesplan/ui/common"
)

// RunOptions configure Run.
type RunOptions struct {
	// NoColor drops colours (bold and reverse stay). Run also honours the
	// NO_COLOR environment variable (https://no-color.org).
	NoColor bool
	// Input and Output replace the terminal (tests); nil = the terminal.
	Input  io.Reader
	Output io.Writer
	// Panes overrides DefaultPanes (tests, demos).
	Panes func(common.Env) [common.PaneCount]common.Pane
}

// Run opens the planner full-screen and returns when the user quits. The
// alternate screen and mouse reporting are fields of the root view (Bubble
// Tea v2), so they are restored on any exit.
func Run(env common.Env, opts RunOptions) error {
	noColor := opts.NoColor || os.Getenv("NO_COLOR") != ""
	m := New(env, Options{NoColor: noColor, Panes: opts.Panes, FirstRun: true})
	var popts []tea.ProgramOption
	if opts.Input != nil {
		popts = append(popts, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		popts = append(popts, tea.WithOutput(opts.Output))
	}
	if _, err := tea.NewProgram(m, popts...).Run(); err != nil {
		return fmt.Errorf("run the planner: %w", err)
	}
	return nil
}
