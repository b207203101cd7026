package clients_test

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// A client's 40-line needs (3 KB, a tab in each line) edited in the real
// planner: changing only the phone leaves it byte for byte; typing a line
// at its end keeps the forty before it; a 60 KB paste with CRLF line
// breaks into the business is kept whole, its lines LF.
func TestMultiLineFieldsInsideThePlanner(t *testing.T) {
	st := uitest.OpenStore(t)
	lines := make([]string, 40)
	for i := range lines {
		lines[i] = fmt.Sprintf("%02d\t冷冻水泵 %d m³/h, 扬程 %d m — spare seals ×%d, 控制柜 and valves", i, 100+i, 30+i%7, i%4)
	}
	needs := strings.Join(lines, "\n")
	if len(needs) < 3000 {
		t.Fatalf("needs is %d bytes", len(needs))
	}
	c, err := st.AddClient(model.Client{Name: "王总", Tier: model.TierKey, Phone: "138 0000 1111", Needs: needs}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	stored := func() model.Client {
		got, err := st.Client(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	tm := uitest.Start(t, ui.New(uitest.EnvAt(st, i18n.EN, uitest.Morning), ui.Options{NoColor: true}), 80, 24)
	tm.Type("4")
	uitest.WaitScreen(t, tm, "Clients 1/1")
	tm.Send(uitest.Key("enter"))
	uitest.WaitScreen(t, tm, "138 0000 1111")

	// The phone only.
	tm.Type("e")
	uitest.WaitScreen(t, tm, "Edit 王总")
	for range 4 { // name, company, tier, area → phone
		tm.Send(uitest.Key("tab"))
	}
	tm.Type(" ext 5")
	tm.Send(uitest.Key("ctrl+s"))
	uitest.Eventually(t, "the phone saved", func() bool { return stored().Phone == "138 0000 1111 ext 5" })
	if got := stored().Needs; got != needs {
		t.Fatalf("an edit of the phone changed the needs:\n%q", got)
	}

	// A line typed at the end of the needs.
	uitest.WaitScreen(t, tm, "Saved 王总")
	tm.Type("e")
	uitest.WaitScreen(t, tm, "Edit 王总")
	for range 6 { // … phone, business → needs
		tm.Send(uitest.Key("tab"))
	}
	uitest.WaitScreen(t, tm, "enter new line")
	tm.Send(uitest.Key("enter"))
	tm.Type("41 备品备件 next year")
	tm.Send(uitest.Key("ctrl+s"))
	want := needs + "\n41 备品备件 next year"
	uitest.Eventually(t, "the needs saved", func() bool {
		if n := stored().Needs; n != needs {
			t.Logf("needs now %q", n[max(len(n)-200, 0):])
			return n == want
		}
		return false
	})

	// A 60 KB paste, CRLF line breaks, into the business.
	var b strings.Builder
	for i := 0; b.Len() < 60*1024; i++ {
		fmt.Fprintf(&b, "机电总包 line %d: chillers, pumps, controls\r\n", i)
	}
	paste := strings.TrimSpace(b.String())
	uitest.WaitScreen(t, tm, "Saved 王总")
	tm.Type("e")
	uitest.WaitScreen(t, tm, "Edit 王总")
	for range 5 { // … phone → business
		tm.Send(uitest.Key("tab"))
	}
	tm.Send(tea.PasteMsg{Content: paste})
	tm.Send(uitest.Key("ctrl+s"))
	wantBiz := strings.ReplaceAll(paste, "\r\n", "\n")
	uitest.Eventually(t, "the business saved", func() bool { return stored().Business == wantBiz })
	if got := stored(); got.Needs != want || got.Phone != "138 0000 1111 ext 5" {
		t.Errorf("the paste into the business changed another field: phone %q, needs %d bytes", got.Phone, len(got.Needs))
	}
	uitest.Finish(t, tm)
}
