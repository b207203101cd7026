package week

import (
	"testing"

	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// Every key the Week pane lists has help and none clashes with another
// live key.
func TestHelpKeys(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m := newModel(uitest.Env(nil, l))
		for _, review := range []bool{false, true} {
			m.reviewOpen = review
			seen := map[string]string{}
			for _, col := range m.FullHelp() {
				for _, b := range col {
					if b.Help().Desc == "" || b.Help().Desc[0] == '!' {
						t.Errorf("%s: %v has no help", l, b.Keys())
					}
					for _, k := range b.Keys() {
						if other, ok := seen[k]; ok && other != b.Help().Desc {
							t.Errorf("%s review=%v: key %q is both %q and %q", l, review, k, other, b.Help().Desc)
						}
						seen[k] = b.Help().Desc
					}
				}
			}
		}
	}
}
