package ui

import (
	"runtime/debug"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/feed/story"
)

// library owns the loaded library as the UI shows it: the feed.Library,
// its articles in list order, the search index and the stories, under one
// version number that every change of the articles bumps (a batch, the
// end of the load, a file change). Work over all articles runs in a Cmd:
// linking the saves of one article (feed.Library.Link) at the end of the
// load, merging a change (Merge, then Link), building the search index,
// grouping the stories. The index and the stories carry the version they
// were computed for, and one for articles that were replaced since is
// dropped; linking and merging change the feed.Library itself, so they
// run one at a time and are never stale.
//
// While a Cmd links, merges or groups (busy), Update leaves the
// feed.Library alone: changes wait, and look-ups go to the articles of
// the current version, which are never changed in place once published.
type library struct {
	feed *feed.Library
	// version numbers the article sets; arts is the current one, in list
	// order (newest first). While loading it is a slice of its own, not
	// the feed.Library's, which Link may sort in a Cmd; after that it is
	// the library's, which the next Merge replaces rather than changes.
	version int
	arts    []*feed.Article
	skipped []feed.Problem
	// notArticles are the records that are not articles (feed's
	// NotArticles); warnings counts the parse warnings of arts.
	notArticles []feed.Problem
	warnings    int
	found       int
	loading     bool
	// busy: a Cmd is linking, merging or grouping stories. Only one runs at
	// a time, so feed.Library is used by one goroutine at a time and an
	// article's FirstSaveID is written (Links.Write, in Update) only while
	// no Cmd reads it.
	busy bool
	// fresh counts the articles that arrived from the watcher since the
	// last key press (the "N new" badge).
	fresh int

	// index holds the articles of version indexedAt, in the order they
	// came (searches return them in that order); toIndex are the ones that
	// came since; indexing: a Cmd is bringing it up to date. reorderedAt
	// is the last version whose articles are not the previous one's plus
	// a batch (a Newer batch, a change): an index from before it is
	// rebuilt, not added to.
	index       *search.Index
	pages       search.PageText // for new indexes
	indexedAt   int
	toIndex     []*feed.Article
	indexing    bool
	reorderedAt int

	// stories are the stories of the articles (grouping on), once grouped.
	grouping bool
	stories  stories
	// merging: a Cmd is merging a change into the feed.Library, which
	// Update must not read meanwhile (byID).
	merging bool
	// mute is which articles the mute rules match, found with the index
	// (mute.go).
	mute muting
	// types are those of every article the library has held: the shown
	// ones are some of them (see shownTypes.of).
	types shownTypes
	// released: the load's garbage was handed back (releaseLoad), after
	// loaderDone (nil: not waited for) was closed.
	released   bool
	loaderDone <-chan struct{}
	// loadSettled (nil: none) is called before the garbage is handed
	// back (see Options.LoadSettled).
	loadSettled func()
}

// newLibrary returns an empty library; pages is the fetched pages' text
// its search index searches too (nil: none), rules the mute rules.
func newLibrary(loading, grouping bool, pages search.PageText, rules search.Mute) *library {
	l := &library{feed: feed.NewLibrary(), loading: loading, grouping: grouping, pages: pages,
		mute: muting{rules: rules}}
	l.index = l.newIndex()
	return l
}

func (l *library) newIndex() *search.Index {
	if l.pages == nil {
		return search.NewIndex()
	}
	return search.NewIndexWithPages(l.pages)
}

// Len is the number of articles loaded.
func (l *library) Len() int { return len(l.arts) }

// Skipped is the files and directories that could not be used.
func (l *library) Skipped() []feed.Problem { return l.skipped }

