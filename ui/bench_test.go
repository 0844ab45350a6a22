package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/e2e"
)

// benchHarness is a 120x40 model with n generated articles loaded.
func benchHarness(b *testing.B, n int) *harness {
	b.Helper()
	arts := make([]*feed.Article, n)
	for i := range arts {
		arts[i] = article(i, fmt.Sprintf("Generated story %d about machine learning in healthcare and beyond", i))
	}
	t := &testing.T{}
	hs := newHarness(t, 120, 40, arts)
	hs.t = t
	return hs
}

// BenchmarkCursorDown100k is one cursor-down key press at 100,000
// articles: Update, the cursor-moved message, and the frame (View), which
// is what the user waits for. The detail render runs in a Cmd and is not
// part of it (it is measured by BenchmarkRenderDetail).
func BenchmarkCursorDown100k(b *testing.B) {
	hs := benchHarness(b, 100_000)
	down := keyMsg(hs.keys.Down.Keys()[0])
	up := keyMsg(hs.keys.Up.Keys()[0])
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if i/1000%2 == 1 {
			k = up
		}
		_, cmd := hs.m.Update(k)
		if cmd != nil {
			if msg, ok := cmd().(cursorMovedMsg); ok {
				hs.m.Update(msg) // starts a render Cmd, not run here
			}
		}
		_ = hs.m.View()
		hs.m.detail.inflight = false // as if the render had landed
	}
}

// BenchmarkPageDown100k is a page-down key press at 100,000 articles.
func BenchmarkPageDown100k(b *testing.B) {
	hs := benchHarness(b, 100_000)
	pg := keyMsg(hs.keys.PageDown.Keys()[0])
	top := keyMsg(hs.keys.Top.Keys()[0])
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := pg
		if i%5000 == 4999 {
			k = top
		}
		hs.m.Update(k)
		_ = hs.m.View()
	}
}

// BenchmarkFilterKeystroke100k is one character typed into the filter at
// 100,000 articles, including the match (run in a Cmd in the program)
// and the frame showing its result.
func BenchmarkFilterKeystroke100k(b *testing.B) {
	hs := benchHarness(b, 100_000)
	hs.press(hs.keys.Filter)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := 'a' + rune(i%3)
		if i%6 >= 3 {
			hs.m.Update(tea.KeyMsg{Type: tea.KeyBackspace})
			continue
		}
		_, cmd := hs.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		deliver(hs.m, cmd, func(msg tea.Msg) bool { _, ok := msg.(filterResultMsg); return ok })
		_ = hs.m.View()
	}
}

// deliver runs cmd (and the commands of a batch) once and hands the
// messages that want accepts to m.
func deliver(m *Model, cmd tea.Cmd, want func(tea.Msg) bool) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			deliver(m, c, want)
		}
	default:
		if want(msg) {
			m.Update(msg)
		}
	}
}

// BenchmarkView is one frame at 120x40 with 100,000 articles.
func BenchmarkView100k(b *testing.B) {
	hs := benchHarness(b, 100_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = hs.m.View()
	}
}

// BenchmarkRenderDetail is what opening the seed article costs off the UI
// goroutine: reading the file again (feed.Detail), building the Markdown
// and rendering it with glamour at a 71-column pane (120 columns split).
func BenchmarkRenderDetail(b *testing.B) {
	seed := e2e.SharedCorpus(b, "seed",
		"2024-01-29-google-and-hugging-face-partner-to-advance-generative-ai-with-open-models.md")
	lib, err := feed.Load(context.Background(), []feed.Source{feed.Dir(filepath.Dir(seed))}, feed.Options{})
	if err != nil || lib.Len() != 1 {
		b.Fatalf("load seed: %v (%d articles)", err, lib.Len())
	}
	fn := renderWith(Options{Renderer: realRenderer(b)})
	a := lib.Articles()[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r := fn(a, 71, fixedNow); r.err != nil || len(r.links) == 0 {
			b.Fatalf("render: %v, %d links", r.err, len(r.links))
		}
	}
}

// BenchmarkBatchUpdate8k is the Update for one 8,192-article batch while
// a library loads: the pause a key press can wait behind. The batch is
// indexed for search in a Cmd of its own (library.reindex), not here.
func BenchmarkBatchUpdate8k(b *testing.B) {
	arts := articles(8192)
	for b.Loop() {
		b.StopTimer()
		hs := newLoadingHarness(&testing.T{})
		ch := make(chan feed.Batch, 1)
		ch <- feed.Batch{Articles: arts, Found: 100_000}
		msg := waitBatch(ch)().(batchMsg)
		b.StartTimer()
		hs.m.Update(msg)
	}
}
