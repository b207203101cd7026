package demo

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"salesplan/model"
	"salesplan/storage"
)

func date(t *testing.T, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func openStore(t *testing.T) *storage.Store {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "salesplan.db"), storage.Options{})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return st
}

// agendaInput gathers what the Day pane would get for the dataset, straight
// from the records and the rules of DESIGN.md §2, so the demo's story can
// be checked against model.BuildAgenda without a store.
func agendaInput(d *dataset, today model.Date) model.AgendaInput {
	in := model.AgendaInput{Today: today, Settings: d.settings,
		ClientNames: map[model.ID]string{}, ProjectNames: map[model.ID]string{}}
	for _, c := range d.clients {
		in.ClientNames[c.ID] = c.Name
	}
	for _, p := range d.projects {
		in.ProjectNames[p.ID] = p.Name
	}
	booked := map[model.ID]model.Date{}
	for _, t := range d.tasks {
		if t.Date == today || t.CarriedOver(today) {
			in.Tasks = append(in.Tasks, model.AgendaTask{Task: t})
		}
		if !t.Done && t.Kind.IsContact() && t.ClientID != 0 && t.Date >= today {
			if b := booked[t.ClientID]; !b.Valid() || t.Date < b {
				booked[t.ClientID] = t.Date
			}
		}
	}
	lastClient, lastProject := map[model.ID]model.Date{}, map[model.ID]model.Date{}
	for _, e := range d.journal {
		on := e.On()
		if !e.Kind.IsContact() || on > today {
			continue
		}
		lastClient[e.ClientID] = max(lastClient[e.ClientID], on)
		if e.ProjectID != 0 {
			lastProject[e.ProjectID] = max(lastProject[e.ProjectID], on)
		}
		if on == today && e.Kind == model.EntryCall {
			in.CallsToday++
		}
	}
	for _, c := range d.clients {
		if !c.Archived {
			in.Clients = append(in.Clients, model.ClientState{Client: c, LastContact: lastClient[c.ID], NextBooked: booked[c.ID]})
		}
	}
	for _, p := range d.projects {
		if p.Stage.Live() {
			in.Projects = append(in.Projects, model.ProjectState{Project: p, LastContact: lastProject[p.ID]})
		}
	}
	for _, p := range d.promises {
		if p.Status == model.PromiseOpen && p.Due <= today.AddDays(2) {
			in.Promises = append(in.Promises, p)
		}
	}
	return in
}

// story is what a user of the demo must see on the Day pane.
type story struct {
	carried, carriedImportant, today int
	attention                        map[model.AttentionType]int
	stages                           map[model.Stage]int
	calls                            int
}

func tell(a model.Agenda, projects []model.Project) story {
	s := story{attention: map[model.AttentionType]int{}, stages: map[model.Stage]int{}, calls: a.Calls.Done}
	for _, t := range a.Tasks {
		switch {
		case t.CarriedOver && t.Important:
			s.carriedImportant++
			s.carried++
		case t.CarriedOver:
			s.carried++
		default:
			s.today++
		}
	}
	for _, it := range a.Attention {
		s.attention[it.Type]++
	}
	for _, p := range projects {
		s.stages[p.Stage]++
	}
	return s
}

// checkStory asserts the demo shows everything it is meant to show.
func checkStory(t *testing.T, s story) {
	t.Helper()
	if s.carried < 3 || s.carriedImportant < 1 || s.carried == s.carriedImportant {
		t.Errorf("carried over: %d (%d important), want important and not", s.carried, s.carriedImportant)
	}
	if s.today < 10 {
		t.Errorf("today has %d tasks, want a full day (call block, 6 calls, 3 visits, an evening todo)", s.today)
	}
	want := map[model.AttentionType]int{
		model.AttPromiseOverdue: 2, model.AttPromiseDue: 3, model.AttClientFollowUp: 3,
		model.AttProjectFollowUp: 3, model.AttBidPrep: 1, model.AttBidResult: 1,
	}
	for typ, n := range want {
		if s.attention[typ] != n {
			t.Errorf("attention %s: %d items, want %d (all: %v)", typ, s.attention[typ], n, s.attention)
		}
	}
	for _, st := range model.Stages {
		if s.stages[st] == 0 {
			t.Errorf("no project in stage %s (%v)", st, s.stages)
		}
	}
	if s.calls != 3 {
		t.Errorf("calls today %d, want the 3 made this morning", s.calls)
	}
}

// The demo is relative to today: whatever day it is opened on, the same
// story shows, across weekends and month and year boundaries.
var demoDays = []string{"2026-11-27", "2026-11-28", "2026-11-30", "2027-01-01", "2028-02-29", "2026-12-31"}

func TestMonthStoryByTheRules(t *testing.T) {
	for _, day := range demoDays {
		t.Run(day, func(t *testing.T) {
			today := date(t, day)
			d := month(today)
			checkStory(t, tell(model.BuildAgenda(agendaInput(d, today)), d.projects))
			if err := d.document().Validate(); err != nil {
				t.Fatalf("the import would refuse the demo: %v", err)
			}
		})
	}
}

