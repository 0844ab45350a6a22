package ui

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/plural"
)

// Store is the reading state (state.Store): read and starred marks per
// article ID. It must be safe for concurrent use: rows read it while
// drawing, searches from several goroutines, writes run in Cmds.
type Store interface {
	search.State
	SetRead(ids []string, read bool) error
	SetStarred(id string, starred bool) error
	// Refresh picks up what another instance appended.
	Refresh() error
	// Version changes whenever the marks change (ours or refreshed).
	Version() uint64
	// Path is the log file ("" = none, nothing to watch).
	Path() string
	// Watch reports another instance's changes (state.Store.Watch).
	Watch(ctx context.Context) (<-chan struct{}, error)
	// Damaged counts the damaged log lines skipped; Problems lists the
	// first of them ("PATH:LINE: reason") and other trouble with the log.
	Damaged() int
	Problems() []string
}

// Reading-state messages: the outcome of a write, of a refresh after a
// change notification, and the notification itself.
type (
	stateSavedMsg struct {
		done string // status text on success
		err  error
		// rerun: the shown set depends on the marks (a view is on).
		rerun bool
		// change is what the write did, for undo (undo.go); nil for an
		// undo itself.
		change *markChange
	}
	stateChangedMsg   struct{}
	stateRefreshedMsg struct{ err error }
	watchStartedMsg   struct {
		changes <-chan struct{}
		err     error
	}
)

// reading is the model's share of the reading state: the store, the
// views, the sort, the M confirmation and the cached counts.
type reading struct {
	store      Store
	markOnOpen bool
	// openMarks marks an article read when it is opened in the browser.
	openMarks  bool
	unreadOnly bool
	starred    bool
	sort       search.SortKey
	// confirm holds the IDs M would mark, while the question is asked.
	confirm []string
	// counts cache: unread and starred among the articles of library
	// version countN and marks version countV, as shown for mute
	// generation countG and showMuted countAll.
	countN, countG int
	countV         uint64
	countAll       bool
	unread, stars  int
	// showMuted shows the articles the mute rules hide (mute.go).
	showMuted bool
	// changes reports another instance's changes (Store.Watch).
	changes <-chan struct{}
	// undo is the marks changes that can be undone, the last one last.
	undo []*markChange
	// told is the number of damaged lines the status line last reported,
	// so each is told once, not on every refresh.
	told int
}

// stateInit starts watching the reading state, so a second instance's
// marks show up; a store that could not be opened is reported.
func (m *Model) stateInit(openErr error) tea.Cmd {
	if openErr != nil {
		m.status.setError(fmt.Errorf("reading state: %w", openErr))
	}
	m.tellDamage(true)
	st := m.reading.store
	if st == nil || st.Path() == "" {
		return nil
	}
	return func() tea.Msg {
		// For the program's life: the store's Close ends it.
		ch, err := st.Watch(context.Background())
		return watchStartedMsg{changes: ch, err: err}
	}
}

// tellDamage says in the status line that the log has damaged lines (the
// marks they held are lost), once for each new one; the skipped-files
// panel lists them. At start, other trouble with the log (a failed
// compaction) is told too.
func (m *Model) tellDamage(start bool) {
	st, r := m.reading.store, &m.reading
	if st == nil {
		return
	}
	n, told := st.Damaged(), r.told
	r.told = n // a reload (another instance compacted) starts over
	switch {
	case n > told:
		// The path last: a long one is cut, not the count or the key.
		m.status.setError(fmt.Errorf("state: %d damaged %s skipped%s in %s",
			n, plural.Noun(n, "line"), m.seeSkipped(), st.Path()))
	case start && n == 0:
		if probs := st.Problems(); len(probs) > 0 {
			m.status.setError(fmt.Errorf("reading state: %s%s", probs[0], m.seeSkipped()))
		}
	}
}

// waitState waits for the next change of the reading state by another
// instance; nil when watching ended.
func waitState(changes <-chan struct{}) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-changes; !ok {
			return nil
		}
		return stateChangedMsg{}
	}
}

