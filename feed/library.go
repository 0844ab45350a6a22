package feed

import (
	"bytes"
	"slices"
	"strings"

	"github.com/herald-reader/herald/feed/internal/parallel"
	"github.com/herald-reader/herald/feed/internal/unionfind"
)

// Library is a loaded set of articles in library order (newest first by
// publication date, undated last, ties by path; see NewestFirst) with
// lookups by ID. Build it with Add per batch, then Finish. It
// is not safe for concurrent use, and Finish updates the FirstSaveID of
// articles already handed out in batches: call it from the goroutine that
// reads them, or split it, as the UI does: Link (and Merge, for a change)
// on a goroutine that alone uses the library meanwhile, then Links.Write
// where the articles are read.
type Library struct {
	arts    []*Article
	skipped []Problem
	// notArticles are the records that are not articles (see
	// Batch.NotArticles).
	notArticles []Problem
	found       int
	ids         idIndex
	dupOf       map[*Article]string // see Batch.dupOf
}

// NewLibrary returns an empty library.
func NewLibrary() *Library {
	return &Library{}
}

// Add takes in a batch from Stream. Batches arrive in library order, so the
// articles stay sorted as they come (a batch marked Newer is merged).
func (l *Library) Add(b Batch) {
	l.arts = append(l.arts, b.Articles...)
	if b.Newer {
		sortLibrary(l.arts)
	}
	l.skipped = append(l.skipped, b.Skipped...)
	l.notArticles = append(l.notArticles, b.NotArticles...)
	l.found = max(l.found, b.Found)
	for a, id := range b.dupOf {
		l.setDup(a, id)
	}
	l.ids.add(b.Articles)
}

// Finish sorts the library and links the saves of one article: articles
// with the same canonical URL, or the same normalised title (case,
// punctuation and spacing aside; see appendTitleKey), are one article saved on
// several days. Their FirstSaveID is the ID of the oldest, which stays put
// when newer saves arrive. Finish may be called again after more Adds. It
// is Link then Links.Write.
func (l *Library) Finish() { l.Link().Write() }

// Links are the saves of one article as Library.Link found them, not yet
// written to the articles.
type Links struct {
	arts  []*Article
	first []int32 // per article of arts: the index of its first save
}

// Link sorts the library and finds the saves of one article (see Finish)
// without writing to any article, so it may run on one goroutine while
// another reads the articles (not the library: nothing else may use it
// meanwhile). Write the result with Links.Write, where the articles are
// read.
func (l *Library) Link() Links {
	sortLibrary(l.arts)
	// The root is the highest index: the oldest article in library order.
	saves := unionfind.New(len(l.arts), unionfind.Highest)
	titles := make(map[uint32]int32, len(l.arts))
	var ka, kb []byte
	for i, h := range titleHashes(l.arts) {
		if h == noTitleKey {
			continue
		}
		j, seen := titles[h]
		if !seen {
			titles[h] = int32(i)
			continue
		}
		// The same hash: the same title key, unless 64 bits collided.
		ta, tb := l.arts[i].Title, l.arts[j].Title
		if ta != tb {
			ka, _ = appendTitleKey(ka[:0], ta)
			kb, _ = appendTitleKey(kb[:0], tb)
			if !bytes.Equal(ka, kb) {
				continue
			}
		}
		saves.Union(i, int(j))
	}
	if len(l.dupOf) > 0 {
		// Positions of the duplicates and of the articles they duplicate
		// only: a map of every ID cost 35 ms at 100,000 articles.
		pos := make(map[*Article]int32, 2*len(l.dupOf))
		for a, of := range l.dupOf {
			pos[a] = -1
			if b := l.ids.get(of); b != nil {
				pos[b] = -1
			}
		}
		for i, a := range l.arts {
			if _, ok := pos[a]; ok {
				pos[a] = int32(i)
			}
		}
		for a, of := range l.dupOf {
			i, j := pos[a], int32(-1)
			if b := l.ids.get(of); b != nil {
				j = pos[b]
			}
			if i >= 0 && j >= 0 {
				saves.Union(int(i), int(j))
			}
		}
	}
	first := make([]int32, len(l.arts))
	for i := range first {
		first[i] = int32(saves.Find(i))
	}
	return Links{arts: l.arts, first: first}
}

// Write sets each article's FirstSaveID. Only the ones that change are
// written: after a load, that is the few saved again.
func (ls Links) Write() {
	for i, a := range ls.arts {
		if id := ls.arts[ls.first[i]].ID; a.FirstSaveID != id {
			a.FirstSaveID = id
		}
	}
}

// Apply brings a Change from Watch into the library, then Finishes it
// (Merge then Finish): the paths in Removed go; Added and Changed articles,
// and Problems, replace whatever the library had at their path (article or
// problem).
//
// An incoming article whose ID another article already holds (the same
// URL saved twice) keeps that ID, as in Stream, and is linked to it as a
// save of one article; ByID still finds the one there first.
//
// Apply takes ownership of the incoming articles (it sets their
// FirstSaveID). It builds new slices: a caller holding the previous
// Articles() keeps a consistent old view, but Finish updates FirstSaveID on
// shared articles (see Library). It returns the incoming articles, with
// their final IDs.
func (l *Library) Apply(c Change) []*Article {
	incoming := l.Merge(c)
	l.Finish()
	return incoming
}

