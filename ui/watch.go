package ui

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// changeMsg is one batch of file changes from the watcher (feed.Watch);
// closed means its channel is closed and watching stopped.
type changeMsg struct {
	change feed.Change
	closed bool
}

// changeRetry is how long a change waits before it is tried again when it
// arrived during the initial load (merging re-sorts the library, which
// must not happen between the loader's batches) or while a Cmd works on
// the library (library.busy).
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

// handleChange merges a change into the library in a Cmd (library.apply);
// handleApplied shows it.
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
	if m.lib.loading || m.lib.busy {
		return tea.Tick(changeRetry, func(time.Time) tea.Msg { return msg })
	}
	m.debug("change: %d added, %d changed, %d removed, %d problems, %d dirs gone",
		len(c.Added), len(c.Changed), len(c.Removed), len(c.Problems), len(c.DirGone))
	return m.lib.apply(c)
}

// handleApplied updates the list in place after a change: the cursor
// stays on the article it was on (found again by path, since a changed
// file is a new *Article), and the filter is run again over the new set
// once the index is rebuilt. Articles that arrived are counted in the
// "N new" badge until the next key press.
func (m *Model) handleApplied(msg appliedMsg) tea.Cmd {
	c := msg.change
	sel := m.list.Selected()
	m.lib.applied(msg)
	m.forgetRenders(c)

	// The shown rows, brought up to date: changed files are new
	// pointers, removed ones go. The cursor keeps its row when its own
	// article went.
	byPath := msg.byPath
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
		shown = m.unfiltered()
	}
	m.setArticles(shown, keep)
	if keep == nil && len(shown) > 0 {
		m.list.list.Select(min(idx, len(shown)-1))
	}
	m.reportChange(c)
	return tea.Batch(m.lib.reindex(), m.lib.group(), m.list.cursorMoved(), waitChange(m.watch))
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
		if stale[k.path] {
			d.uncache(k)
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
	if m.lib.fresh == 0 {
		return ""
	}
	return fmt.Sprintf("%d new", m.lib.fresh)
}
