package search

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/herald-reader/herald/feed"
)

// Sorting 100,000 results on every keystroke would cost more than the
// search (a title sort folds every title), so the index sorts all its
// articles once per key and SearchSorted walks that order, keeping the
// matches: one pass per keystroke. SortArticles and SearchSorted give the
// same order.

type orders struct {
	mu sync.Mutex
	// perm is the doc indexes in key order, nil when that is the docs'
	// own, as newest first usually is (the reader indexes its list in
	// that order): then results need no reordering. of is how many docs
	// it orders: stale when fewer than there are now.
	perm [numSortKeys][]int32
	of   [numSortKeys]int
}

// SearchSorted is Search with the results sorted by k (as SortArticles
// would). The first call for a key after an Add sorts the whole index. It
// gives up, with ctx's error, once ctx ends: a reader cancels the search
// of a keystroke the user has typed past. At a million articles a short
// word matches half of them and ranking them takes a core for a good part
// of a second; searches left to finish would queue behind each other while
// the user types.
func (ix *Index) SearchSorted(ctx context.Context, q Query, st State, k SortKey) ([]*feed.Article, error) {
	return ix.SearchPreviewed(ctx, q, st, k, Preview{})
}

// Preview asks a long search for a look at its first results (see
// blocks.go): when it still runs After it started, Show gets the first
// Rows results among the articles searched so far, in the search's order,
// on the searching goroutine. Only the reader's default orders, relevance
// and newest first, have previews: the articles searched first are the
// newest, so the first rows of a preview are mostly the search's own.
type Preview struct {
	After time.Duration
	Rows  int
	Show  func([]*feed.Article)
}

// SearchPreviewed is SearchSorted with a preview of a long search's first
// rows (none when p.Show is nil).
func (ix *Index) SearchPreviewed(ctx context.Context, q Query, st State, k SortKey, p Preview) ([]*feed.Article, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	ranked := k == SortRelevance && q.Ranked()
	var r *ranker
	switch {
	case ranked:
		r = newRanker(&q)
	case k == SortRelevance:
		k = SortNewest
	}
	var look *earlyLook
	if p.Show != nil && (k == SortRelevance || k == SortNewest) {
		look = &earlyLook{after: p.After, show: func(found scanned) {
			if ctx.Err() == nil {
				first := ix.sorted(found, ranked, k)
				p.Show(ix.articles(first[:min(len(first), p.Rows)]))
			}
		}}
	}
	hits, scores, err := ix.search(ctx, q, st, true, r, look)
	if err != nil {
		return nil, err
	}
	return ix.articles(ix.sorted(scanned{hits: hits, scores: scores}, ranked, k)), nil
}

// sorted returns the docs found in order k, or when ranked by score, newest
// first among equals. It never changes found. The caller holds ix.mu for
// reading.
func (ix *Index) sorted(found scanned, ranked bool, k SortKey) []int32 {
	perm := ix.order(k) // newest first when ranked
	switch {
	case !ranked && perm == nil:
		return found.hits
	case !ranked:
		return ix.inOrder(found.hits, perm)
	case perm == nil: // hits are newest first already
		order, scores := slices.Clone(found.hits), slices.Clone(found.scores)
		sortByScore(order, scores)
		return order
	}
	// Newest first, then by score: equal scores stay newest first.
	scoreOf := make([]int32, len(ix.docs)) // score+1 of each hit, 0 for the rest
	for i, h := range found.hits {
		scoreOf[h] = found.scores[i] + 1
	}
	// New arrays: the index remembers hits, in their order (see recent).
	order, scores := make([]int32, 0, len(found.hits)), make([]int32, 0, len(found.hits))
	for _, d := range perm {
		if s := scoreOf[d]; s != 0 {
			order, scores = append(order, d), append(scores, s-1)
		}
	}
	sortByScore(order, scores)
	return order
}

// articles are the articles of docs. The caller holds ix.mu for reading.
func (ix *Index) articles(docs []int32) []*feed.Article {
	out := make([]*feed.Article, len(docs))
	for i, d := range docs {
		out[i] = ix.docs[d].a
	}
	return out
}

// inOrder returns hits in the order of perm (all doc indexes in some
// order): perm itself when every doc matched. The caller holds ix.mu for
// reading.
func (ix *Index) inOrder(hits, perm []int32) []int32 {
	if len(hits) == len(ix.docs) { // everything matched
		return perm
	}
	match := make([]uint64, (len(ix.docs)+63)/64)
	for _, h := range hits {
		match[h>>6] |= 1 << (h & 63)
	}
	out := make([]int32, 0, len(hits))
	for _, d := range perm {
		if match[d>>6]&(1<<(d&63)) != 0 {
			out = append(out, d)
		}
	}
	return out
}

// order returns the doc indexes sorted by k, nil when that is their own
// order, computing them if the index grew since. The caller holds ix.mu
// for reading.
func (ix *Index) order(k SortKey) []int32 {
	if k <= SortRelevance || k >= numSortKeys {
		k = SortNewest
	}
	ix.orders.mu.Lock()
	defer ix.orders.mu.Unlock()
	if ix.orders.of[k] == len(ix.docs) {
		return ix.orders.perm[k]
	}
	arts := make([]*feed.Article, len(ix.docs))
	for i := range ix.docs {
		arts[i] = ix.docs[i].a
	}
	recs := sortRecs(arts, k)
	var p []int32
	if !slices.IsSortedFunc(recs, compareRecs) {
		slices.SortFunc(recs, compareRecs)
		p = make([]int32, len(recs))
		for j, r := range recs {
			p[j] = r.i
		}
	}
	ix.orders.perm[k], ix.orders.of[k] = p, len(ix.docs)
	return p
}

// PrepareOrder sorts the index by k now, so that the first search sorted
// by k does not: at a million articles that is a third of a second.
func (ix *Index) PrepareOrder(k SortKey) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	ix.order(k)
}
