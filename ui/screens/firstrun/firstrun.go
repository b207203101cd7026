// Package firstrun is the screen an empty database opens on (DESIGN.md §5
// v2): instead of a Day that says "nothing planned", three ways in — the
// year's sales target and the activity quotas (calls a day, visits a
// week), clients imported from a spreadsheet (a CSV file: the import's
// dry run shows what would be added and which rows are skipped, and a bad
// row is named by its line before anything is written), or the first
// client by hand — and the demo named (`salesplan --demo`: a database of
// its own, this one untouched). Each step ticks off when done; esc (or
// choosing "start planning") leaves for the Day. The ticks are read again
// from the database whenever it changes (u undoes a step: its tick goes).
package firstrun

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// maxCSV is the largest spreadsheet the screen reads: ten thousand clients
// take about 2 MB; anything near this is not a client list.
const maxCSV = 64 << 20

// The steps, in the order shown.
const (
	stepTargets = iota
	stepImport
	stepClient
	stepStart
	nSteps
)

// The screen's dialogs.
type kind int

const (
	kindTargets kind = iota + 1
	kindPath
	kindConfirm
	kindClient
)

// Screen is the first-run screen.
type Screen struct {
	env    common.Env
	lang   i18n.Lang
	km     keys.KeyMap
	fst    form.Styles
	host   dialog.Host
	width  int
	height int
	closed bool

	cursor   int
	settings model.Settings // as stored when the screen last read or saved them
	loaded   bool
	loads    common.Loads
	done     [nSteps]string // what each step did, shown beside it ("" = not yet)
	path     string         // the CSV file the dry run read
	report   storage.CSVReport

	// What the steps wrote, to tick them only while the database still
	// holds it: the target and quotas saved, the names imported, the
	// client added by hand.
	targets  *model.Settings
	imported []string
	client   string
}

type (
	// stateMsg is what the ticks are read from: the settings and the
	// names of the clients (by model.NameKey).
	stateMsg struct {
		owner *Screen
		seq   uint64
		s     model.Settings
		names map[string]bool
		err   error
	}
	// dryRunMsg is the dry run of a CSV file: what it would add and skip.
	dryRunMsg struct {
		owner *Screen
		path  string
		rep   storage.CSVReport
		err   error
	}
	// saved tags the screen's writes.
	savedTargets struct{ s model.Settings }
	savedImport  struct{ names []string }
	savedClient  struct{ name string }
)

// New opens the screen; its command reads the settings it shows.
func New(env common.Env) (*Screen, tea.Cmd) {
	s := &Screen{env: env, lang: env.Lang, km: env.Keys, host: dialog.New(env.Lang), width: 80, height: 20}
	s.fst = form.DefaultStyles(true)
	if env.Styles != nil {
		s.fst = form.ThemeStyles(*env.Styles)
	}
	s.host.Start() // keys wait for the settings
	return s, s.read()
}

// read reads what the ticks show.
func (s *Screen) read() tea.Cmd {
	st, seq := s.env.Store, s.loads.Next()
	return func() tea.Msg {
		if st == nil {
			return stateMsg{owner: s, seq: seq, err: common.ErrNoStore}
		}
		set, err := st.StoredSettings()
		if err != nil {
			return stateMsg{owner: s, seq: seq, err: err}
		}
		clients, err := st.ClientNames()
		names := make(map[string]bool, len(clients))
		for _, c := range clients {
			names[model.NameKey(c.Name)] = true
		}
		return stateMsg{owner: s, seq: seq, s: set, names: names, err: err}
	}
}

// tick says beside each step what the database holds of it: the target
// (or the quotas saved here), the imported clients still there, the
// client added by hand if still there.
func (s *Screen) tick(set model.Settings, names map[string]bool) {
	year := s.env.Today().Year()
	s.done = [nSteps]string{}
	t, ok := set.AnnualTargets[year]
	if (ok && t > 0) || (s.targets != nil && sameTargets(*s.targets, set, year)) {
		s.done[stepTargets] = s.targetsLine(set)
	}
	n := 0
	for _, name := range s.imported {
		if names[model.NameKey(name)] {
			n++
		}
	}
	if n > 0 {
		s.done[stepImport] = s.lang.N("first.done.import", n, n)
	}
	if s.client != "" && names[model.NameKey(s.client)] {
		s.done[stepClient] = s.lang.T("first.done.client", model.InertLine(s.client))
	}
}

