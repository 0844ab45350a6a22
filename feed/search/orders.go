package search

import (
	"slices"
	"sync"

	"github.com/herald-reader/herald/feed"
)

// Sorting 100,000 results on every keystroke would cost more than the
// search (a title sort folds every title), so the index sorts all its
// articles once per key and SearchSorted walks that order, keeping the
// matches: one pass per keystroke. SortArticles and SearchSorted give the
// same order.

type orders struct {
	mu   sync.Mutex
	perm [numSortKeys][]int32 // doc indexes in key order; stale if shorter than docs
}

// SearchSorted is Search with the results sorted by k (as SortArticles
// would). The first call for a key after an Add sorts the whole index.
func (ix *Index) SearchSorted(q Query, st State, k SortKey) []*feed.Article {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	hits := ix.search(q, st, true)
	perm := ix.order(k)
	out := make([]*feed.Article, 0, len(hits))
	if len(hits) == len(ix.docs) { // everything matched
		for _, d := range perm {
			out = append(out, ix.docs[d].a)
		}
		return out
	}
	match := make([]uint64, (len(ix.docs)+63)/64)
	for _, h := range hits {
		match[h>>6] |= 1 << (h & 63)
	}
	for _, d := range perm {
		if match[d>>6]&(1<<(d&63)) != 0 {
			out = append(out, ix.docs[d].a)
		}
	}
	return out
}

// order returns the doc indexes sorted by k, computing them if the index
// grew since. The caller holds ix.mu for reading.
func (ix *Index) order(k SortKey) []int32 {
	if k < 0 || k >= numSortKeys {
		k = SortNewest
	}
	ix.orders.mu.Lock()
	defer ix.orders.mu.Unlock()
	if p := ix.orders.perm[k]; len(p) == len(ix.docs) {
		return p
	}
	arts := make([]*feed.Article, len(ix.docs))
	for i := range ix.docs {
		arts[i] = ix.docs[i].a
	}
	recs := sortRecs(arts, k)
	if !slices.IsSortedFunc(recs, compareRecs) {
		slices.SortFunc(recs, compareRecs)
	}
	p := make([]int32, len(recs))
	for j, r := range recs {
		p[j] = r.i
	}
	ix.orders.perm[k] = p
	return p
}
