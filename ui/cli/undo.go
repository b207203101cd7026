package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"salesplan/storage"
)

// undoCmd undoes the latest action in the database's undo log, whoever made
// it (the planner shares the log): the same rule as the planner's `u`.
func (a *app) undoCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "undo",
		Short: a.t("cli.short.undo"),
		Long:  a.t("cli.long.undo"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		u, err := st.UndoLast()
		switch {
		case errors.Is(err, storage.ErrNothingToUndo):
			return fail("cli.undo.nothing")
		case err != nil:
			return err
		}
		a.wrote = true
		a.say("cli.undo.done", a.lang.Undone(u.Action, u.What, u.Client, u.On))
		return nil
	})
	return c
}
