package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
)

// maxMerge caps how many waiting batches one message merges, so a fast
// loader cannot starve key presses of frames.
const maxMerge = 64

// waitBatch waits for the loader's next batch. Batches already waiting are
// merged into one message: one Update and one frame for all of them.
//
// It also adds the batch to the search index ix here, off the UI
// goroutine: indexing 8,000 articles takes ~90 ms on two cores, a pause
// for every key pressed while a large library loads. One waitBatch runs
// at a time (the next is started by handleBatch), so batches are indexed
// in order; searches meanwhile see the index before or after a batch.
func waitBatch(ch <-chan feed.Batch, ix *search.Index) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		msg := receiveBatch(ch)
		if !msg.batch.Newer { // a Newer batch has everything indexed again, in order
			ix.Add(msg.batch.Articles)
			msg.indexed = ix
		}
		return msg
	}
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
				merged = true
			}
			b.Articles = append(b.Articles, next.Articles...)
			b.Skipped = append(b.Skipped, next.Skipped...)
			b.Found = max(b.Found, next.Found)
			b.Done = next.Done
			b.Newer = b.Newer || next.Newer
		default:
			return batchMsg{batch: b}
		}
	}
	return batchMsg{batch: b}
}

// handleBatch adds loaded articles. They come newest-first, so appending
// keeps the list in order and the cursor on the article it was on; when
// the loader is done the library's final order replaces the list, with the
// cursor kept on the same article.
func (m *Model) handleBatch(msg batchMsg) tea.Cmd {
	b := msg.batch
	m.debug("batch: %d articles, %d skipped, found %d, done %v", len(b.Articles), len(b.Skipped), b.Found, b.Done || msg.closed)
	m.lib.Add(b)
	m.found = max(m.found, b.Found)
	switch {
	case b.Newer:
		// Files saved since the last run, newer than the first screen's
		// (see feed.Batch.Newer): the library merged them in order, so
		// take its order, and index everything again in it (searches
		// return articles in index order). Only a first batch or so is
		// loaded at this point.
		m.all = append([]*feed.Article(nil), m.lib.Articles()...)
		m.index = search.NewIndex()
		m.indexArticles(m.all)
	case msg.indexed != m.index:
		m.all = append(m.all, b.Articles...)
		m.indexArticles(b.Articles) // the index was replaced meanwhile
	default:
		m.all = append(m.all, b.Articles...)
	}
	var cmds []tea.Cmd
	switch {
	case m.filter.applied():
		cmds = append(cmds, m.refilter())
	case b.Newer:
		m.setArticles(m.all, m.list.Selected())
	default:
		m.list.appendArticles(b.Articles)
	}
	if b.Done || msg.closed {
		cmds = append(cmds, m.finishLoading())
	} else {
		cmds = append(cmds, waitBatch(m.loader, m.index))
	}
	cmds = append(cmds, m.list.cursorMoved())
	return tea.Batch(cmds...)
}

// finishLoading puts the library in its final order (and links the saves
// of one article: see Library.Finish).
func (m *Model) finishLoading() tea.Cmd {
	m.loading = false
	m.lib.Finish()
	m.all = m.lib.Articles()
	if !m.filter.applied() {
		m.setArticles(m.all, m.list.Selected())
		return nil
	}
	return m.refilter()
}

// noteScreen opens the start gate once the screen shows the first
// articles (or there are none to wait for). Called from View: the frame
// goes out on the renderer's next tick, which the gate's delay allows for.
func (m *Model) noteScreen() {
	if m.gate != nil && (len(m.all) > 0 || !m.loading) {
		m.debug("tui: first articles drawn")
		m.gate.Open()
		m.gate = nil
	}
}
