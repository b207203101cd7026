package dialog

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
)

type kind int

const (
	kindNote kind = iota + 1
	kindForm
)

var st = form.DefaultStyles(true)

func typed(h *Host, s string) {
	for _, r := range s {
		h.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// A refused save keeps the dialog open with what was typed and says why
// inside it, and in the footer; a save that lands closes it.
func TestSavedKeepsTheTextOnError(t *testing.T) {
	h := New(i18n.EN)
	h.SetSize(80, 20)
	h.Open(form.NewNote(i18n.EN, st, "Note", "", "", 3), kindNote)
	typed(&h, "王总 wants the quote")
	h.Start()
	if !h.Busy() || !h.Dirty() {
		t.Fatalf("busy %v dirty %v", h.Busy(), h.Dirty())
	}
	cmd := h.Saved(model.Errf("changed_elsewhere", "changed elsewhere since you opened it"), "")
	if h.Busy() || !h.Is(kindNote) {
		t.Fatalf("after a refused save: busy %v, open %v", h.Busy(), h.Is(kindNote))
	}
	v := ansi.Strip(h.View(strings.Repeat("body\n", 19) + "body"))
	if !strings.Contains(v, "王总 wants the quote") || !strings.Contains(v, "changed elsewhere") {
		t.Errorf("the dialog lost the text or the reason:\n%s", v)
	}
	if s, ok := cmd().(common.StatusMsg); !ok || !s.IsErr {
		t.Errorf("footer %#v", cmd())
	}
	typed(&h, "!")
	if v := ansi.Strip(h.View("")); strings.Contains(v, "changed elsewhere") {
		t.Errorf("the reason stayed after an edit:\n%s", v)
	}
	h.Start()
	if cmd := h.Saved(nil, ""); cmd != nil || h.IsOpen() || !h.Busy() {
		t.Errorf("a landed save left the dialog open (%v), or not busy until the reload (%v)", h.IsOpen(), h.Busy())
	}
	h.Fresh()
	if h.Busy() {
		t.Error("busy after the reload")
	}
}

func TestSavedBesideAField(t *testing.T) {
	h := New(i18n.EN)
	h.Open(form.NewForm(i18n.EN, st, "Task", form.Field{Key: "title", Label: "Title", Value: "x"},
		form.Field{Key: "client", Label: "Client"}), kindForm)
	h.Start()
	if cmd := h.Saved(errors.New("no client Nobody"), "client"); cmd != nil {
		t.Errorf("an error beside a field also went to the footer")
	}
	if v := ansi.Strip(h.View("")); !strings.Contains(v, "no client Nobody") {
		t.Errorf("no error beside the field:\n%s", v)
	}
}

// A popup is sized to the area: as wide as a dialog gets, as high as the
// area allows.
func TestOpenSizes(t *testing.T) {
	h := New(i18n.EN)
	h.SetSize(120, 12)
	lines := make([]string, 40)
	for i := range lines {
		lines[i] = "line"
	}
	h.Open(form.NewPopup(i18n.EN, st, "Brief", lines, 100), kindNote)
	v := h.Dialog().View()
	if w := ansi.StringWidth(strings.Split(v, "\n")[0]); w != MaxWidth {
		t.Errorf("width %d, want %d", w, MaxWidth)
	}
	if n := len(strings.Split(v, "\n")); n > 12 {
		t.Errorf("a popup of %d lines in an area of 12", n)
	}
	h.SetSize(40, 30)
	if w := ansi.StringWidth(strings.Split(h.Dialog().View(), "\n")[0]); w != 40 {
		t.Errorf("after a resize: width %d, want 40", w)
	}
}

func TestHoldReleasesInOrder(t *testing.T) {
	h := New(i18n.EN)
	for _, r := range "atodo" {
		h.Hold(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	var got string
	for msg, ok := h.Release(); ok; msg, ok = h.Release() {
		got += msg.(tea.KeyPressMsg).Text
	}
	if got != "atodo" || h.Holding() {
		t.Errorf("released %q, still holding %v", got, h.Holding())
	}
}
