package ui

import (
	"fmt"
	"math/rand/v2"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// rankedArticles are n articles whose titles, excerpts, topics and
// related titles vary the way the archive's do, so that a query with
// words matches some thousands of them in different fields and ranking
// has work to do.
func rankedArticles(n int) []*feed.Article {
	rng := rand.New(rand.NewPCG(13, 100))
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	companies := []string{"Google", "Microsoft", "OpenAI", "Nvidia", "Meta", "Amazon", "Apple", "Hugging Face", "Anthropic", "Mistral AI"}
	techs := []string{"generative AI", "large language models", "machine learning", "computer vision", "AI chips",
		"robotics", "chatbots", "AI agents", "open models", "foundation models", "edge AI", "autonomous vehicles"}
	fields := []string{"healthcare", "finance", "education", "retail", "journalism", "law"}
	title := func() string {
		if rng.IntN(2) == 0 {
			return fmt.Sprintf("%s Bets On %s For %s", pick(companies), pick(techs), pick(fields))
		}
		return fmt.Sprintf("How %s is changing %s at %s", pick(techs), pick(fields), pick(companies))
	}
	topics := []string{"Generative AI", "Machine Learning", "AI Chips", "Robotics", "Policy"}
	arts := make([]*feed.Article, n)
	titles := feed.NewTitleStore() // one table, as a load keeps them
	for i := range arts {
		a := article(i, title())
		a.Excerpt = fmt.Sprintf("%s expands %s as startups race to win customers in %s.", pick(companies), pick(techs), pick(fields))
		a.Topics = []string{pick(topics)}
		if rng.IntN(2) == 0 {
			a.Topics = append(a.Topics, "AI")
		}
		var related []string
		for range rng.IntN(5) {
			related = append(related, title())
		}
		a.SetRelatedTitles(titles.Share(feed.NewTitles(related...)))
		arts[i] = a
	}
	return arts
}

// BenchmarkQueryKeystroke100k is one keystroke of a ranked query at
// 100,000 articles: "generative" typed a letter at a time after
// "t:AI ai ", each letter narrowing the query before, with the
// unread-only view on (every search asks the store) and the default sort,
// best match first: the search, the ranking, the result and the frame.
// Between words (untimed) the word is deleted and a mark changes, so no
// earlier result can be taken again as it is.
func BenchmarkQueryKeystroke100k(b *testing.B) {
	arts := rankedArticles(100_000)
	st := newFakeStore()
	for i := 0; i < len(arts); i += 3 {
		st.read[arts[i].ID] = true
	}
	t := &testing.T{}
	hs := newHarness(t, 120, 40, arts, withStore(st))
	hs.t = t
	hs.press(hs.keys.UnreadOnly)
	hs.press(hs.keys.Filter)
	hs.typeText("t:AI ai ")
	key := func(msg tea.KeyMsg) {
		_, cmd := hs.m.Update(msg)
		deliver(hs.m, cmd, func(msg tea.Msg) bool { _, ok := msg.(filterResultMsg); return ok })
	}
	const word = "generative"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(word)
		if k == 0 && i > 0 {
			b.StopTimer()
			for range len(word) {
				key(tea.KeyMsg{Type: tea.KeyBackspace})
			}
			if err := st.SetRead([]string{arts[0].ID}, true); err != nil { // a new version
				b.Fatal(err)
			}
			key(tea.KeyMsg{Type: tea.KeyBackspace}) // "t:AI ai" searched again
			key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{' '}})
			b.StartTimer()
		}
		key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune(word[k])}})
		_ = hs.m.View()
	}
	b.ReportMetric(float64(hs.m.list.Len()), "results")
}
