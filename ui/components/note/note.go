// Package note is jotting a note from anywhere (n, DESIGN.md §5): a note
// box for the client in context, or the client picker first when there is
// none. The shell shows it as a screen floating over the pane (or over the
// call sheet); while it is open it takes every key and paste.
package note

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/components/journal"
	"salesplan/ui/components/picker"
	"salesplan/ui/form"
)

// The flow's dialogs.
type kind int

const (
	kindPick kind = iota + 1
	kindNote
)

// Flow is the note flow. It is a common.Screen that floats.
type Flow struct {
	env    common.Env
	fst    form.Styles
	host   dialog.Host
	client model.ID
	name   string
	closed bool
}

// clientMsg answers the read of the client in context (for its name).
type clientMsg struct {
	owner  *Flow
	client model.Client
	err    error
}

// New starts jotting a note for client (0: pick one first).
func New(env common.Env, client model.ID) (*Flow, tea.Cmd) {
	f := &Flow{env: env, fst: styles(env), host: dialog.New(env.Lang), client: client}
	if client == 0 {
		p, cmd := picker.New(env, f.fst, env.T("clients.note.pick"))
		f.host.Open(p, kindPick)
		return f, cmd
	}
	f.openNote("")
	st := env.Store
	return f, func() tea.Msg {
		if st == nil {
			return clientMsg{owner: f, err: common.ErrNoStore}
		}
		c, err := st.Client(client)
		return clientMsg{owner: f, client: c, err: err}
	}
}

func styles(env common.Env) form.Styles {
	if env.Styles == nil {
		return form.DefaultStyles(true)
	}
	return form.ThemeStyles(*env.Styles)
}

func (f *Flow) openNote(value string) {
	title := f.env.T("clients.note.title_plain")
	if f.name != "" {
		title = f.env.T("clients.note.title", model.InertLine(f.name))
	}
	n := form.NewNote(f.env.Lang, f.fst, title, f.env.T("clients.note.placeholder"), value, 6)
	n.Required = true
	f.host.Open(n, kindNote)
}

// Client returns the client the note is for (0 while picking).
func (f *Flow) Client() model.ID { return f.client }

// SetSize sets the area the flow floats over.
func (f *Flow) SetSize(w, h int) { f.host.SetSize(w, h) }

// View draws the picker or the note box alone.
func (f *Flow) View() string {
	if d := f.host.Dialog(); d != nil {
		return d.View()
	}
	return ""
}

// Over draws the flow over body, the view of the area it floats over.
func (f *Flow) Over(body string) string { return f.host.View(body) }

// Closed reports whether the flow is over (saved, or given up).
func (f *Flow) Closed() bool { return f.closed }

// Capturing: the picker's input and the note box take every key.
func (f *Flow) Capturing() bool { return !f.closed }

// Busy is true while the note is being saved.
func (f *Flow) Busy() bool { return f.host.Busy() }

// Dirty is true while the box holds a note not saved.
func (f *Flow) Dirty() bool { return f.host.Dirty() }

// ContextClient is the client the note is for.
func (f *Flow) ContextClient() model.ID { return f.client }

// ShortHelp lists the box's keys (the picker's while it asks which client).
func (f *Flow) ShortHelp() []key.Binding { return f.env.Keys.ShortHelp(f.host.Place()) }

// FullHelp lists the box's keys (the picker's while it asks which client).
func (f *Flow) FullHelp() [][]key.Binding { return f.env.Keys.FullHelp(f.host.Place()) }

// Update handles the flow's answers and, while it is open, every key.
func (f *Flow) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case clientMsg:
		if msg.owner != f {
			return nil
		}
		if msg.err != nil {
			f.closed = true
			return common.StatusErr(f.env, fmt.Errorf("reading the client: %w", msg.err))
		}
		f.name = msg.client.Name
		value := ""
		if n, ok := f.host.Dialog().(*form.Note); ok {
			value = n.Value()
		}
		f.openNote(value)
		return nil
	case dialog.SavedMsg:
		cmd := f.host.Landed(msg)
		f.closed = msg.Err == nil
		return cmd
	}
	if f.closed {
		return nil
	}
	res, cmd := f.host.Handle(msg, f.submit)
	if res == form.Cancelled {
		f.closed = true
	}
	return cmd
}

// submit goes from the picker to the note box, or saves the note.
func (f *Flow) submit() tea.Cmd {
	switch d := f.host.Dialog().(type) {
	case *picker.Picker:
		c := d.Picked()
		f.client, f.name = c.ID, c.Name
		f.openNote("")
	case *form.Note:
		f.host.Start()
		return journal.Add(f.env.Lang, f.env.Store, f.client, 0, f.name, model.EntryNote, f.env.Now(), f.env.Today(), d.Value())
	}
	return nil
}