// sameTargets reports whether a and b hold the same year's target and quotas.
func sameTargets(a, b model.Settings, year int) bool {
	return a.AnnualTargets[year] == b.AnnualTargets[year] && a.CallsPerDay == b.CallsPerDay &&
		a.VisitsPerWeek == b.VisitsPerWeek
}

// SetSize sets the area the screen fills.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = max(w, 1), max(h, 1)
	s.host.SetSize(s.width, s.height)
}

// Closed reports that the person went on to the Day.
func (s *Screen) Closed() bool { return s.closed }

// Capturing is true while a dialog is open.
func (s *Screen) Capturing() bool { return s.host.IsOpen() }

// Busy is true while a read or a write is on its way.
func (s *Screen) Busy() bool { return s.host.Busy() }

// Dirty is true while a dialog holds typed text not saved.
func (s *Screen) Dirty() bool { return s.host.Dirty() }

// ShortHelp lists the screen's keys (a dialog's while one is open).
func (s *Screen) ShortHelp() []key.Binding {
	if s.host.IsOpen() {
		return s.km.ShortHelp(s.host.Place())
	}
	return s.km.ShortHelp(keys.PlaceFirstRun)
}

// FullHelp lists the screen's keys.
func (s *Screen) FullHelp() [][]key.Binding {
	if s.host.IsOpen() {
		return s.km.FullHelp(s.host.Place())
	}
	return s.km.FullHelp(keys.PlaceFirstRun)
}

// Update handles the store's answers and the keys.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case stateMsg:
		if msg.owner != s || !s.loads.Answer(msg.seq) {
			return nil
		}
		first := !s.loaded
		if first {
			s.host.Done() // the first reading: the keys waited for it
		}
		if msg.err != nil {
			return common.StatusErr(s.env, msg.err)
		}
		s.settings, s.loaded = msg.s, true
		s.tick(msg.s, msg.names)
		if first {
			// Opened again after some steps were done (the targets set,
			// then the planner quit): the cursor starts on the first step
			// still to do, not on one already ticked.
			for s.cursor < stepStart && s.done[s.cursor] != "" {
				s.cursor++
			}
		}
		return nil
	case common.DataChangedMsg: // a step saved here, an undo, a sync
		return s.read()
	case dryRunMsg:
		if msg.owner != s {
			return nil
		}
		s.host.Done()
		return s.dryRun(msg)
	case dialog.SavedMsg:
		cmd := s.host.Landed(msg)
		s.host.Fresh() // the ticks are read again (DataChangedMsg), but no key waits for them
		if msg.Err != nil {
			return cmd
		}
		switch t := msg.Tag.(type) {
		case savedTargets:
			s.settings, s.targets = t.s, &t.s
			s.done[stepTargets] = s.targetsLine(t.s)
			s.cursor = stepImport
		case savedImport:
			s.imported = append(s.imported, t.names...) // a second file adds to the first
			s.done[stepImport] = s.lang.N("first.done.import", len(s.imported), len(s.imported))
			s.cursor = stepStart
		case savedClient:
			s.client = t.name
			s.done[stepClient] = s.lang.T("first.done.client", model.InertLine(t.name))
			s.cursor = stepStart
		}
		return cmd
	}
	if s.host.IsOpen() {
		_, cmd := s.host.Handle(msg, s.submit)
		return cmd
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.km.Start):
		s.closed = true
	case key.Matches(k, s.km.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, s.km.Down):
		s.cursor = min(s.cursor+1, nSteps-1)
	case key.Matches(k, s.km.Choose):
		return s.choose()
	}
	return nil
}

// choose opens the step under the cursor.
func (s *Screen) choose() tea.Cmd {
	switch s.cursor {
	case stepTargets:
		if !s.loaded {
			return nil
		}
		s.host.Open(s.targetsForm(), kindTargets)
	case stepImport:
		in := form.NewInput(s.lang, s.fst, s.lang.T("first.import.title"), s.lang.T("first.import.placeholder"), s.path)
		in.Required = true
		in.SubmitHint("form.key.enter_check")
		in.SetPreview([]string{s.lang.T("first.import.columns")})
		s.host.Open(in, kindPath)
	case stepClient:
		s.host.Open(s.clientForm(), kindClient)
	case stepStart:
		s.closed = true
	}
	return nil
}

