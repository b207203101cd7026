package month

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/report"
)

// The month's review (DESIGN.md §1, §2 v2): r shows the review of the
// month shown in place of the calendar — the month's numbers against its
// targets and its quarter to date, promises kept, late, overdue and every
// cancellation with its reason, stage moves, what was signed, the funnel
// and win rate — the same text `salesplan report month` writes
// (ui/report). h/l and t move the month under it, j/k and the page keys
// scroll, r or esc close it.

// reportMsg is the answer to loadReport.
type reportMsg struct {
	seq uint64
	r   storage.MonthReview
	err error
}

func loadReport(st *storage.Store, seq uint64, mo model.Month, today model.Date) tea.Cmd {
	return func() tea.Msg {
		r, err := st.MonthReview(mo, today)
		if err != nil {
			err = fmt.Errorf("reading the review of %s: %w", mo, err)
		}
		return reportMsg{seq: seq, r: r, err: err}
	}
}

// reloadReport asks for the review of the month shown when it is open.
func (m *Model) reloadReport() tea.Cmd {
	if !m.report.IsOpen() || m.env.Store == nil {
		return nil
	}
	return loadReport(m.env.Store, m.reportLoads.Next(), m.shown(), m.env.Today())
}

func (m *Model) applyReport(msg reportMsg) tea.Cmd {
	if !m.reportLoads.Answer(msg.seq) {
		return nil
	}
	if msg.err != nil {
		return common.StatusErr(m.env, msg.err)
	}
	r, lang, st := msg.r, m.lang, m.env.Styles
	cur := model.InertLine(r.Settings.Currency) // the settings read with it
	m.report.Set(func(w int) []string { return report.MonthLines(r, lang, cur, st, w) })
	return nil
}

// reportKey handles a key while the review is shown.
func (m *Model) reportKey(msg tea.KeyPressMsg) tea.Cmd {
	km := m.km
	switch {
	case m.report.Key(msg):
	case key.Matches(msg, km.Prev):
		return m.selectDay(m.sel.AddMonths(-1))
	case key.Matches(msg, km.Next):
		return m.selectDay(m.sel.AddMonths(1))
	case key.Matches(msg, km.Today):
		return m.selectDay(m.env.Today())
	}
	return nil
}
