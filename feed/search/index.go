// Package search finds and orders articles: the query language the filter
// and `herald list --query` accept (ParseQuery, Match), the Index that
// answers a query over a whole library on every keystroke, the sort keys,
// the topic and provider facets, and the accent and case folding they share.
// It reads only exported Article fields and imports feed, never the reverse.
package search

import (
	"context"
	"runtime"
	"slices"
	"sync"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/internal/parallel"
)

// Index answers queries over many articles: the filter runs Search (or
// SearchSorted) on every keystroke. Per article it keeps a 128-byte
// summary of the byte pairs and triples in its text (see grams), which
// rules out most articles for a word without reading them, and folded
// copies of only the fields that need one (see needsFold); everything else
// is searched in place, so the index costs little beyond the articles
// themselves (about 15 MB for 100,000 articles). Articles must not be
// modified after Add. Safe for concurrent use.
type Index struct {
	mu   sync.RWMutex
	docs []doc

	recentMu sync.Mutex
	recent   []recent // see narrow.go

	orders orders // see orders.go

	pages PageText // nil: no fetched pages
}

// PageText returns the text of an article's fetched web page (reader
// mode, see feed/page), "" when none was fetched. It must be safe for
// concurrent use.
type PageText func(a *feed.Article) string

type doc struct {
	a     *feed.Article
	t     *text // nil: search the article's own fields
	g     grams
	upper uint32 // upper-case ASCII letters in the text (see needle.pick)
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{} }

// NewIndexWithPages returns an empty index that also searches the
// articles' fetched pages, as pages gives them when they are added.
func NewIndexWithPages(pages PageText) *Index { return &Index{pages: pages} }

// Grow makes room for n more articles, so that an index added to batch by
// batch (the reader adds each batch as it streams in) is not copied every
// time it outgrows its array: at 100,000 articles those copies were 64 MB
// of garbage by the end of a load.
func (ix *Index) Grow(n int) {
	if n <= 0 {
		return
	}
	ix.mu.Lock()
	ix.docs = slices.Grow(ix.docs, n)
	ix.mu.Unlock()
}

// Add indexes articles (a Batch as it streams in, or a whole library).
// Search returns them in the order they were added.
func (ix *Index) Add(arts []*feed.Article) {
	docs := make([]doc, len(arts))
	parallel.Chunks(len(arts), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			page := ""
			if ix.pages != nil {
				page = ix.pages(arts[i])
			}
			docs[i].set(arts[i], page)
		}
	})
	ix.mu.Lock()
	ix.docs = append(ix.docs, docs...)
	ix.mu.Unlock()
}

func (d *doc) set(a *feed.Article, page string) {
	d.a, d.t, d.g = a, foldedText(a, page), grams{}
	t := d.t
	if t == nil {
		plain := textOf(d.a)
		t = &plain
	}
	d.upper = d.g.addTextOf(t)
	if t.cut { // the grams of the words kept are not all of the body's
		d.g.fill()
	}
}

// SetPage makes the index search page as the fetched page of every
// article added before whose URL (feed.Article.URL) is url: reader mode
// fetched it since. It returns how many there are.
func (ix *Index) SetPage(url, page string) int {
	if url == "" {
		return 0
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	n := 0
	for i := range ix.docs {
		if a := ix.docs[i].a; a.URL() == url {
			ix.docs[i].set(a, page)
			n++
		}
	}
	if n > 0 { // remembered results may now miss them
		ix.recentMu.Lock()
		ix.recent = nil
		ix.recentMu.Unlock()
	}
	return n
}

// Len is the number of articles indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.docs)
}

// Search returns the articles that match q, in the order they were added.
// Large indexes are searched on all cores, and a query that narrows a
// recent one only looks at that one's results (see recent). st may be nil
// (see Match).
func (ix *Index) Search(q Query, st State) []*feed.Article {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	hits, _, _ := ix.search(context.Background(), q, st, true, nil, nil)
	out := make([]*feed.Article, len(hits))
	for i, h := range hits {
		out[i] = ix.docs[h].a
	}
	return out
}

