package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/herald-reader/herald/feed"
)

// fillerSentences are the sentences generated excerpts and bodies are
// made of.
func fillerSentences() []string {
	return []string{
		"The move comes as competition in the sector intensifies and customers demand more control over their data.",
		"Analysts say the announcement could reshape how enterprises buy and deploy the technology.",
		"Critics, however, warn that the technology raises difficult questions about privacy, bias and accountability.",
		"That’s because the company controls every aspect of the device, from the software to the chip.",
		"Regulators in Europe and the United States are watching the space closely as adoption accelerates.",
		"Investors have poured billions of dollars into startups building on top of the latest foundation models.",
	}
}

// benchArticles generates n summaries shaped like the real corpus (and
// ../shared/tools/gen): a 40-90 character title, a 200-450 character
// excerpt, up to 8 related titles, 1-3 topics, typographic apostrophes
// and some accented names. bodyLen > 0 adds a Markdown body of about that
// many bytes (the real corpus has none), of which a summary keeps the
// words.
func benchArticles(n, bodyLen int) []*feed.Article {
	rng := rand.New(rand.NewPCG(42, uint64(bodyLen)))
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	companies := []string{"Google", "Microsoft", "OpenAI", "Nvidia", "Meta", "Amazon", "Apple", "IBM", "Hugging Face",
		"Anthropic", "DeepMind", "Baidu", "Alibaba", "Samsung", "Intel", "AMD", "Tesla", "Salesforce", "Mistral AI", "Aleph Alpha"}
	techs := []string{"generative AI", "large language models", "machine learning", "computer vision", "AI chips",
		"autonomous vehicles", "robotics", "chatbots", "AI agents", "edge AI", "open models", "foundation models"}
	domains := []string{"healthcare", "finance", "education", "retail", "manufacturing", "cybersecurity", "journalism", "law"}
	people := []string{"Sundar Pichai", "Satya Nadella", "Sam Altman", "Jensen Huang", "Clément Delangue", "Fei-Fei Li"}
	fillers := fillerSentences()
	providers := []feed.Provider{{Name: "Forbes", Domain: "forbes.com"}, {Name: "Reuters", Domain: "reuters.com"},
		{Name: "The Verge", Domain: "theverge.com"}, {Name: "Süddeutsche Zeitung", Domain: "sueddeutsche.de"},
		{Name: "Le Monde", Domain: "lemonde.fr"}, {Name: "Nikkei Asia", Domain: "asia.nikkei.com"},
		{Name: "TechCrunch", Domain: "techcrunch.com"}, {Name: "MIT Technology Review", Domain: "technologyreview.com"}}
	topics := []string{"AI", "Machine Learning", "Generative AI", "AI Chips", "AI Ethics", "Robotics", "OpenAI", "Nvidia"}
	title := func() string {
		switch rng.IntN(4) {
		case 0:
			return fmt.Sprintf("%s Bets On %s For %s", pick(companies), pick(techs), pick(domains))
		case 1:
			return fmt.Sprintf("What %s’s new %s means for %s", pick(companies), pick(techs), pick(domains))
		case 2:
			return fmt.Sprintf("%s says %s will change %s", pick(people), pick(techs), pick(domains))
		}
		return fmt.Sprintf("How %s is transforming %s at %s", pick(techs), pick(domains), pick(companies))
	}
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]*feed.Article, n)
	for i := range arts {
		var ex strings.Builder
		for ex.Len() < 200+rng.IntN(250) {
			fmt.Fprintf(&ex, "%s %s %s as %s race to win customers in %s. %s ", pick(companies), pick([]string{"expands", "unveils", "previews"}),
				pick(techs), pick([]string{"analysts", "startups", "regulators"}), pick(domains), pick(fillers))
		}
		a := &feed.Article{
			ID: fmt.Sprintf("%012x", i), Title: title(), Excerpt: strings.TrimSpace(ex.String()),
			Published: start.Add(time.Duration(i) * 30 * time.Minute), Type: "article",
			Provider: providers[rng.IntN(len(providers))], Quality: int32(rng.IntN(100)), Heat: int32(rng.IntN(100) - 1),
			Topics: []string{"AI"},
		}
		for range rng.IntN(3) {
			a.Topics = append(a.Topics, pick(topics))
		}
		var related []string
		for range min(8, rng.IntN(12)) {
			related = append(related, title())
		}
		a.SetRelatedTitles(feed.NewTitles(related...))
		if bodyLen > 0 {
			var b strings.Builder
			for b.Len() < bodyLen {
				b.WriteString(pick(fillers))
				b.WriteString("\n\n")
			}
			a.Detail = &feed.ArticleDetail{Body: b.String()}
			a.Summarize() // the loader keeps the body's words, not the body
		}
		arts[i] = a
	}
	packLikeLoader(arts)
	return arts
}

