package common

import (
	"slices"
	"sync"

	"salesplan/model"
	"salesplan/storage"
)

// Agendas computes today's agenda (Store.Today) at most once per database
// revision and day. After every write both the top line and the Day pane
// want it; with one Agendas in the Env they share one reading. The
// revision is read before the agenda, so a write landing in between
// leaves the cache holding data newer than its key, never older.
//
// Its methods run in commands, off the UI loop; it is safe for that. A nil
// *Agendas computes every time (a pane tested without the shell).
type Agendas struct {
	mu       sync.Mutex
	rev      uint64
	day      model.Date
	have     bool
	a        model.Agenda
	asked    int
	readings int
}

// Today returns the agenda of today, from the cache when nothing was
// written since it was read. The slices are the caller's own.
func (c *Agendas) Today(st *storage.Store, today model.Date) (model.Agenda, error) {
	if c == nil {
		return st.Today(today)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked++
	rev, err := st.Revision()
	if err != nil {
		return model.Agenda{}, err
	}
	if !c.have || c.rev != rev || c.day != today {
		a, err := st.Today(today)
		if err != nil {
			return model.Agenda{}, err
		}
		c.rev, c.day, c.a, c.have = rev, today, a, true
		c.readings++
	}
	a := c.a
	a.Tasks = slices.Clone(a.Tasks)
	a.Attention = slices.Clone(a.Attention)
	return a, nil
}

// Readings is how many times the agenda was asked for and how many times
// it was computed (tests).
func (c *Agendas) Readings() (asked, computed int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.asked, c.readings
}
