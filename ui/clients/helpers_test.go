package clients

import (
	tea "charm.land/bubbletea/v2"

	"salesplan/model"
	"salesplan/ui/common"
)

func commonOpen(id model.ID) tea.Msg { return common.OpenClientMsg{ID: id} }
