package tasks

import (
	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
	"salesplan/storage"
)

// A call row shows its client's phone where the width allows
// (DESIGN.md §5 v2), on the Day and the Week alike: Phones reads the
// numbers with the tasks, PhoneRoom says whether a row has room for one.

// PhoneMinTitle is the least a call row's title keeps beside the phone (a
// dozen cells still say what the call is about); below it the phone is
// left out rather than cut — a number cut short is dialled wrong.
const PhoneMinTitle = 12

// Phones reads the phone numbers of the clients of the undone call tasks
// among ts (in the load's command), made inert.
func Phones(st *storage.Store, ts []model.AgendaTask) (map[model.ID]string, error) {
	var callees []model.ID
	for _, t := range ts {
		if IsCall(t) {
			callees = append(callees, t.ClientID)
		}
	}
	if len(callees) == 0 {
		return nil, nil
	}
	phones, err := st.ClientPhones(callees)
	for id, p := range phones {
		phones[id] = model.InertLine(p)
	}
	return phones, err
}

// IsCall reports whether t's row shows a phone: an undone call with a client.
func IsCall(t model.AgendaTask) bool {
	return t.Kind == model.TaskCall && t.ClientID != 0 && !t.Done
}

// PhoneRoom says whether a phone fits in a row whose title has room cells
// and shows title (the text, or the client where it stands for it): the
// title still fits beside it, or keeps PhoneMinTitle cells.
func PhoneRoom(room int, title, phone string) bool {
	pw := ansi.StringWidth(phone)
	if pw == 0 {
		return false
	}
	return ansi.StringWidth(title)+2+pw <= room || room-pw-1 >= PhoneMinTitle
}