// search returns the indexes of the docs that match q, in order; reuse
// allows narrowing a recent result. With a ranker it also scores them
// (scores[i] is hits[i]'s), while their text is at hand; look, when not
// nil, gets a look at the first results of a long search (see blocks.go).
// When ctx ends
// first it returns ctx's error and remembers nothing. The caller holds
// ix.mu for reading.
func (ix *Index) search(ctx context.Context, q Query, st State, reuse bool, r *ranker, look *earlyLook) (hits, scores []int32, err error) {
	var version uint64 // read before searching: a later mark makes the result stale
	if v, ok := st.(Versioned); ok {
		version = v.Version()
	}
	if q.Empty() {
		hits := make([]int32, len(ix.docs))
		for i := range hits {
			hits[i] = int32(i)
		}
		return hits, nil, nil // an empty query has no words to rank by
	}
	var words []rankWord
	if r != nil {
		words = r.words
	}
	var cand []int32
	var p prior
	same := false // cand is q's own result, from an earlier search
	if reuse {
		cand, p, same = ix.candidates(&q, st, words)
	}
	if same && r == nil {
		ix.remember(q, st, version, len(ix.docs), cand, nil)
		return cand, nil, nil
	}
	n := len(ix.docs)
	if cand != nil {
		n = len(cand)
	}
	s := scan{docs: ix.docs, cand: cand, q: &q, st: st, r: r, p: p, done: ctx.Done()}
	s.fresh = q.checksFor(nil, r != nil)
	if cand != nil {
		s.known = q.checksFor(&p.known, r != nil)
	}
	found := s.runBlocks(n, look)
	if err := ctx.Err(); err != nil {
		return nil, nil, err // a block may have stopped short
	}
	ix.remember(q, st, version, len(ix.docs), found.hits, found.parts)
	return found.hits, found.scores, nil
}

// scan is one search over its candidates, split between the cores.
type scan struct {
	docs []doc
	cand []int32 // nil: all docs
	q    *Query
	st   State
	r    *ranker // nil: no scores
	p    prior
	// The checks of the candidates from an earlier result (cand[:p.n]),
	// and of the others.
	known, fresh checks
	done         <-chan struct{} // closed: give up (the search's context ended)
}

// checkEvery is how many docs a scan looks at between looks at its done
// channel: at about a microsecond a doc, a cancelled search stops within
// a millisecond, and the look costs nothing measurable.
const checkEvery = 1024

// run returns the indexes of the matching docs among docs[lo:hi], or
// among docs[cand[lo:hi]] when cand is not nil, and their scores and
// parts (see recent) when s.r is not nil.
func (s *scan) run(lo, hi int) (hits, scores []int32, parts []wordScore) {
	var x lazyText
	var prev []wordScore
	for i := lo; i < hi; i++ {
		s.fetchAhead(i, hi)
		if (i-lo)%checkEvery == checkEvery-1 {
			if s.done != nil {
				select {
				case <-s.done:
					return hits, scores, parts
				default:
				}
			}
			// A scan keeps every core busy for most of a second at a
			// million articles; without a yield, the reader's own
			// goroutines (a keystroke, the preview's frame) it readied
			// waited for the scheduler to preempt it, 10 ms a turn.
			runtime.Gosched()
		}
		di := int32(i)
		if s.cand != nil {
			di = s.cand[i]
		}
		d := &s.docs[di]
		c := &s.fresh
		if i < s.p.n {
			c = &s.known
		}
		if c.needs && !d.g.covers(&c.need) {
			continue
		}
		x = lazyText{a: d.a, folded: d.t}
		var t *text
		if c.text {
			t = x.get()
		}
		if !s.q.matchChecks(d.a, t, s.st, &d.g, d.upper, c) {
			continue
		}
		if s.r == nil {
			hits = append(hits, di)
			continue
		}
		prev = nil
		if i < s.p.n && s.p.parts != nil {
			prev = s.p.parts[i*s.p.width : (i+1)*s.p.width]
		}
		w := len(s.r.words)
		parts = append(parts, make([]wordScore, w)...)
		if score, ok := s.r.score(&x, d.upper, prev, &s.p, parts[len(parts)-w:]); ok {
			hits, scores = append(hits, di), append(scores, score)
		} else {
			parts = parts[:len(parts)-w]
		}
	}
	return hits, scores, parts
}
