package keys

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"salesplan/ui/i18n"
)

// Every binding in the key map must have a key and a description in both
// languages, and the description must come from the catalog.
func TestEveryBindingHasHelp(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		km := New(l)
		for name, b := range allBindings(km) {
			h := b.Help()
			if len(b.Keys()) == 0 {
				t.Errorf("%s/%s: no keys", l, name)
			}
			if strings.TrimSpace(h.Key) == "" || strings.TrimSpace(h.Desc) == "" {
				t.Errorf("%s/%s: help %+v is incomplete", l, name, h)
			}
			if strings.HasPrefix(h.Desc, "!") {
				t.Errorf("%s/%s: description %q is not in the catalog", l, name, h.Desc)
			}
		}
	}
}

// No two bindings live in one place may answer the same key: the second
// would never fire.
func TestNoClashesWithinAPlace(t *testing.T) {
	km := New(i18n.EN)
	for _, p := range Places {
		seen := map[string]string{}
		for _, b := range km.Active(p) {
			for _, k := range b.Keys() {
				if other, ok := seen[k]; ok && other != b.Help().Desc {
					t.Errorf("place %d: key %q is both %q and %q", p, k, other, b.Help().Desc)
				}
				seen[k] = b.Help().Desc
			}
		}
	}
}

// / filters the lists of the Day, Week, Clients, Projects and Promises;
// on the Month, which has none, it says that ctrl+f searches (DESIGN.md
// §5: / filter, everywhere).
func TestSlashEverywhere(t *testing.T) {
	km := New(i18n.EN)
	for _, tt := range []struct {
		place Place
		want  key.Binding
	}{{PlaceDay, km.Filter}, {PlaceWeek, km.Filter}, {PlaceClients, km.Filter}, {PlaceProjects, km.Filter},
		{PlacePromises, km.Filter}, {PlaceMonth, km.FilterHint}} {
		var got []string
		for _, col := range km.FullHelp(tt.place) {
			for _, b := range col {
				if b.Help().Key == "/" {
					got = append(got, b.Help().Desc)
				}
			}
		}
		if len(got) != 1 || got[0] != tt.want.Help().Desc {
			t.Errorf("place %d: the help lists / as %q, want %q", tt.place, got, tt.want.Help().Desc)
		}
	}
}

// f cycles what a list shows and / filters it by typing: the help says
// what each does, so the footer never reads "f filter" beside "/ filter".
func TestCycleKeysSayWhatTheyShow(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		km := New(l)
		for _, tt := range []struct {
			place Place
			f     key.Binding
			want  string
		}{{PlaceClients, km.ClientFilter, map[i18n.Lang]string{i18n.EN: "all/key/due", i18n.ZH: "全部/大客户/该跟进"}[l]},
			{PlacePromises, km.PromiseFilter, map[i18n.Lang]string{i18n.EN: "open/overdue/all", i18n.ZH: "待兑现/已逾期/全部"}[l]}} {
			if got := tt.f.Help().Desc; got != tt.want {
				t.Errorf("%s place %d: f says %q, want %q", l, tt.place, got, tt.want)
			}
			seen := map[string]string{}
			for _, col := range km.FullHelp(tt.place) {
				for _, b := range col {
					h := b.Help()
					if other, ok := seen[h.Desc]; ok && other != h.Key {
						t.Errorf("%s place %d: %q and %q are both %q", l, tt.place, other, h.Key, h.Desc)
					}
					seen[h.Desc] = h.Key
				}
			}
		}
	}
}

// The table of DESIGN.md §5 spelled out for the places where it matters
// most: the key a user reads there must do what the table says.
func TestDesignTable(t *testing.T) {
	km := New(i18n.EN)
	tests := []struct {
		place Place
		key   string
		want  key.Binding
	}{
		{PlaceDay, "x", km.Done}, {PlaceDay, ">", km.Postpone}, {PlaceDay, "t", km.Today},
		{PlaceAttention, "t", km.MakeTask}, {PlaceAttention, "enter", km.Open},
		{PlaceWeek, "r", km.Review}, {PlaceClients, "s", km.Sort}, {PlaceClients, "f", km.ClientFilter},
		{PlaceClientDetail, "*", km.ToggleKey}, {PlaceClientDetail, "d", km.Archive},
		{PlaceProjects, ">", km.NextStage}, {PlaceProjects, "<", km.PrevStage},
		{PlacePromises, "x", km.Kept}, {PlacePromises, "c", km.CancelPromise},
		{PlaceForm, "ctrl+s", km.Save}, {PlaceMonth, "2", km.Pane[1]}, {PlaceDay, "j", km.Down},
		{PlaceDay, "[", km.PrevDay}, {PlaceWeek, "]", km.NextWeek}, {PlaceMonth, "h", km.PrevMonth}, {PlaceWeek, "left", km.DayBefore}, {PlaceDay, "u", km.Undo},
		// The year view: the arrows step a month, h/l a year, enter/y/esc go back.
		{PlaceYear, "left", km.YearPrevMonth}, {PlaceYear, "j", km.YearNextMonth}, {PlaceYear, "h", km.YearPrev},
		{PlaceYear, "]", km.YearNext}, {PlaceYear, "enter", km.YearClose}, {PlaceYear, "esc", km.YearClose},
		{PlaceYear, "3", km.Pane[2]},
	}
	for _, tt := range tests {
		var got *key.Binding
		for _, b := range km.Active(tt.place) {
			for _, k := range b.Keys() {
				if k == tt.key {
					got = &b
				}
			}
		}
		if got == nil || !reflect.DeepEqual(got.Help(), tt.want.Help()) {
			t.Errorf("place %d key %q: got %+v, want %q", tt.place, tt.key, got, tt.want.Help().Desc)
		}
	}
	// Forms capture typing: q, j and 1 are text there.
	for _, b := range km.Active(PlaceForm) {
		for _, k := range b.Keys() {
			if k == "q" || k == "j" || k == "1" {
				t.Errorf("form place makes %q a shortcut", k)
			}
		}
	}
}