// targetsForm asks the year's sales target and the two quotas.
func (s *Screen) targetsForm() *form.Form {
	year := s.env.Today().Year()
	target := ""
	if t, ok := s.settings.AnnualTargets[year]; ok && t > 0 {
		target = strconv.FormatFloat(t.Main(), 'f', -1, 64)
	}
	count := func(v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 || n > 1000 {
			return model.Errf("bad_count", "%q is not a number from 0 to 1000", v)
		}
		return nil
	}
	return form.NewForm(s.lang, s.fst, s.lang.T("first.targets.title"),
		form.Field{Key: "target", Label: s.lang.T("first.targets.sales", year), Value: target,
			Placeholder: s.lang.T("first.targets.sales_hint"), Validate: func(v string) error {
				if strings.TrimSpace(v) == "" {
					return nil // no target yet
				}
				_, err := model.ParseMoney(v)
				return err
			}},
		form.Field{Key: "calls", Label: s.lang.T("first.targets.calls"), Value: strconv.Itoa(s.settings.CallsPerDay), Validate: count},
		form.Field{Key: "visits", Label: s.lang.T("first.targets.visits"), Value: strconv.Itoa(s.settings.VisitsPerWeek), Validate: count},
	)
}

// clientForm asks the first client's name and what a call needs.
func (s *Screen) clientForm() *form.Form {
	tiers := []form.Choice{{Value: string(model.TierRegular), Label: s.lang.T("word.regular_client")},
		{Value: string(model.TierKey), Label: s.lang.T("word.key_client")}}
	return form.NewForm(s.lang, s.fst, s.lang.T("first.client.title"),
		form.Field{Key: "name", Label: s.lang.T("clients.f.name"), Validate: func(v string) error {
			if strings.TrimSpace(v) == "" {
				return model.Errf("empty_name", "the name is empty")
			}
			return nil
		}},
		form.Field{Key: "tier", Label: s.lang.T("clients.f.tier"), Value: string(model.TierRegular), Choices: tiers},
		form.Field{Key: "phone", Label: s.lang.T("clients.f.phone")},
		form.Field{Key: "company", Label: s.lang.T("clients.f.company")},
		form.Field{Key: "area", Label: s.lang.T("clients.f.area")},
	)
}

// submit saves the open dialog.
func (s *Screen) submit() tea.Cmd {
	st, today := s.env.Store, s.env.Today()
	switch d := s.host.Dialog().(type) {
	case *form.Form:
		if s.host.Is(kindClient) {
			c := model.Client{Name: d.Value("name"), Tier: model.Tier(d.Value("tier")), Phone: d.Value("phone"),
				Company: d.Value("company"), Area: d.Value("area")}
			s.host.Start()
			status := s.lang.T("clients.status.added", model.InertLine(c.Name))
			return dialog.Tag(dialog.Do(st, status, func(st *storage.Store) error {
				_, err := st.AddClient(c, today)
				return err
			}), savedClient{name: c.Name})
		}
		return s.saveTargets(d)
	case *form.Input: // the CSV file's path
		path := expandHome(strings.TrimSpace(d.Value()))
		s.host.Start()
		return s.readCSV(path)
	case *form.Confirm: // import what the dry run showed
		path := s.path
		s.host.Start()
		lang := s.lang
		return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
			rep, err := importCSV(st, path, false, today)
			if err != nil {
				return dialog.SavedMsg{Err: err}
			}
			names := make([]string, len(rep.Added))
			for i, r := range rep.Added {
				names[i] = r.Name
			}
			return dialog.SavedMsg{Status: lang.N("first.status.imported", len(rep.Added), len(rep.Added), len(rep.Skipped)),
				Tag: savedImport{names: names}}
		})
	}
	s.host.Close()
	return nil
}

