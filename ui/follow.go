package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// The detail pane follows the list's cursor: a cursor move waits
// FollowDelay (followMsg) before the pane shows the article, and the
// pane's render comes back as renderedMsg. These handlers are the Model's
// side of that: they read the list and report to the status line, which
// the pane does not know.

// handleCursorMoved starts following the article the cursor moved to,
// after FollowDelay when the pane already shows one.
func (m *Model) handleCursorMoved(msg cursorMovedMsg) tea.Cmd {
	if msg.article != m.list.Selected() {
		return nil // the cursor moved again since
	}
	if m.pending != nil && m.pending.article != msg.article {
		m.pending = nil // a link key for an article the user left
	}
	if m.follow <= 0 || m.detail.article == nil {
		return m.detail.show(msg.article)
	}
	a := msg.article
	return tea.Tick(m.follow, func(time.Time) tea.Msg { return followMsg{article: a} })
}

// handleFollow shows the article the cursor rests on, unless it moved on.
func (m *Model) handleFollow(msg followMsg) tea.Cmd {
	if msg.article != m.list.Selected() {
		return nil
	}
	return m.detail.show(msg.article)
}

// handleRendered hands a finished render to the pane, reports its error
// and runs the link action that waited for it.
func (m *Model) handleRendered(msg renderedMsg) tea.Cmd {
	m.debug("rendered %s at %d in %v (seq %d, current %v, err %v)", msg.key.id[:min(12, len(msg.key.id))],
		msg.key.width, msg.result.took, msg.seq, msg.key == m.detail.key, msg.result.err)
	err, next := m.detail.handleRendered(msg)
	if err != nil {
		m.status.setError(err)
	}
	return tea.Batch(next, m.runPending())
}
