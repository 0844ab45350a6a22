package ui

import (
	"testing"

	"github.com/herald-reader/herald/feed"
)

// BenchmarkFilterResultUpdate100k is the Update call for a filter result
// of 100,000 articles with clustering on: what the UI goroutine spends on
// the result before it can take the next key press. Grouping the rows
// runs in the Cmd it returns, which is not part of it.
func BenchmarkFilterResultUpdate100k(b *testing.B) {
	hs, arts := clusteredFiltered100k(b)
	msg := filterResultMsg{gen: hs.m.filter.gen, articles: arts}
	b.ResetTimer()
	for range b.N {
		hs.m.Update(msg)
	}
}

// BenchmarkRowsUpdate100k is the Update call that shows the grouped rows
// of 100,000 articles: the other half of a filter result on the UI
// goroutine (the list takes the rows and finds the cursor's article).
func BenchmarkRowsUpdate100k(b *testing.B) {
	hs, arts := clusteredFiltered100k(b)
	_, cmd := hs.m.Update(filterResultMsg{gen: hs.m.filter.gen, articles: arts})
	var rows rowsMsg
	for _, msg := range collect(cmd) {
		if r, ok := msg.(rowsMsg); ok {
			rows = r
		}
	}
	if len(rows.items) == 0 {
		b.Fatal("no rows grouped in a Cmd")
	}
	b.ResetTimer()
	for range b.N {
		hs.m.Update(rows)
	}
}

// clusteredFiltered100k is a clustered model of 100,000 articles, one in
// five a near-duplicate of the one before, with a filter applied.
func clusteredFiltered100k(b *testing.B) (*harness, []*feed.Article) {
	arts := articles(100_000)
	for i, a := range arts {
		if i%5 == 1 {
			a.Title = arts[i-1].Title
			a.WebURL = arts[i-1].WebURL
		}
	}
	t := &testing.T{}
	hs := newHarness(t, 120, 40, arts, withClustering)
	hs.t = t
	hs.press(hs.keys.Filter)
	hs.typeText("story") // every title
	if hs.m.lib.stories.of == nil || !hs.m.filter.applied() || hs.m.list.Len() != 80_000 {
		b.Fatalf("not clustered, or no filter applied: %d rows", hs.m.list.Len())
	}
	return hs, arts
}
