package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// Adding clients in one burst, faster than the saves: "a孙工 ctrl+s
// a钱工 ctrl+s" adds both. A new client saved opens its card, so the
// second a lands there; before, it did nothing and 钱工 was lost.
func TestBurstOfNewClients(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(l), func(t *testing.T) {
			st := uitest.OpenStore(t)
			uitest.SeedClients(t, st)
			env := uitest.Env(st, l)
			tm := uitest.Start(t, New(env, Options{NoColor: true}), 100, 30)
			uitest.WaitFor(t, tm, "1 ")
			tm.Send(uitest.Key("4"))
			uitest.WaitFor(t, tm, "李经理")
			var msgs []tea.Msg
			for _, name := range []string{"孙工", "钱工"} {
				msgs = append(msgs, uitest.Typing("a"+name)...)
				msgs = append(msgs, uitest.Key("ctrl+s"))
			}
			uitest.SendAll(tm, msgs)
			uitest.Eventually(t, "both clients", func() bool {
				_, err1 := st.FindClient("孙工")
				_, err2 := st.FindClient("钱工")
				return err1 == nil && err2 == nil
			})
			time.Sleep(50 * time.Millisecond)
			uitest.Finish(t, tm)
		})
	}
}