func TestHelpInChinese(t *testing.T) {
	if got := New(i18n.ZH).Quit.Help().Desc; got != "退出" {
		t.Errorf("ZH quit help = %q", got)
	}
	if got := New(i18n.ZH).Pane[3].Help().Desc; got != "客户" {
		t.Errorf("ZH pane 4 help = %q", got)
	}
}

// allBindings lists every key.Binding field of the map by name.
func allBindings(km KeyMap) map[string]key.Binding {
	out := map[string]key.Binding{}
	v := reflect.ValueOf(km)
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		switch x := v.Field(i).Interface().(type) {
		case key.Binding:
			out[f.Name] = x
		case [6]key.Binding:
			for j, b := range x {
				out[f.Name+string(rune('1'+j))] = b
			}
		}
	}
	return out
}

// Each place's full help lists only keys its pane (or the shell, for n,
// g, t on undated panes, ",", C and S) really answers there: a key shown
// in help that does nothing is a broken promise.
func TestHelpListsOnlyLiveKeys(t *testing.T) {
	km := New(i18n.EN)
	global := []string{"n", "g", ",", "C", "S"}
	allow := map[Place][]string{
		PlaceGlobal:        {"t", "esc"},
		PlaceDay:           {"a", "x", "e", "d", ">", "!", "R", "c", "v", "m", "p", "b", "r", "k/↑", "j/↓", "enter", "/", "t", "h/[", "l/]", "esc"},
		PlaceAttention:     {"enter", "x", "t", "k/↑", "j/↓", "c", "v", "m", "p", "b", "a", "h/[", "l/]", "esc"},
		PlaceWeek:          {"a", "x", "e", "d", ">", "!", "c", "v", "m", "p", "b", "r", "k/↑", "j/↓", "enter", "←", "→", "/", "t", "h/[", "l/]", "esc"},
		PlaceMonth:         {"k/↑", "j/↓", "enter", "←", "→", "r", "/", "t", "h/[", "l/]", "esc"},
		PlaceClients:       {"a", "e", "c", "v", "m", "p", "s", "f", "k/↑", "j/↓", "enter", "/", "t", "esc"},
		PlaceClientDetail:  {"a", "e", "c", "v", "m", "p", "*", "d", "b", "J", "k/↑", "j/↓", "t", "esc"},
		PlaceJournal:       {"e", "d", "k/↑", "j/↓", "esc", "t"},
		PlaceProjects:      {"a", ">", "<", "e", "c", "v", "f", "k/↑", "j/↓", "enter", "/", "t", "h/[", "l/]", "esc"},
		PlaceProjectDetail: {">", "<", "e", "c", "v", "J", "k/↑", "j/↓", "t", "esc"},
		PlacePromises:      {"a", "x", "c", "e", "f", "k/↑", "j/↓", "enter", "/", "t", "esc"},
		PlaceForm:          {"ctrl+s", "esc"},
		PlacePopup:         {"k/↑", "j/↓", "e", "esc"},
		PlacePicker:        {"↑", "↓", "enter", "esc"},
		PlaceSearch:        {"↑", "↓", "enter", "esc"},
		PlaceFirstRun:      {"k/↑", "j/↓", "enter", "esc", "u"},
		PlaceConfirm:       {"enter/y", "esc/n"},
		PlaceInput:         {"enter", "esc"},
		PlaceInputSave:     {"enter", "esc"},
		PlaceInputCheck:    {"enter", "esc"},
		PlaceYear:          {"←/k", "→/j", "h/[", "l/]", "enter/y", "/", "t", "n", "g", ",", "C", "S"},
	}
	for _, p := range Places {
		ok := map[string]bool{}
		for _, k := range allow[p] {
			ok[k] = true
		}
		if p < PlaceForm || p == PlaceJournal {
			for _, k := range global {
				ok[k] = true
			}
		}
		for _, col := range km.FullHelp(p) {
			for _, b := range col {
				if h := b.Help().Key; !ok[h] {
					t.Errorf("place %d: help lists %q (%s), which does nothing there", p, h, b.Help().Desc)
				}
			}
		}
	}
	// The keys that used to be promised wrongly stay out.
	for _, tt := range []struct {
		place Place
		key   string
	}{{PlaceClients, "h/["}, {PlacePromises, "l/]"}} {
		for _, col := range km.FullHelp(tt.place) {
			for _, b := range col {
				if b.Help().Key == tt.key {
					t.Errorf("place %d still lists %q", tt.place, tt.key)
				}
			}
		}
	}
}
