package storage

// TEMPORARY: stand-ins for model functions being written right now
// (model/agenda.go, model/period.go, follow-up rules). This file is deleted
// as soon as model has them; storage code calls only these names.

import "salesplan/model"

func clientFollowUp(cs model.ClientState, st model.Settings, today model.Date) model.FollowUp {
	f := model.FollowUp{Due: clientDueDate(cs.Client, cs.LastContact, st), Scheduled: cs.Scheduled}
	if f.Due <= today && !cs.Scheduled {
		f.IsDue, f.DaysOverdue = true, today.Sub(f.Due)
	}
	return f
}

func projectFollowUp(ps model.ProjectState, st model.Settings, today model.Date) model.FollowUp {
	base := max(ps.LastContact, ps.Project.StageSince())
	cad := st.StageCadenceDays
	switch ps.Project.Stage {
	case model.StageLead:
		cad = st.LeadCadenceDays
	case model.StageDesign:
		cad = st.DesignCadenceDays
	}
	f := model.FollowUp{Due: base.AddDays(cad)}
	if ps.Project.Stage.Live() && f.Due <= today {
		f.IsDue, f.DaysOverdue = true, today.Sub(f.Due)
	}
	return f
}

func buildAgenda(in model.AgendaInput) model.Agenda {
	a := model.Agenda{Date: in.Today, Tasks: in.Tasks,
		Calls:      model.Quota{Done: in.CallsToday, Target: in.Settings.CallsTarget(in.Today)},
		VisitsWeek: model.Quota{Done: in.VisitsWeek, Target: in.Settings.VisitsPerWeek}}
	for _, c := range in.Clients {
		f := clientFollowUp(c, in.Settings, in.Today)
		if f.IsDue && c.Client.Tier == model.TierRegular {
			a.RegularDue++
		} else if f.IsDue {
			a.Attention = append(a.Attention, model.AttentionItem{Type: model.AttClientFollowUp, ClientID: c.Client.ID, Client: c.Client.Name, Due: f.Due, DaysOverdue: f.DaysOverdue})
		}
	}
	return a
}

func buildWeek(in model.PeriodInput) model.WeekSummary {
	return model.WeekSummary{Start: in.From, End: in.To, StageMoves: in.StageMoves, Signed: model.MoneyQuota{Value: in.Signed}}
}

func buildMonth(m model.Month, in model.PeriodInput) model.MonthSummary {
	return model.MonthSummary{Month: m, Signed: model.MoneyQuota{Value: in.Signed}}
}
