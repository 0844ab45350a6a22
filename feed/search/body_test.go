package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/textsafe"
)

// A library's summaries keep their bodies' words, not the bodies
// (feed.Article.BodyWords): these tests search the summaries of files on
// disk and the full articles read from them (feed.Detail, Body set), and
// want the same answers, hits, order and scores alike.

// loadBodies writes one article per body into a new folder and loads it:
// the summaries as the loader makes them, and the full articles in the
// same order.
func loadBodies(t *testing.T, bodies []string) (dir string, summaries, full []*feed.Article) {
	t.Helper()
	dir = t.TempDir()
	for i, b := range bodies {
		src := fmt.Sprintf("---\ntitle: \"Article %d\"\noriginalUrl: \"https://news.example/%d\"\npublishedDateTime: 2024-01-01T%02d:%02d:00Z\n---\n%s\n",
			i, i, i/60%24, i%60, b)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.md", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib, err := feed.Load(context.Background(), []feed.Source{feed.Dir(dir)}, feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	summaries = lib.Articles()
	if len(summaries) != len(bodies) {
		t.Fatalf("loaded %d articles of %d", len(summaries), len(bodies))
	}
	for _, a := range summaries {
		if a.Full() {
			t.Fatalf("%s is kept whole", a.Rel())
		}
		f, err := feed.Detail(a)
		if err != nil {
			t.Fatal(err)
		}
		full = append(full, f)
	}
	return dir, summaries, full
}

// sameAnswers checks that each query answers alike over the summaries
// and the full articles: Match, Search, and the relevance order. It
// returns how many articles each query matched.
func sameAnswers(t *testing.T, summaries, full []*feed.Article, queries []string) map[string][]string {
	t.Helper()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	sx, fx := NewIndex(), NewIndex()
	sx.Add(summaries)
	fx.Add(full)
	ids := func(arts []*feed.Article) []string {
		out := make([]string, len(arts))
		for i, a := range arts {
			out[i] = a.Rel()
		}
		return out
	}
	hits := map[string][]string{}
	for _, s := range queries {
		q, err := ParseQuery(s, now)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		want := ids(fx.Search(q, nil))
		if got := ids(sx.Search(q, nil)); !slices.Equal(got, want) {
			t.Errorf("%s: the summaries' index finds %v, the full articles' %v", s, got, want)
		}
		for i := range summaries {
			if got, want := q.Match(summaries[i], nil), q.Match(full[i], nil); got != want {
				t.Errorf("%s: Match(%s) = %v for the summary, %v for the full article", s, summaries[i].Rel(), got, want)
			}
		}
		if got, want := ids(searchSorted(sx, q, nil, SortRelevance)), ids(searchSorted(fx, q, nil, SortRelevance)); !slices.Equal(got, want) {
			t.Errorf("%s: ranked, the summaries come %v, the full articles %v", s, got, want)
		}
		ranked := slices.Clone(summaries)
		RankArticles(ranked, q, nil)
		fullRanked := slices.Clone(full)
		RankArticles(fullRanked, q, nil)
		if got, want := ids(ranked), ids(fullRanked); !slices.Equal(got, want) {
			t.Errorf("%s: RankArticles orders the summaries %v, the full articles %v", s, got, want)
		}
		hits[s] = want
	}
	return hits
}

// cutBody has more distinct words than a summary keeps: those after the
// first 32 KiB ("zebra", "crossing") are only in the file.
func cutBody() string {
	var b strings.Builder
	b.WriteString("A Long list: ")
	for i := 0; b.Len() < feed.MaxBodyWords+4096; i++ {
		fmt.Fprintf(&b, "aa%05d ", i)
	}
	b.WriteString("and the last Zebra\ncrossing. A zebra crossing, then")
	return b.String()
}

func TestBodySearchFromWords(t *testing.T) {
	bodies := []string{
		"Red fish and blue CRANES.\nThe crane's nest — “quoted” words, e-mail and co-operation.",
		"Café Müller serves crème brûlée; naïve résumé.\u00a0Straße und\u00a0Bäcker.\n\nSee [the report](https://example.com/report-2024).",
		"machine\nlearning at scale: machine-learning, Machine Learning and MACHINE   LEARNING",
		"blue fish and red cranes",
		cutBody(),
		"",
		"**bold**_italic_ `code` ### heading\n\n> That’s all—folks",
		// Upper-case letters the summary's words do not have: a phrase
		// read from the file is scanned for both cases.
		"Daily BLUE Cranes and RED\nFISH",
	}
	_, summaries, full := loadBodies(t, bodies)
	queries := []string{
		"red", "cranes", "crane", "ranes", `"red cranes"`, `"blue cranes"`, `"fish and"`, `"and red"`,
		"body:red", "body:cranes", `body:"red cranes"`, `body:"blue cranes"`, "body:ranes", `body:"crane"`, `body:"cranes"`,
		"crane's", "crane’s", "cooperation", "co-operation", "co–operation", "e-mail", "email", `"words, e-mail"`,
		"cafe", "müller", "creme brulee", `"creme brulee"`, "strasse", "naive", `"cafe muller"`, `"strasse und backer"`,
		"example.com/report", "report-2024", `"the report"`,
		`"machine learning"`, "machine-learning", `body:"machine learning"`, `"scale: machine"`, `"learning machine"`,
		"zebra", "crossing", `"zebra crossing"`, "body:zeb", `body:"zebra crossing"`, `body:"zebra"`, "aa00001", "aa09999", "body:aa0",
		"bold", "**bold**", "`code`", "heading", "that's", `"all-folks"`, `"all—folks"`,
		"-red", "-body:zebra", `-"red cranes"`, "red OR zebra", `fish -"red fish"`, `(body:blue OR body:zebra) cranes`,
		"missing", `"missing words"`, `body:"red missing"`, `"daily blue"`, `body:"daily blue"`, `"red fish"`, `body:"red fish"`,
	}
	hits := sameAnswers(t, summaries, full, queries)
	for q, want := range map[string][]string{
		`"red cranes"`:                     {"a003.md"},
		`body:"red cranes"`:                {"a003.md"},
		`"blue cranes"`:                    {"a000.md", "a007.md"},
		`"zebra crossing"`:                 {"a004.md"},
		`body:"zebra crossing"`:            {"a004.md"},
		"crossing":                         {"a004.md"},
		"body:ranes":                       nil,
		`"strasse und backer"`:             {"a001.md"},
		`"learning machine"`:               nil,
		"that's":                           {"a006.md"},
		`(body:blue OR body:zebra) cranes`: {"a000.md", "a003.md", "a007.md"},
	} {
		got := slices.Clone(hits[q])
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}

// TestBodySearchRandom compares the two on random bodies and on queries
// cut out of them: words inside words, at their starts and ends, across
// punctuation, phrases across line breaks, and bodies whose words are cut.
func TestBodySearchRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := strings.Fields("red Red RED cranes crane's crane’s fish e-mail co–operation café CAFÉ über straße naïve " +
		"ai AI model models open-source 3.5 u.s. x86 ____ ** [link](https://example.com/x) learn learning relearn")
	seps := []string{" ", " ", " ", "\n", "\n\n", ", ", ". ", " — ", "\t", "\u00a0", "-", "’"}
	bodies := make([]string, 30)
	for i := range bodies {
		var b strings.Builder
		n := 5 + rng.IntN(60)
		if i%10 == 9 { // more distinct words than a summary keeps
			for j := 0; b.Len() < feed.MaxBodyWords+2000; j++ {
				fmt.Fprintf(&b, "%s%d ", vocab[rng.IntN(len(vocab))], j)
			}
		}
		for range n {
			b.WriteString(vocab[rng.IntN(len(vocab))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		bodies[i] = b.String()
	}
	_, summaries, full := loadBodies(t, bodies)
	var queries []string
	for len(queries) < 150 {
		b := []rune(bodies[rng.IntN(len(bodies))])
		if len(b) < 2 {
			continue
		}
		i := rng.IntN(len(b) - 1)
		piece := string(b[i : i+min(len(b)-i, 2+rng.IntN(16))])
		piece = strings.NewReplacer(`"`, "", ":", " ", "(", " ", ")", " ", "-", " ").Replace(piece)
		words := strings.Fields(piece)
		if len(words) == 0 || strings.EqualFold(words[0], "or") {
			continue
		}
		q := strings.Join(words, " ")
		if len(words) > 1 {
			q = `"` + q + `"`
		}
		if rng.IntN(3) == 0 {
			q = "body:" + q
		}
		queries = append(queries, q)
	}
	hits := sameAnswers(t, summaries, full, queries)
	matched := 0
	for _, h := range hits {
		if len(h) > 0 {
			matched++
		}
	}
	if matched < len(queries)/2 {
		t.Errorf("only %d of %d queries matched anything: the test tests little", matched, len(queries))
	}
}

// TestBodyWordsAnswerWithoutFiles: a word is answered from the words the
// summary keeps, without reading the file (the files are gone here); a
// phrase, or a word beyond cut words, needs the file.
func TestBodyWordsAnswerWithoutFiles(t *testing.T) {
	dir, summaries, _ := loadBodies(t, []string{"Red fish and blue CRANES.", cutBody()})
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ix := NewIndex()
	ix.Add(summaries)
	for q, want := range map[string]int{
		"cranes": 1, "body:cran": 1, "aa00001": 1, "body:aa0": 1,
		"zebra": 0, "crossing": 0, `"blue cranes"`: 0, `body:"red fish"`: 0,
	} {
		query, err := ParseQuery(q, now)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(ix.Search(query, nil)); got != want {
			t.Errorf("%s with the files gone: %d articles, want %d", q, got, want)
		}
	}
}

// FuzzBodyWordsAnswerAsTheBody: a query without a phrase answers alike
// from a body and from the words a summary keeps of it (not cut, so that
// nothing is read from a file): the match and every word's score.
func FuzzBodyWordsAnswerAsTheBody(f *testing.F) {
	for _, s := range [][2]string{
		{"Red fish, and blue CRANES.\nThat’s all—folks", "crane"},
		{"Café  Müller\u00a0Straße [link](https://x.example/A-b)", "body:strasse"},
		{"e-mail co–operation “quoted” words", `body:"co-operation" email`},
		{"x\ty\r\nz", "-body:y OR z"},
	} {
		f.Add(s[0], s[1])
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body, query string) {
		body = textsafeBody(body)
		q, err := ParseQuery(query, now)
		if err != nil || slices.ContainsFunc(q.Words(), func(w string) bool { return strings.Contains(w, " ") }) {
			return // phrases are checked against the file (TestBodySearchFromWords)
		}
		full := &feed.Article{ID: "a", Title: "T", Detail: &feed.ArticleDetail{Body: body}}
		summary := &feed.Article{ID: "a", Title: "T", Detail: &feed.ArticleDetail{Body: body}}
		summary.Summarize()
		if _, cut := summary.BodyWords(); cut {
			return
		}
		if got, want := q.Match(summary, nil), q.Match(full, nil); got != want {
			words, _ := summary.BodyWords()
			t.Fatalf("%q in %q: Match %v from the words %q, %v from the body", query, body, got, words, want)
		}
		r := newRanker(&q)
		got, want := make([]wordScore, len(r.words)), make([]wordScore, len(r.words))
		xs, xf := lazyText{a: summary, folded: foldedText(summary, "")}, lazyText{a: full, folded: foldedText(full, "")}
		r.score(&xs, allUpper, nil, nil, got)
		r.score(&xf, allUpper, nil, nil, want)
		if !slices.Equal(got, want) {
			t.Fatalf("%q in %q: scores %v from the words, %v from the body", query, body, got, want)
		}
	})
}

// textsafeBody is a body as parse leaves it: sanitised, valid UTF-8.
func textsafeBody(s string) string { return textsafe.Sanitize(s) }
