package clients

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/common"
	"salesplan/ui/form"
)

// NoteFlow is jotting a note from anywhere (n): a note box for the client
// in context, or a client picker first when there is none. Hosts (the
// shell, the Clients and Promises panes) pass it every message while it is
// open and drop it when Update reports done; a save answers with a footer
// status and a DataChangedMsg.
type NoteFlow struct {
	env    common.Env
	fst    form.Styles
	width  int
	picker *Picker
	note   *form.Note
	client model.ID
	name   string
	id     uint64
	busy   bool // the save is on its way: keys wait
}

var noteFlowSeq uint64

// Messages private to the flow, tagged with its id.
type (
	flowClientMsg struct {
		id     uint64
		client model.Client
		err    error
	}
	flowSavedMsg struct {
		id  uint64
		err error
	}
)

// NewNoteFlow starts jotting a note for client (0: pick one first).
func NewNoteFlow(env common.Env, fst form.Styles, client model.ID) (*NoteFlow, tea.Cmd) {
	noteFlowSeq++
	f := &NoteFlow{env: env, fst: fst, client: client, id: noteFlowSeq, width: 60}
	if client == 0 {
		p, cmd := NewPicker(env, fst, env.T("clients.note.pick"))
		f.picker = p
		return f, cmd
	}
	f.openNote("")
	st, id := env.Store, f.id
	return f, func() tea.Msg {
		if st == nil {
			return flowClientMsg{id: id, err: errNoStore}
		}
		c, err := st.Client(client)
		return flowClientMsg{id: id, client: c, err: err}
	}
}

var errNoStore = model.Errf("no_store", "no database is open")

func (f *NoteFlow) openNote(value string) {
	title := f.env.T("clients.note.title_plain")
	if f.name != "" {
		title = f.env.T("clients.note.title", model.InertLine(f.name))
	}
	f.note = form.NewNote(f.env.Lang, f.fst, title, f.env.T("clients.note.placeholder"), value, 6)
	f.note.Required = true
	f.note.SetWidth(f.width)
}

// Client returns the client the note is for (0 while picking).
func (f *NoteFlow) Client() model.ID { return f.client }

// SetWidth sets the dialog's width.
func (f *NoteFlow) SetWidth(w int) {
	f.width = w
	if f.picker != nil {
		f.picker.SetWidth(w)
	}
	if f.note != nil {
		f.note.SetWidth(w)
	}
}

// View draws the picker or the note box.
func (f *NoteFlow) View() string {
	if f.picker != nil {
		return f.picker.View()
	}
	if f.note != nil {
		return f.note.View()
	}
	return ""
}

// Update handles a message; done means the host can drop the flow.
func (f *NoteFlow) Update(msg tea.Msg) (done bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case flowClientMsg:
		if msg.id != f.id {
			return false, nil
		}
		if msg.err != nil {
			return true, common.StatusErr(f.env, fmt.Errorf("reading the client: %w", msg.err))
		}
		f.name = msg.client.Name
		value := ""
		if f.note != nil {
			value = f.note.Value()
		}
		f.openNote(value)
		return false, nil
	case flowSavedMsg:
		if msg.id != f.id {
			return false, nil
		}
		f.busy = false
		if msg.err != nil {
			return false, common.StatusErr(f.env, msg.err) // keep what was typed
		}
		return true, tea.Batch(common.Status(f.env.T("clients.status.noted", model.InertLine(f.name))),
			func() tea.Msg { return common.DataChangedMsg{} })
	}
	if _, ok := msg.(tea.KeyPressMsg); ok && f.busy {
		return false, nil
	}
	if f.picker != nil {
		picked, res, cmd := f.picker.Update(msg)
		switch res {
		case form.Cancelled:
			return true, cmd
		case form.Submitted:
			f.picker, f.client, f.name = nil, picked.ID, picked.Name
			f.openNote("")
		}
		return false, cmd
	}
	if f.note == nil {
		return true, nil
	}
	res, cmd := f.note.Update(msg)
	switch res {
	case form.Cancelled:
		return true, cmd
	case form.Submitted:
		f.busy = true
		return false, tea.Batch(cmd, f.save(f.note.Value()))
	}
	return false, cmd
}

func (f *NoteFlow) save(text string) tea.Cmd {
	st, id := f.env.Store, f.id
	e := model.JournalEntry{ClientID: f.client, Kind: model.EntryNote, At: f.env.Now(), Text: text}
	return func() tea.Msg {
		if st == nil {
			return flowSavedMsg{id: id, err: errNoStore}
		}
		_, err := st.AddEntry(e)
		return flowSavedMsg{id: id, err: err}
	}
}
