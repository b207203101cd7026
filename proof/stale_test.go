package proof

// The planner against a second process (issue 12): the real planner
// (ui.New, its panes and forms, polling as it does for the user) holds a
// record in a form or on screen while the command line, a separate
// process, changes it; then the planner saves. The command line's change
// survives, or the save is refused with the typed text kept. And forms
// hold a field's whole value: long fields survive an edit of something
// else byte for byte, and input over the limits is refused with the limit
// named, never cut.

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
)

// planner is the real planner on a database, driven by keys.
type planner struct {
	t    *testing.T
	path string
	st   *storage.Store
	tm   *teatest.TestModel
	rec  *recorder
}

// stalePlanner opens a fresh database, lets seed fill it, and starts the
// planner on it (English, 160x48, today 2026-11-27).
func stalePlanner(t *testing.T, seed func(st *storage.Store)) *planner {
	t.Helper()
	path := filepath.Join(tempDir(t), "data", "salesplan.db")
	st, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seed(st)
	env := common.Env{Store: st, Lang: i18n.EN, TodayOverride: testToday}
	rec := &recorder{inner: ui.New(env, ui.Options{NoColor: true})}
	tm := teatest.NewTestModel(t, rec,
		teatest.WithInitialTermSize(160, 48),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	go drain(tm)
	p := &planner{t: t, path: path, st: st, tm: tm, rec: rec}
	t.Cleanup(func() {
		_ = tm.Quit()
		tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	})
	return p
}

// must returns v, or stops the test at err (a panic fails the test with
// its line).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// wait fails the test unless the screen shows text within 5 s.
func (p *planner) wait(text string) {
	p.t.Helper()
	if !p.rec.waitFor(text, 5*time.Second) {
		p.t.Fatalf("the planner never showed %q:\n%s", text, p.rec.screen())
	}
}

// keys presses each key in turn: a rune, or "enter", "tab", "esc", "ctrl+s".
func (p *planner) keys(keys ...string) {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "tab":
			msg = tea.KeyPressMsg{Code: tea.KeyTab}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "backspace":
			msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
		case "ctrl+s":
			msg = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
		default:
			r := []rune(k)
			msg = tea.KeyPressMsg{Code: r[0], Text: k}
		}
		p.tm.Send(msg)
	}
}

