package common

import (
	"slices"
	"sync"

	"salesplan/model"
	"salesplan/storage"
)

// Agendas computes today's agenda (Store.Today) at most once per change of
// the data. After every write both the top line and the Day pane want it;
// with one Agendas in the Env they share one reading. The shell calls
// Changed when the data changed (a DataChangedMsg: a write here, undo, or
// the command line noticed by the poll) before the panes reload, so the
// reading after a change is always fresh and no extra read is needed to
// know whether it is (a revision check would open the file again for
// every pane).
//
// Its Today runs in commands, off the UI loop; it is safe for that. A nil
// *Agendas computes every time (a pane tested without the shell).
type Agendas struct {
	mu        sync.Mutex
	gen       uint64 // bumped by Changed
	cachedGen uint64
	day       model.Date
	have      bool
	a         model.Agenda
	asked     int
	readings  int
}

// Changed says the data changed: the next Today reads it again.
func (c *Agendas) Changed() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.gen++
	c.mu.Unlock()
}

// Today returns the agenda of today, from the cache when nothing changed
// since it was read. The slices are the caller's own.
func (c *Agendas) Today(st *storage.Store, today model.Date) (model.Agenda, error) {
	if c == nil {
		return st.Today(today)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked++
	if !c.have || c.cachedGen != c.gen || c.day != today {
		gen := c.gen
		a, err := st.Today(today)
		if err != nil {
			return model.Agenda{}, err
		}
		c.cachedGen, c.day, c.a, c.have = gen, today, a, true
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
