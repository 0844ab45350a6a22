package search

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

// TestSearchRelatedWhileAdding: articles whose related titles share one
// store's table are searched while more are shared and added (the
// watcher adds articles while a search runs): every search finds exactly
// the articles added before it whose titles match. Run with -race.
func TestSearchRelatedWhileAdding(t *testing.T) {
	store := feed.NewTitleStore()
	article := func(i int) *feed.Article {
		a := &feed.Article{ID: fmt.Sprintf("%012x", i), Title: fmt.Sprintf("Story %d", i)}
		a.SetRelatedTitles(store.Share(feed.NewTitles(fmt.Sprintf("Harbour crane %d goes %s%s", i, [2]string{"north", "south"}[i%2], strings.Repeat(" and on", 40)), "Shared café title")))
		return a
	}
	ix := NewIndex()
	ix.Add([]*feed.Article{article(0)})
	q, err := ParseQuery("related:north", time.Now()) // the even ones
	if err != nil {
		t.Fatal(err)
	}
	folded, err := ParseQuery("related:cafe", time.Now()) // every article, through the folded copy
	if err != nil {
		t.Fatal(err)
	}
	const n = 2000 // titles enough for the table to grow while searched
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 1; i < n; i++ {
			ix.Add([]*feed.Article{article(i)})
		}
	}()
	for range 200 {
		added := ix.Len()
		hits := ix.Search(q, nil)
		if want := (added + 1) / 2; len(hits) < want {
			t.Fatalf("%d articles added: %d hits, want at least %d", added, len(hits), want)
		}
		if all := ix.Search(folded, nil); len(all) < added {
			t.Fatalf("%d articles added: related:cafe found %d", added, len(all))
		}
	}
	wg.Wait()
	if hits := ix.Search(q, nil); len(hits) != n/2 {
		t.Errorf("%d hits at the end, want %d", len(hits), n/2)
	}
}
