package projects

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
	"salesplan/ui/uitest"
)

// The pipeline and the detail at two sizes in both languages, read by eye
// in testdata/*.golden (regenerate: go test ./ui/projects -run TestGolden
// -update). 140 columns is the stage-column layout, 80 the grouped list.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 80, 24}, {i18n.EN, 140, 40}, {i18n.ZH, 80, 24}, {i18n.ZH, 140, 40}} {
		t.Run(fmt.Sprintf("pipeline_%s_%dx%d", tt.lang, tt.w, tt.h), func(t *testing.T) {
			m, _, _ := open(t, tt.lang, tt.w, tt.h)
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
		t.Run(fmt.Sprintf("detail_%s_%dx%d", tt.lang, tt.w, tt.h), func(t *testing.T) {
			m, _, s := open(t, tt.lang, tt.w, tt.h)
			run(m, m.openDetail(s.School))
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
		// The journal's cursor (J) and the entry form (e) over it.
		t.Run(fmt.Sprintf("entry_%s_%dx%d", tt.lang, tt.w, tt.h), func(t *testing.T) {
			m, _, s := open(t, tt.lang, tt.w, tt.h)
			run(m, m.openDetail(s.School))
			press(m, "J", "e")
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
	}
}

// Project names of both scripts start in the same column, and so do the
// client names after them (the grouped list, Chinese).
func TestChineseColumnsLineUp(t *testing.T) {
	m, _, _ := open(t, i18n.ZH, 80, 24)
	cols := map[string]int{}
	for _, line := range strings.Split(screen(m), "\n") {
		for _, name := range []string{"王总", "ACME Ltd", "李经理"} {
			if i := strings.Index(line, name); i >= 0 && !strings.Contains(line, "·") {
				cols[name] = ansi.StringWidth(line[:i])
			}
		}
	}
	if len(cols) != 3 {
		t.Fatalf("not every client shows: %v\n%s", cols, screen(m))
	}
	want := cols["王总"]
	for name, c := range cols {
		if c != want {
			t.Errorf("client %s starts in column %d, 王总 in %d", name, c, want)
		}
	}
}

// What the pane shows as each project's next follow-up (and whether it is
// due) agrees with today's attention list, the source of `today --json`'s
// project_followup items — with a cadence changed in the settings, so that
// the pane cannot be using defaults of its own.
func TestFollowUpAgreesWithToday(t *testing.T) {
	m, st, s := open(t, i18n.EN, 80, 24)
	if err := st.UpdateSettings(func(set *model.Settings) error { set.DesignCadenceDays = 5; return nil }); err != nil {
		t.Fatal(err)
	}
	run(m, m.reload())
	ag, err := st.Today(uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	due := map[model.ID]model.AttentionItem{}
	for _, a := range ag.Attention {
		if a.Type == model.AttProjectFollowUp {
			due[a.ProjectID] = a
		}
	}
	view := screen(m)
	checked := 0
	for _, r := range m.rows {
		a, inToday := due[r.ID]
		if r.FollowUp.IsDue != inToday {
			t.Errorf("%s: due in the pane = %v, in today's attention = %v", r.Name, r.FollowUp.IsDue, inToday)
		}
		if inToday && (a.Due != r.FollowUp.Due || a.DaysOverdue != r.FollowUp.DaysOverdue) {
			t.Errorf("%s: pane says due %s (%d overdue), uitest.Today says %s (%d)", r.Name, r.FollowUp.Due, r.FollowUp.DaysOverdue, a.Due, a.DaysOverdue)
		}
		if r.Stage.Live() {
			text, isDue := m.followCell(r)
			if text != m.lang.DayMonth(r.FollowUp.Due) || isDue != r.FollowUp.IsDue {
				t.Errorf("%s: cell %q (due %v) for follow-up %+v", r.Name, text, isDue, r.FollowUp)
			}
			checked++
		}
	}
	if checked < 3 || len(due) < 2 {
		t.Fatalf("too little to compare: %d live rows, %d due in today", checked, len(due))
	}
	// The design project: 20 Nov + the 5-day cadence = 25 Nov, two days overdue.
	if a := due[s.Tower]; a.Due != uitest.D(11, 25) || a.DaysOverdue != 2 {
		t.Errorf("tower follow-up in uitest.Today = %+v, want 25 Nov, 2 days overdue", a)
	}
	if !strings.Contains(view, "25 Nov") {
		t.Errorf("the list does not show the tower's follow-up date:\n%s", view)
	}
	// The detail says the cadence the store used.
	run(m, m.openDetail(s.Tower))
	if d := screen(m); !strings.Contains(d, "every 5 days in this stage") || !strings.Contains(d, "2 days overdue") {
		t.Errorf("detail lacks the cadence or the overdue days:\n%s", d)
	}
}

// A pipeline whose projects are all closed or lost says there is no live
// project and that f shows the others — not "no projects yet" — in both
// languages and both layouts; f then shows them.
func TestNoLiveProjects(t *testing.T) {
	for _, tt := range []struct {
		lang      i18n.Lang
		want, not string
	}{
		{i18n.EN, "No live projects. f shows the closed and lost ones", "No projects yet"},
		{i18n.ZH, "没有进行中的项目。按 f 显示已回款和丢单的项目", "还没有项目"},
	} {
		for _, w := range []int{80, 140, 160} {
			st := uitest.OpenStore(t)
			c, err := st.AddClient(model.Client{Name: "王总"}, uitest.D(time.October, 1))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []struct {
				name string
				to   model.Stage
			}{{"丢了的项目", model.StageLost}, {"Closed job", model.StageClosed}} {
				pr, err := st.AddProject(model.Project{Name: p.name, ClientID: c.ID, Stage: model.StageDesign}, uitest.D(time.November, 1))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := st.SetStage(pr.ID, p.to, uitest.D(time.November, 20), nil, "price"); err != nil {
					t.Fatal(err)
				}
			}
			m := newModel(uitest.Env(st, tt.lang))
			m.SetSize(w, 24)
			run(m, m.Init())
			if v := screen(m); !strings.Contains(v, tt.want) || strings.Contains(v, tt.not) {
				t.Fatalf("%s %d: want %q, not %q:\n%s", tt.lang, w, tt.want, tt.not, v)
			}
			press(m, "f")
			if v := screen(m); !strings.Contains(v, "丢了的项目") || !strings.Contains(v, "Closed job") {
				t.Errorf("%s %d: f does not show them:\n%s", tt.lang, w, v)
			}
		}
	}
	// An empty database still says there are no projects yet.
	m := newModel(uitest.Env(uitest.OpenStore(t), i18n.EN))
	m.SetSize(80, 24)
	run(m, m.Init())
	if v := screen(m); !strings.Contains(v, "No projects yet") {
		t.Errorf("an empty database:\n%s", v)
	}
}

// Closed and lost projects are hidden until f, and then have their own
// columns with counts.
func TestShowClosedAndLost(t *testing.T) {
	m, _, _ := open(t, i18n.EN, 140, 40)
	if v := screen(m); strings.Contains(v, "Closed job") || strings.Contains(v, "丢了的项目") {
		t.Fatalf("closed or lost shown by default:\n%s", v)
	}
	statuses := press(m, "f")
	v := screen(m)
	for _, want := range []string{"Closed job", "丢了的项目", "closed", "lost"} {
		if !strings.Contains(v, want) {
			t.Errorf("after f the pipeline lacks %q:\n%s", want, v)
		}
	}
	if len(statuses) == 0 || !strings.Contains(statuses[0], "closed and lost") {
		t.Errorf("f says %v", statuses)
	}
	press(m, "f")
	if strings.Contains(screen(m), "Closed job") {
		t.Error("a second f does not hide them again")
	}
}

// The filter narrows the pipeline as the user types; esc clears it.
func TestFilter(t *testing.T) {
	m, _, _ := open(t, i18n.EN, 80, 24)
	press(m, "/")
	uitest.Type(m, "acme")
	press(m, "enter")
	v := screen(m)
	if !strings.Contains(v, "ACME Fab 2 cooling") || strings.Contains(v, "望京华建大厦") {
		t.Fatalf("filter acme shows:\n%s", v)
	}
	press(m, "esc")
	if !strings.Contains(screen(m), "望京华建大厦") {
		t.Fatal("esc did not clear the filter")
	}
}

// The pane's local lost key does not clash with any key live in the
// projects places.
func TestLostKeyIsFree(t *testing.T) {
	m := newModel(uitest.Env(nil, i18n.EN))
	for _, p := range []keys.Place{keys.PlaceProjects, keys.PlaceProjectDetail} {
		for _, b := range m.km.Active(p) {
			for _, k := range b.Keys() {
				if key.Matches(uitest.Key("L"), key.NewBinding(key.WithKeys(k))) {
					t.Errorf("L clashes with %q (%s) in place %d", k, b.Help().Desc, p)
				}
			}
		}
	}
}

// The checklist dialog: every item ticked at first; space unticks, e
// rewords (esc puts the words back), and only ticked, non-empty items
// come back.
func TestChecklistDialog(t *testing.T) {
	m := newModel(uitest.Env(nil, i18n.EN))
	d := newChecklist(m.lang, m.fst, "t", []string{"Sign", "Pay", "Stock"})
	send := func(ks ...string) {
		for _, k := range ks {
			d.Update(uitest.Key(k))
		}
	}
	send("j", "space") // untick Pay
	send("j", "e")
	for _, r := range " now" {
		d.Update(uitest.Key(string(r)))
	}
	send("enter") // ends the edit, does not submit
	send("k", "k", "e", "x", "esc")
	got := d.Titles()
	want := []string{"Sign", "", "Stock now"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("titles = %q, want %q", got, want)
	}
	if res, _ := d.Update(uitest.Key("enter")); res != 1 { // form.Submitted
		t.Errorf("enter outside an edit answers %v, want submitted", res)
	}
	for _, w := range []int{30, 60} {
		d.SetWidth(w)
		for i, l := range strings.Split(d.View(), "\n") {
			if lw := ansi.StringWidth(l); lw != w {
				t.Errorf("width %d: line %d is %d cells", w, i, lw)
			}
		}
	}
}

// The days column says what it counts: "In stage" / "本阶段" heads it in
// the grouped list at 60 and 80 columns, each row's days end under the
// header's end, and at 160 columns a card says "in stage 17d" / "本阶段17天"
// (at 140, where one card has no room for it, every card says "· 17d").
func TestDaysInStageNamed(t *testing.T) {
	days := regexp.MustCompile(`\d+(d|天) `)
	for _, tt := range []struct {
		lang       i18n.Lang
		head, card string
	}{{i18n.EN, "In stage", "in stage 17d"}, {i18n.ZH, "本阶段", "本阶段17天"}} {
		for _, w := range []int{60, 80} {
			m, _, _ := open(t, tt.lang, w, 16)
			lines := strings.Split(screen(m), "\n")
			at := strings.Index(lines[1], tt.head)
			if at < 0 {
				t.Errorf("%s %d: the header lacks %q: %q", tt.lang, w, tt.head, lines[1])
				continue
			}
			end := ansi.StringWidth(lines[1][:at]) + ansi.StringWidth(tt.head)
			rows := 0
			for _, line := range lines[2:] {
				if loc := days.FindStringIndex(line); loc != nil && !strings.Contains(line, "·") {
					rows++
					if got := ansi.StringWidth(line[:loc[1]-1]); got != end {
						t.Errorf("%s %d: the days end in column %d, the header in %d:\n%s", tt.lang, w, got, end, screen(m))
					}
				}
			}
			if rows == 0 {
				t.Errorf("%s %d: no row shows its days:\n%s", tt.lang, w, screen(m))
			}
		}
		m, _, _ := open(t, tt.lang, 160, 48)
		if !strings.Contains(screen(m), tt.card) {
			t.Errorf("%s 160: no card says %q:\n%s", tt.lang, tt.card, screen(m))
		}
		// Narrower, where some card cannot name them, no card does: the
		// cards say the days one way.
		m, _, _ = open(t, tt.lang, 140, 40)
		short := regexp.MustCompile(` · \d+(d|天)`)
		if v := screen(m); strings.Contains(v, strings.TrimRight(tt.card, "0123456789d天")) && short.MatchString(v) {
			t.Errorf("%s 140: the cards say the days both ways:\n%s", tt.lang, v)
		}
	}
}

// A lost project's detail marks the note that says why: the note is
// labelled "why lost" / "丢单原因" in the journal and its text follows the
// lost stage in the history; a call on the same day keeps its kind.
func TestDetailMarksLostReason(t *testing.T) {
	for _, tt := range []struct {
		lang         i18n.Lang
		label, stage string
	}{{i18n.EN, "why lost", "lost — why: 价格太高"}, {i18n.ZH, "丢单原因", "丢单 — 原因：价格太高"}} {
		m, st, s := open(t, tt.lang, 80, 40)
		if _, err := st.AddEntry(model.JournalEntry{ProjectID: s.Lost, ClientID: s.Wang, Kind: model.EntryCall,
			At: uitest.D(time.November, 15).Time(time.Local).Add(9 * time.Hour), Text: "they signed with the other bidder"}); err != nil {
			t.Fatal(err)
		}
		run(m, m.openDetail(s.Lost))
		body := ansi.Strip(strings.Join(m.detailLines(80), "\n"))
		var reason, call, history bool
		for _, line := range strings.Split(body, "\n") {
			reason = reason || strings.Contains(line, tt.label) && strings.Contains(line, "价格太高")
			call = call || strings.Contains(line, "other bidder") && !strings.Contains(line, tt.label)
			history = history || strings.Contains(line, tt.stage)
		}
		if !reason || !call || !history {
			t.Errorf("%s: reason labelled %v, call kept %v, history says why %v:\n%s", tt.lang, reason, call, history, body)
		}
	}
}

// On a short pane the grouped list's "↓ N more lines" takes a line of its
// own: the selected row is never under it (it used to hide the row the
// cursor had moved to), and N counts every line below. The detail's mark
// covers no line either.
func TestMoreLinesMarkCoversNoRow(t *testing.T) {
	more := regexp.MustCompile(`↓ (\d+) more line`)
	m, _, s := open(t, i18n.EN, 60, 7)
	total := len(m.listLines())
	for range 6 {
		v := screen(m)
		rows := strings.Split(v, "\n")
		if !strings.Contains(v, "›") {
			t.Fatalf("the selected row is hidden:\n%s", v)
		}
		shown := 0
		for _, r := range rows[listTop:] {
			if strings.TrimSpace(r) != "" && !more.MatchString(r) {
				shown++
			}
		}
		below := 0
		if g := more.FindStringSubmatch(v); g != nil {
			fmt.Sscan(g[1], &below)
		}
		if m.list.Offset+shown+below != total {
			t.Errorf("%d lines above, %d shown, %d said below: %d lines in all\n%s", m.list.Offset, shown, below, total, v)
		}
		press(m, "j")
	}
	run(m, m.openDetail(s.Tower))
	body := m.detailLines(60)
	seen := map[string]bool{}
	for range len(body) {
		v := screen(m)
		shown, below := 0, 0
		for _, r := range strings.Split(v, "\n")[1:] {
			if g := more.FindStringSubmatch(r); g != nil {
				fmt.Sscan(g[1], &below)
				continue
			}
			seen[strings.TrimRight(r, " ")] = true
			shown++
		}
		if m.detail.offset+shown+below != len(body) {
			t.Errorf("detail: %d lines above, %d shown, %d said below: %d lines in all\n%s", m.detail.offset, shown, below, len(body), v)
		}
		press(m, "j")
	}
	for _, l := range body {
		if l := strings.TrimRight(ansi.Strip(l), " "); !seen[l] {
			t.Errorf("the detail's line %q never shows", l)
		}
	}
}

// A filter that matches no project says so whole, wrapped, at 60
// columns: the line was cut at the edge ("f shows closed…").
func TestNoMatchWrapped(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, _, _ := open(t, l, 60, 16)
		press(m, "/")
		uitest.Type(m, "zzzq")
		press(m, "enter")
		want := m.lang.T("projects.none_match")
		if v := screen(m); !strings.Contains(strings.Join(strings.Fields(v), ""), strings.Join(strings.Fields(want), "")) {
			t.Errorf("%s: %q not said whole:\n%s", l, want, v)
		}
	}
}

// With the closed and lost projects shown, the footer and the help say f
// hides them; they said "show closed and lost" either way.
func TestShowClosedHelpSaysWhatFDoes(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, _, _ := open(t, l, 80, 24)
		fDesc := func() (short, full string) {
			for _, b := range m.ShortHelp() {
				if b.Help().Key == "f" {
					short = b.Help().Desc
				}
			}
			for _, col := range m.FullHelp() {
				for _, b := range col {
					if b.Help().Key == "f" {
						full = b.Help().Desc
					}
				}
			}
			return short, full
		}
		for _, want := range []string{l.T("key.show_closed"), l.T("key.hide_closed"), l.T("key.show_closed")} {
			if short, full := fDesc(); short != want || full != want {
				t.Errorf("%s: showAll %v: f says %q in the footer, %q in the help; want %q", l, m.showAll, short, full, want)
			}
			press(m, "f")
		}
	}
}

// A filter matching no project with the closed and lost shown does not
// offer f to show them (f would hide them).
func TestNoMatchWithClosedShown(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
		m, _, _ := open(t, l, 80, 24)
		press(m, "f", "/")
		uitest.Type(m, "zzzq")
		press(m, "enter")
		v := screen(m)
		if !strings.Contains(v, l.T("projects.none_match_all")) || strings.Contains(v, l.T("projects.none_match")) {
			t.Errorf("%s: with closed and lost shown, no match says:\n%s", l, v)
		}
	}
}

// A cancelled promise on the project detail reads "cancelled" whole; the
// state column was 8 cells and it read "cancell…".
func TestDetailCancelledPromiseWhole(t *testing.T) {
	m, st, s := open(t, i18n.EN, 60, 16)
	p, err := st.AddPromise(model.Promise{ClientID: s.Wang, ProjectID: s.Tower, Text: "Send the price", Due: uitest.Today}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CancelPromise(p.ID, uitest.Today, "no longer needed", uitest.Today); err != nil {
		t.Fatal(err)
	}
	run(m, func() tea.Msg { return common.OpenProjectMsg{ID: s.Tower} })
	found := false
	for _, line := range m.detailLines(60) {
		if l := ansi.Strip(line); strings.Contains(l, "Send the price") {
			found = true
			if !strings.Contains(l, "cancelled ") {
				t.Errorf("the cancelled promise reads %q", l)
			}
		}
	}
	if !found {
		t.Fatalf("the promise is not on the detail:\n%s", strings.Join(m.detailLines(60), "\n"))
	}
}
