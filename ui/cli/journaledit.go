package cli

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/storage"
)

// journalEditFlags are the flags of `journal edit`.
var journalEditFlags = []string{"text", "on", "kind", "project", "client"}

// journalEditCmd is `journal edit ID [--text S] [--on DATE] [--kind K]
// [--project P] [--client C]`. An entry that completing a task recorded
// stays linked to the task, whatever is edited: the task stays done.
func (a *app) journalEditCmd() *cobra.Command {
	var text, onArg, kindArg, projectArg, clientArg string
	c := &cobra.Command{
		Use:   "edit ID",
		Short: a.t("cli.short.journal_edit"),
		Long:  a.t("cli.long.journal_edit"),
		Args:  a.editArgs(journalEditFlags...),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		id, err := parseID(a.t("cli.word.entry"), args[0])
		if err != nil {
			return err
		}
		row, err := st.Entry(id)
		if err != nil {
			return notFound(err, "entry", id)
		}
		f := c.Flags()
		seen := row.JournalEntry
		edited := seen
		after := row // the entry as the confirmation names it
		if f.Changed("text") {
			edited.Text = strings.TrimSpace(text)
		}
		if f.Changed("on") {
			day, err := a.happenedOn("--on", onArg)
			if err != nil {
				return err
			}
			if day != seen.On() {
				edited.At = onDay(seen.At, day)
			}
		}
		if f.Changed("kind") {
			if edited.Kind, err = a.parseEntryKind(kindArg); err != nil {
				return err
			}
		}
		if f.Changed("project") {
			edited.ProjectID, after.Project = 0, ""
			if projectArg != "" {
				p, err := a.findProject(st, projectArg)
				if err != nil {
					return err
				}
				edited.ProjectID, after.Project = p.ID, p.Name
			}
		}
		if f.Changed("client") {
			edited.ClientID, after.Client = 0, ""
			if clientArg != "" {
				cl, err := a.findClient(st, clientArg)
				if err != nil {
					return err
				}
				edited.ClientID, after.Client = cl.ID, cl.Name
			}
		}

		list := changeList{a: a}
		if edited.Text != seen.Text {
			list.field("text")
		}
		if edited.On() != seen.On() {
			list.value("date", a.dayText(edited.On()))
		}
		if edited.Kind != seen.Kind {
			list.value("kind", a.t("kind."+string(edited.Kind)))
		}
		if edited.ProjectID != seen.ProjectID {
			list.value("project", a.orNone(after.Project))
		}
		if edited.ClientID != seen.ClientID {
			list.value("client", a.orNone(after.Client))
		}
		if list.empty() {
			a.say("cli.entry.unchanged", a.entryText(row), id)
			return nil
		}
		out, err := st.EditEntry(seen, edited)
		if err != nil {
			return a.editFailed(err, "entry", id, "cli.err.entry_edit", id)
		}
		a.wrote = true
		after.JournalEntry = out
		a.say("cli.entry.edited", a.entryText(after), id, list.String())
		return nil
	})
	fl := c.Flags()
	fl.StringVar(&text, "text", "", a.t("cli.flag.entry_text"))
	fl.StringVar(&onArg, "on", "", a.t("cli.flag.entry_on"))
	fl.StringVar(&kindArg, "kind", "", a.t("cli.flag.entry_kind"))
	fl.StringVar(&projectArg, "project", "", a.t("cli.flag.set_project"))
	fl.StringVar(&clientArg, "client", "", a.t("cli.flag.entry_client"))
	return c
}

// journalDeleteCmd is `journal delete ID`. A task whose completion
// recorded the entry stays done.
func (a *app) journalDeleteCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "delete ID",
		Short: a.t("cli.short.journal_delete"),
		Long:  a.t("cli.long.journal_delete"),
		Args:  exactArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		id, err := parseID(a.t("cli.word.entry"), args[0])
		if err != nil {
			return err
		}
		row, err := st.DeleteEntry(id)
		if err != nil {
			return a.editFailed(err, "entry", id, "cli.err.entry_delete", id)
		}
		a.wrote = true
		if row.TaskID != 0 {
			if t, err := st.Task(row.TaskID); err == nil && t.Done {
				a.say("cli.entry.deleted_task", a.entryText(row), id, t.ID)
				return nil
			}
		}
		a.say("cli.entry.deleted", a.entryText(row), id)
		return nil
	})
	return c
}

// entryText names a journal entry: "call with 王总 on 2026-11-27".
func (a *app) entryText(r storage.JournalRow) string {
	day := r.On().String()
	if r.ClientID == 0 {
		return a.t("cli.entry.desc.prospect", "", day)
	}
	return a.t("cli.entry.desc."+string(r.Kind), clean(r.Client), day)
}

// onDay is the moment t moved to day d at the same time of day, in t's
// own zone (the one its date is read in).
func onDay(t time.Time, d model.Date) time.Time {
	y, m, dd := d.YMD()
	return time.Date(y, m, dd, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}
