package search

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

func TestSortArticles(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	mk := func() []*feed.Article {
		return []*feed.Article{
			{ID: "b", Title: "beta", Published: day(2), Quality: 50, Heat: 10, Provider: feed.Provider{Name: "Zeit"}},
			{ID: "u", Title: "Über", Quality: 90, Heat: 10, Provider: feed.Provider{Domain: "arstechnica.com"}}, // no date
			{ID: "a", Title: "Alpha", Published: day(1), Quality: 50, Heat: -1, Provider: feed.Provider{Name: "ars"}},
			{ID: "c", Title: "", Published: day(3), Quality: 10, Heat: 10, Provider: feed.Provider{Name: "Zeit"}},
			{ID: "d", Title: "alpha", Published: day(3), Quality: 50, Heat: 99},
		}
	}
	tests := []struct {
		k    SortKey
		want string
	}{
		{SortNewest, "c d b a u"},
		{SortOldest, "a b d c u"},   // the exact reverse of newest among the dated
		{SortQuality, "u d b a c"},  // 50s newest first
		{SortHeat, "d c b u a"},     // 10s newest first, undated last
		{SortTitle, "d a b u c"},    // alpha(3) before Alpha(1); Über as uber; no title last
		{SortProvider, "a u c b d"}, // ars, arstechnica.com (domain), Zeit x2 newest first, none last
	}
	for _, tt := range tests {
		arts := mk()
		SortArticles(arts, tt.k)
		if got := strings.Join(ids(arts), " "); got != tt.want {
			t.Errorf("%v: %s, want %s", tt.k, got, tt.want)
		}
	}
}

func TestSortKeyNames(t *testing.T) {
	k := SortRelevance
	var names []string
	for range int(numSortKeys) {
		names = append(names, k.String())
		back, err := ParseSortKey(strings.ToUpper(k.String()))
		if err != nil || back != k {
			t.Errorf("ParseSortKey(%q) = %v, %v", k, back, err)
		}
		k = k.Next()
	}
	if k != SortRelevance || strings.Join(names, " ") != "relevance newest oldest quality heat title provider" {
		t.Fatalf("cycle = %v, back to %v", names, k)
	}
	_, err := ParseSortKey("popular")
	if err == nil || err.Error() != `unknown sort "popular" (want relevance, newest, oldest, quality, heat, title or provider)` {
		t.Fatalf("ParseSortKey(popular) error = %v", err)
	}
}

func TestFacets(t *testing.T) {
	arts := []*feed.Article{
		{Topics: []string{"AI", "Machine Learning"}, Provider: feed.Provider{Name: "Forbes", Domain: "forbes.com"}},
		{Topics: []string{"ai", "AI"}, Provider: feed.Provider{Name: "forbes"}}, // one article, one count
		{Topics: []string{"Robotics", "  "}, Provider: feed.Provider{Domain: "nikkei.com"}},
		{Topics: []string{"Café"}, Provider: feed.Provider{Name: "Le Monde"}},
		{Topics: []string{"cafe", "Machine Learning"}},
	}
	topics, providers := Facets(arts)
	str := func(fs []FacetCount) string {
		var b strings.Builder
		for _, f := range fs {
			b.WriteString(f.Name + "=" + string(rune('0'+f.Count)) + " ")
		}
		return strings.TrimSpace(b.String())
	}
	if got := str(topics); got != "AI=2 Café=2 Machine Learning=2 Robotics=1" {
		t.Errorf("topics: %s", got)
	}
	if got := str(providers); got != "Forbes=2 Le Monde=1 nikkei.com=1" {
		t.Errorf("providers: %s", got)
	}
}

func TestQualifierTermRoundTrips(t *testing.T) {
	arts := queryArticles()
	for key, value := range map[string]string{"topic": "Machine Learning", "t": "AI", "provider": "Süddeutsche Zeitung", "p": "asia.nikkei.com"} {
		term := QualifierTerm(key, value)
		q, err := ParseQuery(term, queryNow)
		if err != nil {
			t.Fatalf("%s: %v", term, err)
		}
		if matching(t, q, arts, nil) == "" {
			t.Errorf("%s matches nothing", term)
		}
	}
	if got := QualifierTerm("topic", "Machine Learning"); got != `topic:"Machine Learning"` {
		t.Errorf("got %s", got)
	}
	if got := QualifierTerm("t", "AI"); got != `t:"AI"` { // the facet, not AI Chips
		t.Errorf("got %s", got)
	}
}

// SearchSorted agrees with SortArticles, and by relevance with RankArticles.
func TestSearchSortedAgreesWithSortArticles(t *testing.T) {
	all := benchArticles(900, 0)
	all[5].Published, all[6].Title, all[7].Provider = time.Time{}, "", feed.Provider{} // the odd ones
	ix := NewIndex()
	ix.Add(all[:600])
	now := time.Date(2019, 1, 20, 0, 0, 0, 0, time.UTC)
	for round, n := range []int{600, 900} {
		if round == 1 {
			ix.Add(all[600:]) // the orders must be recomputed
		}
		for _, s := range []string{"", "google", "-google", "t:robotics", "since:7d", "ai chips", "nvidia OR google", "openai t:ai", `"machine learning" -google`, "clem (robot OR chip)", "-(a) b"} {
			q, err := ParseQuery(s, now)
			if err != nil {
				t.Fatal(err)
			}
			for k := range numSortKeys {
				want := ix.Search(q, nil)
				if k == SortRelevance {
					RankArticles(want, q, nil)
				} else {
					SortArticles(want, k)
				}
				got := searchSorted(ix, q, nil, k)
				if !slices.Equal(ids(got), ids(want)) {
					t.Fatalf("%d articles, %q by %v: SearchSorted differs from SortArticles", n, s, k)
				}
			}
		}
	}
}

func TestSortByScoreIsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 100, 5000} {
		items := make([]int, n)
		scores := make([]int32, n)
		for i := range items {
			items[i] = i
			scores[i] = int32(rng.IntN(3)) << (8 * rng.IntN(4)) // equal scores, and bytes that differ
		}
		want := slices.Clone(items)
		slices.SortStableFunc(want, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
		sortByScore(items, slices.Clone(scores))
		if !slices.Equal(items, want) {
			t.Fatalf("%d items: got %v, want %v", n, items[:min(n, 20)], want[:min(n, 20)])
		}
	}
}
