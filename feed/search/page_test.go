package search

import (
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

// A fetched page's text is searched like the article's own body, by the
// index and by Match, and a page fetched after indexing is found at once,
// even by a query that narrows one remembered before.
func TestPagesAreSearched(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	a := &feed.Article{ID: "a", Title: "Cranes return", OriginalURL: "https://news.example/a"}
	b := &feed.Article{ID: "b", Title: "Frost in the valley", OriginalURL: "https://news.example/b"}
	pages := map[string]string{"a": "Forty Welders repainted the cranes in the Über-Werft."}
	ix := NewIndexWithPages(func(x *feed.Article) string { return pages[x.ID] })
	ix.Add([]*feed.Article{a, b})

	search := func(s string) []string {
		t.Helper()
		q, err := ParseQuery(s, now)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, x := range ix.Search(q, nil) {
			ids = append(ids, x.ID)
		}
		return ids
	}
	if got := search("welders"); len(got) != 1 || got[0] != "a" {
		t.Errorf("welders: got %v, want [a]", got)
	}
	if got := search("uber-werft"); len(got) != 1 || got[0] != "a" {
		t.Errorf("folded page text: got %v, want [a]", got)
	}
	if got := search("candle"); len(got) != 0 {
		t.Errorf("candle before b's page: got %v", got)
	}
	if n := ix.SetPage(b.OriginalURL, "Growers lit candles between the rows all night."); n != 1 {
		t.Fatalf("SetPage found %d articles, want 1", n)
	}
	if got := search("candles"); len(got) != 1 || got[0] != "b" {
		t.Errorf("candles after b's page was fetched: got %v, want [b]", got)
	}

	q, _ := ParseQuery("welders", now)
	if !q.MatchPage(a, pages["a"], nil) || q.Match(a, nil) {
		t.Error("MatchPage must find the page text, Match (no page) must not")
	}
}

// body: looks at the body and the fetched page, not the title or excerpt.
func TestBodyQualifier(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	inTitle := &feed.Article{ID: "t", Title: "Cranes return", OriginalURL: "https://n.example/t"}
	inBody := &feed.Article{ID: "b", Title: "Port news", Detail: &feed.ArticleDetail{Body: "The red cranes are back."}, OriginalURL: "https://n.example/b"}
	inPage := &feed.Article{ID: "p", Title: "Harbour", OriginalURL: "https://n.example/p"}
	pages := map[string]string{"p": "Welders repainted the Cranes."}
	ix := NewIndexWithPages(func(x *feed.Article) string { return pages[x.ID] })
	ix.Add([]*feed.Article{inTitle, inBody, inPage})
	for query, want := range map[string]string{
		"body:cranes":           "b p",
		`body:"red cranes"`:     "b",
		"-body:cranes":          "t",
		"cranes":                "t b p",
		"body:cranes body:weld": "p",
	} {
		q, err := ParseQuery(query, now)
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		var ids []string
		for _, a := range ix.Search(q, nil) {
			ids = append(ids, a.ID)
		}
		if got := strings.Join(ids, " "); got != want {
			t.Errorf("%s: index found %q, want %q", query, got, want)
		}
		var matched []string
		for _, a := range []*feed.Article{inTitle, inBody, inPage} {
			if q.MatchPage(a, pages[a.ID], nil) {
				matched = append(matched, a.ID)
			}
		}
		if got := strings.Join(matched, " "); got != want {
			t.Errorf("%s: Match found %q, want %q", query, got, want)
		}
	}
	if _, err := ParseQuery("body:", now); err == nil || !strings.Contains(err.Error(), "body: wants words") {
		t.Errorf("empty body: got %v", err)
	}
}
