package search

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

// holdState reads every article as unread, but holds the search that asks
// about article hold until release is closed: a search held in its second
// block, as a long one is when its preview is due.
type holdState struct {
	hold    string
	once    sync.Once
	release chan struct{}
}

func (s *holdState) IsRead(id string) bool {
	if id == s.hold {
		s.once.Do(func() { <-s.release })
	}
	return false
}

func (s *holdState) IsStarred(string) bool { return false }

// previewOf runs a search sorted by k with a preview due at once, held at
// its first match in its second block until the preview came or wait
// passed. It returns the preview (nil for none) and the result.
func previewOf(t *testing.T, ix *Index, arts []*feed.Article, query string, k SortKey, wait time.Duration) (preview, result []*feed.Article) {
	t.Helper()
	q, err := ParseQuery(query, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	// The hold is on a match: the scan asks the state about those alone.
	hold := scanBlock + slices.IndexFunc(arts[scanBlock:], func(a *feed.Article) bool { return q.Match(a, nil) })
	st := &holdState{hold: arts[hold].ID, release: make(chan struct{})}
	release := sync.OnceFunc(func() { close(st.release) })
	timeout := time.AfterFunc(wait, release)
	defer timeout.Stop()
	p := Preview{Rows: 50, Show: func(first []*feed.Article) {
		preview = first
		release()
	}}
	result, err = ix.SearchPreviewed(context.Background(), q, st, k, p)
	if err != nil {
		t.Fatal(err)
	}
	return preview, result
}

// TestPreviewIsTheFirstBlocksFirstRows: the preview of a search held in
// its second block is the first rows that ranking the first block's
// matches gives, best first and newest first among equals; the result is
// every match, ranked as RankArticles ranks them. So on a library whose
// best matches are many, as a short word's are, the preview's first
// screenful is the result's.
func TestPreviewIsTheFirstBlocksFirstRows(t *testing.T) {
	arts := benchArticles(5*scanBlock+100, 0)
	SortArticles(arts, SortNewest) // the reader's order, which the index keeps
	ix := NewIndex()
	ix.Add(arts)
	const query = "is:unread google"
	q, err := ParseQuery(query, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	matches := func(arts []*feed.Article) []*feed.Article {
		var out []*feed.Article
		for _, a := range arts {
			if q.Match(a, nil) {
				out = append(out, a)
			}
		}
		RankArticles(out, q, nil)
		return out
	}
	preview, result := previewOf(t, ix, arts, query, SortRelevance, 10*time.Second)
	if preview == nil {
		t.Fatal("no preview from a search held past its due time")
	}
	want := matches(arts[:scanBlock])[:50]
	if !slices.Equal(preview, want) {
		t.Fatalf("preview: %d rows, want the first block's best 50, first %q, got first %q", len(preview), want[0].Title, preview[0].Title)
	}
	if all := matches(arts); !slices.Equal(result, all) {
		t.Fatalf("result: %d rows, want all %d matches ranked", len(result), len(all))
	}
	if !slices.Equal(result[:30], preview[:30]) {
		t.Fatal("the preview's first screenful is not the result's on a library of many equal best matches")
	}

	preview, result = previewOf(t, ix, arts, "is:unread", SortNewest, 10*time.Second)
	if want := arts[:50]; !slices.Equal(preview, want) || !slices.Equal(result, arts) {
		t.Fatalf("newest first: preview of %d, result of %d; want the newest 50 and all %d", len(preview), len(result), len(arts))
	}
}

// TestNoPreviewForOtherOrders: a preview shows the newest articles'
// matches, which are not the first rows of another order.
func TestNoPreviewForOtherOrders(t *testing.T) {
	arts := benchArticles(5*scanBlock+100, 0)
	SortArticles(arts, SortNewest)
	ix := NewIndex()
	ix.Add(arts)
	for _, k := range []SortKey{SortOldest, SortTitle, SortQuality} {
		if preview, result := previewOf(t, ix, arts, "is:unread google", k, 200*time.Millisecond); preview != nil || len(result) == 0 {
			t.Fatalf("sorted by %v: a preview of %d rows, a result of %d; want no preview", k, len(preview), len(result))
		}
	}
}

// TestTypingAcrossBlocksRanksAsAFreshSearch: typing over several blocks,
// each keystroke scores only the changed word and takes the others'
// parts from the previous result, which the blocks found apart and put
// together (see concat); each result must be the order a
// fresh search gives, with most candidates matching and with few.
func TestTypingAcrossBlocksRanksAsAFreshSearch(t *testing.T) {
	arts := benchArticles(5*scanBlock+100, 0)
	ix := NewIndex()
	ix.Add(arts)
	for _, typed := range []string{"generative ai", "g clement"} {
		for n := 1; n <= len(typed); n++ {
			q, err := ParseQuery(typed[:n], time.Time{})
			if err != nil || !q.Ranked() {
				continue
			}
			fresh := NewIndex()
			fresh.docs = ix.docs // the same docs, no earlier results
			want := ids(searchSorted(fresh, q, nil, SortRelevance))
			if got := ids(searchSorted(ix, q, nil, SortRelevance)); !slices.Equal(got, want) {
				t.Fatalf("%q: %d hits, want %d; first %v, want %v", typed[:n], len(got), len(want), got[:min(5, len(got))], want[:min(5, len(want))])
			}
		}
	}
}

// TestLookOnlyEarlyInTheScan: the look is taken once, by the first block
// done after its time, with the blocks done from the first on; a scan a
// quarter done or more by then gives it up for good, as it ends soon.
func TestLookOnlyEarlyInTheScan(t *testing.T) {
	scan := func() *blockScan {
		return &blockScan{blocks: make([]scanned, 8), done: make([]bool, 8), look: &earlyLook{}, start: time.Now()}
	}
	b := scan()
	if _, ok := b.finish(1, scanned{hits: []int32{9}}); ok {
		t.Fatal("a look with the first block not done")
	}
	if _, ok := b.finish(0, scanned{hits: []int32{1}}); ok {
		t.Fatal("a look with a quarter of the scan done")
	}
	if _, ok := b.finish(3, scanned{}); ok {
		t.Fatal("a look after it was given up")
	}
	b = scan()
	prefix, ok := b.finish(0, scanned{hits: []int32{1, 2}, scores: []int32{5, 6}})
	if !ok || !slices.Equal(prefix.hits, []int32{1, 2}) || !slices.Equal(prefix.scores, []int32{5, 6}) {
		t.Fatalf("the first block done early: look %v of %v; want its hits and scores", ok, prefix)
	}
	if _, ok := b.finish(1, scanned{}); ok {
		t.Fatal("a second look")
	}
}
