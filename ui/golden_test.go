package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/ui/render"
)

// realRenderer is the production renderer with the glamour style and the
// colour profile pinned, so snapshots do not depend on the terminal.
func realRenderer(t testing.TB) *render.Renderer {
	t.Helper()
	r, err := render.NewRenderer("dark", render.WithColorProfile(termenv.Ascii))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// goldenArticles is a small, realistic library: providers, topics, a
// Markdown body, images and related stories, one of them in the library.
func goldenArticles() []*feed.Article {
	titles := []string{
		"Open models reach parity with closed ones on reasoning benchmarks",
		"Hospitals adopt AI triage: early results from three pilots",
		"Chip makers race to ship inference accelerators for laptops",
		"Regulators publish draft rules for foundation models",
		"日本の研究所が新しい言語モデルを公開",
		"Robotics start-up raises $40M to teach arms by demonstration 🤖",
		"Why small language models are having a moment",
		"Newsrooms experiment with AI summaries, carefully",
	}
	providers := []string{"The Verge", "STAT News", "Reuters", "Financial Times", "日経", "TechCrunch", "Wired", "Nieman Lab"}
	var arts []*feed.Article
	for i, title := range titles {
		a := article(i, title)
		a.Provider = feed.Provider{Name: providers[i], Domain: strings.ToLower(strings.ReplaceAll(providers[i], " ", "")) + ".example"}
		a.Published = fixedNow.Add(-time.Duration(i*i+1) * 3 * time.Hour)
		a.Topics = []string{"AI", []string{"Open Source", "Healthcare", "Hardware", "Policy"}[i%4], "Research"}
		a.Excerpt = fmt.Sprintf("A short excerpt for %q that explains what the story is about in a sentence or two.", title)
		a.Detail.Body = "## What happened\n\nThe announcement came on **Tuesday**. It includes a [report](https://report.example/" +
			fmt.Sprint(i) + ") and a list:\n\n- first point\n- second point\n\n> A quoted remark from someone involved.\n"
		a.Detail.Images = []feed.Image{{URL: fmt.Sprintf("https://img.example/%d.jpg", i), Width: 1200, Height: 630}}
		arts = append(arts, a)
	}
	relate(arts[1], arts[3])
	arts[1].Detail.Related = append(arts[1].Detail.Related, feed.Related{
		Title: "An outside story", WebURL: "https://elsewhere.example/story",
		Provider: feed.Provider{Name: "Elsewhere"}, Published: fixedNow.Add(-48 * time.Hour),
		Excerpt: "Not in the library, so it opens in the browser.",
	})
	return arts
}

func TestGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], goldenArticles(), withRenderer(realRenderer(t)))
			hs.press(hs.keys.Down)
			if !hs.m.layout.Split {
				hs.press(hs.keys.Open)
			}
			v := hs.view()
			checkScreen(t, v, sz[0], sz[1])
			golden.RequireEqual(t, v)
		})
	}
}

func TestGoldenOverlays(t *testing.T) {
	for _, st := range []struct {
		name  string
		setup func(hs *harness)
	}{
		{"help", func(hs *harness) { hs.press(hs.keys.Help) }},
		{"links", func(hs *harness) { hs.press(hs.keys.Down); hs.press(hs.keys.LinkPicker) }},
		{"filter", func(hs *harness) { hs.press(hs.keys.Filter); hs.typeText("ai mod") }},
	} {
		t.Run(st.name, func(t *testing.T) {
			hs := newHarness(t, 120, 40, goldenArticles(), withRenderer(realRenderer(t)))
			st.setup(hs)
			v := hs.view()
			checkScreen(t, v, 120, 40)
			golden.RequireEqual(t, v)
		})
	}
}

// TestGoldenSavedAndMuted: the saved-search picker, the status line's
// "N muted", and the muted rows shown and marked.
func TestGoldenSavedAndMuted(t *testing.T) {
	searches := withSearches(
		config.SavedSearch{Name: "Open models", Query: `"open models"`},
		config.SavedSearch{Name: "Policy this week", Query: "t:policy since:7d", Sort: "quality"},
		config.SavedSearch{Name: "Hardware", Query: "t:hardware"},
	)
	for _, st := range []struct {
		name  string
		setup func(hs *harness)
	}{
		{"saved", func(hs *harness) { hs.press(hs.keys.SavedSearches) }},
		{"muted", func(hs *harness) {}},
		{"muted-shown", func(hs *harness) { hs.press(hs.keys.ShowMuted); hs.press(hs.keys.Down) }},
	} {
		t.Run(st.name, func(t *testing.T) {
			store := newFakeStore()
			store.read[goldenArticles()[0].ID] = true
			hs := newHarness(t, 120, 40, goldenArticles(), withRenderer(realRenderer(t)), withStore(store),
				searches, withMute(t, "p:reuters", "t:policy"))
			st.setup(hs)
			v := hs.view()
			checkScreen(t, v, 120, 40)
			golden.RequireEqual(t, v)
		})
	}
}
