package ui

import (
	"github.com/herald-reader/herald/feed"

	tea "github.com/charmbracelet/bubbletea"
)

// nextUnread moves the cursor to the next row (step 1) or the previous
// one (step -1) whose article is unread, a story row when any article of
// its story is.
func (m *Model) nextUnread(step int) tea.Cmd {
	st := m.reading.store
	unread := func(a *feed.Article) bool {
		for _, id := range m.storyIDs(a) {
			if !st.IsRead(id) {
				return true
			}
		}
		return false
	}
	if i := m.list.find(step, unread); i >= 0 {
		m.list.list.Select(i)
		return m.list.cursorMoved()
	}
	if step > 0 {
		m.status.set("No unread article below.")
	} else {
		m.status.set("No unread article above.")
	}
	return nil
}

// find is the index of the first row after the cursor in the direction
// of step (1 or -1) whose article satisfies ok; -1 when there is none.
func (p *listPane) find(step int, ok func(*feed.Article) bool) int {
	for i := p.list.Index() + step; i >= 0 && i < len(p.items); i += step {
		if it, isItem := p.items[i].(item); isItem && ok(it.a) {
			return i
		}
	}
	return -1
}