// handleReading routes the reading-state messages; ok is false for any
// other message.
func (m *Model) handleReading(msg tea.Msg) (tea.Cmd, bool) {
	r := &m.reading
	switch msg := msg.(type) {
	case watchStartedMsg:
		if msg.err != nil {
			m.debug("state: no watch: %v", msg.err)
			return nil, true
		}
		r.changes = msg.changes
		return waitState(msg.changes), true
	case stateChangedMsg:
		st := r.store
		return tea.Batch(waitState(r.changes), func() tea.Msg {
			return stateRefreshedMsg{err: st.Refresh()}
		}), true
	case stateRefreshedMsg:
		if msg.err != nil {
			m.status.setError(fmt.Errorf("reading state: %w", msg.err))
		} else {
			m.tellDamage(false) // another writer's torn line, say
		}
		return nil, true
	case stateSavedMsg:
		if msg.err != nil {
			m.status.setError(msg.err)
			return nil, true
		}
		m.status.set("%s", msg.done)
		m.reading.pushUndo(msg.change)
		if msg.rerun {
			return m.applyFilter(), true
		}
		return nil, true
	}
	return nil, false
}

// handleStateKey handles the reading-state, sort and facet keys.
func (m *Model) handleStateKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k, r := &m.keys, &m.reading
	switch {
	case keyIs(msg, k.Sort):
		// Without free words relevance is newest: skip the same order.
		if r.sort = r.sort.Next(); r.sort == search.SortNewest && !m.filter.ranked {
			r.sort = r.sort.Next()
		}
		m.status.set("Sorted by %s", m.sortName())
		return m.rerunQuery(), true
	case keyIs(msg, k.Topics):
		return m.openFacets("topic"), true
	case keyIs(msg, k.Providers):
		return m.openFacets("provider"), true
	case keyIs(msg, k.Folders):
		return m.openFacets("folder"), true
	case keyIs(msg, k.ShowMuted):
		return m.toggleMuted(), true
	case keyIs(msg, k.SavedSearches):
		return m.openSaved(), true
	case !keyIs(msg, k.ToggleRead, k.ToggleStar, k.MarkAllRead, k.UnreadOnly, k.StarredOnly,
		k.NextUnread, k.PrevUnread, k.Undo):
		return nil, false
	case r.store == nil:
		m.status.set("No reading state: marks cannot be kept.")
		return nil, true
	case keyIs(msg, k.Undo):
		return m.undo(), true
	case keyIs(msg, k.NextUnread):
		return m.nextUnread(1), true
	case keyIs(msg, k.PrevUnread):
		return m.nextUnread(-1), true
	case keyIs(msg, k.UnreadOnly):
		r.unreadOnly = !r.unreadOnly
		return m.rerunQuery(), true
	case keyIs(msg, k.StarredOnly):
		r.starred = !r.starred
		return m.rerunQuery(), true
	case keyIs(msg, k.MarkAllRead):
		return m.askMarkAll(), true
	}
	a := m.current()
	if a == nil {
		m.status.set("No article selected.")
		return nil, true
	}
	st, id := r.store, a.ID
	if keyIs(msg, k.ToggleStar) {
		v := !st.IsStarred(id)
		done := "Starred."
		if !v {
			done = "Unstarred."
		}
		change := &markChange{star: true, ids: []string{id}, before: []bool{!v}, what: done}
		return func() tea.Msg { return stateSavedMsg{done: done, err: st.SetStarred(id, v), change: change} }, true
	}
	v := !st.IsRead(id)
	done := "Marked read."
	if !v {
		done = "Marked unread."
	}
	ids := m.storyIDs(a) // the whole story when clustering groups it (stories.go)
	change := readChange(st, ids, done)
	return func() tea.Msg { return stateSavedMsg{done: done, err: st.SetRead(ids, v), change: change} }, true
}

// markOpened marks a read when it is opened, if the config asks for it.
func (m *Model) markOpened(a *feed.Article) tea.Cmd {
	if !m.reading.markOnOpen {
		return nil
	}
	return m.markRead(a)
}