func (p *planner) typeText(s string) {
	for _, r := range s {
		p.tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (p *planner) paste(s string) { p.tm.Send(tea.PasteMsg{Content: s}) }

// cli runs the command line in another process on the database; it must
// succeed.
func (p *planner) cli(args ...string) string {
	p.t.Helper()
	r := salesplan(p.t, proc{}, append([]string{"--db", p.path, "--today", today}, args...)...)
	if r.code != 0 {
		p.t.Fatalf("salesplan %v: exit %d: %s", args, r.code, r.err)
	}
	return r.out
}

// eventually polls the store until ok holds (a save runs off the UI loop).
func (p *planner) eventually(what string, ok func() bool) {
	p.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			p.t.Fatalf("%s never happened; the screen:\n%s", what, p.rec.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func staleClient(t *testing.T, st *storage.Store, c model.Client) model.Client {
	t.Helper()
	if c.Tier == "" {
		c.Tier = model.TierKey
	}
	return must(st.AddClient(c, testToday.AddDays(-30)))
}

// The edit form is open on a task when the command line completes it;
// the form then saves a new title. The completion stays (and its one
// call), the title is the new one.
func TestStaleEditFormAfterDone(t *testing.T) {
	var task model.Task
	p := stalePlanner(t, func(st *storage.Store) {
		c := staleClient(t, st, model.Client{Name: "王总"})
		task = must(st.AddTask(model.Task{Title: "Call about the price", Kind: model.TaskCall, ClientID: c.ID, Date: testToday}))
	})
	p.wait("Call about the price")
	p.keys("e")
	p.wait("Edit task")
	p.typeText(" list")
	p.cli("done", fmt.Sprint(task.ID), "--note", "agreed")
	p.keys("ctrl+s")
	p.eventually("the save", func() bool {
		got, _ := p.st.Task(task.ID)
		return got.Title == "Call about the price list"
	})
	got := must(p.st.Task(task.ID))
	if !got.Done || got.DoneOn != testToday {
		t.Errorf("the command line's completion was undone: %+v", got)
	}
	d := must(p.st.ClientDetail(got.ClientID, testToday, 0))
	if len(d.Journal) != 1 || d.Journal[0].Text != "agreed" {
		t.Errorf("journal %+v, want the one call the command line recorded", d.Journal)
	}
}

// The promise form is open when the command line keeps the promise; the
// form saves a new text. The promise stays kept.
func TestStalePromiseFormAfterKeep(t *testing.T) {
	var pr model.Promise
	p := stalePlanner(t, func(st *storage.Store) {
		c := staleClient(t, st, model.Client{Name: "王总"})
		pr = must(st.AddPromise(model.Promise{ClientID: c.ID, Text: "Send the quote", Due: testToday.AddDays(3)}, testToday))
	})
	p.keys("6")
	p.wait("Send the quote")
	p.keys("e")
	p.wait("Edit the promise to")
	p.keys("tab", "tab") // back to the text (text, due)
	p.typeText(" and samples")
	p.cli("promise", "keep", fmt.Sprint(pr.ID))
	p.keys("ctrl+s")
	p.eventually("the save", func() bool {
		rows, _ := p.st.Promises(true)
		return len(rows) == 1 && rows[0].Text == "Send the quote and samples"
	})
	rows := must(p.st.Promises(true))
	if rows[0].Status != model.PromiseKept || rows[0].KeptOn != testToday {
		t.Errorf("the command line's keep was reverted: %+v", rows[0].Promise)
	}
}

// The settings screen is open while the command line sets the calls quota
// and a month target; the screen is saved unchanged. Both survive.
func TestStaleSettingsSavedUnchanged(t *testing.T) {
	p := stalePlanner(t, func(st *storage.Store) { staleClient(t, st, model.Client{Name: "王总"}) })
	p.wait("王总")
	p.keys(",")
	p.wait("Settings")
	p.wait("Calls per day")
	p.cli("config", "set", "calls_per_day", "40")
	p.cli("target", "set", "--year", "2026", "--sales", "1200000", "--month", "2026-12", "90000")
	p.keys("ctrl+s")
	p.wait("Settings saved")
	set := must(p.st.Settings())
	if set.CallsPerDay != 40 || set.MonthTargets["2026-12"] != model.MoneyFromMain(90000) || set.AnnualTargets[2026] != model.MoneyFromMain(1200000) {
		t.Errorf("settings after an unchanged save: calls %d, months %v, years %v", set.CallsPerDay, set.MonthTargets, set.AnnualTargets)
	}
}

// The same quota changed on the screen and by the command line: the save
// is refused, the typed value stays in the form with the value stored now
// beside it, and saving again applies it.
func TestStaleSettingsConflictKeepsTyped(t *testing.T) {
	p := stalePlanner(t, func(st *storage.Store) { staleClient(t, st, model.Client{Name: "王总"}) })
	p.wait("王总")
	p.keys(",")
	p.wait("Calls per day")
	p.keys("tab", "tab", "tab") // year, annual, months → calls per day
	p.keys("backspace", "backspace")
	p.typeText("25")
	p.cli("config", "set", "calls_per_day", "40")
	p.keys("ctrl+s")
	p.wait("changed elsewhere since you opened it")
	p.wait("now 40 elsewhere")
	if set := must(p.st.Settings()); set.CallsPerDay != 40 {
		t.Fatalf("the refused save wrote calls_per_day %d", set.CallsPerDay)
	}
	p.keys("ctrl+s")
	p.wait("Settings saved")
	if set := must(p.st.Settings()); set.CallsPerDay != 25 {
		t.Errorf("saving again: calls_per_day %d, want the typed 25", set.CallsPerDay)
	}
}

// ! pressed right after the command line completed the task (before the
// planner reloaded): the task is important and still done.
func TestStaleImportantAfterDone(t *testing.T) {
	var task model.Task
	p := stalePlanner(t, func(st *storage.Store) {
		task = must(st.AddTask(model.Task{Title: "Write the weekly report", Date: testToday}))
	})
	p.wait("Write the weekly report")
	p.cli("done", fmt.Sprint(task.ID))
	p.keys("!")
	p.eventually("the flag", func() bool {
		got, _ := p.st.Task(task.ID)
		return got.Important
	})
	if got := must(p.st.Task(task.ID)); !got.Done {
		t.Errorf("! undid the command line's done: %+v", got)
	}
}

// > on a project shown in design that the command line has moved to
// detailing: it goes on to contract (with contract's checklist), the
// history never goes backwards, and the status says where it moved from.
func TestStaleStageMoveAfterCommandLineMove(t *testing.T) {
	var pr model.Project
	p := stalePlanner(t, func(st *storage.Store) {
		c := staleClient(t, st, model.Client{Name: "王总"})
		pr = must(st.AddProject(model.Project{Name: "Tower", ClientID: c.ID, Stage: model.StageDesign}, testToday.AddDays(-10)))
	})
	p.keys("5")
	p.wait("Tower")
	p.keys(">")
	p.wait("Move Tower: design → bidding?")
	p.cli("project", "stage", "Tower", "detailing")
	p.keys("enter")
	p.wait("it was in detailing, not design as shown")
	got := must(p.st.Project(pr.ID))
	var stages []model.Stage
	for _, h := range got.StageHistory {
		stages = append(stages, h.Stage)
	}
	if got.Stage != model.StageContract || fmt.Sprint(stages) != "[design detailing contract]" {
		t.Errorf("stage %s, history %v; want contract after design, detailing", got.Stage, stages)
	}
	d := must(p.st.ProjectDetail(pr.ID, testToday, 0))
	if len(d.Tasks) != 3 {
		t.Errorf("%d checklist tasks, want contract's 3", len(d.Tasks))
	}
}

// A client's 40-line, 3 KB needs comes back byte for byte after editing
// only the phone in the form (which shows it on one line).
func TestStaleFormKeepsMultiLineField(t *testing.T) {
	var lines []string
	for i := range 40 {
		lines = append(lines, fmt.Sprintf("%02d\tneeds line with 中文 and room to spare, %s", i, strings.Repeat("x", 30)))
	}
	needs := strings.Join(lines, "\n")
	if len(needs) < 3000 {
		t.Fatalf("needs is %d bytes", len(needs))
	}
	var c model.Client
	p := stalePlanner(t, func(st *storage.Store) {
		c = staleClient(t, st, model.Client{Name: "王总", Phone: "010-1", Needs: needs})
	})
	p.keys("4")
	p.wait("王总")
	p.keys("enter")
	p.wait("010-1")
	p.keys("e")
	p.wait("Edit 王总")
	p.keys("tab", "tab", "tab", "tab") // name, company, tier, area → phone
	p.typeText("234")
	p.keys("ctrl+s")
	p.eventually("the save", func() bool {
		got, _ := p.st.Client(c.ID)
		return got.Phone == "010-1234"
	})
	if got := must(p.st.Client(c.ID)); got.Needs != needs {
		t.Errorf("needs came back as %d bytes (%d lines), want %d bytes byte for byte", len(got.Needs), strings.Count(got.Needs, "\n")+1, len(needs))
	}
}

// A 500-character title survives an edit of the date byte for byte; a
// 1,005-character title typed into quick-add is refused naming the limit,
// kept in the input, and nothing is stored.
func TestStaleTitleLimits(t *testing.T) {
	title := strings.Repeat("标", 499) + "!"
	var task model.Task
	p := stalePlanner(t, func(st *storage.Store) {
		task = must(st.AddTask(model.Task{Title: title, Date: testToday}))
	})
	p.wait("标标标")
	p.keys("e")
	p.wait("Edit task")
	p.keys("tab") // title → date
	for range len("2026-11-27") {
		p.keys("backspace")
	}
	p.typeText("2026-11-30")
	p.keys("ctrl+s")
	p.eventually("the move", func() bool {
		got, _ := p.st.Task(task.ID)
		return got.Date == testToday.AddDays(3)
	})
	if got := must(p.st.Task(task.ID)); got.Title != title {
		t.Errorf("the 500-character title came back as %d characters", len([]rune(got.Title)))
	}

	long := strings.Repeat("x", 1005)
	p.keys("a")
	p.paste(long)
	p.keys("enter")
	p.wait("the limit is 500 characters")
	if !strings.Contains(p.rec.screen(), "xxxxxxxxxx") {
		t.Errorf("the typed title left the input:\n%s", p.rec.screen())
	}
	inbox := must(p.st.TasksOn(testToday))
	for _, at := range inbox {
		if strings.HasPrefix(at.Title, "xxx") {
			t.Errorf("a %d-character title was stored", len(at.Title))
		}
	}
}

// A 188 KB paste into the note box is refused naming the 64 KiB limit and
// stays in the box; a 60 KB paste is saved whole, and survives an edit of
// the entry's kind byte for byte.
func TestStaleNoteLimits(t *testing.T) {
	var c model.Client
	p := stalePlanner(t, func(st *storage.Store) {
		c = staleClient(t, st, model.Client{Name: "王总"})
		must(st.AddTask(model.Task{Title: "Visit 王总", Kind: model.TaskVisit, ClientID: c.ID, Date: testToday}))
	})
	p.wait("visit ★王总") // a task titled only with its kind and client shows "visit ★王总"
	paragraph := "会议纪要：王总要求下周前报价，含安装调试。\nThe pump room needs a second look.\n"
	big := strings.Repeat(paragraph, 188*1024/len(paragraph))
	p.keys("n")
	p.wait("Note on 王总")
	p.paste(big)
	p.keys("ctrl+s")
	p.wait("the limit is 64 KiB")
	p.wait("The pump room") // still in the box
	if d := must(p.st.ClientDetail(c.ID, testToday, 0)); len(d.Journal) != 0 {
		t.Fatalf("a %d-byte note was stored (%d bytes)", len(big), len(d.Journal[0].Text))
	}
	p.keys("esc", "y") // discard it

	note := strings.TrimSpace(strings.Repeat(paragraph, 60*1024/len(paragraph)))
	p.keys("n")
	p.wait("Note on 王总")
	p.paste(note)
	p.keys("ctrl+s")
	p.eventually("the note", func() bool {
		d, _ := p.st.ClientDetail(c.ID, testToday, 0)
		return len(d.Journal) == 1
	})
	e := must(p.st.ClientDetail(c.ID, testToday, 0)).Journal[0]
	if e.Text != note {
		t.Fatalf("the 60 KB note was stored as %d bytes, want %d byte for byte", len(e.Text), len(note))
	}
	// Another process turns the note into a call: the text stays whole.
	other := must(storage.Open(p.path, storage.Options{}))
	edited := e
	edited.Kind = model.EntryCall
	after := must(other.EditEntry(e, edited))
	if after.Text != note || after.Kind != model.EntryCall {
		t.Errorf("after the edit: %d bytes, kind %s", len(after.Text), after.Kind)
	}
}
