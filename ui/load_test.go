package ui

import (
	"strings"
	"testing"

	"github.com/herald-reader/herald/feed"
)

// TestLoadingNewerBatch: on a warm start the first batch comes from the
// index cache, and files saved since arrive later in a batch marked Newer.
// They go above, in order, in the list and in searches, and the cursor
// stays on the article it was on.
func TestLoadingNewerBatch(t *testing.T) {
	arts := articles(10)
	hs := newLoadingHarness(t)
	hs.send(batchMsg{batch: feed.Batch{Articles: arts[5:]}})
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Down)
	want := hs.selected()
	if want != arts[7].Title {
		t.Fatalf("selected %q, want %q", want, arts[7].Title)
	}
	hs.send(batchMsg{batch: feed.Batch{Articles: arts[:5], Found: 10, Newer: true}})
	if hs.selected() != want {
		t.Errorf("the Newer batch moved the cursor from %q to %q", want, hs.selected())
	}
	v := hs.view()
	if i, j := strings.Index(v, "Story number 0"), strings.Index(v, "Story number 5"); i < 0 || j < 0 || i > j {
		t.Errorf("the newer articles are not above the first batch:\n%s", v)
	}
	hs.press(hs.keys.Filter)
	hs.typeText("story")
	if got := hs.m.list.shown; len(got) != 10 || got[0] != arts[0] || got[9] != arts[9] {
		t.Errorf("search results out of order after a Newer batch: first %q", got[0].Title)
	}
}

// TestFirstScreenOpensGate: the start gate (which lets the loader's walk
// start) is opened when articles are first drawn, not before.
func TestFirstScreenOpensGate(t *testing.T) {
	gate := feed.NewStartGate(0)
	hs := newHarness(t, 120, 40, nil, func(o *Options) { o.StartGate = gate })
	hs.m.lib.loading = true
	hs.view()
	if isOpen(gate) {
		t.Fatal("opened before any article was drawn")
	}
	hs.send(batchMsg{batch: feed.Batch{Articles: articles(3)}})
	hs.view()
	hs.view()
	if !isOpen(gate) {
		t.Error("not opened after the first articles were drawn")
	}
}

func isOpen(g *feed.StartGate) bool {
	select {
	case <-g.Opened():
		return true
	default:
		return false
	}
}

// TestBatchIndexedOnce: a batch is indexed for search while it is being
// received (off the UI goroutine); handling it must not index it again,
// or every article would match twice.
func TestBatchIndexedOnce(t *testing.T) {
	arts := articles(30)
	ch := make(chan feed.Batch, 2)
	ch <- feed.Batch{Articles: arts[:10], Found: 30}
	ch <- feed.Batch{Articles: arts[10:], Found: 30, Done: true}
	close(ch)
	hs := newHarness(t, 120, 40, nil, withLoader(ch))
	if n := hs.m.lib.index.Len(); n != 30 {
		t.Fatalf("index holds %d articles, want 30", n)
	}
	hs.press(hs.keys.Filter)
	hs.typeText("story")
	if n := hs.m.list.Len(); n != 30 {
		t.Errorf("filter shows %d rows for 30 matching articles", n)
	}
}

// The reader's pace of the garbage collector while loading ends once the
// load has settled (linked, indexed, grouped) and the loader stopped:
// Options.LoadSettled is called then, once, and not again for a change.
func TestLoadSettledOnceTheLoaderStopped(t *testing.T) {
	done := make(chan struct{})
	close(done)
	calls := 0
	hs := newHarness(t, 120, 40, articles(30), func(o *Options) {
		o.LoaderDone, o.LoadSettled, o.Clustering = done, func() { calls++ }, true
	})
	if calls != 1 || hs.m.lib.stories.of == nil {
		t.Fatalf("LoadSettled called %d times once the load settled (grouped: %v), want 1", calls, hs.m.lib.stories.of != nil)
	}
	hs.send(changeMsg{change: feed.Change{Added: articles(31)[30:]}})
	if calls != 1 {
		t.Errorf("LoadSettled called %d times after a change, want 1", calls)
	}
}

// While loading, the rows take room for the whole library once its size
// is known (the walk's first batch), rather than doubling batch after
// batch: at 100,000 articles the doublings held 5 MB at the end of the
// load, when its memory is at its highest.
func TestRowsReservedForTheWholeLoad(t *testing.T) {
	arts := articles(300)
	hs := newHarness(t, 120, 40, nil)
	hs.m.handleBatch(batchMsg{batch: feed.Batch{Articles: arts[:10]}}) // the head: the size is not known yet
	hs.m.handleBatch(batchMsg{batch: feed.Batch{Articles: arts[10:20], Found: 300}})
	if c := cap(hs.m.list.items); c < 300 {
		t.Fatalf("rows hold room for %d once 300 articles were found", c)
	}
	first := &hs.m.list.items[0]
	for lo := 20; lo < 290; lo += 30 {
		hs.m.handleBatch(batchMsg{batch: feed.Batch{Articles: arts[lo : lo+30], Found: 300}})
	}
	if hs.m.list.Len() != 290 || &hs.m.list.items[0] != first {
		t.Errorf("%d rows; moved to another array: %v", hs.m.list.Len(), &hs.m.list.items[0] != first)
	}
}

// TestAppendingNeverWritesIntoTheShownSlicesOwner: the list shows a slice
// it was handed (a search result, the library's articles) and appends a
// batch's articles to what it shows; that must not write into the spare
// room of the owner's array, which the owner may be using.
func TestAppendingNeverWritesIntoTheShownSlicesOwner(t *testing.T) {
	arts := articles(30)
	hs := newHarness(t, 120, 40, nil)
	owned := make([]*feed.Article, 10, 30)
	copy(owned, arts)
	spare := owned[:30]
	spare[10] = arts[29] // the owner's own use of its spare room
	hs.m.list.setArticles(owned, nil, hs.m.lib.types)
	hs.m.list.appendArticles(arts[10:20], 0)
	if spare[10] != arts[29] || hs.m.list.Len() != 20 {
		t.Fatalf("appending to the shown articles overwrote the owner's array: %q", spare[10].Title)
	}
}
