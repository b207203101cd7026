// Package demo writes the demo data sets: Write, a believable month of a
// field rep's work in Beijing for showing the planner, and WriteScaled, ten
// years of heavy use for benchmarks. Both build one exchange document
// (DESIGN.md §3) and hand it to storage.ImportDocument, so the demo goes
// through the same validation and the same single transaction as a user's
// import.
package demo

import (
	"errors"
	"fmt"

	"salesplan/model"
	"salesplan/storage"
)

// dataset is the demo's records as model values, before they become the
// exchange document. Ids are assigned by the add* helpers, from 1 per kind.
type dataset struct {
	settings model.Settings
	clients  []model.Client
	tasks    []model.Task
	journal  []model.JournalEntry
	promises []model.Promise
	projects []model.Project
}

func (d *dataset) addClient(c model.Client) model.ID {
	c.ID = model.ID(len(d.clients) + 1)
	if c.Tier == "" {
		c.Tier = model.TierRegular
	}
	d.clients = append(d.clients, c)
	return c.ID
}

func (d *dataset) addTask(t model.Task) model.ID {
	t.ID = model.ID(len(d.tasks) + 1)
	// The slot follows the time (DESIGN.md §2); an import that re-derives
	// it must find the same value, or export → import → export would differ.
	if t.Time.Valid() {
		t.Slot = model.SlotOf(t.Time)
	} else if t.Slot == "" {
		t.Slot = model.SlotAny
	}
	if t.Kind == "" {
		t.Kind = model.TaskTodo
	}
	if t.Done && !t.DoneOn.Valid() {
		t.DoneOn = t.Date
	}
	d.tasks = append(d.tasks, t)
	return t.ID
}

func (d *dataset) addEntry(e model.JournalEntry) model.ID {
	e.ID = model.ID(len(d.journal) + 1)
	d.journal = append(d.journal, e)
	return e.ID
}

func (d *dataset) addPromise(p model.Promise) model.ID {
	p.ID = model.ID(len(d.promises) + 1)
	if p.Status == "" {
		p.Status = model.PromiseOpen
	}
	d.promises = append(d.promises, p)
	return p.ID
}

func (d *dataset) addProject(p model.Project) model.ID {
	p.ID = model.ID(len(d.projects) + 1)
	if n := len(p.StageHistory); n > 0 {
		p.Stage = p.StageHistory[n-1].Stage
	}
	d.projects = append(d.projects, p)
	return p.ID
}

// document returns the dataset as the exchange document.
func (d *dataset) document() *storage.Document {
	doc := storage.NewDocument()
	doc.Settings = d.settings
	doc.Clients, doc.Tasks, doc.Journal, doc.Promises, doc.Projects = d.clients, d.tasks, d.journal, d.promises, d.projects
	return doc
}

// write imports the dataset into an empty store in one transaction.
func (d *dataset) write(store *storage.Store) error {
	empty, err := store.IsEmpty()
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if !empty {
		return fmt.Errorf("demo: refusing to write into %s: %w", store.Path(), storage.ErrNotEmpty)
	}
	if err := store.ImportDocument(d.document(), false); err != nil {
		if errors.Is(err, storage.ErrNotEmpty) {
			return fmt.Errorf("demo: refusing to write into %s: %w", store.Path(), err)
		}
		return fmt.Errorf("demo: import the demo data: %w", err)
	}
	return nil
}