// byID is the article with this ID, or nil. While a Cmd merges a change
// the feed.Library is not Update's to read: the articles are searched
// instead (a key press during a change, rare enough for a scan).
func (l *library) byID(id string) *feed.Article {
	if !l.merging {
		return l.feed.ByID(id)
	}
	for _, a := range l.arts {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// add takes in a batch of the load. Adding to the feed.Library is the
// batch's own work (appends), not the library's; a Newer batch is merged
// into the library's order, which the list then takes.
func (l *library) add(b feed.Batch) {
	l.feed.Add(b)
	l.version++
	l.skipped, l.found = l.feed.Skipped(), l.feed.Found()
	l.notArticles = l.feed.NotArticles()
	l.warnings += countWarnings(b.Articles)
	l.types.add(b.Articles)
	l.mute.arrived(b.Articles)
	if b.Newer {
		// Files saved since the last run, or dated later than named,
		// that belong before articles already shown (see
		// feed.Batch.Newer): the list takes the library's order again.
		l.arts = slices.Clone(l.feed.Articles())
		l.reorderedAt, l.toIndex = l.version, nil
		return
	}
	l.arts = append(l.arts, b.Articles...)
	l.toIndex = append(l.toIndex, b.Articles...)
}

// countWarnings is the number of parse warnings of arts.
func countWarnings(arts []*feed.Article) int {
	n := 0
	for _, a := range arts {
		n += a.WarningCount()
	}
	return n
}

// linkedMsg is the end of the load: the saves linked. Like appliedMsg it
// is never stale: the feed.Library was changed for it, and nothing else
// changes the articles while it is under way (busy; no batch follows the
// last).
type linkedMsg struct {
	links feed.Links
	arts  []*feed.Article
}

// link links the saves of one article (feed.Library.Link) in a Cmd, once
// the last batch is in.
func (l *library) link() tea.Cmd {
	l.loading, l.busy = false, true
	lib := l.feed
	return func() tea.Msg {
		links := lib.Link()
		return linkedMsg{links: links, arts: lib.Articles()}
	}
}

// linked writes the links and takes the library's final order (the
// index keeps the order the batches came in).
func (l *library) linked(msg linkedMsg) {
	l.busy = false
	msg.links.Write()
	l.version++
	l.arts = msg.arts
}

// appliedMsg is a change merged and linked (never stale, see linkedMsg).
type appliedMsg struct {
	change      feed.Change
	links       feed.Links
	arts        []*feed.Article
	skipped     []feed.Problem
	notArticles []feed.Problem
	warnings    int
	found       int
	// fresh: how many of the added articles are new to the library.
	fresh int
	// byPath finds the articles of arts by path: a changed file is a new
	// *Article.
	byPath map[string]*feed.Article
}

// apply merges a change from the watcher into the library and links it,
// in a Cmd.
func (l *library) apply(c feed.Change) tea.Cmd {
	l.busy, l.merging = true, true
	lib := l.feed
	return func() tea.Msg {
		known := make(map[string]bool, lib.Len())
		for _, a := range lib.Articles() {
			known[a.Path] = true
		}
		fresh := 0
		for _, a := range c.Added {
			if !known[a.Path] {
				fresh++
			}
		}
		lib.Merge(c)
		links := lib.Link()
		arts := lib.Articles()
		byPath := make(map[string]*feed.Article, len(arts))
		for _, a := range arts {
			byPath[a.Path] = a
		}
		return appliedMsg{change: c, links: links, arts: arts, skipped: lib.Skipped(),
			notArticles: lib.NotArticles(), warnings: countWarnings(arts),
			found: lib.Found(), fresh: fresh, byPath: byPath}
	}
}

// applied writes the links and takes the changed articles.
func (l *library) applied(msg appliedMsg) {
	l.busy, l.merging = false, false
	msg.links.Write()
	l.version++
	l.arts, l.skipped, l.found = msg.arts, msg.skipped, msg.found
	l.notArticles, l.warnings = msg.notArticles, msg.warnings
	l.fresh += msg.fresh
	l.types.add(msg.change.Added)
	l.types.add(msg.change.Changed)
	l.reorderedAt, l.toIndex = l.version, nil
	// New files wait for the rebuilt index's screening; a changed one
	// stays in view, so the cursor on an article being edited keeps it.
	l.mute.arrived(msg.change.Added)
}

// indexedMsg is the search index holding the articles of version: add
// were added to it (all of them when full, a new index), hits are those
// of add that a mute rule matches.
type indexedMsg struct {
	version   int
	ix        *search.Index
	add, hits []*feed.Article
	full      bool
}

// reindex brings the search index up to the current articles in a Cmd,
// the one place it is built. The articles that came since it was last
// brought up are added to it (while loading, where it grows batch by
// batch; searches meanwhile see it before or after a batch); after a
// reorder a new index is built over all. One runs at a time: the next
// starts when it lands (handleIndexed), with what came meanwhile.
func (l *library) reindex() tea.Cmd {
	if l.indexing {
		return nil
	}
	ix, add := l.index, l.toIndex
	if l.indexedAt < l.reorderedAt {
		// Capped, so an append to arts never writes into what the Cmd
		// reads.
		ix, add = nil, l.arts[:len(l.arts):len(l.arts)]
	} else if len(add) == 0 {
		l.indexedAt = l.version // the same articles (a new order, or none)
		return nil
	}
	l.toIndex = nil
	l.indexing = true
	v, rules, found, loaded := l.version, l.mute.rules, l.found, !l.loading
	return func() tea.Msg {
		full := ix == nil
		if full {
			ix = l.newIndex()
		}
		ix.Grow(max(found, len(add)) - ix.Len()) // the whole library, once its first batch is in
		ix.Add(add)
		if loaded { // a change: ready for the next keystroke's results (see releaseLoad)
			ix.PrepareOrder(search.SortNewest)
		}
		return indexedMsg{version: v, ix: ix, add: add, hits: screen(rules, ix, add, full), full: full}
	}
}

// indexed takes a finished index unless the articles were reordered since
// it started, and reports whether it took it.
func (l *library) indexed(msg indexedMsg) bool {
	l.indexing = false
	if msg.version < l.reorderedAt {
		return false
	}
	l.index, l.indexedAt = msg.ix, msg.version
	l.mute.screened(msg.add, msg.hits, msg.full)
	return true
}

// storiesMsg is the stories of version.
type storiesMsg struct {
	version int
	st      stories
}

// group groups the articles into stories (story.Group, about half a
// second at 100,000 articles) in a Cmd; nil when grouping is off.
func (l *library) group() tea.Cmd {
	if !l.grouping {
		return nil
	}
	l.busy = true
	v, arts := l.version, l.arts
	return func() tea.Msg {
		return storiesMsg{version: v, st: storiesOf(story.Group(arts, story.Options{}))}
	}
}

// grouped takes finished stories unless the articles changed since, and
// reports whether it took them.
func (l *library) grouped(msg storiesMsg) bool {
	l.busy = false
	if msg.version != l.version {
		return false
	}
	l.stories = msg.st
	return true
}

// releaseLoad hands the memory the load used and no longer needs back to
// the system, once, when the load has settled: linked, indexed and, with
// grouping on, grouped. A load allocates about 2.5 times what the library
// keeps (the cache file read whole, each batch's index entries, the
// grouping's scratch), so the garbage collector's headroom had grown to
// twice the live heap, and the runtime gives that back only slowly: at
// 100,000 articles the idle reader held 420 MB for 170 MB of live data,
// and holds about 200 MB after this (BenchmarkReaderMemory100k). The
// collection runs in a Cmd, off the UI goroutine, once the loader has
// stopped: a cold load writes the cache after its last batch.
func (l *library) releaseLoad() tea.Cmd {
	if l.released || l.loading || l.busy || l.indexing || l.indexedAt != l.version ||
		(l.grouping && l.stories.of == nil) {
		return nil
	}
	l.released = true
	done, settled, ix := l.loaderDone, l.loadSettled, l.index
	return func() tea.Msg {
		if done != nil {
			<-done
		}
		// For the first keystroke's results; after the loader's last
		// work (the cache written), not adding to the load's peak.
		ix.PrepareOrder(search.SortNewest)
		if settled != nil {
			settled()
		}
		debug.FreeOSMemory()
		return nil
	}
}
