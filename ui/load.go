package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// maxMerge caps how many waiting batches one message merges, so a fast
// loader cannot starve key presses of frames.
const maxMerge = 64

// waitBatch waits for the loader's next batch. Batches already waiting are
// merged into one message: one Update and one frame for all of them. The
// search index takes them in a Cmd of its own (library.reindex), so a key
// pressed while a large library loads does not wait for the indexing.
func waitBatch(ch <-chan feed.Batch) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg { return receiveBatch(ch) }
}

// receiveBatch receives the next batch and those already waiting behind it.
func receiveBatch(ch <-chan feed.Batch) batchMsg {
	b, ok := <-ch
	if !ok {
		return batchMsg{closed: true}
	}
	merged := false
	for i := 0; i < maxMerge && !b.Done; i++ {
		select {
		case next, ok := <-ch:
			if !ok {
				return batchMsg{batch: b, closed: true}
			}
			if !merged {
				// Copy before appending: the loader owns the arrays
				// of the batches it sent.
				b.Articles = append([]*feed.Article(nil), b.Articles...)
				b.Skipped = append([]feed.Problem(nil), b.Skipped...)
				b.NotArticles = append([]feed.Problem(nil), b.NotArticles...)
				merged = true
			}
			b.Articles = append(b.Articles, next.Articles...)
			b.Skipped = append(b.Skipped, next.Skipped...)
			b.NotArticles = append(b.NotArticles, next.NotArticles...)
			b.Found = max(b.Found, next.Found)
			b.Done = next.Done
			b.Newer = b.Newer || next.Newer
		default:
			return batchMsg{batch: b}
		}
	}
	return batchMsg{batch: b}
}

// loadingTick is how often the loading counter is redrawn while the
// loader walks, before any batch: the walk of a tree of thousands of
// folders takes a while, and a counter that sits at 0 looks stuck.
const loadingTick = 100 * time.Millisecond

// loadingTickMsg redraws the loading counter (see Options.Found).
type loadingTickMsg struct{}

// loadingTick schedules the next redraw of the loading counter, while
// there is a count to show and no batch has come yet.
func (m *Model) loadingTick() tea.Cmd {
	if m.found == nil || !m.lib.loading || m.lib.found > 0 {
		return nil
	}
	return tea.Tick(loadingTick, func(time.Time) tea.Msg { return loadingTickMsg{} })
}

// handleBatch adds loaded articles. They come newest-first, so appending
// keeps the list in order and the cursor on the article it was on. With a
// filter, the list is searched again once the index holds them
// (handleIndexed). When the loader is done the saves are linked in a Cmd
// (handleLinked).
func (m *Model) handleBatch(msg batchMsg) tea.Cmd {
	b := msg.batch
	m.debug("batch: %d articles, %d skipped, found %d, done %v", len(b.Articles), len(b.Skipped), b.Found, b.Done || msg.closed)
	m.lib.add(b)
	switch {
	case m.filter.applied():
	case b.Newer:
		m.setArticles(m.unfiltered(), m.list.Selected())
	case m.lib.mute.on() && !m.reading.showMuted:
		// Shown once screened for the mute rules (handleIndexed).
	default:
		m.list.appendArticles(b.Articles, m.lib.found)
	}
	cmds := []tea.Cmd{m.lib.reindex()}
	if b.Done || msg.closed {
		cmds = append(cmds, m.lib.link())
	} else {
		cmds = append(cmds, waitBatch(m.loader))
	}
	cmds = append(cmds, m.list.cursorMoved())
	return tea.Batch(cmds...)
}

// handleLinked takes the library's final order at the end of the load,
// keeping the cursor on its article, and groups the stories.
func (m *Model) handleLinked(msg linkedMsg) tea.Cmd {
	m.lib.linked(msg)
	var show tea.Cmd
	if m.filter.applied() {
		show = m.refilter()
	} else {
		m.setArticles(m.unfiltered(), m.list.Selected())
	}
	return tea.Batch(show, m.lib.reindex(), m.lib.group(), m.lib.releaseLoad())
}

// handleIndexed searches again once the index holds more articles, and
// brings it up to the articles that came meanwhile. With mute rules, the
// list without a filter takes the articles screened with the index.
func (m *Model) handleIndexed(msg indexedMsg) tea.Cmd {
	var search tea.Cmd
	if m.lib.indexed(msg) {
		search = m.refilter()
		if !m.filter.applied() && m.lib.mute.on() && !m.reading.showMuted {
			m.setArticles(m.unfiltered(), m.list.Selected())
			search = m.list.cursorMoved()
		}
	}
	return tea.Batch(search, m.lib.reindex(), m.lib.releaseLoad())
}

// noteScreen opens the start gate once the screen shows the first
// articles (or there are none to wait for). Called from View: the frame
// goes out on the renderer's next tick, which the gate's delay allows for.
func (m *Model) noteScreen() {
	if m.gate != nil && (m.lib.Len() > 0 || !m.lib.loading) {
		m.debug("tui: first articles drawn")
		m.gate.Open()
		m.gate = nil
	}
}
