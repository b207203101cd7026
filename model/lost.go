package model

// LostReasons returns the ids of the notes in journal that say why p was
// lost: for each time p was marked lost (a lost entry in its stage
// history), the note on p written last on that day. Marking a project
// lost stores its reason as such a note (storage's setStage), with no
// other link, so a note written on p later the same day would be taken for
// the reason.
func (p Project) LostReasons(journal []JournalEntry) map[ID]bool {
	out := map[ID]bool{}
	for _, h := range p.StageHistory {
		if h.Stage != StageLost {
			continue
		}
		var last *JournalEntry
		for i, e := range journal {
			if e.ProjectID != p.ID || e.Kind != EntryNote || e.On() != h.On {
				continue
			}
			if last == nil || e.At.After(last.At) || e.At.Equal(last.At) && e.ID > last.ID {
				last = &journal[i]
			}
		}
		if last != nil {
			out[last.ID] = true
		}
	}
	return out
}
