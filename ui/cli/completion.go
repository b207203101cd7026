package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
)

// Shell completion of client, project and stage names. Completion never
// creates a database: with no file there is nothing to offer.

// completionStore opens the existing database for a completion, or nil.
func (a *app) completionStore() *storage.Store {
	if a.demo {
		return nil
	}
	p := a.path()
	if p == "" {
		return nil
	}
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	st, err := a.open()
	if err != nil {
		return nil
	}
	return st
}

// matching keeps the names that start with prefix, ignoring case.
func matching(names []string, prefix string) []cobra.Completion {
	var out []cobra.Completion
	p := strings.ToLower(prefix)
	for _, n := range names {
		if strings.HasPrefix(strings.ToLower(n), p) {
			out = append(out, model.InertLine(n))
		}
	}
	return out
}

func (a *app) clientNames(prefix string) []cobra.Completion {
	st := a.completionStore()
	if st == nil {
		return nil
	}
	// Names only: the follow-up state Clients works out would be thrown away.
	rows, err := st.ClientNames()
	if err != nil {
		return nil
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.Name
	}
	return matching(names, prefix)
}

func (a *app) projectNames(prefix string) []cobra.Completion {
	st := a.completionStore()
	if st == nil {
		return nil
	}
	rows, err := st.Projects(a.today, true)
	if err != nil {
		return nil
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.Name
	}
	return matching(names, prefix)
}

// taskIDs offers the tasks `today` lists (today's and the ones carried
// over), each id with its title as the description.
func (a *app) taskIDs(prefix string) []cobra.Completion {
	st := a.completionStore()
	if st == nil {
		return nil
	}
	ag, err := st.Today(a.today)
	if err != nil {
		return nil
	}
	var out []cobra.Completion
	for _, t := range ag.Tasks {
		if id := fmt.Sprint(t.ID); strings.HasPrefix(id, prefix) {
			out = append(out, cobra.CompletionWithDesc(id, shortDesc(t.Title)))
		}
	}
	return out
}

// entryIDs offers today's journal entries, each id with its kind, client
// and text as the description.
func (a *app) entryIDs(prefix string) []cobra.Completion {
	st := a.completionStore()
	if st == nil {
		return nil
	}
	rows, err := st.JournalOn(a.today, 0)
	if err != nil {
		return nil
	}
	var out []cobra.Completion
	for _, r := range rows {
		if id := fmt.Sprint(r.ID); strings.HasPrefix(id, prefix) {
			out = append(out, cobra.CompletionWithDesc(id, shortDesc(string(r.Kind)+" "+r.Client+" "+r.Text)))
		}
	}
	return out
}

// shortDesc is a completion's description: inert, one line, at most 60
// cells (a 64 KiB note would flood the shell's menu).
func shortDesc(s string) string {
	return ansi.Truncate(strings.Join(strings.Fields(model.InertLine(s)), " "), 60, "…")
}

func stageNames(prefix string) []cobra.Completion {
	names := make([]string, len(model.Stages))
	for i, s := range model.Stages {
		names[i] = string(s)
	}
	return matching(names, prefix)
}

// completeFirst completes the first argument with names, nothing after.
func completeFirst(names func(string) []cobra.Completion) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return names(toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// flagNames completes a flag's value with names.
func flagNames(names func(string) []cobra.Completion) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return names(toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// addCompletions wires the name completions into the command tree.
func (a *app) addCompletions(root *cobra.Command) {
	find := func(path ...string) *cobra.Command {
		c, _, err := root.Find(path)
		if err != nil || c == root {
			return nil
		}
		return c
	}
	for _, path := range [][]string{{"note"}, {"promise"}, {"log", "call"}, {"log", "visit"}, {"log", "meeting"},
		{"client", "show"}, {"journal", "list"}, {"client", "edit"}} {
		if c := find(path...); c != nil {
			c.ValidArgsFunction = completeFirst(a.clientNames)
		}
	}
	if c := find("project", "stage"); c != nil {
		c.ValidArgsFunction = func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			switch len(args) {
			case 0:
				return a.projectNames(toComplete), cobra.ShellCompDirectiveNoFileComp
			case 1:
				return stageNames(toComplete), cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
	}
	if c := find("search"); c != nil {
		_ = c.RegisterFlagCompletionFunc("kind", flagNames(func(prefix string) []cobra.Completion {
			names := make([]string, len(storage.SearchKinds))
			for i, k := range storage.SearchKinds {
				names[i] = string(k)
			}
			return matching(names, prefix)
		}))
	}
	for _, path := range [][]string{{"done"}, {"task", "edit"}, {"task", "delete"}, {"task", "postpone"}} {
		if c := find(path...); c != nil {
			c.ValidArgsFunction = completeFirst(a.taskIDs)
		}
	}
	for _, path := range [][]string{{"journal", "edit"}, {"journal", "delete"}} {
		if c := find(path...); c != nil {
			c.ValidArgsFunction = completeFirst(a.entryIDs)
		}
	}
	if c := find("task", "edit"); c != nil {
		_ = c.RegisterFlagCompletionFunc("kind", flagNames(func(prefix string) []cobra.Completion {
			return matching([]string{"call", "visit", "meeting", "todo"}, prefix)
		}))
		_ = c.RegisterFlagCompletionFunc("repeat", flagNames(func(prefix string) []cobra.Completion {
			return matching([]string{"none", "daily", "weekdays", "weekly", "monthly", "every 2 weeks"}, prefix)
		}))
	}
	if c := find("journal", "edit"); c != nil {
		_ = c.RegisterFlagCompletionFunc("kind", flagNames(func(prefix string) []cobra.Completion {
			return matching([]string{"note", "call", "visit", "meeting"}, prefix)
		}))
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("client") != nil {
			_ = c.RegisterFlagCompletionFunc("client", flagNames(a.clientNames))
		}
		if c.Flags().Lookup("project") != nil {
			_ = c.RegisterFlagCompletionFunc("project", flagNames(a.projectNames))
		}
		if c.Flags().Lookup("stage") != nil {
			_ = c.RegisterFlagCompletionFunc("stage", flagNames(stageNames))
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
