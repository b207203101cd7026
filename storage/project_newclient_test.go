package storage

import (
	"testing"

	"salesplan/model"
)

// A project for a client not yet on file: both are created in one step,
// one undo takes both back, and a project refused (a name taken) leaves
// no client behind.
func TestAddProjectWithClient(t *testing.T) {
	s := newStore(t)
	c, p, err := s.AddProjectWithClient(model.Client{Name: "中建三局", Tier: model.TierRegular},
		model.Project{Name: "朝阳医院 冷水机组", Value: model.Money(120000000)}, d("2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || p.ClientID != c.ID || p.Stage != model.StageLead || p.StageSince() != d("2026-11-27") {
		t.Fatalf("client %+v, project %+v", c, p)
	}
	u, err := s.UndoLast()
	if err != nil || u.Action != ActAddProjectNewClient || u.What != "中建三局" {
		t.Fatalf("undo = %+v, %v", u, err)
	}
	if _, err := s.FindClient("中建三局"); err == nil {
		t.Error("undo left the client")
	}
	if _, err := s.Project(p.ID); err == nil {
		t.Error("undo left the project")
	}
	// A project name taken refuses both.
	w, _ := s.AddClient(model.Client{Name: "王总"}, d("2026-11-27"))
	if _, err := s.AddProject(model.Project{Name: "望京", ClientID: w.ID}, d("2026-11-27")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddProjectWithClient(model.Client{Name: "老周"}, model.Project{Name: "望京"}, d("2026-11-27")); err == nil {
		t.Error("a second project 望京 was added")
	}
	if _, err := s.FindClient("老周"); err == nil {
		t.Error("a refused project left its new client")
	}
}
