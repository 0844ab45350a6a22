package ui

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
)

// changeMsg is one batch of file changes from the watcher (feed.Watch);
// closed means its channel is closed and watching stopped.
type changeMsg struct {
	change feed.Change
	closed bool
}

// indexedMsg is a search index rebuilt after change number gen.
type indexedMsg struct {
	gen int
	ix  *search.Index
}

// changeRetry is how long a change that arrived during the initial load
// waits before it is tried again: Library.Apply re-sorts and regroups the
// library, which must not happen between the loader's batches.
const changeRetry = 100 * time.Millisecond

// waitChange waits for the watcher's next change. The watcher holds the
// changes that come meanwhile and sends them as one, so a slow frame never
// queues up a backlog of messages.
func waitChange(ch <-chan feed.Change) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		c, ok := <-ch
		return changeMsg{change: c, closed: !ok}
	}
}

// handleChange brings a change into the library on the UI goroutine and
// updates the list in place: the cursor stays on the article it was on
// (found again by path, since a changed file is a new *Article), and the
// filter is run again over the new set. Articles that arrived are counted
// in the "N new" badge until the next key press.
func (m *Model) handleChange(msg changeMsg) tea.Cmd {
	if msg.closed {
		m.watch = nil
		return nil
	}
	c := msg.change
	if c.Err != nil { // the watch could not start: no live updates, nothing to show
		m.debug("tui: no live updates: %v", c.Err)
		m.watch = nil
		return nil
	}
	if m.loading {
		return tea.Tick(changeRetry, func(time.Time) tea.Msg { return msg })
	}
	m.debug("change: %d added, %d changed, %d removed, %d problems, %d dirs gone",
		len(c.Added), len(c.Changed), len(c.Removed), len(c.Problems), len(c.DirGone))
	sel := m.list.Selected()
	known := make(map[string]bool, len(c.Added))
	for _, a := range m.all {
		known[a.Path] = true
	}
	for _, a := range c.Added {
		if !known[a.Path] {
			m.fresh++
		}
	}
	m.lib.Apply(c)
	m.all = m.lib.Articles()
	m.forgetRenders(c)

	byPath := make(map[string]*feed.Article, len(m.all))
	for _, a := range m.all {
		byPath[a.Path] = a
	}
	// The shown rows, brought up to date: changed files are new
	// pointers, removed ones go. The cursor keeps its row when its own
	// article went.
	shown := make([]*feed.Article, 0, m.list.Len())
	for _, old := range m.latestShown() {
		if a := byPath[old.Path]; a != nil {
			shown = append(shown, a)
		}
	}
	var keep *feed.Article
	if sel != nil {
		keep = byPath[sel.Path]
	}
	idx := m.list.list.Index()
	if !m.filter.applied() {
		shown = m.all
	}
	m.setArticles(shown, keep)
	if keep == nil && len(shown) > 0 {
		m.list.list.Select(min(idx, len(shown)-1))
	}
	m.reportChange(c)
	return tea.Batch(m.reindex(), m.recluster(), m.list.cursorMoved(), waitChange(m.watch))
}

// reindex rebuilds the search index in a Cmd (the index only grows, and a
// change replaces and removes articles); until it lands the list shows
// the previous results brought up to date by handleChange.
func (m *Model) reindex() tea.Cmd {
	m.changes++
	gen, arts := m.changes, m.all
	return func() tea.Msg {
		ix := search.NewIndex()
		ix.Add(arts)
		return indexedMsg{gen: gen, ix: ix}
	}
}

// handleIndexed swaps in the rebuilt index (unless a later change is
// being indexed) and runs the filter again over it.
func (m *Model) handleIndexed(msg indexedMsg) tea.Cmd {
	if msg.gen != m.changes {
		return nil
	}
	m.index = msg.ix
	return m.refilter()
}

// forgetRenders drops the cached renders of files that changed or went:
// the cache is keyed by ID and path, which a changed file keeps.
func (m *Model) forgetRenders(c feed.Change) {
	stale := map[string]bool{}
	for _, p := range c.Removed {
		stale[p] = true
	}
	for _, a := range c.Changed {
		stale[a.Path] = true
	}
	for _, a := range c.Added {
		stale[a.Path] = true
	}
	if len(stale) == 0 {
		return
	}
	d := m.detail
	order := d.order[:0]
	for _, k := range d.order {
		_, path, _ := strings.Cut(k.id, "\x00")
		if stale[path] {
			delete(d.cache, k)
			continue
		}
		order = append(order, k)
	}
	d.order = order
	if d.article != nil && stale[d.article.Path] {
		d.article = nil // show() renders the new version
	}
}

// reportChange tells the status line about directories that went away and
// files that could not be read; neither stops Herald.
func (m *Model) reportChange(c feed.Change) {
	switch {
	case len(c.DirGone) > 0:
		m.status.setError(fmt.Errorf("directory %s is gone (no longer watched)", strings.Join(c.DirGone, ", ")))
	case len(c.Problems) == 1:
		m.status.setError(fmt.Errorf("cannot read %s", c.Problems[0]))
	case len(c.Problems) > 1:
		m.status.setError(fmt.Errorf("cannot read %d files%s", len(c.Problems), m.seeSkipped()))
	}
}

// freshBadge is the "N new" part of the status line, "" when nothing
// arrived since the last key press.
func (m *Model) freshBadge() string {
	if m.fresh == 0 {
		return ""
	}
	return fmt.Sprintf("%d new", m.fresh)
}
