package clients

import (
	"strings"
	"testing"
	"time"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/i18n"
	"salesplan/ui/uitest"
)

// A visit booked further than 7 days out does not hide a due key client
// (DESIGN.md §2 v2): the list says "booked DATE" on its row, still in the
// colour of due, and the detail says both how overdue it is and the
// booking; a booking within the week makes it scheduled.
func TestBookedFarAhead(t *testing.T) {
	for _, tt := range []struct {
		l              i18n.Lang
		w              int
		row, detail    string
		scheduledWords string
	}{
		{i18n.EN, 80, "booked 20 Dec", "2 days overdue · booked 20 Dec", "scheduled"},
		{i18n.EN, 120, "booked 20 Dec", "2 days overdue · booked 20 Dec", "scheduled"},
		{i18n.EN, 160, "2 days overdue · booked 20 Dec", "2 days overdue · booked 20 Dec", "scheduled"},
		{i18n.ZH, 80, "已约 12月20日", "逾期2天 · 已约 12月20日", "已安排"},
	} {
		m, st, ids := open(t, tt.l, tt.w, 30)
		if _, err := st.AddTask(model.Task{Title: "看现场", Kind: model.TaskVisit, ClientID: ids.Li, Date: uitest.D(time.December, 20)}); err != nil {
			t.Fatal(err)
		}
		uitest.Send(m, common.DataChangedMsg{})
		var row string
		for _, line := range strings.Split(plain(m), "\n") {
			if strings.Contains(line, "李经理") {
				row = line
			}
		}
		if !strings.Contains(row, tt.row) {
			t.Errorf("%s %d: 李经理's row lacks %q: %q", tt.l, tt.w, tt.row, row)
		}
		for i, r := range m.rows {
			if r.Name == "李经理" && !m.rows[i].FollowUp.IsDue {
				t.Errorf("%s %d: a booking 23 days out made 李经理 not due", tt.l, tt.w)
			}
		}
		uitest.Run(m, m.openDetail(ids.Li))
		if s := plain(m); !strings.Contains(s, tt.detail) {
			t.Errorf("%s %d: the detail lacks %q:\n%s", tt.l, tt.w, tt.detail, s)
		}
		// Booked within the week: scheduled, not due.
		if _, err := st.AddTask(model.Task{Title: "call", Kind: model.TaskCall, ClientID: ids.Li, Date: uitest.D(time.December, 1)}); err != nil {
			t.Fatal(err)
		}
		uitest.Send(m, common.DataChangedMsg{})
		if s := plain(m); strings.Contains(s, tt.row) || !strings.Contains(s, tt.scheduledWords) {
			t.Errorf("%s %d: booked within the week still shows %q, or not %q:\n%s", tt.l, tt.w, tt.row, tt.scheduledWords, s)
		}
	}
}
