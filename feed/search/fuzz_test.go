package search

import (
	"slices"
	"testing"
)

// FuzzParseQuery: any text either parses or gets a hint, never a panic;
// what parses matches the same articles through Match, the Index and the
// ranked search.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"google", `"open models" -p:forbes`, "(t:AI OR t:\"Machine Learning\") -p:forbes",
		"-(a OR b) c", "f(x) OR )", "((", "a OR", `title:"hugging fa`, "site:https://x.example/y", "since:7d is:read"} {
		f.Add(s)
	}
	arts := queryArticles()
	ix := NewIndex()
	ix.Add(arts)
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s, queryNow)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: an empty hint", s)
			}
			return
		}
		var want []string
		for _, a := range arts {
			if q.Match(a, queryState) {
				want = append(want, a.ID)
			}
		}
		if got := ids(ix.Search(q, queryState)); !slices.Equal(got, want) {
			t.Fatalf("%q: Index %v, Match %v", s, got, want)
		}
		ranked := ids(searchSorted(ix, q, queryState, SortRelevance))
		slices.Sort(ranked)
		if !slices.Equal(ranked, want) { // the fixture's IDs sort in its order
			t.Fatalf("%q: ranked %v, Match %v", s, ranked, want)
		}
	})
}
