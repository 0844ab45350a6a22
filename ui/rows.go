package ui

import (
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// Grouping the shown articles into story rows (groupRows) takes 10-25 ms
// at 100,000 articles: too long for Update while the user types a filter.
// From asyncRowsFrom articles it runs in a Cmd, over the stories and
// the expanded set as they are when it starts (neither is changed in
// place); the list keeps its rows until the result lands. Each request
// bumps rowsGen and only the newest one's result is shown, so the rows
// of an older query never replace a newer one's. A change of the
// stories or of the expanded set while a grouping runs starts it again
// (regroup). Smaller sets, and lists without clustering, are grouped at
// once: well under a millisecond, and the cursor logic stays in one place.

// asyncRowsFrom is the number of articles from which rows are grouped in
// a Cmd (about 1 ms of grouping, see BenchmarkGroupRows100k).
const asyncRowsFrom = 4096

// rowsMsg is the rows of arts, grouped for request gen.
type rowsMsg struct {
	gen   int
	arts  []*feed.Article
	items []list.Item
	rows  map[*feed.Article]storyRow
	// toStory: when the selected article is no longer a row, the cursor
	// goes to its story's row (a regrouping) rather than the first row
	// (new articles).
	toStory bool
	// top: the cursor goes to the first row (a new query's best match).
	top bool
}

// showArticles replaces the shown articles, keeping the cursor on the
// selected article (the one selected when the rows land).
func (m *Model) showArticles(arts []*feed.Article) tea.Cmd {
	return m.requestRows(arts, false, false)
}

// showBestFirst shows a new query's results, best match first, with the
// cursor on that first row: what the user searched for, not the article
// selected before.
func (m *Model) showBestFirst(arts []*feed.Article) tea.Cmd {
	return m.requestRows(arts, false, true)
}

// setArticles replaces the shown articles at once, keeping the cursor on
// keep. A grouping still running is dropped: these articles are newer.
func (m *Model) setArticles(arts []*feed.Article, keep *feed.Article) {
	m.rows.rowsGen++
	m.rows.waiting, m.rows.pending = false, nil
	if m.rows.on {
		items, rows := groupRows(m.lib.stories, m.rows.expanded, arts)
		m.list.setRows(arts, items, rows, keep, m.lib.types)
		return
	}
	m.list.setArticles(arts, keep, m.lib.types)
}

// latestShown is what the list shows, or will once the grouping running
// lands.
func (m *Model) latestShown() []*feed.Article {
	if m.rows.waiting {
		return m.rows.pending
	}
	return m.list.shown
}

// regroup groups the rows again after the stories or the expanded set
// changed, keeping the cursor on its article or else on its story's row.
func (m *Model) regroup() tea.Cmd {
	if m.rows.waiting {
		// Its articles are newer than the rows; its snapshot is stale.
		return m.requestRows(m.rows.pending, false, false)
	}
	return m.requestRows(m.list.shown, true, false)
}

func (m *Model) requestRows(arts []*feed.Article, toStory, top bool) tea.Cmd {
	if !m.rows.on || m.lib.stories.of == nil || len(arts) < m.rows.asyncFrom {
		sel := m.list.Selected()
		if top {
			sel = nil
		}
		m.setArticles(arts, sel)
		if toStory {
			m.keepStory(sel)
		}
		return m.list.cursorMoved()
	}
	m.rows.rowsGen++
	m.rows.waiting, m.rows.pending = true, arts
	gen, st, expanded := m.rows.rowsGen, m.lib.stories, m.rows.expanded
	// Capped, so an append to the caller's slice never writes into what
	// the Cmd reads.
	arts = arts[:len(arts):len(arts)]
	return func() tea.Msg {
		items, rows := groupRows(st, expanded, arts)
		return rowsMsg{gen: gen, arts: arts, items: items, rows: rows, toStory: toStory, top: top}
	}
}

// handleRows shows the rows of the newest grouping; older ones are
// dropped.
func (m *Model) handleRows(msg rowsMsg) tea.Cmd {
	if msg.gen != m.rows.rowsGen {
		return nil
	}
	m.rows.waiting, m.rows.pending = false, nil
	sel := m.list.Selected()
	if msg.top {
		sel = nil
	}
	m.list.setRows(msg.arts, msg.items, msg.rows, sel, m.lib.types)
	if msg.toStory {
		m.keepStory(sel)
	}
	return m.list.cursorMoved()
}

// keepStory puts the cursor on the row of sel's story when sel itself is
// no longer a row (its story was collapsed under another article).
func (m *Model) keepStory(sel *feed.Article) {
	if sel != nil && m.list.Selected() != sel {
		m.list.selectArticle(m.storyLead(sel))
	}
}