// markRead marks a read (undoably), in a Cmd; nil when it is already.
func (m *Model) markRead(a *feed.Article) tea.Cmd {
	st := m.reading.store
	if a == nil || st == nil || st.IsRead(a.ID) {
		return nil
	}
	id := a.ID
	change := readChange(st, []string{id}, "Marked read.")
	return func() tea.Msg { return stateSavedMsg{err: st.SetRead([]string{id}, true), change: change} }
}

// askMarkAll asks before marking every shown article read; the question
// says how many.
func (m *Model) askMarkAll() tea.Cmd {
	ids := make([]string, 0, m.list.Len())
	// shown, not the rows: a story's row stands for all its articles.
	for _, a := range m.list.shown {
		if !m.reading.store.IsRead(a.ID) {
			ids = append(ids, a.ID)
		}
	}
	if len(ids) == 0 {
		m.status.set("Nothing unread here.")
		return nil
	}
	m.reading.confirm = ids
	m.status.set("Mark %d %s read? %s/n", len(ids), plural.Noun(len(ids), "article"), firstKey(m.keys.Confirm))
	return nil
}

// handleConfirmKey answers the mark-all question: y marks, anything else
// cancels.
func (m *Model) handleConfirmKey(msg tea.KeyMsg) tea.Cmd {
	ids := m.reading.confirm
	m.reading.confirm = nil
	if !keyIs(msg, m.keys.Confirm) {
		m.status.set("Nothing marked.")
		return nil
	}
	st, rerun := m.reading.store, m.viewsOn()
	done := fmt.Sprintf("Marked %d %s read.", len(ids), plural.Noun(len(ids), "article"))
	change := readChange(st, ids, done)
	return func() tea.Msg {
		return stateSavedMsg{done: done, err: st.SetRead(ids, true), rerun: rerun, change: change}
	}
}

// viewsOn reports whether the shown set depends on more than the typed
// query: a view or a sort other than the default.
func (m *Model) viewsOn() bool {
	r := &m.reading
	return r.unreadOnly || r.starred || r.sort != search.SortNewest && r.sort != search.SortRelevance
}

// readingParts is the status line's share: "U unread", "S starred", the
// views and the sort, counted over the articles shown without a filter
// (the muted ones left out). Counting reads the store once per article,
// so it is cached until the articles, the muted ones or the marks change.
func (m *Model) readingParts() []string {
	r := &m.reading
	if r.store == nil {
		return nil
	}
	arts, g := m.unfiltered(), m.lib.mute.gen
	if v := r.store.Version(); r.countN != m.lib.version || r.countV != v || r.countG != g ||
		r.countAll != r.showMuted || m.lib.Len() == 0 {
		r.countN, r.countV, r.countG, r.countAll, r.unread, r.stars = m.lib.version, v, g, r.showMuted, 0, 0
		for _, a := range arts {
			if !r.store.IsRead(a.ID) {
				r.unread++
			}
			if r.store.IsStarred(a.ID) {
				r.stars++
			}
		}
	}
	parts := []string{fmt.Sprintf("%d unread", r.unread), fmt.Sprintf("%d starred", r.stars)}
	if r.unreadOnly {
		parts = append(parts, "unread only")
	}
	if r.starred {
		parts = append(parts, "starred only")
	}
	return parts
}

// bestMatch names the relevance order in the status line.
const bestMatch = "best match"

// sortName names the order the list is in: the default (relevance) is
// "best match" while the query has free words, else newest.
func (m *Model) sortName() string {
	switch k := m.reading.sort; {
	case k == search.SortRelevance && m.filter.ranked:
		return bestMatch
	case k == search.SortRelevance:
		return search.SortNewest.String()
	default:
		return k.String()
	}
}

// sortPart names the sort in the status line unless it is newest first
// without free words (the plain library order).
func (m *Model) sortPart() []string {
	switch name := m.sortName(); {
	case name == bestMatch:
		return []string{name}
	case name == search.SortNewest.String() && !m.filter.ranked:
		return nil
	default:
		return []string{"by " + name}
	}
}
