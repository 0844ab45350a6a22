package feed

import (
	"runtime"
	"sync"
)

// Index answers queries over many articles: the filter runs Search on
// every keystroke. It keeps, per article, only the folded copies of the
// fields that need one (see needsFold); everything else is searched in
// place, so the index costs little beyond the articles themselves.
// Articles must not be modified after Add. Safe for concurrent use.
type Index struct {
	mu   sync.RWMutex
	docs []doc
}

type doc struct {
	a *Article
	t *text // nil: search the article's own fields
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{} }

// Add indexes articles (a Batch as it streams in, or a whole library).
// Search returns them in the order they were added.
func (ix *Index) Add(arts []*Article) {
	docs := make([]doc, len(arts))
	for i, a := range arts {
		docs[i] = doc{a: a, t: foldedText(a)}
	}
	ix.mu.Lock()
	ix.docs = append(ix.docs, docs...)
	ix.mu.Unlock()
}

// Len is the number of articles indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.docs)
}

// searchChunk is the fewest articles worth a goroutine of their own.
const searchChunk = 4096

// Search returns the articles that match q, in the order they were added.
// Large indexes are searched on all cores. st may be nil (see Match).
func (ix *Index) Search(q Query, st State) []*Article {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	docs := ix.docs
	parts := min(runtime.GOMAXPROCS(0), len(docs)/searchChunk)
	if parts <= 1 {
		return searchDocs(nil, docs, &q, st)
	}
	found := make([][]*Article, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(docs)/parts, (p+1)*len(docs)/parts
		wg.Go(func() { found[p] = searchDocs(nil, docs[lo:hi], &q, st) })
	}
	wg.Wait()
	n := 0
	for _, f := range found {
		n += len(f)
	}
	out := make([]*Article, 0, n)
	for _, f := range found {
		out = append(out, f...)
	}
	return out
}

func searchDocs(out []*Article, docs []doc, q *Query, st State) []*Article {
	var plain text
	for i := range docs {
		d := &docs[i]
		t := d.t
		if t == nil && q.text {
			plain = textOf(d.a)
			t = &plain
		}
		if q.match(d.a, t, st) {
			out = append(out, d.a)
		}
	}
	return out
}