// saveTargets saves the target and quotas onto the settings as stored
// (only what changed: Store.EditSettings).
func (s *Screen) saveTargets(d *form.Form) tea.Cmd {
	seen := s.settings
	edited := seen
	edited.AnnualTargets = map[int]model.Money{}
	for y, v := range seen.AnnualTargets {
		edited.AnnualTargets[y] = v
	}
	year := s.env.Today().Year()
	if v := d.Value("target"); v != "" {
		edited.AnnualTargets[year], _ = model.ParseMoney(v) // validated by the form
	} else {
		delete(edited.AnnualTargets, year)
	}
	edited.CallsPerDay, _ = strconv.Atoi(d.Value("calls"))
	edited.VisitsPerWeek, _ = strconv.Atoi(d.Value("visits"))
	s.host.Start()
	status := s.lang.T("first.status.targets")
	return dialog.Write(s.env.Store, func(st *storage.Store) dialog.SavedMsg {
		now, err := st.EditSettings(seen, edited)
		if err != nil {
			return dialog.Refused(err)
		}
		return dialog.SavedMsg{Status: status, Tag: savedTargets{s: now}}
	})
}

// readCSV runs the import's dry run on the file at path.
func (s *Screen) readCSV(path string) tea.Cmd {
	st, today := s.env.Store, s.env.Today()
	return func() tea.Msg {
		if st == nil {
			return dryRunMsg{owner: s, path: path, err: common.ErrNoStore}
		}
		rep, err := importCSV(st, path, true, today)
		return dryRunMsg{owner: s, path: path, rep: rep, err: err}
	}
}

// dryRun shows what the import would do and asks before doing it; a file
// it cannot read, or a bad row, is said inside the path's dialog (the
// path kept, to fix it or the file).
func (s *Screen) dryRun(msg dryRunMsg) tea.Cmd {
	in, ok := s.host.Dialog().(*form.Input)
	if !ok {
		return nil
	}
	if msg.err != nil {
		in.Fail(s.lang.Err(msg.err))
		return nil
	}
	s.path, s.report = msg.path, msg.rep
	if len(msg.rep.Added) == 0 {
		in.Fail(s.lang.N("first.import.nothing", len(msg.rep.Skipped), len(msg.rep.Skipped)))
		return nil
	}
	s.host.Open(form.NewConfirm(s.lang, s.fst, s.importQuestion(msg.rep)), kindConfirm)
	return nil
}

// importQuestion says what the import would add and skip, naming the
// first rows of each by line.
func (s *Screen) importQuestion(rep storage.CSVReport) string {
	sep := s.lang.T("first.list_sep")
	var names []string
	for i, r := range rep.Added {
		if i == 5 {
			names = append(names, "…")
			break
		}
		names = append(names, model.InertLine(r.Name))
	}
	parts := []string{s.lang.N("first.import.would_add", len(rep.Added), len(rep.Added), strings.Join(names, sep))}
	if n := len(rep.Skipped); n > 0 {
		var lines []string
		for i, r := range rep.Skipped {
			if i == 5 {
				lines = append(lines, "…")
				break
			}
			lines = append(lines, s.lang.T("first.import.skipped_row", r.Line, model.InertLine(r.Name)))
		}
		parts = append(parts, s.lang.N("first.import.would_skip", n, n, strings.Join(lines, sep)))
	}
	q := parts[0]
	for _, p := range append(parts[1:], s.lang.T("first.import.ask")) {
		q = s.lang.T("first.sentences", q, p) // a space between English sentences, none in Chinese
	}
	return q
}

// importCSV reads the clients of the CSV file at path into the store (a
// dry run only reports): a regular file of reasonable size only — a
// device or a folder would never end or is no list.
func importCSV(st *storage.Store, path string, dryRun bool, today model.Date) (storage.CSVReport, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return storage.CSVReport{}, fileErr(path, err)
	}
	if !fi.Mode().IsRegular() {
		return storage.CSVReport{}, model.Errf("csv_not_file", "%s is not a file", model.InertLine(path))
	}
	if fi.Size() > maxCSV {
		return storage.CSVReport{}, model.Errf("csv_too_big", "%s is %d MB: a client list is far smaller", model.InertLine(path), fi.Size()>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return storage.CSVReport{}, fileErr(path, err)
	}
	defer f.Close()
	return st.ImportClientsCSVOn(f, dryRun, today)
}

