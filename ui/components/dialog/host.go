package dialog

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/form"
	"salesplan/ui/i18n"
	"salesplan/ui/keys"
)

// MaxWidth is the widest a dialog gets: wider, its lines are too long to
// read.
const MaxWidth = 76

// Host holds the one dialog its owner (a pane, a screen, the shell) has
// open. The owner builds a dialog, opens it here with a kind of its own
// choosing (what the dialog is for), passes it every message while it is
// open and acts on the form.Result that Update answers; the host sizes it
// to the owner's area, draws it over the owner's view, and closes it when
// its save has landed.
//
// A host is also where its owner says that a save or a load is on its way
// (Start, Done, Saved): Busy is true until the answer arrives. The shell
// asks the screen in front whether it is busy and holds the keys typed in
// the meantime (Hold, Release) so that they apply, in order, once it is
// not.
type Host struct {
	lang   i18n.Lang
	d      form.Dialog
	kind   any
	width  int
	height int
	busy   bool
	stale  bool // a write landed; the owner's reload has not
	held   []tea.Msg
}

// New makes an empty host whose errors are worded in lang.
func New(lang i18n.Lang) Host { return Host{lang: lang, width: 80, height: 20} }

// SetSize sets the area the dialogs are drawn over and resizes the open one.
func (h *Host) SetSize(w, ht int) {
	h.width, h.height = max(w, 1), max(ht, 1)
	if h.d != nil {
		h.size(h.d)
	}
}

// Width is a dialog's whole width in the current area.
func (h *Host) Width() int { return min(h.width, MaxWidth) }

// heighter is a dialog that scrolls its text (a popup).
type heighter interface{ SetHeight(int) }

func (h *Host) size(d form.Dialog) {
	d.SetWidth(h.Width())
	if s, ok := d.(heighter); ok {
		s.SetHeight(max(h.height-4, 3)) // its frame, title and hints
	}
}

// Open shows d, sized to the area, for kind (the owner's name for what it
// is about). A dialog already open is dropped.
func (h *Host) Open(d form.Dialog, kind any) {
	h.size(d)
	h.d, h.kind = d, kind
}

// Close drops the open dialog.
func (h *Host) Close() { h.d, h.kind = nil, nil }

// IsOpen reports whether a dialog is open.
func (h *Host) IsOpen() bool { return h.d != nil }

// Is reports whether the open dialog is of that kind.
func (h *Host) Is(kind any) bool { return h.d != nil && h.kind == kind }

// Kind is what the open dialog is for (nil when none is open).
func (h *Host) Kind() any { return h.kind }

// Dialog is the open dialog, nil when none is.
func (h *Host) Dialog() form.Dialog { return h.d }

// Update passes msg to the open dialog and returns its answer. It does
// not close the dialog: on Cancelled the owner closes it (and undoes what
// a live filter did), on Submitted it saves and calls Saved.
func (h *Host) Update(msg tea.Msg) (form.Result, tea.Cmd) {
	if h.d == nil {
		return form.Open, nil
	}
	return h.d.Update(msg)
}

// Handle passes msg to the open dialog and acts on its answer: Cancelled
// closes it, Submitted calls submit (which saves — calling Start — or
// closes it). The answer is returned for owners with more to do (a live
// filter undone on cancel).
func (h *Host) Handle(msg tea.Msg, submit func() tea.Cmd) (form.Result, tea.Cmd) {
	res, cmd := h.Update(msg)
	switch res {
	case form.Cancelled:
		h.Close()
	case form.Submitted:
		cmd = tea.Batch(cmd, submit())
	}
	return res, cmd
}

// Filter passes msg to an open filter input (/): the list narrows as it is
// typed — set gets the text after every change — enter keeps the filter
// and esc clears it (set("")); either closes the input.
func (h *Host) Filter(msg tea.Msg, set func(string)) tea.Cmd {
	in, ok := h.d.(*form.Input)
	if !ok {
		return nil
	}
	res, cmd := h.Update(msg)
	switch res {
	case form.Cancelled:
		set("")
		h.Close()
	case form.Submitted:
		set(in.Value())
		h.Close()
	default:
		set(in.Value())
	}
	return cmd
}

// View draws the open dialog over body, the owner's view of the area.
func (h *Host) View(body string) string {
	if h.d == nil {
		return body
	}
	return Over(body, h.d.View(), h.width, h.height)
}

// Placer is a dialog that is not a form to save, for the help line: a
// popup scrolls and closes, a picker chooses.
type Placer interface{ HelpPlace() keys.Place }

// Place is where the user is while a dialog is open, for the owner's
// help: keys.PlaceForm (ctrl+s save, esc cancel) unless the dialog says
// otherwise — a read-only popup never offers to save.
func (h *Host) Place() keys.Place {
	if p, ok := h.d.(Placer); ok {
		return p.HelpPlace()
	}
	return keys.PlaceForm
}

// Dirty reports whether the open dialog holds typed text not saved.
func (h *Host) Dirty() bool {
	d, ok := h.d.(form.Dirtier)
	return ok && d.Dirty()
}

// Start says a write (or a load that what the keys mean depends on) is on
// its way; Busy is true until Done or Saved.
func (h *Host) Start() { h.busy = true }

// Done says the answer arrived.
func (h *Host) Done() { h.busy = false }

// Busy reports whether an answer is awaited: a write, or the owner's
// reload after a write landed (a key typed after a save acts on what the
// save changed: the task just added, the next one after a delete).
func (h *Host) Busy() bool { return h.busy || h.stale }

// Fresh says the owner's reload after a write has landed.
func (h *Host) Fresh() { h.stale = false }

// Saved takes the answer to a write (the open dialog's save, or a key's):
// nil closes the dialog and leaves the host busy until the owner's reload
// (Fresh); an error keeps the dialog open with everything typed and says
// what went wrong inside it — beside field when the error belongs to one
// (a form's client name), else under its fields — and in the footer.
func (h *Host) Saved(err error, field string) tea.Cmd {
	h.busy = false
	if err == nil {
		h.Close()
		h.stale = true
		return nil
	}
	text := h.lang.Err(err)
	if f, ok := h.d.(*form.Form); ok && field != "" {
		f.SetError(field, text)
		return nil
	}
	if f, ok := h.d.(form.Failer); ok {
		f.Fail(text)
	}
	return func() tea.Msg { return common.StatusMsg{Text: text, IsErr: true} }
}

// Rebase moves the open form onto its record as stored now, after a save
// was refused as changed elsewhere: fresh is the form the owner builds from
// the fresh record. What the person typed stays (and saving again applies
// it over the fresh record); untouched fields show the new values; a field
// changed both here and there says, beside it, what it is now.
func (h *Host) Rebase(fresh *form.Form) {
	f, ok := h.d.(*form.Form)
	if !ok || fresh == nil {
		return
	}
	f.Rebase(fresh, func(now string) string {
		return h.lang.T("form.changed_elsewhere", ansi.Truncate(model.InertLine(now), 40, "…"))
	})
}

// Hold keeps input (a key, a paste, a click) typed while something is
// busy, to be handed on later, in order.
func (h *Host) Hold(msg tea.Msg) { h.held = append(h.held, msg) }

// Holding reports whether input is waiting.
func (h *Host) Holding() bool { return len(h.held) > 0 }

// Release returns the oldest input held, if any.
func (h *Host) Release() (tea.Msg, bool) {
	if len(h.held) == 0 {
		return nil, false
	}
	msg := h.held[0]
	h.held = h.held[1:]
	return msg, true
}