// packLikeLoader lays the articles' strings out in memory the way the
// loader does (see feed/compact.go), since the search's speed depends on
// it: each article's own text (title, excerpt) copied in order into
// large shared chunks, and the values that repeat across articles
// (provider, topics) stored once, the related titles in one table. A body's words stay
// where Summarize made them (the loader packs them too; feed only).
func packLikeLoader(arts []*feed.Article) {
	var chunk []byte
	own := func(s string) string {
		if len(chunk)+len(s) > cap(chunk) {
			chunk = make([]byte, 0, max(64<<10, len(s)))
		}
		chunk = append(chunk, s...)
		b := chunk[len(chunk)-len(s):]
		return unsafe.String(unsafe.SliceData(b), len(b)) // the chunk is never written again there
	}
	titles := feed.NewTitleStore()
	shared := map[string]string{}
	intern := func(p *string) {
		if v, ok := shared[*p]; ok {
			*p = v
		} else {
			shared[*p] = own(*p)
			*p = shared[*p]
		}
	}
	for _, a := range arts {
		a.ID, a.Title, a.Excerpt = own(a.ID), own(a.Title), own(a.Excerpt)
		intern(&a.Provider.Name)
		intern(&a.Provider.Domain)
		intern(&a.Type)
		for i := range a.Topics {
			intern(&a.Topics[i])
		}
		a.SetRelatedTitles(titles.Share(a.RelatedTitles()))
	}
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkIndexAdd indexes 100,000 articles and reports the memory the
// index adds on top of the articles (MB-index) next to what the articles'
// own text takes (MB-text).
func BenchmarkIndexAdd(b *testing.B) {
	arts := benchArticles(100_000, 0)
	textBytes := 0
	for _, a := range arts {
		words, _ := a.BodyWords()
		textBytes += len(a.Title) + len(a.Excerpt) + len(words)
		for s := range a.RelatedTitles().All() {
			textBytes += len(s)
		}
	}
	var added uint64
	for b.Loop() {
		b.StopTimer()
		before := heapInUse()
		b.StartTimer()
		ix := NewIndex()
		ix.Add(arts)
		b.StopTimer()
		added = heapInUse() - before
		runtime.KeepAlive(ix)
		b.StartTimer()
	}
	b.ReportMetric(float64(added)/1e6, "MB-index")
	b.ReportMetric(float64(textBytes)/1e6, "MB-text")
}

// BenchmarkSearch is one keystroke in the filter over 100,000 articles:
// parsing the query and searching the full text. The target is
// 50 ms. "miss" scans all the text without an early exit.
func BenchmarkSearch(b *testing.B) {
	st := fakeState{read: map[string]bool{}, starred: map[string]bool{}}
	for i := range 100_000 {
		if i%3 == 0 {
			st.read[fmt.Sprintf("%012x", i)] = true
		}
	}
	queries := []struct{ name, q string }{
		{"first-letter", "g"},
		{"word", "google"},
		{"two-words", "nvidia robotics"},
		{"phrase", `"machine learning"`},
		{"accented", "clement"},
		{"miss", "zzqx"},
		{"qualifiers", "t:ai is:unread openai"},
		{"negated", "-is:read since:30d -p:forbes"},
	}
	for _, body := range []int{0, 2000} {
		ix := NewIndex()
		ix.Add(benchArticles(100_000, body))
		runtime.GC() // the generator's garbage, not the search's
		for _, qq := range queries {
			if body > 0 && qq.name != "miss" && qq.name != "word" {
				continue
			}
			b.Run(fmt.Sprintf("body=%d/%s", body, qq.name), func(b *testing.B) {
				now := time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)
				n := 0
				cpu := cpuTime()
				for b.Loop() {
					q, err := ParseQuery(qq.q, now)
					if err != nil {
						b.Fatal(err)
					}
					hits, _, _ := ix.search(context.Background(), q, st, false, nil, nil) // cold: no earlier results to narrow
					n = len(hits)
				}
				b.ReportMetric(float64(n), "hits")
				b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

// BenchmarkTyping types queries one character at a time, as the filter
// sees them: each keystroke after the first narrows the one before, so
// Search only looks at its results. Reports the mean per keystroke.
func BenchmarkTyping(b *testing.B) {
	ix := NewIndex()
	ix.Add(benchArticles(100_000, 0))
	runtime.GC()
	now := time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{"clement", `nvidia "machine learning"`, "t:ai openai"} {
		b.Run(text, func(b *testing.B) {
			keys := 0
			cpu := cpuTime()
			for b.Loop() {
				ix.recentMu.Lock()
				ix.recent = nil
				ix.recentMu.Unlock()
				for n := 1; n <= len(text); n++ {
					q, err := ParseQuery(text[:n], now)
					if err != nil {
						continue // a half-typed phrase or qualifier shows a hint
					}
					ix.Search(q, nil)
					keys++
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e6/float64(keys), "ms/key")
			b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(keys), "cpu-ms/key")
		})
	}
}

// BenchmarkSortArticles sorts 100,000 results, newest first on input
// (the library's order) as Search returns them.
func BenchmarkSortArticles(b *testing.B) {
	arts := benchArticles(100_000, 0)
	slices.Reverse(arts) // generated oldest first; the library is newest first
	for k := range numSortKeys {
		b.Run(k.String(), func(b *testing.B) {
			work := make([]*feed.Article, len(arts))
			cpu := cpuTime()
			for b.Loop() {
				copy(work, arts)
				SortArticles(work, k)
			}
			b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkSearchSorted is a keystroke with the list sorted by title: the
// search plus one pass over the title order (sorted once, before the loop).
func BenchmarkSearchSorted(b *testing.B) {
	ix := NewIndex()
	ix.Add(benchArticles(100_000, 0))
	runtime.GC()
	now := time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"", "google"} {
		b.Run(fmt.Sprintf("title/%q", s), func(b *testing.B) {
			q, _ := ParseQuery(s, now)
			searchSorted(ix, q, nil, SortTitle)
			cpu := cpuTime()
			for b.Loop() {
				searchSorted(ix, q, nil, SortTitle)
			}
			b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkSearchRanked is a keystroke's search over 100,000 articles
// sorted by date and by relevance: what ranking adds.
func BenchmarkSearchRanked(b *testing.B) {
	ix := NewIndex()
	ix.Add(benchArticles(100_000, 0))
	runtime.GC()
	now := time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{"generative ai t:AI", "hugging face", "g"} {
		q, err := ParseQuery(text, now)
		if err != nil {
			b.Fatal(err)
		}
		for _, k := range []SortKey{SortNewest, SortRelevance} {
			b.Run(fmt.Sprintf("%s/%s", text, k), func(b *testing.B) {
				n := 0
				cpu := cpuTime()
				for b.Loop() {
					ix.recentMu.Lock()
					ix.recent = nil // not the same query's result again
					ix.recentMu.Unlock()
					n = len(searchSorted(ix, q, nil, k))
				}
				b.ReportMetric(float64(n), "hits")
				b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
			})
		}
	}
}