func TestMonthIsBelievable(t *testing.T) {
	today := date(t, "2026-11-27") // a Friday
	d := month(today)
	calls := map[model.Date]int{}
	var visitsLastWeek int
	for _, e := range d.journal {
		if e.Kind == model.EntryCall {
			calls[e.On()]++
		}
		if e.Kind == model.EntryVisit && e.On() >= today.WeekStart().AddDays(-7) && e.On() < today.WeekStart() {
			visitsLastWeek++
		}
	}
	for day := today.AddDays(-28); day < today; day++ {
		n := calls[day]
		if workday(day) && (n < 15 || n > 32) {
			t.Errorf("%s: %d calls, want 15–30 on a working day", day, n)
		}
	}
	if visitsLastWeek < 8 || visitsLastWeek > 25 {
		t.Errorf("%d visits last week, want a believable 8–25", visitsLastWeek)
	}
	var zh, en bool
	for _, c := range d.clients {
		if latin(c.Name) {
			en = true
		} else {
			zh = true
		}
	}
	if !zh || !en {
		t.Error("want both Chinese and English client names")
	}
	if d.settings.AnnualTargets[2026] != model.MoneyFromMain(1_200_000) || len(d.settings.MonthTargets) < 2 {
		t.Errorf("targets: %v, %v", d.settings.AnnualTargets, d.settings.MonthTargets)
	}
}

func TestWriteShowsTheStory(t *testing.T) {
	for _, day := range demoDays {
		t.Run(day, func(t *testing.T) {
			today := date(t, day)
			st := openStore(t)
			if err := Write(st, today); err != nil {
				t.Fatalf("Write: %v", err)
			}
			a, err := st.Today(today)
			if err != nil {
				t.Fatalf("Today: %v", err)
			}
			rows, err := st.Projects(today, true)
			if err != nil {
				t.Fatalf("Projects: %v", err)
			}
			var projects []model.Project
			for _, r := range rows {
				projects = append(projects, r.Project)
			}
			checkStory(t, tell(a, projects))
			if problems, err := st.Check(); err != nil || len(problems) > 0 {
				t.Errorf("check after the demo: %v %v", problems, err)
			}
		})
	}
}

// The demo is an ordinary database: what it exports imports again as it was.
func TestWriteRoundTrips(t *testing.T) {
	today := date(t, "2026-11-27")
	first := openStore(t)
	if err := Write(first, today); err != nil {
		t.Fatalf("Write: %v", err)
	}
	var a, b bytes.Buffer
	if err := first.ExportJSON(&a); err != nil {
		t.Fatalf("export: %v", err)
	}
	second := openStore(t)
	if err := second.ImportJSON(bytes.NewReader(a.Bytes()), false); err != nil {
		t.Fatalf("import the export: %v", err)
	}
	if err := second.ExportJSON(&b); err != nil {
		t.Fatalf("export again: %v", err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("export → import → export differs (%d vs %d bytes)", a.Len(), b.Len())
	}
	var doc struct {
		Clients, Tasks, Journal, Promises, Projects []json.RawMessage
	}
	if err := json.Unmarshal(a.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	d := month(today)
	if len(doc.Clients) != len(d.clients) || len(doc.Tasks) != len(d.tasks) || len(doc.Journal) != len(d.journal) ||
		len(doc.Promises) != len(d.promises) || len(doc.Projects) != len(d.projects) {
		t.Errorf("the export holds %d clients, %d tasks, %d entries, %d promises, %d projects; the demo wrote %d, %d, %d, %d, %d",
			len(doc.Clients), len(doc.Tasks), len(doc.Journal), len(doc.Promises), len(doc.Projects),
			len(d.clients), len(d.tasks), len(d.journal), len(d.promises), len(d.projects))
	}
}

func TestWriteRefusesNonEmpty(t *testing.T) {
	today := date(t, "2026-11-27")
	st := openStore(t)
	if _, err := st.AddClient(model.Client{Name: "王总"}, today); err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func() error{
		"month":  func() error { return Write(st, today) },
		"scaled": func() error { return WriteScaled(st, today, 1) },
	} {
		if err := write(); !errors.Is(err, storage.ErrNotEmpty) {
			t.Errorf("%s into a non-empty store: %v, want ErrNotEmpty", name, err)
		}
	}
	rows, err := st.Clients(today, true)
	if err != nil || len(rows) != 1 {
		t.Errorf("the store changed: %d clients, %v", len(rows), err)
	}
}

func TestDemoSellsInYuan(t *testing.T) {
	if got := month(model.MakeDate(2026, 11, 27)).settings.Currency; got != "¥" {
		t.Errorf("demo currency = %q, want ¥ (a Beijing rep)", got)
	}
}
