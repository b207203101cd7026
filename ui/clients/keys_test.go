package clients

import (
	"testing"

	"charm.land/bubbles/v2/key"

	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// Every key the pane lists has help text, and no key does two things in
// one place (list, detail, its journal, call sheet).
func TestHelpKeys(t *testing.T) {
	m, _, _ := open(t, i18n.ZH, 100, 30)
	places := map[string][]string{"list": nil, "detail": {"enter"}, "journal": {"J"}, "sheet": {"esc", "esc", "C"}}
	for _, name := range []string{"list", "detail", "journal", "sheet"} {
		uitest.Press(m, places[name]...)
		seen := map[string]string{}
		var all []key.Binding
		for _, col := range m.FullHelp() {
			all = append(all, col...)
		}
		all = append(all, m.ShortHelp()...)
		for _, b := range all {
			h := b.Help()
			if h.Key == "" || h.Desc == "" || h.Desc[0] == '!' {
				t.Errorf("%s: binding %v has no help (%q)", name, b.Keys(), h.Desc)
			}
			for _, k := range b.Keys() {
				if prev, ok := seen[k]; ok && prev != h.Desc {
					t.Errorf("%s: key %q is both %q and %q", name, k, prev, h.Desc)
				}
				seen[k] = h.Desc
			}
		}
	}
}

// On the list, b (the brief) is listed with the row's other keys, not in a
// column of its own at the far right of the help.
func TestBriefListedWithRowKeys(t *testing.T) {
	m, _, _ := open(t, i18n.EN, 100, 30)
	h := m.FullHelp()
	found := false
	for _, b := range h[0] {
		if b.Help().Key == "b" {
			found = true
		}
	}
	if !found || len(h[len(h)-1]) == 1 {
		t.Errorf("b is not among the row's keys: %v", h)
	}
}
