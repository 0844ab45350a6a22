package search

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

// TestRankedSearchWhileTypingKeepsTheOrder types ranked queries a letter
// at a time, with backspaces, marks and new articles in between, and
// checks every result's order against RankArticles over Match's results:
// the terms and word scores a keystroke takes from the previous result
// (see prior) must give the order a fresh search gives.
func TestRankedSearchWhileTypingKeepsTheOrder(t *testing.T) {
	all := benchArticles(700, 0)
	ix := NewIndex()
	ix.Add(all[:500])
	added := 500
	st := &verState{read: map[string]bool{}}
	now := time.Date(2019, 2, 15, 0, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(13, 13))
	typed := []string{"t:AI ai generative", "is:unread google open models", "nvidia chips -is:read",
		"(robotics OR vision) ai agents", "hugging face clement", "p:forbes ai ethics", "ai ai chips", "microsoft -edge ai"}
	reused := 0
	for _, full := range typed {
		for step := 0; step < 3*len(full); step++ {
			text := typedAt(full, step, rng)
			q, err := ParseQuery(text, now)
			if err != nil || !q.Ranked() {
				continue
			}
			if rng.IntN(6) == 0 { // a mark arrives
				st.read[all[rng.IntN(added)].ID] = rng.IntN(2) == 0
				st.version++
			}
			if rng.IntN(25) == 0 && added < len(all) { // more articles stream in
				ix.Add(all[added : added+50])
				added += 50
			}
			ix.recentMu.Lock()
			for _, r := range ix.recent {
				if r.parts != nil && q.narrows(&r.q) && sameState(&r, st) {
					reused++
					break
				}
			}
			ix.recentMu.Unlock()
			var want []*feed.Article
			for _, a := range all[:added] {
				if q.Match(a, st) {
					want = append(want, a)
				}
			}
			RankArticles(want, q, nil)
			if got := ids(searchSorted(ix, q, st, SortRelevance)); !slices.Equal(got, ids(want)) {
				t.Fatalf("%q: ranked search differs from RankArticles:\n got %s\nwant %s", text,
					strings.Join(got[:min(8, len(got))], " "), strings.Join(ids(want)[:min(8, len(want))], " "))
			}
		}
	}
	if reused < 100 {
		t.Fatalf("only %d searches could reuse an earlier ranked result", reused)
	}
}

// TestSearchAfterRankedKeepsTheOrderAdded: a ranked search must not
// reorder the hits the index remembers, or a narrower Search after it
// returns them in relevance order (it did).
func TestSearchAfterRankedKeepsTheOrderAdded(t *testing.T) {
	ix := NewIndex()
	ix.Add(benchArticles(500, 0))
	now := time.Date(2019, 2, 15, 0, 0, 0, 0, time.UTC)
	wide, _ := ParseQuery("google ai", now)
	searchSorted(ix, wide, nil, SortRelevance)
	narrow, _ := ParseQuery("google ai x", now)
	got := ids(ix.Search(narrow, nil))
	if len(got) < 10 || !slices.IsSorted(got) { // benchArticles' IDs count up
		t.Fatalf("%d results, not in the order added: %v", len(got), got[:min(10, len(got))])
	}
}

// TestCancelledSearchLeavesNothingBehind: a search given up midway (the
// reader's next keystroke cancels it) returns the context's error, and
// the part it scanned is not remembered: the next, narrower keystroke
// must not narrow down from it.
func TestCancelledSearchLeavesNothingBehind(t *testing.T) {
	all := benchArticles(5000, 0) // several checkEvery blocks per core
	ix, fresh := NewIndex(), NewIndex()
	ix.Add(all)
	fresh.Add(all)
	now := time.Date(2019, 2, 15, 0, 0, 0, 0, time.UTC)
	wide, _ := ParseQuery("ai", now)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got, err := ix.SearchSorted(ctx, wide, nil, SortRelevance); err != context.Canceled || got != nil {
		t.Fatalf("cancelled search: %d articles, error %v; want none and context.Canceled", len(got), err)
	}
	narrow, _ := ParseQuery("ai g", now)
	want := ids(searchSorted(fresh, narrow, nil, SortRelevance))
	if len(want) < 100 {
		t.Fatalf("only %d results: the test needs a search that spans the cancel checks", len(want))
	}
	if got := ids(searchSorted(ix, narrow, nil, SortRelevance)); !slices.Equal(got, want) {
		t.Fatalf("after a cancelled search: %d results, a fresh index finds %d", len(got), len(want))
	}
	for _, k := range []SortKey{SortNewest, SortRelevance} {
		if got, err := ix.SearchSorted(context.Background(), narrow, nil, k); err != nil || len(got) != len(want) {
			t.Errorf("sort %v: %d results, error %v; want %d", k, len(got), err, len(want))
		}
	}
}
