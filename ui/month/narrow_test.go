package month

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// At 60 columns a day's cell is seven cells wide: its markers (bid, bid
// papers, promise due) show whole before its task count, which shows only
// when it fits whole — never "0/…" — at 60 and 80 columns, in both
// languages. (The pane sizes of a 60x16 and an 80x24 terminal.)
func TestNarrowCellsKeepMarkers(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, size := range [][2]int{{60, 13}, {80, 21}} {
			t.Run(fmt.Sprintf("%s_%dx%d", l, size[0], size[1]), func(t *testing.T) {
				st := uitest.OpenStore(t)
				uitest.SeedMonthMarkers(t, st)
				m := newModel(uitest.Env(st, l))
				m.SetSize(size[0], size[1])
				uitest.Run(m, m.Init())
				g := m.grid()
				letter := map[string]string{"bid": l.T("month.mark.bid"), "papers_due": l.T("month.mark.papers"),
					"promise_due": l.T("month.mark.promise"), "today": l.T("month.mark.today")} // today (27th, a promise due) has room for its T
				marked := 0
				for _, dd := range m.month.Days {
					cell := ansi.Strip(strings.Join(m.cell(g, dd.Date), "\\n"))
					if strings.Contains(cell, "…") {
						t.Errorf("%s: the cell is cut: %q", dd.Date, cell)
					}
					for _, k := range dd.Markers {
						if w, ok := letter[k]; ok {
							marked++
							if !strings.Contains(cell, w) {
								t.Errorf("%s: the cell %q lacks its %s marker %q", dd.Date, cell, k, w)
							}
						}
					}
					if dd.TasksTotal > 0 && len(dd.Markers) == 0 && !strings.Contains(cell, fmt.Sprintf("%d/%d", dd.TasksDone, dd.TasksTotal)) {
						t.Errorf("%s: a day with tasks and no marker lost its count: %q", dd.Date, cell)
					}
				}
				if marked < 4 {
					t.Fatalf("only %d markers in the month: the fixture shows nothing", marked)
				}
			})
		}
	}
}

// fitLine puts the markers before the count, closes up before it drops a
// marker, and drops the markers of least priority first.
func TestFitLine(t *testing.T) {
	mk := func(s ...string) []mark {
		var out []mark
		for _, x := range s {
			out = append(out, mark{x, ansi.StringWidth(x)})
		}
		return out
	}
	for _, tt := range []struct {
		w          int
		marks      []mark
		tail, want string
	}{
		{7, nil, "3/5", " 27 3/5"},
		{7, nil, "12/15", " 27"},
		{7, mk("B"), "3/5", " 27 B"},
		{10, mk("B"), "3/5", " 27 B 3/5"},
		{7, mk("B", "D", "P"), "", " 27 BDP"},
		{7, mk("标", "书"), "", " 27标书"},
		{7, mk("标", "书", "诺"), "", " 27标书"},
		{10, mk("书", "诺", "今"), "", " 27 书诺今"},
		{10, mk("标", "书", "诺", "今"), "", " 27 标书诺"},
	} {
		if got := fitLine(tt.w, " 27", tt.marks, tt.tail); got != tt.want {
			t.Errorf("fitLine(%d, %v, %q) = %q, want %q", tt.w, tt.marks, tt.tail, got, tt.want)
		}
	}
}
