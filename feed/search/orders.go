package search

import (
	"context"
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
// would). The first call for a key after an Add sorts the whole index. It
// gives up, with ctx's error, once ctx ends: a reader cancels the search
// of a keystroke the user has typed past. At a million articles a short
// word matches half of them and ranking them takes a core for a good part
// of a second; searches left to finish would queue behind each other while
// the user types.
func (ix *Index) SearchSorted(ctx context.Context, q Query, st State, k SortKey) ([]*feed.Article, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if k != SortRelevance || !q.Ranked() {
		if k == SortRelevance {
			k = SortNewest
		}
		hits, _, err := ix.search(ctx, q, st, true, nil)
		if err != nil {
			return nil, err
		}
		return ix.articles(ix.inOrder(hits, ix.order(k))), nil
	}
	hits, scores, err := ix.search(ctx, q, st, true, newRanker(&q))
	if err != nil {
		return nil, err
	}
	// Newest first, then by score: equal scores stay newest first.
	scoreOf := make([]int32, len(ix.docs)) // score+1 of each hit, 0 for the rest
	for i, h := range hits {
		scoreOf[h] = scores[i] + 1
	}
	// New arrays: the index remembers hits, in their order (see recent).
	ranked, rankedScores := make([]int32, 0, len(hits)), make([]int32, 0, len(hits))
	for _, d := range ix.order(SortNewest) {
		if s := scoreOf[d]; s != 0 {
			ranked, rankedScores = append(ranked, d), append(rankedScores, s-1)
		}
	}
	sortByScore(ranked, rankedScores)
	return ix.articles(ranked), nil
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

// order returns the doc indexes sorted by k, computing them if the index
// grew since. The caller holds ix.mu for reading.
func (ix *Index) order(k SortKey) []int32 {
	if k <= SortRelevance || k >= numSortKeys {
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
