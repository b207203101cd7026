package month

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"salesplan/model"
	"salesplan/ui/i18n"
	"salesplan/ui/report"
	"salesplan/ui/uitest"
)

// The month's review on r, at two sizes in both languages, read by eye in
// testdata (regenerate: go test ./ui/month -run TestReportGolden -update).
func TestReportGolden(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 80, 24}, {i18n.EN, 120, 40}, {i18n.ZH, 80, 24}, {i18n.ZH, 120, 40}} {
		t.Run(fmt.Sprintf("%s_%dx%d", tt.lang, tt.w, tt.h), func(t *testing.T) {
			m, _ := open(t, tt.lang, tt.w, tt.h)
			uitest.Press(m, "r")
			if !m.report.IsOpen() || !m.report.Loaded() {
				t.Fatal("r did not open the month's review")
			}
			uitest.CheckSize(t, m.View(), tt.w, tt.h)
			golden.RequireEqual(t, screen(m))
		})
	}
}

// r shows the review of the month shown — the lines `report month` is made
// of — scrolls, follows h/l and t, and r or esc close it; the calendar
// keys do nothing under it.
func TestReportKeys(t *testing.T) {
	m, st := open(t, i18n.EN, 80, 24)
	uitest.Press(m, "r")
	r, err := st.MonthReview(model.MonthOf(uitest.Today), uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	want := report.MonthLines(r, i18n.EN, model.InertLine(r.Settings.Currency), m.env.Styles, 80)
	if got := m.report.Lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the pane's review differs from report.MonthLines:\n%s\n---\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	uitest.Contains(t, screen(m), "Monthly review · November 2026", "Q4 to date")
	uitest.Press(m, "j", "pgdown")
	if m.report.Offset() == 0 {
		t.Error("j and pgdown did not scroll")
	}
	uitest.Press(m, "enter") // the calendar's: nothing under the review
	if !m.report.IsOpen() {
		t.Fatal("enter closed the review")
	}
	uitest.Press(m, "l")
	if m.shown() != (model.Month{Year: 2026, Month: 12}) || !m.report.Loaded() || m.report.Offset() != 0 {
		t.Fatalf("l: month %v loaded %v offset %d", m.shown(), m.report.Loaded(), m.report.Offset())
	}
	uitest.Contains(t, screen(m), "Monthly review · December 2026")
	uitest.Press(m, "t", "esc")
	if m.report.IsOpen() || m.shown() != model.MonthOf(uitest.Today) {
		t.Fatalf("t esc: open %v month %v", m.report.IsOpen(), m.shown())
	}
	uitest.Contains(t, screen(m), "November 2026 · this month")
	uitest.Press(m, "r", "r")
	if m.report.IsOpen() {
		t.Error("r did not close the review")
	}
}