// Merge is Apply without the Finish: a caller that links the saves on
// another goroutine (Link, then Links.Write) merges there too.
func (l *Library) Merge(c Change) []*Article {
	incoming := make([]*Article, 0, len(c.Added)+len(c.Changed))
	incoming = append(append(incoming, c.Added...), c.Changed...)
	drop := make(map[string]bool, len(c.Removed)+len(incoming)+len(c.Problems))
	for _, p := range c.Removed {
		drop[p] = true
	}
	for _, a := range incoming {
		drop[a.Path] = true
	}
	for _, p := range slices.Concat(c.Problems, c.NotArticles) {
		drop[p.Path] = true
	}
	if len(drop) == 0 {
		return nil
	}

	gone := map[string]bool{} // paths the library had, for Found
	arts := make([]*Article, 0, len(l.arts)+len(incoming))
	for _, a := range l.arts {
		if drop[a.Path] {
			gone[a.Path] = true
			delete(l.dupOf, a)
			continue
		}
		arts = append(arts, a)
	}
	keep := func(have, arriving []Problem) []Problem {
		out := make([]Problem, 0, len(have)+len(arriving))
		for _, p := range have {
			if drop[p.Path] {
				gone[p.Path] = true
				continue
			}
			out = append(out, p)
		}
		return append(out, arriving...)
	}
	skipped := keep(l.skipped, c.Problems)
	notArticles := keep(l.notArticles, c.NotArticles)

	l.ids = idIndex{}
	l.ids.add(arts)
	// An incoming article whose ID an article had already (the library's
	// or one incoming before it) is that article saved again, for Link;
	// every article is its own first save until then.
	arrived, claimed := map[string]bool{}, map[string]bool{}
	for _, a := range incoming {
		if claimed[a.ID] || l.ids.get(a.ID) != nil {
			l.setDup(a, a.ID)
		}
		claimed[a.ID] = true
		a.FirstSaveID = a.ID
		arts = append(arts, a)
		arrived[a.Path] = true
	}
	l.ids.add(incoming)
	for _, p := range slices.Concat(c.Problems, c.NotArticles) {
		arrived[p.Path] = true
	}

	l.arts, l.skipped, l.notArticles = arts, skipped, notArticles
	l.found = max(0, l.found+len(arrived)-len(gone))
	return incoming
}

// setDup records that a holds a URL that the article with ID of held
// first (see Batch.dupOf).
func (l *Library) setDup(a *Article, of string) {
	if l.dupOf == nil {
		l.dupOf = map[*Article]string{}
	}
	l.dupOf[a] = of
}

// Articles returns the articles in library order. The slice is the
// library's own: do not modify it.
func (l *Library) Articles() []*Article { return l.arts }

// Skipped returns the files and directories that could not be used.
func (l *Library) Skipped() []Problem { return l.skipped }

// NotArticles returns the records that are not articles (no date and no
// link: a site's organisations, topics, people). They are not listed and
// are no error; a reader is told how many there are.
func (l *Library) NotArticles() []Problem { return l.notArticles }

// Warnings returns every parse warning of the library's articles (see
// Article.Warnings: a bad date that fell back to the file name, a field
// of the wrong type, a duplicate key, a body that needed cleaning) as
// problems, PATH:LINE: message, in path order. The articles load; these
// say what was degraded.
func (l *Library) Warnings() []Problem { return Warnings(l.arts) }

// Warnings returns the parse warnings of arts as Library.Warnings does.
func Warnings(arts []*Article) []Problem {
	var out []Problem
	for _, a := range arts {
		out = append(out, a.WarningProblems()...)
	}
	slices.SortStableFunc(out, func(a, b Problem) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// Found is the number of article files the walk found (loaded, skipped or
// not articles).
func (l *Library) Found() int { return l.found }

// Len is the number of articles loaded.
func (l *Library) Len() int { return len(l.arts) }

// ByID returns the article with this ID, or nil. Copies of one URL share
// an ID: it returns the first loaded (the newest when the library was
// loaded at once).
func (l *Library) ByID(id string) *Article { return l.ids.get(id) }

// sortLibrary sorts arts into library order. Batches arrive in that order,
// so usually there is nothing to do but check.
func sortLibrary(arts []*Article) {
	if !slices.IsSortedFunc(arts, libraryOrder) {
		slices.SortFunc(arts, libraryOrder) // a total order: stability is moot
	}
}

// titleHashes is each article's title hash (see titleHashOf), computed in
// parallel where the loader has not already: normalising 100,000 titles
// and keying a map by the strings was most of Finish's 150 ms at the end
// of a load.
func titleHashes(arts []*Article) []uint32 {
	out := make([]uint32, len(arts))
	parallel.Chunks(len(arts), func(_, lo, hi int) {
		var key []byte
		for i := lo; i < hi; i++ {
			if out[i] = arts[i].titleHash; out[i] == 0 {
				out[i], key = titleHashOf(arts[i].Title, key)
			}
		}
	})
	return out
}
