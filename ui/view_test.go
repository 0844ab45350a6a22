package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// wideArticles mixes CJK, emoji, combining marks and very long words into
// titles, providers and topics: the rows must keep their width anyway.
func wideArticles() []*feed.Article {
	titles := []string{
		"日本語のタイトルはとても長くて画面の幅を超えてしまうかもしれません、本当に長いです",
		"Emoji 🎉🚀🧠 in the title 👩‍💻 with a family 👨‍👩‍👧 and flags 🇯🇵🇫🇷",
		"Ünïcödé çömbïnïng ma\u0301rks and a Supercalifragilisticexpialidocious_without_any_space_to_break_at_all",
		"한국어 제목과 中文标题 mixed with ASCII",
		"",
	}
	var out []*feed.Article
	for i := 0; i < 40; i++ {
		a := article(i, titles[i%len(titles)])
		a.Provider.Name = []string{"新聞社", "Prøvider 📰", "A very long provider name that goes on and on"}[i%3]
		a.Topics = []string{"人工知能", "🤖 robots", "Machine Learning", "Extra"}
		out = append(out, a)
	}
	return out
}

// sizes samples the supported range 40x10 to 300x100: every width (or
// every step-th) at the smallest and largest heights, every height at the
// widths around the split threshold and at the extremes. The layout
// arithmetic itself is checked at every size in layout_test.go.
func sizes(step int) [][2]int {
	var out [][2]int
	for w := 40; w <= 300; w += step {
		out = append(out, [2]int{w, 10}, [2]int{w, 100})
	}
	for h := 10; h <= 100; h++ {
		for _, w := range []int{40, 99, 100, 300} {
			out = append(out, [2]int{w, h})
		}
	}
	return out
}

func TestEverySizeFitsTheScreen(t *testing.T) {
	states := []struct {
		name  string
		setup func(hs *harness)
	}{
		{"panes", func(hs *harness) { hs.press(hs.keys.Down) }},
		{"detail", func(hs *harness) { hs.press(hs.keys.Open) }},
		{"filter", func(hs *harness) { hs.press(hs.keys.Filter); hs.typeText("日本 🎉 long query text") }},
		{"search", func(hs *harness) {
			hs.press(hs.keys.Open)
			hs.press(hs.keys.Find)
			hs.typeText("日本 🎉 long query text")
		}},
		{"searched", func(hs *harness) {
			hs.press(hs.keys.Open)
			hs.press(hs.keys.Find)
			hs.typeText("story")
			hs.press(hs.keys.Open)
		}},
		{"help", func(hs *harness) { hs.press(hs.keys.Help) }},
		{"links", func(hs *harness) { hs.press(hs.keys.LinkPicker) }},
		{"skipped", func(hs *harness) { hs.press(hs.keys.Skipped) }},
	}
	for _, st := range states {
		t.Run(st.name, func(t *testing.T) {
			arts := wideArticles()
			relate(arts[0], arts[3])
			hs := newHarness(t, 80, 24, arts)
			st.setup(hs)
			step := 7
			if st.name == "panes" {
				step = 1
			}
			for _, sz := range sizes(step) {
				hs.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				checkScreen(t, hs.view(), sz[0], sz[1])
			}
		})
	}
}

func TestSkippedPanel(t *testing.T) {
	ch := make(chan feed.Batch, 1)
	ch <- feed.Batch{
		Articles: articles(3),
		Skipped: []feed.Problem{
			{Path: "news/bad\x1b]0;pwned\x07.md", Line: 3, Reason: "front matter: mapping values are not allowed"},
			{Path: "news/empty.md", Reason: "empty file"},
		},
		Found: 5, Done: true,
	}
	close(ch)
	hs := newHarness(t, 120, 40, nil, withLoader(ch))
	v := hs.view()
	if !strings.Contains(v, "3 articles") || !strings.Contains(v, "2 skipped") {
		t.Fatalf("status lacks counts:\n%s", v)
	}
	hs.press(hs.keys.Skipped)
	v = hs.view()
	checkScreen(t, v, 120, 40)
	for _, want := range []string{"news/empty.md: empty file", "bad]0;pwned.md:3: front matter: mapping values"} {
		if !strings.Contains(v, want) {
			t.Errorf("skipped panel lacks %q:\n%s", want, v)
		}
	}
	hs.press(hs.keys.Skipped)
	if hs.m.over != noOverlay {
		t.Fatal("! does not close the panel")
	}
}

func TestLoadingKeepsCursorAndShowsProgress(t *testing.T) {
	arts := articles(300)
	hs := newLoadingHarness(t)
	if !strings.Contains(hs.view(), "Loading") {
		t.Fatalf("first screen does not say it is loading:\n%s", hs.view())
	}
	hs.send(batchMsg{batch: feed.Batch{Articles: arts[:50], Found: 300}})
	for i := 0; i < 7; i++ {
		hs.press(hs.keys.Down)
	}
	want := hs.selected()
	v := hs.view()
	if !strings.Contains(v, "50/300") || strings.Contains(v, "articles") {
		t.Fatalf("progress not shown while loading:\n%s", v)
	}
	for i := 50; i < 300; i += 50 {
		hs.send(batchMsg{batch: feed.Batch{Articles: arts[i : i+50], Found: 300, Done: i+50 == 300}})
		if hs.selected() != want {
			t.Fatalf("batch %d moved the cursor from %q to %q", i, want, hs.selected())
		}
	}
	v = hs.view()
	if !strings.Contains(v, "300 articles") {
		t.Fatalf("final count missing:\n%s", v)
	}
	if hs.selected() != want {
		t.Fatalf("finish moved the cursor to %q", hs.selected())
	}
}

func TestLoadingWhileFiltered(t *testing.T) {
	arts := articles(100)
	hs := newLoadingHarness(t)
	hs.send(batchMsg{batch: feed.Batch{Articles: arts[:10], Found: 100}})
	hs.press(hs.keys.Filter)
	hs.typeText("number 5")
	before := hs.m.list.Len()
	hs.send(batchMsg{batch: feed.Batch{Articles: arts[10:], Found: 100, Done: true}})
	if after := hs.m.list.Len(); after <= before || after != 19 {
		t.Fatalf("filtered list %d -> %d, want 19 (every title with a 5)", before, after)
	}
	if !strings.Contains(hs.view(), "19 shown") || !strings.Contains(hs.view(), "100 articles") {
		t.Fatalf("status:\n%s", hs.view())
	}
}

func TestEmptyLibrary(t *testing.T) {
	ch := make(chan feed.Batch)
	close(ch)
	hs := newHarness(t, 80, 24, nil, withLoader(ch))
	v := hs.view()
	checkScreen(t, v, 80, 24)
	if !strings.Contains(v, "No articles.") || !strings.Contains(v, "0 articles") {
		t.Fatalf("empty library:\n%s", v)
	}
	for _, b := range []string{"j", "G", "enter", "tab", "o", "l", "1", "b", "/"} {
		hs.send(keyMsg(b))
	}
	checkScreen(t, hs.view(), 80, 24)
}

// newLoadingHarness is a model that is loading: the test delivers the
// loader's batches itself (batchMsg), between key presses, which a real
// channel read by the synchronous harness could not allow.
func newLoadingHarness(t *testing.T) *harness {
	hs := newHarness(t, 120, 40, nil)
	hs.m.lib.loading = true
	return hs
}

var _ = fmt.Sprint
