package month

import (
	"testing"

	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// The Month pane's own key (y) has help in both languages and answers no
// key the shell or the Month place already uses.
func TestYearKeyIsFree(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m := newModel(uitest.Env(nil, l))
		seen := map[string]string{}
		for _, b := range m.km.Active(0) { // the shell's global keys
			for _, k := range b.Keys() {
				seen[k] = b.Help().Desc
			}
		}
		for _, col := range m.FullHelp() {
			for _, b := range col {
				if b.Help().Desc == "" || b.Help().Desc[0] == '!' {
					t.Errorf("%s: %v has no help", l, b.Keys())
				}
				for _, k := range b.Keys() {
					if other, ok := seen[k]; ok && other != b.Help().Desc {
						t.Errorf("%s: key %q is both %q and %q", l, k, other, b.Help().Desc)
					}
					seen[k] = b.Help().Desc
				}
			}
		}
	}
}
