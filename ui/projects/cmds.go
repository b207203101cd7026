package projects

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/common"
	"salesplan/ui/components/dialog"
	"salesplan/ui/i18n"
)

// Every read and write runs in a tea.Cmd and comes back as one of these
// messages; Update alone changes the pane. Loads carry a request id so an
// answer that arrives after a newer request was made is dropped.

type loadedMsg struct {
	seq  uint64
	rows []storage.ProjectRow
	// ended: the live pipeline is empty but closed or lost projects exist
	// (f shows them); asked only when no live project came back.
	ended bool
	err   error
}

type detailMsg struct {
	seq    uint64
	id     model.ID
	detail storage.ProjectDetail
	err    error
}

// namesMsg carries the client names the project form completes.
type namesMsg struct{ names []string }

func loadRows(st *storage.Store, seq uint64, today model.Date, all bool) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return loadedMsg{seq: seq, err: common.ErrNoStore}
		}
		rows, err := st.Projects(today, all)
		if err != nil {
			return loadedMsg{seq: seq, err: fmt.Errorf("reading the projects: %w", err)}
		}
		msg := loadedMsg{seq: seq, rows: rows}
		if len(rows) == 0 && !all {
			// Nothing live: say whether f has something to show.
			every, err := st.Projects(today, true)
			if err != nil {
				return loadedMsg{seq: seq, err: fmt.Errorf("reading the projects: %w", err)}
			}
			msg.ended = len(every) > 0
		}
		return msg
	}
}

// detailJournal is how many journal entries the detail reads: enough for
// a project's history on screen, bounded so a long one stays quick.
const detailJournal = 200

func loadDetail(st *storage.Store, seq uint64, id model.ID, today model.Date) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return detailMsg{seq: seq, id: id, err: common.ErrNoStore}
		}
		d, err := st.ProjectDetail(id, today, detailJournal)
		if err != nil {
			err = fmt.Errorf("reading project %d: %w", id, err)
		}
		return detailMsg{seq: seq, id: id, detail: d, err: err}
	}
}

// projectInput is what the add and edit forms hand to saveProject; the
// client is a name, resolved in the command (exact, then unique prefix)
// when it was changed.
type projectInput struct {
	p             model.Project
	seen          model.Project // an edit: the project the form was opened on
	seenClient    string        // its client's name as the form showed it
	clientName    string
	clientChanged bool
	add           bool
	today         model.Date
}

// saveProject adds a project, or saves an edit's changed fields onto the
// project as stored (EditProject); a save refused as changed elsewhere
// comes back with the project as stored now (Fresh, a storage.ProjectRow
// with its client's name).
func saveProject(st *storage.Store, in projectInput, status func(model.Project) string) tea.Cmd {
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		p := in.p
		if in.clientChanged {
			c, err := st.FindClient(in.clientName)
			if err != nil {
				msg := dialog.SavedMsg{Err: err, Field: "client"}
				if pr := model.ProblemOf(err); in.add && pr != nil && pr.Code == "unknown_client" && strings.TrimSpace(in.clientName) != "" {
					// Not on file yet: the pane offers to add it with the project.
					msg.Tag = newClientAsk{name: strings.TrimSpace(in.clientName), p: p}
				}
				return msg
			}
			p.ClientID = c.ID
		}
		var err error
		if in.add {
			p, err = st.AddProject(p, in.today)
		} else {
			p, err = st.EditProject(in.seen, p)
		}
		if err != nil {
			msg := dialog.Refused(err)
			if fresh, ok := msg.Fresh.(model.Project); ok {
				// Changed elsewhere: the form shows the project as stored
				// now, its client by name.
				row := storage.ProjectRow{Project: fresh, Client: in.seenClient}
				if fresh.ClientID != in.seen.ClientID {
					if c, cerr := st.Client(fresh.ClientID); cerr == nil {
						row.Client = c.Name
					}
				}
				msg.Fresh = row
			}
			var pr *model.Problem
			if errors.As(err, &pr) && (pr.Code == "duplicate_project" || pr.Code == "empty_name") {
				msg.Field = "name"
			}
			return msg
		}
		return dialog.SavedMsg{Status: status(p), ID: p.ID}
	})
}

// newClientAsk tags an add refused because its client is not on file: the
// pane asks whether to add the client with the project (DESIGN.md §5 v2
// asks the same of quick-add).
type newClientAsk struct {
	name string
	p    model.Project
}

// addWithClient adds the client the add form named and the project, in one
// write (u undoes both).
func addWithClient(lang i18n.Lang, st *storage.Store, name string, p model.Project, today model.Date) tea.Cmd {
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		c, saved, err := st.AddProjectWithClient(model.Client{Name: name, Tier: model.TierRegular}, p, today)
		if err != nil {
			msg := dialog.Refused(err)
			if pr := model.ProblemOf(err); pr != nil && (pr.Code == "duplicate_project" || pr.Code == "empty_name") {
				msg.Field = "name"
			}
			return msg
		}
		return dialog.SavedMsg{Status: lang.T("projects.status.added_client", model.InertLine(c.Name), model.InertLine(saved.Name)), ID: saved.ID}
	})
}

// setStage moves a project, adding the checklist tasks kept and, for lost,
// the reason; one transaction in the store.
func setStage(st *storage.Store, id model.ID, to model.Stage, on model.Date, tasks []model.Task, reason, status string) tea.Cmd {
	return dialog.Write(st, func(st *storage.Store) dialog.SavedMsg {
		p, err := st.SetStage(id, to, on, tasks, reason)
		if err != nil {
			return dialog.SavedMsg{Err: err}
		}
		return dialog.SavedMsg{Status: status, ID: p.ID}
	})
}
