package common

// Loads numbers a pane's requests for one kind of data, so that an answer
// overtaken by a newer request is dropped, and says whether the latest is
// still awaited: keys typed meanwhile wait for it (they act on what it
// shows), so a pane is busy while Pending.
//
//	id := m.loads.Next()         // with the command that reads
//	if !m.loads.Answer(msg.id) { // when its answer arrives
//		return nil // a newer request is on its way
//	}
type Loads struct {
	seq, answered uint64
}

// Next starts a request and returns its id.
func (l *Loads) Next() uint64 {
	l.seq++
	return l.seq
}

// Answer takes the answer to request id: false when a newer request was
// made since (drop the answer).
func (l *Loads) Answer(id uint64) bool {
	if id != l.seq {
		return false
	}
	l.answered = id
	return true
}

// Pending reports whether the latest request is unanswered.
func (l *Loads) Pending() bool { return l.answered != l.seq }

// Latest is the id of the latest request (0 before the first).
func (l *Loads) Latest() uint64 { return l.seq }
