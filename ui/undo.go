package ui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"
)

// maxUndo bounds how many mark changes can be undone.
const maxUndo = 100

// markChange is one change of the marks as it can be undone: the read
// (or starred) marks its articles had before. Undoing writes those marks
// back, which appends the inverse events to the state log: the log stays
// append-only, and another instance sees the undo as it saw the change.
type markChange struct {
	star   bool
	ids    []string
	before []bool
	// what the change was ("Marked 12 articles read."), for the status.
	what string
}

// readChange records the read marks of ids before a change.
func readChange(st Store, ids []string, what string) *markChange {
	c := &markChange{ids: append([]string(nil), ids...), before: make([]bool, len(ids)), what: what}
	for i, id := range ids {
		c.before[i] = st.IsRead(id)
	}
	return c
}

func (r *reading) pushUndo(c *markChange) {
	if c == nil {
		return
	}
	r.undo = append(r.undo, c)
	if len(r.undo) > maxUndo {
		r.undo = r.undo[len(r.undo)-maxUndo:]
	}
}

// undo puts back the marks of the last change, in a Cmd; each press goes
// one change further back.
func (m *Model) undo() tea.Cmd {
	r := &m.reading
	if len(r.undo) == 0 {
		m.status.set("Nothing to undo.")
		return nil
	}
	c := r.undo[len(r.undo)-1]
	r.undo = r.undo[:len(r.undo)-1]
	st, rerun := r.store, m.viewsOn()
	done := "Undone: " + c.what
	return func() tea.Msg {
		return stateSavedMsg{done: done, err: c.restore(st), rerun: rerun}
	}
}

// restore writes the marks back: one write per mark value.
func (c *markChange) restore(st Store) error {
	var errs []error
	if c.star {
		for i, id := range c.ids {
			errs = append(errs, st.SetStarred(id, c.before[i]))
		}
		return errors.Join(errs...)
	}
	var read, unread []string
	for i, id := range c.ids {
		if c.before[i] {
			read = append(read, id)
		} else {
			unread = append(unread, id)
		}
	}
	if len(read) > 0 {
		errs = append(errs, st.SetRead(read, true))
	}
	if len(unread) > 0 {
		errs = append(errs, st.SetRead(unread, false))
	}
	return errors.Join(errs...)
}
