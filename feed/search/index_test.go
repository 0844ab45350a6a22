package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/e2e"
	"github.com/herald-reader/herald/internal/state"
)

// verState is a Versioned State whose marks the test changes.
type verState struct {
	read    map[string]bool
	version uint64
}

func (s *verState) IsRead(id string) bool    { return s.read[id] }
func (s *verState) IsStarred(id string) bool { return false }
func (s *verState) Version() uint64          { return s.version }

// TestSearchAgreesWithMatchWhileTyping types, deletes and retypes queries
// against one Index, with marks and new articles arriving in between, and
// checks every result, by date and ranked, against Query.Match over all
// articles: reusing earlier results must never change an answer.
func TestSearchAgreesWithMatchWhileTyping(t *testing.T) {
	all := benchArticles(600, 0)
	ix := NewIndex()
	ix.Add(all[:400])
	added := 400
	st := &verState{read: map[string]bool{}}
	now := time.Date(2019, 2, 15, 0, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(7, 7))
	phrases := []string{`google "open models"`, "is:unread nvidia", "-is:unread robotics", "since:30d clement",
		"before:2019-02-01 t:ai", "-p:forbes that's", "t:robotics -is:read ai", "cle -zz", "microsoft ai"}
	reused, repeated := 0, 0
	for _, full := range phrases {
		for step := 0; step < 3*len(full); step++ {
			text := typedAt(full, step, rng)
			q, err := ParseQuery(text, now)
			if err != nil {
				continue // a half-typed qualifier
			}
			if rng.IntN(5) == 0 { // a mark arrives
				st.read[all[rng.IntN(added)].ID] = rng.IntN(2) == 0
				st.version++
			}
			if rng.IntN(20) == 0 && added < len(all) { // more articles stream in
				ix.Add(all[added : added+50])
				added += 50
			}
			if c, _, same := ix.candidates(&q, st, nil); c != nil {
				reused++
				if same {
					repeated++
				}
			}
			var want []string
			for _, a := range all[:added] {
				if q.Match(a, st) {
					want = append(want, a.ID)
				}
			}
			if got := ids(ix.Search(q, st)); !slices.Equal(got, want) {
				t.Fatalf("%q: Search found %d articles, Match %d", text, len(got), len(want))
			}
			if got := ids(searchSorted(ix, q, st, SortRelevance)); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
				t.Fatalf("%q: ranked, Search found %d articles, Match %d", text, len(got), len(want))
			}
		}
	}
	if reused == 0 || repeated == 0 {
		t.Fatalf("%d searches reused an earlier result, %d their own", reused, repeated)
	}
}

func TestSearchNarrowsOnlyWhatItMay(t *testing.T) {
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		old, q string
		want   bool
	}{
		{"goo", "goog", true},
		{"goo", "google cloud", true},
		{"goog", "goo", false},
		{"goo", "-goo", false},
		{"-goo", "-goog", false},
		{"-goo", "-goo x", true},
		{"t:ai", "t:ai openai", true},
		{"t:ai", "t:aix", true}, // a word starting with aix starts with ai
		{"t:aix", "t:ai", false},
		{`t:"ai"`, "t:aix", false},
		{"t:ai", `t:"ai"`, true},
		{"title:goo", "title:goog", true},
		{"title:goo", "title:oog", false},
		{"site:ny", "site:nyt", true},
		{"a OR b", "(a OR b) c", true},
		{"a OR b", "a OR bc", false},
		{"c (a OR b)", "a OR b", false},
		{"-(a OR b)", "-(a OR b) x", true},
		{"-(a OR b)", "(a OR b) x", false},
		{"since:7d", "since:3d", true},
		{"since:3d", "since:7d", false},
		{"before:3d", "before:7d", true},
		{"before:7d", "before:3d", false},
		{"-since:3d", "-since:7d", true},
		{"is:read", "is:read x", true},
		{"is:read", "is:unread", false},
		{"", "x", true},
	}
	for _, tt := range tests {
		old, err1 := ParseQuery(tt.old, now)
		q, err2 := ParseQuery(tt.q, now)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if got := q.narrows(&old); got != tt.want {
			t.Errorf("%q narrows %q = %v, want %v", tt.q, tt.old, got, tt.want)
		}
	}
}

func TestSearchForgetsStateDependentResultsWithoutVersion(t *testing.T) {
	arts := queryArticles()
	st := fakeState{read: map[string]bool{}, starred: map[string]bool{}} // not Versioned
	ix := NewIndex()
	ix.Add(arts)
	q, _ := ParseQuery("is:unread", queryNow)
	if n := len(ix.Search(q, st)); n != 4 {
		t.Fatalf("got %d", n)
	}
	st.read["a1"] = true
	q2, _ := ParseQuery("is:unread ai", queryNow)
	if got := fmt.Sprint(ids(ix.Search(q2, st))); got != "[a2 a3 a4]" {
		t.Fatalf("is:unread ai after marking a1 read = %s", got)
	}
}

// The reading state store is what the UI passes to Search.
var _ interface {
	State
	Versioned
} = (*state.Store)(nil)

// TestSearchRealCorpus runs queries over the shared corpus through the
// loader, checking Search against Match and that each query finds
// something (the corpus is about AI, from Forbes among others).
func TestSearchRealCorpus(t *testing.T) {
	dir := e2e.SharedCorpus(t)
	lib, err := feed.Load(context.Background(), []feed.Source{feed.Dir(dir)}, feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts := lib.Articles()
	st, err := state.OpenWith(t.TempDir(), state.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetRead(ids(arts[:len(arts)/2]), true); err != nil {
		t.Fatal(err)
	}
	ix := NewIndex()
	ix.Add(arts)
	for _, s := range []string{"ai", "t:ai", "p:forbes", "generative", `"artificial intelligence"`, "is:unread ai", "-is:unread", "since:2020-01-01"} {
		q, err := ParseQuery(s, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, a := range arts {
			if q.Match(a, st) {
				want = append(want, a.ID)
			}
		}
		got := ids(ix.Search(q, st))
		if !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("%s: Search found %d, Match %d of %d", s, len(got), len(want), len(arts))
		}
	}
}

// TestGrowKeepsResults: room made ahead (Grow, as the reader does with
// the library's size when its first batch comes) changes no answer, and
// a size already exceeded (a negative or zero n) is no error.
func TestGrowKeepsResults(t *testing.T) {
	all := benchArticles(300, 0)
	plain, grown := NewIndex(), NewIndex()
	plain.Add(all[:100])
	plain.Add(all[100:])
	grown.Grow(300)
	grown.Add(all[:100])
	grown.Grow(-5)
	grown.Grow(0)
	grown.Add(all[100:])
	q, err := ParseQuery("ai", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if a, b := plain.Search(q, nil), grown.Search(q, nil); len(a) == 0 || !slices.Equal(a, b) {
		t.Errorf("grown index found %d articles, the plain one %d", len(b), len(a))
	}
}

// typedAt is what the filter holds at step of typing full over 3*len(full)
// steps: typed forward a letter at a time, then with a backspace now and
// then, then whole.
func typedAt(full string, step int, rng *rand.Rand) string {
	n := len(full)
	if step < len(full) {
		n = step + 1
	} else if step < 2*len(full) {
		n = max(1, len(full)-rng.IntN(4))
	}
	return full[:n]
}