// fileErr says in the user's language why the file cannot be read: it is
// not there, or may not be read (the system's words were English in a
// Chinese planner: "stat …: no such file or directory").
func fileErr(path string, err error) error {
	path = model.InertLine(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return model.Errf("csv_no_file", "there is no file %s", path)
	case errors.Is(err, fs.ErrPermission):
		return model.Errf("csv_no_permission", "%s may not be read (permission denied)", path)
	}
	return fmt.Errorf("reading %s: %w", path, err)
}

// expandHome reads a leading ~ as the home directory, as a shell would.
func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}

// targetsLine says the target and quotas as set.
func (s *Screen) targetsLine(set model.Settings) string {
	year := s.env.Today().Year()
	target := s.lang.T("first.no_target")
	if t, ok := set.AnnualTargets[year]; ok && t > 0 {
		target = s.lang.T("first.target", s.env.Money(t), year)
	}
	return s.lang.T("first.done.targets", target,
		s.lang.N("first.done.calls", set.CallsPerDay, set.CallsPerDay),
		s.lang.N("first.done.visits", set.VisitsPerWeek, set.VisitsPerWeek))
}

// View draws the welcome, the steps and the demo's name.
func (s *Screen) View() string {
	st := s.env.Styles
	w := s.width
	l := s.lang
	// Each step's hint (or what was done) is read whole, wrapped under
	// its column, when the screen has the room — first by leaving out the
	// blank lines between the parts; a screen too short for that cuts
	// the hints to one line each.
	var out []string
	for _, try := range []struct{ wrap, blanks bool }{{true, true}, {true, false}, {false, true}, {false, false}} {
		blank := []string{""}
		if !try.blanks {
			blank = nil
		}
		out = append([]string{st.Title.Render(l.T("first.title"))}, blank...)
		out = append(out, common.Hanging("", l.T("first.intro"), w)...)
		out = append(out, blank...)
		out = append(out, s.steps(try.wrap)...)
		out = append(out, blank...)
		out = append(out, common.Hanging("", l.T("first.demo"), w)...)
		out = append(out, st.Title.Render("  salesplan --demo"))
		out = append(out, common.Hanging("", l.T("first.demo_after"), w)...)
		if len(out) <= s.height {
			break
		}
	}
	return s.host.View(common.Fit(strings.Join(out, "\n"), w, s.height))
}

// steps draws the four steps: the cursor, a tick when done, the step's
// name and its hint or what was done — wrapped (a hint too long for the
// line goes on under the hints' column, or under the step when the names
// take most of the width), or cut to one line each.
func (s *Screen) steps(wrap bool) []string {
	st := s.env.Styles
	w := s.width
	l := s.lang
	labels := [nSteps]string{l.T("first.step.targets"), l.T("first.step.import"), l.T("first.step.client"), l.T("first.step.start")}
	lw := 0
	for _, lb := range labels {
		lw = max(lw, common.Width(lb))
	}
	var out []string
	for i, lb := range labels {
		cursor, mark := "  ", "  "
		if i == s.cursor {
			cursor = "› "
		}
		if s.done[i] != "" {
			mark = st.Success.Render("✓") + " "
		}
		text := s.done[i]
		if text == "" && i < stepStart {
			text = l.T("first.hint." + []string{"targets", "import", "client"}[i])
		}
		var lines []string
		switch {
		case text == "":
			lines = []string{cursor + mark + lb}
		case !wrap:
			lines = []string{common.Truncate(cursor+mark+common.PadRight(lb, lw)+"  "+st.Muted.Render(text), w)}
		default:
			head := cursor + mark + common.PadRight(lb, lw) + "  "
			hw := common.Width(head)
			if hw > w/2 { // the hint under the step, indented
				lines = []string{strings.TrimRight(head, " ")}
				for _, p := range common.WrapText(text, max(w-6, 10)) {
					lines = append(lines, "      "+st.Muted.Render(p))
				}
				break
			}
			for j, p := range common.WrapText(text, max(w-hw, 10)) {
				lead := head
				if j > 0 {
					lead = strings.Repeat(" ", hw)
				}
				lines = append(lines, lead+st.Muted.Render(p))
			}
		}
		for _, line := range lines {
			line = common.Truncate(line, w)
			if i == s.cursor {
				line = st.Selected.Render(common.PadRight(line, w))
			}
			out = append(out, line)
		}
	}
	return out
}
