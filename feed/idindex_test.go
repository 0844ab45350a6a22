package feed

import (
	"fmt"
	"testing"
)

// TestByIDFindsTheFirstAddedOfEachID adds batches of every size, with IDs
// that come back in a later batch, twice in one batch, and IDs that are
// not 12 hex digits; ByID finds, for each ID, the article added first,
// and nothing for an ID never added.
func TestByIDFindsTheFirstAddedOfEachID(t *testing.T) {
	lib := NewLibrary()
	first := map[string]*Article{}
	n := 0
	for size := 1; size < 3000; size = size*3 + 1 {
		var b Batch
		for range size {
			id := fmt.Sprintf("%012x", n*7919%1500) // repeats once n passes 1500
			switch {
			case n%97 == 0:
				id = fmt.Sprintf("hand-made %d", n%300)
			case n%13 == 0 && len(b.Articles) > 0:
				id = b.Articles[len(b.Articles)-1].ID // twice in one batch
			}
			a := &Article{ID: id, Title: fmt.Sprint(n)}
			if first[id] == nil {
				first[id] = a
			}
			b.Articles = append(b.Articles, a)
			n++
		}
		lib.Add(b)
		for id, want := range first {
			if got := lib.ByID(id); got != want {
				t.Fatalf("after %d articles: ByID(%q) = %v, want the first added (%s)", n, id, got, want.Title)
			}
		}
	}
	if len(lib.ids.runs) > 12 {
		t.Errorf("%d runs for %d articles: the runs are not merged", len(lib.ids.runs), n)
	}
	for _, id := range []string{"ffffffffffff", "hand-made 301", ""} {
		if got := lib.ByID(id); got != nil {
			t.Errorf("ByID(%q) = %v, want nil", id, got)
		}
	}
}
