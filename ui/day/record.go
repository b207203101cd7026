package day

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/tasks"
	"salesplan/ui/report"
)

// The day's record (日报, DESIGN.md §2 v2): r shows the record of the day
// shown in place of its tasks — calls and visits with their text, notes,
// promises made, kept and cancelled, tasks done, the important ones left,
// and the next working day's plan — the same text `salesplan report day`
// writes (ui/report). h/l and t move the day under it, g goes to a date,
// j/k and the page keys scroll, r or esc close it.

// recordMsg is the answer to loadRecord.
type recordMsg struct {
	seq uint64
	r   model.DayRecord
	err error
}

// loadRecord reads the record of day, as of today.
func loadRecord(st *storage.Store, seq uint64, day, today model.Date) tea.Cmd {
	return func() tea.Msg {
		r, err := st.DayRecord(day)
		if err != nil {
			err = fmt.Errorf("reading the record of %s: %w", day, err)
		}
		r.AsOf = today
		return recordMsg{seq: seq, r: r, err: err}
	}
}

// reloadRecord asks for the record of the day shown when it is open.
func (m *Model) reloadRecord() tea.Cmd {
	if !m.record.IsOpen() || m.env.Store == nil {
		return nil
	}
	return loadRecord(m.env.Store, m.recordLoads.Next(), m.date, m.env.Today())
}

func (m *Model) applyRecord(msg recordMsg) tea.Cmd {
	if !m.recordLoads.Answer(msg.seq) {
		return nil
	}
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	r, lang, st := msg.r, m.lang, m.env.Styles
	m.record.Set(func(w int) []string { return report.DayLines(r, lang, st, w) })
	return nil
}

// openRecord shows the record of the day shown.
func (m *Model) openRecord() tea.Cmd {
	m.record.Open()
	m.record.Reset()
	return m.reloadRecord()
}

// recordKey handles a key while the record is shown.
func (m *Model) recordKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case m.record.Key(msg):
	case key.Matches(msg, km.Prev):
		return m.setDate(m.date.AddDays(-1))
	case key.Matches(msg, km.Next):
		return m.setDate(m.date.AddDays(1))
	case key.Matches(msg, km.Today):
		return m.setDate(m.env.Today())
	case key.Matches(msg, km.GoTo):
		ev, cmd := m.tc.Key(msg, tasks.At{Shown: m.date})
		return m.after(ev, cmd)
	}
	return nil
}
