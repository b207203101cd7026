package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"salesplan/model"
	"salesplan/model/quickadd"
	"salesplan/storage"
)

func (a *app) addCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "add TEXT…",
		Short: a.t("cli.short.add"),
		Long:  a.t("cli.long.add"),
		Args:  minArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		input := strings.TrimSpace(strings.Join(args, " "))
		if input == "" {
			return fail("cli.err.empty_title")
		}
		res := quickadd.Parse(input, a.today, resolver{st: st})
		if len(res.Problems) > 0 {
			msgs := make([]string, len(res.Problems))
			for i, p := range res.Problems {
				msgs[i] = a.explain(p)
			}
			return fail("cli.err.quickadd", strings.Join(msgs, "; "))
		}
		t := res.Task
		if strings.TrimSpace(t.Title) == "" {
			return fail("cli.err.empty_title")
		}
		added, err := st.AddTask(t)
		if err != nil {
			return failWith(err, "cli.err.task_add")
		}
		a.wrote = true
		when := a.t("cli.task.inbox")
		if added.Date.Valid() {
			when = added.Date.String() + " " + a.weekday(added.Date)
			if added.Time.Valid() {
				when += " " + added.Time.String()
			} else if s := added.EffectiveSlot(); s != model.SlotAny {
				when += " " + a.t("slot."+string(s))
			}
		}
		a.say("cli.task.added", added.ID, clean(added.Title), when)
		return nil
	})
	return c
}

func (a *app) doneCmd() *cobra.Command {
	var onArg, outcome string
	c := &cobra.Command{
		Use:   "done ID",
		Short: a.t("cli.short.done"),
		Args:  exactArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		id, err := parseID(a.t("word.task"), args[0])
		if err != nil {
			return err
		}
		on, err := a.happenedOn("--on", onArg)
		if err != nil {
			return err
		}
		t, err := st.Task(id)
		if err != nil {
			return notFound(err, "task", id)
		}
		if t.Done {
			return fail("cli.err.task_done", id, t.DoneOn)
		}
		res, err := st.CompleteTask(id, on, a.at(on), strings.TrimSpace(outcome))
		if err != nil {
			return notFound(err, "task", id)
		}
		a.wrote = true
		a.say("cli.task.done", res.Task.ID, clean(res.Task.Title))
		if res.Entry != nil {
			a.say("cli.task.recorded", a.t("kind."+string(res.Entry.Kind)))
		}
		if res.Next != nil {
			a.say("cli.task.next", res.Next.ID, res.Next.Date)
		} else if res.Task.Repeat != "" {
			a.say("cli.task.repeat_ended", model.MaxDate)
		}
		return nil
	})
	c.Flags().StringVar(&onArg, "on", "", a.t("cli.flag.done_on"))
	c.Flags().StringVar(&outcome, "note", "", a.t("cli.flag.outcome"))
	return c
}
